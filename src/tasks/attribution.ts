/**
 * Which task a change inside a shared file belongs to, and the file as the
 * committing task alone would have changed it (HEAD's version + its own
 * changes). Pure functions over text: the git side is staged-split.ts.
 *
 * Rules, per shared path (configured by glob, `attribution` in the config):
 *
 * - `lines` (TODO.md-style lists): a changed line belongs to the task an
 *   edit recorded it for (`lockstep edit`, `lockstep commit --edit`), else
 *   to the active task whose id it names (the leftmost one; an id counts
 *   where no letter or digit touches it, so `306_auth` names 306), else to
 *   the task its enclosing Markdown heading names. A blank line goes with
 *   the one task its hunk names, else its section, else the committer (it
 *   carries no work). Any other line is unattributable.
 * - `json-keys` (state keyed by task): a change inside an object member
 *   whose key is an active task's id belongs to that task (at any depth);
 *   any other change is unattributable.
 * - `whole`: the file is committed as staged (reported, as before).
 */
import { diffLines, splitLines, type Hunk } from './line-diff.js';

export type AttributionRule = 'lines' | 'json-keys' | 'whole';

/** Lines an edit recorded for a task (see edits.ts): texts added and removed (without line ends), per path. */
export interface RecordedLines {
  task: string;
  added: readonly string[];
  removed: readonly string[];
}

export interface Unattributable {
  /** 1-based line in the staged version (an added line) or in HEAD's (a removed one); 0 for a JSON change. */
  line: number;
  side: 'added' | 'removed' | 'json';
  /** The line's text without its line end, or the JSON path. */
  text: string;
}

/** A changed line (or JSON member) that belongs to another task than the committer. */
export interface OtherLine {
  task: string;
  /** 1-based line in the staged version (an added line, a JSON member) or in HEAD's (a removed one). */
  line: number;
  side: 'added' | 'removed' | 'json';
}

export interface SplitResult {
  /** HEAD's version with only the committer's changes. */
  own: string;
  /** True when the staged version holds changes that are not the committer's (own !== staged). */
  foreign: boolean;
  /** Changed lines (or keys) per other task. */
  otherTasks: Map<string, number>;
  /** Where each of them is, in file order (a JSON key's line is where the key is written, 0 when not found). */
  otherLines: OtherLine[];
  /** Changes no rule gives to a task: the commit is blocked naming them. */
  unattributable: Unattributable[];
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/** Finds the leftmost task id a line names (an id where no letter or digit touches it). */
export function taskNamer(ids: readonly string[]): (line: string) => string | null {
  if (ids.length === 0) return () => null;
  // Longer ids first, so that of `t1` and `t12` at one place the longer wins.
  const alt = [...ids].sort((p, q) => q.length - p.length).map(escapeRe).join('|');
  const re = new RegExp(`(?<![A-Za-z0-9])(${alt})(?![A-Za-z0-9])`);
  return (line) => re.exec(line)?.[1] ?? null;
}

const HEADING = /^#{1,6}\s/;

/** For each line, the task its nearest Markdown heading above (or itself) names. */
function sections(lines: readonly string[], name: (l: string) => string | null): (string | null)[] {
  const out: (string | null)[] = [];
  let cur: string | null = null;
  for (const l of lines) {
    if (HEADING.test(l)) cur = name(l);
    out.push(cur);
  }
  return out;
}

/** A multiset of recorded line texts, consumed as lines are matched. */
class Recorded {
  private readonly byText = new Map<string, string[]>();
  constructor(records: readonly RecordedLines[], side: 'added' | 'removed', committer: string) {
    // The committer's own records first: a line two edits wrote goes to the one committing.
    const sorted = [...records].sort((p, q) => Number(q.task === committer) - Number(p.task === committer));
    for (const r of sorted) for (const t of r[side]) this.byText.set(t, [...(this.byText.get(t) ?? []), r.task]);
  }
  take(line: string): string | null {
    const q = this.byText.get(strip(line));
    return q?.shift() ?? null;
  }
}

const strip = (l: string) => l.replace(/\r?\n$/, '');

/**
 * Splits a `lines`-rule file. `ids` are the active tasks' ids (the
 * committer's among them), `records` what edits recorded for this path.
 */
export function splitByLines(opts: { base: string; staged: string; committer: string; ids: readonly string[]; records?: readonly RecordedLines[] }): SplitResult {
  const a = splitLines(opts.base);
  const b = splitLines(opts.staged);
  const hunks = diffLines(a, b);
  const name = taskNamer(opts.ids.includes(opts.committer) ? opts.ids : [...opts.ids, opts.committer]);
  const addedRec = new Recorded(opts.records ?? [], 'added', opts.committer);
  const removedRec = new Recorded(opts.records ?? [], 'removed', opts.committer);
  let secA: (string | null)[] | null = null;
  let secB: (string | null)[] | null = null;
  const out: string[] = [];
  const otherTasks = new Map<string, number>();
  const otherLines: OtherLine[] = [];
  const unattributable: Unattributable[] = [];
  let foreign = false;
  let pos = 0;
  for (const h of hunks) {
    for (; pos < h.aStart; pos++) out.push(a[pos]!);
    const removed = owners(a, h.aStart, h.aEnd, name, removedRec, () => (secA ??= sections(a, name)));
    const added = owners(b, h.bStart, h.bEnd, name, addedRec, () => (secB ??= sections(b, name)));
    fillBlanks(h, removed, added, opts.committer, () => (secA ??= sections(a, name)), () => (secB ??= sections(b, name)));
    // Lines removed by others stay; lines added by the committer go in after them.
    for (let i = h.aStart; i < h.aEnd; i++) {
      const who = removed[i - h.aStart];
      if (who !== opts.committer) out.push(a[i]!);
      note(who, i, 'removed', a[i]!);
    }
    for (let j = h.bStart; j < h.bEnd; j++) {
      const who = added[j - h.bStart];
      if (who === opts.committer) out.push(b[j]!);
      note(who, j, 'added', b[j]!);
    }
    pos = h.aEnd;
  }
  for (; pos < a.length; pos++) out.push(a[pos]!);
  return { own: out.join(''), foreign, otherTasks, otherLines, unattributable };

  function note(who: string | null | undefined, index: number, side: 'added' | 'removed', line: string): void {
    if (who === opts.committer) return;
    foreign = true;
    if (who) {
      otherTasks.set(who, (otherTasks.get(who) ?? 0) + 1);
      otherLines.push({ task: who, line: index + 1, side });
    } else unattributable.push({ line: index + 1, side, text: strip(line) });
  }
}

/** Owners of lines `from..to` of `lines`: recorded, else named, else their section's; blank lines stay undefined for fillBlanks. */
function owners(lines: readonly string[], from: number, to: number, name: (l: string) => string | null, rec: Recorded, sec: () => (string | null)[]): (string | null | undefined)[] {
  const out: (string | null | undefined)[] = [];
  for (let i = from; i < to; i++) {
    const l = lines[i]!;
    if (strip(l).trim() === '') {
      out.push(rec.take(l) ?? undefined);
      continue;
    }
    out.push(rec.take(l) ?? name(l) ?? sec()[i] ?? null);
  }
  return out;
}

function fillBlanks(h: Hunk, removed: (string | null | undefined)[], added: (string | null | undefined)[], committer: string, secA: () => (string | null)[], secB: () => (string | null)[]): void {
  const named = new Set([...removed, ...added].filter((t): t is string => typeof t === 'string'));
  const hunkTask = named.size === 1 && ![...removed, ...added].includes(null) ? [...named][0]! : null;
  for (let i = 0; i < removed.length; i++) if (removed[i] === undefined) removed[i] = hunkTask ?? secA()[h.aStart + i] ?? committer;
  for (let j = 0; j < added.length; j++) if (added[j] === undefined) added[j] = hunkTask ?? secB()[h.bStart + j] ?? committer;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isObject = (v: Json | undefined): v is { [k: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

function same(p: Json | undefined, q: Json | undefined): boolean {
  return JSON.stringify(p) === JSON.stringify(q);
}

/**
 * Splits a `json-keys`-rule file. Returns null when either version is not
 * JSON (the caller falls back to the `lines` rule).
 */
export function splitByJsonKeys(opts: { base: string; staged: string; committer: string; ids: readonly string[] }): SplitResult | null {
  let base: Json;
  let staged: Json;
  try {
    base = opts.base.trim() === '' ? {} : (JSON.parse(opts.base) as Json);
    staged = JSON.parse(opts.staged) as Json;
  } catch {
    return null;
  }
  const ids = new Set([...opts.ids, opts.committer]);
  const otherTasks = new Map<string, number>();
  const otherLines: OtherLine[] = [];
  const unattributable: Unattributable[] = [];
  const merge = (b: Json | undefined, s: Json | undefined, path: string): Json | undefined => {
    if (same(b, s)) return b;
    if (!isObject(b) || !isObject(s)) {
      unattributable.push({ line: 0, side: 'json', text: path || '$' });
      return b;
    }
    const out: { [k: string]: Json } = {};
    const keys = [...Object.keys(b), ...Object.keys(s).filter((k) => !(k in b))];
    for (const k of keys) {
      const inB = k in b;
      const inS = k in s;
      const here = `${path || '$'}${/^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`}`;
      if (ids.has(k)) {
        const mine = k === opts.committer;
        if (!same(b[k], s[k]) && !mine) {
          otherTasks.set(k, (otherTasks.get(k) ?? 0) + 1);
          otherLines.push({ task: k, line: keyLine(k in s ? opts.staged : opts.base, k), side: 'json' });
        }
        const v = mine ? s[k] : b[k];
        if (mine ? inS : inB) out[k] = v!;
        continue;
      }
      if (inB && inS) out[k] = merge(b[k], s[k], here)!;
      else {
        unattributable.push({ line: 0, side: 'json', text: here });
        if (inB) out[k] = b[k]!;
      }
    }
    return out;
  };
  const merged = merge(base, staged, '') as Json;
  let own: string;
  if (same(merged, staged)) own = opts.staged;
  else if (same(merged, base)) own = opts.base;
  else own = JSON.stringify(merged, null, indentOf(opts.staged)) + (opts.staged.endsWith('\n') ? '\n' : '');
  return { own, foreign: own !== opts.staged, otherTasks, otherLines, unattributable };
}

/** The 1-based line where `"key":` is first written in a JSON text, 0 when not found. */
function keyLine(text: string, key: string): number {
  const at = new RegExp(`${escapeRe(JSON.stringify(key))}\\s*:`).exec(text);
  return at ? text.slice(0, at.index).split('\n').length : 0;
}

/** The indentation a JSON text uses (its first indented line), for writing the committer's version alike. */
function indentOf(text: string): string | number {
  const m = /\n([ \t]+)\S/.exec(text);
  return m ? m[1]! : 0;
}

/** Splits `staged` against `base` for `committer` by `rule`; `whole` keeps the staged version. */
export function splitShared(opts: { rule: AttributionRule; base: string; staged: string; committer: string; ids: readonly string[]; records?: readonly RecordedLines[] }): SplitResult {
  if (opts.rule === 'whole') return { own: opts.staged, foreign: false, otherTasks: new Map(), otherLines: [], unattributable: [] };
  if (opts.rule === 'json-keys') {
    const r = splitByJsonKeys(opts);
    if (r) return r;
  }
  return splitByLines(opts);
}
