/**
 * `lockstep commit`: the path on which tasks cannot race.
 *
 *   lock → move aside changes to shared PATHS that are not this commit's
 *   (with --edit; see orphans.ts) → run the edit command → stage exactly
 *   PATHS → commit exactly those → validate → release
 *
 * The lock covers the whole sequence (the design's measurements: a lock
 * around add+commit alone still lets 69–74 of 100 TODO.md lines land in a
 * foreign commit). Staging happens in a temporary index built from HEAD
 * (keeping the real index's stat data), so another task's staged entries are
 * neither committed nor disturbed: after the commit only our paths are
 * updated in the real index (`git reset -- PATHS`, i.e. to what was just
 * committed). git runs its hooks as usual; lockstep's own pre-commit hook
 * inherits the lock through LOCKSTEP_LOCK_TOKEN.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { loadConfig } from '../config/config.js';
import { appendEvent } from '../core/events.js';
import { LockstepError } from '../core/errors.js';
import { spawnFailureMessage } from '../core/spawn-error.js';
import { ensureDirIn, unlinkQuiet } from '../core/files.js';
import { acquireLock, releaseLock, tokenEnvFor, updateLock, type LockHandle, type WaitInfo } from '../core/lock.js';
import { pidExists } from '../core/process.js';
import { openRuntime } from '../core/runtime.js';
import { createGit, type GitResult } from '../git/git.js';
import { copyIndexForTemp } from '../git/temp-index.js';
import { fenceValue } from './fence.js';
import { withIndexRetry, type StaleIndexLock } from './index-retry.js';
import { clearStaleLockNamedIn, recordClearedGitLock } from '../git/git-locks.js';
import { moveAsideForeignChanges, type OrphanedChange } from './orphans.js';
import { describeRestore, restorePaths, snapshotPaths, type EditSnapshot } from './edit-snapshot.js';
import { filesMatching, recordChanges, sharedGlobs, snapshotFiles } from './edits.js';
import { headCommit, splitNul, stagedPaths } from './git-paths.js';
import { classifyPaths, showPath, type PathClasses } from './scope.js';
import { getTask, listTasks, validateTaskId, type Task } from './tasks.js';
import { TRAILER_FENCE, TRAILER_PARENT, trailerArgs, withoutLockstepTrailers } from './trailers.js';
import { randomHex } from '../core/names.js';
import { quoteInput } from '../core/outside-text.js';

export type { OrphanedChange } from './orphans.js';

/** Stands for the fence in the message made before the lock is taken. */
const FENCE_PLACEHOLDER = '0@lockstepfenceplaceholder';
/** Stands for the parent (HEAD under the lock) likewise. */
const PARENT_PLACEHOLDER = 'lockstepparentplaceholder';

export interface CommitOptions {
  /** A directory in the worktree; PATHS are relative to it (like git). */
  cwd: string;
  task: string;
  message: string;
  paths: string[];
  /** A shell command run under the lock before staging (cwd: the top level; env LOCKSTEP_TASK, LOCKSTEP_LOCK_TOKEN, LOCKSTEP_FENCE). */
  edit?: string;
  /** Wait for the commit lock at most this long (default: the configuration's, 60 s). */
  timeoutMs?: number;
  leaseMs?: number;
  agent?: string | null;
  onWait?: (w: WaitInfo) => void;
  /** Where the edit command's output goes (default: inherited). */
  editStdio?: 'inherit' | 'ignore' | 'pipe';
  env?: NodeJS.ProcessEnv;
}

export interface CommitWarning {
  kind: 'extra' | 'missing' | 'outside' | 'other-task' | 'index';
  paths: string[];
  message: string;
}

export interface CommitResult {
  commit: string;
  /** The commit lock's token the commit was made under (also its Lockstep-Fence trailer). */
  fence: number;
  task: string;
  /** The files the commit changed. */
  files: string[];
  /** Shared paths the commit touched (allowed, reported). */
  shared: string[];
  warnings: CommitWarning[];
  /** Changes to shared paths that were not this commit's, moved aside before the edit ran (only with `edit`). */
  orphaned: OrphanedChange[];
  waitedMs: number;
}

const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Turns PATHS (relative to `cwd`) into repository paths; anything outside the worktree or inside .git is refused. */
export function repoRelativePaths(paths: readonly string[], cwd: string, top: string): string[] {
  if (paths.length === 0) throw new LockstepError('BAD_INPUT', 'no paths to commit: name the files after --, e.g. lockstep commit --task 7 -m msg -- TODO.md specs/7/plan.md');
  const out: string[] = [];
  for (const p of paths) {
    if (typeof p !== 'string' || p === '') throw new LockstepError('BAD_INPUT', 'an empty path was given');
    if (p.includes('\0')) throw new LockstepError('BAD_INPUT', `path ${quoteInput(p)} contains a NUL byte`);
    const abs = resolve(cwd, p);
    const rel = relative(top, abs);
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      throw new LockstepError('BAD_INPUT', `path ${quoteInput(p)} is outside the worktree ${top}`);
    }
    const posix = rel === '' ? '.' : rel.split(sep).join('/');
    if (posix === '.git' || posix.startsWith('.git/')) throw new LockstepError('BAD_INPUT', `path ${quoteInput(p)} is inside .git`);
    if (!out.includes(posix)) out.push(posix);
  }
  return out;
}

function violationError(task: Task, c: PathClasses): LockstepError {
  const lines: string[] = [];
  for (const o of c.otherTask) lines.push(`${showPath(o.path)} belongs to active task ${o.task}`);
  for (const p of c.outside) lines.push(`${showPath(p)} is outside task ${task.id}'s scope (${task.scope.join(' ')})`);
  return new LockstepError('VIOLATION', `nothing committed for task ${task.id}: ${lines.join('; ')}`, {
    hint: `commit only paths in the task's scope, declare them shared (lockstep task start ${task.id} --replace --scope … --shared GLOB), or widen the scope`,
    detail: { task: task.id, otherTask: c.otherTask, outside: c.outside },
  });
}

function gitFailed(what: string, r: GitResult): LockstepError {
  const msg = (r.stderr || r.stdout).trim();
  return new LockstepError('GIT_FAILED', `${what} failed: ${msg || `git exited ${r.code}`}`, { detail: { code: r.code, stderr: r.stderr } });
}

function runChild(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; error: Error | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  return new Promise((r) => {
    let error: Error | null = null;
    child.once('error', (e) => {
      error = e;
    });
    child.once('close', (code, signal) => r({ code, signal, error, stdout, stderr }));
  });
}

/**
 * Commits exactly `paths` for `task` under the commit lock. Throws VIOLATION
 * (exit 1) before anything is committed when a path is outside the task's
 * scope or inside another task's; COMMAND_FAILED when the edit fails.
 */
export async function commitTask(opts: CommitOptions): Promise<CommitResult> {
  const taskId = validateTaskId(opts.task);
  if (typeof opts.message !== 'string' || opts.message.trim() === '') {
    throw new LockstepError('BAD_INPUT', 'an empty commit message: give one with -m MSG');
  }
  if (opts.message.includes('\0')) throw new LockstepError('BAD_INPUT', 'the commit message contains a NUL byte');
  const rt = openRuntime({ cwd: opts.cwd });
  const top = rt.repo?.topLevel;
  if (!top || !rt.repo) throw new LockstepError('ENVIRONMENT', `${opts.cwd} has no worktree: lockstep commit runs in a checkout`);
  const gitDir = rt.repo.gitDir;
  const task = getTask({ runtime: rt, id: taskId });
  if (!task) {
    throw new LockstepError('NOT_FOUND', `no active task ${taskId}`, { hint: `start it first: lockstep task start ${taskId} --scope GLOB…` });
  }
  const paths = repoRelativePaths(opts.paths, opts.cwd, top);
  const config = loadConfig({ topLevel: top });
  // Refuse what is certainly wrong before taking the lock: nothing is touched yet.
  const early = classifyPaths({ task, others: listTasks({ runtime: rt }), shared: config.shared, paths: paths.filter((p) => !isDirectory(join(top, p))) });
  if (early.otherTask.length || early.outside.length) throw violationError(task, early);
  for (const f of ['MERGE_HEAD', 'CHERRY_PICK_HEAD', 'REVERT_HEAD']) {
    if (existsSync(join(gitDir, f))) {
      throw new LockstepError('CONFLICT', `a ${f === 'MERGE_HEAD' ? 'merge' : f === 'CHERRY_PICK_HEAD' ? 'cherry-pick' : 'revert'} is in progress in this worktree: lockstep commit makes ordinary commits only`, {
        hint: 'conclude it first (git commit, or git merge --abort / git cherry-pick --abort)',
      });
    }
  }

  // The message with its trailers is made before the lock (one git process less
  // while others wait); only the fence, known once the lock is ours, is filled in later.
  const git = createGit(top);
  const shared = [...task.shared, ...config.shared.filter((g) => !task.shared.includes(g))];
  const message = withoutLockstepTrailers(opts.message);
  const template = await git.run(['interpret-trailers', ...trailerArgs({ task: taskId, scope: task.scope, shared, fence: FENCE_PLACEHOLDER, parent: PARENT_PLACEHOLDER })], {
    input: message.endsWith('\n') ? message : `${message}\n`,
  });
  if (template.code !== 0) throw gitFailed('adding the trailers (git interpret-trailers)', template);
  const fenceLine = `${TRAILER_FENCE}: ${FENCE_PLACEHOLDER}`;
  const parentLine = `${TRAILER_PARENT}: ${PARENT_PLACEHOLDER}`;
  const at = template.stdout.lastIndexOf(fenceLine);
  if (at < 0 || !template.stdout.includes(parentLine)) throw new LockstepError('GIT_FAILED', 'git interpret-trailers did not add the Lockstep-Fence and Lockstep-Parent trailers');

  const env = opts.env ?? process.env;
  const tmpDir = join(rt.root, 'tmp');
  ensureDirIn(rt.root, tmpDir); // before the lock: a link planted there is refused with nothing taken
  const handle: LockHandle = await acquireLock({
    runtime: rt,
    cwd: top,
    name: 'commit',
    task: taskId,
    agent: opts.agent ?? env.LOCKSTEP_AGENT ?? null,
    timeoutMs: opts.timeoutMs ?? config.lockTimeoutMs,
    leaseMs: opts.leaseMs ?? config.leaseMs,
    command: `lockstep commit --task ${taskId}`,
    onWait: opts.onWait,
    env,
    // Our own lock: an inherited token (we run inside run-locked) is honoured.
  });
  const lockedEnv: Record<string, string> = {
    LOCKSTEP_TASK: taskId,
    LOCKSTEP_LOCK_TOKEN: tokenEnvFor(handle, env),
    LOCKSTEP_FENCE: String(handle.token),
  };
  sweepTmp(tmpDir);
  const tmpIndex = join(tmpDir, `index.${process.pid}.${randomHex(4)}`);
  const msgFile = `${tmpIndex}.msg`;
  let current: ChildProcess | null = null;
  let interrupted: NodeJS.Signals | null = null;
  const forward = (sig: NodeJS.Signals) => () => {
    interrupted = sig;
    current?.kill(sig);
  };
  const handlers = FORWARDED.map((sig) => [sig, forward(sig)] as const);
  for (const [sig, h] of handlers) process.on(sig, h);
  const deadline = () => Date.now() + 10_000;
  // A killed git's index.lock in our way is judged and, once stale, removed (src/git/git-locks.ts).
  const staleIndexLock: StaleIndexLock = {
    commonDir: rt.repo.commonDir,
    lock: join(gitDir, 'index.lock'),
    onCleared: (l) => recordClearedGitLock(rt.root, l, `lockstep commit --task ${taskId}`),
  };
  /** Spawns a child that keeps the lock alive if we die (it is registered as an extra owner). */
  const spawnOwned = async (cmd: string, args: string[], extraEnv: Record<string, string>, stdio: 'inherit' | 'ignore' | 'pipe') => {
    if (interrupted) throw new LockstepError('ENVIRONMENT', `interrupted (${interrupted}): nothing committed`);
    let child: ChildProcess;
    try {
      child = spawn(cmd, args, { cwd: top, env: { ...env, ...lockedEnv, ...extraEnv }, stdio: stdio === 'inherit' ? 'inherit' : ['ignore', stdio, stdio] });
    } catch (e) {
      // spawn throws, rather than reports, some errors of a bad cwd (ENOTDIR, ENAMETOOLONG)
      return { code: null, signal: null, error: e as Error, stdout: '', stderr: '' };
    }
    current = child;
    if (child.pid !== undefined) {
      try {
        updateLock(handle, { addOwners: [child.pid] });
      } catch {
        /* the lock is checked again at release */
      }
    }
    const r = await runChild(child);
    current = null;
    return r;
  };

  let failed = false;
  // Set once the edit may have changed the named paths, until the commit holds them: a failure in between puts them back.
  let beforeEdit: EditSnapshot | null = null;
  let orphaned: OrphanedChange[] = [];
  let fence: string | null = null;
  try {
    // A change to a shared path found now is not this commit's (see orphans.ts): move it aside before the edit runs.
    orphaned =
      opts.edit !== undefined
        ? await moveAsideForeignChanges({ git, top, root: rt.root, task, others: listTasks({ runtime: rt }), shared: config.shared, paths, handle, deadlineMs: deadline(), staleIndexLock })
        : [];
    if (opts.edit !== undefined) {
      beforeEdit = await snapshotPaths(git, top, paths);
      // The edit runs under the lock, so what it changes in shared files is this task's: recorded for the hook's split (edits.ts).
      const globs = sharedGlobs(task, config.shared);
      const before = snapshotFiles(top, await filesMatching(git, globs));
      const r = await spawnOwned('/bin/sh', ['-c', opts.edit], {}, opts.editStdio ?? 'inherit');
      recordChanges(rt.root, taskId, before, snapshotFiles(top, [...new Set([...before.keys(), ...(await filesMatching(git, globs))])]));
      if (r.error || r.code !== 0) {
        const why = r.error ? spawnFailureMessage('/bin/sh', top, r.error) : r.signal ? `killed by ${r.signal}` : `exit ${r.code}`;
        throw new LockstepError('COMMAND_FAILED', `the edit command failed (${why}): nothing committed`, {
          hint: 'fix the command; it runs with sh -c at the top of the worktree',
          detail: { exitCode: r.code, signal: r.signal, stderr: r.stderr.slice(-2000) },
        });
      }
    }
    const idxEnv = { GIT_INDEX_FILE: tmpIndex };
    // Its mtime is kept no later than the real index's, or git's racy-clean check would trust stale stat data (temp-index.ts).
    copyIndexForTemp(join(gitDir, 'index'), tmpIndex);
    // HEAD's tree, reusing the stat data of matching entries (one-tree read-tree -m), so nothing is rehashed.
    let r = await git.run(['read-tree', '-m', 'HEAD'], { env: idxEnv });
    if (r.code !== 0) {
      // Before the first commit (no HEAD), or an index read-tree -m cannot merge: start from HEAD's tree, or from nothing.
      const head = await headCommit(git);
      r = await git.run(head ? ['read-tree', head] : ['read-tree', '--empty'], { env: idxEnv });
    }
    if (r.code !== 0) throw gitFailed('preparing the commit (git read-tree)', r);
    await refuseSparseMissing(git, top, paths);
    r = await git.run(['--literal-pathspecs', 'add', '--all', '--', ...paths], { env: idxEnv });
    if (r.code !== 0) {
      if (/did not match any files/.test(r.stderr)) {
        throw new LockstepError('BAD_INPUT', `nothing to stage: ${r.stderr.trim().replace(/^fatal: /, '')} (not in the worktree and not tracked)`, { hint: 'check the paths: they are relative to the current directory' });
      }
      throw gitFailed(`staging ${paths.map(showPath).join(' ')} (git add)`, r);
    }
    const staged = await stagedPaths(git, idxEnv);
    if (staged.paths.length === 0) {
      throw new LockstepError('BAD_INPUT', `nothing to commit: ${paths.map(showPath).join(' ')} ${paths.length > 1 ? 'have' : 'has'} no changes`, { hint: 'check git status' });
    }
    const classes = classifyPaths({ task, others: listTasks({ runtime: rt }), shared: config.shared, paths: staged.paths });
    if (classes.otherTask.length || classes.outside.length) throw violationError(task, classes);

    fence = fenceValue(rt.root, handle.token);
    const parent = (await headCommit(git)) ?? 'none';
    writeFileSync(msgFile, (template.stdout.slice(0, at) + `${TRAILER_FENCE}: ${fence}` + template.stdout.slice(at + fenceLine.length)).replace(parentLine, `${TRAILER_PARENT}: ${parent}`), { flag: 'wx' });
    const runCommit = () => spawnOwned('git', ['commit', '-q', '--cleanup=whitespace', '-F', msgFile], idxEnv, 'pipe');
    let c = await runCommit();
    // A ref's lock (HEAD.lock, refs/heads/BRANCH.lock) that a killed git left: removed once stale, then once more.
    if (c.code !== 0 && clearStaleLockNamedIn(c.stderr, rt.repo.commonDir, rt.root, `lockstep commit --task ${taskId}`)) c = await runCommit();
    if (c.error || c.code !== 0) {
      const out = (c.stderr + c.stdout).trim();
      throw new LockstepError('GIT_FAILED', `git commit failed${c.signal ? ` (${c.signal})` : ''}: nothing committed${out ? `\n${out}` : ''}`, { detail: { exitCode: c.code, stderr: c.stderr } });
    }
    beforeEdit = null; // committed: the edit's changes are in the commit
    // The new commit and its files in one call (diff-tree prints the commit id first).
    const made = splitNul(await git.exec(['diff-tree', '-r', '--root', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', 'HEAD'], { readOnly: true }));
    const commit = made[0] ?? '';
    const files = made.slice(1);
    const warnings: CommitWarning[] = [];
    // The real index follows for our paths only: to exactly what was committed.
    const reset = await withIndexRetry(
      () => git.run(['--literal-pathspecs', 'reset', '-q', commit, '--pathspec-from-file=-', '--pathspec-file-nul'], { input: staged.paths.map((p) => `${p}\0`).join('') }),
      deadline(),
      staleIndexLock,
    );
    if (reset.code !== 0) {
      warnings.push({ kind: 'index', paths: staged.paths, message: `committed, but the index could not be updated for these paths (${reset.stderr.trim()}); run: git reset -q -- PATHS` });
    }
    // Validate: the commit holds exactly what was checked.
    const fileSet = new Set(files);
    const stagedSet = new Set(staged.paths);
    const extra = files.filter((p) => !stagedSet.has(p));
    const missing = staged.paths.filter((p) => !fileSet.has(p));
    if (extra.length) warnings.push({ kind: 'extra', paths: extra, message: 'in the commit but not staged by lockstep commit' });
    if (missing.length) warnings.push({ kind: 'missing', paths: missing, message: 'staged but not in the commit' });
    const after = classifyPaths({ task, others: listTasks({ runtime: rt }), shared: config.shared, paths: files });
    if (after.outside.length) warnings.push({ kind: 'outside', paths: after.outside, message: "outside the task's scope" });
    if (after.otherTask.length) warnings.push({ kind: 'other-task', paths: after.otherTask.map((o) => o.path), message: `inside another task's scope (${[...new Set(after.otherTask.map((o) => o.task))].join(', ')})` });
    if (warnings.some((w) => w.kind !== 'index')) {
      appendEvent(rt.root, 'git_commit_validation_warning', { commit, task: taskId, extra, missing, outside: after.outside, otherTask: after.otherTask, via: 'lockstep commit' });
    }
    appendEvent(rt.root, 'commit', { commit, task: taskId, token: handle.token, files: files.length });
    return { commit, fence: handle.token, task: taskId, files, shared: classes.shared, warnings, orphaned, waitedMs: handle.waitedMs };
  } catch (e) {
    failed = true;
    // A git commit that failed late (a signal after the ref moved) may still have made the commit: then nothing is undone.
    if (beforeEdit && !(fence && (await headFence(git)) === fence)) throw await undoEdit(e, { git, snapshot: beforeEdit, paths, orphaned, deadlineMs: deadline(), staleIndexLock });
    throw e;
  } finally {
    for (const [sig, h] of handlers) process.off(sig, h);
    unlinkQuiet(tmpIndex);
    unlinkQuiet(`${tmpIndex}.lock`);
    unlinkQuiet(msgFile);
    try {
      releaseLock(handle);
    } catch (e) {
      // A lost lock is loud ("lock compromised": the commit may have raced
      // another holder), unless an earlier error is already on its way out.
      if (!failed) throw e;
    }
  }
}

/**
 * A commit that failed after its edit ran: the named paths are put back as
 * they were before the edit, and the error says what was undone, what could
 * not be, and where foreign changes moved aside went.
 */
async function undoEdit(
  e: unknown,
  o: { git: ReturnType<typeof createGit>; snapshot: EditSnapshot; paths: string[]; orphaned: OrphanedChange[]; deadlineMs: number; staleIndexLock: StaleIndexLock },
): Promise<unknown> {
  let report: Awaited<ReturnType<typeof restorePaths>>;
  try {
    report = await restorePaths(o.git, o.snapshot, o.paths, o.deadlineMs, o.staleIndexLock);
  } catch (err) {
    report = { restored: [], notRestored: o.paths.map((path) => ({ path, reason: (err as Error).message })) };
  }
  let said = describeRestore(report);
  const aside = o.orphaned.filter((c) => c.savedTo || c.stagedSavedTo);
  if (aside.length) said += `${said ? '; ' : ''}changes that were not this commit's had been moved aside before the edit: ${aside.map((c) => `${showPath(c.path)} to ${c.savedTo ?? c.stagedSavedTo}`).join(', ')}`;
  if (!(e instanceof LockstepError) || !said) return e;
  return new LockstepError(e.code, `${e.message}; ${said}`, { hint: e.hint, detail: { ...e.detail, restored: report.restored, notRestored: report.notRestored, orphaned: o.orphaned }, cause: e });
}

/** HEAD's Lockstep-Fence trailer, or null. */
async function headFence(git: ReturnType<typeof createGit>): Promise<string | null> {
  const r = await git.run(['log', '-1', `--format=%(trailers:key=${TRAILER_FENCE},valueonly)`], { readOnly: true });
  return r.code === 0 ? r.stdout.trim() || null : null;
}

/** Removes temporary indexes and messages of `lockstep commit` processes that were killed. */
function sweepTmp(dir: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const m = /^index\.(\d+)\./.exec(n);
    if (m && Number(m[1]) !== process.pid && !pidExists(Number(m[1]))) unlinkQuiet(join(dir, n));
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The temporary index has no skip-worktree bits, so `git add --all` of a
 * path that a sparse checkout leaves out of the worktree would stage its
 * deletion. Refuse such paths.
 */
async function refuseSparseMissing(git: ReturnType<typeof createGit>, top: string, paths: string[]): Promise<void> {
  const missing = paths.filter((p) => !existsSync(join(top, p)));
  if (missing.length === 0) return;
  const r = await git.run(['--literal-pathspecs', 'ls-files', '-t', '-z', '--', ...missing], { readOnly: true });
  if (r.code !== 0) return;
  const sparse = r.stdout.split('\0').filter((l) => l.startsWith('S ')).map((l) => l.slice(2));
  if (sparse.length) {
    throw new LockstepError('BAD_INPUT', `${sparse.map(showPath).join(', ')} ${sparse.length > 1 ? 'are' : 'is'} outside the sparse checkout: lockstep commit would record ${sparse.length > 1 ? 'their' : 'its'} deletion`, {
      hint: 'add it to the sparse checkout first (git sparse-checkout add DIR)',
    });
  }
}
