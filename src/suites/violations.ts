/** What the checkers report: violations of a suite's invariants, each with its evidence. */

export type ViolationKind =
  // allocate
  | 'duplicate_number'
  | 'gap'
  | 'lost_allocation'
  // commit
  | 'foreign_file'
  | 'foreign_todo_line'
  | 'index_lock_failure'
  | 'missing_round'
  | 'fence_not_rising'
  // claim
  | 'duplicate_claim'
  | 'lost_item'
  // merge
  | 'lost_merge'
  | 'lost_commit'
  // counter (the lock itself)
  | 'lost_update'
  // gitlock (git's own index.lock)
  | 'lost_staged_change'
  | 'corrupt_index'
  // every suite
  | 'lock_left_behind'
  | 'stuck_lock'
  | 'operation_failed'
  | 'worker_crashed'
  | 'corrupt_log'
  | 'timeout';

/** What each kind means, in one line (docs/suites.md has the invariants in full). */
export const VIOLATION_MEANING: Record<ViolationKind, string> = {
  duplicate_number: 'two processes got the same number',
  gap: 'a number was skipped',
  lost_allocation: 'an allocation was reported but its directory is not there',
  foreign_file: "a commit holds another task's file",
  foreign_todo_line: "a commit holds another task's line of the shared TODO.md",
  index_lock_failure: "git failed on the index.lock another git held",
  missing_round: 'a round that was attempted is not whole in its own commit',
  fence_not_rising: 'Lockstep-Fence did not rise along first-parent history',
  duplicate_claim: 'two agents claimed the same work item',
  lost_item: 'a work item was neither done nor still claimable',
  lost_merge: 'a merge that was reported done is not in the base branch',
  lost_commit: 'a commit disappeared from the base branch',
  lost_update: 'two processes wrote the same counter value: an increment was lost',
  lost_staged_change: 'a staged change disappeared from the index',
  corrupt_index: 'git found its index corrupt',
  lock_left_behind: 'a lock was still held after every process ended',
  stuck_lock: 'a lock stayed held by a dead process',
  operation_failed: 'an operation failed with an error',
  worker_crashed: 'a worker process crashed',
  corrupt_log: "a worker's log could not be read",
  timeout: 'an operation did not finish in time',
};

export interface Violation {
  kind: ViolationKind;
  message: string;
  /** The facts behind it: paths, commits, items, log lines. */
  evidence: Record<string, unknown>;
}

export interface ViolationSummary {
  total: number;
  byKind: Partial<Record<ViolationKind, number>>;
  /** The first violations found (at most MAX_KEPT), with their evidence. */
  samples: Violation[];
}

export const MAX_KEPT = 25;

export function summarizeViolations(list: Violation[]): ViolationSummary {
  const byKind: Partial<Record<ViolationKind, number>> = {};
  for (const v of list) byKind[v.kind] = (byKind[v.kind] ?? 0) + 1;
  return { total: list.length, byKind, samples: list.slice(0, MAX_KEPT) };
}

export function violation(kind: ViolationKind, message: string, evidence: Record<string, unknown> = {}): Violation {
  return { kind, message, evidence };
}

/** "duplicate_number 12, gap 3" */
export function describeByKind(byKind: Partial<Record<string, number>>): string {
  const parts = Object.entries(byKind)
    .filter(([, n]) => (n ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([k, n]) => `${k} ${n}`);
  return parts.length ? parts.join(', ') : 'none';
}
