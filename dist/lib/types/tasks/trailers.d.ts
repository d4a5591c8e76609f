export declare const TRAILER_TASK = "Lockstep-Task";
export declare const TRAILER_SCOPE = "Lockstep-Scope";
export declare const TRAILER_SHARED = "Lockstep-Shared";
export declare const TRAILER_FENCE = "Lockstep-Fence";
export declare const TRAILER_PARENT = "Lockstep-Parent";
/** The longest trailer line lockstep writes: commitlint's default body and footer limit. */
export declare const MAX_TRAILER_LINE = 100;
/** JSON with every non-printable-ASCII character escaped, so the value is one ASCII line. */
export declare function encodeGlobs(globs: readonly string[]): string;
/** The globs of a `Lockstep-Scope`/`Lockstep-Shared` value; null when it is not a JSON array of strings. */
export declare function decodeGlobs(value: string): string[] | null;
/**
 * The globs of the `Lockstep-Scope` (or `Lockstep-Shared`) values of one
 * commit, in order. They are the parts of one array; when they do not join
 * into one (a message with two sets of trailers, e.g. a squash or an amend by
 * hand), the last set that does is taken, as for the other trailers.
 */
export declare function decodeGlobValues(values: readonly string[]): string[] | null;
/** `key: value` lines of at most MAX_TRAILER_LINE characters whose values, joined, are `encoded`. */
export declare function chunkedTrailer(key: string, encoded: string): string[];
export interface Fence {
    token: number;
    /** The fence counter's id; null for a bare number. */
    counter: string | null;
}
export declare function formatFence(token: number, counter: string | null): string;
export declare function parseFence(value: string): Fence | null;
export interface TrailerSet {
    task: string;
    scope: string[];
    shared: string[];
    fence: string;
    /** HEAD when the commit is made ('' or null before the first commit). */
    parent: string | null;
}
/** The trailer lines of a commit, in the order they appear on it. */
export declare function trailerLines(t: TrailerSet): string[];
/** Lockstep's own trailer lines, whatever their values: taken out before new ones go in (an amend). */
export declare const LOCKSTEP_TRAILER_LINE: RegExp;
/** `message` without lockstep's trailer lines. */
export declare function withoutLockstepTrailers(message: string): string;
/**
 * `git interpret-trailers` arguments that append `lines` to a message
 * stripped of its old lockstep trailers (several lines share a key, so
 * `--if-exists replace` would keep only the last).
 */
export declare function trailerArgs(t: TrailerSet): string[];
