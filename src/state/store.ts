/**
 * Workflow state files: `<runtime>/state/<id>.json`, one per workflow id.
 *
 * - Created with link() from a fully written temp file: the id cannot be
 *   taken twice and no reader ever sees half a file.
 * - Changed by read-modify-write under a lock (`state-<0-f>`, chosen by a
 *   hash of the id), then written to a temp file and renamed over the old
 *   one: concurrent `set`s from many processes lose no key, and readers
 *   (which take no lock) see the old version or the new, never a torn one.
 * - Read strictly: anything that is not a state record is CORRUPT_STATE
 *   (exit 4) and is left exactly as it is for a person to look at.
 */
import { linkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LockstepError, fsError } from '../core/errors.js';
import { checkDirIn, ensureDirIn, readFileNoFollow, tempPathFor, unlinkQuiet, writeFileAtomic } from '../core/files.js';
import { acquireLock, releaseLock, DEFAULT_TIMEOUT_MS } from '../core/lock.js';
import { hostId } from '../core/process.js';
import { openRuntime, type Runtime } from '../core/runtime.js';
import { newStateId, parseStateId, validatePrefix, validateStateId } from './id.js';
import { isReservedKey, SHELL_NAME, validateKey } from './shell-env.js';
import { sha1Hex } from '../core/names.js';
import { quoteInput } from '../core/outside-text.js';

const SCHEMA = 1;
/** One value may hold at most this many characters. */
export const MAX_VALUE_LENGTH = 1024 * 1024;
export const MAX_OWNER_LENGTH = 256;

export interface StateRecord {
  v: number;
  id: string;
  prefix: string;
  /** Who this workflow belongs to (set at init); discovery matches on it. */
  owner: string | null;
  createdAt: string;
  createdAtMs: number;
  updatedAt: string;
  updatedAtMs: number;
  pid: number;
  host: string;
  values: Record<string, string>;
}

export interface StateLocation {
  /** A directory inside the repository (default process.cwd()). */
  cwd?: string;
  runtime?: Runtime;
}

export function stateDir(loc: StateLocation): string {
  const rt = loc.runtime ?? openRuntime({ cwd: loc.cwd });
  return join(rt.root, 'state');
}

export function statePath(dir: string, id: string): string {
  validateStateId(id);
  return join(dir, `${id}.json`);
}

/** `state-0` … `state-f`: a fixed set of lock names, so ids that come and go leave no lock directories behind. */
export function stateLockName(id: string): string {
  return `state-${sha1Hex(id)[0]}`;
}

export function validateOwner(owner: string): string {
  // eslint-disable-next-line no-control-regex
  if (typeof owner !== 'string' || owner === '' || owner.length > MAX_OWNER_LENGTH || /[\u0000-\u001f\u007f]/.test(owner)) {
    throw new LockstepError('BAD_INPUT', `invalid owner key ${quoteInput(owner)}: 1-${MAX_OWNER_LENGTH} printable characters`, {
      hint: 'use something unique to this run, e.g. --owner "$CLAUDE_SESSION_ID" or --owner "$$"',
    });
  }
  return owner;
}

function validateValue(key: string, value: string): string {
  if (typeof value !== 'string') throw new LockstepError('BAD_INPUT', `the value of ${key} must be a string`);
  if (value.includes('\0')) throw new LockstepError('BAD_INPUT', `the value of ${key} contains a NUL byte, which no shell variable can hold`);
  if (value.length > MAX_VALUE_LENGTH) throw new LockstepError('BAD_INPUT', `the value of ${key} is ${value.length} characters long; at most ${MAX_VALUE_LENGTH} are accepted`);
  return value;
}

/**
 * An empty map of values. Keys are any shell names, `__proto__`,
 * `constructor` and `toString` among them: on a plain object
 * `values.__proto__ = 'x'` sets nothing and `values.constructor` is there
 * before anyone set it, so values never live in one.
 */
export function valueMap(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}

function corrupt(path: string, why: string): LockstepError {
  return new LockstepError('CORRUPT_STATE', `the state file ${path} is corrupt: ${why}`, {
    hint: `inspect it (cat "${path}"); lockstep leaves it untouched. Remove it once you are done: rm "${path}"`,
    detail: { path },
  });
}

/** Checks that parsed JSON is a state record for `id`; CORRUPT_STATE otherwise. */
export function checkRecord(raw: unknown, id: string, path: string): StateRecord {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw corrupt(path, 'not a JSON object');
  const r = raw as Record<string, unknown>;
  if (r.v !== SCHEMA) throw corrupt(path, `unknown schema version ${JSON.stringify(r.v)}`);
  if (r.id !== id) throw corrupt(path, `it names id ${JSON.stringify(r.id)}, not ${id}`);
  if (typeof r.prefix !== 'string' || typeof r.createdAtMs !== 'number' || typeof r.updatedAtMs !== 'number') throw corrupt(path, 'fields are missing');
  if (r.owner !== null && typeof r.owner !== 'string') throw corrupt(path, 'owner is not a string');
  const values = r.values;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) throw corrupt(path, 'values is not an object');
  const kept = valueMap();
  for (const [k, v] of Object.entries(values)) {
    if (!SHELL_NAME.test(k) || isReservedKey(k)) throw corrupt(path, `key ${JSON.stringify(k)} is not a usable shell variable name`);
    if (typeof v !== 'string' || v.includes('\0')) throw corrupt(path, `the value of ${k} is not a string`);
    kept[k] = v;
  }
  return { ...r, values: kept } as unknown as StateRecord;
}

function parseFile(text: string, id: string, path: string): StateRecord {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw corrupt(path, text.length === 0 ? 'it is empty' : `it is not valid JSON (${text.length} bytes)`);
  }
  return checkRecord(raw, id, path);
}

/** Reads a state file; null when it does not exist. */
export function readStateFile(dir: string, id: string): StateRecord | null {
  const path = statePath(dir, id);
  if (!checkDirIn(dirname(dir), dir)) return null; // a link there is refused: nothing read, written or deleted through it
  let text: string;
  try {
    text = readFileNoFollow(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fsError(e, 'read state file', path);
  }
  return parseFile(text, id, path);
}

function notFound(id: string): LockstepError {
  return new LockstepError('NOT_FOUND', `no state with id ${id}`, { hint: 'list the ids there are: lockstep state list (it may have expired: state gc removes old ones)' });
}

/** Writes a complete record in place of the old one (temp file + rename). */
export function writeStateFile(dir: string, rec: StateRecord): void {
  writeFileAtomic(statePath(dir, rec.id), JSON.stringify(rec, null, 2) + '\n');
}

/** `<runtime>/state`, created as a real directory of ours (a link there is refused: UNSAFE_PATH). */
function ensureStateDir(dir: string): void {
  ensureDirIn(dirname(dir), dir);
}

export interface InitOptions extends StateLocation {
  prefix: string;
  owner?: string | null;
  /** Initial values. */
  values?: Record<string, string>;
}

export interface InitResult {
  id: string;
  path: string;
  record: StateRecord;
}

export function initState(opts: InitOptions): InitResult {
  validatePrefix(opts.prefix);
  const owner = opts.owner === undefined || opts.owner === null ? null : validateOwner(opts.owner);
  const values = valueMap();
  for (const [k, v] of Object.entries(opts.values ?? {})) values[validateKey(k)] = validateValue(k, v);
  const dir = stateDir(opts);
  ensureStateDir(dir);
  for (let attempt = 0; ; attempt++) {
    const id = newStateId(opts.prefix);
    const now = Date.now();
    const record: StateRecord = {
      v: SCHEMA,
      id,
      prefix: opts.prefix,
      owner,
      createdAt: new Date(now).toISOString(),
      createdAtMs: now,
      updatedAt: new Date(now).toISOString(),
      updatedAtMs: now,
      pid: process.pid,
      host: hostId(),
      values,
    };
    const path = statePath(dir, id);
    const tmp = tempPathFor(path);
    try {
      writeFileSync(tmp, JSON.stringify(record, null, 2) + '\n', { flag: 'wx', mode: 0o644 });
      linkSync(tmp, path);
      return { id, path, record };
    } catch (e) {
      // A taken id is all but impossible; try a fresh one rather than overwrite.
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 5) continue;
      throw fsError(e, 'create state file', path);
    } finally {
      unlinkQuiet(tmp);
    }
  }
}

export interface GetOptions extends StateLocation {
  id: string;
}

export function getState(opts: GetOptions): StateRecord {
  validateStateId(opts.id);
  const rec = readStateFile(stateDir(opts), opts.id);
  if (!rec) throw notFound(opts.id);
  return rec;
}

export interface SetOptions extends StateLocation {
  id: string;
  values: Record<string, string>;
  /** Keys to remove. */
  unset?: string[];
  timeoutMs?: number;
}

/** Merges `values` into the state under the id's lock; returns the record as written. */
export async function setState(opts: SetOptions): Promise<StateRecord> {
  validateStateId(opts.id);
  const entries = Object.entries(opts.values).map(([k, v]) => [validateKey(k), validateValue(k, v)] as const);
  const unset = (opts.unset ?? []).map(validateKey);
  const rt = opts.runtime ?? openRuntime({ cwd: opts.cwd });
  const dir = stateDir({ runtime: rt });
  // Fail fast, before taking a lock, when there is nothing to change.
  if (!readStateFile(dir, opts.id)) throw notFound(opts.id);
  const handle = await acquireLock({ runtime: rt, name: stateLockName(opts.id), timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, command: `state set ${opts.id}` });
  try {
    const rec = readStateFile(dir, opts.id);
    if (!rec) throw notFound(opts.id);
    for (const [k, v] of entries) rec.values[k] = v;
    for (const k of unset) delete rec.values[k];
    const now = Date.now();
    rec.updatedAtMs = now;
    rec.updatedAt = new Date(now).toISOString();
    writeStateFile(dir, rec);
    return rec;
  } finally {
    releaseLock(handle);
  }
}

export interface RemoveOptions extends StateLocation {
  id: string;
  timeoutMs?: number;
}

/** Deletes a state file (under its lock, so a concurrent set cannot resurrect half of it). */
export async function removeState(opts: RemoveOptions): Promise<boolean> {
  validateStateId(opts.id);
  const rt = opts.runtime ?? openRuntime({ cwd: opts.cwd });
  const dir = stateDir({ runtime: rt });
  const handle = await acquireLock({ runtime: rt, name: stateLockName(opts.id), timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, command: `state rm ${opts.id}` });
  try {
    return checkDirIn(rt.root, dir) && unlinkQuiet(statePath(dir, opts.id));
  } finally {
    releaseLock(handle);
  }
}

/** The id's parts, for listings (null when the file name is not an id). */
export function idOfFile(file: string): string | null {
  if (!file.endsWith('.json')) return null;
  const id = file.slice(0, -5);
  return parseStateId(id) ? id : null;
}
