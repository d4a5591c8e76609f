/**
 * Seeded randomness for reproducible schedules: the same `--seed` gives the
 * same delays, orders and kill points on every machine. mulberry32 is small,
 * fast and good enough for scheduling (not for anything secret).
 */
import { randomInt } from 'node:crypto';
import { LockstepError } from '../core/errors.js';
import { quoteInput } from '../core/outside-text.js';

export type Random = () => number;

/** A PRNG returning floats in [0, 1), fully determined by `seed`. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the parts: derives independent sub-seeds (per suite, per worker) from one seed. */
export function deriveSeed(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export const MAX_SEED = 0xffffffff;

export function randomSeed(): number {
  return randomInt(1, MAX_SEED);
}

export function parseSeed(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n > MAX_SEED) {
    throw new LockstepError('BAD_INPUT', `--seed takes a whole number from 0 to ${MAX_SEED}, not ${quoteInput(value)}`);
  }
  return n;
}
