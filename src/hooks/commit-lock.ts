/**
 * The lock phase of pre-commit: the first thing the repository's
 * pre-commit runs, before formatters, lint-staged's stash and re-stage or
 * any other step of a hook manager, so that all of them — and the
 * commit-msg hooks (commitlint) after them — run under the commit lock.
 *
 * Calling sequence (one `git commit`, one git process P):
 *   1. lock phase (`lockstep hook pre-commit-lock`): takes the commit lock
 *      for P and leaves `<runtime>/inflight/<P>.held`;
 *   2. the repository's own pre-commit steps;
 *   3. check phase (`lockstep hook pre-commit`, runPreCommit): lists what is
 *      staged now — what the steps in between re-staged — and checks it;
 *      it takes over the lock from the `.held` record (lockForCommit)
 *      instead of acquiring it again;
 *   4. commit-msg, post-commit (which releases the lock) as before.
 *
 * A commit that declares no task needs no glob matching, so the lock phase
 * writes the whole inflight record at once and the check phase only lists
 * the staged paths, in sh (`check=sh`): one node start-up per commit, as
 * before the split. With a task (or requireTask) the check runs in node.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config/config.js';
import { ensureDirIn, writeFileAtomic } from '../core/files.js';
import { acquireLock, DEFAULT_LOCK, TOKEN_ENV, tokenEnvFor, type AcquireOptions, type LockHandle } from '../core/lock.js';
import { hostId, startStamp } from '../core/process.js';
import { LockstepError } from '../core/errors.js';
import { findGitProcess } from './git-process.js';
import { hookRuntime, readHeadFast } from './hook-runtime.js';
import { inflightDir, inflightPath, sweepInflight, writeInflight } from './inflight.js';
import { declaredTask, hooksSkipped, type HookOptions } from './pre-commit.js';
import { createGit } from '../git/git.js';
import { headCommit } from '../tasks/git-paths.js';

/** What the lock phase leaves for the check phase of the same git process. */
export interface HeldRecord {
  gitStart: string;
  token: number;
  /** The lock came from a parent (`lockstep commit`): post-commit must not release it. */
  inherited: boolean;
  /** sh: only the staged list is left to record; node: runPreCommit checks it. */
  check: 'sh' | 'node';
}

export type CommitLockResult = { outcome: 'skipped'; reason: string } | { outcome: 'locked'; token: number; check: 'sh' | 'node' };

export function heldPath(root: string, gitPid: number): string {
  return `${inflightPath(root, gitPid)}.held`;
}

/** The `.held` record of this git process, or null (none, unreadable, or left by an earlier process with the same pid). */
export function readHeld(root: string, gitPid: number): HeldRecord | null {
  let text: string;
  try {
    text = readFileSync(heldPath(root, gitPid), 'utf8');
  } catch {
    return null;
  }
  const kv = new Map(text.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as const));
  const token = Number(kv.get('token'));
  if (kv.get('v') !== '1' || !Number.isSafeInteger(token) || token <= 0) return null;
  const rec: HeldRecord = { gitStart: kv.get('gitstart') ?? '', token, inherited: kv.get('inherited') === '1', check: kv.get('check') === 'sh' ? 'sh' : 'node' };
  return rec.gitStart === (startStamp(gitPid) ?? '') ? rec : null;
}

/**
 * The commit lock for the check phase: the one the lock phase took for this
 * git process when there is one (a reentrant take-over, then owned again by
 * this commit unless the lock phase had inherited it), else acquired now — a
 * hook set-up from before the split, or `lockstep hook pre-commit` alone.
 */
/** The commit lock as both pre-commit phases ask for it: owned by the git process, timed by the configuration. */
export function commitLockRequest(o: {
  runtime: NonNullable<AcquireOptions['runtime']> & { root: string };
  top: string;
  gitPid: number;
  task: string | null;
  env: NodeJS.ProcessEnv;
  config: { lockTimeoutMs: number; leaseMs: number };
  onWait?: AcquireOptions['onWait'];
}): AcquireOptions & { runtime: { root: string }; ownerPid: number } {
  return {
    runtime: o.runtime,
    cwd: o.top,
    name: DEFAULT_LOCK,
    ownerPid: o.gitPid,
    task: o.task,
    agent: o.env.LOCKSTEP_AGENT ?? null,
    timeoutMs: o.config.lockTimeoutMs,
    leaseMs: o.config.leaseMs,
    command: 'git commit (lockstep pre-commit hook)',
    onWait: o.onWait,
    env: o.env,
  };
}

export async function lockForCommit(opts: AcquireOptions & { runtime: { root: string }; ownerPid: number }): Promise<LockHandle> {
  const held = readHeld(opts.runtime.root, opts.ownerPid);
  if (!held) return acquireLock(opts);
  const name = opts.name ?? DEFAULT_LOCK;
  const env = { ...(opts.env ?? process.env), [TOKEN_ENV]: tokenEnvFor({ name, token: held.token }, opts.env ?? process.env) };
  const h = await acquireLock({ ...opts, env });
  // Not the lock phase's generation any more (taken over): a fresh acquisition is the commit's own.
  if (!h.reentrant || h.token !== held.token) return h;
  return { ...h, reentrant: held.inherited };
}

/** The lock phase: takes the commit lock for the git process before any other pre-commit step runs. */
export async function runCommitLock(opts: HookOptions): Promise<CommitLockResult> {
  const env = opts.env ?? process.env;
  const skip = hooksSkipped(env);
  if (skip) return { outcome: 'skipped', reason: skip };
  const rt = hookRuntime(opts.cwd, env);
  const top = rt.repo?.topLevel ?? opts.cwd;
  const config = loadConfig({ topLevel: top });
  const task = declaredTask({ env, root: rt.root });
  // The check phase blocks it (and says why); no lock to leave behind meanwhile.
  if (!task && config.requireTask) return { outcome: 'skipped', reason: 'requireTask' };
  const gitPid = opts.gitPid ?? findGitProcess();
  if (gitPid === null) {
    throw new LockstepError('BAD_INPUT', 'lockstep hook pre-commit-lock must be run by git commit (no git process among its parents)', {
      hint: 'install the hooks with lockstep init; to commit under the lock by hand use lockstep commit',
    });
  }
  sweepInflight(rt.root);
  const handle = await acquireLock(commitLockRequest({ runtime: rt, top, gitPid, task: task?.id ?? null, env, config, onWait: opts.onWait }));
  const gitStart = startStamp(gitPid) ?? '';
  const check = task ? 'node' : 'sh';
  if (check === 'sh') {
    // Everything but the staged list, which the check phase adds (hooks/lib.sh lockstep_check).
    const gitDir = rt.repo?.gitDir ?? join(top, '.git');
    const fastHead = rt.repo ? readHeadFast(rt.repo.gitDir, rt.repo.commonDir) : undefined;
    const head = fastHead === undefined ? await headCommit(createGit(top)) : fastHead;
    writeInflight(
      rt.root,
      {
        v: 1,
        gitPid,
        gitStart,
        lock: handle.name,
        lockDir: handle.dir,
        token: handle.token,
        nonce: handle.nonce,
        inherited: handle.reentrant,
        acquiredMs: handle.acquiredAtMs,
        head: head ?? '',
        merge: existsSync(join(gitDir, 'MERGE_HEAD')),
        task: null,
        hostJson: JSON.stringify(hostId()),
        fast: true,
        trailerTask: '',
        trailerScope: '',
        trailerShared: '',
        trailerFence: '',
        indexLock: '',
        indexMarker: '',
      },
      '',
    );
  }
  ensureDirIn(rt.root, inflightDir(rt.root));
  writeFileAtomic(heldPath(rt.root, gitPid), `v=1\ngitstart=${gitStart}\ntoken=${handle.token}\ninherited=${handle.reentrant ? 1 : 0}\ncheck=${check}\n`);
  return { outcome: 'locked', token: handle.token, check };
}
