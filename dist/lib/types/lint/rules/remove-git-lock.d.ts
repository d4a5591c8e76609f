/**
 * `rm -f .git/index.lock` (what git's own message suggests, and what agents
 * do when a commit fails on it) removes the lock whether or not a git process
 * is still working under it. With several agents in one repository one
 * usually is, and its operation then breaks: its index or ref update is lost.
 */
import type { Rule } from '../rule.js';
export declare const removeGitLock: Rule;
