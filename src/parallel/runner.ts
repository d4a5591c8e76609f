/**
 * `lockstep parallel`: the coordinator. It starts N worker processes (each an
 * agent with its own worktree, see worker.ts), renews their leases, notices a
 * dead worker the moment its process exits, replaces it at once, and returns
 * the dead worker's item to the queue as soon as its lease runs out (the
 * default lease is 10 s, so within about 11 s). It never does the work
 * itself, so it stays responsive however busy the agents are.
 *
 * Draining (first Ctrl-C): workers finish the item in hand, claim nothing
 * new and exit. Stopping (second Ctrl-C): workers and their commands are
 * killed and their items go back to pending.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LockstepError, isLockstepError } from '../core/errors.js';
import { spawnFailureMessage } from '../core/spawn-error.js';
import { appendEvent } from '../core/events.js';
import { ensureDirIn, openAppend } from '../core/files.js';
import { openRuntime, type Runtime } from '../core/runtime.js';
import { createGit } from '../git/git.js';
import { heartbeat, markAgent, readAgent, removeAgentRecord } from '../queue/agents.js';
import { DEFAULT_QUEUE, validateAgentId, validateQueueName } from '../queue/names.js';
import { failItem, listClaims, queueCounts, reclaim, DEFAULT_MAX_ATTEMPTS } from '../queue/queue.js';
import { validateCopies } from '../worktree/copies.js';
import { branchCommit, currentBranch, readManifest, removeAgentWorktree } from '../worktree/worktree.js';
import { WORKER_CONFIG_ENV, type CoordinatorMessage, type ItemOutcome, type WorkerConfig, type WorkerMessage, type WorkerState } from './protocol.js';
import { randomHex } from '../core/names.js';

export const DEFAULT_RUNNER_LEASE_MS = 10_000;
export const MAX_AGENTS = 64;

export interface ParallelOptions {
  cwd?: string;
  agents: number;
  queue?: string;
  /** The agent command and its arguments, run in the agent's worktree for each item. */
  argv: string[];
  /** The branch items start from and merge into (default: the branch checked out in cwd). */
  base?: string;
  /** Paths copied from the checkout into each agent worktree. */
  copy?: string[];
  /** Scope of the task each item runs as (default `**`). */
  scope?: string[];
  /** Agent lease (default 10 s): a dead worker's item returns this long after its last heartbeat. */
  leaseMs?: number;
  maxAttempts?: number;
  /** Check command for each merge (see mergeBranch). */
  check?: string | null;
  /** Kill an agent command that runs longer than this (its item is retried). */
  itemTimeoutMs?: number | null;
  /** Agents are named <prefix>-1, <prefix>-2, … (default "agent"). */
  agentPrefix?: string;
  /** argv that starts a worker process; the CLI passes [node, its own script, 'parallel-worker']. */
  workerCommand: string[];
  onEvent?: (e: RunnerEvent) => void;
  /** Abort to drain: finish the items in hand, then stop. */
  drainSignal?: AbortSignal;
  /** Abort to stop now: kill the workers, give their items back. */
  stopSignal?: AbortSignal;
  /** Leave the agent worktrees in place at the end. */
  keepWorktrees?: boolean;
}

export type RunnerEvent =
  | { type: 'start'; runId: string; agents: number; queue: string; base: string; pending: number; logDir: string }
  | { type: 'worker-started'; agent: string; pid: number; replacing: string | null }
  | { type: 'worker-ready'; agent: string; worktree: string }
  | { type: 'claimed'; agent: string; item: string; generation: number }
  | { type: 'item'; agent: string; item: string; generation: number; outcome: ItemOutcome; detail: string; ms: number; merge: string | null }
  | { type: 'worker-died'; agent: string; pid: number; code: number | null; signal: string | null; item: string | null }
  | { type: 'reclaimed'; agent: string; item: string; generation: number; next: 'pending' | 'failed'; reason: string }
  | { type: 'draining' }
  | { type: 'stopping' }
  | { type: 'fatal'; agent: string; message: string };

export interface ItemReport {
  item: string;
  generation: number;
  agent: string;
  outcome: ItemOutcome;
  detail: string;
  ms: number;
}

export interface ParallelSummary {
  runId: string;
  queue: string;
  base: string;
  agents: number;
  /** Items done by this run. */
  done: number;
  /** Items that ended failed (attempts used up) during this run. */
  failed: number;
  /** Claims that ended in a retry (failed command, conflict, …) or were reclaimed from a dead worker. */
  retried: number;
  reclaimed: number;
  workersStarted: number;
  workersDied: number;
  ms: number;
  /** Items done per minute of wall time. */
  throughputPerMin: number;
  interrupted: 'drained' | 'stopped' | null;
  /** Queue state at the end. */
  left: { pending: number; claimed: number; done: number; failed: number };
  items: ItemReport[];
  /** Worktrees not removed at the end, and why. */
  keptWorktrees: { agent: string; reason: string }[];
  logDir: string;
  error: string | null;
}

interface Slot {
  agent: string;
  child: ChildProcess;
  pid: number;
  state: WorkerState;
  item: string | null;
  generation: number | null;
  cmdPid: number | null;
  worktree: string | null;
  expectedExit: boolean;
  exited: boolean;
  died: boolean;
}

function killGroup(pid: number | null | undefined, sig: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, sig);
  } catch {
    /* gone already */
  }
}

function validateOptions(o: ParallelOptions): void {
  if (!Number.isSafeInteger(o.agents) || o.agents < 1 || o.agents > MAX_AGENTS) throw new LockstepError('BAD_INPUT', `--agents takes a whole number from 1 to ${MAX_AGENTS}, not ${o.agents}`);
  if (!Array.isArray(o.argv) || o.argv.length === 0 || o.argv[0] === '') throw new LockstepError('BAD_INPUT', 'no agent command: lockstep parallel --agents N -- CMD [ARGS...]');
  if (!Array.isArray(o.workerCommand) || o.workerCommand.length === 0) throw new LockstepError('BAD_INPUT', 'no worker command');
  const lease = o.leaseMs ?? DEFAULT_RUNNER_LEASE_MS;
  if (!Number.isFinite(lease) || lease < 200) throw new LockstepError('BAD_INPUT', `the lease must be at least 0.2 s, not ${lease} ms`);
  const max = o.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isSafeInteger(max) || max < 1) throw new LockstepError('BAD_INPUT', `--max-attempts takes a whole number >= 1, not ${max}`);
  if (o.itemTimeoutMs !== undefined && o.itemTimeoutMs !== null && (!Number.isFinite(o.itemTimeoutMs) || o.itemTimeoutMs <= 0)) throw new LockstepError('BAD_INPUT', `invalid item timeout ${o.itemTimeoutMs} ms`);
  validateAgentId(`${o.agentPrefix ?? 'agent'}-1`);
}

export async function runParallel(opts: ParallelOptions): Promise<ParallelSummary> {
  validateOptions(opts);
  const cwd = opts.cwd ?? process.cwd();
  const rt: Runtime = openRuntime({ cwd });
  const git = createGit(cwd);
  const queue = validateQueueName(opts.queue ?? DEFAULT_QUEUE);
  const base = opts.base ?? (await currentBranch(git));
  await branchCommit(git, base);
  const top = rt.repo?.topLevel;
  if (!top) throw new LockstepError('BARE_REPO', `${cwd} has no checkout`);
  const copy = validateCopies(top, opts.copy ?? []);
  const leaseMs = opts.leaseMs ?? DEFAULT_RUNNER_LEASE_MS;
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const prefix = opts.agentPrefix ?? 'agent';
  const emit = (e: RunnerEvent) => opts.onEvent?.(e);

  const runId = randomHex(3);
  const logDir = join(rt.root, 'parallel', runId);
  ensureDirIn(rt.root, logDir);
  const startedAt = Date.now();
  const counts0 = queueCounts({ runtime: rt, queue });
  emit({ type: 'start', runId, agents: opts.agents, queue, base, pending: counts0.pending, logDir });
  appendEvent(rt.root, 'parallel_start', { runId, agents: opts.agents, queue, base, pending: counts0.pending });

  const slots = new Map<string, Slot>();
  const ours = new Set<string>();
  const items: ItemReport[] = [];
  let done = 0;
  let failed = 0;
  let retried = 0;
  let reclaimed = 0;
  let workersStarted = 0;
  let workersDied = 0;
  let draining = false;
  let stopping = false;
  let finishing = false;
  let fatal: string | null = null;
  let nextNumber = 1;
  let earlyDeaths = 0;

  async function freshName(): Promise<string> {
    for (;;) {
      const name = `${prefix}-${nextNumber++}`;
      if (readManifest(rt, name) || readAgent(rt, name)) continue;
      if ((await git.run(['rev-parse', '--verify', '--quiet', `refs/heads/lockstep/${name}`], { readOnly: true })).code === 0) continue;
      return name;
    }
  }

  function beat(s: Slot): void {
    if (s.exited) return;
    try {
      heartbeat({ runtime: rt, agent: s.agent, leaseMs, ownerPid: s.pid, state: s.state, queue, item: s.item, generation: s.generation, worktree: s.worktree, runId });
    } catch {
      /* the process may have just exited: its exit handler takes over */
    }
  }

  function send(s: Slot, m: CoordinatorMessage): void {
    if (s.exited || !s.child.connected) return;
    try {
      s.child.send(m);
    } catch {
      /* it is exiting */
    }
  }

  // The main loop sleeps until a tick, a worker exit, or a worker going idle.
  let wakers: (() => void)[] = [];
  const wake = () => {
    const w = wakers;
    wakers = [];
    for (const f of w) f();
  };
  const liveCount = () => [...slots.values()].filter((s) => !s.exited).length;

  async function startWorker(replacing: string | null): Promise<void> {
    const agent = await freshName();
    ours.add(agent);
    const cfg: WorkerConfig = {
      cwd,
      agent,
      runId,
      queue,
      base,
      leaseMs,
      maxAttempts,
      copy,
      scope: opts.scope?.length ? opts.scope : ['**'],
      check: opts.check ?? null,
      itemTimeoutMs: opts.itemTimeoutMs ?? null,
      argv: opts.argv,
      logFile: join(logDir, `${agent}.log`),
      pollMs: 200,
    };
    const fd = openAppend(cfg.logFile, 'write the log');
    // Its own process group: Ctrl-C reaches only the coordinator (which drains), and a dead worker's leftovers can be killed as a group.
    const startFailed = (e: unknown) => new LockstepError('ENVIRONMENT', `could not start a worker: ${spawnFailureMessage(opts.workerCommand.join(' '), cwd, e)}`);
    let child;
    try {
      child = spawn(opts.workerCommand[0]!, opts.workerCommand.slice(1), {
        cwd,
        env: { ...process.env, [WORKER_CONFIG_ENV]: JSON.stringify(cfg), LOCKSTEP_LOCK_TOKEN: '' },
        stdio: ['ignore', fd, fd, 'ipc'],
        detached: true,
      });
    } catch (e) {
      // spawn throws, rather than reports, some errors of a bad cwd (ENOTDIR, ENAMETOOLONG)
      throw startFailed(e);
    } finally {
      closeSync(fd);
    }
    if (child.pid === undefined) {
      const e = await new Promise((r) => child.once('error', r));
      throw startFailed(e);
    }
    const slot: Slot = { agent, child, pid: child.pid, state: 'starting', item: null, generation: null, cmdPid: null, worktree: null, expectedExit: false, exited: false, died: false };
    slots.set(agent, slot);
    workersStarted++;
    beat(slot);
    emit({ type: 'worker-started', agent, pid: slot.pid, replacing });
    appendEvent(rt.root, 'parallel_worker_start', { runId, agent, pid: slot.pid, replacing });
    child.on('message', (m: WorkerMessage) => onMessage(slot, m));
    child.once('exit', (code, signal) => onExit(slot, code, signal));
  }

  function onMessage(s: Slot, m: WorkerMessage): void {
    if (m.t === 'ready') {
      s.worktree = m.worktree;
      emit({ type: 'worker-ready', agent: s.agent, worktree: m.worktree });
    } else if (m.t === 'state') {
      const newItem = m.item !== null && (m.item !== s.item || m.generation !== s.generation);
      s.state = m.state;
      s.item = m.item;
      s.generation = m.generation;
      if (m.cmdPid !== undefined && m.cmdPid !== null) s.cmdPid = m.cmdPid;
      if (m.item === null) s.cmdPid = null;
      if (newItem) emit({ type: 'claimed', agent: s.agent, item: m.item!, generation: m.generation! });
      beat(s);
      if (m.state === 'idle') wake();
    } else if (m.t === 'item') {
      if (m.outcome === 'done') done++;
      else if (m.outcome === 'failed') failed++;
      else if (m.outcome === 'retry') retried++;
      items.push({ item: m.item, generation: m.generation, agent: s.agent, outcome: m.outcome, detail: m.detail, ms: m.ms });
      emit({ type: 'item', agent: s.agent, item: m.item, generation: m.generation, outcome: m.outcome, detail: m.detail, ms: m.ms, merge: m.merge });
    } else if (m.t === 'fatal') {
      fatal ??= m.message;
      emit({ type: 'fatal', agent: s.agent, message: m.message });
      beginDrain();
    }
  }

  function onExit(s: Slot, code: number | null, signal: NodeJS.Signals | null): void {
    s.exited = true;
    if (!(s.expectedExit && code === 0)) {
      s.died = true;
      workersDied++;
      // Whatever the worker started dies with it; its claim's lease now runs out (no more heartbeats).
      killGroup(s.pid, 'SIGKILL');
      killGroup(s.cmdPid, 'SIGKILL');
      try {
        markAgent(rt, s.agent, 'dead');
      } catch {
        /* status only */
      }
      emit({ type: 'worker-died', agent: s.agent, pid: s.pid, code, signal, item: s.item });
      appendEvent(rt.root, 'parallel_worker_died', { runId, agent: s.agent, pid: s.pid, code, signal, item: s.item, generation: s.generation });
      // A worker that dies before it is even ready would die again: stop after a few in a row.
      earlyDeaths = s.worktree === null ? earlyDeaths + 1 : 0;
      if (earlyDeaths >= 3 && !fatal) {
        fatal = `${earlyDeaths} workers in a row died before they were ready (last: ${s.agent}, ${signal ? `signal ${signal}` : `exit ${code}`}); see ${join(logDir, `${s.agent}.log`)}`;
        beginDrain();
      }
      if (!draining && !stopping && !finishing && !fatal) {
        startWorker(s.agent).catch((e) => {
          fatal ??= (e as Error).message;
        });
      }
    }
    wake();
  }

  function beginDrain(): void {
    if (draining) return;
    draining = true;
    emit({ type: 'draining' });
    for (const s of slots.values()) {
      s.expectedExit = true;
      send(s, { t: 'drain' });
    }
  }

  function beginStop(): void {
    if (stopping) return;
    stopping = true;
    draining = true;
    emit({ type: 'stopping' });
    for (const s of slots.values()) {
      s.expectedExit = true;
      killGroup(s.cmdPid, 'SIGTERM');
      killGroup(s.pid, 'SIGTERM');
    }
    setTimeout(() => {
      for (const s of slots.values()) {
        if (s.exited) continue;
        killGroup(s.cmdPid, 'SIGKILL');
        killGroup(s.pid, 'SIGKILL');
      }
    }, 3000).unref();
  }

  const onDrain = () => beginDrain();
  const onStop = () => beginStop();
  opts.drainSignal?.addEventListener('abort', onDrain);
  opts.stopSignal?.addEventListener('abort', onStop);
  if (opts.drainSignal?.aborted) beginDrain();
  if (opts.stopSignal?.aborted) beginStop();

  const hbMs = Math.max(100, Math.min(5000, Math.floor(leaseMs / 4)));
  const hbTimer = setInterval(() => {
    for (const s of slots.values()) beat(s);
  }, hbMs);

  let lastReclaim = 0;
  /** Nothing pending, nothing claimed by our agents, every worker idle. */
  const nothingLeft = (): boolean => {
    if (![...slots.values()].every((s) => s.exited || s.state === 'idle')) return false;
    if (queueCounts({ runtime: rt, queue }).pending > 0) return false;
    return !listClaims({ runtime: rt, queue }).some((c) => ours.has(c.agent));
  };
  const reclaimEveryMs = Math.max(250, Math.min(1000, Math.floor(leaseMs / 4)));
  function reclaimPass(): void {
    lastReclaim = Date.now();
    try {
      const r = reclaim({ runtime: rt, queue, maxAttempts });
      for (const x of r.reclaimed) {
        reclaimed++;
        if (x.next === 'pending') retried++;
        else failed++;
        items.push({ item: x.id, generation: x.generation, agent: x.agent, outcome: x.next === 'pending' ? 'retry' : 'failed', detail: x.reason, ms: 0 });
        emit({ type: 'reclaimed', agent: x.agent, item: x.id, generation: x.generation, next: x.next, reason: x.reason });
      }
    } catch {
      /* a transient file-system error: next tick */
    }
  }

  try {
    if (counts0.pending > 0 || listClaims({ runtime: rt, queue }).length > 0) {
      await Promise.all(Array.from({ length: opts.agents }, () => startWorker(null)));
    }
    // The main loop: reclaim, check for the end.
    for (;;) {
      await new Promise<void>((r) => {
        const t = setTimeout(r, 250);
        wakers.push(() => {
          clearTimeout(t);
          r();
        });
      });
      if (Date.now() - lastReclaim >= reclaimEveryMs) reclaimPass();
      if (draining || stopping) {
        if (liveCount() === 0) break;
        continue;
      }
      // Twice, a moment apart: a retry passes through an instant where its item is neither claimed nor pending.
      if (nothingLeft() && (await sleep(30), nothingLeft())) {
        finishing = true;
        for (const s of slots.values()) {
          s.expectedExit = true;
          send(s, { t: 'stop' });
        }
        while (liveCount() > 0) await new Promise<void>((r) => wakers.push(r));
        break;
      }
    }
  } finally {
    clearInterval(hbTimer);
    opts.drainSignal?.removeEventListener('abort', onDrain);
    opts.stopSignal?.removeEventListener('abort', onStop);
  }
  const ms = Date.now() - startedAt;

  if (stopping) {
    // Items in the hands of killed workers go back now (their processes are gone; we held their leases).
    for (const c of listClaims({ runtime: rt, queue }).filter((x) => ours.has(x.agent) && !x.ownerAlive)) {
      try {
        const r = failItem({ runtime: rt, queue, id: c.id, agent: c.agent, generation: c.generation, retry: true, maxAttempts, reason: 'interrupted: lockstep parallel was stopped' });
        if (r.next === 'pending') retried++;
      } catch {
        /* ended meanwhile */
      }
    }
  }

  const keptWorktrees: { agent: string; reason: string }[] = [];
  for (const agent of ours) {
    const s = slots.get(agent);
    const heldClaims = listClaims({ runtime: rt, agent }).length > 0;
    if (!heldClaims) removeAgentRecord(rt, agent);
    else markAgent(rt, agent, 'dead');
    if (opts.keepWorktrees || !readManifest(rt, agent)) continue;
    try {
      await removeAgentWorktree({ cwd, agent, force: Boolean(s?.died) && !heldClaims });
    } catch (e) {
      keptWorktrees.push({ agent, reason: isLockstepError(e) ? e.message : String(e) });
    }
  }
  const left = queueCounts({ runtime: rt, queue });
  const summary: ParallelSummary = {
    runId,
    queue,
    base,
    agents: opts.agents,
    done,
    failed,
    retried,
    reclaimed,
    workersStarted,
    workersDied,
    ms,
    throughputPerMin: ms > 0 ? (done * 60_000) / ms : 0,
    interrupted: stopping ? 'stopped' : draining && !fatal ? 'drained' : null,
    left: { pending: left.pending, claimed: left.claimed, done: left.done, failed: left.failed },
    items,
    keptWorktrees,
    logDir,
    error: fatal,
  };
  appendEvent(rt.root, 'parallel_end', { runId, done, failed, retried, reclaimed, workersDied, ms, interrupted: summary.interrupted, error: fatal });
  return summary;
}
