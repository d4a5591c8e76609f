/**
 * `allocate --verify`: checks what atomic allocation promises about a root —
 * no number used twice and no lock left behind — and lists the gaps (numbers
 * between 1 and the highest that no entry carries; a removed directory leaves
 * one, so gaps are reported, not failed).
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { LockstepError, fsError } from '../core/errors.js';
import { lockStatus } from '../core/lock.js';
import { allocationLockFor } from './lock-target.js';
import { resolveRoot } from './allocate.js';
import { scanAllocations, type AllocationEntry } from './scan.js';
import { quoteInput } from '../core/outside-text.js';

export interface DuplicateNumber {
  number: number;
  entries: string[];
}

export interface GapRange {
  from: number;
  to: number;
}

export interface LeftoverLock {
  name: string;
  state: 'held' | 'stale';
  token: number;
  pid: number | null;
  since: string | null;
  reason: string | null;
  path: string;
}

export interface VerifyResult {
  ok: boolean;
  root: string;
  /** Numbered entries, sorted. */
  entries: AllocationEntry[];
  highest: number;
  duplicates: DuplicateNumber[];
  gaps: GapRange[];
  /** The root's lock when it is not free (held by a live process, or stale). */
  leftoverLock: LeftoverLock | null;
  lock: { name: string; path: string };
}

export function verifyAllocations(opts: { root: string; cwd?: string }): VerifyResult {
  const abs = resolveRoot(opts.root, opts.cwd);
  if (!existsSync(abs)) {
    throw new LockstepError('NOT_FOUND', `the allocation root ${quoteInput(abs)} does not exist`, { hint: 'check the path; lockstep allocate ROOT NAME creates it' });
  }
  let real: string;
  try {
    if (!statSync(abs).isDirectory()) throw new LockstepError('BAD_INPUT', `the allocation root ${quoteInput(abs)} is not a directory`);
    real = realpathSync(abs);
  } catch (e) {
    if (e instanceof LockstepError) throw e;
    throw fsError(e, 'open allocation root', abs);
  }
  const entries = scanAllocations(real);
  const byNumber = new Map<number, string[]>();
  for (const e of entries) {
    const list = byNumber.get(e.number);
    if (list) list.push(e.entry);
    else byNumber.set(e.number, [e.entry]);
  }
  const duplicates: DuplicateNumber[] = [];
  for (const [number, names] of byNumber) if (names.length > 1) duplicates.push({ number, entries: names });
  const highest = entries.length ? entries[entries.length - 1]!.number : 0;
  const gaps: GapRange[] = [];
  let expect = 1;
  for (const n of [...byNumber.keys()].sort((a, b) => a - b)) {
    if (n > expect) gaps.push({ from: expect, to: n - 1 });
    expect = Math.max(expect, n + 1);
  }
  const target = allocationLockFor(real);
  const st = lockStatus({ runtime: target.runtime, name: target.name });
  const leftoverLock: LeftoverLock | null =
    st.state === 'free'
      ? null
      : { name: st.name, state: st.state, token: st.token, pid: st.holder?.pid ?? null, since: st.holder?.acquiredAt ?? null, reason: st.staleReason, path: st.path };
  return {
    ok: duplicates.length === 0 && leftoverLock === null,
    root: abs,
    entries,
    highest,
    duplicates,
    gaps,
    leftoverLock,
    lock: { name: target.name, path: st.path },
  };
}
