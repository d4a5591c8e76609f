/**
 * The suites' performance goals (issue: the stress, contention and soak suites):
 *  - 100 iterations × 10 processes of allocation in under 15 s (the seed's bar: 5 minutes);
 *  - the full default `lockstep suite contention` in under 60 s on this 2-core machine;
 *  - suite overhead (worker logging + checking) under 10 % of the workload's own time.
 * Everything runs through the built CLI's worker processes, as a user's run does.
 */
import type { BenchContext, BenchSection } from './harness.js';
import { runWorkload } from '../src/suites/runner.js';
import { runSuite } from '../src/suites/suite.js';
import type { RunReport } from '../src/suites/report.js';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function row(label: string, r: RunReport): (string | number)[] {
  const ops = Object.values(r.operations).reduce((n, o) => n + o.ok, 0);
  const main = Object.values(r.operations)[0];
  return [label, `${r.procs} × ${r.iterations}`, ops, r.violations.total, sec(r.wallMs), sec(r.workloadMs), main ? main.latencyMs.p50 : '—', main ? main.latencyMs.p99 : '—', `${r.logMs.toFixed(1)} ms`, `${r.checkMs.toFixed(0)} ms`, pct(r.overheadRatio)];
}

export default async function suitesBench(ctx: BenchContext): Promise<BenchSection> {
  const rows: (string | number)[][] = [];
  const iterations = ctx.quick ? 20 : 100;
  ctx.log(`allocation stress: 10 processes × ${iterations}`);
  const stress = await runWorkload({ workload: 'allocate', mode: 'protected', procs: 10, iterations, seed: 1, cli: ctx.cli, keep: 'never' });
  rows.push(row('allocate stress (protected)', stress));

  ctx.log('suite contention with its defaults');
  const contention = await runSuite({ suite: 'contention', seed: 1, cli: ctx.cli, version: 'bench', keep: 'never', ...(ctx.quick ? { procs: 3, iterations: 4 } : {}) });
  for (const r of contention.runs) rows.push(row(`contention: ${r.suite} / ${r.mode}`, r));

  const protectedRuns = [stress, ...contention.runs.filter((r) => r.mode === 'protected')];
  const worstOverhead = Math.max(...protectedRuns.map((r) => r.overheadRatio));
  const totalOverhead = protectedRuns.reduce((a, r) => a + r.logMs + r.checkMs, 0) / protectedRuns.reduce((a, r) => a + r.workloadMs, 0);
  return {
    title: 'Suites: stress, contention demo, overhead',
    notes: [
      'Real worker processes (`lockstep _suite-worker`) on a scratch repository per run. Wall = the whole run (repository, setup, workers, checks); workload = from the start signal to the last worker’s exit.',
      'Overhead = (mean time one worker spent writing its JSONL log + time of the invariant checks) / workload time.',
      `Control runs are expected to find violations (that is their point); the contention demo passed: ${contention.ok ? 'yes' : '**no**'}.`,
    ],
    columns: ['run', 'procs × iterations', 'ops', 'violations', 'wall', 'workload', 'p50 ms', 'p99 ms', 'log / worker', 'check', 'overhead'],
    rows,
    goals: [
      { text: `10 processes × ${iterations} allocations in < 15 s, 0 collisions`, met: stress.wallMs < 15_000 && stress.violations.total === 0, measured: `${sec(stress.wallMs)}, ${stress.violations.total} violations` },
      { text: 'default `suite contention` in < 60 s (protected clean, every control run finds violations)', met: contention.wallMs < 60_000 && contention.ok, measured: `${sec(contention.wallMs)}${ctx.quick ? ' (quick: 3 × 4)' : ''}` },
      { text: 'suite overhead (logging + checking) < 10 % of the workload time', met: totalOverhead < 0.1, measured: `${pct(totalOverhead)} overall, worst run ${pct(worstOverhead)}` },
    ],
  };
}
