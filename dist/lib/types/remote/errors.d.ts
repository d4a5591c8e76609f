/**
 * Turning what git says about a remote into errors a person can act on.
 *
 * Three outcomes matter and must never be confused:
 *   - unreachable: nothing was changed (or nothing can be known): exit 4;
 *   - refused: the server will never accept refs/lockstep/* (hidden refs, a
 *     pre-receive hook, no atomic push): exit 4, with what to change;
 *   - conflict: someone else moved the ref first: the caller re-reads and retries.
 */
import { LockstepError } from '../core/errors.js';
export declare function looksUnreachable(stderr: string): boolean;
export declare function unreachableError(remote: string, url: string, what: string, stderr: string, timedOut?: boolean): LockstepError;
/** The same as unreachable, but the push may have landed: the caller only knows it did not hear back. */
export declare function ambiguousPushError(remote: string, url: string, what: string, stderr: string, timedOut: boolean): LockstepError;
export declare function refusedError(remote: string, url: string, refs: string[], reason: string, stderr: string): LockstepError;
export type PushLineOutcome = 'ok' | 'conflict' | 'refused';
/**
 * Classifies one `git push --porcelain` status line's summary. "stale info",
 * "atomic transaction failed", "cannot lock ref", "failed to update ref" and
 * the like mean another writer won the race; any other remote rejection
 * (hook declined, hidden ref, funny refname) means the server refuses the ref.
 */
export declare function classifyPushSummary(flag: string, summary: string): PushLineOutcome;
