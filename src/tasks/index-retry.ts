/**
 * Steps that take the real index's lock (`index.lock`) while other git
 * processes — a person's `git add`, a hook-path `git commit` waiting in its
 * pre-commit for the commit lock — may briefly hold it: they retry instead of
 * failing at the first collision.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { GitResult } from '../git/git.js';

export function indexLocked(r: GitResult): boolean {
  return r.code !== 0 && /index\.lock/.test(r.stderr);
}

/** Runs a git step that takes the real index's lock, retrying while another git process holds index.lock (until `deadlineMs`). */
export async function withIndexRetry(run: () => Promise<GitResult>, deadlineMs: number): Promise<GitResult> {
  for (let delay = 5; ; delay = Math.min(100, delay * 2)) {
    const r = await run();
    if (!indexLocked(r) || Date.now() > deadlineMs) return r;
    await sleep(delay);
  }
}
