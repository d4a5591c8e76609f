/**
 * The repository lock: uncontended cost vs bare link()+unlink(), and 10-way
 * contention (10 processes × 100 critical sections) vs proper-lockfile and
 * bash + flock(1), all in one run.
 */
import { closeSync, existsSync, linkSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { acquireLock, releaseLock } from '../src/core/lock.js';
import { openRuntime } from '../src/core/runtime.js';
import { fmt, ratio, runProcess, stats, tsWorker, type BenchContext, type BenchSection } from './harness.js';

interface Contention {
  label: string;
  throughput: number;
  medianWait: number;
  p99Wait: number;
  lost: number;
  ms: number;
}

async function contend(ctx: BenchContext, kind: 'lockstep' | 'proper-lockfile' | 'flock', procs: number, n: number, warm: number): Promise<Contention> {
  const repo = ctx.repo();
  const counter = join(repo, 'counter');
  writeFileSync(counter, '0');
  const go = join(repo, 'go');
  const outs = Array.from({ length: procs }, (_, i) => join(repo, `out-${i}.json`));
  let runs: Promise<{ code: number; stderr: string }>[];
  if (kind === 'flock') {
    // Each critical section: take the lock with flock(1), read, write + 1, release; waits timed with date +%s%N.
    const script = `
      while [ ! -e "$3" ]; do sleep 0.002; done
      exec 9>"$1.lock"
      start=$(date +%s%N); waits=""
      i=0
      while [ $i -lt $4 ]; do
        t0=$(date +%s%N); flock 9; t1=$(date +%s%N)
        v=$(cat "$1"); echo $((v + 1)) > "$1"
        flock -u 9
        waits="$waits$(( (t1 - t0) / 1000 )),"
        i=$((i + 1))
      done
      end=$(date +%s%N)
      printf '{"waits":[%s],"ms":%s,"us":true}' "\${waits%,}" "$(( (end - start) / 1000000 ))" > "$2"`;
    runs = outs.map((o) => runProcess(['bash', '-c', script, 'flock-worker', counter, o, go, String(n)]));
  } else {
    runs = outs.map((o) => runProcess(tsWorker('workers/lock-contender.ts', [kind, repo, counter, String(n), go, o, String(warm)])));
  }
  if (kind === 'flock') await new Promise((r) => setTimeout(r, 300)); // let every shell start
  else while (!outs.every((o) => existsSync(`${o}.ready`))) await new Promise((r) => setTimeout(r, 20)); // started and warmed up
  const t0 = performance.now();
  writeFileSync(go, '');
  const results = await Promise.all(runs);
  const ms = performance.now() - t0;
  for (const r of results) if (r.code !== 0) throw new Error(`${kind} worker failed: ${r.stderr}`);
  const waits: number[] = [];
  for (const o of outs) {
    const j = JSON.parse(readFileSync(o, 'utf8')) as { waits: number[]; us?: boolean };
    waits.push(...j.waits.map((w) => (j.us ? w / 1000 : w)));
  }
  const s = stats(waits);
  const final = Number(readFileSync(counter, 'utf8'));
  return { label: kind === 'flock' ? 'bash + flock(1)' : kind, throughput: (procs * n) / (ms / 1000), medianWait: s.median, p99Wait: s.p99, lost: procs * n - final, ms };
}

async function uncontended(ctx: BenchContext, rounds: number): Promise<{ lockstep: number[]; bare: number[] }> {
  const repo = ctx.repo();
  const runtime = openRuntime({ cwd: repo });
  const lockstep: number[] = [];
  const bare: number[] = [];
  const dir = ctx.tmp();
  const src = join(dir, 'src');
  for (let i = 0; i < 50; i++) releaseLock(await acquireLock({ runtime, name: 'uncontended' })); // warm-up
  for (let i = 0; i < rounds; i++) {
    let t = performance.now();
    const h = await acquireLock({ runtime, name: 'uncontended' });
    releaseLock(h);
    lockstep.push(performance.now() - t);
    // The bare primitive lockstep is built on: write a record, link it, unlink it.
    t = performance.now();
    const fd = openSync(src, 'w');
    writeSync(fd, '{"pid":1}');
    closeSync(fd);
    linkSync(src, join(dir, 'lock'));
    unlinkSync(join(dir, 'lock'));
    unlinkSync(src);
    bare.push(performance.now() - t);
  }
  return { lockstep, bare };
}

export default async function lockBench(ctx: BenchContext): Promise<BenchSection[]> {
  const rounds = ctx.quick ? 500 : 3000;
  const u = await uncontended(ctx, rounds);
  const ul = stats(u.lockstep);
  const ub = stats(u.bare);
  const procs = 10;
  const n = ctx.quick ? 30 : 100;
  const warm = ctx.quick ? 30 : 100;
  const results: Contention[] = [];
  for (const kind of ['lockstep', 'proper-lockfile', 'flock'] as const) {
    ctx.log(`contention: ${kind}`);
    results.push(await contend(ctx, kind, procs, n, warm));
  }
  const [ls, pl] = results as [Contention, Contention, Contention];
  return [
    {
      title: 'Lock: uncontended acquire + release',
      notes: [`${rounds} cycles in one process (acquire, release, events.jsonl lines included), against the bare primitive: write a record file, link() it, unlink() both.`],
      columns: ['operation', 'median (µs)', 'p99 (µs)', 'ratio to bare (median)'],
      rows: [
        ['lockstep acquire + release', fmt(ul.median * 1000, 0), fmt(ul.p99 * 1000, 0), ratio(ul.median, ub.median)],
        ['bare write + link + unlink', fmt(ub.median * 1000, 0), fmt(ub.p99 * 1000, 0), '1.00×'],
      ],
      goals: [{ text: 'uncontended acquire+release ≤ 20× bare link+unlink', measured: ratio(ul.median, ub.median), met: ul.median / ub.median <= 20 }],
    },
    {
      title: `Lock: ${procs}-way contention (${procs} processes × ${n} critical sections)`,
      notes: [
        'Each critical section reads a counter file and writes it + 1. Wait = time from asking for the lock to holding it. Lost updates = expected − final counter.',
        `Node contenders first run ${warm} unmeasured sections of the same workload on another lock, so the rows are steady state. Cold, V8 optimizes the waiting path in all ten processes at about the same section (they move in step); on 2 cores the ten compilations starve the holder for ~30 ms and every waiter waits it out. That stall, not the queue order, put cold p99 / median at 3.5–4.6 (with \`node --no-opt\`: 1.7).`,
      ],
      columns: ['lock', 'critical sections/s', 'median wait (ms)', 'p99 wait (ms)', 'p99 / median', 'lost updates', 'throughput vs proper-lockfile'],
      rows: results.map((r) => [r.label, fmt(r.throughput, 0), fmt(r.medianWait), fmt(r.p99Wait), fmt(r.p99Wait / r.medianWait, 1), r.lost, ratio(r.throughput, pl.throughput)]),
      goals: [
        { text: 'throughput ≥ 2.5× proper-lockfile', measured: ratio(ls.throughput, pl.throughput), met: ls.throughput >= 2.5 * pl.throughput },
        { text: 'p99 wait ≤ ½ proper-lockfile p99', measured: `${fmt(ls.p99Wait)} vs ${fmt(pl.p99Wait)} ms`, met: ls.p99Wait <= pl.p99Wait / 2 },
        { text: 'fair: p99 wait ≤ 3× median wait', measured: `${fmt(ls.p99Wait / ls.medianWait, 1)}×`, met: ls.p99Wait <= 3 * ls.medianWait },
        { text: '0 lost updates under lockstep', measured: String(ls.lost), met: ls.lost === 0 },
      ],
    },
  ];
}
