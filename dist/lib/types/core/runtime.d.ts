import { type RepoPaths } from '../git/git.js';
export interface Runtime {
    /** `<common dir>/lockstep` (or the directory given to `runtimeAt`). */
    root: string;
    /** The repository, or null for a runtime rooted at a plain directory. */
    repo: RepoPaths | null;
}
export interface RuntimeOptions {
    /** Any directory inside the repository (default: process.cwd()). */
    cwd?: string;
    /** Allow a bare repository (only the remote backend's server side wants this). */
    allowBare?: boolean;
}
export declare function openRuntime(opts?: RuntimeOptions): Runtime;
/**
 * Makes `root` lockstep's own real directory (see ensureDirIn) and refuses a
 * link at its audit log up front: appends go O_NOFOLLOW and are never fatal,
 * so without this check a planted link would silently lose the log instead
 * of stopping the command before it does anything.
 */
export declare function ensureRuntimeRoot(root: string): void;
/**
 * A runtime rooted at a plain directory, for state that belongs to a
 * directory rather than a repository (e.g. `allocate ROOT` outside any repo).
 */
export declare function runtimeAt(root: string): Runtime;
/** Lock names: `[a-z0-9][a-z0-9._-]{0,63}` — they become directory names. */
export declare const LOCK_NAME: RegExp;
export declare function validateLockName(name: string): string;
