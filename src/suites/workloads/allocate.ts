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
import { allocateRemote } from '../../remote/alloc.js';
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
  remoteSummary: {
    protected: 'lockstep allocate --backend remote: the number is a ref created on the server, then the directory in this clone',
    control: 'lockstep allocate with each clone’s own file lock, blind to the other clones',
  },
  defaults: { procs: 8, iterations: 25 },
  maxDelayMs: 2,
  opsPerWorker: (_p, iterations) => iterations,
  totalOps: (procs, iterations) => procs * iterations,
  describe: (procs, iterations) => `${procs} processes × ${iterations} numbered directories in one root`,

  async setup(ctx) {
    const roots = ctx.backend === 'remote' ? ctx.machines.map((m) => join(m, 'specs')) : [join(ctx.repo, 'specs')];
    for (const r of roots) mkdirSync(r, { recursive: true });
    return { roots };
  },

  async run(ctx, op) {
    const root = join(ctx.machine, 'specs');
    const name = `w${ctx.worker}_op${op.i}`;
    const a =
      ctx.backend === 'remote'
        ? ctx.mode === 'protected'
          ? await allocateRemote({ cwd: ctx.machine, root: 'specs', name, timeoutMs: 120_000 })
          : await allocate({ root, name, timeoutMs: 120_000 })
        : ctx.mode === 'protected'
          ? await allocate({ root, name, timeoutMs: 120_000 })
          : await allocateUnprotected(root, name);
    return { data: { number: a.number, topicNumber: a.topicNumber, path: a.topicPath } };
  },

  async check(ctx) {
    const acks = acknowledged(ctx.events, 'allocate').map((e) => ({ number: Number(e.data?.number), path: String(e.data?.path), who: `worker ${e.w} op ${e.i}` }));
    // On the remote a machine killed between taking its number and making the directory leaves a gap, never a duplicate.
    return checkAllocations(ctx.params.roots as string[], acks, { gapsAllowed: ctx.backend === 'remote' && ctx.kills > 0 });
  },
};

/**
 * The allocation invariants, from the directories and the acknowledgements:
 * every number used once across all `roots` (one, or one per machine), no
 * gaps from 1 to the highest (unless `gapsAllowed`), every acknowledged
 * directory still there.
 */
export function checkAllocations(roots: string[], acks: { number: number; path: string; who: string }[], opts: { gapsAllowed?: boolean } = {}): Violation[] {
  const out: Violation[] = [];
  const byNumber = new Map<number, Set<string>>();
  for (const [k, root] of roots.entries()) {
    for (const e of entries(root)) {
      if (!byNumber.has(e.number)) byNumber.set(e.number, new Set());
      byNumber.get(e.number)!.add(roots.length > 1 ? `m${k}/${e.entry}` : e.entry);
    }
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
  for (let n = 1; n <= highest && !opts.gapsAllowed; n++) {
    if (!byNumber.has(n)) out.push(violation('gap', `no entry numbered ${n} (highest is ${highest})`, { number: n, highest }));
  }
  return out;
}
