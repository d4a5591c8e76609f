/** Scratch repositories for demos and suites: real git repositories in a temp dir. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGit } from '../git/git.js';
import { LockstepError } from '../core/errors.js';

export interface ScratchRepo {
  path: string;
  dispose(): void;
}

const CONFIG = [
  ['user.name', 'lockstep'],
  ['user.email', 'lockstep@example.invalid'],
  ['gc.auto', '0'],
  ['commit.gpgsign', 'false'],
  // The repository's own hooks dir: a global core.hooksPath must not run here.
  ['core.hooksPath', '.git/hooks'],
] as const;

/** The identity and settings every suite repository gets (no global hooks, no gc, no signing). */
export function configureScratch(path: string): void {
  const git = createGit(path);
  for (const [k, v] of CONFIG) git.execSync(['config', k, v]);
}

/** Makes `path` (created if missing) a new repository on branch main with one commit, gc off. */
export function initScratchRepoAt(path: string): string {
  mkdirSync(path, { recursive: true });
  const git = createGit(path);
  git.execSync(['init', '-q', '-b', 'main']);
  configureScratch(path);
  writeFileSync(join(path, 'README.md'), '# scratch repository made by lockstep\n');
  git.execSync(['add', 'README.md']);
  git.execSync(['commit', '-q', '-m', 'scratch: initial commit']);
  return path;
}

/**
 * A temp clone of the user's repository at `path` (so suites never touch the
 * original), on a branch of its own; returns that branch's name.
 */
export function cloneRepoAt(source: string, path: string): string {
  const src = createGit(source);
  let top: string | null;
  try {
    top = src.repoPaths().topLevel;
  } catch (e) {
    throw new LockstepError('NOT_A_REPO', `--repo ${source} is not a git repository`, { hint: 'pass a checkout of a git repository, or leave --repo out to use a scratch repository', cause: e });
  }
  if (!top) throw new LockstepError('BARE_REPO', `--repo ${source} is a bare repository`, { hint: 'pass a checkout (git clone it first)' });
  if (src.runSync(['rev-parse', '--verify', '-q', 'HEAD'], { readOnly: true }).code !== 0) {
    throw new LockstepError('BAD_INPUT', `--repo ${source} has no commits yet`, { hint: 'commit something first, or leave --repo out to use a scratch repository' });
  }
  createGit(process.cwd()).execSync(['clone', '-q', '--local', '--no-tags', top, path]);
  configureScratch(path);
  createGit(path).execSync(['checkout', '-q', '-B', 'lockstep-suite']);
  return 'lockstep-suite';
}

/** A new repository with one commit, gc off (so no background gc disturbs timings). */
export function createScratchRepo(prefix = 'lockstep-scratch-'): ScratchRepo {
  const path = mkdtempSync(join(tmpdir(), prefix));
  initScratchRepoAt(path);
  return { path, dispose: () => rmSync(path, { recursive: true, force: true }) };
}
