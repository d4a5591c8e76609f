/**
 * The pre-commit hook: takes the commit lock on behalf of the `git commit`
 * process (or inherits it from `lockstep commit` / `run-locked`), lists
 * what is staged, and blocks paths outside the task's scope and paths that
 * belong to another active task (cross-task staging). It leaves what the
 * later hooks need in `<runtime>/inflight/<git pid>`.
 *
 * This is the only hook that runs node; commit-msg and post-commit are
 * POSIX sh reading the inflight file (one node start-up per commit).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/config.js';
import { LockstepError } from '../core/errors.js';
import { appendEvent } from '../core/events.js';
import { releaseLock, type LockHandle, type WaitInfo } from '../core/lock.js';
import { hostId, startStamp } from '../core/process.js';
import { createGit } from '../git/git.js';
import { fenceValue } from '../tasks/fence.js';
import { faultValue } from '../core/faults.js';
import { headCommit, parseStagedListing, splitNul, STAGED_END, stagedPaths, type PathList } from '../tasks/git-paths.js';
import { showPath, type PathClasses } from '../tasks/scope.js';
import { applyIndexUpdates, consumeCommitted, separateForeign, type ForeignCheck } from '../tasks/staged-split.js';
import { getTask, listTasks, validateTaskId, type Task } from '../tasks/tasks.js';
import { encodeGlobs, trailerLines } from '../tasks/trailers.js';
import { commitLockRequest, lockForCommit } from './commit-lock.js';
import { holdIndexLock, hookIndexFile, releaseIndexHold, type IndexHold } from './index-hold.js';
import { findGitProcess } from './git-process.js';
import { hookRuntime, readHeadFast } from './hook-runtime.js';
import { removeInflight, sweepInflight, writeInflight } from './inflight.js';

export interface HookOptions {
  /** The worktree the hook runs in (git runs hooks at its top level). */
  cwd: string;
  env?: NodeJS.ProcessEnv;
  onWait?: (w: WaitInfo) => void;
  /** The git process (default: found by walking up from this process). */
  gitPid?: number;
  /** The staged list the shim piped in (see parseStagedListing); listed with git when absent or not whole. */
  stagedListing?: string;
}

export type PreCommitResult =
  | { outcome: 'skipped'; reason: string; messages: string[] }
  | { outcome: 'ok'; task: string | null; token: number; inherited: boolean; paths: string[]; classes: PathClasses | null; messages: string[] }
  | { outcome: 'blocked'; task: string | null; paths: string[]; classes: PathClasses | null; messages: string[] };

/**
 * The staged list the shim piped in, when whole. TEST-ONLY:
 * LOCKSTEP_FAULT=trust-staged-listing:1 also takes one without its end mark
 * (the control of the test with a list cut short).
 */
function pipedListing(text: string | undefined): PathList | null {
  if (text !== undefined && !text.endsWith(STAGED_END) && LOCKSTEP_TEST_BUILD && faultValue('trust-staged-listing')) return { raw: text, paths: splitNul(text) };
  return parseStagedListing(text);
}

/** LOCKSTEP_SKIP=1 or HUSKY=0 turn every lockstep hook off. */
export function hooksSkipped(env: NodeJS.ProcessEnv): string | null {
  if (env.LOCKSTEP_SKIP === '1') return 'LOCKSTEP_SKIP=1';
  if (env.HUSKY === '0') return 'HUSKY=0';
  return null;
}

/** The task a commit declares (LOCKSTEP_TASK), checked; null when none is declared. */
export function declaredTask(opts: { env: NodeJS.ProcessEnv; root: string }): Task | null {
  const raw = opts.env.LOCKSTEP_TASK;
  if (raw === undefined || raw === '') return null;
  const id = validateTaskId(raw);
  const task = getTask({ runtime: { root: opts.root, repo: null }, id });
  if (!task) {
    throw new LockstepError('NOT_FOUND', `LOCKSTEP_TASK=${id} names no active task`, {
      hint: `start it (lockstep task start ${id} --scope GLOB…), or commit without a task: unset LOCKSTEP_TASK`,
    });
  }
  return task;
}

/** What the check took out of the commit, and why a commit is blocked, for the person or agent reading git's output. */
function checkMessages(task: Task, c: ForeignCheck, blocked: string | null): string[] {
  const lines = [blocked ? `lockstep: commit blocked for task ${task.id} — nothing was committed (${blocked}):` : `lockstep: task ${task.id} commits only its own changes:`];
  for (const { path, task: owner } of c.classes.otherTask) lines.push(`  ${showPath(path)} belongs to active task ${owner}: unstaged, left in the worktree`);
  for (const p of c.classes.outside) lines.push(`  ${showPath(p)} is outside task ${task.id}'s scope (${task.scope.join(' ')}): unstaged, left in the worktree`);
  for (const s of c.split) {
    const others = Object.entries(s.otherTasks);
    if (others.length) lines.push(`  ${showPath(s.path)}: ${others.map(([t, n]) => `${n} changed line${n > 1 ? 's' : ''} of task ${t}`).join(', ')} left in the worktree, not staged`);
    for (const u of s.unattributable.slice(0, 5)) {
      const where = u.side === 'json' ? `key ${u.text}` : u.line ? `${u.side} line ${u.line}: ${JSON.stringify(u.text).slice(0, 100)}` : u.text;
      lines.push(`  ${showPath(s.path)}: ${where} names no task — unstaged`);
    }
    if (s.unattributable.length > 5) lines.push(`  ${showPath(s.path)}: … ${s.unattributable.length - 5} more such lines`);
  }
  if (c.split.some((s) => s.unattributable.length)) {
    lines.push(`  fix: name the task in each such line (e.g. "- ${task.id}: …"), or make the change with lockstep edit --task ${task.id} -- CMD, which records it for the task`);
  } else if (blocked) {
    lines.push(`  fix: commit again (the index now holds only task ${task.id}'s changes), or exactly your own paths: lockstep commit --task ${task.id} -m MSG -- PATH…`);
  }
  return lines;
}

/** How many of a blocked commit's paths its violation event lists (a commit can stage thousands). */
const RECORDED_PATHS = 50;

/**
 * A blocked commit is a violation caught: recorded in the audit log (what
 * `lockstep status` shows under Recent violations) with the task, the paths
 * and why each was refused. Returns the result unchanged.
 */
function recordBlocked(root: string, env: NodeJS.ProcessEnv, r: Extract<PreCommitResult, { outcome: 'blocked' }>): PreCommitResult {
  const c = r.classes;
  const refused = c ? [...c.otherTask.map((o) => ({ path: o.path, why: `belongs to active task ${o.task}` })), ...c.outside.map((path) => ({ path, why: `outside task ${r.task}'s scope` }))] : [];
  const shown = refused.slice(0, RECORDED_PATHS);
  appendEvent(root, 'violation', {
    kind: 'commit_blocked',
    task: r.task,
    agent: env.LOCKSTEP_AGENT ?? null,
    paths: shown.map((x) => x.path),
    reasons: c ? shown.map((x) => `${showPath(x.path)} ${x.why}`) : ['no task declared, and this repository requires one (requireTask)'],
    ...(refused.length > shown.length ? { morePaths: refused.length - shown.length } : {}),
  });
  return r;
}

/** A commit whose other tasks' paths or lines the check kept out (foreignChanges "commit-own"). */
function recordKeptOut(root: string, env: NodeJS.ProcessEnv, task: string, check: ForeignCheck): void {
  const lines = check.split.filter((s) => Object.keys(s.otherTasks).length > 0).map((s) => s.path);
  const paths = [...check.unstaged, ...lines];
  const shown = paths.slice(0, RECORDED_PATHS);
  appendEvent(root, 'violation', {
    kind: 'foreign_kept_out',
    task,
    agent: env.LOCKSTEP_AGENT ?? null,
    paths: shown,
    reasons: shown.map((p) => (check.unstaged.includes(p) ? `${showPath(p)} is not task ${task}'s: kept out of its commit, left staged for its owner` : `${showPath(p)}: other tasks' lines kept out of task ${task}'s commit`)),
    ...(paths.length > shown.length ? { morePaths: paths.length - shown.length } : {}),
  });
}

export async function runPreCommit(opts: HookOptions): Promise<PreCommitResult> {
  const env = opts.env ?? process.env;
  const skip = hooksSkipped(env);
  if (skip) return { outcome: 'skipped', reason: skip, messages: [] };

  const rt = hookRuntime(opts.cwd, env);
  const top = rt.repo?.topLevel ?? opts.cwd;
  const config = loadConfig({ topLevel: top });
  const task = declaredTask({ env, root: rt.root });
  if (!task && config.requireTask) {
    return recordBlocked(rt.root, env, {
      outcome: 'blocked',
      task: null,
      paths: [],
      classes: null,
      messages: [
        'lockstep: commit blocked: this repository requires a task for every commit (requireTask in its lockstep configuration)',
        '  fix: LOCKSTEP_TASK=ID git commit …, or lockstep commit --task ID -m MSG -- PATH…',
      ],
    });
  }
  const gitPid = opts.gitPid ?? findGitProcess();
  if (gitPid === null) {
    throw new LockstepError('BAD_INPUT', 'lockstep hook pre-commit must be run by git commit (no git process among its parents)', {
      hint: 'install the hooks with lockstep init; to commit under the lock by hand use lockstep commit',
    });
  }
  sweepInflight(rt.root);

  const handle: LockHandle = await lockForCommit(commitLockRequest({ runtime: rt, top, gitPid, task: task?.id ?? null, env, config, onWait: opts.onWait }));
  let keep = false;
  let hold: IndexHold | null = null;
  try {
    const git = createGit(top);
    const gitDir = rt.repo?.gitDir ?? join(top, '.git');
    const fastHead = rt.repo ? readHeadFast(rt.repo.gitDir, rt.repo.commonDir) : undefined;
    const piped = pipedListing(opts.stagedListing);
    const [staged, head] = await Promise.all([piped ?? stagedPaths(git), fastHead === undefined ? headCommit(git) : fastHead]);
    const merge = existsSync(join(gitDir, 'MERGE_HEAD'));
    let classes: PathClasses | null = null;
    const messages: string[] = [];
    let stagedRaw = staged.raw;
    let restore = '';
    let stagedList = staged.paths;
    if (task && !merge) {
      const index = hookIndexFile(env, top, gitDir);
      // A plain `git commit` let go of index.lock before this hook: hold it until git is done (see index-hold.ts).
      const real = index === resolve(gitDir, 'index');
      hold = real ? await holdIndexLock({ index, commonDir: rt.repo?.commonDir ?? gitDir, gitPid, deadlineMs: Date.now() + config.lockTimeoutMs }) : null;
      if (real && !hold) {
        return { outcome: 'blocked', task: task.id, paths: staged.paths, classes: null, messages: [`lockstep: commit blocked for task ${task.id}: git's ${index}.lock stayed taken by another git process for ${Math.round(config.lockTimeoutMs / 1000)} s`, '  fix: wait for that git to finish, then commit again; see it with: lockstep git-locks'] };
      }
      // Listed again under the hold: the shim's list may predate another task's git add.
      const now = real ? await stagedPaths(git) : staged;
      const check = await separateForeign({ git, root: rt.root, index, task, others: listTasks({ runtime: rt }), config, paths: now.paths, head });
      classes = check.classes;
      const after = check.updates ? await applyIndexUpdates(git, index, check.updates, real) : now;
      stagedRaw = after.raw;
      stagedList = after.paths;
      const unattributable = check.split.some((s) => s.unattributable.length);
      const foreign = check.unstaged.length > 0 || check.split.some((s) => Object.keys(s.otherTasks).length > 0);
      const blocked = unattributable
        ? 'changed lines no rule gives to a task'
        : foreign && config.foreignChanges === 'block'
          ? 'another task\'s changes were staged; foreignChanges is "block"'
          : check.updates && after.paths.length === 0
            ? `nothing of task ${task.id}'s is staged`
            : null;
      if (foreign || unattributable || blocked) messages.push(...checkMessages(task, check, blocked));
      if (blocked) return recordBlocked(rt.root, env, { outcome: 'blocked', task: task.id, paths: now.paths, classes, messages });
      // Kept out rather than blocked: still a violation caught, on record for lockstep status.
      if (foreign) recordKeptOut(rt.root, env, task.id, check);
      consumeCommitted(rt.root, task.id, check.own);
      // Once the commit is made, what was taken out goes back into the index as its tasks staged it
      // (HEAD then has this commit's part): a commit waiting behind this one keeps what it staged.
      if (hold) restore = check.restore;
      if (check.classes.shared.length) {
        messages.push(`lockstep: task ${task.id} commits shared path${check.classes.shared.length > 1 ? 's' : ''} ${check.classes.shared.map(showPath).join(', ')}`);
      }
    }
    const shared = task ? [...task.shared, ...config.shared.filter((g) => !task.shared.includes(g))] : [];
    const fence = task ? fenceValue(rt.root, handle.token) : '';
    writeInflight(
      rt.root,
      {
        v: 1,
        gitPid,
        gitStart: startStamp(gitPid) ?? '',
        lock: handle.name,
        lockDir: handle.dir,
        token: handle.token,
        nonce: handle.nonce,
        inherited: handle.reentrant,
        acquiredMs: handle.acquiredAtMs,
        head: head ?? '',
        merge,
        task: task?.id ?? null,
        hostJson: JSON.stringify(hostId()),
        fast: true,
        trailerTask: task?.id ?? '',
        trailerScope: task ? encodeGlobs(task.scope) : '',
        trailerShared: task && shared.length ? encodeGlobs(shared) : '',
        trailerFence: fence,
        indexLock: hold?.lock ?? '',
        indexMarker: hold?.marker ?? '',
      },
      stagedRaw,
      task ? trailerLines({ task: task.id, scope: task.scope, shared, fence, parent: head }) : [],
      restore,
    );
    keep = true;
    hold = null; // post-commit gives it back
    return { outcome: 'ok', task: task?.id ?? null, token: handle.token, inherited: handle.reentrant, paths: stagedList, classes, messages };
  } finally {
    // A blocked or failed pre-commit ends the commit: give the locks back now
    // rather than when git exits (the next git command may start at once).
    if (hold) releaseIndexHold(hold);
    if (!keep && !handle.reentrant) {
      try {
        releaseLock(handle);
      } catch {
        /* git is about to exit, which frees it anyway */
      }
    }
    // What the lock phase left (src/hooks/commit-lock.ts) goes with the lock.
    if (!keep) removeInflight(rt.root, gitPid);
  }
}
