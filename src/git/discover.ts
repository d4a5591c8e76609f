/**
 * Finding a checkout's git directories by reading `.git` entries on the way
 * up (a directory, or a `gitdir:` file with an optional `commondir` for
 * worktrees), without running git. Used where running git would be wrong
 * (allocation must pick the same lock whoever runs it, see
 * src/alloc/lock-target.ts) or only slow (src/git/config-files.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

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

/** The git dir and common git dir of the checkout that contains `realDir`, or null. */
export function findCheckout(realDir: string): { gitDir: string; commonDir: string } | null {
  for (let d = realDir; ; ) {
    const gitDir = gitDirOf(join(d, '.git'));
    if (gitDir) return { gitDir, commonDir: readCommonDir(gitDir) };
    const up = dirname(d);
    if (up === d) return null;
    d = up;
  }
}

/** The common git dir of the checkout that contains `realDir`, or null. */
export function checkoutCommonDir(realDir: string): string | null {
  return findCheckout(realDir)?.commonDir ?? null;
}

