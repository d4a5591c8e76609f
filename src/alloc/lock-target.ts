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
import { join } from 'node:path';
import type { Runtime } from '../core/runtime.js';
import { checkoutCommonDir } from '../git/discover.js';
import { sha1Hex } from '../core/names.js';

export interface AllocationLock {
  runtime: Runtime;
  /** `alloc-<first 12 hex of sha1(real path of ROOT)>`. */
  name: string;
  /** The checkout's common git dir, or null when ROOT is not inside a checkout. */
  commonDir: string | null;
}

export function allocationLockName(realRoot: string): string {
  return `alloc-${sha1Hex(realRoot).slice(0, 12)}`;
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
