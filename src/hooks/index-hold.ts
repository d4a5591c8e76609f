/**
 * Holding git's own `index.lock` for a plain `git commit` from the
 * pre-commit check until that git process exits.
 *
 * Why: a plain `git commit` writes the index and lets go of `index.lock`
 * before it runs pre-commit, and re-reads the index after it. A `git add` by
 * another task in between changes what is committed after the check judged
 * it: its file lands in this task's commit. Holding the lock makes that `git
 * add` fail at once (git's usual "index.lock exists"; agents retry), and
 * nothing else writes the index meanwhile. The commit itself does not need
 * the lock again (it only reads the index).
 *
 * Protocol: the check creates `index.lock` with O_EXCL holding a marker (a
 * random line), makes its own index changes in a copy renamed over `index`
 * (allowed: it holds the lock), and starts a detached watcher — a few lines
 * of sh — that waits for the git process to exit and then removes the file
 * if it still holds the marker. The git process exits however the commit
 * ends (done, message rejected, Ctrl-C, killed), so the lock never outlives
 * it by more than the watcher's poll (50 ms).
 *
 * Not used when git holds the lock itself (`commit -a`, `commit -- paths`:
 * GIT_INDEX_FILE is then `index.lock` or a temporary index) or when the
 * index is lockstep commit's private temporary one.
 */
import { spawn } from 'node:child_process';
import { closeSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { clearIfStale } from '../git/git-locks.js';
import { openExclusive, unlinkQuiet } from '../core/files.js';
import { randomHex } from '../core/names.js';

export interface IndexHold {
  /** The held `index.lock`. */
  lock: string;
  marker: string;
}

/** The index file git gave the hook (GIT_INDEX_FILE, relative to the top level), else the worktree's index. */
export function hookIndexFile(env: NodeJS.ProcessEnv, top: string, gitDir: string): string {
  const f = env.GIT_INDEX_FILE;
  return f ? resolve(top, f) : resolve(gitDir, 'index');
}

const WATCH = 'while kill -0 "$1" 2>/dev/null; do sleep 0.05; done; m=$(cat "$2" 2>/dev/null) || exit 0; [ "$m" = "$3" ] && rm -f "$2"';

/**
 * Takes `<index>.lock` for the git process `gitPid`, waiting until
 * `deadlineMs` while another git holds it (a lock no live process can be
 * holding is removed, see src/git/git-locks.ts). Null when it stays taken.
 */
export async function holdIndexLock(opts: { index: string; commonDir: string; gitPid: number; deadlineMs: number }): Promise<IndexHold | null> {
  const lock = `${opts.index}.lock`;
  const marker = `lockstep index hold ${process.pid} ${randomHex(8)}`;
  let nextJudge = Date.now() + 1000;
  for (let delay = 5; ; delay = Math.min(50, delay * 2)) {
    const fd = openExclusive(lock, `${marker}\n`, 'hold the index lock');
    if (fd !== null) {
      closeSync(fd);
      const w = spawn('sh', ['-c', WATCH, 'lockstep-index-hold', String(opts.gitPid), lock, marker], { detached: true, stdio: 'ignore' });
      w.on('error', () => undefined);
      w.unref();
      return { lock, marker };
    }
    if (Date.now() >= nextJudge) {
      nextJudge = Date.now() + 1000;
      if (clearIfStale(opts.commonDir, lock).outcome === 'cleared') continue;
    }
    if (Date.now() > opts.deadlineMs) return null;
    await sleep(delay);
  }
}

/**
 * Gives the index lock back (post-commit, or a blocked check): removed only
 * while it still holds our marker. Called while the git process lives, so no
 * other git can have made a new index.lock in its place.
 */
export function releaseIndexHold(hold: { lock: string; marker: string }): void {
  if (!hold.lock) return;
  let text: string;
  try {
    text = readFileSync(hold.lock, 'utf8');
  } catch {
    return;
  }
  if (text.split('\n', 1)[0] === hold.marker) unlinkQuiet(hold.lock);
}
