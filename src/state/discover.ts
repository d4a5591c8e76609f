/**
 * Finding state again in a later step of the same workflow.
 *
 * "The newest state file with this prefix" is a race: two instances of one
 * command started close together each pick up whichever file was written
 * last — possibly the other's. Discovery here matches the owner key recorded
 * at init (a session id, a terminal, a parent pid: whatever is unique to the
 * caller), so an instance only ever finds its own state. Among several
 * states of the same owner, the one created last wins (that owner started
 * it again); another owner's newer file never does.
 */
import { readdirSync } from 'node:fs';
import { checkDirIn, readFileNoFollow } from '../core/files.js';
import { dirname, join } from 'node:path';
import { LockstepError, fsError, isLockstepError } from '../core/errors.js';
import { parseStateId, validatePrefix } from './id.js';
import { checkRecord, idOfFile, stateDir, validateOwner, type StateLocation, type StateRecord } from './store.js';

export interface StateListEntry {
  id: string;
  path: string;
  /** Null when the file could not be read as a state record (see `error`). */
  record: StateRecord | null;
  error: string | null;
}

function readDir(dir: string): string[] {
  if (!checkDirIn(dirname(dir), dir)) return []; // a link there is refused (UNSAFE_PATH), never listed through
  try {
    return readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw fsError(e, 'read state directory', dir);
  }
}

/** Every state file (optionally of one prefix), corrupt ones included with their error. */
export function listStates(opts: StateLocation & { prefix?: string } = {}): StateListEntry[] {
  if (opts.prefix !== undefined) validatePrefix(opts.prefix);
  const dir = stateDir(opts);
  const out: StateListEntry[] = [];
  for (const f of readDir(dir)) {
    const id = idOfFile(f);
    if (!id) continue;
    if (opts.prefix !== undefined && parseStateId(id)!.prefix !== opts.prefix) continue;
    const path = join(dir, f);
    let text: string;
    try {
      text = readFileNoFollow(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // removed by gc meanwhile
      throw fsError(e, 'read state file', path);
    }
    try {
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        throw new LockstepError('CORRUPT_STATE', `the state file ${path} is corrupt: it is not valid JSON (${text.length} bytes)`);
      }
      out.push({ id, path, record: checkRecord(raw, id, path), error: null });
    } catch (e) {
      if (!isLockstepError(e) || e.code !== 'CORRUPT_STATE') throw e;
      out.push({ id, path, record: null, error: e.message });
    }
  }
  // Creation order from the id itself (nanoseconds), not file mtimes.
  return out.sort((a, b) => {
    const na = BigInt(parseStateId(a.id)!.ns);
    const nb = BigInt(parseStateId(b.id)!.ns);
    return na < nb ? -1 : na > nb ? 1 : a.id < b.id ? -1 : 1;
  });
}

export interface DiscoverOptions extends StateLocation {
  prefix: string;
  owner: string;
}

export interface DiscoverResult {
  /** This owner's state, or null when it has none. */
  found: StateRecord | null;
  path: string | null;
  /** How many states of this prefix belong to this owner (the newest is returned). */
  ownerStates: number;
  /** Corrupt files of this prefix that were skipped (they might have been this owner's). */
  corrupt: string[];
}

export function discoverState(opts: DiscoverOptions): DiscoverResult {
  validatePrefix(opts.prefix);
  const owner = validateOwner(opts.owner);
  const all = listStates({ cwd: opts.cwd, runtime: opts.runtime, prefix: opts.prefix });
  const mine = all.filter((e) => e.record?.owner === owner);
  const corrupt = all.filter((e) => e.error !== null).map((e) => e.path);
  const last = mine[mine.length - 1];
  if (!last && corrupt.length) {
    throw new LockstepError('CORRUPT_STATE', `no readable ${opts.prefix} state of owner ${owner}, and ${corrupt.length} corrupt state ${corrupt.length === 1 ? 'file' : 'files'} of that prefix could have been it: ${corrupt.join(', ')}`, {
      hint: `inspect ${corrupt.length === 1 ? 'it' : 'them'} (lockstep state list ${opts.prefix}); lockstep leaves corrupt files untouched`,
      detail: { corrupt },
    });
  }
  return { found: last?.record ?? null, path: last?.path ?? null, ownerStates: mine.length, corrupt };
}
