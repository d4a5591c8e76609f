/**
 * Recorded edits of shared files: `lockstep edit --task T -- CMD` (and the
 * edit of `lockstep commit --edit`) runs under the commit lock, so every
 * change it makes to a shared file is T's. Which lines it added and removed
 * is kept in `<runtime>/edits/<task>.json`, and the pre-commit split
 * (staged-split.ts) gives those lines to T even when they name no task.
 *
 * Lines are recorded by text (without line end), not by number: other edits
 * move line numbers, never a line's text. A record is used once: the commit
 * that takes a line in drops it.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config/config.js';
import { LockstepError } from '../core/errors.js';
import { ensureDirIn, unlinkQuiet, writeFileAtomic } from '../core/files.js';
import { acquireLock, releaseLock, tokenEnvFor, updateLock, type WaitInfo } from '../core/lock.js';
import { openRuntime } from '../core/runtime.js';
import { createGit, type Git } from '../git/git.js';
import type { RecordedLines } from './attribution.js';
import { diffLines, splitLines } from './line-diff.js';
import { splitNul } from './git-paths.js';
import { compileScope } from './scope.js';
import { getTask, validateTaskId, type Task } from './tasks.js';

interface EditFile {
  v: 1;
  task: string;
  files: Record<string, { added: string[]; removed: string[] }>;
}

export function editsDir(root: string): string {
  return join(root, 'edits');
}

function readEditFile(root: string, task: string): EditFile {
  try {
    const v = JSON.parse(readFileSync(join(editsDir(root), `${task}.json`), 'utf8')) as EditFile;
    if (v && v.v === 1 && typeof v.files === 'object') return v;
  } catch {
    /* none yet, or damaged: a damaged record only loses attribution, which then falls back to the naming rules */
  }
  return { v: 1, task, files: {} };
}

function writeEditFile(root: string, f: EditFile): void {
  ensureDirIn(root, editsDir(root));
  const path = join(editsDir(root), `${f.task}.json`);
  if (Object.keys(f.files).length === 0) unlinkQuiet(path);
  else writeFileAtomic(path, JSON.stringify(f));
}

/** What every task's edits recorded for `path`. */
export function recordsFor(root: string, path: string): RecordedLines[] {
  let names: string[];
  try {
    names = readdirSync(editsDir(root)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  } catch {
    return [];
  }
  const out: RecordedLines[] = [];
  for (const n of names) {
    const f = readEditFile(root, n.slice(0, -5));
    const e = f.files[path];
    if (e) out.push({ task: f.task, added: e.added, removed: e.removed });
  }
  return out;
}

const strip = (l: string) => l.replace(/\r?\n$/, '');

/** The lines that changed from `before` to `after` (null: no file). */
export function changedLines(before: string | null, after: string | null): { added: string[]; removed: string[] } {
  const a = splitLines(before ?? '');
  const b = splitLines(after ?? '');
  const added: string[] = [];
  const removed: string[] = [];
  for (const h of diffLines(a, b)) {
    for (let i = h.aStart; i < h.aEnd; i++) removed.push(strip(a[i]!));
    for (let j = h.bStart; j < h.bEnd; j++) added.push(strip(b[j]!));
  }
  return { added, removed };
}

/** Adds what changed between two snapshots to `task`'s record; returns the paths that changed. */
export function recordChanges(root: string, task: string, before: Map<string, string | null>, after: Map<string, string | null>): { path: string; added: number; removed: number }[] {
  const f = readEditFile(root, task);
  const out: { path: string; added: number; removed: number }[] = [];
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(path) ?? null;
    const a = after.get(path) ?? null;
    if (a === b) continue;
    const c = changedLines(b, a);
    if (!c.added.length && !c.removed.length) continue;
    const e = (f.files[path] ??= { added: [], removed: [] });
    e.added.push(...c.added);
    e.removed.push(...c.removed);
    out.push({ path, added: c.added.length, removed: c.removed.length });
  }
  if (out.length) writeEditFile(root, f);
  return out;
}

/** Drops one record of each line `task` has now committed (see staged-split.ts). */
export function consumeRecords(root: string, task: string, path: string, used: { added: string[]; removed: string[] }): void {
  const f = readEditFile(root, task);
  const e = f.files[path];
  if (!e) return;
  for (const side of ['added', 'removed'] as const) {
    for (const t of used[side]) {
      const i = e[side].indexOf(t);
      if (i >= 0) e[side].splice(i, 1);
    }
  }
  if (!e.added.length && !e.removed.length) delete f.files[path];
  writeEditFile(root, f);
}

/** The files (tracked or not, not ignored) that `globs` match. */
export async function filesMatching(git: Git, globs: readonly string[]): Promise<string[]> {
  if (globs.length === 0) return [];
  const match = compileScope(globs);
  const raw = await git.exec(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name'], { readOnly: true });
  return [...new Set(splitNul(raw))].filter(match);
}

/** The text of each path in the worktree (null: no such file). */
export function snapshotFiles(top: string, paths: readonly string[]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const p of paths) {
    try {
      out.set(p, readFileSync(join(top, p), 'utf8'));
    } catch {
      out.set(p, null);
    }
  }
  return out;
}

/** The shared globs of a task: its own and the configured ones. */
export function sharedGlobs(task: Task, configured: readonly string[]): string[] {
  return [...task.shared, ...configured.filter((g) => !task.shared.includes(g))];
}

export interface EditOptions {
  cwd: string;
  task: string;
  /** The command and its arguments (run directly, not through a shell). */
  argv: string[];
  timeoutMs?: number;
  onWait?: (w: WaitInfo) => void;
  env?: NodeJS.ProcessEnv;
  stdio?: 'inherit' | 'ignore' | 'pipe';
}

export interface EditResult {
  exitCode: number;
  signal: NodeJS.Signals | null;
  token: number;
  /** Shared files the command changed, with the number of lines recorded for the task. */
  recorded: { path: string; added: number; removed: number }[];
}

const GATE = 'IFS= read -r _ <&3 || exit 125; exec 3<&-; exec "$@"';

/**
 * `lockstep edit`: runs `argv` under the commit lock at the top of the
 * worktree and records, for the task, which lines of its shared files the
 * command changed. The lines are then the task's in any commit (see
 * attribution.ts), whether or not they name it.
 */
export async function editShared(opts: EditOptions): Promise<EditResult> {
  const id = validateTaskId(opts.task);
  if (opts.argv.length === 0) throw new LockstepError('BAD_INPUT', 'no command to run: lockstep edit --task ID -- CMD [ARGS…]');
  const rt = openRuntime({ cwd: opts.cwd });
  const top = rt.repo?.topLevel;
  if (!top) throw new LockstepError('ENVIRONMENT', `${opts.cwd} has no worktree: lockstep edit runs in a checkout`);
  const task = getTask({ runtime: rt, id });
  if (!task) throw new LockstepError('NOT_FOUND', `no active task ${id}`, { hint: `start it first: lockstep task start ${id} --scope GLOB… --shared GLOB…` });
  const config = loadConfig({ topLevel: top });
  const globs = sharedGlobs(task, config.shared);
  if (globs.length === 0) {
    throw new LockstepError('BAD_INPUT', `task ${id} has no shared paths: there is nothing for lockstep edit to record`, {
      hint: `declare them: lockstep task start ${id} --replace --scope … --shared TODO.md, or "shared" in the configuration`,
    });
  }
  const git = createGit(top);
  const env = opts.env ?? process.env;
  const handle = await acquireLock({ runtime: rt, cwd: top, name: 'commit', task: id, agent: env.LOCKSTEP_AGENT ?? null, timeoutMs: opts.timeoutMs ?? config.lockTimeoutMs, leaseMs: config.leaseMs, command: `lockstep edit --task ${id}`, onWait: opts.onWait, env });
  let failed = true;
  try {
    const before = snapshotFiles(top, await filesMatching(git, globs));
    const std = opts.stdio ?? 'inherit';
    const child = spawn('sh', ['-c', GATE, 'lockstep-edit', ...opts.argv], {
      cwd: top,
      env: { ...env, LOCKSTEP_TASK: id, LOCKSTEP_LOCK_TOKEN: tokenEnvFor(handle, env) },
      stdio: [std, std, std, 'pipe'],
    });
    const gate = child.stdio[3] as import('node:stream').Writable | null;
    gate?.on('error', () => undefined);
    // Registered as an owner before it starts: if we die, the lock stays held while it runs.
    if (child.pid !== undefined) {
      try {
        updateLock(handle, { addOwners: [child.pid] });
        gate?.end('go\n');
      } catch {
        gate?.destroy();
      }
    }
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.once('error', () => resolve({ code: 127, signal: null }));
      child.once('close', (c, s) => resolve({ code: c, signal: s }));
    });
    // Recorded whatever the exit: the changes are in the files either way.
    const after = snapshotFiles(top, [...new Set([...before.keys(), ...(await filesMatching(git, globs))])]);
    const recorded = recordChanges(rt.root, id, before, after);
    failed = false;
    return { exitCode: code ?? 1, signal, token: handle.token, recorded };
  } finally {
    try {
      releaseLock(handle);
    } catch (e) {
      if (!failed) throw e;
    }
  }
}
