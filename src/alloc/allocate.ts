/**
 * Atomic numbered allocation: `allocate({root, name})` creates
 * `ROOT/<N+1>_<name>` where N is the highest number in ROOT, and nobody else
 * can get the same number.
 *
 * The whole scan → next number → mkdir sequence runs under one lock, and the
 * directory exists before the lock is released. Releasing first (handing out
 * a number and creating the directory later) is the race that gave 66–83 %
 * duplicate numbers with 5–10 processes: the next process scans before the
 * directory appears and picks the same number.
 */
import { mkdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LockstepError, fsError } from '../core/errors.js';
import { appendEvent } from '../core/events.js';
import { acquireLock, releaseLock, DEFAULT_TIMEOUT_MS, type LockData, type WaitInfo } from '../core/lock.js';
import { allocationLockFor } from './lock-target.js';
import { sanitizeTopicName } from './name.js';
import { highestWithHint, hintData, hintFromData } from './highest-hint.js';
import { formatNumber, highestNumber } from './scan.js';

export const DEFAULT_WIDTH = 3;
export const MAX_WIDTH = 12;

export interface AllocateOptions {
  /** The allocation root (created when missing); relative paths resolve against `cwd`. */
  root: string;
  /** Free text; sanitized to `[a-z0-9_]`, at most 64 characters. */
  name: string;
  /** Minimum digits of the number (zero-padded); larger numbers widen. Default 3. */
  width?: number;
  /** Base for a relative `root` (default process.cwd()). */
  cwd?: string;
  /** How long to wait for the root's lock (default 60 s); LOCK_TIMEOUT after that. */
  timeoutMs?: number;
  onWait?: (w: WaitInfo) => void;
}

export interface Allocation {
  /** The number as printed, e.g. `042`. */
  topicNumber: string;
  /** Absolute path of the created directory. */
  topicPath: string;
  number: number;
  /** The sanitized name. */
  name: string;
  /** Fencing token of the lock the allocation was made under. */
  token: number;
}

/** Validates `root` and `width` (nothing touches the file system before this passes). */
export function resolveRoot(root: string, cwd?: string): string {
  if (typeof root !== 'string' || root.trim() === '') throw new LockstepError('BAD_INPUT', 'the allocation root is empty', { hint: 'lockstep allocate ROOT NAME, e.g. lockstep allocate specs "auth flow"' });
  if (root.includes('\0')) throw new LockstepError('BAD_INPUT', 'the allocation root contains a NUL byte');
  return resolve(cwd ?? process.cwd(), root);
}

export function validateWidth(width: number): number {
  if (!Number.isSafeInteger(width) || width < 1 || width > MAX_WIDTH) {
    throw new LockstepError('BAD_INPUT', `the number width must be a whole number from 1 to ${MAX_WIDTH}, not ${JSON.stringify(width)}`);
  }
  return width;
}

/** Creates ROOT (and its parents) if needed and returns its real path. */
function ensureRoot(abs: string): string {
  let isDir: boolean;
  try {
    isDir = statSync(abs).isDirectory();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw fsError(e, 'open allocation root', abs);
    try {
      mkdirSync(abs, { recursive: true });
    } catch (e2) {
      throw fsError(e2, 'create allocation root', abs);
    }
    isDir = true;
  }
  if (!isDir) throw new LockstepError('ENVIRONMENT', `the allocation root ${abs} is not a directory`, { hint: `move the file out of the way or choose another root` });
  try {
    return realpathSync.native(abs);
  } catch (e) {
    throw fsError(e, 'open allocation root', abs);
  }
}

/** mkdir of the new entry; false when something (not made by lockstep) already took that name. */
function makeEntry(path: string): boolean {
  try {
    mkdirSync(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw fsError(e, 'create', path);
  }
}

export async function allocate(opts: AllocateOptions): Promise<Allocation> {
  const name = sanitizeTopicName(opts.name);
  const width = validateWidth(opts.width ?? DEFAULT_WIDTH);
  const abs = resolveRoot(opts.root, opts.cwd);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const real = ensureRoot(abs);
  const target = allocationLockFor(real);
  const handle = await acquireLock({
    runtime: target.runtime,
    name: target.name,
    timeoutMs,
    cwd: abs,
    command: `allocate ${abs} ${name}`,
    onWait: opts.onWait,
  });
  let number = 0;
  let entry = '';
  // Handed to the next allocation on the release marker; stays null unless
  // the mkdir succeeded (then the next one scans).
  let handOn: LockData | null = null;
  try {
    // A name can only be taken under our feet by something that does not use
    // this lock (a person, another tool); then we simply look again.
    const hint = hintFromData(handle.previousData);
    for (let attempt = 0; ; attempt++) {
      number = (attempt === 0 ? highestWithHint(real, hint).highest : highestNumber(real)) + 1;
      if (!Number.isSafeInteger(number)) throw new LockstepError('ENVIRONMENT', `no number left after ${number - 1} in ${abs}`);
      entry = `${formatNumber(number, width)}_${name}`;
      if (makeEntry(join(real, entry))) break;
      if (attempt >= 100) throw new LockstepError('CONFLICT', `${join(abs, entry)} keeps appearing while allocating: something outside lockstep is creating entries in ${abs}`);
    }
    handOn = hintData(real, number);
  } finally {
    releaseLock(handle, handOn ? { data: handOn } : {});
  }
  appendEvent(target.runtime.root, 'allocate', { root: real, number, entry, token: handle.token });
  return { topicNumber: formatNumber(number, width), topicPath: join(abs, entry), number, name, token: handle.token };
}
