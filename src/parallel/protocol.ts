/** Messages between the runner (coordinator) and its worker processes, over Node's IPC channel. */

/** What a worker is doing; also written to its agent record for `lockstep status`. */
export type WorkerState = 'starting' | 'idle' | 'preparing' | 'running' | 'committing' | 'merging' | 'exiting';

export type ItemOutcome = 'done' | 'retry' | 'failed' | 'abandoned';

export type WorkerMessage =
  | { t: 'ready'; agent: string; worktree: string }
  | { t: 'state'; state: WorkerState; item: string | null; generation: number | null; cmdPid?: number | null }
  | {
      t: 'item';
      item: string;
      generation: number;
      outcome: ItemOutcome;
      /** How the merge went (merged, up-to-date, already-merged, conflict, check-failed, blocked), if it ran. */
      merge: string | null;
      commit: string | null;
      detail: string;
      ms: number;
    }
  | { t: 'fatal'; message: string };

export type CoordinatorMessage = { t: 'drain' } | { t: 'stop' };

/** The worker's configuration, passed in the environment as JSON (no argument escaping to get wrong). */
export interface WorkerConfig {
  cwd: string;
  agent: string;
  runId: string;
  queue: string;
  base: string;
  leaseMs: number;
  maxAttempts: number;
  copy: string[];
  /** Scope globs of the task each item runs as (unless a task with the item's id is already active). */
  scope: string[];
  check: string | null;
  itemTimeoutMs: number | null;
  argv: string[];
  logFile: string;
  pollMs: number;
}

export const WORKER_CONFIG_ENV = 'LOCKSTEP_WORKER_CONFIG';
