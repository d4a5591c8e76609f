/**
 * Active tasks: an id plus the globs it may commit, one JSON file each in
 * `<runtime>/tasks/<id>.json`, shared by every worktree of the repository.
 * A new task file is written whole and then linked into place, so two
 * `task start` calls for one id never both win and nobody reads half a file.
 */
import { linkSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LockstepError, fsError } from '../core/errors.js';
import { appendEvent } from '../core/events.js';
import { checkDirIn, ensureDirIn, readFileNoFollow, tempPathFor, unlinkQuiet } from '../core/files.js';
import { TASK_ID, validateAgentId, validateTaskId } from '../core/actor.js';
import { hostId } from '../core/process.js';
import { openRuntime, type Runtime } from '../core/runtime.js';
import { validateGlobs } from './scope.js';

export { TASK_ID, validateTaskId };

export interface Task {
  v: 1;
  id: string;
  /** Globs (relative to the repository's top level) this task may commit. */
  scope: string[];
  /** Globs this task may commit although they are not its own (e.g. a shared TODO.md): reported, not blocked. */
  shared: string[];
  startedAt: string;
  startedBy: { pid: number; host: string; agent: string | null };
}

export interface TaskLocation {
  cwd?: string;
  runtime?: Runtime;
}

function tasksDir(rt: Runtime): string {
  return join(rt.root, 'tasks');
}

function taskPath(rt: Runtime, id: string): string {
  return join(tasksDir(rt), `${id}.json`);
}

function runtimeOf(opts: TaskLocation): Runtime {
  return opts.runtime ?? openRuntime({ cwd: opts.cwd });
}

/** Parses and checks a task file; CORRUPT_STATE names the file and the command that clears it. */
function parseTask(text: string, path: string, id: string): Task {
  const corrupt = (why: string) =>
    new LockstepError('CORRUPT_STATE', `the task file of task ${id} at ${path} is damaged (${why})`, {
      hint: `look at it, then remove it: lockstep task end ${id}; start the task again with lockstep task start ${id} --scope …`,
      detail: { task: id, path },
    });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw corrupt(text.length === 0 ? 'empty' : 'not JSON');
  }
  const t = raw as Partial<Task>;
  if (!t || typeof t !== 'object' || t.id !== id) throw corrupt('its id does not match its file name');
  if (!Array.isArray(t.scope) || !t.scope.every((g) => typeof g === 'string')) throw corrupt('"scope" is not a list of globs');
  if (!Array.isArray(t.shared) || !t.shared.every((g) => typeof g === 'string')) throw corrupt('"shared" is not a list of globs');
  try {
    validateGlobs(t.scope);
    validateGlobs(t.shared);
  } catch (e) {
    throw corrupt((e as Error).message);
  }
  return {
    v: 1,
    id,
    scope: t.scope,
    shared: t.shared,
    startedAt: typeof t.startedAt === 'string' ? t.startedAt : '',
    startedBy: t.startedBy && typeof t.startedBy === 'object' ? t.startedBy : { pid: 0, host: '', agent: null },
  };
}

function readTaskFile(rt: Runtime, id: string): Task | null {
  const path = taskPath(rt, id);
  if (!checkDirIn(rt.root, tasksDir(rt))) return null; // a link there is refused, never read (or deleted) through
  let text: string;
  try {
    text = readFileNoFollow(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw fsError(e, 'read task file', path);
  }
  return parseTask(text, path, id);
}

export interface StartTaskOptions extends TaskLocation {
  id: string;
  scope: string[];
  shared?: string[];
  /** Replace an active task of the same id whose scope differs (default: refuse). */
  replace?: boolean;
  agent?: string | null;
}

function sameGlobs(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((g, i) => g === b[i]);
}

/**
 * Starts (declares) a task. Starting it again with the same scope is a
 * no-op; with another scope it is refused unless `replace`.
 */
export function startTask(opts: StartTaskOptions): Task {
  const id = validateTaskId(opts.id);
  if (!Array.isArray(opts.scope) || opts.scope.length === 0) {
    throw new LockstepError('BAD_INPUT', `task ${id} needs a scope: at least one --scope GLOB naming what it may commit`);
  }
  const scope = validateGlobs(opts.scope);
  const shared = validateGlobs(opts.shared ?? []);
  const rt = runtimeOf(opts);
  const dir = tasksDir(rt);
  ensureDirIn(rt.root, dir);
  const existing = readTaskFile(rt, id);
  if (existing && sameGlobs(existing.scope, scope) && sameGlobs(existing.shared, shared)) return existing;
  if (existing && !opts.replace) {
    throw new LockstepError('CONFLICT', `task ${id} is already active with another scope (${existing.scope.join(' ')})`, {
      hint: `end it first (lockstep task end ${id}) or replace its scope: lockstep task start ${id} --replace --scope …`,
      detail: { task: existing },
    });
  }
  const task: Task = {
    v: 1,
    id,
    scope,
    shared,
    startedAt: new Date().toISOString(),
    startedBy: { pid: process.pid, host: hostId(), agent: opts.agent == null ? null : validateAgentId(opts.agent) },
  };
  const path = taskPath(rt, id);
  const tmp = tempPathFor(path);
  try {
    writeFileSync(tmp, JSON.stringify(task, null, 2) + '\n', { flag: 'wx' });
    if (existing) renameSync(tmp, path);
    else {
      try {
        linkSync(tmp, path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        // Another start of the same id won the race: agree with it or say so.
        const now = readTaskFile(rt, id);
        if (now && sameGlobs(now.scope, scope) && sameGlobs(now.shared, shared)) return now;
        throw new LockstepError('CONFLICT', `task ${id} was started at the same moment with another scope`, { hint: `lockstep task list` });
      }
    }
  } catch (e) {
    if (e instanceof LockstepError) throw e;
    throw fsError(e, 'write task file', path);
  } finally {
    unlinkQuiet(tmp);
  }
  appendEvent(rt.root, 'task_start', { task: id, scope, shared, replaced: Boolean(existing) });
  return task;
}

export interface EndTaskResult {
  id: string;
  /** The task as it was, or null when its file was damaged. */
  task: Task | null;
}

/** Ends a task (removes it, even when its file is damaged). NOT_FOUND when no such task is active. */
export function endTask(opts: TaskLocation & { id: string }): EndTaskResult {
  const id = validateTaskId(opts.id);
  const rt = runtimeOf(opts);
  const path = taskPath(rt, id);
  let task: Task | null = null;
  try {
    task = readTaskFile(rt, id);
    if (!task) {
      throw new LockstepError('NOT_FOUND', `no active task ${id}`, { hint: 'see the active tasks: lockstep task list' });
    }
  } catch (e) {
    if (!(e instanceof LockstepError) || e.code !== 'CORRUPT_STATE') throw e;
  }
  if (!unlinkQuiet(path)) throw new LockstepError('NOT_FOUND', `no active task ${id}`, { hint: 'see the active tasks: lockstep task list' });
  appendEvent(rt.root, 'task_end', { task: id });
  return { id, task };
}

export function getTask(opts: TaskLocation & { id: string }): Task | null {
  const id = validateTaskId(opts.id);
  return readTaskFile(runtimeOf(opts), id);
}

/** Every active task, sorted by id. A damaged task file is an error (CORRUPT_STATE) naming it. */
export function listTasks(opts: TaskLocation = {}): Task[] {
  const rt = runtimeOf(opts);
  let names: string[];
  if (!checkDirIn(rt.root, tasksDir(rt))) return [];
  try {
    names = readdirSync(tasksDir(rt));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw fsError(e, 'read', tasksDir(rt));
  }
  const out: Task[] = [];
  for (const n of names.sort()) {
    if (!n.endsWith('.json')) continue; // temp files end in their random suffix
    const id = n.slice(0, -5);
    if (!TASK_ID.test(id)) continue;
    const t = readTaskFile(rt, id);
    if (t) out.push(t);
  }
  return out;
}
