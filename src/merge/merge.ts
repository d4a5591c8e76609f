/**
 * The merge queue: `mergeBranch` merges a branch into a base branch, one
 * merge at a time under the repository lock (its FIFO tickets make it first
 * come, first served).
 *
 * Nothing happens in the user's checkout: the merge is computed by
 * `git merge-tree --write-tree` (git's merge machinery, entirely in the object
 * store — no working tree, no index, nothing half done on disk), the merge
 * commit is made with `commit-tree`, and the optional check runs in a scratch
 * worktree holding exactly that commit. The base then moves only by
 * compare-and-swap: `git update-ref refs/heads/BASE NEW OLD`. If somebody
 * moved the base meanwhile (a plain `git commit` or push that does not take
 * lockstep's lock), the CAS fails and the merge is redone on the new base, so
 * no commit on the base is ever overwritten. A conflict leaves both the base
 * and the branch exactly as they were and names the conflicting files.
 *
 * Checkouts that have the base checked out (typically the user's) would be
 * left with a stale index after the ref moves, which makes a later `commit -a`
 * revert the merge. So they are brought along like a fast-forward
 * (`read-tree -m -u OLD NEW`, which keeps local changes) — checked with a dry
 * run before the base moves; a checkout whose local changes collide with the
 * merge blocks it instead of being overwritten.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LockstepError } from '../core/errors.js';
import { spawnFailureMessage } from '../core/spawn-error.js';
import { validateAgentId } from '../core/actor.js';
import { appendEvent } from '../core/events.js';
import { checkDirIn, ensureDirIn, readFileNoFollow, unlinkQuiet, writeFileAtomic } from '../core/files.js';
import { tokenEnvFor, type LockHandle, type WaitInfo } from '../core/lock.js';
import { openRuntime, type Runtime } from '../core/runtime.js';
import { createGit, type Git } from '../git/git.js';
import { withRepoLock } from '../worktree/repo-lock.js';
import { listRegisteredWorktrees } from '../worktree/registry.js';
import { branchCommit, currentBranch } from '../worktree/worktree.js';
import { dequeueMerge, enqueueMerge, markMerging } from './merge-queue.js';
import { randomHex } from '../core/names.js';
import { faultValue } from '../core/faults.js';
import { withIndexRetry, type StaleIndexLock } from '../tasks/index-retry.js';
import { clearStaleLockNamedIn, recordClearedGitLock } from '../git/git-locks.js';
import { splitNul } from '../tasks/git-paths.js';
import { timerDelay } from '../core/duration.js';
import { quoteInput } from '../core/outside-text.js';

export interface MergeOptions {
  cwd?: string;
  branch: string;
  /** The base branch (default: the branch checked out in cwd). */
  into?: string;
  /** A shell command run (with `sh -c`) in a scratch worktree holding the merge result; non-zero exit = the merge does not land. */
  check?: string;
  checkTimeoutMs?: number;
  /** The merge commit's subject (default "Merge <branch> into <base>"). */
  message?: string;
  /** Trailers added to the merge commit message (e.g. Lockstep-Item). */
  trailers?: Record<string, string>;
  /**
   * Skip the merge when the base's first-parent history already holds a
   * merge commit with this trailer (makes a retried item's merge idempotent).
   */
  onceTrailer?: { key: string; value: string };
  /** How long to wait for the repository lock (default 10 min). */
  timeoutMs?: number;
  /** Compare-and-swap attempts before giving up on a base that keeps moving (default 10). */
  maxAttempts?: number;
  agent?: string | null;
  task?: string | null;
  /** Bring checkouts of the base along (default true). */
  syncCheckouts?: boolean;
  onWait?: (w: WaitInfo) => void;
  /** TEST-ONLY: skip the repository lock. */
  unsafeUnserialized?: boolean;
  /** TEST-ONLY: move the base with a plain `update-ref` (no expected old value), as a naive merge would. */
  unsafeNoCas?: boolean;
}

interface Common {
  branch: string;
  into: string;
  branchTip: string;
  waitedMs: number;
  ms: number;
}

export type MergeResult =
  | (Common & {
      status: 'merged';
      commit: string;
      previous: string;
      attempts: number;
      checked: boolean;
      /** Checkouts of the base brought along. */
      synced: string[];
      /** Checkouts that could not be brought along after the base moved (a race with activity in them). */
      unsynced: { path: string; reason: string }[];
    })
  | (Common & { status: 'up-to-date'; commit: string })
  | (Common & { status: 'already-merged'; commit: string })
  | (Common & { status: 'conflict'; base: string; files: string[] })
  | (Common & { status: 'check-failed'; base: string; commit: string; exitCode: number | null; signal: string | null; timedOut: boolean; output: string })
  | (Common & { status: 'blocked'; base: string; checkout: string; reason: string });

// TEST-ONLY faults (src/core/faults.ts): pause-before-merge-cas:MS pauses the
// first attempt of each merge just before it moves the base (so a test can
// make the base move under it); pause-after-merge-cas:MS pauses between
// moving the base and bringing checkouts along (so a test can kill it there).

const TRAILER_KEY = /^[A-Za-z][A-Za-z0-9-]{0,63}$/;

function validateTrailers(t: Record<string, string> | undefined): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(t ?? {})) {
    if (!TRAILER_KEY.test(k)) throw new LockstepError('BAD_INPUT', `invalid trailer key ${quoteInput(k)}`);
    if (typeof v !== 'string' || /[\r\n]/.test(v) || v.trim() === '') throw new LockstepError('BAD_INPUT', `invalid value for trailer ${k}: one non-empty line`);
    out.push([k, v.trim()]);
  }
  return out;
}

function escapeRegex(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

async function tipOf(git: Git, branch: string): Promise<string> {
  const r = await git.run(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`], { readOnly: true });
  if (r.code !== 0) throw new LockstepError('NOT_FOUND', `branch ${branch} disappeared during the merge`);
  return r.stdout.trim();
}

async function isAncestor(git: Git, a: string, b: string): Promise<boolean> {
  const r = await git.run(['merge-base', '--is-ancestor', a, b], { readOnly: true });
  if (r.code === 0) return true;
  if (r.code === 1) return false;
  throw new LockstepError('GIT_FAILED', `git merge-base --is-ancestor failed: ${r.stderr.trim()}`);
}

/** The first-parent commit of `base` carrying trailer `key: value`, or null. */
export async function findMergeWithTrailer(git: Git, base: string, key: string, value: string): Promise<string | null> {
  const r = await git.run(['log', '--first-parent', '--format=%H', '-n', '1', '--extended-regexp', `--grep=^${escapeRegex(key)}: ${escapeRegex(value)}$`, base], { readOnly: true });
  const sha = r.code === 0 ? r.stdout.trim() : '';
  return sha || null;
}

interface CheckRun {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  output: string;
}

const OUTPUT_TAIL = 16 * 1024;

function runCheck(command: string, cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<CheckRun> {
  return new Promise((resolveRun) => {
    let output = '';
    let timedOut = false;
    let child;
    try {
      child = spawn('sh', ['-c', command], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      // spawn throws, rather than reports, some errors of a bad cwd (ENOTDIR, ENAMETOOLONG)
      resolveRun({ exitCode: 127, signal: null, timedOut: false, output: spawnFailureMessage('sh', cwd, e) });
      return;
    }
    const take = (d: Buffer) => {
      output += d.toString('utf8');
      if (output.length > OUTPUT_TAIL * 2) output = output.slice(-OUTPUT_TAIL);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            try {
              process.kill(-child.pid!, 'SIGKILL');
            } catch {
              /* gone */
            }
          }, timerDelay(timeoutMs))
        : null;
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      resolveRun({ exitCode: 127, signal: null, timedOut: false, output: spawnFailureMessage('sh', cwd, e) });
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolveRun({ exitCode: code, signal, timedOut, output: output.slice(-OUTPUT_TAIL) });
    });
  });
}

/**
 * Between moving the base and bringing its checkouts along, a merger that
 * dies would leave a checkout whose index is a merge behind its HEAD. So the
 * step is announced first (`merge/syncing.json`) and the next merge, under the
 * same lock, finishes it.
 */
interface SyncMarker {
  into: string;
  old: string;
  commit: string;
  checkouts: string[];
}

function syncMarkerPath(rt: Runtime): string {
  return join(rt.root, 'merge', 'syncing.json');
}

async function finishInterruptedSync(rt: Runtime): Promise<void> {
  const path = syncMarkerPath(rt);
  if (!checkDirIn(rt.root, dirname(path))) return; // a link there is refused (UNSAFE_PATH), never read through
  let m: SyncMarker;
  try {
    m = JSON.parse(readFileNoFollow(path)) as SyncMarker;
  } catch {
    return;
  }
  // Checkouts still not brought along (somebody's change in the way): `git status` there shows it.
  const unsynced: string[] = [];
  for (const co of m.checkouts) {
    if (!existsSync(co)) continue;
    const cg = createGit(co);
    const head = await cg.run(['rev-parse', '--verify', '--quiet', 'HEAD'], { readOnly: true });
    // Only a checkout still at that merge: anything else has moved on since.
    if (head.code !== 0 || head.stdout.trim() !== m.commit) continue;
    const sync = () => cg.run(['read-tree', '-m', '-u', m.old, m.commit]);
    const lock = (await cg.run(['rev-parse', '--path-format=absolute', '--git-path', 'index.lock'], { readOnly: true })).stdout.trim();
    // A lock no live process can hold is the dead merger's read-tree's (src/git/git-locks.ts): once it is
    // removed, the files that read-tree wrote are put back so the sync can run again.
    // TEST-ONLY: LOCKSTEP_FAULT=keep-stale-index-lock:1 leaves it (the control of that test).
    const stale: StaleIndexLock | undefined =
      lock && rt.repo && !(LOCKSTEP_TEST_BUILD && faultValue('keep-stale-index-lock'))
        ? {
            commonDir: rt.repo.commonDir,
            lock,
            onCleared: async (l) => {
              recordClearedGitLock(rt.root, l, `lockstep merge (sync of ${co})`);
              await restoreDeadSyncFiles(cg, co, m);
            },
          }
        : undefined;
    const r = await withIndexRetry(sync, Date.now() + INDEX_LOCK_WAIT_MS, stale);
    if (r.code !== 0) unsynced.push(co);
  }
  appendEvent(rt.root, 'merge_sync_recovered', { into: m.into, commit: m.commit, checkouts: m.checkouts, unsynced });
  unlinkQuiet(path);
}

/** How long the recovery waits for a checkout's index.lock that a live git holds. */
const INDEX_LOCK_WAIT_MS = 2000;

/**
 * A merger killed inside its `read-tree -m -u` leaves the checkout's
 * index.lock behind (git cannot remove it on SIGKILL), and the files it had
 * written by then: the index still holds the old tree, and those files look
 * like local changes that the sync must not overwrite. Every later merge would
 * end `blocked` on that checkout. Once that lock is judged stale and removed
 * (see index-retry.ts), each path the merge changes whose file already has
 * the merge's content is put back as the index has it, so that the sync can
 * run again. Any other content there is somebody's work: then no file is
 * touched, the sync stops at it, and the recovery's event
 * (`merge_sync_recovered`) names the checkout under `unsynced`. `top` is the
 * checkout's top directory, as the sync marker names it.
 */
async function restoreDeadSyncFiles(cg: Git, top: string, m: SyncMarker): Promise<void> {
  const changed = splitNul((await cg.run(['diff', '--name-only', '-z', '--no-renames', m.old, m.commit], { readOnly: true })).stdout);
  if (!changed.length) return;
  const target = blobsOf((await cg.run(['ls-tree', '-r', '-z', '--full-tree', m.commit, '--', ...changed], { readOnly: true })).stdout);
  const indexed = blobsOf((await cg.run(['ls-files', '-s', '-z', '--', ...changed], { readOnly: true })).stdout);
  const present = changed.filter((p) => existsSync(join(top, p)));
  if (!present.length) return;
  const hashed = await cg.run(['hash-object', '--stdin-paths'], { readOnly: true, input: present.join('\n') + '\n' });
  const hashes = hashed.stdout.trim().split('\n');
  if (hashed.code !== 0 || hashes.length !== present.length) return; // a name hash-object cannot take (a newline, a submodule): touch nothing
  const written: string[] = [];
  for (const [i, p] of present.entries()) {
    if (hashes[i] === target.get(p)) written.push(p);
    // Neither the merge's content nor the index's: somebody's work. Touch nothing; the sync stops there.
    else if (hashes[i] !== indexed.get(p)) return;
  }
  const back = written.filter((p) => indexed.has(p));
  // -u: the index takes the rewritten files' stat data, or read-tree would find them "not uptodate".
  if (back.length) await cg.run(['checkout-index', '-f', '-u', '-z', '--stdin'], { input: back.join('\0') + '\0' });
  for (const p of written) if (!indexed.has(p)) unlinkQuiet(join(top, p));
}

/** path → blob id, from `git ls-tree -r -z` ("mode blob oid\tpath") or `git ls-files -s -z` ("mode oid stage\tpath"). */
function blobsOf(listing: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rec of splitNul(listing)) {
    const tab = rec.indexOf('\t');
    const fields = rec.slice(0, tab).split(' ');
    const oid = fields[1] === 'blob' ? fields[2] : fields[1] === 'commit' || fields[1] === 'tree' ? undefined : fields[1];
    if (oid && /^[0-9a-f]{40,64}$/.test(oid)) out.set(rec.slice(tab + 1), oid);
  }
  return out;
}

/** Checkouts (other than lockstep's scratch worktrees) that have `into` checked out. */
async function checkoutsOf(git: Git, rt: Runtime, into: string): Promise<string[]> {
  const scratch = join(rt.root, 'merge', 'scratch');
  return (await listRegisteredWorktrees(git))
    .filter((w) => !w.bare && w.branch === `refs/heads/${into}` && !w.path.startsWith(scratch) && existsSync(w.path))
    .map((w) => w.path);
}

async function mergeLocked(opts: MergeOptions, rt: Runtime, git: Git, branch: string, into: string, h: LockHandle | null, started: number): Promise<MergeResult> {
  const trailers = validateTrailers(opts.trailers);
  const maxAttempts = opts.maxAttempts ?? 10;
  const waitedMs = h?.waitedMs ?? 0;
  await finishInterruptedSync(rt);
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    // Both names were validated before the lock; here only their current commits are read.
    const old = await tipOf(git, into);
    const tip = await tipOf(git, branch);
    const common = { branch, into, branchTip: tip, waitedMs };
    if (await isAncestor(git, tip, old)) return { ...common, status: 'up-to-date', commit: old, ms: Date.now() - started };
    if (opts.onceTrailer) {
      const found = await findMergeWithTrailer(git, old, opts.onceTrailer.key, opts.onceTrailer.value);
      if (found) return { ...common, status: 'already-merged', commit: found, ms: Date.now() - started };
    }
    const mt = await git.run(['merge-tree', '--write-tree', '--name-only', '--no-messages', '-z', old, tip]);
    const fields = mt.stdout.split('\0');
    if (mt.code === 1) {
      const files = [...new Set(fields.slice(1).filter((f) => f !== ''))];
      return { ...common, status: 'conflict', base: old, files, ms: Date.now() - started };
    }
    if (mt.code !== 0) {
      if (/usage: git merge-tree|unknown option|write-tree/.test(mt.stderr)) {
        throw new LockstepError('GIT_FAILED', `lockstep merge needs git 2.38 or newer (git merge-tree --write-tree): ${mt.stderr.trim().split('\n')[0]}`, { hint: 'upgrade git' });
      }
      throw new LockstepError('GIT_FAILED', `git merge-tree ${old} ${tip} failed: ${mt.stderr.trim()}`);
    }
    const tree = fields[0]!.trim();
    const subject = opts.message?.trim() || `Merge ${branch} into ${into}`;
    const message = trailers.length ? `${subject}\n\n${trailers.map(([k, v]) => `${k}: ${v}`).join('\n')}\n` : `${subject}\n`;
    const commit = (await git.exec(['commit-tree', tree, '-p', old, '-p', tip, '-F', '-'], { input: message })).trim();

    let checked = false;
    if (opts.check) {
      const scratchRoot = join(rt.root, 'merge', 'scratch');
      ensureDirIn(rt.root, scratchRoot);
      const scratch = join(scratchRoot, `${process.pid}-${randomHex(4)}`);
      await git.exec(['worktree', 'add', '--quiet', '--detach', scratch, commit]);
      let run: CheckRun;
      try {
        const env: NodeJS.ProcessEnv = {
          ...process.env,
          LOCKSTEP_MERGE_BRANCH: branch,
          LOCKSTEP_MERGE_INTO: into,
          LOCKSTEP_MERGE_BASE: old,
          LOCKSTEP_MERGE_COMMIT: commit,
        };
        // A check that calls lockstep itself re-enters the repository lock instead of waiting on it.
        if (h) env.LOCKSTEP_LOCK_TOKEN = tokenEnvFor(h);
        run = await runCheck(opts.check, scratch, env, opts.checkTimeoutMs ?? 0);
      } finally {
        await git.run(['worktree', 'remove', '--force', scratch]);
      }
      if (run.exitCode !== 0) {
        return { ...common, status: 'check-failed', base: old, commit, exitCode: run.exitCode, signal: run.signal, timedOut: run.timedOut, output: run.output, ms: Date.now() - started };
      }
      checked = true;
    }

    const sync = opts.syncCheckouts !== false;
    const checkouts = sync ? await checkoutsOf(git, rt, into) : [];
    for (const path of checkouts) {
      const dry = await createGit(path).run(['read-tree', '-m', '-u', '-n', old, commit]);
      if (dry.code !== 0) {
        const reason = dry.stderr.trim().split('\n')[0] ?? 'local changes';
        return { ...common, status: 'blocked', base: old, checkout: path, reason, ms: Date.now() - started };
      }
    }

    if (checkouts.length) {
      ensureDirIn(rt.root, join(rt.root, 'merge'));
      writeFileAtomic(syncMarkerPath(rt), JSON.stringify({ into, old, commit, checkouts } satisfies SyncMarker));
    }
    const pause = LOCKSTEP_TEST_BUILD && attempt === 1 ? faultValue('pause-before-merge-cas') : 0;
    if (pause > 0) await sleep(pause);
    const cas = opts.unsafeNoCas
      ? await git.run(['update-ref', '-m', `lockstep merge: ${branch} into ${into}`, `refs/heads/${into}`, commit])
      : await git.run(['update-ref', '-m', `lockstep merge: ${branch} into ${into}`, `refs/heads/${into}`, commit, old]);
    if (cas.code !== 0) {
      const now = (await git.run(['rev-parse', '--verify', '--quiet', `refs/heads/${into}`], { readOnly: true })).stdout.trim();
      unlinkQuiet(syncMarkerPath(rt));
      if (now !== old) {
        appendEvent(rt.root, 'merge_retry', { branch, into, expected: old, found: now, attempt });
        continue; // the base moved under us: merge again onto the new tip
      }
      // The branch's lock left by a killed git (refs/heads/BASE.lock): removed once stale, then the merge goes again.
      if (rt.repo && clearStaleLockNamedIn(cas.stderr, rt.repo.commonDir, rt.root, `lockstep merge ${branch} into ${into}`)) continue;
      throw new LockstepError('GIT_FAILED', `git update-ref refs/heads/${into} failed: ${cas.stderr.trim()}`);
    }

    const after = LOCKSTEP_TEST_BUILD ? faultValue('pause-after-merge-cas') : 0;
    if (after > 0) await sleep(after);
    const synced: string[] = [];
    const unsynced: { path: string; reason: string }[] = [];
    for (const path of checkouts) {
      const r = await createGit(path).run(['read-tree', '-m', '-u', old, commit]);
      if (r.code === 0) synced.push(path);
      else unsynced.push({ path, reason: r.stderr.trim().split('\n')[0] ?? `exit ${r.code}` });
    }
    if (checkouts.length) unlinkQuiet(syncMarkerPath(rt));
    const ms = Date.now() - started;
    appendEvent(rt.root, 'merge', { branch, into, status: 'merged', commit, previous: old, branchTip: tip, attempts: attempt, waitedMs, ms, agent: opts.agent ?? null });
    return { ...common, status: 'merged', commit, previous: old, attempts: attempt, checked, synced, unsynced, ms };
  }
  throw new LockstepError('CONFLICT', `${into} moved during each of ${maxAttempts} merge attempts of ${branch}: gave up`, {
    hint: `something commits to ${into} without lockstep's lock at a high rate; try again: lockstep merge ${branch} --into ${into}`,
  });
}

export async function mergeBranch(opts: MergeOptions): Promise<MergeResult> {
  const cwd = opts.cwd ?? process.cwd();
  const rt = openRuntime({ cwd });
  const git = createGit(cwd);
  const into = opts.into ?? (await currentBranch(git));
  const branch = opts.branch;
  await branchCommit(git, into);
  await branchCommit(git, branch);
  if (branch === into) throw new LockstepError('BAD_INPUT', `cannot merge ${branch} into itself`);
  if (opts.checkTimeoutMs !== undefined && (!Number.isFinite(opts.checkTimeoutMs) || opts.checkTimeoutMs < 0)) throw new LockstepError('BAD_INPUT', `invalid check timeout ${opts.checkTimeoutMs}`);
  validateTrailers(opts.trailers);
  const started = Date.now();
  const entry = enqueueMerge(rt, { branch, into, agent: opts.agent == null ? null : validateAgentId(opts.agent) });
  try {
    const result = await withRepoLock(
      { runtime: rt, cwd, command: `merge ${branch} into ${into}`, agent: opts.agent, task: opts.task, timeoutMs: opts.timeoutMs, onWait: opts.onWait, unsafeUnserialized: opts.unsafeUnserialized },
      async (h) => {
        markMerging(entry.path, entry.entry);
        return mergeLocked(opts, rt, git, branch, into, h, started);
      },
    );
    if (result.status !== 'merged') {
      appendEvent(rt.root, result.status === 'conflict' ? 'merge_conflict' : 'merge', {
        branch,
        into,
        status: result.status,
        ...(result.status === 'conflict' ? { files: result.files.slice(0, 50) } : {}),
        ...(result.status === 'blocked' ? { checkout: result.checkout } : {}),
        agent: opts.agent ?? null,
      });
    }
    return result;
  } finally {
    dequeueMerge(entry.path);
  }
}
