import { type AcquireOptions } from './lock.js';
import { LockstepError } from './errors.js';
export interface RunLockedOptions extends Omit<AcquireOptions, 'ownerPid' | 'command'> {
    argv: string[];
    /** Extra environment for the child. */
    childEnv?: Record<string, string>;
    /** stdio for the child (default inherit). */
    stdio?: 'inherit' | 'ignore' | 'pipe';
}
export interface RunLockedResult {
    exitCode: number;
    signal: NodeJS.Signals | null;
    token: number;
    waitedMs: number;
    heldMs: number;
    /** Set when the lock was lost while the command ran (the command's work may have raced). */
    releaseError: LockstepError | null;
    /** Why the command could not be started (exit code 127 or 126), or null. */
    failedToStart: string | null;
}
/** The path `cmd` resolves to through PATH (or as a path), or null. */
export declare function findExecutable(cmd: string, pathEnv: string, cwd: string): string | null;
export declare function runLocked(opts: RunLockedOptions): Promise<RunLockedResult>;
