/**
 * Latency and throughput numbers for the reports: fixed histogram buckets (so
 * histograms from soak segments add up), a bounded sample of raw latencies,
 * and percentiles.
 */

/** Upper bounds of the latency buckets, in ms; the last bucket is "above the last bound". */
export const BUCKET_BOUNDS_MS = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

/** Raw samples kept per operation (the rest go only into the histogram). */
export const MAX_SAMPLES = 1000;

export interface LatencySummary {
  min: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export interface Histogram {
  /** Bucket upper bounds in ms; counts has one more entry (the overflow bucket). */
  boundsMs: number[];
  counts: number[];
}

export interface OperationStats {
  /** Operations that finished (ok + failed). */
  count: number;
  ok: number;
  failed: number;
  latencyMs: LatencySummary;
  histogram: Histogram;
  /** Up to MAX_SAMPLES raw latencies (all of them when there are fewer). */
  samplesMs: number[];
  /** Sum of all latencies (for means across merges). */
  totalMs: number;
}

export function emptyHistogram(): Histogram {
  return { boundsMs: [...BUCKET_BOUNDS_MS], counts: new Array(BUCKET_BOUNDS_MS.length + 1).fill(0) };
}

export function bucketOf(ms: number): number {
  const i = BUCKET_BOUNDS_MS.findIndex((b) => ms <= b);
  return i < 0 ? BUCKET_BOUNDS_MS.length : i;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export function summarize(samples: number[]): LatencySummary {
  const s = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  if (s.length === 0) return { min: 0, p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };
  return {
    min: round(s[0]!),
    p50: round(percentile(s, 0.5)),
    p90: round(percentile(s, 0.9)),
    p99: round(percentile(s, 0.99)),
    max: round(s[s.length - 1]!),
    mean: round(s.reduce((a, b) => a + b, 0) / s.length),
  };
}

/** Evenly thinned copy of `samples` of at most `max` entries (deterministic, keeps the shape). */
export function thin(samples: number[], max = MAX_SAMPLES): number[] {
  if (samples.length <= max) return [...samples];
  const out: number[] = [];
  const step = samples.length / max;
  for (let k = 0; k < max; k++) out.push(samples[Math.floor(k * step)]!);
  return out;
}

export function operationStats(latencies: number[], failed: number): OperationStats {
  const histogram = emptyHistogram();
  for (const ms of latencies) histogram.counts[bucketOf(ms)]!++;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: latencies.length + failed,
    ok: latencies.length,
    failed,
    latencyMs: summarize(sorted),
    histogram,
    samplesMs: thin(latencies).map((x) => Math.round(x * 1000) / 1000),
    totalMs: latencies.reduce((a, b) => a + b, 0),
  };
}

/**
 * Adds `b` into `a` (soak segments, rounds). Percentiles are recomputed from
 * the kept samples — exact while under MAX_SAMPLES, an estimate after.
 */
export function mergeOperationStats(a: OperationStats | undefined, b: OperationStats): OperationStats {
  if (!a) return structuredClone(b);
  const counts = a.histogram.counts.map((c, i) => c + (b.histogram.counts[i] ?? 0));
  const samples = thin([...a.samplesMs, ...b.samplesMs]);
  const latencyMs = summarize(samples);
  latencyMs.min = Math.min(a.latencyMs.min, b.latencyMs.min);
  latencyMs.max = Math.max(a.latencyMs.max, b.latencyMs.max);
  const ok = a.ok + b.ok;
  latencyMs.mean = ok ? Math.round(((a.totalMs + b.totalMs) / ok) * 1000) / 1000 : 0;
  return { count: a.count + b.count, ok, failed: a.failed + b.failed, latencyMs, histogram: { boundsMs: a.histogram.boundsMs, counts }, samplesMs: samples, totalMs: a.totalMs + b.totalMs };
}

export interface ThroughputSeries {
  /** Width of one bucket in ms. */
  bucketMs: number;
  /** Operations completed in each bucket, from the start of the run. */
  series: number[];
}

/** Completed operations per bucket of `bucketMs`, counted from `startMs`. */
export function throughput(endTimes: number[], startMs: number, endMs: number, bucketMs = 1000): ThroughputSeries {
  const n = Math.max(1, Math.ceil((endMs - startMs) / bucketMs));
  const series = new Array(n).fill(0);
  for (const t of endTimes) {
    const k = Math.min(n - 1, Math.max(0, Math.floor((t - startMs) / bucketMs)));
    series[k]++;
  }
  return { bucketMs, series };
}
