/**
 * The action's settings: every input, read and validated once by
 * `input-helper.ts`, as one typed object. Nothing else reads inputs.
 */

/** What one step of the action does. */
export type Mode = 'validate' | 'suite' | 'soak';
export const MODES: readonly Mode[] = ['validate', 'suite', 'soak'];

/** The level of finding that fails the step. */
export type FailOn = 'error' | 'warning' | 'never';
export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

/** The parts of a GitHub event payload the action reads (everything else is ignored). */
export interface EventPayload {
  /** push: the branch tip before the push (forty zeros for a new branch). */
  before?: string;
  /** push: the branch tip after the push. */
  after?: string;
  /** push: true for a force-push. */
  forced?: boolean;
  /** push: true when the push created the branch. */
  created?: boolean;
  /** push: the pushed ref, e.g. refs/heads/feature. */
  ref?: string;
  /** push: the commits the push added (GitHub lists at most 2048). */
  commits?: unknown[];
  pull_request?: {
    base?: { sha?: string; ref?: string };
    head?: { sha?: string; ref?: string };
    /** Number of commits in the pull request. */
    commits?: number;
  };
  merge_group?: { base_sha?: string; head_sha?: string };
  repository?: { default_branch?: string };
}

export interface ActionSettings {
  /** `validate` checks commits against their tasks' scopes; `suite` runs a suite once; `soak` runs one segment of a resumable soak. */
  mode: Mode;

  /** Absolute path of the repository the step works in: `GITHUB_WORKSPACE` joined with the `working-directory` input. */
  repoPath: string;

  /** validate: the commit range from the `range` input (`A..B`, `A...B` or one revision), or null to derive it from the event. */
  range: string | null;

  /** The name of the event that started the workflow (`GITHUB_EVENT_NAME`), e.g. `push`, `pull_request`. */
  eventName: string;

  /** The event payload (the JSON file at `GITHUB_EVENT_PATH`); `{}` when there is none. */
  event: EventPayload;

  /** suite/soak: the suite to run (`soak` in soak mode). */
  suite: string;

  /** suite/soak: number of concurrent worker processes, or null for the suite's default. */
  procs: number | null;

  /** suite/soak: iterations per worker, or null for the suite's default. */
  iterations: number | null;

  /** soak: the soak's total length over all segments, in ms, or null for the soak's default (15 minutes). */
  durationMs: number | null;

  /** suite/soak: the probability (0 to below 1) that a worker is SIGKILLed during an operation, or null for the suite's default (none; 0.05 in a soak). */
  killRate: number | null;

  /** suite/soak: the seed of the workload schedule (same seed, same schedule), or null for a random one. */
  seed: number | null;

  /** soak: absolute path of the checkpoint file resumed from (when it exists) and written to; null in other modes. */
  checkpoint: string | null;

  /** soak: the most wall time this segment runs before it checkpoints and stops, in ms (a GitHub-hosted job stops at 6 h). */
  segmentMs: number | null;

  /** suite/soak: absolute directory the JSON, markdown and HTML reports are written to. */
  reportDir: string;

  /** The level of finding that fails the step: `error`, `warning` (errors too), or `never`. */
  failOn: FailOn;
}
