/** git's own list of worktrees (`git worktree list --porcelain -z`), parsed. */
import { resolve } from 'node:path';
import type { Git } from '../git/git.js';

export interface RegisteredWorktree {
  path: string;
  head: string | null;
  /** Full ref name (refs/heads/x), or null when detached. */
  branch: string | null;
  bare: boolean;
  detached: boolean;
  /** The lock reason ('' when locked without one), or null when not locked. */
  locked: string | null;
  prunable: string | null;
}

export function parseWorktreeList(out: string): RegisteredWorktree[] {
  const list: RegisteredWorktree[] = [];
  let cur: RegisteredWorktree | null = null;
  for (const field of out.split('\0')) {
    if (field === '') {
      if (cur) list.push(cur);
      cur = null;
      continue;
    }
    const sp = field.indexOf(' ');
    const key = sp < 0 ? field : field.slice(0, sp);
    const value = sp < 0 ? '' : field.slice(sp + 1);
    if (key === 'worktree') {
      if (cur) list.push(cur);
      cur = { path: resolve(value), head: null, branch: null, bare: false, detached: false, locked: null, prunable: null };
    } else if (cur) {
      if (key === 'HEAD') cur.head = value;
      else if (key === 'branch') cur.branch = value;
      else if (key === 'bare') cur.bare = true;
      else if (key === 'detached') cur.detached = true;
      else if (key === 'locked') cur.locked = value;
      else if (key === 'prunable') cur.prunable = value;
    }
  }
  if (cur) list.push(cur);
  return list;
}

export async function listRegisteredWorktrees(git: Git): Promise<RegisteredWorktree[]> {
  return parseWorktreeList(await git.exec(['worktree', 'list', '--porcelain', '-z'], { readOnly: true }));
}
