/**
 * claim — a work queue (seed 004): N workers take items until none is left,
 * each item: claim, work a moment, mark done. Protected: lockstep's queue
 * (hard-link claims, leases, reclaim of a dead agent's items). Control: the
 * naive read-then-write claim — look for a "pending" item file, then write
 * "claimed" into it — which hands items out twice and, when a worker dies,
 * loses its item for good.
 *
 * Remote backend: every machine lists the same items in its own clone.
 * Protected: claims are refs on the server (`--backend remote`). Control:
 * each clone's own file queue, so every item is worked on by every machine.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { acknowledged } from '../log.js';
import { readEvents } from '../../core/events.js';
import { openRuntime } from '../../core/runtime.js';
import { violation, type Violation } from '../violations.js';
import type { CheckContext, Workload, WorkerContext } from '../workload.js';
import { lockstepQueue, remoteQueue } from './claim-queue.js';

export interface ClaimQueue {
  add(ids: string[]): Promise<void>;
  /** The claimed item, or null when nothing is pending. */
  claim(agent: string): Promise<{ id: string; generation: number | null } | null>;
  done(id: string, agent: string, generation: number | null): Promise<void>;
  /** Returns items whose agent is gone to pending; how many. */
  reclaim(): Promise<number>;
  /** Items not done yet, and every item's final state. */
  states(): Promise<Map<string, string>>;
}

/** The naive queue: one file per item holding its state, read then written with no lock. */
export function naiveQueue(dir: string): ClaimQueue {
  return {
    async add(ids) {
      mkdirSync(dir, { recursive: true });
      for (const id of ids) writeFileSync(join(dir, id), 'pending\n');
    },
    async claim(agent) {
      for (const id of readdirSync(dir).sort()) {
        if (readFileSync(join(dir, id), 'utf8').startsWith('pending')) {
          await sleep(1); // between the read and the write: the window two claimers share
          writeFileSync(join(dir, id), `claimed ${agent}\n`);
          return { id, generation: null };
        }
      }
      return null;
    },
    async done(id, agent) {
      writeFileSync(join(dir, id), `done ${agent}\n`);
    },
    async reclaim() {
      return 0; // the naive queue has no notion of a dead claimer
    },
    async states() {
      const m = new Map<string, string>();
      for (const id of readdirSync(dir)) m.set(id, readFileSync(join(dir, id), 'utf8').split(' ')[0]!.trim());
      return m;
    },
  };
}

/** The queue worker (or checker) `ctx` uses; `at` is its checkout. */
function queueFor(ctx: { mode: string; backend: string }, at: string): ClaimQueue {
  if (ctx.backend === 'remote') return ctx.mode === 'protected' ? remoteQueue(at) : lockstepQueue(at);
  return ctx.mode === 'protected' ? lockstepQueue(at) : naiveQueue(join(at, '.suite-queue'));
}

/** Every item's final state; remote control: an item counts as done when any machine finished it. */
async function finalStates(ctx: CheckContext): Promise<Map<string, string>> {
  if (ctx.backend !== 'remote') return queueFor(ctx, ctx.repo).states();
  if (ctx.mode === 'protected') return queueFor(ctx, ctx.machines[0]!).states();
  const merged = new Map<string, string>();
  for (const m of ctx.machines) {
    for (const [id, state] of await queueFor(ctx, m).states()) if (merged.get(id) !== 'done') merged.set(id, state);
  }
  return merged;
}

export const itemId = (k: number) => `item-${String(k).padStart(5, '0')}`;

export const claimWorkload: Workload = {
  name: 'claim',
  op: 'claim',
  summary: {
    protected: 'lockstep queue: claim (hard link, one winner) → work → done; reclaim after a dead agent',
    control: 'read an item file, if "pending" write "claimed" (no lock) → work → done',
  },
  remoteSummary: {
    protected: 'lockstep queue --backend remote: claim (a ref created on the server, one winner) → work → done; reclaim after a dead machine’s lease',
    control: 'each clone’s own lockstep queue: claim → work → done, blind to the other clones',
  },
  defaults: { procs: 6, iterations: 10 },
  maxDelayMs: 2,
  killAtCritical: true,
  // A worker takes as many items as it gets: up to all of them.
  opsPerWorker: (procs, iterations) => procs * iterations,
  totalOps: (procs, iterations) => procs * iterations,
  describe: (procs, iterations) => `${procs} workers draining a queue of ${procs * iterations} items`,

  async setup(ctx) {
    const ids = Array.from({ length: ctx.procs * ctx.iterations }, (_, k) => itemId(k));
    if (ctx.backend === 'remote') for (const m of ctx.machines) await queueFor(ctx, m).add(ids);
    else await queueFor(ctx, ctx.repo).add(ids);
    return { items: ids.length };
  },

  async run(ctx: WorkerContext) {
    const q = (ctx.state.queue ??= queueFor(ctx, ctx.machine)) as ClaimQueue;
    const agent = `agent-${ctx.worker}-${ctx.incarnation}`;
    const item = await q.claim(agent);
    if (!item) {
      if (ctx.mode === 'control') return { stop: true };
      // Nothing pending: items of dead agents may still come back.
      await q.reclaim();
      const open = [...(await q.states()).values()].filter((s) => s !== 'done' && s !== 'failed').length;
      return open === 0 ? { stop: true } : { idle: true };
    }
    ctx.critical(); // a scheduled kill here dies holding the item: it must come back through reclaim
    await sleep(2); // the work
    await q.done(item.id, agent, item.generation);
    return { data: { item: item.id, agent, generation: item.generation } };
  },

  async check(ctx) {
    const states = await finalStates(ctx);
    if (ctx.mode === 'protected') {
      // Items that went back to pending after their claimer was killed (from the events logs: each machine keeps its own).
      const type = ctx.backend === 'remote' ? 'reclaim' : 'queue_reclaim';
      const back = [ctx.repo, ...ctx.machines].reduce((n, at) => n + readEvents(openRuntime({ cwd: at }).root, (e) => e.type === type).length, 0);
      if (back || ctx.kills) ctx.recovery.itemsReclaimed = back;
    }
    return checkClaims(
      states,
      acknowledged(ctx.events, 'claim').map((e) => ({ item: String(e.data?.item), agent: String(e.data?.agent) })),
      ctx.params.items as number,
    );
  },
};

/** Exactly once, nothing lost: no item acknowledged as done twice, every item done at the end. */
export function checkClaims(states: Map<string, string>, acks: { item: string; agent: string }[], items: number): Violation[] {
  const out: Violation[] = [];
  const by = new Map<string, string[]>();
  for (const a of acks) {
    if (!by.has(a.item)) by.set(a.item, []);
    by.get(a.item)!.push(a.agent);
  }
  for (const [item, agents] of by) {
    if (agents.length > 1) out.push(violation('duplicate_claim', `${item} was worked on and completed by ${agents.length} agents (${agents.join(', ')})`, { item, agents }));
  }
  for (let k = 0; k < items; k++) {
    const id = itemId(k);
    const s = states.get(id);
    if (s !== 'done') out.push(violation('lost_item', `${id} ended ${s ?? 'missing from the queue'}, not done`, { item: id, state: s ?? null }));
  }
  return out;
}
