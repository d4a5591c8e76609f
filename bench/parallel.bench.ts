/**
 * Parallel agents: runner throughput with the mock agent (1 vs 3 vs 5
 * agents), recovery from a dead worker, and claim throughput of the queue
 * library with 10 processes (next to the naive check-then-create claim).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fmt, runProcess, type BenchContext, type BenchSection } from './harness.js';
import { addItem, queueCounts } from '../src/queue/queue.js';
import { readEvents } from '../src/core/events.js';
import type { ParallelSummary } from '../src/parallel/runner.js';

const WORKER = join(import.meta.dirname ?? '.', '..', '__tests__', 'workers', 'queue-worker.ts');

function addItems(repo: string, n: number, prefix = 'item'): void {
  for (let i = 1; i <= n; i++) addItem({ cwd: repo, id: `${prefix}-${String(i).padStart(4, '0')}` });
}

async function runnerThroughput(ctx: BenchContext): Promise<BenchSection> {
  const items = ctx.quick ? 12 : 30;
  const sleepS = ctx.quick ? 1 : 2;
  const agents = [1, 3, 5];
  const rows: (string | number)[][] = [];
  const perMin = new Map<number, number>();
  for (const n of agents) {
    const repo = ctx.repo();
    addItems(repo, items);
    ctx.log(`parallel: ${items} items × ${sleepS} s with ${n} agent(s)`);
    const r = await runProcess([...ctx.cli, 'parallel', '--agents', String(n), '--json', '--', ...ctx.cli, 'mock-agent', '--sleep', String(sleepS)], { cwd: repo });
    if (r.code !== 0) throw new Error(`lockstep parallel exited ${r.code}: ${r.stderr.slice(-500)}`);
    const s = JSON.parse(r.stdout) as ParallelSummary;
    if (s.done !== items) throw new Error(`only ${s.done} of ${items} items done`);
    perMin.set(n, s.throughputPerMin);
    const busy = s.items.filter((i) => i.outcome === 'done').reduce((a, i) => a + i.ms, 0) / s.done;
    rows.push([n, fmt(s.ms / 1000, 1), fmt(s.throughputPerMin, 1), fmt(busy / 1000, 2), '']);
  }
  const base = perMin.get(1)!;
  for (const row of rows) row[4] = `${fmt(perMin.get(row[0] as number)! / base)}×`;
  const r3 = perMin.get(3)! / base;
  const r5 = perMin.get(5)! / base;
  return {
    title: `Parallel runner: ${items} items × ${sleepS} s mock agent, 1 vs 3 vs 5 agents`,
    notes: [
      'Each item: claim, reset the agent worktree to the base (under the repository lock), run `lockstep mock-agent`, commit through `lockstep commit`, merge through the merge queue, mark done. Wall time from the first worker start to the last exit.',
      '"per item" is the time one item spends in a worker (the sleep plus lockstep\'s own work around it).',
    ],
    columns: ['agents', 'wall (s)', 'items/min', 'per item (s)', 'throughput vs 1 agent'],
    rows,
    goals: [
      { text: '3 agents ≥ 2.8× the throughput of 1 agent', measured: `${fmt(r3)}×`, met: r3 >= 2.8 },
      { text: '5 agents ≥ 4.5× the throughput of 1 agent', measured: `${fmt(r5)}×`, met: r5 >= 4.5 },
    ],
  };
}

async function recovery(ctx: BenchContext): Promise<BenchSection> {
  const repo = ctx.repo();
  addItems(repo, 6, 'r');
  ctx.log('parallel: killing a worker mid-item (default 10 s lease)');
  const child = spawn(ctx.cli[0]!, [...ctx.cli.slice(1), 'parallel', '--agents', '2', '--json', '--', ...ctx.cli, 'mock-agent', '--sleep', '3'], { cwd: repo, stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  const exited = new Promise<void>((r) => child.once('close', () => r()));
  const agentsDir = join(repo, '.git', 'lockstep', 'agents');
  let victim: { pid: number; agent: string; item: string } | null = null;
  while (!victim) {
    await sleep(100);
    try {
      for (const n of ['agent-1.json', 'agent-2.json']) {
        const a = JSON.parse(readFileSync(join(agentsDir, n), 'utf8'));
        if (a.state === 'running' && a.item) victim = a;
      }
    } catch {
      /* not there yet */
    }
  }
  await sleep(500);
  const killedAt = Date.now();
  process.kill(victim.pid, 'SIGKILL');
  await exited;
  const s = JSON.parse(out) as ParallelSummary;
  const ev = readEvents(join(repo, '.git', 'lockstep'));
  const t = (e: { ts: string } | undefined) => (e ? Date.parse(e.ts) - killedAt : NaN);
  const died = t(ev.find((e) => e.type === 'parallel_worker_died' && e.agent === victim!.agent));
  const replaced = t(ev.find((e) => e.type === 'parallel_worker_start' && e.replacing === victim!.agent));
  const reclaimed = t(ev.find((e) => e.type === 'queue_reclaim' && e.item === victim!.item));
  const counts = queueCounts({ cwd: repo });
  return {
    title: 'Parallel runner: recovery from a dead worker',
    notes: [
      `2 agents, 6 items × 3 s, default lease (10 s); one worker SIGKILLed in the middle of item ${victim.item}. Times from the kill, read from events.jsonl. Afterwards: ${counts.done} of 6 done, ${s.workersDied} worker died, ${s.workersStarted} started.`,
    ],
    columns: ['step', 'after the kill (s)', 'goal (s)'],
    rows: [
      ['dead worker detected', fmt(died / 1000, 2), 10],
      ['replacement started', fmt(replaced / 1000, 2), 1],
      ['its item reclaimed', fmt(reclaimed / 1000, 2), 15],
    ],
    goals: [
      { text: 'dead worker detected within 10 s', measured: `${fmt(died / 1000, 2)} s`, met: died <= 10_000 },
      { text: 'replaced within 1 s', measured: `${fmt(replaced / 1000, 2)} s`, met: replaced <= 1000 },
      { text: 'item reclaimed within 15 s', measured: `${fmt(reclaimed / 1000, 2)} s`, met: reclaimed <= 15_000 && counts.done === 6 },
    ],
  };
}

interface Round {
  n: number;
  t0: number;
  t1: number;
  cpuMs?: number;
  lost?: number;
}

function lineOf(child: ChildProcess, prefix: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d) => {
      buf += d;
      for (const l of buf.split('\n')) if (l.startsWith(prefix)) resolve(l);
    });
    child.once('close', (code) => reject(new Error(`worker exited ${code} before "${prefix}"`)));
  });
}

/** 10 worker processes (tsx) race through `items`; returns the claims per second and duplicates. */
async function claimRound(ctx: BenchContext, items: number, claimOnly: boolean): Promise<{ perSec: number; dupes: number; cpuMsPerClaim: number; lostPerClaim: number; naivePerSec: number; naiveDupes: number }> {
  const repo = ctx.repo();
  addItems(repo, items);
  const dir = ctx.tmp();
  const naive = join(dir, 'naive');
  mkdirSync(join(naive, 'pending'), { recursive: true });
  mkdirSync(join(naive, 'claimed'));
  for (let i = 1; i <= items; i++) writeFileSync(join(naive, 'pending', `item-${i}`), '');
  const go = join(dir, 'go');
  const ngo = join(dir, 'ngo');
  const kids = Array.from({ length: 10 }, (_, i) =>
    spawn(process.execPath, ['--import', 'tsx', WORKER, 'claim-all', repo, `a${i}`, join(dir, 'out'), go, naive, join(dir, 'nout'), ngo], {
      env: { ...process.env, NODE_OPTIONS: '', CLAIM_ONLY: claimOnly ? '1' : '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  await Promise.all(kids.map((k) => lineOf(k, 'ready')));
  const rounds = kids.map((k) => lineOf(k, 'claimed '));
  writeFileSync(go, '');
  const res = (await Promise.all(rounds)).map((l) => JSON.parse(l.slice('claimed '.length)) as Round);
  const nrounds = kids.map((k) => lineOf(k, 'naive '));
  writeFileSync(ngo, '');
  const nres = (await Promise.all(nrounds)).map((l) => JSON.parse(l.slice('naive '.length)) as Round);
  await Promise.all(kids.map((k) => new Promise((r) => (k.exitCode !== null ? r(null) : k.once('close', r)))));
  const span = (rs: Round[]) => Math.max(...rs.map((r) => r.t1)) - Math.min(...rs.map((r) => r.t0));
  const total = res.reduce((a, r) => a + r.n, 0);
  const ntotal = nres.reduce((a, r) => a + r.n, 0);
  const ids = readFileSync(join(dir, 'out'), 'utf8').split('\n').filter(Boolean);
  const cpu = res.reduce((a, r) => a + (r.cpuMs ?? 0), 0);
  const lost = res.reduce((a, r) => a + (r.lost ?? 0), 0);
  return { perSec: (total * 1000) / span(res), dupes: ids.length - new Set(ids).size, cpuMsPerClaim: cpu / total, lostPerClaim: lost / total, naivePerSec: (ntotal * 1000) / span(nres), naiveDupes: ntotal - items };
}

async function claimThroughput(ctx: BenchContext): Promise<BenchSection> {
  const items = ctx.quick ? 1000 : 2000;
  ctx.log(`queue: 10 processes claiming ${items} items`);
  const only = await claimRound(ctx, items, true);
  const withDone = await claimRound(ctx, items, false);
  return {
    title: `Queue: claim throughput, 10 processes, ${items} items`,
    notes: [
      'Ten processes (started first, then released together) claim through the library until the queue is empty. Claims/s = items / (last finish − first start). CPU per claim is the CPU time of all ten claim loops divided by the items: unlike claims/s it does not depend on what else the machine is running. The naive row is the obvious check-then-create scheme on a plain directory (is claimed/<item> there? if not, write it), run by the same processes: fast, and wrong.',
    ],
    columns: ['scheme', 'claims/s', 'CPU per claim (ms, all processes)', 'races lost per claim', 'items claimed twice'],
    rows: [
      ['lockstep claim (link)', fmt(only.perSec, 0), fmt(only.cpuMsPerClaim, 2), fmt(only.lostPerClaim, 1), only.dupes],
      ['lockstep claim + done', fmt(withDone.perSec, 0), fmt(withDone.cpuMsPerClaim, 2), fmt(withDone.lostPerClaim, 1), withDone.dupes],
      ['naive check-then-create', fmt(only.naivePerSec, 0), '—', '—', only.naiveDupes],
    ],
    goals: [{ text: '≥ 2,000 claims/s with 10 processes, none claimed twice', measured: `${fmt(only.perSec, 0)} claims/s, ${only.dupes} twice`, met: only.perSec >= 2000 && only.dupes === 0 && withDone.dupes === 0 }],
  };
}

export default async function (ctx: BenchContext): Promise<BenchSection[]> {
  return [await claimThroughput(ctx), await runnerThroughput(ctx), await recovery(ctx)];
}
