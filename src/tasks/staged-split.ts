/**
 * Keeping another task's work out of a hook commit without losing it: in
 * the index git gave the pre-commit hook (git re-reads it after the hook),
 *
 * - another task's paths, and paths outside every scope, are unstaged (set
 *   back to HEAD's entry, or removed when HEAD has none);
 * - a shared file keeps only the committing task's changes: its staged
 *   blob becomes HEAD's version + the task's own lines (attribution.ts),
 *   written with `git hash-object -w` and set with `git update-index`.
 *
 * The worktree is never touched: what was unstaged is still there, for its
 * own task to commit. Lines no rule attributes are reported; the caller
 * blocks the commit naming them.
 */
import { copyFileSync, renameSync } from 'node:fs';
import type { LockstepConfig } from '../config/config.js';
import { DEFAULT_ATTRIBUTION } from '../config/config.js';
import { unlinkQuiet } from '../core/files.js';
import type { Git } from '../git/git.js';
import { splitShared, type AttributionRule, type SplitResult, type Unattributable } from './attribution.js';
import { changedLines, consumeRecords, recordsFor } from './edits.js';
import { splitNul, stagedPaths, type PathList } from './git-paths.js';
import { classifyPaths, compileScope, type PathClasses, type ScopeOwner } from './scope.js';

export interface SharedSplit {
  path: string;
  /** Changed lines (or keys) left in the worktree, per other task. */
  otherTasks: Record<string, number>;
  unattributable: Unattributable[];
}

export interface ForeignCheck {
  classes: PathClasses;
  /** Paths that are not the committer's, unstaged (left in the worktree). */
  unstaged: string[];
  /** Shared paths whose staged version held other tasks' (or nobody's) changes. */
  split: SharedSplit[];
  /** `git update-index -z --index-info` input that takes them out ('' when nothing is to change). */
  updates: string;
  /** Input that puts the taken-out entries back as they were staged (see restoreAfterCommit in hooks/post-commit). */
  restore: string;
  /** Lines the committer's records gave it, by path, to drop once committed (see consumeCommitted). */
  own: { path: string; base: string; own: string }[];
}

/** The attribution rule for `path`: the configured globs first, then the defaults. */
export function ruleFor(path: string, config: Pick<LockstepConfig, 'attribution'>): AttributionRule {
  for (const r of [...config.attribution, ...DEFAULT_ATTRIBUTION]) if (compileScope([r.glob])(path)) return r.rule;
  return 'lines';
}

interface Entry {
  mode: string;
  sha: string;
}

/** `git ls-files -s` / `git ls-tree` entries by path (stage 0 only; an unmerged path is left out). */
function parseEntries(raw: string, tree: boolean): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const rec of splitNul(raw)) {
    const tab = rec.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', a = '', b = ''] = rec.slice(0, tab).split(' ');
    if (tree) out.set(rec.slice(tab + 1), { mode, sha: b });
    else if (b === '0') out.set(rec.slice(tab + 1), { mode, sha: a });
  }
  return out;
}

const TEXT_MODES = new Set(['100644', '100755']);
const looksBinary = (s: string) => s.includes('\0') || s.includes('\uFFFD');

/**
 * Sorts the staged `paths` for `task` and takes out of `index` what is not
 * the task's. `index` is written in place; the caller owns it (it holds
 * index.lock for the real index, or git does).
 */
export async function separateForeign(opts: {
  git: Git;
  root: string;
  index: string;
  task: ScopeOwner;
  others: readonly ScopeOwner[];
  config: Pick<LockstepConfig, 'shared' | 'attribution'>;
  paths: readonly string[];
  head: string | null;
}): Promise<ForeignCheck> {
  const { git, task } = opts;
  const classes = classifyPaths({ task, others: opts.others, shared: opts.config.shared, paths: opts.paths });
  const foreign = [...classes.otherTask.map((o) => o.path), ...classes.outside];
  const shared = classes.shared.filter((p) => ruleFor(p, opts.config) !== 'whole');
  const none: ForeignCheck = { classes, unstaged: [], split: [], updates: '', restore: '', own: [] };
  if (foreign.length === 0 && shared.length === 0) return none;

  const env = { GIT_INDEX_FILE: opts.index };
  const [headRaw, indexRaw] = await Promise.all([
    opts.head ? git.exec(['--literal-pathspecs', 'ls-tree', '-z', '--full-tree', opts.head, '--', ...foreign, ...shared], { readOnly: true }) : Promise.resolve(''),
    git.exec(['--literal-pathspecs', 'ls-files', '-s', '-z', '--full-name', '--', ...foreign, ...shared], { readOnly: true, env }),
  ]);
  const headEntries = parseEntries(headRaw, true);
  const indexEntries = parseEntries(indexRaw, false);
  const ids = [task.id, ...opts.others.map((o) => o.id).filter((id) => id !== task.id)];
  const updates: string[] = [];
  const restore: string[] = [];
  const setEntry = (path: string, e: Entry | undefined) => {
    updates.push(e ? `${e.mode} ${e.sha}\t${path}\0` : `0 ${'0'.repeat(opts.head && opts.head.length === 64 ? 64 : 40)}\t${path}\0`);
    const was = indexEntries.get(path);
    if (was) restore.push(`${was.mode} ${was.sha}\t${path}\0`);
  };

  for (const p of foreign) setEntry(p, headEntries.get(p));
  const split: SharedSplit[] = [];
  const own: ForeignCheck['own'] = [];
  await Promise.all(
    shared.map(async (p) => {
      const h = headEntries.get(p);
      const i = indexEntries.get(p);
      const whole = (why: string) => split.push({ path: p, otherTasks: {}, unattributable: [{ line: 0, side: 'removed', text: why }] });
      if (!i) return whole('(the file is deleted: a shared file\'s deletion is no one task\'s change)');
      if (!TEXT_MODES.has(i.mode) || (h && !TEXT_MODES.has(h.mode))) return whole('(not a regular file)');
      const [base, staged] = await Promise.all([h ? git.exec(['cat-file', 'blob', h.sha], { readOnly: true }) : Promise.resolve(''), git.exec(['cat-file', 'blob', i.sha], { readOnly: true })]);
      if (looksBinary(base) || looksBinary(staged)) return whole('(binary content)');
      const r: SplitResult = splitShared({ rule: ruleFor(p, opts.config), base, staged, committer: task.id, ids, records: recordsFor(opts.root, p) });
      if (r.foreign || r.unattributable.length) split.push({ path: p, otherTasks: Object.fromEntries(r.otherTasks), unattributable: r.unattributable });
      own.push({ path: p, base, own: r.own });
      if (!r.foreign) return;
      if (r.own === base) return setEntry(p, h);
      const sha = (await git.exec(['hash-object', '-w', '--stdin'], { input: r.own })).trim();
      setEntry(p, { mode: i.mode, sha });
    }),
  );
  return { classes, unstaged: foreign, split, updates: updates.join(''), restore: restore.join(''), own };
}

/**
 * Writes `updates` into `index` and lists what is staged then. The real
 * index is changed in a copy renamed over it (`real`: the caller holds its
 * index.lock, which git's update-index would want); any other index (git's
 * own index.lock of `commit -a`, lockstep commit's temporary one) in place.
 */
export async function applyIndexUpdates(git: Git, index: string, updates: string, real: boolean): Promise<PathList> {
  const run = (file: string) => git.exec(['update-index', '-z', '--index-info'], { env: { GIT_INDEX_FILE: file }, input: updates });
  if (!real) await run(index);
  else {
    const copy = `${index}.lockstep-${process.pid}`;
    try {
      copyFileSync(index, copy);
      await run(copy);
      renameSync(copy, index);
    } finally {
      unlinkQuiet(copy);
      unlinkQuiet(`${copy}.lock`);
    }
  }
  return stagedPaths(git, { GIT_INDEX_FILE: index });
}

/** Drops the committer's edit records of the lines it now commits (a record is used once). */
export function consumeCommitted(root: string, task: string, own: ForeignCheck['own']): void {
  for (const o of own) {
    const c = changedLines(o.base, o.own);
    if (c.added.length || c.removed.length) consumeRecords(root, task, o.path, c);
  }
}
