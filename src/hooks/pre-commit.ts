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
import { join } from 'node:path';
import { loadConfig } from '../config/config.js';
import { LockstepError } from '../core/errors.js';
import { appendEvent } from '../core/events.js';
import { DEFAULT_LOCK, releaseLock, type LockHandle, type WaitInfo } from '../core/lock.js';
import { hostId, startStamp } from '../core/process.js';
import { createGit } from '../git/git.js';
import { fenceValue } from '../tasks/fence.js';
import { faultValue } from '../core/faults.js';
import { headCommit, parseStagedListing, splitNul, STAGED_END, stagedPaths, type PathList } from '../tasks/git-paths.js';
import { classifyPaths, showPath, type PathClasses } from '../tasks/scope.js';
import { getTask, listTasks, validateTaskId, type Task } from '../tasks/tasks.js';
import { encodeGlobs } from '../tasks/trailers.js';
import { lockForCommit } from './commit-lock.js';
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

function blockMessages(task: Task, c: PathClasses, unborn: boolean): string[] {
  const lines = [`lockstep: commit blocked for task ${task.id} — nothing was committed:`];
  for (const { path, task: owner } of c.otherTask) {
    lines.push(`  ${showPath(path)} is staged but belongs to active task ${owner} — commit with \`lockstep commit\` or unstage it`);
  }
  for (const p of c.outside) lines.push(`  ${showPath(p)} is outside task ${task.id}'s scope (${task.scope.join(' ')})`);
  const unstage = [...c.otherTask.map((o) => o.path), ...c.outside];
  // Before the first commit there is no HEAD to restore from.
  const how = unborn ? 'git rm -q --cached --' : 'git restore --staged --';
  lines.push(`  fix: unstage them (${how} ${unstage.slice(0, 3).map(showPath).join(' ')}${unstage.length > 3 ? ' …' : ''}),`);
  lines.push(`       or commit exactly your own paths: lockstep commit --task ${task.id} -m MSG -- PATH…`);
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

  const handle: LockHandle = await lockForCommit({
    runtime: rt,
    cwd: top,
    name: DEFAULT_LOCK,
    ownerPid: gitPid,
    task: task?.id ?? null,
    agent: env.LOCKSTEP_AGENT ?? null,
    timeoutMs: config.lockTimeoutMs,
    leaseMs: config.leaseMs,
    command: 'git commit (lockstep pre-commit hook)',
    onWait: opts.onWait,
    env,
  });
  let keep = false;
  try {
    const git = createGit(top);
    const gitDir = rt.repo?.gitDir ?? join(top, '.git');
    const fastHead = rt.repo ? readHeadFast(rt.repo.gitDir, rt.repo.commonDir) : undefined;
    const piped = pipedListing(opts.stagedListing);
    const [staged, head] = await Promise.all([piped ?? stagedPaths(git), fastHead === undefined ? headCommit(git) : fastHead]);
    const merge = existsSync(join(gitDir, 'MERGE_HEAD'));
    let classes: PathClasses | null = null;
    const messages: string[] = [];
    if (task && !merge) {
      classes = classifyPaths({ task, others: listTasks({ runtime: rt }), shared: config.shared, paths: staged.paths });
      if (classes.otherTask.length || classes.outside.length) {
        return recordBlocked(rt.root, env, { outcome: 'blocked', task: task.id, paths: staged.paths, classes, messages: blockMessages(task, classes, head === null) });
      }
      if (classes.shared.length) {
        messages.push(`lockstep: task ${task.id} commits shared path${classes.shared.length > 1 ? 's' : ''} ${classes.shared.map(showPath).join(', ')}`);
      }
    }
    const shared = task ? [...task.shared, ...config.shared.filter((g) => !task.shared.includes(g))] : [];
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
        trailerFence: task ? fenceValue(rt.root, handle.token) : '',
      },
      staged.raw,
    );
    keep = true;
    return { outcome: 'ok', task: task?.id ?? null, token: handle.token, inherited: handle.reentrant, paths: staged.paths, classes, messages };
  } finally {
    // A blocked or failed pre-commit ends the commit: give the lock back now
    // rather than when git exits.
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
