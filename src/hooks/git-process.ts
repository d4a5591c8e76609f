/**
 * The `git commit` process a hook runs for. The commit lock taken in
 * pre-commit belongs to that process (not to the short-lived hook), so if
 * the commit dies or aborts after pre-commit — a failing commit-msg hook, an
 * empty message, Ctrl-C, a killed editor — the owner is gone and the lock
 * is free at once. Between the hook and git there may be shells (husky's
 * runner, a chained hook), so we walk up the parents to the nearest git.
 */
import { processInspector, type ProcessInspector } from '../core/process.js';

const MAX_DEPTH = 16;

/** `git`, or `git-commit` and friends when git was started by a dashed name. */
export function isGitCommand(name: string): boolean {
  return name === 'git' || name.startsWith('git-');
}

/** The nearest ancestor of `from` (default: this process's parent) that is git, or null. */
export function findGitProcess(opts: { from?: number; inspector?: ProcessInspector } = {}): number | null {
  const inspector = opts.inspector ?? processInspector();
  let pid: number | null = opts.from ?? process.ppid;
  for (let depth = 0; pid !== null && pid > 1 && depth < MAX_DEPTH; depth++) {
    const name = inspector.commandName(pid);
    if (name === null) return null;
    if (isGitCommand(name)) return pid;
    pid = inspector.parentPid(pid);
  }
  return null;
}
