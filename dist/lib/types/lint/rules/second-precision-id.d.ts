/**
 * `WORKFLOW_ID="command_$(date +%s)"`: a time with one-second resolution in
 * an id (or a file name) gives two instances started in the same second the
 * same id. Durations (`START=$(date +%s)`) are not ids and are left alone.
 */
import type { Rule } from '../rule.js';
export declare const secondPrecisionId: Rule;
