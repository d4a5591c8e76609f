import { LockstepError } from './errors.js';
/** A directory as shown to a person: quoted (control characters escaped) unless plain, and elided when long. */
export declare function showDir(dir: string): string;
/** Why `dir` cannot be a child's working directory, or null when it can. */
export declare function unusableDir(dir: string): string | null;
/**
 * The error for a child (`program`) that failed to start in `cwd`: BAD_INPUT
 * naming the directory when it is the cause, else null (the caller knows what
 * a failure of its own program means, e.g. GIT_MISSING for ENOENT).
 */
export declare function badCwdError(program: string, cwd: string | undefined): LockstepError | null;
/** A one-line reason for a failed spawn, for results that carry a message rather than throw. */
export declare function spawnFailureMessage(program: string, cwd: string | undefined, e: unknown): string;
