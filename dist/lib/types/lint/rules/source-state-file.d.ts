/**
 * `source "$STATE_FILE"` runs workflow state as shell code: a value that holds
 * `$(…)` or a backtick executes in the agent's shell. Libraries (`…/lib/…`)
 * are code and may be sourced.
 */
import type { Rule } from '../rule.js';
export declare const sourceStateFile: Rule;
