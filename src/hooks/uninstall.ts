/**
 * `lockstep uninstall`: puts back every file `lockstep init` changed, byte
 * for byte and with its mode, from the record init keeps
 * (src/hooks/install-record.ts), newest change first so that a hook moved
 * aside (`.lockstep-chained`, `.lockstep-backup`) returns to its name. A file
 * changed since init is not overwritten: a hook file keeps those changes and
 * loses only lockstep's lines; anything else is left as it is and said.
 * init changes no git configuration, so there is none to restore.
 */
import { chmodSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { fsError } from '../core/errors.js';
import { openRuntime } from '../core/runtime.js';
import { unlinkQuiet } from '../core/files.js';
import { hashBytes, LINE_MARKER, readRecord, recordPath, snapshotFile, withoutMarkedLines, type RecordedFile } from './install-record.js';

export type UninstallAction =
  | 'restored' // the bytes and mode from before init are back
  | 'removed' // init created it; deleted
  | 'unmarked' // changed since init: only lockstep's lines were taken out
  | 'kept'; // changed since init and not lockstep's: left as it is

export interface UninstallEntry {
  path: string;
  action: UninstallAction;
  detail?: string;
}

export interface UninstallResult {
  /** False when init never ran here (no record): nothing was done. */
  recorded: boolean;
  entries: UninstallEntry[];
  /** Directories init created and uninstall removed. */
  dirs: string[];
  /** True when everything is as it was before init (no `kept`). */
  ok: boolean;
}

function undo(f: RecordedFile): UninstallEntry {
  const now = snapshotFile(f.path);
  const untouched = now === null ? f.after === null : hashBytes(now.bytes) === f.after;
  try {
    if (untouched) {
      if (f.before === null) {
        if (now) unlinkSync(f.path);
        return { path: f.path, action: 'removed' };
      }
      writeFileSync(f.path, Buffer.from(f.before, 'base64'));
      chmodSync(f.path, f.mode ?? 0o644);
      return { path: f.path, action: 'restored' };
    }
    const text = now ? now.bytes.toString('utf8') : null;
    if (text !== null && text.split('\n').some((l) => l.trimEnd().endsWith(LINE_MARKER))) {
      writeFileSync(f.path, withoutMarkedLines(text));
      return { path: f.path, action: 'unmarked', detail: "changed since lockstep init: kept those changes, took out lockstep's lines" };
    }
    return { path: f.path, action: 'kept', detail: now ? 'changed since lockstep init: left as it is' : 'deleted since lockstep init: left deleted' };
  } catch (e) {
    throw fsError(e, 'restore', f.path);
  }
}

export function uninstallHooks(opts: { cwd: string }): UninstallResult {
  const rt = openRuntime({ cwd: opts.cwd });
  const record = readRecord(rt.root);
  if (!record.files.length && !record.dirs.length) return { recorded: false, entries: [], dirs: [], ok: true };
  const entries = [...record.files].reverse().map(undo);
  const dirs: string[] = [];
  for (const d of record.dirs) {
    try {
      rmdirSync(d);
      dirs.push(d);
    } catch {
      /* not empty (something else is in it now) or gone: left */
    }
  }
  unlinkQuiet(recordPath(rt.root));
  return { recorded: true, entries, dirs, ok: entries.every((e) => e.action !== 'kept') };
}
