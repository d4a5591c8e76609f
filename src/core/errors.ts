/**
 * Typed errors with a stable code. The CLI maps `exitCode` to the process
 * exit status and prints `message` (plus `hint`) without a stack trace.
 *
 * Exit codes (documented in the README and docs/cli.md):
 *   0 ok · 1 a check found a violation / nothing to claim · 2 bad usage or
 *   bad input · 3 timed out waiting for a lock · 4 environment problem.
 */
import { escapeControl } from './outside-text.js';

export const ExitCode = {
  ok: 0,
  violation: 1,
  usage: 2,
  timeout: 3,
  environment: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export type ErrorCode =
  | 'BAD_INPUT'
  | 'BAD_NAME'
  | 'NOT_A_REPO'
  | 'BARE_REPO'
  | 'GIT_MISSING'
  | 'GIT_FAILED'
  | 'NO_PERMISSION'
  | 'CORRUPT_STATE'
  | 'LOCK_TIMEOUT'
  | 'LOCK_COMPROMISED'
  | 'LOCK_HELD'
  | 'LOCK_NOT_HELD'
  | 'VIOLATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'COMMAND_FAILED'
  | 'ENVIRONMENT'
  | 'REMOTE_UNREACHABLE'
  | 'REMOTE_REFUSED'
  | 'UNSAFE_PATH';

const exitByCode: Record<ErrorCode, ExitCode> = {
  BAD_INPUT: ExitCode.usage,
  BAD_NAME: ExitCode.usage,
  NOT_A_REPO: ExitCode.environment,
  BARE_REPO: ExitCode.environment,
  GIT_MISSING: ExitCode.environment,
  GIT_FAILED: ExitCode.environment,
  NO_PERMISSION: ExitCode.environment,
  CORRUPT_STATE: ExitCode.environment,
  LOCK_TIMEOUT: ExitCode.timeout,
  LOCK_COMPROMISED: ExitCode.violation,
  LOCK_HELD: ExitCode.violation,
  LOCK_NOT_HELD: ExitCode.usage,
  VIOLATION: ExitCode.violation,
  NOT_FOUND: ExitCode.usage,
  CONFLICT: ExitCode.violation,
  /** A command lockstep ran for the user (e.g. `lockstep commit --edit`) failed; nothing was done. */
  COMMAND_FAILED: ExitCode.violation,
  ENVIRONMENT: ExitCode.environment,
  REMOTE_UNREACHABLE: ExitCode.environment,
  REMOTE_REFUSED: ExitCode.environment,
  /** A symbolic link (or another user's directory) where lockstep writes, reads or deletes: refused, nothing done there. */
  UNSAFE_PATH: ExitCode.environment,
};

export class LockstepError extends Error {
  readonly code: ErrorCode;
  /** The command (or action) that fixes it, shown under the message. */
  readonly hint?: string;
  /** Structured detail for `--json` output. */
  readonly detail?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, opts: { hint?: string; detail?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'LockstepError';
    this.code = code;
    this.hint = opts.hint;
    this.detail = opts.detail;
  }

  get exitCode(): ExitCode {
    return exitByCode[this.code];
  }
}

export function isLockstepError(e: unknown): e is LockstepError {
  return e instanceof LockstepError;
}

/** Maps a Node fs error to a LockstepError a person can act on; rethrows anything else. */
export function fsError(e: unknown, what: string, rawPath: string): LockstepError {
  const path = escapeControl(rawPath); // a path may come from anyone: shown, never drawn
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new LockstepError('NO_PERMISSION', `cannot ${what} ${path}: permission denied (${code})`, {
      hint: `check the owner and mode of ${path} (ls -ld "${path}")`,
      cause: e,
    });
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new LockstepError('ENVIRONMENT', `cannot ${what} ${path}: no space left on device`, { cause: e });
  }
  if (code === 'ELOOP') {
    // Only O_NOFOLLOW opens give ELOOP here: a link where lockstep expects its own file.
    return new LockstepError('UNSAFE_PATH', `refusing to ${what} ${path}: it is a symbolic link, which lockstep never follows`, {
      hint: `see what is there (ls -la "${path}") and remove the link if lockstep did not make it`,
      cause: e,
    });
  }
  if (code === 'ENOTDIR' || code === 'EISDIR') {
    return new LockstepError('ENVIRONMENT', `cannot ${what} ${path}: a file is in the way (${code})`, { cause: e });
  }
  return new LockstepError('ENVIRONMENT', `cannot ${what} ${path}: ${(e as Error)?.message ?? String(e)}`, { cause: e });
}
