/**
 * `--copy PATH`: files or directories copied from the user's checkout into an
 * agent worktree (untracked config such as `.env`, tool settings). Paths are
 * validated before anything is touched: relative, inside the checkout (also
 * after resolving symlinks), never `.git`. A copy replaces what is at the
 * destination, so the worktree holds exactly the checkout's version.
 *
 * Links are never followed out (docs/parallel-agents.md, "Copies"): the
 * source must resolve inside the checkout, checked again at every copy (a
 * refresh too); links inside a copied directory are copied as links, never
 * read through. On the destination side every component below the worktree
 * is lstat'ed — the base branch may commit `cfg -> /anywhere` — and a link
 * is refused (UNSAFE_PATH) before anything is removed or written.
 */
import { cpSync, existsSync, lstatSync, realpathSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { LockstepError, fsError } from '../core/errors.js';
import { quoteInput } from '../core/outside-text.js';
import { ensureDirIn, unsafePathError } from '../core/files.js';

/** Validates and normalizes copy paths against the checkout they come from. */
export function validateCopies(sourceTop: string, paths: string[]): string[] {
  const top = realpathSync(sourceTop);
  const out: string[] = [];
  for (const raw of paths) {
    if (typeof raw !== 'string' || raw.trim() === '' || raw.includes('\0')) throw new LockstepError('BAD_INPUT', `invalid copy path ${quoteInput(raw)}`);
    if (isAbsolute(raw)) throw new LockstepError('BAD_INPUT', `copy path ${quoteInput(raw)} must be relative to the checkout (${sourceTop})`);
    const rel = normalize(raw).replace(/[\\/]+$/, '');
    const parts = rel.split(/[\\/]/);
    if (rel === '.' || rel === '' || parts.includes('..')) throw new LockstepError('BAD_INPUT', `copy path ${quoteInput(raw)} must name something inside the checkout`);
    if (parts[0] === '.git') throw new LockstepError('BAD_INPUT', `copy path ${quoteInput(raw)} is inside .git: git's own files are never copied`);
    const abs = join(top, rel);
    if (!existsSync(abs)) throw new LockstepError('BAD_INPUT', `copy path ${quoteInput(rel)} does not exist in ${sourceTop}`);
    const real = realpathSync(abs);
    const within = relative(top, real);
    if (within === '' || within.startsWith('..') || isAbsolute(within) || within.split(sep)[0] === '.git') {
      throw new LockstepError('BAD_INPUT', `copy path ${quoteInput(rel)} resolves to ${quoteInput(real)}, outside the checkout ${top}`);
    }
    if (!out.includes(rel)) out.push(rel);
  }
  return out;
}

/** Copies each path from `sourceTop` to the same place under `destTop`, replacing what was there. */
export function applyCopies(sourceTop: string, destTop: string, rels: string[]): void {
  validateCopies(sourceTop, rels); // again: the checkout may have changed since the paths were given
  for (const rel of rels) {
    const src = join(sourceTop, rel);
    const dest = join(destTop, rel);
    ensureDirIn(destTop, dirname(dest), { checkout: true }); // refuses a link on the way (UNSAFE_PATH), creates what is missing
    const st = lstatSync(dest, { throwIfNoEntry: false });
    if (st?.isSymbolicLink()) throw unsafePathError(dest, `the destination of --copy ${rel} is a symbolic link (committed in the base branch?)`);
    try {
      // rm -r removes links inside a tree without following them; the parents are real directories (above).
      if (st) rmSync(dest, { recursive: true, force: true });
      cpSync(src, dest, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true, errorOnExist: true, force: false });
    } catch (e) {
      throw fsError(e, `copy ${rel} into`, destTop);
    }
  }
}

/** True when `path` (relative to the worktree top, '/'-separated as git prints it) is one of the copies or inside one. */
export function isCopied(path: string, rels: string[]): boolean {
  for (const r of rels) {
    const rr = r.split(sep).join('/');
    if (path === rr || path.startsWith(`${rr}/`)) return true;
  }
  return false;
}
