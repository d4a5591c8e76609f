/**
 * Runs one workload once, in one mode: makes the repository, sets the
 * workload up, starts N real worker processes that all begin together,
 * replaces each worker a scheduled SIGKILL took down, waits, then checks the
 * invariants from the repository and the workers' logs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { acquireLock, listLocks, releaseLock } from '../core/lock.js';
import { openRuntime } from '../core/runtime.js';
import { readEvents } from '../core/events.js';
import { LockstepError } from '../core/errors.js';
import { spawnFailureMessage } from '../core/spawn-error.js';
import { acquireRemoteLock, listRemoteLocks, releaseRemoteLock } from '../remote/lock.js';
import { readLogs, type LogEvent } from './log.js';
import type { RunReport } from './report.js';
import { workloadByName } from './registry.js';
import { emptyPeak, notePeak, resourcesOf } from './resources.js';
import { buildSchedule, scheduledKills } from './schedule.js';
import { cloneRepoAt, initScratchRepoAt } from './scratch.js';
import { operationStats, throughput } from './stats.js';
import { summarizeViolations, violation, type Violation, type ViolationKind } from './violations.js';
import type { WorkerSpec } from './worker.js';
import { WORKLOAD_NAMES, type BackendKind, type CheckContext, type Mode, type WorkloadName } from './workload.js';
import { machineHostId, makeMachines } from './machines.js';
import { timerDelay } from '../core/duration.js';

export interface RunOptions {
  workload: WorkloadName;
  mode: Mode;
  /** Defaults: the workload's own. */
  procs?: number;
  iterations?: number;
  seed: number;
  /** Probability that an operation is cut by a SIGKILL of its worker. */
  killRate?: number;
  /** Run in a temp clone of this repository instead of a scratch one. */
  sourceRepo?: string | null;
  /** `remote`: a server repository and a clone per worker as separate machines (default `file`). */
  backend?: BackendKind;
  /** argv prefix that runs the lockstep CLI (workers are `lockstep _suite-worker` processes). */
  cli: string[];
  /** Keep the run's directory: always, or only when a protected run found violations (default). */
  keep?: 'always' | 'on-violation' | 'never';
  /** Where run directories go (default: the OS temp dir). */
  tmpRoot?: string;
  signal?: AbortSignal;
  /** Each finished operation. */
  onProgress?: (done: number, total: number) => void;
  /** How often worker memory / open files are sampled. */
  sampleEveryMs?: number;
  /** The whole workload phase must end within this (default 10 min, or 2 s per operation if more); else a `timeout` violation. */
  timeoutMs?: number;
}

/** Thrown when the run was aborted through `signal`: its partial results mean nothing. */
export class RunAborted extends Error {
  constructor() {
    super('suite run aborted');
  }
}

interface Slot {
  child: ChildProcess | null;
  incarnation: number;
  stderr: string;
  finished: boolean;
}

/**
 * Environment for workers: nothing inherited that would make them share a
 * lock or a git dir, nor pick a backend on their own; on the remote stage
 * each worker is a machine of its own.
 */
export function workerEnv(backend: BackendKind, w: number): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['LOCKSTEP_LOCK_TOKEN', 'LOCKSTEP_TASK', 'LOCKSTEP_AGENT', 'LOCKSTEP_BACKEND', 'LOCKSTEP_HOST_ID', 'GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'NODE_OPTIONS']) delete env[k];
  // Workers and the hooks under them are lockstep's own processes, which open
  // no TLS connection; node would parse this bundle at each of their starts (~50 ms).
  delete env.NODE_EXTRA_CA_CERTS;
  if (backend === 'remote') env.LOCKSTEP_HOST_ID = machineHostId(w);
  return env;
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

export async function runWorkload(opts: RunOptions): Promise<RunReport> {
  const workload = workloadByName(opts.workload);
  const procs = opts.procs ?? workload.defaults.procs;
  const iterations = opts.iterations ?? workload.defaults.iterations;
  const killRate = opts.killRate ?? 0;
  const backend = opts.backend ?? 'file';
  if (!(killRate >= 0 && killRate < 1)) throw new LockstepError('BAD_INPUT', `--kill-rate takes a probability from 0 to below 1, not ${killRate}`);
  if (backend === 'remote' && !workload.remoteSummary) {
    throw new LockstepError('BAD_INPUT', `the ${workload.name} suite has no remote-backend form: it coordinates one working tree, which lives on one machine`, {
      hint: `run it with the file backend (leave out --backend remote); the remote backend's suites are ${remoteWorkloads().join(', ')}`,
    });
  }
  if (opts.signal?.aborted) throw new RunAborted();
  const startedAt = new Date();
  const t0 = performance.now();
  const runDir = mkdtempSync(join(opts.tmpRoot ?? tmpdir(), `lockstep-suite-${opts.workload}-${opts.mode}-`));
  let keep = false;
  try {
    const repo = join(runDir, 'repo');
    const logDir = join(runDir, 'logs');
    mkdirSync(logDir);
    const base = opts.sourceRepo ? cloneRepoAt(opts.sourceRepo, repo) : (initScratchRepoAt(repo), 'main');
    const machines = backend === 'remote' ? makeMachines(repo, runDir, procs).clones : [];
    const setupCtx = { repo, base, runDir, mode: opts.mode, procs, iterations, seed: opts.seed, cli: opts.cli, backend, machines };
    const params = await workload.setup(setupCtx);
    const schedule = buildSchedule({ suite: opts.workload, seed: opts.seed, procs, ops: workload.opsPerWorker(procs, iterations), killRate, maxDelayMs: workload.maxDelayMs, maxKillDelayMs: workload.maxKillDelayMs });
    const spec: WorkerSpec = { suite: opts.workload, mode: opts.mode, repo, base, runDir, logDir, procs, iterations, seed: opts.seed, cli: opts.cli, params, schedule, backend, machines };
    const specPath = join(runDir, 'spec.json');
    writeFileSync(specPath, JSON.stringify(spec));

    const total = workload.totalOps(procs, iterations);
    const extra: Violation[] = [];
    const peak = emptyPeak();
    let done = 0;
    let kills = 0;
    let goAt = 0;
    let endAt = 0;
    const slots: Slot[] = Array.from({ length: procs }, () => ({ child: null, incarnation: 0, stderr: '', finished: false }));

    if (opts.signal?.aborted) throw new RunAborted();
    const workloadDone = new Promise<void>((resolveAll, rejectAll) => {
      let ready = 0;
      let aborted = false;
      // Generous: a hang, not a slow machine, should trip it.
      const timeoutMs = opts.timeoutMs ?? Math.max(600_000, total * 2000);
      let timer: NodeJS.Timeout | null = null;
      let sampler: NodeJS.Timeout | null = null;
      const finish = () => {
        if (!slots.every((s) => s.finished)) return;
        endAt = Date.now();
        if (timer) clearTimeout(timer);
        if (sampler) clearInterval(sampler);
        opts.signal?.removeEventListener('abort', onAbort);
        if (aborted) rejectAll(new RunAborted());
        else resolveAll();
      };
      const stopAll = () => {
        for (const s of slots) if (s.child) killGroup(s.child);
      };
      const onAbort = () => {
        aborted = true;
        stopAll();
        // Slots that never started a process are finished already.
        for (const s of slots) if (!s.child) s.finished = true;
        finish();
      };
      opts.signal?.addEventListener('abort', onAbort, { once: true });

      const start = (w: number, incarnation: number, startAt: number, waitForGo: boolean) => {
        const slot = slots[w]!;
        slot.incarnation = incarnation;
        const child = spawn(opts.cli[0]!, [...opts.cli.slice(1), '_suite-worker', specPath, String(w), String(incarnation), String(startAt), waitForGo ? 'wait' : 'now'], {
          cwd: machines[w] ?? repo,
          detached: true,
          env: workerEnv(backend, w),
          stdio: [waitForGo ? 'pipe' : 'ignore', 'pipe', 'pipe'],
        });
        slot.child = child;
        let buf = '';
        child.stdout!.setEncoding('utf8');
        child.stdout!.on('data', (d: string) => {
          buf += d;
          let nl: number;
          while ((nl = buf.indexOf('\n')) >= 0) {
            const line = buf.slice(0, nl);
            buf = buf.slice(nl + 1);
            if (line === '+') {
              done++;
              opts.onProgress?.(done, total);
            } else if (line === 'ready' && waitForGo) {
              ready++;
              if (ready === procs) {
                goAt = Date.now();
                for (const s of slots) s.child?.stdin?.end('go\n');
              }
            }
          }
        });
        child.stderr!.setEncoding('utf8');
        child.stderr!.on('data', (d: string) => {
          slot.stderr = (slot.stderr + d).slice(-4000);
        });
        child.stdin?.on('error', () => {
          /* the worker died before reading */
        });
        child.on('error', (e) => {
          extra.push(violation('worker_crashed', `worker ${w} could not be started: ${spawnFailureMessage(opts.cli[0]!, machines[w] ?? repo, e)}`, { worker: w }));
          slot.finished = true;
          finish();
        });
        child.on('close', (code, sig) => {
          if (aborted) {
            slot.finished = true;
            finish();
            return;
          }
          if (sig === 'SIGKILL') {
            const last = lastStarted(logDir, w, incarnation);
            if (last.killed) {
              kills++;
              const next = last.i + 1;
              if (next < schedule.workers[w]!.ops.length) {
                start(w, incarnation + 1, next, false);
                return;
              }
              slot.finished = true;
              finish();
              return;
            }
          }
          if (code !== 0) {
            extra.push(violation('worker_crashed', `worker ${w} (process ${incarnation}) exited with ${sig ?? `code ${code}`}`, { worker: w, incarnation, code, signal: sig, stderr: slot.stderr.slice(-1500) }));
          }
          slot.finished = true;
          finish();
        });
      };

      for (let w = 0; w < procs; w++) start(w, 0, 0, true);
      timer = setTimeout(() => {
        extra.push(violation('timeout', `the workload did not finish within ${Math.round(timeoutMs / 1000)} s: workers stopped`, { timeoutMs, done, total }));
        stopAll();
      }, timerDelay(timeoutMs));
      timer.unref();
      sampler = setInterval(() => {
        for (const s of slots) if (s.child?.pid && !s.finished) notePeak(peak, resourcesOf(s.child.pid));
      }, timerDelay(opts.sampleEveryMs ?? 500));
      sampler.unref();
    });
    await workloadDone;
    // A signal during setup or the checks: the run is incomplete either way.
    if (opts.signal?.aborted) throw new RunAborted();
    if (goAt === 0) goAt = endAt;
    const workloadMs = endAt - goAt;

    // --- checks -----------------------------------------------------------
    const c0 = performance.now();
    const { events, badLines } = readLogs(logDir);
    if (opts.signal?.aborted) throw new RunAborted();
    const violations: Violation[] = [...extra];
    if (badLines > 0 && kills === 0) violations.push(violation('corrupt_log', `${badLines} unreadable line(s) in the worker logs`, { badLines }));
    for (const e of events) {
      if (e.ev === 'fail') violations.push(violation((e.kind as ViolationKind) ?? 'operation_failed', `worker ${e.w} op ${e.i} failed: ${e.error ?? 'unknown error'}`, { worker: e.w, op: e.i, error: e.error }));
    }
    const recovery: Record<string, number> = {};
    const checkCtx: CheckContext = { ...setupCtx, params, events, kills, recovery };
    violations.push(...(await workload.check(checkCtx)));
    const locks = backend === 'remote' ? await checkRemoteLocks(repo, kills) : await checkLocks(repo, kills);
    // Stale locks of killed holders that the next acquirer took over during the run (each machine logs its own).
    const takeovers = [repo, ...machines].reduce((n, r) => n + readEvents(openRuntime({ cwd: r }).root, (e) => e.type === 'takeover').length, 0);
    violations.push(...locks.violations);
    const checkMs = performance.now() - c0;

    // --- numbers ------------------------------------------------------------
    const operations = collectOperations(events);
    const ends = events.filter((e) => e.ev === 'ok').map((e) => e.t);
    const tp = throughput(ends, goAt, Math.max(endAt, goAt + 1), workloadMs > 20_000 ? 5000 : 1000);
    const ended = events.filter((e) => e.ev === 'end');
    const logMs = ended.length ? ended.reduce((a, e) => a + (e.logMs ?? 0), 0) / procs : 0;
    const self = resourcesOf('self');
    peak.suiteRssKb = self.rssKb;
    peak.suiteFds = self.fds;
    const summary = summarizeViolations(violations);
    const expect = opts.mode === 'protected' ? 'clean' : 'violations';
    const ok = expect === 'clean' ? summary.total === 0 : summary.total > 0;
    keep = opts.keep === 'always' || (opts.keep !== 'never' && opts.mode === 'protected' && summary.total > 0);
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      suite: opts.workload,
      mode: opts.mode,
      backend,
      expect,
      ok,
      workload: workload.describe(procs, iterations) + (backend === 'remote' ? `, each worker a machine with its own clone of one server` : ''),
      operation: (backend === 'remote' ? workload.remoteSummary! : workload.summary)[opts.mode],
      procs,
      iterations,
      seed: opts.seed,
      killRate,
      scheduleDigest: schedule.digest,
      startedAt: startedAt.toISOString(),
      wallMs: round(performance.now() - t0),
      workloadMs,
      checkMs: round(checkMs),
      logMs: round(logMs),
      overheadRatio: workloadMs > 0 ? Math.round(((logMs + checkMs) / workloadMs) * 10000) / 10000 : 0,
      operations,
      throughput: tp,
      violations: summary,
      kills: { scheduled: scheduledKills(schedule), done: kills, takeovers, locksRecovered: locks.recovered, recovery },
      resources: peak,
      keptAt: keep ? runDir : null,
    };
  } finally {
    if (!keep) rmSync(runDir, { recursive: true, force: true });
  }
}

/** The workloads that have a remote-backend form. */
export function remoteWorkloads(): WorkloadName[] {
  return WORKLOAD_NAMES.filter((n) => workloadByName(n).remoteSummary !== undefined);
}

/**
 * The remote form of checkLocks: every lock ref left on the server after the
 * run. A killed holder's lock may remain; a new acquisition must get it once
 * its lease has run out (this process is another machine: it cannot see the
 * holder's pid, only the lease).
 */
async function checkRemoteLocks(repo: string, kills: number): Promise<{ violations: Violation[]; recovered: number }> {
  const out: Violation[] = [];
  let recovered = 0;
  for (const l of await listRemoteLocks({ cwd: repo })) {
    if (l.state === 'free') continue;
    if (kills === 0) {
      out.push(violation('lock_left_behind', `the ${l.name} lock is still held on the server (token ${l.token}, host ${l.holder?.host ?? '?'}) after every worker ended`, { lock: l.name, token: l.token, holder: l.holder }));
      continue;
    }
    const waitMs = (l.holder?.leaseMs ?? 0) * 3 + 5000;
    try {
      const h = await acquireRemoteLock({ cwd: repo, name: l.name, timeoutMs: waitMs, reentrant: false, command: 'lockstep suite: recovery check' });
      await releaseRemoteLock(h);
      recovered++;
    } catch (e) {
      out.push(violation('stuck_lock', `the ${l.name} lock could not be acquired within ${Math.round(waitMs / 1000)} s after its holder was killed: ${(e as Error).message}`, { lock: l.name, token: l.token, holder: l.holder }));
    }
  }
  return { violations: out, recovered };
}

/** The last operation worker `w` (process `n`) started, and whether it logged a scheduled kill. */
function lastStarted(logDir: string, w: number, n: number): { i: number; killed: boolean } {
  const { events } = readLogs(logDir);
  let i = -1;
  let killed = false;
  for (const e of events) {
    if (e.w !== w || e.n !== n) continue;
    if (e.ev === 'start') i = Math.max(i, e.i);
    if (e.ev === 'kill') killed = true;
  }
  return { i, killed };
}

function collectOperations(events: LogEvent[]): RunReport['operations'] {
  const lat = new Map<string, number[]>();
  const failed = new Map<string, number>();
  for (const e of events) {
    if (e.ev === 'ok') {
      if (!lat.has(e.op)) lat.set(e.op, []);
      lat.get(e.op)!.push(e.ms ?? 0);
    } else if (e.ev === 'fail') {
      failed.set(e.op, (failed.get(e.op) ?? 0) + 1);
      if (!lat.has(e.op)) lat.set(e.op, []);
    }
  }
  const out: RunReport['operations'] = {};
  for (const [op, samples] of lat) out[op] = operationStats(samples, failed.get(op) ?? 0);
  return out;
}

/**
 * No lock may be left behind: after a clean run every lock is free; after
 * kills a stale lock is expected, but a new acquisition must get it at once
 * (a stuck lock is a violation).
 */
async function checkLocks(repo: string, kills: number): Promise<{ violations: Violation[]; recovered: number }> {
  const out: Violation[] = [];
  let recovered = 0;
  const runtime = openRuntime({ cwd: repo });
  for (const l of listLocks({ runtime })) {
    if (l.state === 'free') continue;
    if (l.state === 'held') {
      out.push(violation('lock_left_behind', `the ${l.name} lock is still held by pid ${l.holder?.pid} after every worker ended`, { lock: l.name, token: l.token, holder: l.holder }));
      continue;
    }
    if (kills === 0) out.push(violation('lock_left_behind', `the ${l.name} lock was left stale (${l.staleReason}) with no worker killed`, { lock: l.name, token: l.token, holder: l.holder }));
    try {
      const h = await acquireLock({ runtime, name: l.name, timeoutMs: 2000, reentrant: false, command: 'lockstep suite: recovery check' });
      releaseLock(h);
      recovered++;
    } catch (e) {
      out.push(violation('stuck_lock', `the ${l.name} lock could not be acquired within 2 s after its holder was killed: ${(e as Error).message}`, { lock: l.name, token: l.token, holder: l.holder }));
    }
  }
  return { violations: out, recovered };
}
