/**
 * Just enough shell lexing for the linter: turns physical lines into logical
 * lines of code with their real line numbers — comments removed (quote-aware),
 * backslash continuations and multi-line quotes joined, heredoc bodies
 * skipped (they are data, not commands) — and reads
 * `# lockstep-lint: ignore[rule,…]` markers.
 */

export interface PhysicalLine {
  /** 1-based line number in the file. */
  line: number;
  text: string;
}

export interface CodeLine {
  /** Line number of the first physical line. */
  line: number;
  /** The code with comments removed; continuation lines joined. */
  code: string;
  /** `code` with literal quoted text blanked out (same length), for finding commands and operators. */
  masked: string;
  /** Rules suppressed on this line: 'all', a set of rule ids, or null. */
  suppress: 'all' | Set<string> | null;
}

const IGNORE = /lockstep-lint:\s*ignore(?:\[([a-z0-9,\s-]+)\])?/;

function parseSuppress(comment: string): 'all' | Set<string> | null {
  const m = IGNORE.exec(comment);
  if (!m) return null;
  if (!m[1]) return 'all';
  return new Set(m[1].split(',').map((s) => s.trim()).filter(Boolean));
}

function mergeSuppress(a: CodeLine['suppress'], b: CodeLine['suppress']): CodeLine['suppress'] {
  if (a === 'all' || b === 'all') return 'all';
  if (!a) return b;
  if (!b) return a;
  return new Set([...a, ...b]);
}

interface Scan {
  code: string;
  comment: string;
  /** The quote still open at the end of the text, if any. */
  open: "'" | '"' | null;
  /** Ends with an unquoted backslash: continues on the next line. */
  continued: boolean;
  heredocs: { delim: string; strip: boolean }[];
}

/** Scans one piece of text starting in quote state `open`. */
function scan(text: string, open: "'" | '"' | null): Scan {
  let code = '';
  let quote = open;
  const heredocs: Scan['heredocs'] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") {
      code += c;
      if (c === "'") quote = null;
      continue;
    }
    if (c === '\\') {
      if (i === text.length - 1) return { code, comment: '', open: quote, continued: quote === null, heredocs };
      code += c + text[i + 1]!;
      i++;
      continue;
    }
    if (quote === '"') {
      code += c;
      if (c === '"') quote = null;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      code += c;
      continue;
    }
    if (c === '#') {
      const prev = i === 0 ? ' ' : text[i - 1]!;
      if (/[\s;&|()]/.test(prev)) return { code, comment: text.slice(i), open: null, continued: false, heredocs };
    }
    if (c === '<' && text[i + 1] === '<' && text[i + 2] !== '<' && (i === 0 || text[i - 1] !== '<')) {
      const m = /^<<(-?)\s*(?:'([^']*)'|"([^"]*)"|\\?([A-Za-z0-9_.-]+))/.exec(text.slice(i));
      if (m) heredocs.push({ delim: m[2] ?? m[3] ?? m[4]!, strip: m[1] === '-' });
    }
    code += c;
  }
  return { code, comment: '', open: quote, continued: false, heredocs };
}

export function toCodeLines(lines: PhysicalLine[]): CodeLine[] {
  const out: CodeLine[] = [];
  let pendingSuppress: CodeLine['suppress'] = null;
  let i = 0;
  while (i < lines.length) {
    const first = lines[i]!;
    let s = scan(first.text, null);
    let code = s.code;
    let suppress = parseSuppress(s.comment);
    const heredocs = [...s.heredocs];
    i++;
    while ((s.open || s.continued) && i < lines.length) {
      const next = lines[i]!;
      const joinWith = s.open ? '\n' : ' ';
      s = scan(next.text, s.open);
      code += joinWith + s.code;
      suppress = mergeSuppress(suppress, parseSuppress(s.comment));
      heredocs.push(...s.heredocs);
      i++;
    }
    // Heredoc bodies follow the line that opened them; they are data.
    for (const h of heredocs) {
      while (i < lines.length) {
        const t = lines[i]!.text;
        i++;
        if ((h.strip ? t.replace(/^\t+/, '') : t) === h.delim) break;
      }
    }
    if (code.trim() === '') {
      // A comment-only line's marker applies to the next line of code.
      if (suppress) pendingSuppress = mergeSuppress(pendingSuppress, suppress);
      continue;
    }
    out.push({ line: first.line, code, masked: maskLiterals(code), suppress: mergeSuppress(suppress, pendingSuppress) });
    pendingSuppress = null;
  }
  return out;
}

/**
 * Splits a command line into words from `start` up to the first unquoted
 * command separator (`;`, `&`, `|`, `)`, newline). Quotes are removed;
 * `$(…)` and backtick substitutions stay inside their word.
 */
export function wordsFrom(code: string, start: number): { words: string[]; end: number } {
  const words: string[] = [];
  let w = '';
  let inWord = false;
  let i = start;
  const push = () => {
    if (inWord) words.push(w);
    w = '';
    inWord = false;
  };
  for (; i < code.length; i++) {
    const c = code[i]!;
    if (c === ' ' || c === '\t') {
      push();
      continue;
    }
    if (c === ';' || c === '&' || c === '|' || c === ')' || c === '\n') break;
    inWord = true;
    if (c === "'") {
      const j = code.indexOf("'", i + 1);
      const end = j < 0 ? code.length : j;
      w += code.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < code.length && code[j] !== '"'; j++) {
        if (code[j] === '\\') j++;
        else if (code[j] === '$' && code[j + 1] === '(') j = skipParens(code, j + 1);
      }
      w += code.slice(i + 1, Math.min(j, code.length));
      i = j;
    } else if (c === '\\') {
      w += code[i + 1] ?? '';
      i++;
    } else if (c === '$' && code[i + 1] === '(') {
      const j = skipParens(code, i + 1);
      w += code.slice(i, j + 1);
      i = j;
    } else if (c === '`') {
      const j = code.indexOf('`', i + 1);
      const end = j < 0 ? code.length - 1 : j;
      w += code.slice(i, end + 1);
      i = end;
    } else w += c;
  }
  push();
  return { words, end: i };
}

/** Index of the `)` that closes the `(` at `open` (quote-aware, nested). */
export function skipParens(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code[i]!;
    if (c === '\\') {
      i++;
    } else if (c === "'") {
      const j = code.indexOf("'", i + 1);
      i = j < 0 ? code.length : j;
    } else if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return code.length;
}

/**
 * Positions where `name` stands as a command word: at the start, or after a
 * separator, `$(`, a backtick, `!`, `{`, or a keyword such as `then`/`do`.
 */
export function commandPositions(code: string, name: string): number[] {
  const out: number[] = [];
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(^|[;&|({\`!\\n]|\\$\\(|\\b(?:then|do|else|time|exec|command|sudo|env|xargs)\\s)\\s*(?:[A-Za-z_][A-Za-z0-9_]*=\\S*\\s+)*${esc}(?=[\\s;&|)]|$)`, 'g');
  for (let m = re.exec(code); m; m = re.exec(code)) {
    out.push(m.index + m[0].length);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/**
 * Blanks the literal text inside quotes (keeping the quote characters and
 * any `$(…)`/backtick substitution inside double quotes, which is code), so
 * `echo "then git add -A"` is not mistaken for a command. Same length as
 * `code`, so positions carry over.
 */
export function maskLiterals(code: string): string {
  const out = code.split('');
  let i = 0;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  while (i < code.length) {
    const c = code[i]!;
    if (c === '\\') {
      i += 2;
    } else if (c === "'") {
      const j = code.indexOf("'", i + 1);
      const end = j < 0 ? code.length : j;
      blank(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < code.length && code[j] !== '"') {
        if (code[j] === '\\') {
          blank(j, j + 2);
          j += 2;
        } else if (code[j] === '$' && code[j + 1] === '(') {
          j = skipParens(code, j + 1) + 1;
        } else if (code[j] === '`') {
          const k = code.indexOf('`', j + 1);
          j = (k < 0 ? code.length : k) + 1;
        } else {
          blank(j, j + 1);
          j++;
        }
      }
      i = j + 1;
    } else i++;
  }
  return out.join('');
}
