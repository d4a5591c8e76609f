/**
 * A shell command line (one string, as an agent's Bash tool sends it) → the
 * simple commands it runs, found by parsing it the way bash reads it, not by
 * searching its text: quotes removed (`'…'`, `"…"`, `$'…'`, backslashes),
 * commands split at `;`, `&`, `&&`, `||`, `|`, `|&` and newlines; comments
 * and heredoc bodies are data (an unquoted heredoc's `$(…)` still runs);
 * subshells `( … )`, groups `{ …; }`, `if`/`while`/`for`/`case`, function
 * bodies, `$(…)`, backticks, `<(…)`, `$((…))` and the code in `sh -c '…'`,
 * `eval …` and `bash <<EOF` are looked into. Each command's words are then
 * resolved by shell-wrappers (assignments, `env`, `sudo`, `timeout 10`, `cd`
 * …). Never throws: an unbalanced quote or parenthesis runs to the end of
 * the text. Nesting deeper than MAX_DEPTH, and nested shell strings beyond
 * REPARSE_FACTOR times the line's length, are skipped, not looked into.
 */
import { commandName, opensCase, resolveCommand, type Word } from './shell-wrappers.js';

export interface SimpleCommand {
  /** Its words after quote removal, with leading assignments, reserved words and wrappers stripped. */
  argv: string[];
  /** `argv[0]` without its directory: `git` for `/usr/bin/git`. */
  name: string;
  /** The simple command as written, wrappers and assignments included. */
  text: string;
  /** The directory it runs in when a `cd` before it (or `env -C`) says so, relative to where the line starts. */
  cwd?: string;
}

/** Substitutions, subshells and nested shell strings deeper than this are not looked into. */
export const MAX_DEPTH = 100;
/**
 * Shell code in strings (`sh -c`, `eval`, backticks, heredoc scripts) is
 * parsed again; all of it together may be this many times the command's
 * length (plus a little), which keeps `eval eval eval …` linear.
 */
const REPARSE_FACTOR = 16;

/** The simple commands `command` runs, in the order the shell starts them. */
export function parseCommands(command: string): SimpleCommand[] {
  const run: Run = { out: [], budget: REPARSE_FACTOR * command.length + 4096 };
  new Parser(command, 0, undefined, run).parseList(false);
  return run.out;
}

/** What all parsers of one command line share. */
interface Run {
  out: SimpleCommand[];
  /** Characters of nested shell code that may still be parsed. */
  budget: number;
}

/** Collects one word's value while it is read. */
class WordBuilder {
  value = '';
  expanded = '';
  quoted = false;

  add(text: string): void {
    this.value += text;
    this.expanded += text;
  }

  addQuoted(text: string): void {
    this.quoted = true;
    this.add(text);
  }

  /** A substitution this shell runs: kept as written in `value`, `_` in `expanded`. */
  addSubstitution(raw: string): void {
    this.value += raw;
    this.expanded += '_';
  }

  word(raw: string): Word {
    return { value: this.value, expanded: this.expanded, quoted: this.quoted, raw };
  }
}

interface Heredoc {
  delim: string;
  /** `<<-`: leading tabs are stripped. */
  strip: boolean;
  /** A quoted delimiter: the body is not expanded. */
  quoted: boolean;
  /** The body is the script of the shell it is given to (`bash <<EOF`). */
  script: boolean;
  cwd?: string;
}

/** A simple command being read. */
interface Pending {
  words: Word[];
  /** Where each word starts in the text. */
  starts: number[];
  start: number;
  end: number;
  heredocs: Heredoc[];
  hereString?: string;
}

/** One command list being read: its current command and the `case` statements open in it. */
interface Level {
  cmd: Pending;
  cases: ('pattern' | 'body')[];
}

const META = new Set([' ', '\t', '\r', '\n', ';', '&', '|', '(', ')', '<', '>']);
const ARRAY_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=$/;
const OPERATOR = /^(?:;;&|;;|;&|&&|\|\||\|&|[;&|])/;
const REDIRECTION = /^(?:&>>|&>|<<<|<<-|<<|<>|<&|>&|>>|>\||<|>)/;
const FUNCTION_PARENS = /\(\s*\)/y;
/** Characters of a word that need no care: up to a metacharacter, quote, escape or expansion. */
const PLAIN_RUN = /[^ \t\r\n;&|()<>\\'"$`]+/y;
const ANSI_C = new Map(Object.entries({ n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' }));

class Parser {
  private pos = 0;
  /** Heredocs whose bodies start after the next newline. */
  private heredocs: Heredoc[] = [];

  constructor(
    private readonly src: string,
    private depth: number,
    private cwd: string | undefined,
    private readonly run: Run,
  ) {}

  /** Reads a command list to the end of the text, or (`closing`) past the `)` that ends it. */
  parseList(closing: boolean): void {
    const level: Level = { cmd: this.fresh(), cases: [] };
    while (this.pos < this.src.length) {
      if (this.step(level, closing)) return;
    }
    this.endCommand(level);
  }

  private fresh(): Pending {
    return { words: [], starts: [], start: -1, end: -1, heredocs: [] };
  }

  /** Reads one token (or a blank); true at the `)` that ends a closing list. */
  private step(level: Level, closing: boolean): boolean {
    const c = this.src[this.pos]!;
    const next = this.src[this.pos + 1];
    if (c === ' ' || c === '\t' || c === '\r') this.pos++;
    else if (c === '\\' && next === '\n') this.pos += 2;
    else if (c === '#') this.skipComment();
    else if (c === '\n') this.newline(level);
    else if (c === ';' || c === '|' || (c === '&' && next !== '>')) this.operator(level);
    else if (c === '(') this.openParen(level);
    else if (c === ')') return this.closeParen(level, closing);
    else if (c === '<' || c === '>' || c === '&') this.redirection(level);
    else this.word(level);
    return false;
  }

  private skipComment(): void {
    const nl = this.src.indexOf('\n', this.pos);
    this.pos = nl < 0 ? this.src.length : nl;
  }

  private newline(level: Level): void {
    this.endCommand(level);
    this.pos++;
    this.readHeredocBodies();
  }

  private operator(level: Level): void {
    const op = OPERATOR.exec(this.src.slice(this.pos, this.pos + 3))![0];
    this.pos += op.length;
    this.endCommand(level);
    // `;;`, `;&`, `;;&` end a case branch: patterns follow.
    if (op.length > 1 && op.startsWith(';') && level.cases.at(-1) === 'body') level.cases[level.cases.length - 1] = 'pattern';
  }

  private openParen(level: Level): void {
    if (this.src.startsWith('((', this.pos)) {
      // `(( … ))` and `for (( … ))`: arithmetic, whose `$(…)` still runs.
      this.pos += 2;
      this.readArithmetic(new WordBuilder());
      return;
    }
    if (level.cases.at(-1) === 'pattern') {
      this.pos++;
      return;
    }
    FUNCTION_PARENS.lastIndex = this.pos;
    if (level.cmd.words.length > 0 && FUNCTION_PARENS.test(this.src)) {
      // `name() { … }`: the name is not a command; the body is read as code.
      level.cmd = this.fresh();
      this.pos = FUNCTION_PARENS.lastIndex;
      return;
    }
    this.endCommand(level);
    this.pos++;
    this.nested(() => this.parseList(true));
  }

  private closeParen(level: Level, closing: boolean): boolean {
    this.pos++;
    if (level.cases.at(-1) === 'pattern') {
      level.cases[level.cases.length - 1] = 'body';
      return false;
    }
    this.endCommand(level);
    return closing;
  }

  private redirection(level: Level): void {
    const start = this.pos;
    if (this.src[this.pos] !== '&' && this.src[this.pos + 1] === '(') {
      this.processSubstitution(level);
      return;
    }
    const op = REDIRECTION.exec(this.src.slice(this.pos, this.pos + 3))![0];
    this.pos += op.length;
    while (this.src[this.pos] === ' ' || this.src[this.pos] === '\t') this.pos++;
    const target = this.readWord();
    extend(level.cmd, start, this.pos);
    if (!target) return;
    if (op === '<<<') level.cmd.hereString = target.expanded;
    else if (op.startsWith('<<')) {
      const h: Heredoc = { delim: target.value, strip: op === '<<-', quoted: target.quoted, script: false };
      level.cmd.heredocs.push(h);
      this.heredocs.push(h);
    }
  }

  /** `<(…)` / `>(…)`: runs its commands; stands as a word (a file name) in the command. */
  private processSubstitution(level: Level): void {
    const start = this.pos;
    this.pos += 2;
    this.nested(() => this.parseList(true));
    const raw = this.src.slice(start, this.pos);
    this.addWord(level, { value: raw, expanded: '_', quoted: true, raw }, start);
  }

  private word(level: Level): void {
    const start = this.pos;
    const w = this.readWord();
    if (!w) {
      this.pos++;
      return;
    }
    // A file descriptor number of a redirection (`2>&1`) is not a word.
    if (/^[0-9]+$/.test(w.raw) && (this.src[this.pos] === '<' || this.src[this.pos] === '>')) return;
    this.addWord(level, w, start);
  }

  private addWord(level: Level, w: Word, start: number): void {
    const state = level.cases.at(-1);
    const esac = !w.quoted && w.value === 'esac';
    if (state === 'pattern') {
      // A case pattern is data; `esac` ends the case.
      if (esac) level.cases.pop();
      return;
    }
    if (state === 'body' && esac && level.cmd.words.length === 0) {
      level.cases.pop();
      return;
    }
    level.cmd.words.push(w);
    level.cmd.starts.push(start);
    extend(level.cmd, start, this.pos);
    if (opensCase(level.cmd.words)) {
      level.cmd = this.fresh();
      level.cases.push('pattern');
    }
  }

  /** Resolves the command read so far, records what it runs and follows the code it runs from strings. */
  private endCommand(level: Level): void {
    const cmd = level.cmd;
    level.cmd = this.fresh();
    if (cmd.words.length === 0) return;
    const r = resolveCommand(cmd.words, this.cwd);
    this.cwd = r.cwdAfter;
    const text = this.src.slice(Math.max(cmd.start, cmd.starts[r.first] ?? -1), cmd.end);
    if (r.argv) this.run.out.push({ argv: r.argv, name: commandName(r.argv[0]!), text, cwd: r.cwd });
    if (r.script !== undefined) this.parseOther(r.script, r.cwd);
    if (!r.stdinScript) return;
    for (const h of cmd.heredocs) {
      h.script = true;
      h.cwd = r.cwd;
    }
    if (cmd.hereString !== undefined) this.parseOther(cmd.hereString, r.cwd);
  }

  /** Reads the commands of `( … )`, `$( … )` or `<( … )` in place, one level deeper; their `cd` stays inside. */
  private nested(read: () => void): void {
    if (this.depth >= MAX_DEPTH) {
      this.pos = skipBalanced(this.src, this.pos);
      return;
    }
    const cwd = this.cwd;
    this.depth++;
    read();
    this.depth--;
    this.cwd = cwd;
  }

  /** Parses other text (a `sh -c` string, a backtick body, a heredoc script) as shell code one level deeper. */
  private parseOther(text: string, cwd: string | undefined, expansionsOnly = false): void {
    if (this.depth >= MAX_DEPTH || text.length > this.run.budget) return;
    this.run.budget -= text.length;
    const p = new Parser(text, this.depth + 1, cwd, this.run);
    if (expansionsOnly) p.readDouble(new WordBuilder(), null);
    else p.parseList(false);
  }

  /** One word, up to an unquoted metacharacter; null when there is none here. */
  private readWord(): Word | null {
    const start = this.pos;
    const w = new WordBuilder();
    while (this.pos < this.src.length) {
      const c = this.src[this.pos]!;
      if (META.has(c)) {
        if (c !== '(' || !ARRAY_ASSIGNMENT.test(this.src.slice(start, this.pos))) break;
        this.readArray(w);
      } else this.wordPart(w, c);
    }
    return this.pos === start ? null : w.word(this.src.slice(start, this.pos));
  }

  private wordPart(w: WordBuilder, c: string): void {
    PLAIN_RUN.lastIndex = this.pos;
    if (PLAIN_RUN.test(this.src)) {
      w.add(this.src.slice(this.pos, PLAIN_RUN.lastIndex));
      this.pos = PLAIN_RUN.lastIndex;
    } else if (c === '\\') this.escape(w);
    else if (c === "'") this.singleQuoted(w);
    else if (c === '"') {
      this.pos++;
      w.quoted = true;
      this.readDouble(w, '"');
    } else if (c === '$') this.dollar(w, false);
    else this.backtick(w, false);
  }

  private escape(w: WordBuilder): void {
    const n = this.src[this.pos + 1];
    this.pos = Math.min(this.pos + 2, this.src.length);
    if (n !== '\n') w.addQuoted(n ?? '');
  }

  private singleQuoted(w: WordBuilder): void {
    const end = this.src.indexOf("'", this.pos + 1);
    const stop = end < 0 ? this.src.length : end;
    w.addQuoted(this.src.slice(this.pos + 1, stop));
    this.pos = Math.min(stop + 1, this.src.length);
  }

  /** Reads the inside of `"…"` (or `${…}`, or an unquoted heredoc body when `until` is null) and past `until`. */
  private readDouble(w: WordBuilder, until: '"' | '}' | null): void {
    while (this.pos < this.src.length) {
      const c = this.src[this.pos]!;
      if (c === until) {
        this.pos++;
        return;
      }
      if (c === '$') this.dollar(w, true);
      else if (c === '`') this.backtick(w, true);
      else if (c === '\\') this.escapeInDouble(w, until);
      else {
        w.add(c);
        this.pos++;
      }
    }
  }

  private escapeInDouble(w: WordBuilder, until: string | null): void {
    const n = this.src[this.pos + 1];
    if (n === '\n') this.pos += 2;
    else if (n !== undefined && (n === until || '$`"\\'.includes(n))) {
      w.add(n);
      this.pos += 2;
    } else {
      w.add('\\');
      this.pos++;
    }
  }

  private dollar(w: WordBuilder, inDouble: boolean): void {
    const n = this.src[this.pos + 1];
    const start = this.pos;
    if (n === '(') {
      const arithmetic = this.src[this.pos + 2] === '(';
      this.pos += arithmetic ? 3 : 2;
      if (arithmetic) this.readArithmetic(new WordBuilder());
      else this.nested(() => this.parseList(true));
      w.addSubstitution(this.src.slice(start, this.pos));
    } else if (n === '{') {
      w.add('${');
      this.pos += 2;
      this.readDouble(w, '}');
      w.add('}');
    } else if (!inDouble && n === "'") {
      this.pos += 2;
      w.addQuoted(this.readAnsiC());
    } else if (!inDouble && n === '"') {
      this.pos += 2;
      w.quoted = true;
      this.readDouble(w, '"');
    } else {
      w.add('$');
      this.pos++;
    }
  }

  /** The inside of `$'…'`, its escapes decoded. */
  private readAnsiC(): string {
    let out = '';
    while (this.pos < this.src.length && this.src[this.pos] !== "'") {
      const c = this.src[this.pos]!;
      const n = this.src[this.pos + 1] ?? '';
      const code = /^(?:x[0-9A-Fa-f]{1,2}|[0-7]{1,3})/.exec(this.src.slice(this.pos + 1, this.pos + 4))?.[0];
      if (c !== '\\') {
        out += c;
        this.pos++;
      } else if (ANSI_C.has(n)) {
        out += ANSI_C.get(n)!;
        this.pos += 2;
      } else if (code) {
        out += String.fromCharCode(code.startsWith('x') ? parseInt(code.slice(1), 16) : parseInt(code, 8));
        this.pos += 1 + code.length;
      } else {
        out += c + n;
        this.pos += 2;
      }
    }
    this.pos = Math.min(this.pos + 1, this.src.length);
    return out;
  }

  /** Past the `))` that closes an arithmetic expansion or command; its substitutions run. */
  private readArithmetic(w: WordBuilder): void {
    let depth = 0;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos]!;
      if (c === '$') this.dollar(w, true);
      else if (c === '`') this.backtick(w, true);
      else {
        this.pos += c === '\\' ? 2 : 1;
        if (c === '(') depth++;
        else if (c === ')' && depth-- === 0) {
          if (this.src[this.pos] === ')') this.pos++;
          return;
        }
      }
    }
  }

  /** `` `…` ``: its body (backslashes before `` ` ``, `$`, `\` removed) is parsed as code. */
  private backtick(w: WordBuilder, inDouble: boolean): void {
    const start = this.pos;
    let body = '';
    for (this.pos++; this.pos < this.src.length && this.src[this.pos] !== '`'; this.pos++) {
      const c = this.src[this.pos]!;
      const n = this.src[this.pos + 1];
      if (c === '\\' && n !== undefined) {
        body += '$`\\'.includes(n) || (inDouble && n === '"') ? n : c + n;
        this.pos++;
      } else body += c;
    }
    this.pos = Math.min(this.pos + 1, this.src.length);
    w.addSubstitution(this.src.slice(start, this.pos));
    this.parseOther(body, this.cwd);
  }

  /** `name=(a b c)`: the array's words are part of the assignment word. */
  private readArray(w: WordBuilder): void {
    const start = this.pos;
    for (this.pos++; this.pos < this.src.length && this.src[this.pos] !== ')'; ) {
      if (META.has(this.src[this.pos]!)) this.pos++;
      else this.readWord();
    }
    this.pos = Math.min(this.pos + 1, this.src.length);
    w.add(this.src.slice(start, this.pos));
  }

  private readHeredocBodies(): void {
    const pending = this.heredocs;
    this.heredocs = [];
    for (const h of pending) {
      const body = this.readHeredocBody(h);
      if (h.script) this.parseOther(body, h.cwd);
      else if (!h.quoted) this.parseOther(body, this.cwd, true);
    }
  }

  /** The lines up to the delimiter line (or the end of the text); the position moves past the delimiter. */
  private readHeredocBody(h: Heredoc): string {
    const start = this.pos;
    while (this.pos < this.src.length) {
      const nl = this.src.indexOf('\n', this.pos);
      const end = nl < 0 ? this.src.length : nl;
      let line = this.src.slice(this.pos, end).replace(/\r$/, '');
      if (h.strip) line = line.replace(/^\t+/, '');
      if (line === h.delim) {
        const body = this.src.slice(start, this.pos);
        this.pos = Math.min(end + 1, this.src.length);
        return body;
      }
      this.pos = Math.min(end + 1, this.src.length);
    }
    return this.src.slice(start);
  }
}

function extend(cmd: Pending, start: number, end: number): void {
  if (cmd.start < 0) cmd.start = start;
  cmd.end = end;
}

/**
 * Past the `)` that closes the parenthesis just before `pos`, without
 * parsing (nesting beyond MAX_DEPTH): counts parentheses outside quotes.
 */
function skipBalanced(src: string, pos: number): number {
  const open: string[] = ['('];
  for (; pos < src.length && open.length > 0; pos++) {
    const c = src[pos]!;
    if (c === '\\') pos++;
    else if (open[open.length - 1] === '"') {
      if (c === '"') open.pop();
      else if (c === '$' && src[pos + 1] === '(') {
        open.push('(');
        pos++;
      }
    } else if (c === "'") {
      const end = src.indexOf("'", pos + 1);
      pos = end < 0 ? src.length : end;
    } else if (c === '"' || c === '(') open.push(c);
    else if (c === ')') open.pop();
  }
  return Math.min(pos, src.length);
}
