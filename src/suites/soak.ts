/**
 * The soak: the mixed workload (every workload in turn, a fresh repository
 * per round, workers SIGKILLed at random) for a long time, checking the
 * invariants after every round, sampling throughput, latency, memory and
 * open files per minute, and stopping at the first violation with its
 * evidence.
 *
 * It checkpoints after every round (temp file + rename), so a run stopped by
 * SIGTERM or by `--segment` resumes from the same file where it left off,
 * and the final report covers every segment: a 24-hour soak on GitHub-hosted
 * runners is four chained jobs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { LockstepError } from '../core/errors.js';
import { writeFileAtomic } from '../core/files.js';
import { deriveSeed } from './prng.js';
import { hostInfo, REPORT_SCHEMA, type RunReport, type SoakSample, type SoakSection, type SoakSegment, type SuiteReport } from './report.js';
import { resourcesOf } from './resources.js';
import { runWorkload, RunAborted } from './runner.js';
import { mergeOperationStats, percentile, type OperationStats } from './stats.js';
import { WORKLOAD_NAMES, type Mode, type WorkloadName } from './workload.js';
import { quoteInput } from '../core/outside-text.js';

export const CHECKPOINT_SCHEMA = 'lockstep.soak-checkpoint/1';

export interface SoakOptions {
  durationMs: number;
  /** Checkpoint file: resumed from when it exists, written after every round. */
  checkpoint: string | null;
  /** Stop this run (pause, resumable) after this long; the soak goes on in the next run. */
  segmentMs?: number | null;
  seed: number;
  killRate?: number;
  procs?: number;
  iterations?: number;
  sourceRepo?: string | null;
  cli: string[];
  version: string;
  signal?: AbortSignal;
  /** Length of one sample window (default one minute). */
  sampleEveryMs?: number;
  tmpRoot?: string;
  /**
   * Protection on (default) or off. Off is for proving the soak itself: its
   * first round must then fail it, with evidence.
   */
  mode?: Mode;
  /** Values the user gave explicitly: a resumed checkpoint must agree with them. */
  explicit?: { durationMs?: boolean; seed?: boolean; killRate?: boolean };
  onProgress?: (elapsedMs: number, durationMs: number, note: string) => void;
}

export type SoakStatus = 'running' | 'paused' | 'passed' | 'failed';

interface Window {
  startMs: number;
  ops: number;
  latencies: number[];
  violations: number;
  kills: number;
  workerRssKbMax: number | null;
  workerFdsMax: number | null;
}

export interface SoakCheckpoint {
  schema: typeof CHECKPOINT_SCHEMA;
  status: SoakStatus;
  startedAt: string;
  options: { durationMs: number; seed: number; killRate: number; procs: number | null; iterations: number | null; sampleEveryMs: number; repo: string | null };
  elapsedMs: number;
  rounds: number;
  segments: SoakSegment[];
  samples: SoakSample[];
  window: Window;
  operations: Record<string, OperationStats>;
  totals: SoakSection['totals'];
  firstViolation: SoakSection['firstViolation'];
}

export interface SoakResult {
  status: SoakStatus;
  report: SuiteReport;
  checkpoint: SoakCheckpoint;
}

export const DEFAULT_SOAK_KILL_RATE = 0.05;
/** A round is small so that invariants are checked often and a signal loses little. */
export const SOAK_ROUND = { procs: 3, iterations: 4 };

function newWindow(startMs: number): Window {
  return { startMs, ops: 0, latencies: [], violations: 0, kills: 0, workerRssKbMax: null, workerFdsMax: null };
}

function readCheckpoint(path: string): SoakCheckpoint | null {
  if (!existsSync(path)) return null;
  let cp: SoakCheckpoint;
  try {
    cp = JSON.parse(readFileSync(path, 'utf8')) as SoakCheckpoint;
  } catch (e) {
    throw new LockstepError('CORRUPT_STATE', `the soak checkpoint ${path} is not valid JSON: ${(e as Error).message}`, { hint: `move it away to start a new soak: mv "${path}" "${path}.bad"` });
  }
  if (cp?.schema !== CHECKPOINT_SCHEMA) {
    throw new LockstepError('CORRUPT_STATE', `${path} is not a lockstep soak checkpoint (schema ${quoteInput(cp?.schema)})`, { hint: 'pass the file an earlier `lockstep suite soak --checkpoint` wrote, or a new path' });
  }
  return cp;
}

function closeSample(cp: SoakCheckpoint, endMs: number, segment: number): void {
  const w = cp.window;
  const span = Math.max(1, endMs - w.startMs);
  const sorted = [...w.latencies].sort((a, b) => a - b);
  const self = resourcesOf('self');
  cp.samples.push({
    minute: Math.round((endMs / 60_000) * 100) / 100,
    at: new Date().toISOString(),
    segment,
    ops: w.ops,
    opsPerSec: Math.round((w.ops / span) * 1000 * 10) / 10,
    latencyP50Ms: Math.round(percentile(sorted, 0.5) * 100) / 100,
    latencyP99Ms: Math.round(percentile(sorted, 0.99) * 100) / 100,
    violations: w.violations,
    kills: w.kills,
    suiteRssKb: self.rssKb,
    suiteFds: self.fds,
    workerRssKbMax: w.workerRssKbMax,
    workerFdsMax: w.workerFdsMax,
  });
  cp.window = newWindow(endMs);
}

function addRun(cp: SoakCheckpoint, r: RunReport): void {
  for (const [op, s] of Object.entries(r.operations)) cp.operations[op] = mergeOperationStats(cp.operations[op], s);
  const ops = Object.values(r.operations).reduce((n, o) => n + o.ok, 0);
  cp.totals.ops += ops;
  cp.totals.kills += r.kills.done;
  cp.totals.violations += r.violations.total;
  cp.totals.locksRecovered += r.kills.locksRecovered;
  cp.totals.takeovers += r.kills.takeovers;
  for (const [k, v] of Object.entries(r.kills.recovery)) cp.totals.recovery[k] = (cp.totals.recovery[k] ?? 0) + v;
  const w = cp.window;
  w.ops += ops;
  for (const s of Object.values(r.operations)) w.latencies.push(...s.samplesMs);
  if (w.latencies.length > 5000) w.latencies = w.latencies.filter((_, k) => k % 2 === 0);
  w.violations += r.violations.total;
  w.kills += r.kills.done;
  if (r.resources.workerRssKbMax !== null) w.workerRssKbMax = Math.max(w.workerRssKbMax ?? 0, r.resources.workerRssKbMax);
  if (r.resources.workerFdsMax !== null) w.workerFdsMax = Math.max(w.workerFdsMax ?? 0, r.resources.workerFdsMax);
}

/** Growth of a resource between the first and the last sample. */
function growthOf(values: (number | null)[], grows: (first: number, last: number) => boolean) {
  const v = values.filter((x): x is number => x !== null);
  const first = v[0] ?? null;
  const last = v.length ? v[v.length - 1]! : null;
  const max = v.length ? Math.max(...v) : null;
  return { first, last, max, growing: first !== null && last !== null && v.length >= 3 && grows(first, last) };
}

// RSS counts as growing past +50 % and +32 MiB; open files past +16 descriptors.
const rssGrows = (a: number, b: number) => b > a * 1.5 && b - a > 32 * 1024;
const fdsGrow = (a: number, b: number) => b - a > 16;

export function soakSection(cp: SoakCheckpoint): SoakSection {
  const s = cp.samples;
  return {
    durationMs: cp.options.durationMs,
    elapsedMs: cp.elapsedMs,
    complete: cp.status === 'passed' || cp.status === 'failed',
    rounds: cp.rounds,
    segments: cp.segments,
    samples: s,
    operations: cp.operations,
    totals: cp.totals,
    firstViolation: cp.firstViolation,
    growth: {
      suiteRssKb: growthOf(s.map((x) => x.suiteRssKb), rssGrows),
      suiteFds: growthOf(s.map((x) => x.suiteFds), fdsGrow),
      workerRssKb: growthOf(s.map((x) => x.workerRssKbMax), rssGrows),
      workerFds: growthOf(s.map((x) => x.workerFdsMax), fdsGrow),
    },
  };
}

function soakReport(cp: SoakCheckpoint, version: string, finishedAt: Date): SuiteReport {
  const started = new Date(cp.startedAt);
  return {
    schema: REPORT_SCHEMA,
    tool: { name: 'lockstep', version },
    suite: 'soak',
    ok: cp.status === 'passed' || (cp.status === 'paused' && cp.totals.violations === 0),
    startedAt: cp.startedAt,
    finishedAt: finishedAt.toISOString(),
    wallMs: finishedAt.getTime() - started.getTime(),
    host: hostInfo(),
    options: { procs: cp.options.procs, iterations: cp.options.iterations, seed: cp.options.seed, killRate: cp.options.killRate, control: false, repo: cp.options.repo, durationMs: cp.options.durationMs, backend: 'file' },
    runs: [],
    comparison: [],
    soak: soakSection(cp),
  };
}

export async function runSoak(o: SoakOptions): Promise<SoakResult> {
  let cp = o.checkpoint ? readCheckpoint(o.checkpoint) : null;
  if (cp) {
    const x = o.explicit ?? {};
    const clash = (flag: string, given: number, saved: number) => {
      throw new LockstepError('BAD_INPUT', `the checkpoint ${o.checkpoint} belongs to a soak with ${flag} ${saved}, not ${given}`, {
        hint: `resume it with the same options (or none), or start a new soak with another --checkpoint file`,
        detail: { flag, given, saved },
      });
    };
    if (x.durationMs && o.durationMs !== cp.options.durationMs) clash('--duration (ms)', o.durationMs, cp.options.durationMs);
    if (x.seed && o.seed !== cp.options.seed) clash('--seed', o.seed, cp.options.seed);
    if (x.killRate && (o.killRate ?? DEFAULT_SOAK_KILL_RATE) !== cp.options.killRate) clash('--kill-rate', o.killRate ?? DEFAULT_SOAK_KILL_RATE, cp.options.killRate);
    if (cp.status === 'passed' || cp.status === 'failed') return { status: cp.status, report: soakReport(cp, o.version, new Date()), checkpoint: cp };
  } else {
    cp = {
      schema: CHECKPOINT_SCHEMA,
      status: 'running',
      startedAt: new Date().toISOString(),
      options: {
        durationMs: o.durationMs,
        seed: o.seed,
        killRate: o.killRate ?? DEFAULT_SOAK_KILL_RATE,
        procs: o.procs ?? null,
        iterations: o.iterations ?? null,
        sampleEveryMs: o.sampleEveryMs ?? 60_000,
        repo: o.sourceRepo ?? null,
      },
      elapsedMs: 0,
      rounds: 0,
      segments: [],
      samples: [],
      window: newWindow(0),
      operations: {},
      totals: { ops: 0, kills: 0, violations: 0, takeovers: 0, locksRecovered: 0, recovery: {} },
      firstViolation: null,
    };
  }
  const opts = cp.options;
  const segStart = Date.now();
  const elapsedBefore = cp.elapsedMs;
  const segment: SoakSegment = { index: cp.segments.length, startedAt: new Date(segStart).toISOString(), endedAt: '', elapsedMs: 0, rounds: 0, endedBy: 'duration' };
  cp.segments.push(segment);
  cp.status = 'running';
  const elapsed = () => elapsedBefore + (Date.now() - segStart);
  const save = () => {
    segment.endedAt = new Date().toISOString();
    segment.elapsedMs = Date.now() - segStart;
    cp!.elapsedMs = elapsed();
    if (o.checkpoint) writeFileAtomic(o.checkpoint, JSON.stringify(cp));
  };
  save();

  // The segment's end (and the soak's) is a hard limit: a round still running
  // then is aborted and not counted, as a SIGTERM's would be. Checked only
  // between rounds, a 25 s segment ran 31.8 s.
  const left = opts.durationMs - elapsedBefore;
  const limitMs = Math.min(o.segmentMs ?? Infinity, left);
  const limit = new AbortController();
  const passOn = () => limit.abort();
  o.signal?.addEventListener('abort', passOn);
  const timer = Number.isFinite(limitMs) ? setTimeout(passOn, Math.max(0, limitMs)) : null;
  const stoppedBy = (): SoakSegment['endedBy'] => (o.signal?.aborted ? 'signal' : limitMs === left ? 'duration' : 'segment-limit');

  try {
    for (;;) {
      if (o.signal?.aborted) {
        segment.endedBy = 'signal';
        cp.status = 'paused';
        break;
      }
      if (elapsed() >= opts.durationMs) {
        segment.endedBy = 'duration';
        cp.status = 'passed';
        break;
      }
      if (o.segmentMs && Date.now() - segStart >= o.segmentMs) {
        segment.endedBy = 'segment-limit';
        cp.status = 'paused';
        break;
      }
      const round = cp.rounds;
      const suite: WorkloadName = WORKLOAD_NAMES[round % WORKLOAD_NAMES.length]!;
      o.onProgress?.(elapsed(), opts.durationMs, `round ${round} ${suite}`);
      let r: RunReport;
      try {
        r = await runWorkload({
          workload: suite,
          mode: o.mode ?? 'protected',
          procs: opts.procs ?? SOAK_ROUND.procs,
          iterations: opts.iterations ?? SOAK_ROUND.iterations,
          seed: deriveSeed('soak', opts.seed, round),
          killRate: opts.killRate,
          sourceRepo: opts.repo,
          cli: o.cli,
          signal: limit.signal,
          tmpRoot: o.tmpRoot,
          keep: 'on-violation',
          sampleEveryMs: 250,
        });
      } catch (e) {
        if (e instanceof RunAborted) {
          segment.endedBy = stoppedBy();
          cp.status = segment.endedBy === 'duration' ? 'passed' : 'paused';
          break;
        }
        throw e;
      }
      addRun(cp, r);
      cp.rounds++;
      segment.rounds++;
      if (r.violations.total > 0) {
        cp.firstViolation = { round, suite, violation: r.violations.samples[0]!, keptAt: r.keptAt };
        segment.endedBy = 'violation';
        cp.status = 'failed';
        closeSample(cp, elapsed(), segment.index);
        break;
      }
      if (elapsed() - cp.window.startMs >= opts.sampleEveryMs) closeSample(cp, elapsed(), segment.index);
      save();
    }
  } finally {
    if (timer) clearTimeout(timer);
    o.signal?.removeEventListener('abort', passOn);
  }
  // Close the open window so even a short segment leaves a sample.
  if (cp.window.ops > 0 || cp.samples.length === 0) closeSample(cp, elapsed(), segment.index);
  save();
  o.onProgress?.(Math.min(elapsed(), opts.durationMs), opts.durationMs, cp.status);
  return { status: cp.status, report: soakReport(cp, o.version, new Date()), checkpoint: cp };
}
