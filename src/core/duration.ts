/**
 * Durations: the one rule for every duration lockstep takes from a person —
 * CLI options, lockstep.config.json, the action's inputs — and the one guard
 * for every timer it sets.
 *
 * Syntax: a decimal number, optionally followed by a unit: `30` (seconds),
 * `1.5`, `500ms`, `90s`, `15m`, `2h`, `1d`. No sign, exponent or hex (`1e3`,
 * `0x10`: refused, not guessed at). The value must be a whole number of
 * milliseconds (`0.0001` is refused, not rounded to 0).
 *
 * Range: from `min` (0 unless the option says otherwise, e.g. 1 ms for a
 * lease) to 24 days. Node runs a timer longer than 2^31 - 1 ms (24.8 days)
 * after 1 ms, so a longer duration would not be waited at all but spun on;
 * the few durations that are not timers (a time-to-live) set a larger `max`.
 */
import { LockstepError } from './errors.js';
import { quoteInput } from './outside-text.js';

/** The longest duration a timer can wait: 24 days (Node's limit is 2^31 - 1 ms, about 24.8 days). */
export const MAX_DURATION_MS = 24 * 86_400_000;

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export interface DurationRange {
  /** Shortest accepted, in ms (default 0). */
  min?: number;
  /** Longest accepted, in ms (default MAX_DURATION_MS). */
  max?: number;
}

/** "1 ms", "24 days", "0": a bound as a person reads it. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0';
  for (const [unit, size] of [['days', 86_400_000], ['h', 3_600_000], ['min', 60_000], ['s', 1000]] as const) {
    if (ms % size === 0) return `${ms / size} ${unit === 'days' && ms === size ? 'day' : unit}`;
  }
  return `${ms} ms`;
}

function refuse(what: string, value: unknown, range: Required<DurationRange>, why?: string): never {
  const shown = typeof value === 'string' ? quoteInput(value) : String(value);
  throw new LockstepError(
    'BAD_INPUT',
    `${what} takes a duration from ${formatDuration(range.min)} to ${formatDuration(range.max)} (seconds, or with a unit: 1.5, 500ms, 90s, 15m, 2h, 1d), not ${shown}${why ? `: ${why}` : ''}`,
  );
}

/**
 * Parses a duration (see the top of this file) into milliseconds; throws
 * BAD_INPUT naming `what` (the option, key or input) and the range.
 */
export function parseDuration(value: string, what: string, range: DurationRange = {}): number {
  const r = { min: range.min ?? 0, max: range.max ?? MAX_DURATION_MS };
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(value.trim());
  if (!m) refuse(what, value, r);
  return inRange(Number(m[1]) * UNIT_MS[(m[2] ?? 's') as keyof typeof UNIT_MS], what, value, r);
}

/** A duration given as a JSON number of seconds (config files), by the same rule. */
export function durationFromSeconds(seconds: number, what: string, range: DurationRange = {}): number {
  const r = { min: range.min ?? 0, max: range.max ?? MAX_DURATION_MS };
  if (!Number.isFinite(seconds) || seconds < 0) refuse(what, seconds, r);
  return inRange(seconds * 1000, what, seconds, r);
}

function inRange(exact: number, what: string, value: unknown, r: Required<DurationRange>): number {
  const ms = Math.round(exact);
  // Float error in n * unit is far below a millionth of a ms; anything more is a finer duration than lockstep keeps.
  if (Math.abs(exact - ms) > 1e-6) refuse(what, value, r, 'finer than a millisecond');
  if (ms < r.min || ms > r.max) refuse(what, value, r);
  return ms;
}

/**
 * A delay safe to hand to setTimeout / setInterval: a whole number of ms from
 * 1 to MAX_DURATION_MS. Node fires a longer (or NaN) delay after 1 ms, so a
 * library caller passing a huge value would get a busy loop; here it gets the
 * longest wait instead. (NaN stays Node's 1 ms.)
 */
export function timerDelay(ms: number): number {
  if (Number.isNaN(ms)) return 1;
  return Math.min(MAX_DURATION_MS, Math.max(1, Math.ceil(ms)));
}
