import { LockstepError } from './errors.js';
/** O_NOFOLLOW (0 where the platform has none): an open that fails with ELOOP on a link instead of following it. */
export declare const O_NOFOLLOW: number;
/** openSync flags: read (or read and write) an existing file that must not be a link. */
export declare const READ_NOFOLLOW: number;
export declare const UPDATE_NOFOLLOW: number;
/** The refusal for a path lockstep will not use: what is there, and how to clear it. */
export declare function unsafePathError(path: string, why: string): LockstepError;
/**
 * Makes `path` a real directory of this user inside `root`, which lockstep
 * owns: `root` and every component below it are lstat'ed, never followed,
 * and created one mkdir at a time when missing; a link, or a directory of
 * another user, is refused with UNSAFE_PATH naming it. `root`'s parents are
 * trusted (the git common dir, a root the user named) and created if
 * missing. With `checkout`, `root` is a checkout or git dir, trusted itself,
 * whose directories may belong to another user (a CI container's root user).
 */
export declare function ensureDirIn(root: string, path: string, opts?: {
    checkout?: boolean;
}): void;
/**
 * Like ensureDirIn without creating anything: true when `path` is a real
 * directory of this user inside `root`, false when a component is missing;
 * throws UNSAFE_PATH on a link. The check before listing or deleting in a
 * directory.
 */
export declare function checkDirIn(root: string, path: string): boolean;
/**
 * Removes `path` (a file or a whole tree) inside lockstep's `root`: its
 * directory is checked with checkDirIn and `path` itself must be ours and
 * not a link (a link is refused, not removed: lockstep did not make it).
 * The tree is removed without following links inside it (rm -r semantics).
 * False when nothing was there.
 */
export declare function removeTreeIn(root: string, path: string): boolean;
/** An O_APPEND descriptor for `path`, created if missing; a link there is refused (UNSAFE_PATH), never appended through. */
export declare function openAppend(path: string, what?: string): number;
/** Reads a file that must not be a link (ELOOP, mapped by fsError to UNSAFE_PATH). Errors are raw, as readFileSync's. */
export declare function readFileNoFollow(path: string): string;
/** mkdir -p of a directory the user named (not lockstep's own: its parents may be links the user made). */
export declare function ensureDir(path: string): void;
/** A name for a temporary file next to `path`, unique to this process and call. */
export declare function tempPathFor(path: string): string;
/**
 * Writes `data` to a temp file in the same directory and renames it over
 * `path`: readers see the old content or the new, never a torn write.
 */
export declare function writeFileAtomic(path: string, data: string, opts?: {
    fsync?: boolean;
}): void;
/**
 * Creates `path`, which must not exist yet (O_EXCL), writes `data` to it and
 * returns the descriptor, open for reading and writing (the caller closes
 * it); null when the path exists. A write that fails removes the file again.
 * Errors name `where` (default: the path).
 */
export declare function openExclusive(path: string, data: string, what?: string, where?: string): number | null;
/** Reads and parses a JSON file; undefined when it does not exist; CORRUPT_STATE when it is not JSON. */
export declare function readJsonFile<T>(path: string, what: string): T | undefined;
export declare function unlinkQuiet(path: string): boolean;
/**
 * Writes `data` to a new temp file in `dir` (named `.tmp.<pid>.<random>`, so
 * leftovers of dead processes can be recognised) and returns its path: the
 * first half of every "write fully, then link() into place" step.
 */
export declare function writeTempIn(dir: string, data: string, what?: string): string;
/** link(2): true when we created `dest`, false when it exists (or, with `missingOk`, when `src` is gone). */
export declare function tryLink(src: string, dest: string, missingOk?: boolean): boolean;
