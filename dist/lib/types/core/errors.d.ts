export declare const ExitCode: {
    readonly ok: 0;
    readonly violation: 1;
    readonly usage: 2;
    readonly timeout: 3;
    readonly environment: 4;
};
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
export type ErrorCode = 'BAD_INPUT' | 'BAD_NAME' | 'NOT_A_REPO' | 'BARE_REPO' | 'GIT_MISSING' | 'GIT_FAILED' | 'NO_PERMISSION' | 'CORRUPT_STATE' | 'LOCK_TIMEOUT' | 'LOCK_COMPROMISED' | 'LOCK_HELD' | 'LOCK_NOT_HELD' | 'VIOLATION' | 'NOT_FOUND' | 'CONFLICT' | 'COMMAND_FAILED' | 'ENVIRONMENT' | 'REMOTE_UNREACHABLE' | 'REMOTE_REFUSED' | 'UNSAFE_PATH';
export declare class LockstepError extends Error {
    readonly code: ErrorCode;
    /** The command (or action) that fixes it, shown under the message. */
    readonly hint?: string;
    /** Structured detail for `--json` output. */
    readonly detail?: Record<string, unknown>;
    constructor(code: ErrorCode, message: string, opts?: {
        hint?: string;
        detail?: Record<string, unknown>;
        cause?: unknown;
    });
    get exitCode(): ExitCode;
}
export declare function isLockstepError(e: unknown): e is LockstepError;
/** Maps a Node fs error to a LockstepError a person can act on; rethrows anything else. */
export declare function fsError(e: unknown, what: string, rawPath: string): LockstepError;
