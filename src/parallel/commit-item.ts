/**
 * Commits what the agent command left in its worktree through `lockstep
 * commit` (commitTask): under the commit lock, exactly the changed paths (the
 * copied files are never committed), with the Lockstep-Task/Scope/Fence
 * trailers, git's hooks running as usual inside the worktree.
 *
 * Each item runs as a task. If a task with the item's id is already active
 * (a person declared its scope beforehand), that task and its scope are
 * used and left active; otherwise the runner starts one with the run's scope
 * (default `**`: the agent works alone in its own worktree), marked as the
 * runner's, and ends it when the item ends.
 */
import { createHash } from 'node:crypto';
import { createGit } from '../git/git.js';
import type { Runtime } from '../core/runtime.js';
import { commitTask } from '../tasks/commit.js';
import { endTask, getTask, startTask, TASK_ID } from '../tasks/tasks.js';
import { isCopied } from '../worktree/copies.js';
import { DEFAULT_QUEUE } from '../queue/names.js';

/** The task id an item runs as: the item id (prefixed by its queue outside the default queue). */
export function taskIdFor(queue: string, item: string): string {
  const id = queue === DEFAULT_QUEUE ? item : `${queue}.${item}`;
  if (TASK_ID.test(id) && id.length <= 64) return id;
  return `item-${createHash('sha256').update(`${queue}/${item}`).digest('hex').slice(0, 16)}`;
}

export interface ItemTask {
  id: string;
  /** We started it (and end it); false when it was declared beforehand. */
  ours: boolean;
}

/**
 * Tasks the runner starts are marked as such (in the agent that started them, which is a
 * valid agent id: the runner's agents are agent-N), so one left behind by a crashed worker
 * is ended by the next.
 */
const RUNNER_MARK = 'lockstep-parallel-';

export function beginItemTask(rt: Runtime, task: string, scope: string[], agent: string): ItemTask {
  const existing = getTask({ runtime: rt, id: task });
  if (existing) return { id: task, ours: existing.startedBy.agent?.startsWith(RUNNER_MARK) ?? false };
  startTask({ runtime: rt, id: task, scope, agent: `${RUNNER_MARK}${agent}` });
  return { id: task, ours: true };
}

export function endItemTask(rt: Runtime, t: ItemTask): void {
  if (!t.ours) return;
  try {
    endTask({ runtime: rt, id: t.id });
  } catch {
    /* already ended */
  }
}

/** The changed paths in a worktree (git's status, NUL-separated so any file name is safe), copies left out. */
export async function changedPaths(path: string, copies: string[]): Promise<string[]> {
  const out = await createGit(path).exec(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignore-submodules'], { readOnly: true });
  const fields = out.split('\0');
  const paths: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.length < 4) continue;
    const code = f.slice(0, 2);
    paths.push(f.slice(3));
    if (code[0] === 'R' || code[0] === 'C') paths.push(fields[++i]!); // the old name of a rename
  }
  return [...new Set(paths)].filter((p) => !isCopied(p, copies));
}

export interface CommitItemOptions {
  /** The agent worktree (its top level). */
  path: string;
  copies: string[];
  task: string;
  agent: string;
  message: string;
  env?: NodeJS.ProcessEnv;
}

/** Commits the worktree's changes; null when there is nothing to commit. */
export async function commitItem(o: CommitItemOptions): Promise<{ commit: string; files: string[] } | null> {
  const paths = await changedPaths(o.path, o.copies);
  if (paths.length === 0) return null;
  const r = await commitTask({ cwd: o.path, task: o.task, agent: o.agent, message: o.message, paths, editStdio: 'ignore', env: o.env });
  return { commit: r.commit, files: r.files };
}
