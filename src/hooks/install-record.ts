/**
 * What `lockstep init` changed, kept so that `lockstep uninstall` can put
 * every file back byte for byte: `<runtime>/install.json` lists each file
 * init wrote, created or renamed, with its bytes and mode from before the
 * first init that touched it, and a hash of what init last left there. A
 * second init keeps the first "before" (that is the state to go back to)
 * and only updates "after".
 *
 * init changes no git configuration (core.hooksPath is only read), so the
 * record holds files and the directories init created.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/files.js';
import { LockstepError } from '../core/errors.js';

export interface RecordedFile {
  path: string;
  /** The bytes before init (base64), or null: the file did not exist. */
  before: string | null;
  /** Its permission bits before init (null when it did not exist). */
  mode: number | null;
  /** sha256 of what init left there, or null: init removed it (a hook moved to .lockstep-chained). */
  after: string | null;
}

export interface InstallRecord {
  v: 1;
  files: RecordedFile[];
  /** Directories init created (removed by uninstall when empty). */
  dirs: string[];
}

/** The line lockstep adds to another manager's hook ends with this. */
export const LINE_MARKER = '# lockstep-hook';

/** `text` without the lines lockstep added (each ends with LINE_MARKER). */
export function withoutMarkedLines(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.trimEnd().endsWith(LINE_MARKER))
    .join('\n');
}

export function recordPath(runtimeRoot: string): string {
  return join(runtimeRoot, 'install.json');
}

export function hashBytes(b: Buffer | string): string {
  return createHash('sha256').update(b).digest('hex');
}

export function readRecord(runtimeRoot: string): InstallRecord {
  let text: string;
  try {
    text = readFileSync(recordPath(runtimeRoot), 'utf8');
  } catch {
    return { v: 1, files: [], dirs: [] };
  }
  try {
    const r = JSON.parse(text) as InstallRecord;
    if (r.v === 1 && Array.isArray(r.files) && Array.isArray(r.dirs)) return r;
  } catch {
    /* reported below */
  }
  throw new LockstepError('ENVIRONMENT', `${recordPath(runtimeRoot)} is not a record lockstep init wrote`, {
    hint: 'remove lockstep\'s hooks by hand (lines ending in "# lockstep-hook", files starting "# lockstep-hook v1"), then delete that file',
  });
}

export function saveRecord(runtimeRoot: string, r: InstallRecord): void {
  writeFileAtomic(recordPath(runtimeRoot), JSON.stringify(r, null, 1) + '\n');
}

/** The bytes and mode of `path` now, or null when there is no file. */
export function snapshotFile(path: string): { bytes: Buffer; mode: number } | null {
  try {
    return { bytes: readFileSync(path), mode: statSync(path).mode & 0o7777 };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * Tracks the changes of one init: `before(path)` is called before a file is
 * written, renamed or created, `after(path)` once init is done with it.
 */
export class RecordWriter {
  constructor(
    private readonly root: string,
    private readonly record: InstallRecord = readRecord(root),
  ) {}

  private entry(path: string): RecordedFile {
    let e = this.record.files.find((f) => f.path === path);
    if (e && e.before !== null && e.after !== null) {
      // Edited since the last init (a step added to .husky/pre-commit): that edit, without
      // lockstep's lines, is now what uninstall goes back to.
      const s = snapshotFile(path);
      if (s && hashBytes(s.bytes) !== e.after) {
        e.before = Buffer.from(withoutMarkedLines(s.bytes.toString('utf8'))).toString('base64');
        e.mode = s.mode;
      }
    }
    if (!e) {
      const s = snapshotFile(path);
      e = { path, before: s ? s.bytes.toString('base64') : null, mode: s ? s.mode : null, after: null };
      this.record.files.push(e);
    }
    return e;
  }

  /** Call before changing `path`: the first time, its bytes are kept. */
  before(path: string): void {
    this.entry(path);
  }

  /** Call after changing `path`: what is there now is what uninstall expects to find. */
  after(path: string): void {
    const e = this.entry(path);
    const s = snapshotFile(path);
    e.after = s ? hashBytes(s.bytes) : null;
  }

  dirCreated(dir: string): void {
    if (!this.record.dirs.includes(dir)) this.record.dirs.push(dir);
  }

  save(): void {
    saveRecord(this.root, this.record);
  }
}
