/**
 * Small file-system helpers shared by every kind of run-time state.
 *
 * The rule they keep (docs/lock.md, "Links are never followed"): lockstep
 * writes, reads and deletes under a root it owns (`<git common dir>/lockstep`,
 * `ROOT/.lockstep`) only through real directories of its own user, checked
 * component by component with lstat(2) — ensureDirIn, checkDirIn — and opens
 * files there with O_NOFOLLOW or O_EXCL, so a symbolic link planted anywhere
 * below the root is refused (UNSAFE_PATH, naming it) instead of followed out.
 * New files are made by O_EXCL temp + link(2)/rename(2), which never follow a
 * link at the final name either.
 */
import { constants as fsc, linkSync, lstatSync, mkdirSync, openSync, readFileSync, readlinkSync, renameSync, rmSync, unlinkSync, writeSync, closeSync, fsyncSync, type Stats } from 'node:fs';
import { dirname, basename, isAbsolute, join, relative, sep } from 'node:path';
import { LockstepError, fsError } from './errors.js';
import { randomHex } from './names.js';

/** O_NOFOLLOW (0 where the platform has none): an open that fails with ELOOP on a link instead of following it. */
export const O_NOFOLLOW = fsc.O_NOFOLLOW ?? 0;
/** openSync flags: read (or read and write) an existing file that must not be a link. */
export const READ_NOFOLLOW = fsc.O_RDONLY | O_NOFOLLOW;
export const UPDATE_NOFOLLOW = fsc.O_RDWR | O_NOFOLLOW;

/** The refusal for a path lockstep will not use: what is there, and how to clear it. */
export function unsafePathError(path: string, why: string): LockstepError {
  return new LockstepError('UNSAFE_PATH', `refusing to use ${path}: ${why}; lockstep does not follow links there`, {
    hint: `see what is there (ls -la "${path}") and remove it if lockstep did not make it`,
    detail: { path },
  });
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fsError(e, 'look at', path);
  }
}

/** Throws unless `st` (of `path`) is a real directory (of this user, unless `anyOwner`: a checkout's). */
function checkRealDir(path: string, st: Stats, anyOwner = false): void {
  if (st.isSymbolicLink()) {
    let to = '?';
    try {
      to = readlinkSync(path);
    } catch {
      /* gone meanwhile */
    }
    throw unsafePathError(path, `it is a symbolic link (to ${JSON.stringify(to)})`);
  }
  if (!st.isDirectory()) throw new LockstepError('ENVIRONMENT', `cannot use ${path} as a directory: a file is in the way`, { hint: `move it away: mv "${path}" "${path}.moved"` });
  const uid = process.getuid?.();
  if (!anyOwner && uid !== undefined && st.uid !== uid) throw unsafePathError(path, `it belongs to user ${st.uid}, not to this user (${uid})`);
}

/** The components from `root` down to `path` (inclusive), each a path; `path` must be `root` or inside it. */
function componentsFrom(root: string, path: string): string[] {
  const rel = relative(root, path);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new Error(`internal: ${path} is not inside ${root}`);
  const out = [root];
  if (rel) for (const part of rel.split(sep)) out.push(join(out[out.length - 1]!, part));
  return out;
}

/**
 * Makes `path` a real directory of this user inside `root`, which lockstep
 * owns: `root` and every component below it are lstat'ed, never followed,
 * and created one mkdir at a time when missing; a link, or a directory of
 * another user, is refused with UNSAFE_PATH naming it. `root`'s parents are
 * trusted (the git common dir, a root the user named) and created if
 * missing. With `checkout`, `root` is a checkout or git dir, trusted itself,
 * whose directories may belong to another user (a CI container's root user).
 */
export function ensureDirIn(root: string, path: string, opts: { checkout?: boolean } = {}): void {
  const parts = componentsFrom(root, path);
  if (opts.checkout) parts.shift();
  else if (!lstatOrNull(root)) ensureDir(dirname(root));
  for (const dir of parts) {
    let st = lstatOrNull(dir);
    if (!st) {
      try {
        mkdirSync(dir);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw fsError(e, 'create directory', dir);
      }
      st = lstatSync(dir);
    }
    checkRealDir(dir, st, opts.checkout);
  }
}

/**
 * Like ensureDirIn without creating anything: true when `path` is a real
 * directory of this user inside `root`, false when a component is missing;
 * throws UNSAFE_PATH on a link. The check before listing or deleting in a
 * directory.
 */
export function checkDirIn(root: string, path: string): boolean {
  for (const dir of componentsFrom(root, path)) {
    const st = lstatOrNull(dir);
    if (!st) return false;
    checkRealDir(dir, st);
  }
  return true;
}

/**
 * Removes `path` (a file or a whole tree) inside lockstep's `root`: its
 * directory is checked with checkDirIn and `path` itself must be ours and
 * not a link (a link is refused, not removed: lockstep did not make it).
 * The tree is removed without following links inside it (rm -r semantics).
 * False when nothing was there.
 */
export function removeTreeIn(root: string, path: string): boolean {
  if (!checkDirIn(root, dirname(path))) return false;
  const st = lstatOrNull(path);
  if (!st) return false;
  if (st.isDirectory() || st.isSymbolicLink()) checkRealDir(path, st);
  try {
    rmSync(path, { recursive: true, force: true });
  } catch (e) {
    throw fsError(e, 'remove', path);
  }
  return true;
}

/** An O_APPEND descriptor for `path`, created if missing; a link there is refused (UNSAFE_PATH), never appended through. */
export function openAppend(path: string, what = 'append to'): number {
  try {
    return openSync(path, fsc.O_WRONLY | fsc.O_APPEND | fsc.O_CREAT | O_NOFOLLOW, 0o644);
  } catch (e) {
    throw fsError(e, what, path);
  }
}

/** Reads a file that must not be a link (ELOOP, mapped by fsError to UNSAFE_PATH). Errors are raw, as readFileSync's. */
export function readFileNoFollow(path: string): string {
  const fd = openSync(path, READ_NOFOLLOW);
  try {
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** mkdir -p of a directory the user named (not lockstep's own: its parents may be links the user made). */
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
    text = readFileNoFollow(path);
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
