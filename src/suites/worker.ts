/**
 * A suite worker: one real process (`lockstep _suite-worker SPEC W N START`)
 * that runs its slot's scheduled operations and logs each one. It is started
 * in a process group of its own, so a scheduled kill takes its children (git,
 * lockstep commands it runs) down with it, as when an agent crashes.
 *
 * Protocol on stdout, one line each: `ready` once set up, then it waits for
 * `go` on stdin (so all workers start together), `+` per finished operation
 * (the suite's progress), `end`.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { isLockstepError } from '../core/errors.js';
import { WorkerLog, logPath } from './log.js';
import { workloadByName } from './registry.js';
import type { Schedule } from './schedule.js';
import { OpFailure, type BackendKind, type Mode, type WorkerContext, type WorkloadName } from './workload.js';
import { timerDelay } from '../core/duration.js';

export interface WorkerSpec {
  suite: WorkloadName;
  mode: Mode;
  repo: string;
  base: string;
  runDir: string;
  logDir: string;
  procs: number;
  iterations: number;
  seed: number;
  cli: string[];
  params: Record<string, unknown>;
  schedule: Schedule;
  backend: BackendKind;
  machines: string[];
}

export interface WorkerMainOptions {
  specPath: string;
  worker: number;
  incarnation: number;
  /** First schedule slot to run (after a kill, the one after the killed operation). */
  startAt: number;
  /** Wait for `go` before the first operation. */
  waitForGo: boolean;
  out: (line: string) => void;
  /** Resolves when `go` arrives. */
  go: () => Promise<void>;
}

/** SIGKILL of this worker's whole process group (falls back to itself when it leads none). */
function die(): never {
  try {
    process.kill(-process.pid, 'SIGKILL');
  } catch {
    /* not a group leader */
  }
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
}

export async function workerMain(o: WorkerMainOptions): Promise<number> {
  const spec = JSON.parse(readFileSync(o.specPath, 'utf8')) as WorkerSpec;
  const workload = workloadByName(spec.suite);
  const slots = spec.schedule.workers[o.worker]?.ops ?? [];
  const log = new WorkerLog(logPath(spec.logDir, o.worker));
  const ctx: WorkerContext = {
    repo: spec.repo,
    base: spec.base,
    runDir: spec.runDir,
    mode: spec.mode,
    procs: spec.procs,
    iterations: spec.iterations,
    seed: spec.seed,
    cli: spec.cli,
    backend: spec.backend,
    machines: spec.machines,
    machine: spec.machines[o.worker] ?? spec.repo,
    worker: o.worker,
    incarnation: o.incarnation,
    params: spec.params,
    state: {},
    critical: () => undefined,
  };
  const base = { w: o.worker, n: o.incarnation, op: workload.op };
  o.out('ready');
  if (o.waitForGo) await o.go();

  let k = o.startAt;
  while (k < slots.length) {
    const slot = slots[k]!;
    if (slot.delayMs > 0) await sleep(timerDelay(slot.delayMs));
    log.write({ ...base, i: k, ev: 'start', t: Date.now() });
    const kill = slot.kill;
    if (kill?.phase === 'before') {
      log.write({ ...base, i: k, ev: 'kill', t: Date.now(), phase: 'before' });
      die();
    }
    let timer: NodeJS.Timeout | null = null;
    ctx.critical =
      kill?.phase === 'during' && workload.killAtCritical
        ? () => {
            log.write({ ...base, i: k, ev: 'kill', t: Date.now(), phase: 'critical' });
            die();
          }
        : () => undefined;
    if (kill?.phase === 'during' && !workload.killAtCritical) {
      timer = setTimeout(() => {
        log.write({ ...base, i: k, ev: 'kill', t: Date.now(), phase: 'during' });
        die();
      }, timerDelay(kill.afterMs));
    }
    const t0 = performance.now();
    try {
      const r = await workload.run(ctx, slot);
      const ms = performance.now() - t0;
      if (kill) {
        // The work is done, its acknowledgement not yet written: a kill here
        // leaves an operation "in doubt" that the checker must tolerate.
        if (timer) clearTimeout(timer);
        log.write({ ...base, i: k, ev: 'kill', t: Date.now(), phase: kill.phase === 'during' ? 'during-late' : 'after' });
        die();
      }
      if ('idle' in r && r.idle) {
        // Nothing to do yet (e.g. every item is claimed by someone): retry this slot.
        await sleep(20);
        continue;
      }
      if ('stop' in r && r.stop) break;
      log.write({ ...base, i: k, ev: 'ok', t: Date.now(), ms, data: 'data' in r ? r.data : undefined });
      o.out('+');
    } catch (e) {
      if (timer) clearTimeout(timer);
      const ms = performance.now() - t0;
      const kind = e instanceof OpFailure ? e.kind : 'operation_failed';
      const message = isLockstepError(e) ? `${e.code}: ${e.message}` : ((e as Error)?.message ?? String(e));
      log.write({ ...base, i: k, ev: 'fail', t: Date.now(), ms, kind, error: message.slice(0, 2000) });
      o.out('+');
    }
    k++;
  }
  log.write({ ...base, i: -1, ev: 'end', t: Date.now(), logMs: log.spentMs });
  log.close();
  o.out('end');
  return 0;
}
