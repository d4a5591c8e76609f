/**
 * The workload schedule: for every worker, every operation's start delay and
 * whether (and where) the worker is killed during it. Built only from the
 * seed and the suite's shape, so `--seed S` replays the same schedule, and the
 * protected and control runs of one suite get the very same one.
 */
import { createHash } from 'node:crypto';
import { deriveSeed, mulberry32 } from './prng.js';

/**
 * Where a scheduled SIGKILL lands in an operation:
 * before = after logging the start, before any work; during = a timer fires
 * while the operation is under way; after = the work is done but not yet
 * acknowledged in the log (the lost-acknowledgement case).
 */
export type KillPhase = 'before' | 'during' | 'after';

export interface ScheduledOp {
  /** Operation index within its worker (0-based). */
  i: number;
  /** Pause before the operation starts, in ms. */
  delayMs: number;
  kill: { phase: KillPhase; afterMs: number } | null;
  /** A free draw in [0, 1) the workload may use (e.g. to pick an order). */
  pick: number;
}

export interface WorkerSchedule {
  worker: number;
  ops: ScheduledOp[];
}

export interface ScheduleParams {
  suite: string;
  seed: number;
  procs: number;
  /** Operations per worker. */
  ops: number;
  killRate: number;
  /** Upper bound of the random pause before each operation. */
  maxDelayMs: number;
  /** Upper bound of a "during" kill's timer. */
  maxKillDelayMs?: number;
}

export interface Schedule extends ScheduleParams {
  workers: WorkerSchedule[];
  /** sha256 of the schedule's content: equal digests ⇔ equal schedules. */
  digest: string;
}

const PHASES: KillPhase[] = ['before', 'during', 'after'];

export function buildSchedule(p: ScheduleParams): Schedule {
  const maxKill = p.maxKillDelayMs ?? 20;
  const workers: WorkerSchedule[] = [];
  for (let w = 0; w < p.procs; w++) {
    const rnd = mulberry32(deriveSeed('schedule', p.suite, p.seed, w));
    const ops: ScheduledOp[] = [];
    for (let i = 0; i < p.ops; i++) {
      // Draw every value for every op whatever the kill rate, so changing
      // --kill-rate changes only which ops are killed, not the delays.
      const delayMs = Math.floor(rnd() * (p.maxDelayMs + 1));
      const killDraw = rnd();
      const phase = PHASES[Math.floor(rnd() * PHASES.length)]!;
      const afterMs = Math.floor(rnd() * (maxKill + 1));
      const pick = rnd();
      ops.push({ i, delayMs, kill: killDraw < p.killRate ? { phase, afterMs } : null, pick });
    }
    workers.push({ worker: w, ops });
  }
  const digest = createHash('sha256').update(JSON.stringify({ ...p, maxKillDelayMs: maxKill, workers })).digest('hex');
  return { ...p, maxKillDelayMs: maxKill, workers, digest };
}

export function scheduledKills(s: Schedule): number {
  return s.workers.reduce((n, w) => n + w.ops.filter((o) => o.kill).length, 0);
}
