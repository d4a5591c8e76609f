/**
 * Steps that take the real index's lock (`index.lock`) while other git
 * processes — a person's `git add`, a hook-path `git commit -a` waiting in its
 * pre-commit for the commit lock — may briefly hold it: they retry instead of
 * failing at the first collision. A lock that a killed git left behind would
 * make them retry until their deadline and fail anyway, so while they wait
 * they judge the lock (src/git/git-locks.ts) and remove it once it is stale.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { GitResult } from '../git/git.js';
import { clearIfStale, type GitLockFile } from '../git/git-locks.js';
import { timerDelay } from '../core/duration.js';

export function indexLocked(r: GitResult): boolean {
  return r.code !== 0 && /index\.lock/.test(r.stderr);
}

/** The index.lock a step may find in its way, to be judged and removed once stale. */
export interface StaleIndexLock {
  /** The repository's common git dir. */
  commonDir: string;
  /** Absolute path of the index.lock. */
  lock: string;
  /** Called after a stale lock was removed, before the step runs again. */
  onCleared: (lock: GitLockFile) => void | Promise<void>;
}

/** How often a waiting step judges the lock again: one look at every process costs several ms (docs/tasks-and-hooks.md). */
const JUDGE_EVERY_MS = 1000;

/**
 * Runs a git step that takes the real index's lock, retrying while another
 * git process holds index.lock (until `deadlineMs`). With `stale`, a lock no
 * live process can be holding is removed and the step run again at once.
 */
export async function withIndexRetry(run: () => Promise<GitResult>, deadlineMs: number, stale?: StaleIndexLock): Promise<GitResult> {
  let nextJudge = 0;
  for (let delay = 5; ; delay = Math.min(100, delay * 2)) {
    const r = await run();
    if (!indexLocked(r)) return r;
    if (stale && Date.now() >= nextJudge) {
      nextJudge = Date.now() + JUDGE_EVERY_MS;
      const { outcome, lock } = clearIfStale(stale.commonDir, stale.lock);
      if (outcome === 'cleared' && lock) {
        await stale.onCleared(lock);
        continue;
      }
    }
    if (Date.now() > deadlineMs) return r;
    await sleep(timerDelay(delay));
  }
}
