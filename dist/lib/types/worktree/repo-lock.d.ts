/**
 * The repository lock: one lock (`repo`) around every sequence that changes
 * which worktrees exist or where a shared branch points — worktree add (with
 * its file copies), worktree refresh and remove, prune, and each merge. The
 * lock's FIFO tickets make the merge queue first come, first served, and
 * because worktree creation waits on the same lock, a new worktree never
 * observes a half-done merge (seed 003: a lock around single git commands
 * let a worktree's file copies interleave with a merge's steps).
 */
import { type LockHandle, type WaitInfo } from '../core/lock.js';
import type { Runtime } from '../core/runtime.js';
export declare const REPO_LOCK = "repo";
/** Merges queue up behind each other: waiting minutes is normal with many agents. */
export declare const DEFAULT_REPO_LOCK_TIMEOUT_MS = 600000;
export interface RepoLockOptions {
    runtime: Runtime;
    cwd?: string;
    /** What the holder does, shown by `lockstep status` and `lockstep lock status repo`. */
    command: string;
    agent?: string | null;
    task?: string | null;
    timeoutMs?: number;
    onWait?: (w: WaitInfo) => void;
    env?: NodeJS.ProcessEnv;
    /**
     * TEST-ONLY: run the sequence without the repository lock. It exists so the
     * seed-003 test can show its detector fires when serialization is off.
     * Never set it in real use.
     */
    unsafeUnserialized?: boolean;
}
export declare function withRepoLock<T>(opts: RepoLockOptions, fn: (h: LockHandle | null) => Promise<T>): Promise<T>;
