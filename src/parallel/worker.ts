/**
 * One worker of `lockstep parallel`, running in its own process: claim an
 * item, reset the agent worktree to the base, run the agent command there,
 * commit its changes (`lockstep commit`), merge through the merge queue, mark
 * the item done — until told to drain.
 *
 * The worker never renews its own lease: the coordinator heartbeats for it,
 * so a worker whose agent pins the CPU keeps its lease, and because reclaim
 * also needs the worker's process to be gone, a slow live worker keeps its
 * item.
 */
import { spawn } from 'node:child_process';
import { closeSync, writeSync } from 'node:fs';
import { openAppend } from '../core/files.js';
import { isLockstepError } from '../core/errors.js';
import { spawnFailureMessage } from '../core/spawn-error.js';
import { openRuntime, type Runtime } from '../core/runtime.js';
import { createGit } from '../git/git.js';
import { mergeBranch, type MergeResult } from '../merge/merge.js';
import { claimNext, completeItem, currentClaim, failItem, type QueueItem } from '../queue/queue.js';
import { addAgentWorktree, refreshAgentWorktree, type AgentWorktree } from '../worktree/worktree.js';
import { beginItemTask, commitItem, endItemTask, taskIdFor, type ItemTask } from './commit-item.js';
import type { ItemOutcome, WorkerConfig, WorkerMessage, WorkerState } from './protocol.js';
import { timerDelay } from '../core/duration.js';

export interface WorkerIO {
  send(msg: WorkerMessage): void;
  /** True once the coordinator asked us to finish the current item and stop. */
  draining(): boolean;
  /** Resolves after `ms`, or earlier when draining starts. */
  pause(ms: number): Promise<void>;
}

/** The trailer that marks an item's merge commit on the base (makes a retried item's merge idempotent). */
export const ITEM_TRAILER = 'Lockstep-Item';

interface CommandRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  error: string | null;
}

function runCommand(argv: string[], cwd: string, env: NodeJS.ProcessEnv, logFile: string, timeoutMs: number | null, onPid: (pid: number) => void): Promise<CommandRun> {
  return new Promise((resolveRun) => {
    const fd = openAppend(logFile, 'write the log');
    let timedOut = false;
    let timer: NodeJS.Timeout | null = null;
    // Its own process group, so a timeout (or the coordinator, if this worker dies) can end everything it started.
    let child;
    try {
      child = spawn(argv[0]!, argv.slice(1), { cwd, env, stdio: ['ignore', fd, fd], detached: true });
    } catch (e) {
      // spawn throws, rather than reports, some errors of a bad cwd (ENOTDIR, ENAMETOOLONG)
      resolveRun({ code: null, signal: null, timedOut: false, error: spawnFailureMessage(argv[0]!, cwd, e) });
      return;
    } finally {
      closeSync(fd);
    }
    if (child.pid !== undefined) onPid(child.pid);
    const killGroup = (sig: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, sig);
      } catch {
        /* gone */
      }
    };
    if (timeoutMs && timeoutMs > 0) {
      timer = setTimeout(() => {
        timedOut = true;
        killGroup('SIGTERM');
        setTimeout(() => killGroup('SIGKILL'), 2000).unref();
      }, timerDelay(timeoutMs));
    }
    child.once('error', (e) => {
      if (timer) clearTimeout(timer);
      resolveRun({ code: null, signal: null, timedOut: false, error: spawnFailureMessage(argv[0]!, cwd, e) });
    });
    child.once('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      killGroup('SIGKILL'); // leftovers of the command (background children) do not outlive it
      resolveRun({ code, signal, timedOut, error: null });
    });
  });
}

function mergeDetail(m: MergeResult): string {
  switch (m.status) {
    case 'merged':
      return `merged as ${m.commit.slice(0, 10)}`;
    case 'up-to-date':
      return 'no changes to merge';
    case 'already-merged':
      return `already merged by an earlier claim (${m.commit.slice(0, 10)})`;
    case 'conflict':
      return `merge conflict in ${m.files.slice(0, 5).join(', ')}${m.files.length > 5 ? ', …' : ''}`;
    case 'check-failed':
      return `merge check failed (${m.timedOut ? 'timed out' : m.signal ? `killed by ${m.signal}` : `exit ${m.exitCode}`})`;
    case 'blocked':
      return `merge blocked: ${m.checkout}: ${m.reason}`;
  }
}

class ItemRun {
  readonly started = Date.now();
  constructor(
    readonly cfg: WorkerConfig,
    readonly rt: Runtime,
    readonly wt: AgentWorktree,
    readonly item: QueueItem,
    readonly generation: number,
    readonly io: WorkerIO,
  ) {}

  state(state: WorkerState, cmdPid: number | null = null): void {
    this.io.send({ t: 'state', state, item: this.item.id, generation: this.generation, cmdPid });
  }

  log(line: string): void {
    try {
      const fd = openAppend(this.cfg.logFile, 'write the log');
      try {
        writeSync(fd, `[lockstep ${new Date().toISOString()}] ${line}\n`);
      } finally {
        closeSync(fd);
      }
    } catch {
      /* logging never fails an item */
    }
  }

  result(outcome: ItemOutcome, detail: string, merge: MergeResult | null = null, commit: string | null = null): WorkerMessage {
    this.log(`${this.item.id} (claim ${this.generation}): ${outcome}: ${detail}`);
    return { t: 'item', item: this.item.id, generation: this.generation, outcome, merge: merge?.status ?? null, commit, detail, ms: Date.now() - this.started };
  }

  /** Gives the item back (retry) or fails it for good once its attempts are used up. */
  fail(reason: string, merge: MergeResult | null = null): WorkerMessage {
    try {
      const r = failItem({ runtime: this.rt, queue: this.cfg.queue, id: this.item.id, agent: this.cfg.agent, generation: this.generation, retry: true, reason, maxAttempts: this.cfg.maxAttempts });
      return this.result(r.next === 'pending' ? 'retry' : 'failed', reason, merge);
    } catch (e) {
      return this.result('abandoned', `${reason}; and the failure could not be recorded: ${(e as Error).message}`, merge);
    }
  }

  async run(): Promise<WorkerMessage> {
    const { cfg, item } = this;
    let task: ItemTask | null = null;
    try {
      task = beginItemTask(this.rt, taskIdFor(cfg.queue, item.id), cfg.scope, cfg.agent);
      this.state('preparing');
      await refreshAgentWorktree({ cwd: cfg.cwd, agent: cfg.agent, discardUnmerged: true });
      this.log(`${item.id} (claim ${this.generation}): running ${cfg.argv.join(' ')}`);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        LOCKSTEP_ITEM: item.id,
        LOCKSTEP_AGENT: cfg.agent,
        LOCKSTEP_TASK: task.id,
        LOCKSTEP_PAYLOAD: item.payload ?? '',
        LOCKSTEP_GENERATION: String(this.generation),
        LOCKSTEP_QUEUE: cfg.queue,
        LOCKSTEP_WORKTREE: this.wt.path,
        LOCKSTEP_BASE: cfg.base,
      };
      delete env.LOCKSTEP_LOCK_TOKEN;
      delete env.LOCKSTEP_WORKER_CONFIG;
      const run = await runCommand(cfg.argv, this.wt.path, env, cfg.logFile, cfg.itemTimeoutMs, (pid) => this.state('running', pid));
      if (run.error) return this.fail(`the command could not be started: ${run.error}`);
      if (run.timedOut) return this.fail(`the command timed out after ${((cfg.itemTimeoutMs ?? 0) / 1000).toFixed(0)} s`);
      if (run.code !== 0) return this.fail(run.signal ? `the command was killed by ${run.signal}` : `the command exited with ${run.code}`);

      this.state('committing');
      await commitItem({
        path: this.wt.path,
        copies: this.wt.copies,
        task: task.id,
        agent: cfg.agent,
        message: `${item.id}: work of agent ${cfg.agent} (claim ${this.generation})`,
        env: { ...env, LOCKSTEP_TASK: task.id },
      });
      // Merge only while the claim is still ours: a reclaimed item is somebody else's now.
      const still = currentClaim({ runtime: this.rt, queue: cfg.queue, id: item.id });
      if (!still || still.generation !== this.generation || still.agent !== cfg.agent) {
        return this.result('abandoned', `claim ${this.generation} was taken away before the merge${still ? ` (now claim ${still.generation} of agent ${still.agent})` : ''}`);
      }
      this.state('merging');
      const itemKey = `${cfg.queue}/${item.id}`;
      const merge = await mergeBranch({
        cwd: cfg.cwd,
        branch: this.wt.branch,
        into: cfg.base,
        check: cfg.check ?? undefined,
        message: `Merge ${item.id} (agent ${cfg.agent}, claim ${this.generation})`,
        trailers: { [ITEM_TRAILER]: itemKey, 'Lockstep-Agent': cfg.agent, 'Lockstep-Claim': String(this.generation) },
        // A retried item may have been merged by a claimer that died before marking it done.
        onceTrailer: this.generation > 1 ? { key: ITEM_TRAILER, value: itemKey } : undefined,
        agent: cfg.agent,
        task: task.id,
      });
      if (merge.status === 'merged' || merge.status === 'up-to-date' || merge.status === 'already-merged') {
        try {
          completeItem({ runtime: this.rt, queue: cfg.queue, id: item.id, agent: cfg.agent, generation: this.generation });
        } catch (e) {
          return this.result('abandoned', `merged, but marking it done was refused: ${(e as Error).message}`, merge, merge.commit);
        }
        return this.result('done', mergeDetail(merge), merge, merge.status === 'up-to-date' ? null : merge.commit);
      }
      // Keep the work that did not land: a branch per failed claim.
      const kept = `lockstep-kept/${cfg.queue}/${item.id}/claim-${this.generation}`;
      const keptOk = (await createGit(cfg.cwd).run(['update-ref', `refs/heads/${kept}`, merge.branchTip])).code === 0;
      if (keptOk) {
        // The work is safe on its own branch: start the agent branch over, so the worktree holds nothing unmerged.
        await refreshAgentWorktree({ cwd: cfg.cwd, agent: cfg.agent, discardUnmerged: true }).catch(() => undefined);
      }
      return this.fail(`${mergeDetail(merge)}${keptOk ? `; the work is kept on branch ${kept}` : ''}`, merge);
    } catch (e) {
      if (!isLockstepError(e)) throw e;
      return this.fail(`${e.code}: ${e.message}`);
    } finally {
      if (task) endItemTask(this.rt, task);
    }
  }
}

export async function runWorker(cfg: WorkerConfig, io: WorkerIO): Promise<number> {
  const rt = openRuntime({ cwd: cfg.cwd });
  let wt: AgentWorktree;
  try {
    wt = await addAgentWorktree({ cwd: cfg.cwd, agent: cfg.agent, base: cfg.base, copy: cfg.copy, ownerPid: process.pid });
  } catch (e) {
    io.send({ t: 'fatal', message: `agent ${cfg.agent} could not get its worktree: ${(e as Error).message}` });
    return isLockstepError(e) ? e.exitCode : 4;
  }
  io.send({ t: 'ready', agent: cfg.agent, worktree: wt.path });
  let idle = false;
  // Whether the worktree may hold leftovers: after a failed item (or none yet run, to be safe) it is reset on exit.
  let dirty = false;
  while (!io.draining()) {
    let c: ReturnType<typeof claimNext>;
    try {
      c = claimNext({ runtime: rt, queue: cfg.queue, agent: cfg.agent, leaseMs: cfg.leaseMs, ownerPid: process.pid });
    } catch (e) {
      if (!isLockstepError(e)) throw e;
      io.send({ t: 'fatal', message: `agent ${cfg.agent} cannot claim from queue ${cfg.queue}: ${e.message}` });
      return e.exitCode;
    }
    if (!c.claimed) {
      if (!idle) io.send({ t: 'state', state: 'idle', item: null, generation: null });
      idle = true;
      await io.pause(cfg.pollMs);
      continue;
    }
    idle = false;
    const msg = await new ItemRun(cfg, rt, wt, c.item, c.generation, io).run();
    // A done item left everything committed and merged: nothing to clean up after it.
    dirty = msg.t !== 'item' || msg.outcome !== 'done';
    io.send(msg);
    io.send({ t: 'state', state: 'idle', item: null, generation: null });
  }
  io.send({ t: 'state', state: 'exiting', item: null, generation: null });
  // Leave the worktree clean (a failed command's leftovers), so it can be removed without --force.
  if (dirty) await refreshAgentWorktree({ cwd: cfg.cwd, agent: cfg.agent, discardUnmerged: true }).catch(() => undefined);
  return 0;
}
