import type { GitResult } from '../git/git.js';
import { type GitLockFile } from '../git/git-locks.js';
export declare function indexLocked(r: GitResult): boolean;
/** The index.lock a step may find in its way, to be judged and removed once stale. */
export interface StaleIndexLock {
    /** The repository's common git dir. */
    commonDir: string;
    /** Absolute path of the index.lock. */
    lock: string;
    /** Called after a stale lock was removed, before the step runs again. */
    onCleared: (lock: GitLockFile) => void | Promise<void>;
}
/**
 * Runs a git step that takes the real index's lock, retrying while another
 * git process holds index.lock (until `deadlineMs`). With `stale`, a lock no
 * live process can be holding is removed and the step run again at once.
 */
export declare function withIndexRetry(run: () => Promise<GitResult>, deadlineMs: number, stale?: StaleIndexLock): Promise<GitResult>;
