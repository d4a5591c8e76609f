/** Every workload by name. */
import { LockstepError } from '../core/errors.js';
import { allocateWorkload } from './workloads/allocate.js';
import { claimWorkload } from './workloads/claim.js';
import { commitWorkload } from './workloads/commit.js';
import { counterWorkload } from './workloads/counter.js';
import { gitlockWorkload } from './workloads/gitlock.js';
import { mergeWorkload } from './workloads/merge.js';
import { WORKLOAD_NAMES, type Workload, type WorkloadName } from './workload.js';
import { quoteInput } from '../core/outside-text.js';

export const WORKLOADS: Record<WorkloadName, Workload> = {
  counter: counterWorkload,
  allocate: allocateWorkload,
  commit: commitWorkload,
  claim: claimWorkload,
  merge: mergeWorkload,
  gitlock: gitlockWorkload,
};

export function workloadByName(name: string): Workload {
  if (!(WORKLOAD_NAMES as readonly string[]).includes(name)) {
    throw new LockstepError('BAD_INPUT', `unknown workload ${quoteInput(name)}: one of ${WORKLOAD_NAMES.join(', ')}`);
  }
  return WORKLOADS[name as WorkloadName];
}
