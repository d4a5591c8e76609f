/**
 * allocate — numbered directories (seed 000). Protected: lockstep's
 * `allocate()` (scan, next number and mkdir under one lock). Control: the
 * seed's broken shape — scan for the highest number without a lock, a moment
 * later `mkdir -p` the next one — which hands out numbers twice.
 */
import { mkdirSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { allocate } from '../../alloc/allocate.js';
import { acknowledged } from '../log.js';
import { violation, type Violation } from '../violations.js';
import type { Workload } from '../workload.js';

const ENTRY = /^(\d+)_(.+)$/;

function entries(root: string): { number: number; entry: string }[] {
  let names: string[] = [];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  const out: { number: number; entry: string }[] = [];
  for (const entry of names) {
    const m = ENTRY.exec(entry);
    if (m) out.push({ number: Number(m[1]), entry });
  }
  return out;
}

async function allocateUnprotected(root: string, name: string): Promise<{ topicNumber: string; topicPath: string; number: number }> {
  const next = Math.max(0, ...entries(root).map((e) => e.number)) + 1;
  // The seed's window: the number is decided, the directory comes later.
  await sleep(1);
  const entry = `${String(next).padStart(3, '0')}_${name}`;
  mkdirSync(join(root, entry), { recursive: true }); // `mkdir -p`: a taken number goes unnoticed
  return { topicNumber: String(next).padStart(3, '0'), topicPath: join(root, entry), number: next };
}

export const allocateWorkload: Workload = {
  name: 'allocate',
  op: 'allocate',
  summary: {
    protected: 'lockstep allocate: scan + next number + mkdir under one lock',
    control: 'scan for the highest number with no lock, then mkdir -p the next (the seed’s race)',
  },
  defaults: { procs: 8, iterations: 25 },
  maxDelayMs: 2,
  opsPerWorker: (_p, iterations) => iterations,
  totalOps: (procs, iterations) => procs * iterations,
  describe: (procs, iterations) => `${procs} processes × ${iterations} numbered directories in one root`,

  async setup(ctx) {
    const root = join(ctx.repo, 'specs');
    mkdirSync(root, { recursive: true });
    return { root };
  },

  async run(ctx, op) {
    const root = ctx.params.root as string;
    const name = `w${ctx.worker}_op${op.i}`;
    const a = ctx.mode === 'protected' ? await allocate({ root, name, timeoutMs: 120_000 }) : await allocateUnprotected(root, name);
    return { data: { number: a.number, topicNumber: a.topicNumber, path: a.topicPath } };
  },

  async check(ctx) {
    return checkAllocations(ctx.params.root as string, acknowledged(ctx.events, 'allocate').map((e) => ({ number: Number(e.data?.number), path: String(e.data?.path), who: `worker ${e.w} op ${e.i}` })));
  },
};

/**
 * The allocation invariants, from the directory and the acknowledgements:
 * every number used once, no gaps from 1 to the highest, every acknowledged
 * directory still there.
 */
export function checkAllocations(root: string, acks: { number: number; path: string; who: string }[]): Violation[] {
  const out: Violation[] = [];
  const byNumber = new Map<number, Set<string>>();
  for (const e of entries(root)) {
    if (!byNumber.has(e.number)) byNumber.set(e.number, new Set());
    byNumber.get(e.number)!.add(e.entry);
  }
  const ackByNumber = new Map<number, string[]>();
  for (const a of acks) {
    if (!ackByNumber.has(a.number)) ackByNumber.set(a.number, []);
    ackByNumber.get(a.number)!.push(a.who);
    if (!existsSync(a.path)) out.push(violation('lost_allocation', `${a.who} was given ${a.path}, which does not exist`, { path: a.path, number: a.number, who: a.who }));
  }
  const numbers = new Set([...byNumber.keys(), ...ackByNumber.keys()]);
  for (const n of [...numbers].sort((a, b) => a - b)) {
    const dirs = [...(byNumber.get(n) ?? [])];
    const holders = ackByNumber.get(n) ?? [];
    if (dirs.length > 1 || holders.length > 1) {
      out.push(violation('duplicate_number', `number ${n} was handed out ${Math.max(dirs.length, holders.length)} times`, { number: n, entries: dirs, acknowledgedTo: holders }));
    }
  }
  const highest = Math.max(0, ...byNumber.keys());
  for (let n = 1; n <= highest; n++) {
    if (!byNumber.has(n)) out.push(violation('gap', `no entry numbered ${n} (highest is ${highest})`, { number: n, highest }));
  }
  return out;
}
