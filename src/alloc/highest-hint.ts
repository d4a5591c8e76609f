/**
 * The highest number of a root, handed from one allocation to the next so
 * that a large root is not re-read on every one.
 *
 * Reading a root of 1,000 entries costs more than everything else an
 * allocation does under its lock, and the lock serialises that cost across
 * every waiting process. So after its mkdir each allocation records the
 * number it created together with the root directory's identity and change
 * times (device, inode, mtime, ctime, link count — any entry added, removed or
 * renamed changes them); the next one, under the same lock, reuses the number
 * only if the directory is provably unchanged since, and scans otherwise.
 *
 * The record travels on the lock itself: the holder releases with it
 * (`releaseLock(h, {data})`) and the lock hands it to the next acquirer only
 * when that acquirer took the lock straight from this clean release. A holder
 * that dies before releasing leaves a held record, which the next allocation
 * takes over — and a takeover (or a broken lock) carries no hint, so that
 * allocation scans. Only lock holders write it. A tool that creates entries
 * without taking the lock can produce duplicates with or without the hint;
 * `allocate --verify` reports those.
 */
import { statSync, type BigIntStats } from 'node:fs';
import type { LockData } from '../core/lock.js';
import { highestNumber } from './scan.js';

export interface HighestHint {
  v: 1;
  highest: number;
  dev: string;
  ino: string;
  mtimeNs: string;
  ctimeNs: string;
  nlink: string;
}

function identity(st: BigIntStats): Omit<HighestHint, 'v' | 'highest'> {
  return { dev: String(st.dev), ino: String(st.ino), mtimeNs: String(st.mtimeNs), ctimeNs: String(st.ctimeNs), nlink: String(st.nlink) };
}

/** The hint inside a lock's release data, or null when there is none or it is malformed. */
export function hintFromData(data: LockData | null | undefined): HighestHint | null {
  const h = data?.highest as Partial<HighestHint> | undefined;
  if (!h || typeof h !== 'object' || h.v !== 1 || !Number.isSafeInteger(h.highest) || (h.highest as number) < 0) return null;
  for (const k of ['dev', 'ino', 'mtimeNs', 'ctimeNs', 'nlink'] as const) if (typeof h[k] !== 'string') return null;
  return h as HighestHint;
}

/** The highest number in `realRoot`: from the hint when the directory is unchanged since it was taken, else by scanning. */
export function highestWithHint(realRoot: string, hint: HighestHint | null): { highest: number; fromHint: boolean } {
  if (hint) {
    const now = identity(statSync(realRoot, { bigint: true }));
    if (now.dev === hint.dev && now.ino === hint.ino && now.mtimeNs === hint.mtimeNs && now.ctimeNs === hint.ctimeNs && now.nlink === hint.nlink) {
      return { highest: hint.highest, fromHint: true };
    }
  }
  return { highest: highestNumber(realRoot), fromHint: false };
}

/**
 * Called under the lock after the mkdir of `highest`: the release data that
 * hands it to the next allocation. Null when the root cannot be stat'ed (the
 * next allocation then scans).
 */
export function hintData(realRoot: string, highest: number): LockData | null {
  try {
    const hint: HighestHint = { v: 1, highest, ...identity(statSync(realRoot, { bigint: true })) };
    return { highest: hint };
  } catch {
    return null;
  }
}
