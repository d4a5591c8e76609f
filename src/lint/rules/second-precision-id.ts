/**
 * `WORKFLOW_ID="command_$(date +%s)"`: a time with one-second resolution in
 * an id (or a file name) gives two instances started in the same second the
 * same id. Durations (`START=$(date +%s)`) are not ids and are left alone.
 */
import type { Rule, RuleHit } from '../rule.js';
import { commandPositions, skipParens, wordsFrom } from '../shell-text.js';

const ID_NAME = /(^|_)id$|[a-z]Id$/i;
const NAME_CHAR = /[A-Za-z0-9_.-]/;

/** The `$(`/backtick substitution that contains position `at`, as [start, end]. */
function enclosingSubstitution(code: string, at: number): [number, number] | null {
  const before = code.slice(0, at).replace(/\s+$/, '');
  if (before.endsWith('$(')) {
    const open = before.length - 1;
    return [open - 1, skipParens(code, open)];
  }
  if (before.endsWith('`')) {
    const start = before.length - 1;
    const end = code.indexOf('`', at);
    return [start, end < 0 ? code.length - 1 : end];
  }
  return null;
}

export const secondPrecisionId: Rule = {
  id: 'second-precision-id',
  summary: 'an id built from a one-second clock collides when two instances start in the same second',
  fix: 'use lockstep state init PREFIX (nanoseconds + pid + random), or at least $(date +%s%N)_$$',
  check(lines) {
    const hits: RuleHit[] = [];
    for (const l of lines) {
      for (const pos of commandPositions(l.masked, 'date')) {
        const { words } = wordsFrom(l.code, pos);
        const format = words.find((w) => w.startsWith('+'));
        if (!format || !/%[sSTr]/.test(format) || /%\d*N/.test(format)) continue;
        const sub = enclosingSubstitution(l.code, pos - 'date'.length);
        if (!sub) continue;
        const [start, end] = sub;
        const prev = l.code[start - 1] ?? '';
        const next = l.code[end + 1] ?? '';
        const assigned = /(?:^|[\s;&|])(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)*)?([A-Za-z_][A-Za-z0-9_]*)=["']?$/.exec(l.code.slice(0, start));
        const glued = (NAME_CHAR.test(prev) && prev !== '') || (NAME_CHAR.test(next) && next !== '');
        const idVar = assigned && ID_NAME.test(assigned[1]!) ? assigned[1]! : null;
        if (!glued && !idVar) continue;
        hits.push({
          line: l.line,
          message: `\`date ${format}\` has one-second resolution${idVar ? ` but makes the id \`${idVar}\`` : ' but makes part of a name'}: instances started in the same second collide`,
        });
      }
    }
    return hits;
  },
};
