/** Small file-system helpers shared by every kind of run-time state. */
import { linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync, closeSync, fsyncSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { LockstepError, fsError } from './errors.js';
import { randomHex } from './names.js';

export function ensureDir(path: string): void {
  try {
    mkdirSync(path, { recursive: true });
  } catch (e) {
    throw fsError(e, 'create directory', path);
  }
}

/** A name for a temporary file next to `path`, unique to this process and call. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.tmp.${basename(path)}.${process.pid}.${randomHex(4)}`);
}

/**
 * Writes `data` to a temp file in the same directory and renames it over
 * `path`: readers see the old content or the new, never a torn write.
 */
export function writeFileAtomic(path: string, data: string, opts: { fsync?: boolean } = {}): void {
  const tmp = tempPathFor(path);
  try {
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      writeSync(fd, data);
      if (opts.fsync) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw fsError(e, 'write', path);
  }
}

/**
 * Creates `path`, which must not exist yet (O_EXCL), writes `data` to it and
 * returns the descriptor, open for reading and writing (the caller closes
 * it); null when the path exists. A write that fails removes the file again.
 * Errors name `where` (default: the path).
 */
export function openExclusive(path: string, data: string, what = 'create', where = path): number | null {
  let fd: number;
  try {
    fd = openSync(path, 'wx+', 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw fsError(e, what, where);
  }
  try {
    writeSync(fd, data);
  } catch (e) {
    closeSync(fd);
    unlinkQuiet(path);
    throw fsError(e, what, where);
  }
  return fd;
}

/** Reads and parses a JSON file; undefined when it does not exist; CORRUPT_STATE when it is not JSON. */
export function readJsonFile<T>(path: string, what: string): T | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fsError(e, 'read', path);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new LockstepError('CORRUPT_STATE', `${what} at ${path} is not valid JSON (${text.length} bytes)`, {
      hint: `inspect it, then remove it if it is garbage: rm "${path}"`,
    });
  }
}

export function unlinkQuiet(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes `data` to a new temp file in `dir` (named `.tmp.<pid>.<random>`, so
 * leftovers of dead processes can be recognised) and returns its path: the
 * first half of every "write fully, then link() into place" step.
 */
export function writeTempIn(dir: string, data: string, what = 'write a record in'): string {
  const path = join(dir, `.tmp.${process.pid}.${randomHex(6)}`);
  const fd = openExclusive(path, data, what, dir);
  if (fd === null) throw new LockstepError('CONFLICT', `could not ${what} ${dir}: ${path} exists already`);
  closeSync(fd);
  return path;
}

/** link(2): true when we created `dest`, false when it exists (or, with `missingOk`, when `src` is gone). */
export function tryLink(src: string, dest: string, missingOk = false): boolean {
  try {
    linkSync(src, dest);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (missingOk && code === 'ENOENT') return false;
    throw fsError(e, 'create', dest);
  }
}
