/**
 * The suite report: one JSON schema for every `lockstep suite` command
 * (documented in docs/suites.md), from which the markdown and HTML views are
 * made.
 */
import { cpus, platform, arch } from 'node:os';
import { spawnSync } from 'node:child_process';
import type { ResourcePeak } from './resources.js';
import type { OperationStats, ThroughputSeries } from './stats.js';
import type { ViolationSummary } from './violations.js';
import type { BackendKind, Mode, WorkloadName } from './workload.js';

export const REPORT_SCHEMA = 'lockstep.suite-report/1';

export type SuiteName = WorkloadName | 'all' | 'contention' | 'soak';

export interface RunReport {
  suite: WorkloadName;
  mode: Mode;
  /** Where the run coordinated (see BackendKind). */
  backend: BackendKind;
  /** Protected runs must be clean; control runs must find violations. */
  expect: 'clean' | 'violations';
  /** Whether the expectation held. */
  ok: boolean;
  /** One line: the workload. */
  workload: string;
  /** One line: what one operation does in this mode. */
  operation: string;
  procs: number;
  iterations: number;
  seed: number;
  killRate: number;
  scheduleDigest: string;
  startedAt: string;
  /** Whole run: repository, setup, workers, checks. */
  wallMs: number;
  /** From the start signal to the last worker's end. */
  workloadMs: number;
  /** The checkers (repository + logs). */
  checkMs: number;
  /** Mean time one worker spent writing its log. */
  logMs: number;
  /** (logMs + checkMs) / workloadMs. */
  overheadRatio: number;
  operations: Record<string, OperationStats>;
  throughput: ThroughputSeries;
  violations: ViolationSummary;
  kills: {
    scheduled: number;
    /** Workers that died by a scheduled SIGKILL (each replaced by a new process). */
    done: number;
    /** Stale locks of killed holders taken over by the next acquirer during the run (from events.jsonl). */
    takeovers: number;
    /** Locks found stale after the run that a new acquisition took over at once. */
    locksRecovered: number;
    /** Workload-specific recovery counters (e.g. items reclaimed). */
    recovery: Record<string, number>;
  };
  resources: ResourcePeak;
  /** The run's repository, kept as evidence when a protected run failed; otherwise null (removed). */
  keptAt: string | null;
}

export interface ComparisonRow {
  suite: WorkloadName;
  workload: string;
  protected: { violations: number; byKind: Record<string, number>; wallMs: number; opsPerSec: number };
  control: { violations: number; byKind: Record<string, number>; wallMs: number; opsPerSec: number };
}

export interface SoakSample {
  /** Minutes since the soak began (all segments). */
  minute: number;
  /** When the sample closed. */
  at: string;
  segment: number;
  ops: number;
  opsPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  violations: number;
  kills: number;
  suiteRssKb: number | null;
  suiteFds: number | null;
  workerRssKbMax: number | null;
  workerFdsMax: number | null;
}

export interface SoakSegment {
  index: number;
  startedAt: string;
  endedAt: string;
  elapsedMs: number;
  rounds: number;
  /** Why the segment ended. */
  endedBy: 'duration' | 'segment-limit' | 'signal' | 'violation';
}

export interface SoakSection {
  durationMs: number;
  elapsedMs: number;
  complete: boolean;
  rounds: number;
  segments: SoakSegment[];
  samples: SoakSample[];
  /** Operation stats over every round of every segment. */
  operations: Record<string, OperationStats>;
  totals: { ops: number; kills: number; violations: number; takeovers: number; locksRecovered: number; recovery: Record<string, number> };
  /** The first violation, with its round and evidence (the soak stops there). */
  firstViolation: { round: number; suite: WorkloadName; violation: ViolationSummary['samples'][number]; keptAt: string | null } | null;
  /** First vs last sample; a rise beyond the threshold is flagged. */
  growth: {
    suiteRssKb: { first: number | null; last: number | null; max: number | null; growing: boolean };
    suiteFds: { first: number | null; last: number | null; max: number | null; growing: boolean };
    workerRssKb: { first: number | null; last: number | null; max: number | null; growing: boolean };
    workerFds: { first: number | null; last: number | null; max: number | null; growing: boolean };
  };
}

export interface SuiteReport {
  schema: typeof REPORT_SCHEMA;
  tool: { name: 'lockstep'; version: string };
  suite: SuiteName;
  ok: boolean;
  startedAt: string;
  finishedAt: string;
  wallMs: number;
  host: { platform: string; arch: string; cpus: number; node: string; git: string | null };
  options: {
    procs: number | null;
    iterations: number | null;
    seed: number;
    killRate: number;
    control: boolean;
    repo: string | null;
    durationMs: number | null;
    backend: BackendKind;
  };
  runs: RunReport[];
  comparison: ComparisonRow[];
  soak: SoakSection | null;
}

let gitVersion: string | null | undefined;

export function hostInfo(): SuiteReport['host'] {
  if (gitVersion === undefined) {
    const r = spawnSync('git', ['--version'], { encoding: 'utf8' });
    gitVersion = r.status === 0 ? r.stdout.trim().replace(/^git version /, '') : null;
  }
  return { platform: platform(), arch: arch(), cpus: cpus().length, node: process.version, git: gitVersion };
}

export function opsPerSec(r: RunReport): number {
  const ops = Object.values(r.operations).reduce((n, o) => n + o.ok, 0);
  return r.workloadMs > 0 ? Math.round((ops / r.workloadMs) * 1000 * 10) / 10 : 0;
}

/** Side-by-side rows for every workload that ran both protected and as control. */
export function compare(runs: RunReport[]): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const p of runs.filter((r) => r.mode === 'protected')) {
    const c = runs.find((r) => r.mode === 'control' && r.suite === p.suite);
    if (!c) continue;
    const side = (r: RunReport) => ({ violations: r.violations.total, byKind: r.violations.byKind as Record<string, number>, wallMs: r.wallMs, opsPerSec: opsPerSec(r) });
    rows.push({ suite: p.suite, workload: p.workload, protected: side(p), control: side(c) });
  }
  return rows;
}
