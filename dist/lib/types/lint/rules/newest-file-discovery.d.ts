/**
 * `ls -t … | head -1` (and its find/stat variants, and helpers named like
 * `discover_latest_state_file`) pick the most recently written file: when two
 * instances run at once, each can pick up the other's state.
 */
import type { Rule } from '../rule.js';
export declare const newestFileDiscovery: Rule;
