/** The rule catalogue, in the order findings of one line are listed. */
import type { Rule } from '../rule.js';
export declare const RULES: readonly Rule[];
