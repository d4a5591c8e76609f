/** The longest duration a timer can wait: 24 days (Node's limit is 2^31 - 1 ms, about 24.8 days). */
export declare const MAX_DURATION_MS: number;
export interface DurationRange {
    /** Shortest accepted, in ms (default 0). */
    min?: number;
    /** Longest accepted, in ms (default MAX_DURATION_MS). */
    max?: number;
}
/** "1 ms", "24 days", "0": a bound as a person reads it. */
export declare function formatDuration(ms: number): string;
/**
 * Parses a duration (see the top of this file) into milliseconds; throws
 * BAD_INPUT naming `what` (the option, key or input) and the range.
 */
export declare function parseDuration(value: string, what: string, range?: DurationRange): number;
/** A duration given as a JSON number of seconds (config files), by the same rule. */
export declare function durationFromSeconds(seconds: number, what: string, range?: DurationRange): number;
/**
 * A delay safe to hand to setTimeout / setInterval: a whole number of ms from
 * 1 to MAX_DURATION_MS. Node fires a longer (or NaN) delay after 1 ms, so a
 * library caller passing a huge value would get a busy loop; here it gets the
 * longest wait instead. (NaN stays Node's 1 ms.)
 */
export declare function timerDelay(ms: number): number;
