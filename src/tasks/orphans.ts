/**
 * Orphaned changes: a change to a shared path that is not the committing
 * task's, found at the start of `lockstep commit --edit`'s critical section.
 *
 * By protocol every `lockstep commit` leaves its paths clean (the edit's change
 * is committed, the index follows). So when, with the commit lock held and
 * before the edit runs, a shared path named in PATHS (one outside the task's
 * own scope, e.g. TODO.md) differs from HEAD in the worktree or the index,
 * that change was made outside this commit: by a `lockstep commit` killed in
 * the middle of its edit, or by someone editing outside lockstep. Staging the
 * path would sweep it into this task's commit (the suites' `foreign_todo_line`).
 * It is moved aside instead — saved under `<runtime>/orphans/`, recorded as an
 * `orphaned_change` event, and the path restored to HEAD — so nothing is lost
 * and nothing foreign is committed.
 *
 * Paths in the task's own scope are never moved aside (only this task may
 * commit them, so a change there is its own work), and neither is anything
 * when no `--edit` is given: then the command commits a change the caller
 * made by hand, which is exactly the dirty content.
 */
import { constants, copyFileSync, linkSync, lstatSync, readlinkSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { appendEvent } from '../core/events.js';
import { LockstepError } from '../core/errors.js';
import { ensureDirIn, tempPathFor, unlinkQuiet } from '../core/files.js';
import type { LockHandle } from '../core/lock.js';
import type { Git } from '../git/git.js';
import { headCommit } from './git-paths.js';
import { withIndexRetry, type StaleIndexLock } from './index-retry.js';
import { classifyPaths, showPath, type ScopeOwner } from './scope.js';
import { randomHex } from '../core/names.js';

export const ORPHANS_DIR = 'orphans';

export interface OrphanedChange {
  /** The repository path whose change was moved aside. */
  path: string;
  /** The worktree's content (or, with the worktree file gone, the index's) as it was; null when the change was a deletion. */
  savedTo: string | null;
  /** The index's version when it differed from both HEAD and the worktree (a partly staged change); else null. */
  stagedSavedTo: string | null;
  /** The change was the path's deletion (nothing to save; the path was brought back from HEAD). */
  deleted: boolean;
  /** The commit the path was restored to; null when HEAD does not have the path (it was removed). */
  base: string | null;
  /** The task of the dead holder the commit lock was taken over from, if it was: most likely the change's author. */
  fromTask: string | null;
}

/** One path's state as `git status --porcelain=v2` reports it. */
interface DirtyPath {
  path: string;
  inHead: boolean;
  inIndex: boolean;
  /** The index entry differs from HEAD's (modified, added or deleted). */
  indexDiffers: boolean;
  /** The worktree differs from the index (or holds an untracked file). */
  worktreeDiffers: boolean;
}

/** `n` space-separated fields, then the rest (a path may hold spaces). */
function fieldsThenPath(rec: string, n: number): { fields: string[]; path: string } | null {
  let at = 0;
  const fields: string[] = [];
  for (let k = 0; k < n; k++) {
    const sp = rec.indexOf(' ', at);
    if (sp < 0) return null;
    fields.push(rec.slice(at, sp));
    at = sp + 1;
  }
  return { fields, path: rec.slice(at) };
}

/** Parses `git status --porcelain=v2 -z --no-renames` output; unmerged entries and submodules are left out (never moved aside). */
export function parseStatusV2(raw: string): DirtyPath[] {
  const byPath = new Map<string, DirtyPath>();
  const recs = raw.split('\0');
  for (let k = 0; k < recs.length; k++) {
    const rec = recs[k]!;
    if (rec === '') continue;
    const kind = rec[0];
    if (kind === '1' || kind === '2') {
      // 1 XY sub mH mI mW hH hI path   (2 … adds a score, and the original path follows as its own record)
      const p = fieldsThenPath(rec, kind === '1' ? 8 : 9);
      if (kind === '2') k++;
      if (!p) continue;
      const [, xy, sub, mH, mI] = p.fields as [string, string, string, string, string];
      if (sub !== 'N...') continue;
      const prev = byPath.get(p.path);
      byPath.set(p.path, {
        path: p.path,
        inHead: mH !== '000000',
        inIndex: mI !== '000000',
        indexDiffers: xy[0] !== '.',
        worktreeDiffers: xy[1] !== '.' || (prev?.worktreeDiffers ?? false),
      });
    } else if (kind === '?') {
      const path = rec.slice(2);
      const prev = byPath.get(path);
      // Untracked, or a path whose index entry was removed (`1 D.`) but whose file is still there.
      byPath.set(path, prev ? { ...prev, worktreeDiffers: true } : { path, inHead: false, inIndex: false, indexDiffers: false, worktreeDiffers: true });
    }
  }
  return [...byPath.values()];
}

/** A file-name-safe rendering of a repository path, for the saved copy's name (the event keeps the real path). */
export function sanitizePath(p: string): string {
  const s = p.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '');
  return (s.length > 100 ? s.slice(-100) : s) || 'path';
}

function lstatQuiet(p: string): Stats | null {
  try {
    return lstatSync(p);
  } catch {
    return null;
  }
}

/** Links `tmp` to `dir/base` (or `base-2`, `-3`, … if taken: link(2) never replaces), then drops `tmp`. Returns the final path. */
function publish(tmp: string, dir: string, base: string): string {
  try {
    for (let n = 1; ; n++) {
      const target = join(dir, n === 1 ? base : `${base}-${n}`);
      try {
        linkSync(tmp, target);
        return target;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || n > 1000) throw e;
      }
    }
  } finally {
    unlinkQuiet(tmp);
  }
}

export interface MoveAsideOptions {
  git: Git;
  /** The worktree's top level. */
  top: string;
  /** The runtime directory (`<git common dir>/lockstep`). */
  root: string;
  task: ScopeOwner;
  /** Every active task (for the classification). */
  others: readonly ScopeOwner[];
  /** The configured shared globs. */
  shared: readonly string[];
  /** PATHS, repository-relative. */
  paths: readonly string[];
  /** The commit lock, held. */
  handle: LockHandle;
  /** Give up retrying git's index.lock at this time. */
  deadlineMs: number;
  /** The worktree's index.lock, removed if a killed git left it (see index-retry.ts). */
  staleIndexLock?: StaleIndexLock;
}

/**
 * With the commit lock held and before the edit runs: saves, records and
 * undoes every change to a shared path among `paths` (see the file comment).
 * Index entries of other paths are not touched.
 */
export async function moveAsideForeignChanges(opts: MoveAsideOptions): Promise<OrphanedChange[]> {
  const { git, top } = opts;
  // Only paths that can hold a shared file need looking at: a named file of the task's own scope cannot.
  const candidates = opts.paths.filter((p) => {
    if (p === '.') return true;
    const st = lstatQuiet(join(top, p));
    if (st?.isDirectory()) return true;
    return classifyPaths({ task: opts.task, others: [], shared: opts.shared, paths: [p] }).shared.length > 0;
  });
  if (candidates.length === 0) return [];
  const status = await git.run(['--literal-pathspecs', 'status', '--porcelain=v2', '-z', '--untracked-files=all', '--no-renames', '--ignore-submodules=all', '--', ...candidates], { readOnly: true });
  if (status.code !== 0) throw new LockstepError('GIT_FAILED', `checking ${candidates.map(showPath).join(' ')} for changes left by others (git status) failed: ${status.stderr.trim()}`);
  const dirty = parseStatusV2(status.stdout);
  if (dirty.length === 0) return [];
  const sharedSet = new Set(classifyPaths({ task: opts.task, others: opts.others, shared: opts.shared, paths: dirty.map((d) => d.path) }).shared);
  const found = dirty.filter((d) => sharedSet.has(d.path) && !lstatQuiet(join(top, d.path))?.isDirectory());
  if (found.length === 0) return [];

  const dir = join(opts.root, ORPHANS_DIR);
  ensureDirIn(opts.root, dir);
  const stamp = new Date().toISOString().replace(/[-:]/g, '');
  const prefix = `${stamp}-${opts.task.id}-`;
  const fromTask = opts.handle.tookOver?.task ?? null;
  const base = found.some((d) => d.inHead) ? await headCommit(git) : null;

  // 1. Save: the worktree's bytes (a symlink's target), and the index's version where it is a third one.
  const indexCopies = found.filter((d) => d.inIndex && d.indexDiffers && d.worktreeDiffers);
  const exportDir = join(dir, `.export.${process.pid}.${randomHex(4)}`);
  const out: OrphanedChange[] = [];
  try {
    if (indexCopies.length) {
      // checkout-index writes `<prefix><path>` with the worktree's filters applied, without taking index.lock.
      const r = await git.run(['checkout-index', '-f', '-z', '--stdin', `--prefix=${exportDir}/`], { readOnly: true, input: indexCopies.map((d) => `${d.path}\0`).join('') });
      if (r.code !== 0) throw new LockstepError('GIT_FAILED', `saving the staged versions of ${indexCopies.map((d) => showPath(d.path)).join(' ')} (git checkout-index) failed: ${r.stderr.trim()}; nothing committed`);
    }
    for (const d of found) {
      const name = prefix + sanitizePath(d.path);
      const abs = join(top, d.path);
      const st = lstatQuiet(abs);
      const exported = indexCopies.includes(d) ? join(exportDir, d.path) : null;
      let savedTo: string | null = null;
      let stagedSavedTo: string | null = null;
      if (st?.isFile() || st?.isSymbolicLink()) {
        const tmp = tempPathFor(join(dir, name));
        if (st.isSymbolicLink()) writeFileSync(tmp, readlinkSync(abs), { flag: 'wx' });
        else copyFileSync(abs, tmp, constants.COPYFILE_EXCL);
        savedTo = publish(tmp, dir, name);
        if (exported) stagedSavedTo = publish(exported, dir, `${name}.staged`);
      } else if (exported) {
        savedTo = publish(exported, dir, name);
      }
      out.push({ path: d.path, savedTo, stagedSavedTo, deleted: savedTo === null, base: d.inHead ? base : null, fromTask });
    }
  } finally {
    rmSync(exportDir, { recursive: true, force: true });
  }

  // 2. Restore each path to HEAD, in the worktree and in the index (other paths' entries are not touched).
  const saved = () => out.filter((o) => o.savedTo).map((o) => `${showPath(o.path)} → ${o.savedTo}`).join(', ');
  const fail = (what: string, stderr: string) =>
    new LockstepError('GIT_FAILED', `moving aside the change left in ${found.map((d) => showPath(d.path)).join(' ')} failed (${what}: ${stderr.trim()}): nothing committed${saved() ? `; saved: ${saved()}` : ''}`, {
      hint: 'run the command again once git is done (another git process may hold .git/index.lock)',
    });
  const fromHead = found.filter((d) => d.inHead).map((d) => `${d.path}\0`).join('');
  if (fromHead) {
    const r = await withIndexRetry(() => git.run(['--literal-pathspecs', 'checkout', '-q', 'HEAD', '--pathspec-from-file=-', '--pathspec-file-nul'], { input: fromHead }), opts.deadlineMs, opts.staleIndexLock);
    if (r.code !== 0) throw fail('git checkout HEAD', r.stderr);
  }
  const notInHead = found.filter((d) => !d.inHead);
  const indexed = notInHead.filter((d) => d.inIndex).map((d) => `${d.path}\0`).join('');
  if (indexed) {
    // update-index takes literal paths (no pathspec magic) and works before the first commit.
    const r = await withIndexRetry(() => git.run(['update-index', '-z', '--force-remove', '--stdin'], { input: indexed }), opts.deadlineMs, opts.staleIndexLock);
    if (r.code !== 0) throw fail('git update-index --force-remove', r.stderr);
  }
  for (const d of notInHead) unlinkQuiet(join(top, d.path));

  // 3. Record, once the paths are clean (a kill before this point leaves the change in place, and the next commit saves it again).
  for (const o of out) {
    appendEvent(opts.root, 'orphaned_change', { task: opts.task.id, path: o.path, savedTo: o.savedTo, stagedSavedTo: o.stagedSavedTo, deleted: o.deleted, base: o.base, fromTask, token: opts.handle.token });
  }
  return out;
}
