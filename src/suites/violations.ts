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
