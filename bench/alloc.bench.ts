/**
 * Numbered allocation: the library under 10-way contention against the
 * alternatives a user would reach for (proper-lockfile, bash + flock(1)), all
 * doing the same thing — scan the root for the highest NNN_ prefix and mkdir
 * the next one under the lock — and then the CLI: per-call cost against bare
 * node start-up, and 1,000 allocations from 10 concurrent shell loops.
 * Collisions are counted by `verifyAllocations` (numbers used twice).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { allocate } from '../src/alloc/allocate.js';
import { allocationLockFor } from '../src/alloc/lock-target.js';
import { formatNumber, highestNumber } from '../src/alloc/scan.js';
import { verifyAllocations } from '../src/alloc/verify.js';
import { appendEvent } from '../src/core/events.js';
import { acquireLock, releaseLock } from '../src/core/lock.js';
import { CLI, fmt, ratio, ROOT, stats, type BenchContext, type BenchSection } from './harness.js';

interface Contended {
  label: string;
  allocations: number;
  ms: number;
  perSecond: number;
  collisions: number;
}

function spawnCollect(argv: string[], onReady?: () => void, env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { env: { ...env, NODE_OPTIONS: '' } });
    let stdout = '';
    let stderr = '';
    let ready = false;
    child.stdout.on('data', (d) => {
      stdout += d;
      if (!ready && stdout.startsWith('ready\n')) {
        ready = true;
        onReady?.();
      }
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      if (!ready) onReady?.();
      resolve({ code: code ?? 1, stdout: stdout.replace(/^ready\n/, ''), stderr });
    });
  });
}

function collisions(root: string): number {
  return verifyAllocations({ root }).duplicates.reduce((n, d) => n + d.entries.length - 1, 0);
}

/** `procs` processes × `n` allocations, started together by a go file; measured from the first start to the last end. */
async function contend(ctx: BenchContext, kind: 'lib' | 'lock-scan' | 'proper-lockfile' | 'flock', procs: number, n: number): Promise<Contended> {
  const repo = ctx.repo();
  const root = join(repo, 'specs');
  const go = join(repo, 'go');
  let readyCount = 0;
  let allReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (allReady = r));
  const onReady = () => {
    if (++readyCount === procs) allReady();
  };
  let runs: Promise<{ code: number; stdout: string; stderr: string }>[];
  if (kind === 'flock') {
    // What the seed's shell function does, fixed: flock held through the scan and the mkdir.
    const script = `
      mkdir -p "$1"; exec 9>"$1/.topic_number.lock"
      echo ready
      while [ ! -e "$2" ]; do sleep 0.002; done
      start=$(date +%s%N)
      i=0
      while [ $i -lt $3 ]; do
        flock 9
        max=$(ls -1 "$1" | sed -n 's/^\\([0-9][0-9]*\\)_.*/\\1/p' | sort -n | tail -1)
        next=$(printf '%03d' $((10#\${max:-0} + 1)))
        mkdir "$1/\${next}_w$4_$i"
        flock -u 9
        i=$((i + 1))
      done
      end=$(date +%s%N)
      printf '{"jobs":[{"startedAt":%s,"endedAt":%s}]}\\n' $((start / 1000)) $((end / 1000))`;
    runs = Array.from({ length: procs }, (_, w) => spawnCollect(['bash', '-c', script, 'flock-alloc', root, go, String(n), String(w)], onReady));
  } else {
    runs = Array.from({ length: procs }, (_, w) =>
      spawnCollect([process.execPath, '--import', 'tsx', join(ROOT, '__tests__', 'workers', 'alloc-worker.ts'), JSON.stringify({ go, jobs: [{ mode: kind, root, n, tag: `w${w}` }] })], onReady),
    );
  }
  await ready;
  writeFileSync(go, '');
  const results = await Promise.all(runs);
  for (const r of results) if (r.code !== 0) throw new Error(`${kind} allocation worker failed: ${r.stderr}`);
  const jobs = results.map((r) => (JSON.parse(r.stdout) as { jobs: { startedAt: number; endedAt: number }[] }).jobs[0]!);
  // flock reports microseconds, the node workers milliseconds.
  const scale = kind === 'flock' ? 1000 : 1;
  const ms = (Math.max(...jobs.map((j) => j.endedAt)) - Math.min(...jobs.map((j) => j.startedAt))) / scale;
  const label = { lib: 'lockstep allocate() (library)', 'lock-scan': 'lockstep lock + full scan each time', flock: 'bash + flock(1)', 'proper-lockfile': 'proper-lockfile' }[kind];
  return { label, allocations: procs * n, ms, perSecond: (procs * n) / (ms / 1000), collisions: collisions(root) };
}

interface MedianRound extends Contended {
  /** The slowest and the fastest round's throughput. */
  min: number;
  max: number;
}

/** A method's median round by throughput (the lower middle one for an even count), its range, and the collisions of all rounds. */
function medianRound(runs: Contended[]): MedianRound {
  const sorted = [...runs].sort((a, b) => a.perSecond - b.perSecond);
  const mid = sorted[Math.ceil(sorted.length / 2) - 1]!;
  return { ...mid, min: sorted[0]!.perSecond, max: sorted[sorted.length - 1]!.perSecond, collisions: runs.reduce((n, r) => n + r.collisions, 0) };
}

function timeOnce(argv: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(argv[0]!, argv.slice(1), { stdio: 'ignore', env });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}`);
  return ms;
}

/**
 * One process, allocations into a root that already holds `prefill` entries:
 * the library against the same steps with the remembered highest number left
 * out (stat + realpath, the same lock, a full scan, mkdir, release, the event
 * line), interleaved one by one so both see the same machine load.
 */
async function uncontended(ctx: BenchContext, prefill: number, n: number): Promise<{ lib: number[]; scan: number[] }> {
  const roots = [join(ctx.repo(), 'specs'), join(ctx.repo(), 'specs')];
  for (const r of roots) {
    mkdirSync(r);
    for (let i = 1; i <= prefill; i++) mkdirSync(join(r, `${formatNumber(i, 3)}_prefill`));
  }
  const [libRoot, scanRoot] = roots as [string, string];
  await allocate({ root: libRoot, name: 'warm_up' });
  const lib: number[] = [];
  const scan: number[] = [];
  for (let i = 0; i < n; i++) {
    let t = performance.now();
    await allocate({ root: libRoot, name: `n${i}` });
    lib.push(performance.now() - t);
    t = performance.now();
    statSync(scanRoot);
    const real = realpathSync.native(scanRoot);
    const target = allocationLockFor(real);
    const h = await acquireLock({ runtime: target.runtime, name: target.name });
    let number = 0;
    try {
      number = highestNumber(real) + 1;
      mkdirSync(join(real, `${formatNumber(number, 3)}_n${i}`));
    } finally {
      releaseLock(h);
    }
    appendEvent(target.runtime.root, 'allocate', { root: real, number });
    scan.push(performance.now() - t);
  }
  return { lib, scan };
}

export default async function allocBench(ctx: BenchContext): Promise<BenchSection[]> {
  const procs = 10;
  const n = ctx.quick ? 30 : 100;
  ctx.log('allocation: one process');
  const prefill = 1000;
  const seq = ctx.quick ? 200 : 1000;
  const u = await uncontended(ctx, prefill, seq);
  const ul = stats(u.lib);
  const us = stats(u.scan);
  // Several rounds, each running every method once in a rotated order, so
  // that a slow spell of this noisy 2-core machine falls on every method
  // alike; each row is a method's median round.
  const kinds = ['lib', 'lock-scan', 'proper-lockfile', 'flock'] as const;
  const rounds = ctx.quick ? 1 : 5;
  const byKind = new Map<(typeof kinds)[number], Contended[]>(kinds.map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[(i + r) % kinds.length]!;
      ctx.log(`allocation contention, round ${r + 1}/${rounds}: ${kind}`);
      byKind.get(kind)!.push(await contend(ctx, kind, procs, n));
    }
  }
  const contended = kinds.map((k) => medianRound(byKind.get(k)!));
  const [lib, , pl, fl] = contended as [MedianRound, MedianRound, MedianRound, MedianRound];
  /** The method's throughput over the baseline's, round by round: the spread behind a ratio of medians. */
  const pairedRange = (a: Contended[], b: Contended[]): string => {
    const rs = a.map((x, i) => x.perSecond / b[i]!.perSecond);
    return rounds > 1 ? ` (rounds ${fmt(Math.min(...rs))}–${fmt(Math.max(...rs))}×)` : '';
  };

  // The CLI in each environment: as this machine sets it and, when that
  // includes NODE_EXTRA_CA_CERTS, without it too (see the notes).
  // The bin runs `node` from PATH: this node.
  const base: NodeJS.ProcessEnv = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` };
  const environments: { label: string; env: NodeJS.ProcessEnv }[] = [{ label: '', env: base }];
  if (process.env.NODE_EXTRA_CA_CERTS) {
    const clean = { ...base };
    delete clean.NODE_EXTRA_CA_CERTS;
    environments[0]!.label = ' (NODE_EXTRA_CA_CERTS set, as on this machine)';
    environments.push({ label: ' (without NODE_EXTRA_CA_CERTS)', env: clean });
  }
  const runs = ctx.quick ? 15 : 40;
  const loops = 10;
  const perLoop = ctx.quick ? 20 : 100;
  const total = loops * perLoop;
  const cliRows: (string | number)[][] = [];
  const cliGoals: BenchSection['goals'] = [];
  for (const { label, env } of environments) {
    // Per call, interleaved with `node -e 0` (and the CLI without its code cache) so all see the same load.
    ctx.log(`allocation: CLI per call${label}`);
    const cliRoot = join(ctx.repo(), 'specs');
    const noCache = { ...env, NODE_DISABLE_COMPILE_CACHE: '1' };
    const nodeT: number[] = [];
    const cliT: number[] = [];
    const coldT: number[] = [];
    const fileT: number[] = [];
    timeOnce([process.execPath, '-e', '0'], env);
    timeOnce([CLI, 'allocate', cliRoot, 'warm up'], env);
    for (let i = 0; i < runs; i++) {
      nodeT.push(timeOnce([process.execPath, '-e', '0'], env));
      // The bin as a shell runs it: dist/cli/index.js executed, through its first lines.
      cliT.push(timeOnce([CLI, 'allocate', cliRoot, `call ${i}`], env));
      coldT.push(timeOnce([CLI, 'allocate', cliRoot, `uncached call ${i}`], noCache));
      // node started on the same file, as the hooks and the suites start it.
      fileT.push(timeOnce([...ctx.cli, 'allocate', cliRoot, `node call ${i}`], env));
    }
    const sn = stats(nodeT);
    const sc = stats(cliT);
    const so = stats(coldT);
    const sf = stats(fileT);

    // 1,000 CLI allocations from 10 concurrent shell loops.
    ctx.log(`allocation: CLI from ${loops} shell loops${label}`);
    const loopRoot = join(ctx.repo(), 'specs');
    const loop = 'i=0; while [ $i -lt "$3" ]; do "$1" allocate "$2" "loop $4 item $i" >/dev/null || exit 1; i=$((i + 1)); done';
    const t0 = performance.now();
    const loopRuns = await Promise.all(Array.from({ length: loops }, (_, w) => spawnCollect(['bash', '-c', loop, 'loop', CLI, loopRoot, String(perLoop), String(w)], undefined, env)));
    const loopMs = performance.now() - t0;
    for (const r of loopRuns) if (r.code !== 0) throw new Error(`CLI allocation loop failed: ${r.stderr}`);
    // The floor under any node CLI: the same loops starting `node -e 0` instead.
    ctx.log(`allocation: node -e 0 from ${loops} shell loops${label}`);
    const floorLoop = 'i=0; while [ $i -lt "$2" ]; do "$1" -e 0 || exit 1; i=$((i + 1)); done';
    const f0 = performance.now();
    const floorRuns = await Promise.all(Array.from({ length: loops }, () => spawnCollect(['bash', '-c', floorLoop, 'floor', process.execPath, String(perLoop)], undefined, env)));
    const floorMs = performance.now() - f0;
    for (const r of floorRuns) if (r.code !== 0) throw new Error(`node -e 0 loop failed: ${r.stderr}`);
    const loopV = verifyAllocations({ root: loopRoot });
    const loopCollisions = collisions(loopRoot);

    cliRows.push(
      [`node -e 0${label}`, fmt(sn.median, 1), fmt(sn.p99, 1), '', '', '1.00×'],
      [`lockstep allocate, one call${label}`, fmt(sc.median, 1), fmt(sc.p99, 1), '', '', ratio(sc.median, sn.median)],
      [`the same without the code cache${label}`, fmt(so.median, 1), fmt(so.p99, 1), '', '', ratio(so.median, sn.median)],
      [`node dist/cli/index.js allocate (node started on the file)${label}`, fmt(sf.median, 1), fmt(sf.p99, 1), '', '', ratio(sf.median, sn.median)],
      [`${total} allocations, ${loops} shell loops${label}`, '', '', fmt(loopMs / 1000, 1), loopCollisions, `${fmt(total / (loopMs / 1000), 0)}/s`],
      [`${total} × node -e 0, the same ${loops} shell loops (the floor)${label}`, '', '', fmt(floorMs / 1000, 1), '', `${ratio(loopMs, floorMs)} of the floor`],
    );
    cliGoals.push(
      { text: `CLI median per call ≤ 1.3× node -e 0${label}`, measured: ratio(sc.median, sn.median), met: sc.median <= 1.3 * sn.median },
      { text: `${total} CLI allocations from ${loops} shell loops${total === 1000 ? ' < 40 s' : ` < ${(40 * total) / 1000} s (scaled)`}${label}`, measured: `${fmt(loopMs / 1000, 1)} s`, met: loopMs < (40_000 * total) / 1000 },
      { text: `0 collisions (CLI), verify clean${label}`, measured: `${loopCollisions}, verify ${loopV.ok ? 'ok' : 'FAILED'}`, met: loopCollisions === 0 && loopV.ok },
    );
  }

  return [
    {
      title: `Allocation: one process, ${seq} allocations into a root of ${prefill}+ entries`,
      notes: [
        'The library remembers the highest number while the root directory is unchanged (see docs/allocate.md). The comparison row does the same steps (stat + realpath, the same lock, mkdir, release, the event line) but re-reads the root every time. The two alternate call by call, so both see the same load.',
      ],
      columns: ['method', 'median (µs)', 'p99 (µs)', 'ratio (median)'],
      rows: [
        ['lockstep allocate() (library)', fmt(ul.median * 1000, 0), fmt(ul.p99 * 1000, 0), ratio(ul.median, us.median)],
        ['same steps, full scan each time', fmt(us.median * 1000, 0), fmt(us.p99 * 1000, 0), '1.00×'],
      ],
    },
    {
      title: `Allocation: ${procs} processes × ${n} allocations into one root`,
      notes: [
        'Each allocation scans the root for the highest NNN_ prefix and creates the next directory while holding the lock. The node processes are started first and released together by a go file; the time runs from the first start to the last end. Collisions = numbers handed out twice (`allocate --verify`).',
        `Rounds: ${rounds}. A round runs every method once, each into a fresh root, in an order rotated by one each round, so that a slow spell of this noisy 2-core machine falls on every method alike. Each row is the method's median round (time and throughput from the same round) with the range of its rounds; the ratios are ratios of those medians, and the goals also give the range of the same ratio round by round.`,
        'The library remembers the highest number while the root directory is unchanged, and its lock holder makes the entries of the allocations queued behind it before releasing (docs/allocate.md); "lockstep lock + full scan" is the same lock, taken by each allocation in turn and re-reading the root every time, to show what that buys. proper-lockfile: `lock()` with retries tuned for speed (1–10 ms, factor 1.2). bash + flock(1): the seed\'s shell approach with the lock held through mkdir (`ls | sed | sort -n | tail -1`, `printf`, `mkdir`).',
      ],
      columns: ['method', 'allocations per round', 'time (ms)', 'allocations/s', `range over ${rounds} rounds (/s)`, 'collisions (all rounds)', 'vs proper-lockfile', 'vs bash + flock'],
      rows: contended.map((c) => [c.label, c.allocations, fmt(c.ms, 0), fmt(c.perSecond, 0), `${fmt(c.min, 0)}–${fmt(c.max, 0)}`, c.collisions, ratio(c.perSecond, pl.perSecond), ratio(c.perSecond, fl.perSecond)]),
      goals: [
        { text: 'library throughput ≥ 2.5× proper-lockfile', measured: ratio(lib.perSecond, pl.perSecond) + pairedRange(byKind.get('lib')!, byKind.get('proper-lockfile')!), met: lib.perSecond >= 2.5 * pl.perSecond },
        { text: 'library throughput ≥ 15× bash + flock(1)', measured: ratio(lib.perSecond, fl.perSecond) + pairedRange(byKind.get('lib')!, byKind.get('flock')!), met: lib.perSecond >= 15 * fl.perSecond },
        { text: '0 collisions (library, all rounds)', measured: String(lib.collisions), met: lib.collisions === 0 },
      ],
    },
    {
      title: 'Allocation: the CLI',
      notes: [
        `Per call: \`lockstep allocate ROOT NAME\` in a git checkout, ${runs} sequential calls interleaved with \`node -e 0\` (same load for both). Shell loops: ${loops} concurrent \`while\` loops of ${perLoop} CLI calls each into one root; the floor row runs the same loops with \`node -e 0\`, which no node CLI can beat: where it exceeds the goal, the goal is out of reach for any node program on this machine.`,
        'Every `lockstep` row runs the bin as a shell does: `dist/cli/index.js` executed, whose first lines are a sh script that starts node on the same file (the `bin` of package.json; through node_modules/.bin it is the same file). The "node started on the file" row runs `node dist/cli/index.js`, as the hooks and the suites do, which skips those lines.',
        'The CLI (`dist/cli/index.js`) runs `allocate` from a bundle of its own (`dist/cli/allocate.js`, a quarter of the whole CLI\'s) through V8\'s code cache, filled by a first call; the "without the code cache" row is the same call with `NODE_DISABLE_COMPILE_CACHE=1`.',
        ...(environments.length > 1
          ? ['This machine sets NODE_EXTRA_CA_CERTS (a TLS-intercepting proxy\'s certificate bundle), and node parses that bundle at every start-up, before any JavaScript runs: about 50 ms of CPU per process. The CLI opens no TLS connection, so the bin starts node without the variable and puts it back for the processes the CLI starts; `node -e 0` and node started on the file pay for it. A laptop without it starts node in about a third of the time, so every CLI row is measured both ways.']
          : []),
      ],
      columns: ['measurement', 'median (ms)', 'p99 (ms)', 'total (s)', 'collisions', 'ratio'],
      rows: cliRows,
      goals: cliGoals,
    },
  ];
}
