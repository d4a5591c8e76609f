/**
 * Which lock guards an allocation root.
 *
 * Every process allocating into one ROOT must pick the very same lock, so the
 * choice is a pure function of ROOT's real path: when ROOT lies inside a git
 * checkout the lock lives in that repository's runtime
 * (`<common dir>/lockstep/locks/alloc-<hash>`), where `lockstep lock status`
 * shows it; otherwise in `ROOT/.lockstep/locks/alloc-<hash>`.
 *
 * The checkout is found by reading `.git` entries on the way up (a directory,
 * or a `gitdir:` file with an optional `commondir` for worktrees), not by
 * running `git rev-parse`: git's answer depends on the environment (GIT_DIR is
 * set inside hooks), on who runs it (safe.directory refuses repositories owned
 * by another user) and on git being installed at all — any of which would let
 * two processes allocating into the same ROOT pick different locks. It also
 * saves a process spawn on every allocation.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Runtime } from '../core/runtime.js';

export interface AllocationLock {
  runtime: Runtime;
  /** `alloc-<first 12 hex of sha1(real path of ROOT)>`. */
  name: string;
  /** The checkout's common git dir, or null when ROOT is not inside a checkout. */
  commonDir: string | null;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function readCommonDir(gitDir: string): string {
  const file = join(gitDir, 'commondir');
  if (!isFile(file)) return gitDir;
  try {
    const rel = readFileSync(file, 'utf8').trim();
    return rel ? resolve(gitDir, rel) : gitDir;
  } catch {
    return gitDir;
  }
}

/** The git dir that `.git` at `dotGit` stands for, or null when it is not one. */
function gitDirOf(dotGit: string): string | null {
  if (isDir(dotGit)) return isFile(join(dotGit, 'HEAD')) ? dotGit : null;
  if (!isFile(dotGit)) return null;
  try {
    const m = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'));
    if (!m) return null;
    const dir = resolve(dirname(dotGit), m[1]!);
    return isDir(dir) ? dir : null;
  } catch {
    return null;
  }
}

/** The common git dir of the checkout that contains `realDir`, or null. */
export function checkoutCommonDir(realDir: string): string | null {
  for (let d = realDir; ; ) {
    const gitDir = gitDirOf(join(d, '.git'));
    if (gitDir) return readCommonDir(gitDir);
    const up = dirname(d);
    if (up === d) return null;
    d = up;
  }
}

export function allocationLockName(realRoot: string): string {
  return `alloc-${createHash('sha1').update(realRoot).digest('hex').slice(0, 12)}`;
}

/**
 * The lock for `realRoot` (which must be a real path). Creates nothing on
 * disk (so `--verify` can use it too): acquireLock creates the lock's
 * directory, with its parents, when it is first taken.
 */
export function allocationLockFor(realRoot: string): AllocationLock {
  const name = allocationLockName(realRoot);
  const commonDir = checkoutCommonDir(realRoot);
  const root = commonDir ? join(commonDir, 'lockstep') : join(realRoot, '.lockstep');
  return { runtime: { root, repo: null }, name, commonDir };
}
