/**
 * `git add -A` / `git add .` / `git add -u` / `git commit -a` in an agent
 * step stage whatever is in the worktree — including the files another task
 * is editing at that moment — so its work lands in the wrong commit. The
 * commands are found by core/git-danger (kinds add-all and commit-all), the
 * classifier the agent hooks use too.
 */
import type { Rule } from '../rule.js';
export declare const gitAddAll: Rule;
