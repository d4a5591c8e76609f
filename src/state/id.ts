/**
 * Workflow ids: `PREFIX_<nanoseconds>_<pid>_<random>`.
 *
 * Second-precision ids (`command_$(date +%s)`) collide whenever two instances
 * start in the same second. Here the time has nanosecond resolution and only
 * rises within a process, the pid separates processes alive at the same time,
 * and 32 random bits separate everything else (pid reuse, containers, hosts).
 */
import { LockstepError } from '../core/errors.js';
import { randomHex } from '../core/names.js';
import { quoteInput } from '../core/outside-text.js';

export const PREFIX = /^[A-Za-z0-9_-]{1,64}$/;
/** Parsed from the right, because a prefix may itself contain `_`. */
const ID = /^([A-Za-z0-9_-]{1,64})_(\d{1,30})_(\d{1,10})_([0-9a-f]{8})$/;

export interface ParsedStateId {
  prefix: string;
  /** Creation time in nanoseconds since the epoch, as a decimal string. */
  ns: string;
  pid: number;
  random: string;
}

export function validatePrefix(prefix: string): string {
  if (typeof prefix !== 'string' || !PREFIX.test(prefix)) {
    throw new LockstepError('BAD_INPUT', `invalid state prefix ${quoteInput(prefix)}: use 1-64 characters of A-Z, a-z, 0-9, '_' or '-'`, {
      hint: 'name it after the command, e.g. lockstep state init create-plan',
    });
  }
  return prefix;
}

export function parseStateId(id: string): ParsedStateId | null {
  if (typeof id !== 'string') return null;
  const m = ID.exec(id);
  if (!m) return null;
  return { prefix: m[1]!, ns: m[2]!, pid: Number(m[3]), random: m[4]! };
}

/** Checks an id from outside before it becomes part of a path. */
export function validateStateId(id: string): ParsedStateId {
  const p = parseStateId(id);
  if (!p) {
    throw new LockstepError('BAD_INPUT', `invalid state id ${quoteInput(id)}: expected PREFIX_<nanoseconds>_<pid>_<8 hex>, as printed by lockstep state init`, {
      hint: 'list the ids there are: lockstep state list',
    });
  }
  return p;
}

// Wall-clock nanoseconds: the epoch offset is taken once, the monotonic clock
// supplies the resolution, and `last` makes the value strictly rising.
const offset = BigInt(Date.now()) * 1_000_000n - process.hrtime.bigint();
let last = 0n;

export function nowNs(): bigint {
  let t = process.hrtime.bigint() + offset;
  if (t <= last) t = last + 1n;
  last = t;
  return t;
}

export function newStateId(prefix: string): string {
  validatePrefix(prefix);
  return `${prefix}_${nowNs()}_${process.pid}_${randomHex(4)}`;
}
