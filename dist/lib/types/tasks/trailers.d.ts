export declare const TRAILER_TASK = "Lockstep-Task";
export declare const TRAILER_SCOPE = "Lockstep-Scope";
export declare const TRAILER_SHARED = "Lockstep-Shared";
export declare const TRAILER_FENCE = "Lockstep-Fence";
/** JSON with every non-printable-ASCII character escaped, so the value is one ASCII line. */
export declare function encodeGlobs(globs: readonly string[]): string;
/** The globs of a `Lockstep-Scope`/`Lockstep-Shared` value; null when it is not a JSON array of strings. */
export declare function decodeGlobs(value: string): string[] | null;
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
}
/** `--trailer` arguments for `git interpret-trailers`, in the order they appear on a commit. */
export declare function trailerArgs(t: TrailerSet): string[];
