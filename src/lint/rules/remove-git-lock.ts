/**
 * `rm -f .git/index.lock` (what git's own message suggests, and what agents
 * do when a commit fails on it) removes the lock whether or not a git process
 * is still working under it. With several agents in one repository one
 * usually is, and its operation then breaks: its index or ref update is lost.
 * The commands are found by core/git-danger (kind remove-git-lock), the
 * classifier the agent hooks use too.
 */
import type { Rule } from '../rule.js';
import { dangerHits } from './danger-hits.js';

export const removeGitLock: Rule = {
  id: 'remove-git-lock',
  summary: "removes git's lock file whether or not a git process still works under it, breaking that operation",
  fix: 'lockstep git-locks --clear (removes only a lock file no live git process can hold)',
  check: (lines) => dangerHits(lines, ['remove-git-lock']),
};
