/**
 * Why a child process could not start. Node reports a working directory that
 * is missing with the same ENOENT as a program that is missing (and one that
 * is a file, or too long a path, as ENOTDIR / ENAMETOOLONG from spawn), so
 * every spawn that fails asks here first whether the directory was the cause:
 * "git was not found on PATH" must never be said of a bad directory.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { LockstepError } from './errors.js';

/** Longest part of a path shown in a message; the rest is elided (a 5 kB -C must not fill the screen). */
const SHOWN_MAX = 120;

/** A directory as shown to a person: quoted (control characters escaped) unless plain, and elided when long. */
export function showDir(dir: string): string {
  const cut = dir.length > SHOWN_MAX ? `${dir.slice(0, SHOWN_MAX)}…` : dir;
  const shown = /^[\w./@+-]+$/.test(cut) ? cut : JSON.stringify(cut).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return dir.length > SHOWN_MAX ? `${shown} (${dir.length} characters)` : shown;
}

/** Why `dir` cannot be a child's working directory, or null when it can. */
export function unusableDir(dir: string): string | null {
  try {
    const st = statSync(dir, { throwIfNoEntry: false });
    if (!st) return 'no such directory';
    if (!st.isDirectory()) return 'not a directory';
    accessSync(dir, constants.X_OK);
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENAMETOOLONG') return 'the path is too long';
    if (code === 'ENOTDIR') return 'a part of the path is not a directory';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'ELOOP') return 'too many levels of symbolic links';
    return `cannot use it (${code ?? String(e)})`;
  }
}

/**
 * The error for a child (`program`) that failed to start in `cwd`: BAD_INPUT
 * naming the directory when it is the cause, else null (the caller knows what
 * a failure of its own program means, e.g. GIT_MISSING for ENOENT).
 */
export function badCwdError(program: string, cwd: string | undefined): LockstepError | null {
  const why = unusableDir(cwd ?? process.cwd());
  if (why === null) return null;
  const dir = cwd ?? process.cwd();
  return new LockstepError('BAD_INPUT', `cannot run ${program} in ${showDir(dir)}: ${why}`, { detail: { cwd: dir, reason: why } });
}

/** A one-line reason for a failed spawn, for results that carry a message rather than throw. */
export function spawnFailureMessage(program: string, cwd: string | undefined, e: unknown): string {
  const bad = badCwdError(program, cwd);
  if (bad) return bad.message;
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return `command not found: ${program}`;
  return `cannot run ${program}: ${(e as Error)?.message ?? String(e)}`;
}
