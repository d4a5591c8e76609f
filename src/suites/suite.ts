/**
 * `lockstep suite NAME`: which runs a suite name stands for, run one after
 * another (never two at once: each run owns the machine's cores), gathered
 * into one report.
 */
import { hostInfo, compare, REPORT_SCHEMA, type RunReport, type SuiteName, type SuiteReport } from './report.js';
import { workloadByName } from './registry.js';
import { remoteWorkloads, runWorkload } from './runner.js';
import { deriveSeed } from './prng.js';
import { WORKLOAD_NAMES, type BackendKind, type Mode, type WorkloadName } from './workload.js';

export const SUITE_NAMES = [...WORKLOAD_NAMES, 'all', 'contention', 'soak'] as const;

export interface SuiteOptions {
  suite: Exclude<SuiteName, 'soak'>;
  procs?: number;
  iterations?: number;
  seed: number;
  killRate?: number;
  /** Run the unprotected variants instead (ignored by `contention`, which runs both). */
  control?: boolean;
  sourceRepo?: string | null;
  /** `remote`: the workloads with a remote form, each worker a machine with its own clone of one server. */
  backend?: BackendKind;
  cli: string[];
  version: string;
  signal?: AbortSignal;
  tmpRoot?: string;
  keep?: 'always' | 'on-violation' | 'never';
  /**
   * Stress mode: repeat the runs (each repetition with a seed derived from
   * `seed`) until this much time has passed; progress is then in ms.
   */
  durationMs?: number;
  /** Overall progress in finished operations (or ms with `durationMs`). */
  onProgress?: (done: number, total: number) => void;
  /** A run is about to start. */
  onRun?: (run: { suite: WorkloadName; mode: Mode; index: number; of: number }) => void;
}

export interface PlannedRun {
  suite: WorkloadName;
  mode: Mode;
}

export function planRuns(suite: Exclude<SuiteName, 'soak'>, control: boolean, backend: BackendKind = 'file'): PlannedRun[] {
  // On the remote backend, the groups hold the workloads that have a remote form (a single named one without is refused by the runner).
  const names = backend === 'remote' ? remoteWorkloads() : [...WORKLOAD_NAMES];
  if (suite === 'contention') return names.flatMap((s) => [{ suite: s, mode: 'protected' as const }, { suite: s, mode: 'control' as const }]);
  const mode: Mode = control ? 'control' : 'protected';
  if (suite === 'all') return names.map((s) => ({ suite: s, mode }));
  return [{ suite, mode }];
}

export async function runSuite(o: SuiteOptions): Promise<SuiteReport> {
  const started = new Date();
  const plan = planRuns(o.suite, o.control ?? false, o.backend);
  const total = plan.reduce((n, p) => {
    const w = workloadByName(p.suite);
    return n + w.totalOps(o.procs ?? w.defaults.procs, o.iterations ?? w.defaults.iterations);
  }, 0);
  let before = 0;
  const runs: RunReport[] = [];
  const t0 = Date.now();
  const timed = o.durationMs !== undefined;
  const timeUp = () => timed && Date.now() - t0 >= o.durationMs!;
  for (let repetition = 0; repetition === 0 || (timed && !timeUp()); repetition++) {
    for (const [index, p] of plan.entries()) {
      if (timeUp() && runs.length > 0) break;
      o.onRun?.({ ...p, index, of: plan.length });
      const r = await runWorkload({
        workload: p.suite,
        mode: p.mode,
        procs: o.procs,
        iterations: o.iterations,
        seed: repetition === 0 ? o.seed : deriveSeed('repeat', o.seed, repetition),
        killRate: o.killRate,
        sourceRepo: o.sourceRepo,
        backend: o.backend,
        cli: o.cli,
        signal: o.signal,
        tmpRoot: o.tmpRoot,
        keep: o.keep,
        onProgress: (done) => (timed ? o.onProgress?.(Math.min(Date.now() - t0, o.durationMs!), o.durationMs!) : o.onProgress?.(before + done, total)),
      });
      const w = workloadByName(p.suite);
      before += w.totalOps(r.procs, r.iterations);
      if (!timed) o.onProgress?.(before, total);
      runs.push(r);
    }
  }
  if (timed) o.onProgress?.(o.durationMs!, o.durationMs!);
  const finished = new Date();
  return {
    schema: REPORT_SCHEMA,
    tool: { name: 'lockstep', version: o.version },
    suite: o.suite,
    ok: runs.every((r) => r.ok),
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    wallMs: finished.getTime() - started.getTime(),
    host: hostInfo(),
    options: {
      procs: o.procs ?? null,
      iterations: o.iterations ?? null,
      seed: o.seed,
      killRate: o.killRate ?? 0,
      control: o.suite === 'contention' ? true : (o.control ?? false),
      repo: o.sourceRepo ?? null,
      durationMs: o.durationMs ?? null,
      backend: o.backend ?? 'file',
    },
    runs,
    comparison: compare(runs),
    soak: null,
  };
}
