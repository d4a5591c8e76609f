/**
 * Reading an allocation root: every entry named `<digits>_<rest>` holds the
 * number its digits spell; everything else (`.lockstep`, README.md, notes)
 * is ignored.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LockstepError, fsError } from '../core/errors.js';

export interface AllocationEntry {
  number: number;
  /** The entry's name, e.g. `042_auth_flow`. */
  entry: string;
  path: string;
}

const ALLOCATED = /^(\d+)_/;

function parseNumber(digits: string, entry: string, root: string): number {
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) {
    throw new LockstepError('ENVIRONMENT', `${join(root, entry)} carries a number too large to continue from`, {
      hint: `rename or remove it: mv "${join(root, entry)}" …`,
    });
  }
  return n;
}

function list(root: string): string[] {
  try {
    return readdirSync(root);
  } catch (e) {
    throw fsError(e, 'read allocation root', root);
  }
}

/** The highest number in use in `root` (0 when none). The hot path of every allocation. */
export function highestNumber(root: string): number {
  let max = 0;
  for (const e of list(root)) {
    const c = e.charCodeAt(0);
    if (c < 48 || c > 57) continue;
    const m = ALLOCATED.exec(e);
    if (!m) continue;
    const n = parseNumber(m[1]!, e, root);
    if (n > max) max = n;
  }
  return max;
}

/** Every numbered entry of `root`, sorted by number then name. */
export function scanAllocations(root: string): AllocationEntry[] {
  const out: AllocationEntry[] = [];
  for (const e of list(root)) {
    const m = ALLOCATED.exec(e);
    if (m) out.push({ number: parseNumber(m[1]!, e, root), entry: e, path: join(root, e) });
  }
  return out.sort((a, b) => a.number - b.number || (a.entry < b.entry ? -1 : a.entry > b.entry ? 1 : 0));
}

/** `42` at width 3 → `042`; numbers longer than the width widen (`1000`) instead of wrapping. */
export function formatNumber(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
