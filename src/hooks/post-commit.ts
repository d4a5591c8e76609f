/**
 * The post-commit hook, node side. The sh hook (hooks/post-commit) handles
 * the ordinary commit itself — the commit's files equal the staged list
 * pre-commit checked, so there is nothing to report — and releases the
 * lock. Everything else comes here: an amend, a merge, a list that changed
 * after pre-commit (something staged or unstaged in between), a lock that
 * was taken away. Nothing here can fail the commit (it exists already):
 * findings are a warning on stderr and a `git_commit_validation_warning`
 * event in events.jsonl.
 */
import { appendEvent } from '../core/events.js';
import { LockstepError } from '../core/errors.js';
import { releaseLock } from '../core/lock.js';
import { startStamp } from '../core/process.js';
import { loadConfig } from '../config/config.js';
import { createGit } from '../git/git.js';
import { commitParents, commitPaths, splitNul } from '../tasks/git-paths.js';
import { classifyPaths, showPath } from '../tasks/scope.js';
import { getTask, listTasks } from '../tasks/tasks.js';
import { findGitProcess } from './git-process.js';
import { hookRuntime } from './hook-runtime.js';
import { releaseIndexHold } from './index-hold.js';
import { readInflight, removeInflight, type Inflight } from './inflight.js';
import { hooksSkipped, type HookOptions } from './pre-commit.js';

export interface CommitValidationWarning {
  commit: string;
  task: string | null;
  /** Staged when pre-commit checked, but not in the commit. */
  missing: string[];
  /** In the commit, but not staged when pre-commit checked (pre-commit never saw them). */
  extra: string[];
  /** In the commit and outside the task's scope. */
  outside: string[];
  /** In the commit and inside another active task's scope. */
  otherTask: { path: string; task: string }[];
  amend: boolean;
}

export interface PostCommitResult {
  /** False when this git process had no lockstep state (rebase, cherry-pick, LOCKSTEP_SKIP, hooks added mid-commit). */
  handled: boolean;
  released: boolean;
  warning: CommitValidationWarning | null;
  messages: string[];
}

/** Compares the new commit with what pre-commit checked. */
export async function checkCommit(opts: { top: string; root: string; state: Inflight; stagedRaw: string }): Promise<CommitValidationWarning | null> {
  const git = createGit(opts.top);
  const head = await commitParents(git, 'HEAD');
  if (!head) return null;
  if (opts.state.merge || head.parents.length > 1) return null; // a merge brings other commits' files
  const files = (await commitPaths(git, head.commit)).paths;
  const ordinary = opts.state.head === '' ? head.parents.length === 0 : head.parents[0] === opts.state.head;
  const staged = splitNul(opts.stagedRaw);
  const fileSet = new Set(files);
  const stagedSet = new Set(staged);
  const missing = ordinary ? staged.filter((p) => !fileSet.has(p)) : [];
  const extra = ordinary ? files.filter((p) => !stagedSet.has(p)) : [];
  let outside: string[] = [];
  let otherTask: { path: string; task: string }[] = [];
  if (opts.state.task) {
    const task = getTask({ runtime: { root: opts.root, repo: null }, id: opts.state.task });
    if (task) {
      const config = loadConfig({ topLevel: opts.top });
      const c = classifyPaths({ task, others: listTasks({ runtime: { root: opts.root, repo: null } }), shared: config.shared, paths: files });
      outside = c.outside;
      otherTask = c.otherTask;
    }
  }
  if (!missing.length && !extra.length && !outside.length && !otherTask.length) return null;
  return { commit: head.commit, task: opts.state.task, missing, extra, outside, otherTask, amend: !ordinary };
}

function describe(w: CommitValidationWarning): string[] {
  const lines = [`lockstep: warning: commit ${w.commit.slice(0, 12)}${w.task ? ` (task ${w.task})` : ''} is not what pre-commit checked:`];
  for (const o of w.otherTask) lines.push(`  ${showPath(o.path)} belongs to active task ${o.task}`);
  for (const p of w.outside) lines.push(`  ${showPath(p)} is outside the task's scope`);
  for (const p of w.extra) lines.push(`  ${showPath(p)} was staged after pre-commit ran`);
  for (const p of w.missing) lines.push(`  ${showPath(p)} was checked but is not in the commit`);
  lines.push(`  recorded in events.jsonl as git_commit_validation_warning; review it with: git show --stat ${w.commit.slice(0, 12)}`);
  return lines;
}

/**
 * A `git commit` that no pre-commit checked (`--no-verify`: git still runs
 * post-commit; the sh hook sends only such commits here, see
 * hooks/post-commit). Says which of its files belong to another active task
 * (or, with LOCKSTEP_TASK, are outside its scope), and records it.
 */
export async function checkUncheckedCommit(opts: HookOptions): Promise<PostCommitResult> {
  const env = opts.env ?? process.env;
  const none: PostCommitResult = { handled: false, released: false, warning: null, messages: [] };
  if (hooksSkipped(env)) return none;
  const rt = hookRuntime(opts.cwd, env);
  const top = rt.repo?.topLevel ?? opts.cwd;
  const git = createGit(top);
  const head = await commitParents(git, 'HEAD');
  if (!head || head.parents.length > 1) return none;
  const others = listTasks({ runtime: rt });
  if (others.length === 0) return none;
  const raw = env.LOCKSTEP_TASK;
  const task = raw ? getTask({ runtime: { root: rt.root, repo: null }, id: raw }) : null;
  const files = (await commitPaths(git, head.commit)).paths;
  const config = loadConfig({ topLevel: top });
  const c = classifyPaths({ task, others, shared: config.shared, paths: files });
  const outside = task ? c.outside : [];
  if (!c.otherTask.length && !outside.length) return { ...none, handled: true };
  const warning: CommitValidationWarning = { commit: head.commit, task: task?.id ?? null, missing: [], extra: [], outside, otherTask: c.otherTask, amend: false };
  appendEvent(rt.root, 'git_commit_validation_warning', { ...warning, unchecked: true });
  const lines = [`lockstep: warning: commit ${head.commit.slice(0, 12)}${task ? ` (task ${task.id})` : ''} was made without lockstep's checks (git commit --no-verify):`];
  for (const o of c.otherTask) lines.push(`  ${showPath(o.path)} belongs to active task ${o.task}`);
  for (const p of outside) lines.push(`  ${showPath(p)} is outside the task's scope`);
  lines.push(`  recorded in events.jsonl as git_commit_validation_warning; undo it with: git reset --soft HEAD^ (then commit again without --no-verify)`);
  return { handled: true, released: false, warning, messages: lines };
}

export async function runPostCommit(opts: HookOptions): Promise<PostCommitResult> {
  const env = opts.env ?? process.env;
  const none: PostCommitResult = { handled: false, released: false, warning: null, messages: [] };
  if (hooksSkipped(env)) return none;
  const gitPid = opts.gitPid ?? findGitProcess();
  if (gitPid === null) return none;
  const rt = hookRuntime(opts.cwd, env);
  const found = readInflight(rt.root, gitPid);
  if (!found) return none;
  const { state, stagedRaw } = found;
  if (state.gitStart !== (startStamp(gitPid) ?? '')) {
    // Left by an earlier git process whose pid this one reuses: not ours.
    removeInflight(rt.root, gitPid);
    return none;
  }
  releaseIndexHold({ lock: state.indexLock ?? '', marker: state.indexMarker ?? '' });
  const top = rt.repo?.topLevel ?? opts.cwd;
  const messages: string[] = [];
  let warning: CommitValidationWarning | null = null;
  let released = false;
  try {
    warning = await checkCommit({ top, root: rt.root, state, stagedRaw });
    if (warning) {
      appendEvent(rt.root, 'git_commit_validation_warning', { ...warning });
      messages.push(...describe(warning));
    }
  } finally {
    if (!state.inherited) {
      try {
        releaseLock({ name: state.lock, token: state.token, nonce: state.nonce, dir: state.lockDir, root: rt.root });
        released = true;
      } catch (e) {
        if (e instanceof LockstepError) messages.push(`lockstep: ${e.message}`, ...(e.hint ? [`  fix: ${e.hint}`] : []));
        else throw e;
      }
    }
    removeInflight(rt.root, gitPid);
  }
  return { handled: true, released, warning, messages };
}
