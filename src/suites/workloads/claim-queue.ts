/**
 * lockstep's queue as the claim workload uses it: the library (`claimNext`,
 * `completeItem`, `reclaim`, `listItems`) in the worker process, which is the
 * claim's owner process — when a worker is killed its claims are abandoned
 * and come back through `reclaim` once their short lease ran out.
 */
import { addItem, claimNext, completeItem, listItems, reclaim } from '../../queue/queue.js';
import { claimNextRemote, completeItemRemote, queueStatusRemote, reclaimRemote, type RemoteClaim } from '../../remote/claims.js';
import type { ClaimQueue } from './claim.js';

/** Short, so a killed worker's item comes back within a second or two. */
export const SUITE_CLAIM_LEASE_MS = 1000;

export function lockstepQueue(repo: string): ClaimQueue {
  return {
    async add(ids) {
      for (const id of ids) addItem({ cwd: repo, id });
    },
    async claim(agent) {
      const r = claimNext({ cwd: repo, agent, leaseMs: SUITE_CLAIM_LEASE_MS });
      return r.claimed ? { id: r.item.id, generation: r.generation } : null;
    },
    async done(id, agent, generation) {
      completeItem({ cwd: repo, id, agent, generation: generation ?? undefined });
    },
    async reclaim() {
      // Nothing may end up failed for having been killed a few times: the suite counts every item.
      return reclaim({ cwd: repo, maxAttempts: 1_000_000 }).reclaimed.length;
    },
    async states() {
      return new Map(listItems({ cwd: repo }).map((i) => [i.id, i.state]));
    },
  };
}

/**
 * A remote claim's lease: other machines hand a killed machine's item back
 * after this (plus grace); its own restarted worker sees the dead pid at
 * once. Long enough that a claim is never reclaimed while its worker works.
 */
export const SUITE_REMOTE_CLAIM_LEASE_MS = 5000;

/**
 * The queue through the git remote, as one machine uses it: the items are
 * this clone's queue, the claims refs on the server.
 */
export function remoteQueue(clone: string): ClaimQueue {
  const held = new Map<string, RemoteClaim>();
  return {
    async add(ids) {
      for (const id of ids) addItem({ cwd: clone, id });
    },
    async claim(agent) {
      const c = await claimNextRemote({ cwd: clone, agent, leaseMs: SUITE_REMOTE_CLAIM_LEASE_MS });
      if (!c) return null;
      held.set(c.item, c);
      return { id: c.item, generation: c.generation };
    },
    async done(id) {
      const c = held.get(id);
      if (!c) throw new Error(`${id} was not claimed by this worker`);
      held.delete(id);
      await completeItemRemote(c);
    },
    async reclaim() {
      return (await reclaimRemote({ cwd: clone, maxAttempts: 1_000_000 })).reclaimed.length;
    },
    async states() {
      return new Map((await queueStatusRemote({ cwd: clone })).map((i) => [i.id, i.state]));
    },
  };
}
