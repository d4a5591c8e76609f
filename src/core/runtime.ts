/**
 * Where lockstep keeps its run-time state: `<git common dir>/lockstep/`, one
 * place for every worktree of a repository, invisible to `git status`.
 */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { createGit, type RepoPaths } from '../git/git.js';
import { LockstepError } from './errors.js';
import { quoteInput } from './outside-text.js';
import { eventsPath } from './events.js';
import { ensureDirIn, unsafePathError } from './files.js';

export interface Runtime {
  /** `<common dir>/lockstep` (or the directory given to `runtimeAt`). */
  root: string;
  /** The repository, or null for a runtime rooted at a plain directory. */
  repo: RepoPaths | null;
}

export interface RuntimeOptions {
  /** Any directory inside the repository (default: process.cwd()). */
  cwd?: string;
  /** Allow a bare repository (only the remote backend's server side wants this). */
  allowBare?: boolean;
}

const cache = new Map<string, Runtime>();

export function openRuntime(opts: RuntimeOptions = {}): Runtime {
  const cwd = opts.cwd ?? process.cwd();
  const key = `${cwd}\0${opts.allowBare ? 1 : 0}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const repo = createGit(cwd).repoPaths();
  if (repo.bare && !opts.allowBare) {
    throw new LockstepError('BARE_REPO', `${repo.commonDir} is a bare repository: lockstep coordinates work in checkouts`, {
      hint: 'run lockstep in a clone or worktree of it (git clone, git worktree add)',
    });
  }
  const root = join(repo.commonDir, 'lockstep');
  ensureRuntimeRoot(root);
  const rt = { root, repo };
  cache.set(key, rt);
  return rt;
}

/**
 * Makes `root` lockstep's own real directory (see ensureDirIn) and refuses a
 * link at its audit log up front: appends go O_NOFOLLOW and are never fatal,
 * so without this check a planted link would silently lose the log instead
 * of stopping the command before it does anything.
 */
export function ensureRuntimeRoot(root: string): void {
  ensureDirIn(root, root);
  const log = eventsPath(root);
  if (lstatSync(log, { throwIfNoEntry: false })?.isSymbolicLink()) throw unsafePathError(log, 'it is a symbolic link');
}

/**
 * A runtime rooted at a plain directory, for state that belongs to a
 * directory rather than a repository (e.g. `allocate ROOT` outside any repo).
 */
export function runtimeAt(root: string): Runtime {
  ensureRuntimeRoot(root);
  return { root, repo: null };
}

/** Lock names: `[a-z0-9][a-z0-9._-]{0,63}` — they become directory names. */
export const LOCK_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export function validateLockName(name: string): string {
  if (typeof name !== 'string' || !LOCK_NAME.test(name)) {
    throw new LockstepError('BAD_NAME', `invalid lock name ${quoteInput(name)}: use 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit`);
  }
  return name;
}
