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
import { mkdirSync, realpathSync, rmdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LockstepError, fsError } from '../core/errors.js';
import { appendEvent } from '../core/events.js';
import { acquireOrServed, releaseLock, serveWaiters, DEFAULT_TIMEOUT_MS, type LockData, type WaitInfo } from '../core/lock.js';
import { allocationLockFor } from './lock-target.js';
import { isSanitizedTopicName, sanitizeTopicName } from './name.js';
import { highestWithHint, hintData, hintFromData } from './highest-hint.js';
import { formatNumber, highestNumber } from './scan.js';
import { quoteInput } from '../core/outside-text.js';

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

/** Whether `width` is a whole number from 1 to MAX_WIDTH (validateWidth without the error). */
function isValidWidth(width: number): boolean {
  return Number.isSafeInteger(width) && width >= 1 && width <= MAX_WIDTH;
}

export function validateWidth(width: number): number {
  if (!isValidWidth(width)) {
    throw new LockstepError('BAD_INPUT', `the number width must be a whole number from 1 to ${MAX_WIDTH}, not ${quoteInput(width)}`);
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

/** What a waiting allocation asks the holder to do for it (see serveWaiters). */
interface AllocateRequest {
  kind: 'allocate';
  /** The real path of the root (the lock is per root; a request for another root is declined). */
  root: string;
  name: string;
  width: number;
}

interface AllocateResult {
  number: number;
  entry: string;
}

/**
 * A request read from another process's ticket, checked by the same rules as
 * the caller's own input: the name must be one sanitizing leaves unchanged,
 * the width one validateWidth accepts.
 */
function requestFor(real: string, data: Record<string, unknown>): AllocateRequest | null {
  const r = data as Partial<AllocateRequest>;
  if (r.kind !== 'allocate' || r.root !== real || typeof r.name !== 'string' || typeof r.width !== 'number') return null;
  if (!isSanitizedTopicName(r.name) || !isValidWidth(r.width)) return null;
  return r as AllocateRequest;
}

/** A served result is the number the holder created our entry under. */
function resultOf(served: string, name: string, width: number): AllocateResult | null {
  if (!/^[1-9][0-9]{0,15}$/.test(served)) return null;
  const number = Number(served);
  if (!Number.isSafeInteger(number)) return null;
  return { number, entry: `${formatNumber(number, width)}_${name}` };
}

/**
 * Numbers and entries under the lock: the holder's own, then those of the
 * waiters it serves. `highest` is what the next one builds on.
 */
class Numberer {
  constructor(
    private readonly real: string,
    private readonly abs: string,
    public highest: number,
  ) {}

  /** mkdir of the next `NNN_name`; a name taken under our feet by something outside lockstep: look again. */
  next(name: string, width: number): AllocateResult {
    for (let attempt = 0; ; attempt++) {
      const number = (attempt === 0 ? this.highest : highestNumber(this.real)) + 1;
      if (!Number.isSafeInteger(number)) throw new LockstepError('ENVIRONMENT', `no number left after ${number - 1} in ${this.abs}`);
      const entry = `${formatNumber(number, width)}_${name}`;
      if (makeEntry(join(this.real, entry))) {
        this.highest = number;
        return { number, entry };
      }
      if (attempt >= 100) throw new LockstepError('CONFLICT', `${join(this.abs, entry)} keeps appearing while allocating: something outside lockstep is creating entries in ${this.abs}`);
    }
  }

  /** Takes back the entry just made (its waiter withdrew before the result reached it). */
  undo(r: AllocateResult): void {
    try {
      rmdirSync(join(this.real, r.entry));
      if (this.highest === r.number) this.highest = r.number - 1;
    } catch {
      /* not empty or gone: it stays, numbered, and the next number is above it */
    }
  }
}

export async function allocate(opts: AllocateOptions): Promise<Allocation> {
  const name = sanitizeTopicName(opts.name);
  const width = validateWidth(opts.width ?? DEFAULT_WIDTH);
  const abs = resolveRoot(opts.root, opts.cwd);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const real = ensureRoot(abs);
  const target = allocationLockFor(real);
  const request = { kind: 'allocate', root: real, name, width } satisfies AllocateRequest;
  const got = await acquireOrServed({
    runtime: target.runtime,
    name: target.name,
    timeoutMs,
    cwd: abs,
    command: `allocate ${abs} ${name}`,
    onWait: opts.onWait,
    request,
  });
  let mine: AllocateResult;
  let token: number;
  if ('served' in got) {
    // A holder made our entry under its lock while we were queued.
    const r = resultOf(got.result, name, width);
    if (!r) {
      throw new LockstepError('CORRUPT_STATE', `the holder of the ${target.name} lock (token ${got.token}) answered this allocation with ${quoteInput(got.result)}`, {
        hint: `nothing of this call's name was handed out; check the root with lockstep allocate --verify ${abs}`,
      });
    }
    mine = r;
    token = got.token;
    // (The holder's own `allocate` line lists it, with our pid.)
  } else {
    const handle = got;
    token = handle.token;
    // Handed to the next allocation on the release marker; stays null unless
    // our mkdir succeeded (then the next one scans).
    let handOn: LockData | null = null;
    const servedFor: { pid: number; number: number; entry: string }[] = [];
    try {
      const hint = hintFromData(handle.previousData);
      const numbers = new Numberer(real, abs, highestWithHint(real, hint).highest);
      mine = numbers.next(name, width);
      // Then the allocations queued behind us, in their order, in this same hold.
      try {
        serveWaiters(handle, (data, waiter) => {
          const req = requestFor(real, data);
          if (!req) return null;
          const r = numbers.next(req.name, req.width);
          return { result: String(r.number), undo: () => numbers.undo(r), handedOver: () => servedFor.push({ pid: waiter.pid, number: r.number, entry: r.entry }) };
        });
      } catch {
        // Our own entry is made: a failure while making someone else's only
        // ends the serving. That waiter is still queued, takes the lock
        // itself and meets the failure in its own call, with its own error.
      }
      handOn = hintData(real, numbers.highest);
    } finally {
      releaseLock(handle, handOn ? { data: handOn } : {});
    }
    // One line for the whole hold: our entry, and those made for the waiters served in it.
    appendEvent(target.runtime.root, 'allocate', { root: real, number: mine.number, entry: mine.entry, token, ...(servedFor.length ? { servedOthers: servedFor.length, servedFor } : {}) });
  }
  return { topicNumber: formatNumber(mine.number, width), topicPath: join(abs, mine.entry), number: mine.number, name, token };
}
