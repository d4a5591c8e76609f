/**
 * lockstep's queue as the claim workload uses it: the library (`claimNext`,
 * `completeItem`, `reclaim`, `listItems`) in the worker process, which is the
 * claim's owner process — when a worker is killed its claims are abandoned
 * and come back through `reclaim` once their short lease ran out.
 */
import { addItem, claimNext, completeItem, listItems, reclaim } from '../../queue/queue.js';
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
