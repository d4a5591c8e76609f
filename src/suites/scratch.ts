/** Scratch repositories for demos and suites: real git repositories in a temp dir. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGit } from '../git/git.js';

export interface ScratchRepo {
  path: string;
  dispose(): void;
}

/** A new repository with one commit, gc off (so no background gc disturbs timings). */
export function createScratchRepo(prefix = 'lockstep-scratch-'): ScratchRepo {
  const path = mkdtempSync(join(tmpdir(), prefix));
  const git = createGit(path);
  git.execSync(['init', '-q', '-b', 'main']);
  for (const [k, v] of [
    ['user.name', 'lockstep'],
    ['user.email', 'lockstep@example.invalid'],
    ['gc.auto', '0'],
    ['commit.gpgsign', 'false'],
    ['core.hooksPath', '.git/hooks'],
  ] as const) {
    git.execSync(['config', k, v]);
  }
  writeFileSync(join(path, 'README.md'), '# scratch repository made by lockstep\n');
  git.execSync(['add', 'README.md']);
  git.execSync(['commit', '-q', '-m', 'scratch: initial commit']);
  return { path, dispose: () => rmSync(path, { recursive: true, force: true }) };
}
