/**
 * The singleton state-id file: one step writes an id to a fixed path
 * (`echo "$WORKFLOW_ID" > "$STATE_ID_FILE"`), a later step reads it back
 * (`WORKFLOW_ID=$(cat "$STATE_ID_FILE")`). Between the two, a second instance
 * of the same command overwrites it, and the first continues with the
 * second's id. A path is "fixed" when nothing in it differs between
 * instances: only directory-like variables (…_DIR, HOME, TMPDIR, …), no
 * `$$`, `$RANDOM`, `$(…)`, positional parameters or per-run ids.
 */
import type { Rule, RuleHit } from '../rule.js';
import type { CodeLine } from '../shell-text.js';
import { commandPositions, wordsFrom } from '../shell-text.js';

const DIRLIKE = /(DIR|ROOT|HOME|PWD|TMP|TEMP|BASE|PROJECT|REPO|WORKSPACE|CACHE|CONFIG|FOLDER|LOCATION)$/i;
const READERS = ['cat', 'head', 'tail', 'source', '.', 'jq', 'cut', 'sed', 'awk', 'grep', 'readarray', 'mapfile'];
const VAR_ONLY = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/;

const PER_INSTANCE = /\$\$|\$\(|`|%\d*N|mktemp|\$\{?(?:RANDOM|BASHPID|PPID|SRANDOM)\b|\$\{?[0-9@*#?!]/;

/**
 * A path nothing in which differs between instances: no per-instance
 * expansion, and only directory-like variables that are not themselves
 * per-instance in this file (`tmp_dir=$(mktemp -d)` makes `$tmp_dir/x` fine).
 */
export function isFixedPath(value: string, perInstance: ReadonlySet<string> = new Set()): boolean {
  if (!value.includes('/') && !/\.(txt|id|state|json|sh|env|pid|tmp|dat)$/.test(value)) return false;
  if (value.startsWith('/dev/') || value.startsWith('/proc/')) return false;
  if (PER_INSTANCE.test(value)) return false;
  for (const m of value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) if (!DIRLIKE.test(m[1]!) || perInstance.has(m[1]!)) return false;
  return true;
}

interface Use {
  key: string;
  label: string;
  line: number;
}

function targetKey(word: string | undefined, fixedVars: Map<string, string>, perInstance: ReadonlySet<string>): { key: string; label: string } | null {
  if (!word) return null;
  const v = VAR_ONLY.exec(word);
  if (v) return fixedVars.has(v[1]!) ? { key: `$${v[1]}`, label: `$${v[1]}` } : null;
  return isFixedPath(word, perInstance) ? { key: word, label: word } : null;
}

const ASSIGN = /(?:^|[\s;&|])(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)*)?([A-Za-z_][A-Za-z0-9_]*)=/g;

function assignments(lines: CodeLine[]): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const l of lines) {
    for (const m of l.masked.matchAll(ASSIGN)) out.push({ name: m[1]!, value: wordsFrom(l.code, m.index + m[0].length).words[0] ?? '' });
  }
  return out;
}

/** Variables that hold something per-instance somewhere in the file (directly or through another such variable). */
function perInstanceVariables(assigned: { name: string; value: string }[]): Set<string> {
  const vars = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const a of assigned) {
      if (vars.has(a.name)) continue;
      const refs = [...a.value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
      if (PER_INSTANCE.test(a.value) || refs.some((r) => vars.has(r))) {
        vars.add(a.name);
        changed = true;
      }
    }
  }
  return vars;
}

function fixedVariables(assigned: { name: string; value: string }[], perInstance: ReadonlySet<string>): Map<string, string> {
  const vars = new Map<string, string>();
  for (const a of assigned) if (!perInstance.has(a.name) && isFixedPath(a.value, perInstance)) vars.set(a.name, a.value);
  return vars;
}

function lineList(lines: number[]): string {
  const at = [...new Set(lines)].sort((a, b) => a - b);
  return `line${at.length > 1 ? 's' : ''} ${at.slice(0, 5).join(', ')}${at.length > 5 ? ', …' : ''}`;
}

export const singletonStateFile: Rule = {
  id: 'singleton-state-file',
  summary: 'one step writes an id to a fixed path and a later step reads it back; concurrent instances overwrite each other',
  fix: 'lockstep state init PREFIX --owner KEY in the first step, lockstep state discover PREFIX --owner KEY in later ones',
  check(lines) {
    const assigned = assignments(lines);
    const perInstance = perInstanceVariables(assigned);
    const fixedVars = fixedVariables(assigned, perInstance);
    const writes: Use[] = [];
    const reads: Use[] = [];
    const key = (w: string | undefined) => targetKey(w, fixedVars, perInstance);
    for (const l of lines) {
      const code = l.code;
      for (const m of l.masked.matchAll(/(^|[^<>&0-9])(?:&)?>>?\|?\s*/g)) {
        const t = key(wordsFrom(code, m.index + m[0].length).words[0]);
        if (t) writes.push({ ...t, line: l.line });
      }
      for (const pos of commandPositions(l.masked, 'tee')) {
        const t = key(wordsFrom(code, pos).words.find((w) => !w.startsWith('-')));
        if (t) writes.push({ ...t, line: l.line });
      }
      for (const m of l.masked.matchAll(/(^|[^<0-9])<\s*(?![<(])/g)) {
        const t = key(wordsFrom(code, m.index + m[0].length).words[0]);
        if (t) reads.push({ ...t, line: l.line });
      }
      for (const cmd of READERS) {
        for (const pos of commandPositions(l.masked, cmd)) {
          const words = wordsFrom(code, pos).words;
          for (let i = 0; i < words.length; i++) {
            const w = words[i]!;
            if (/^\d*(?:[<>]{1,2}|&>>?)&?$/.test(w)) i++; // a redirection and its target are not arguments
            else if (!w.startsWith('-') && !/^\d*[<>&]/.test(w)) {
              const t = key(w);
              if (t) reads.push({ ...t, line: l.line });
            }
          }
        }
      }
    }
    // One finding per fixed path, at its first write.
    const hits: RuleHit[] = [];
    const keys = [...new Set(writes.map((w) => w.key))];
    for (const k of keys) {
      const ws = writes.filter((w) => w.key === k);
      const writeLines = new Set(ws.map((w) => w.line));
      const back = reads.filter((r) => r.key === k && !writeLines.has(r.line));
      if (back.length === 0) continue;
      const first = ws[0]!;
      const what = k.startsWith('$') ? `${first.label} (= ${fixedVars.get(k.slice(1))})` : first.label;
      const also = writeLines.size > 1 ? ` (also written at ${lineList([...writeLines].filter((n) => n !== first.line))})` : '';
      hits.push({ line: first.line, message: `${what} is one fixed path for every instance: written here${also}, read back at ${lineList(back.map((r) => r.line))}; a concurrent instance overwrites it in between` });
    }
    return hits.sort((a, b) => a.line - b.line);
  },
};
