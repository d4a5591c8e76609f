/**
 * The shape every suite's workload has. A workload runs in two places: its
 * `setup` and `check` in the suite process, its `run` (one operation) in each
 * worker process. `mode` selects lockstep's protection or the unprotected
 * control variant of the same operation.
 */
import type { LogEvent } from './log.js';
import type { ScheduledOp } from './schedule.js';
import type { Violation, ViolationKind } from './violations.js';

export type Mode = 'protected' | 'control';
/**
 * Where a run coordinates: `file`, one repository (every worker in it, one
 * machine); `remote`, one bare repository standing in for the git server and
 * a clone of it per worker, each with its own host id, as separate machines.
 * With `remote` the protected variant uses the remote backend and the control
 * variant each clone's own file backend (which cannot see the other clones).
 */
export type BackendKind = 'file' | 'remote';
export const WORKLOAD_NAMES = ['counter', 'allocate', 'commit', 'claim', 'merge', 'gitlock'] as const;
export type WorkloadName = (typeof WORKLOAD_NAMES)[number];

export interface SetupContext {
  repo: string;
  /** The branch the repository has checked out (main in a scratch repository). */
  base: string;
  runDir: string;
  mode: Mode;
  procs: number;
  iterations: number;
  seed: number;
  /** argv prefix that runs the lockstep CLI. */
  cli: string[];
  backend: BackendKind;
  /** remote: each worker's clone of the server (index = worker); file: empty. */
  machines: string[];
}

export interface WorkerContext extends SetupContext {
  worker: number;
  /** The checkout this worker works in: its own clone (remote), else `repo`. */
  machine: string;
  incarnation: number;
  /** What setup returned. */
  params: Record<string, unknown>;
  /** Per-process state a workload may keep between operations. */
  state: Record<string, unknown>;
  /**
   * Marks the operation's critical point (holding the lock, holding a claimed
   * item). For a workload with `killAtCritical`, a scheduled "during" kill
   * lands exactly here instead of on a timer.
   */
  critical(): void;
}

export interface CheckContext extends SetupContext {
  params: Record<string, unknown>;
  events: LogEvent[];
  /** Workers killed on schedule during the run. */
  kills: number;
  /** Recovery counters the checker fills in (e.g. items reclaimed after a kill). */
  recovery: Record<string, number>;
}

/**
 * The result of one operation. `idle` means nothing was there to do yet (the
 * worker waits and tries again without using up a schedule slot); `stop`
 * means the worker is finished.
 */
export type OpResult = { data?: Record<string, unknown>; idle?: false; stop?: false } | { idle: true } | { stop: true };

/** An operation that failed in a way the checker counts (e.g. git's index.lock). */
export class OpFailure extends Error {
  constructor(
    readonly kind: ViolationKind,
    message: string,
  ) {
    super(message);
  }
}

export interface Workload {
  name: WorkloadName;
  /** Name of the operation in logs and reports. */
  op: string;
  /** One line: what one operation does, protected and unprotected. */
  summary: { protected: string; control: string };
  /** The same for the remote backend; absent when the workload has no remote form (it coordinates one working tree). */
  remoteSummary?: { protected: string; control: string };
  defaults: { procs: number; iterations: number };
  /** Upper bound of the seeded pause before each operation. */
  maxDelayMs: number;
  /** Upper bound of a timed "during" kill (default 20 ms): about one operation's latency under contention. */
  maxKillDelayMs?: number;
  /** "during" kills land at `ctx.critical()` (otherwise on a timer while the operation runs). */
  killAtCritical?: boolean;
  /** Schedule slots per worker (claim workers take as many items as they can get). */
  opsPerWorker(procs: number, iterations: number): number;
  /** Operations the whole run is expected to finish (for progress). */
  totalOps(procs: number, iterations: number): number;
  describe(procs: number, iterations: number): string;
  setup(ctx: SetupContext): Promise<Record<string, unknown>>;
  run(ctx: WorkerContext, op: ScheduledOp): Promise<OpResult>;
  check(ctx: CheckContext): Promise<Violation[]>;
}
