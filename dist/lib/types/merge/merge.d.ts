import { type WaitInfo } from '../core/lock.js';
import { type Git } from '../git/git.js';
export interface MergeOptions {
    cwd?: string;
    branch: string;
    /** The base branch (default: the branch checked out in cwd). */
    into?: string;
    /** A shell command run (with `sh -c`) in a scratch worktree holding the merge result; non-zero exit = the merge does not land. */
    check?: string;
    checkTimeoutMs?: number;
    /** The merge commit's subject (default "Merge <branch> into <base>"). */
    message?: string;
    /** Trailers added to the merge commit message (e.g. Lockstep-Item). */
    trailers?: Record<string, string>;
    /**
     * Skip the merge when the base's first-parent history already holds a
     * merge commit with this trailer (makes a retried item's merge idempotent).
     */
    onceTrailer?: {
        key: string;
        value: string;
    };
    /** How long to wait for the repository lock (default 10 min). */
    timeoutMs?: number;
    /** Compare-and-swap attempts before giving up on a base that keeps moving (default 10). */
    maxAttempts?: number;
    agent?: string | null;
    task?: string | null;
    /** Bring checkouts of the base along (default true). */
    syncCheckouts?: boolean;
    onWait?: (w: WaitInfo) => void;
    /** TEST-ONLY: skip the repository lock. */
    unsafeUnserialized?: boolean;
    /** TEST-ONLY: move the base with a plain `update-ref` (no expected old value), as a naive merge would. */
    unsafeNoCas?: boolean;
}
interface Common {
    branch: string;
    into: string;
    branchTip: string;
    waitedMs: number;
    ms: number;
}
export type MergeResult = (Common & {
    status: 'merged';
    commit: string;
    previous: string;
    attempts: number;
    checked: boolean;
    /** Checkouts of the base brought along. */
    synced: string[];
    /** Checkouts that could not be brought along after the base moved (a race with activity in them). */
    unsynced: {
        path: string;
        reason: string;
    }[];
}) | (Common & {
    status: 'up-to-date';
    commit: string;
}) | (Common & {
    status: 'already-merged';
    commit: string;
}) | (Common & {
    status: 'conflict';
    base: string;
    files: string[];
}) | (Common & {
    status: 'check-failed';
    base: string;
    commit: string;
    exitCode: number | null;
    signal: string | null;
    timedOut: boolean;
    output: string;
}) | (Common & {
    status: 'blocked';
    base: string;
    checkout: string;
    reason: string;
});
/** The first-parent commit of `base` carrying trailer `key: value`, or null. */
export declare function findMergeWithTrailer(git: Git, base: string, key: string, value: string): Promise<string | null>;
export declare function mergeBranch(opts: MergeOptions): Promise<MergeResult>;
export {};
