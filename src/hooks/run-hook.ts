/**
 * Runs one hook by name: what `lockstep hook NAME` and the hook bundle
 * (src/hooks/entry.ts) both do, so the two cannot drift apart. Returns the
 * lines to print and the exit code; the callers print.
 */
import type { WaitInfo } from '../core/lock.js';
import { LockstepError } from '../core/errors.js';
import { runCommitLock } from './commit-lock.js';
import { runCommitMsg } from './commit-msg.js';
import { recordProbe } from './probe.js';
import { checkUncheckedCommit, runPostCommit } from './post-commit.js';
import { runPreCommit } from './pre-commit.js';
import { STAGED_STDIN_ENV } from '../tasks/git-paths.js';
import { quoteInput } from '../core/outside-text.js';

export interface RunHookOptions {
  /** pre-commit-lock | pre-commit | commit-msg | post-commit. */
  name: string;
  /** The arguments git passes to the hook. */
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  onWait?: (w: WaitInfo) => void;
  /**
   * Reads the hook's standard input. pre-commit reads it when the shim
   * pipes the staged list in (it sets STAGED_STDIN_ENV=1 for node).
   */
  readInput?: () => string;
}

export interface RunHookResult {
  /** Lines for stderr. */
  messages: string[];
  /** 1 when the commit is blocked, else 0 (errors are thrown as LockstepError). */
  exitCode: number;
}

/** A dry run of `lockstep doctor` (src/hooks/probe.ts): record that the hook fired, do nothing else. */
function probe(env: NodeJS.ProcessEnv | undefined, phase: 'lock' | 'check'): boolean {
  return recordProbe(env ?? process.env, phase);
}

export async function runHook(opts: RunHookOptions): Promise<RunHookResult> {
  const { name, cwd, env } = opts;
  if (name === 'pre-commit') {
    if (probe(env, 'check')) return { messages: [], exitCode: 0 };
    let stagedListing: string | undefined;
    if ((env ?? process.env)[STAGED_STDIN_ENV] === '1' && opts.readInput) {
      try {
        stagedListing = opts.readInput();
      } catch {
        /* unreadable: pre-commit lists the paths itself */
      }
    }
    const r = await runPreCommit({ cwd, env, onWait: opts.onWait, stagedListing });
    return { messages: r.messages, exitCode: r.outcome === 'blocked' ? 1 : 0 };
  }
  if (name === 'pre-commit-lock') {
    if (probe(env, 'lock')) return { messages: [], exitCode: 0 };
    await runCommitLock({ cwd, env, onWait: opts.onWait });
    return { messages: [], exitCode: 0 };
  }
  if (name === 'commit-msg') {
    const file = opts.args[0];
    if (!file) throw new LockstepError('BAD_INPUT', 'lockstep hook commit-msg needs the message file git passes to the hook');
    await runCommitMsg({ cwd, env, messageFile: file });
    return { messages: [], exitCode: 0 };
  }
  if (name === 'post-commit') {
    // `--unchecked`: the sh hook found no pre-commit state for this `git commit` (it ran with --no-verify).
    const r = opts.args[0] === '--unchecked' ? await checkUncheckedCommit({ cwd, env }) : await runPostCommit({ cwd, env });
    return { messages: r.messages, exitCode: 0 };
  }
  throw new LockstepError('BAD_INPUT', `unknown hook ${quoteInput(name)}: lockstep runs pre-commit-lock, pre-commit, commit-msg and post-commit`);
}
