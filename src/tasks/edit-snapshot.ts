/**
 * What `lockstep commit --edit` puts back when the commit fails after its
 * edit ran: the named paths as they were just before the edit, in the
 * worktree and in the index. A failed commit then leaves no half-done edit
 * behind (which the next commit would take for a foreign change and move
 * aside, see orphans.ts).
 *
 * Only the named paths are snapshotted (a named directory with everything
 * under it but nested `.git`s): what an edit changes elsewhere is not the
 * commit's, and stays. Contents are held in memory, up to SNAPSHOT_MAX_BYTES;
 * a larger snapshot is not taken, and a failure then says so.
 */
import { lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, renameSync, rmSync, rmdirSync, symlinkSync, writeFileSync, chmodSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempPathFor } from '../core/files.js';
import type { Git } from '../git/git.js';
import { withIndexRetry, type StaleIndexLock } from './index-retry.js';
import { showPath } from './scope.js';

const SNAPSHOT_MAX_BYTES = 64 * 1024 * 1024;
const SNAPSHOT_MAX_ENTRIES = 20_000;

type Entry = { kind: 'absent' } | { kind: 'file'; mode: number; data: Buffer } | { kind: 'symlink'; target: string } | { kind: 'dir'; mode: number; children: Map<string, Entry> };

export interface EditSnapshot {
  top: string;
  /** Each named path's state, or null when the snapshot was too large to take. */
  paths: Map<string, Entry> | null;
  /** For a path absent before the edit: its first ancestor directory that was absent too (removed again if left empty). */
  missingFrom: Map<string, string>;
  /** `git ls-files -s -z` of the named paths: the index entries to put back. */
  index: string;
}

export interface RestoreReport {
  /** Paths the edit had changed, put back as they were. */
  restored: string[];
  /** Paths that could not be put back, and why: the edit's version is still there. */
  notRestored: { path: string; reason: string }[];
}

function lstatOrNull(p: string): Stats | null {
  try {
    return lstatSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw e;
  }
}

/** Reads `abs` into an entry; false when the budget ran out. */
function take(abs: string, budget: { bytes: number; entries: number }): Entry | false {
  if (--budget.entries < 0) return false;
  const st = lstatOrNull(abs);
  if (!st) return { kind: 'absent' };
  if (st.isSymbolicLink()) return { kind: 'symlink', target: readlinkSync(abs) };
  if (st.isDirectory()) {
    const children = new Map<string, Entry>();
    for (const n of readdirSync(abs)) {
      if (n === '.git') continue;
      const c = take(join(abs, n), budget);
      if (c === false) return false;
      children.set(n, c);
    }
    return { kind: 'dir', mode: st.mode & 0o7777, children };
  }
  budget.bytes -= st.size;
  if (budget.bytes < 0) return false;
  return { kind: 'file', mode: st.mode & 0o7777, data: readFileSync(abs) };
}

/** Snapshots `paths` (repository paths) before the edit runs. */
export async function snapshotPaths(git: Git, top: string, paths: string[]): Promise<EditSnapshot> {
  const budget = { bytes: SNAPSHOT_MAX_BYTES, entries: SNAPSHOT_MAX_ENTRIES };
  let map: Map<string, Entry> | null = new Map();
  const missingFrom = new Map<string, string>();
  for (const p of paths) {
    const e = take(join(top, p), budget);
    if (e === false) {
      map = null;
      break;
    }
    map.set(p, e);
    if (e.kind === 'absent') {
      let first: string | null = null;
      for (let d = dirname(p); d !== '.' && !lstatOrNull(join(top, d)); d = dirname(d)) first = d;
      if (first) missingFrom.set(p, first);
    }
  }
  const ls = await git.run(['--literal-pathspecs', 'ls-files', '-s', '-z', '--', ...paths], { readOnly: true });
  return { top, paths: map, missingFrom, index: ls.code === 0 ? ls.stdout : '' };
}

/**
 * Checks that the directories above `rel` are real directories under `top`
 * (so nothing is written or removed through a link out of the worktree);
 * missing ones are made when `create`, else the answer is false.
 */
function parentsUnder(top: string, rel: string, create: boolean): boolean {
  let at = top;
  for (const part of rel.split('/').slice(0, -1)) {
    at = join(at, part);
    const st = lstatOrNull(at);
    if (!st && !create) return false;
    if (!st) mkdirSync(at);
    else if (!st.isDirectory()) throw new Error(`${at} is no longer a directory`);
  }
  return true;
}

function sameFile(abs: string, st: Stats, e: { mode: number; data: Buffer }): boolean {
  return st.isFile() && (st.mode & 0o7777) === e.mode && st.size === e.data.length && readFileSync(abs).equals(e.data);
}

/** Puts `abs` back to `e`; true when something had to change. */
function put(abs: string, e: Entry): boolean {
  const st = lstatOrNull(abs);
  if (e.kind === 'absent') {
    if (!st) return false;
    rmSync(abs, { recursive: true, force: true });
    return true;
  }
  if (e.kind === 'file') {
    if (st && sameFile(abs, st, e)) return false;
    const tmp = tempPathFor(abs);
    writeFileSync(tmp, e.data, { flag: 'wx' });
    chmodSync(tmp, e.mode);
    if (st?.isDirectory()) rmSync(abs, { recursive: true, force: true });
    renameSync(tmp, abs);
    return true;
  }
  if (e.kind === 'symlink') {
    if (st?.isSymbolicLink() && readlinkSync(abs) === e.target) return false;
    if (st) rmSync(abs, { recursive: true, force: true });
    symlinkSync(e.target, abs);
    return true;
  }
  let changed = false;
  if (st && !st.isDirectory()) rmSync(abs, { force: true });
  if (!st || !st.isDirectory()) {
    mkdirSync(abs, { mode: e.mode });
    changed = true;
  }
  for (const [n, c] of e.children) changed = put(join(abs, n), c) || changed;
  for (const n of readdirSync(abs)) {
    if (n === '.git' || e.children.has(n)) continue;
    rmSync(join(abs, n), { recursive: true, force: true });
    changed = true;
  }
  return changed;
}

/** Index entries of `ls-files -s -z` output by path: "mode sha" (stage 0 only; a commit runs with no conflicts). */
function entriesOf(raw: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const rec of raw.split('\0')) {
    const tab = rec.indexOf('\t');
    if (tab < 0) continue;
    const [mode, sha, stage] = rec.slice(0, tab).split(' ');
    if (stage === '0') m.set(rec.slice(tab + 1), `${mode} ${sha}`);
  }
  return m;
}

/** Puts the named paths back as `snap` found them, in the worktree and in the index. */
export async function restorePaths(git: Git, snap: EditSnapshot, paths: string[], deadlineMs: number, staleIndexLock: StaleIndexLock): Promise<RestoreReport> {
  const report: RestoreReport = { restored: [], notRestored: [] };
  if (!snap.paths) {
    for (const p of paths) report.notRestored.push({ path: p, reason: `too large to snapshot before the edit (over ${SNAPSHOT_MAX_BYTES / 1024 / 1024} MiB or ${SNAPSHOT_MAX_ENTRIES} files)` });
    return report;
  }
  for (const [p, e] of snap.paths) {
    try {
      let changed = parentsUnder(snap.top, p, e.kind !== 'absent') && put(join(snap.top, p), e);
      const from = snap.missingFrom.get(p);
      if (from) {
        // The edit made directories for a path that then failed: remove them again while empty.
        for (let d = dirname(p); ; d = dirname(d)) {
          try {
            rmdirSync(join(snap.top, d));
            changed = true;
          } catch {
            break;
          }
          if (d === from) break;
        }
      }
      if (changed) report.restored.push(p);
    } catch (err) {
      report.notRestored.push({ path: p, reason: (err as Error).message });
    }
  }
  const now = await git.run(['--literal-pathspecs', 'ls-files', '-s', '-z', '--', ...paths], { readOnly: true });
  const before = entriesOf(snap.index);
  const after = entriesOf(now.code === 0 ? now.stdout : '');
  const lines: string[] = [];
  for (const [p, v] of before) if (after.get(p) !== v) lines.push(`${v}\t${p}`);
  // mode 0 removes the entry (the null object id is as long as the repository's ids).
  for (const [p, v] of after) if (!before.has(p)) lines.push(`0 ${'0'.repeat(v.split(' ')[1]!.length)}\t${p}`);
  if (lines.length) {
    const r = await withIndexRetry(() => git.run(['update-index', '-z', '--index-info'], { input: lines.map((l) => `${l}\0`).join('') }), deadlineMs, staleIndexLock);
    const changed = lines.map((l) => l.slice(l.indexOf('\t') + 1));
    if (r.code !== 0) for (const p of changed) report.notRestored.push({ path: p, reason: `its index entry: git update-index failed: ${r.stderr.trim()}` });
    else for (const p of changed) if (!report.restored.includes(p)) report.restored.push(p);
  }
  return report;
}

/** One line for the error message: what the failed commit left. */
export function describeRestore(r: RestoreReport): string {
  const parts: string[] = [];
  if (r.restored.length) parts.push(`the edit's changes to ${r.restored.map(showPath).join(', ')} were undone`);
  if (r.notRestored.length) parts.push(`NOT undone, the edit's version is still in the worktree: ${r.notRestored.map((n) => `${showPath(n.path)} (${n.reason})`).join('; ')}`);
  return parts.join('; ');
}
