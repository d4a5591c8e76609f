/**
 * TTL cleanup of workflow state. A state file is old when it was last
 * changed more than `ttlMs` ago. Each removal happens under the id's lock and
 * after a second look, so a `set` that lands meanwhile keeps its state alive.
 * Corrupt files are reported and left alone: they are evidence.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LockstepError, fsError } from '../core/errors.js';
import { unlinkQuiet } from '../core/files.js';
import { acquireLock, releaseLock, DEFAULT_TIMEOUT_MS } from '../core/lock.js';
import { pidExists } from '../core/process.js';
import { openRuntime } from '../core/runtime.js';
import { listStates } from './discover.js';
import { readStateFile, stateDir, stateLockName, type StateLocation } from './store.js';

export interface GcOptions extends StateLocation {
  ttlMs: number;
  /** Report what would go without removing anything. */
  dryRun?: boolean;
  now?: number;
  timeoutMs?: number;
}

export interface GcResult {
  removed: string[];
  kept: number;
  corrupt: string[];
  /** Leftover temp files of dead writers that were removed. */
  tempFiles: number;
  dryRun: boolean;
}

export async function gcStates(opts: GcOptions): Promise<GcResult> {
  if (!Number.isFinite(opts.ttlMs) || opts.ttlMs < 0) throw new LockstepError('BAD_INPUT', `invalid TTL ${opts.ttlMs}`);
  const rt = opts.runtime ?? openRuntime({ cwd: opts.cwd });
  const dir = stateDir({ runtime: rt });
  const now = opts.now ?? Date.now();
  const cutoff = now - opts.ttlMs;
  const result: GcResult = { removed: [], kept: 0, corrupt: [], tempFiles: 0, dryRun: !!opts.dryRun };
  for (const e of listStates({ runtime: rt })) {
    if (!e.record) {
      result.corrupt.push(e.path);
      continue;
    }
    if (e.record.updatedAtMs >= cutoff) {
      result.kept++;
      continue;
    }
    if (opts.dryRun) {
      result.removed.push(e.id);
      continue;
    }
    const h = await acquireLock({ runtime: rt, name: stateLockName(e.id), timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, command: `state gc ${e.id}` });
    try {
      const again = readStateFile(dir, e.id);
      if (again && again.updatedAtMs < cutoff && unlinkQuiet(e.path)) result.removed.push(e.id);
      else result.kept++;
    } finally {
      releaseLock(h);
    }
  }
  // Temp files (`.tmp.<name>.<pid>.<hex>`) whose writer died before its rename.
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw fsError(e, 'read state directory', dir);
  }
  for (const f of names) {
    if (!f.startsWith('.tmp.')) continue;
    const pid = Number(f.split('.').at(-2));
    const path = join(dir, f);
    let old = false;
    try {
      old = statSync(path).mtimeMs < cutoff;
    } catch {
      continue;
    }
    if (old && !(Number.isInteger(pid) && pid > 0 && pidExists(pid))) {
      if (!opts.dryRun) unlinkQuiet(path);
      result.tempFiles++;
    }
  }
  return result;
}
