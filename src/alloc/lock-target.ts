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

/** 'dir', 'file' or null (missing, or anything else): one stat per path. */
function kindOf(p: string): 'dir' | 'file' | null {
  try {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) return null;
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : null;
  } catch {
    return null;
  }
}

function readCommonDir(gitDir: string): string {
  try {
    const rel = readFileSync(join(gitDir, 'commondir'), 'utf8').trim();
    return rel ? resolve(gitDir, rel) : gitDir;
  } catch {
    return gitDir; // no commondir file (a main repository's git dir), or unreadable
  }
}

/** The git dir that `.git` at `dotGit` stands for, or null when it is not one. */
function gitDirOf(dotGit: string): string | null {
  const kind = kindOf(dotGit);
  if (kind === 'dir') return kindOf(join(dotGit, 'HEAD')) === 'file' ? dotGit : null;
  if (kind !== 'file') return null;
  try {
    const m = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'));
    if (!m) return null;
    const dir = resolve(dirname(dotGit), m[1]!);
    return kindOf(dir) === 'dir' ? dir : null;
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
  const hit = known.get(realRoot);
  if (hit) return hit;
  const name = allocationLockName(realRoot);
  const commonDir = checkoutCommonDir(realRoot);
  const root = commonDir ? join(commonDir, 'lockstep') : join(realRoot, '.lockstep');
  const lock: AllocationLock = { runtime: { root, repo: null }, name, commonDir };
  if (known.size >= KNOWN_MAX) known.clear();
  known.set(realRoot, lock);
  return lock;
}

/**
 * The answer for each real root this process has asked about. Finding the
 * checkout costs a stat per directory level (and more inside one), on every
 * allocation; the answer only changes if a repository is created or removed
 * around ROOT, which a running allocator does not have to follow (see
 * docs/allocate.md). Bounded so that a long-lived process allocating into
 * very many roots does not grow without limit.
 */
const known = new Map<string, AllocationLock>();
const KNOWN_MAX = 256;

/** Forgets the remembered locks (tests that build a repository around an existing root). */
export function forgetAllocationLocks(): void {
  known.clear();
}
