/**
 * `rm -f .git/index.lock` (what git's own message suggests, and what agents
 * do when a commit fails on it) removes the lock whether or not a git process
 * is still working under it. With several agents in one repository one
 * usually is, and its operation then breaks: its index or ref update is lost.
 * The commands are found by core/git-danger (kind remove-git-lock), the
 * classifier the agent hooks use too.
 */
import type { Rule } from '../rule.js';
export declare const removeGitLock: Rule;
