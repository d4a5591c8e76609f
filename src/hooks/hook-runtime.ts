/**
 * The runtime of the repository a hook runs in, found without starting git
 * when possible: git runs hooks at the top of the worktree, where `.git` is
 * the git dir itself (main worktree) or a `gitdir:` file pointing at it
 * (linked worktree, whose `commondir` file names the shared dir). Two git
 * processes fewer on every commit; anything unusual (GIT_DIR and friends
 * set, no `.git` here) falls back to `openRuntime`, which asks git.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureRuntimeRoot, openRuntime, type Runtime } from '../core/runtime.js';

function readTrimmed(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
}

function fastRuntime(cwd: string, env: NodeJS.ProcessEnv): Runtime | null {
  if (env.GIT_DIR || env.GIT_WORK_TREE || env.GIT_COMMON_DIR) return null;
  const dotGit = join(cwd, '.git');
  let gitDir: string;
  try {
    if (statSync(dotGit).isDirectory()) gitDir = dotGit;
    else {
      const m = /^gitdir: (.+)$/.exec(readTrimmed(dotGit) ?? '');
      if (!m) return null;
      gitDir = resolve(cwd, m[1]!);
    }
  } catch {
    return null;
  }
  const common = readTrimmed(join(gitDir, 'commondir'));
  const commonDir = common ? resolve(gitDir, common) : gitDir;
  try {
    if (!statSync(join(commonDir, 'objects')).isDirectory()) return null;
  } catch {
    return null;
  }
  const root = join(commonDir, 'lockstep');
  ensureRuntimeRoot(root);
  return { root, repo: { commonDir, gitDir, topLevel: cwd, bare: false } };
}

export function hookRuntime(cwd: string, env: NodeJS.ProcessEnv = process.env): Runtime {
  return fastRuntime(resolve(cwd), env) ?? openRuntime({ cwd });
}

/**
 * HEAD's commit id read from the files git keeps it in (HEAD, the loose ref,
 * packed-refs), or null before the first commit; undefined when that cannot
 * be told without git (reftable, anything unexpected): ask git then.
 */
export function readHeadFast(gitDir: string, commonDir: string): string | null | undefined {
  if (existsSync(join(commonDir, 'reftable'))) return undefined;
  const head = readTrimmed(join(gitDir, 'HEAD'));
  if (!head) return undefined;
  if (/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(head)) return head;
  const m = /^ref: (refs\/[^\s]+)$/.exec(head);
  if (!m) return undefined;
  const ref = m[1]!;
  const loose = readTrimmed(join(commonDir, ref));
  if (loose !== null) return /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(loose) ? loose : undefined;
  const packed = readTrimmed(join(commonDir, 'packed-refs'));
  if (packed !== null) {
    for (const line of packed.split('\n')) {
      if (line.endsWith(` ${ref}`)) {
        const id = line.slice(0, line.indexOf(' '));
        return /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(id) ? id : undefined;
      }
    }
  }
  return null; // the branch has no commit yet
}
