/**
 * What one simple command of a shell line really runs, once its words are
 * read: leading reserved words (`if`, `then`, `do`, `!`, `{` …), variable
 * assignments (`FOO=1 GIT_DIR=x git …`) and wrappers that run the rest of
 * their arguments as a command (`env`, `command`, `exec`, `nice`,
 * `timeout 10`, `nohup`, `time`, `sudo`, `doas`, `xargs`, `stdbuf`,
 * `setsid`, `ionice`, `chronic`, `builtin`) are stripped; the shell code a
 * command runs from a string (`sh -c '…'`, `bash -lc "…"`, `su -c '…'`,
 * `eval …`) is handed back for parsing; a shell with no script operand reads
 * its script from stdin (a heredoc or here-string fed to it is code); `cd`
 * and `pushd` move the directory later commands run in.
 *
 * Not followed: `env -S STRING`, `find -exec`, `ssh host CMD`, `watch`,
 * `flock`, `parallel`, other languages (`python -c`, `node -e`), script
 * files (`bash x.sh`, `source x.sh`), a script piped into a shell
 * (`echo … | sh`) and a command held in a variable (`$GIT add -A`).
 */
import { posix } from 'node:path';

/** One word of a simple command as the parser read it. */
export interface Word {
  /** After quote removal; a command substitution stays as written (`$(git rev-parse --git-dir)/index.lock`). */
  value: string;
  /** `value` with every substitution this shell runs replaced by `_`: what a nested shell given this word as its script sees. */
  expanded: string;
  /** Has quoting or an escape in it: then it is never a reserved word. */
  quoted: boolean;
  /** The word as written. */
  raw: string;
}

export interface Resolved {
  /** The command run, wrappers stripped; null when none runs (a bare assignment, `for x in …`, `command -v git`, a lone `fi`). */
  argv: string[] | null;
  /** Index of the first word after the leading reserved words: where the command as written starts. */
  first: number;
  /** The directory this command runs in (`env -C`/`sudo -D` change it for this command only). */
  cwd: string | undefined;
  /** The directory later commands of the same list run in (changed by `cd`, `pushd`, `popd`). */
  cwdAfter: string | undefined;
  /** Shell code this command runs from a string: `sh -c STRING`, `su -c STRING`, `eval WORDS`. */
  script?: string;
  /** A shell reading its script from stdin: a heredoc or here-string given to it is code. */
  stdinScript: boolean;
}

/** Reserved words that may stand before a command (or alone, closing a compound command). */
const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}', 'esac', 'coproc']);
/** Reserved words whose following words are not a command. */
const NO_COMMAND = new Set(['for', 'select', 'case']);

interface WrapperSpec {
  /** Options that take a value (as the next word, `--opt=value` or attached to a short option). */
  valued: readonly string[];
  /** Operands before the command (timeout's duration). */
  operands?: number;
  /** Options whose value is the directory the command runs in. */
  chdir?: readonly string[];
  /** NAME=value words may follow the options (env). */
  assignments?: boolean;
}

const WRAPPERS: ReadonlyMap<string, WrapperSpec> = new Map(Object.entries({
  builtin: { valued: [] },
  chronic: { valued: [] },
  command: { valued: [] },
  doas: { valued: ['-u', '-C'] },
  env: { valued: ['-u', '--unset', '-C', '--chdir', '-S', '--split-string'], chdir: ['-C', '--chdir'], assignments: true },
  exec: { valued: ['-a'] },
  ionice: { valued: ['-c', '--class', '-n', '--classdata', '-p', '--pid'] },
  nice: { valued: ['-n', '--adjustment'] },
  nohup: { valued: [] },
  setsid: { valued: [] },
  stdbuf: { valued: ['-i', '--input', '-o', '--output', '-e', '--error'] },
  sudo: {
    valued: ['-u', '--user', '-g', '--group', '-h', '--host', '-p', '--prompt', '-C', '--close-from', '-D', '--chdir', '-r', '--role', '-t', '--type', '-T', '--command-timeout', '-U', '--other-user'],
    chdir: ['-D', '--chdir'],
  },
  time: { valued: ['-f', '--format', '-o', '--output'] },
  timeout: { valued: ['-s', '--signal', '-k', '--kill-after'], operands: 1 },
  xargs: { valued: ['-a', '--arg-file', '-d', '--delimiter', '-E', '-I', '-L', '-n', '--max-args', '-P', '--max-procs', '-s', '--max-chars'] },
} satisfies Record<string, WrapperSpec>));

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'fish']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

/** `argv[0]` without its directory: `git` for `/usr/bin/git`. */
export function commandName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** The directory after `cd target` from `cwd` (undefined: not known). */
export function changeDir(cwd: string | undefined, target: string | undefined): string | undefined {
  if (target === undefined || target === '-') return undefined;
  if (target === '') return cwd;
  if (cwd === undefined || /^[/~$]/.test(target)) return target;
  return posix.join(cwd, target);
}

/** An unquoted word that is `values` or one of them. */
function plain(w: Word | undefined, values: ReadonlySet<string> | string): boolean {
  return w !== undefined && !w.quoted && (typeof values === 'string' ? w.value === values : values.has(w.value));
}

/** The words read so far are `[reserved words] case WORD in`: case patterns follow. */
export function opensCase(words: Word[]): boolean {
  const n = words.length;
  return n >= 3 && plain(words[n - 1], 'in') && plain(words[n - 3], 'case') && words.slice(0, n - 3).every((w) => plain(w, RESERVED));
}

/** Index of the first word after the leading reserved words (`then`, `!`, `{`, `function NAME` …); -1 when the words run no command. */
function afterReserved(words: Word[]): number {
  let i = 0;
  for (;;) {
    const w = words[i];
    if (w === undefined || plain(w, NO_COMMAND)) return -1;
    if (plain(w, 'function')) i += 2;
    else if (plain(w, RESERVED)) i++;
    else return i;
  }
}

/** Skips a wrapper's options (and operands); returns the index of its command and any directory it sets. */
function skipWrapper(args: string[], i: number, spec: WrapperSpec): { i: number; chdir?: string; lookup: boolean } {
  let chdir: string | undefined;
  let lookup = false;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const long = a.startsWith('--');
    const name = long ? a.split('=', 1)[0]! : a.slice(0, 2);
    if (a === '-v' || a === '-V') lookup = true;
    if (!spec.valued.includes(name)) continue;
    const attached = long ? (a.includes('=') ? a.slice(name.length + 1) : undefined) : a.length > 2 ? a.slice(2) : undefined;
    const value = attached ?? args[++i];
    if (spec.chdir?.includes(name)) chdir = value;
  }
  while (spec.assignments && i < args.length && ASSIGNMENT.test(args[i]!)) i++;
  return { i: i + (spec.operands ?? 0), chdir, lookup };
}

/** Past the wrappers from `values[i]` on, with the directory they set; null for a lookup (`command -v`), which runs nothing. */
function stripWrappers(values: string[], i: number, cwd: string | undefined): { i: number; cwd: string | undefined } | null {
  for (;;) {
    const name = commandName(values[i] ?? '');
    const spec = WRAPPERS.get(name);
    if (!spec) return { i, cwd };
    const skipped = skipWrapper(values, i + 1, spec);
    if (name === 'command' && skipped.lookup) return null;
    if (skipped.chdir !== undefined) cwd = changeDir(cwd, skipped.chdir);
    i = skipped.i;
  }
}

/** The script of a shell invocation: `-c STRING`, stdin (no operand, `-s`, `-`), or a file (not followed). */
function shellScript(words: Word[]): { script?: string; stdin: boolean } {
  let c = false;
  let stdin = false;
  let i = 1;
  for (; i < words.length; i++) {
    const a = words[i]!.value;
    if (a === '--' || a === '-') {
      stdin = a === '-';
      i++;
      break;
    }
    if (a === '--rcfile' || a === '--init-file' || /^[-+][A-Za-z]*[oO]$/.test(a)) i++;
    else if (/^-[A-Za-z]+$/.test(a)) {
      c ||= a.includes('c');
      stdin ||= a.includes('s');
    } else if (!/^(--|\+)/.test(a)) break;
  }
  if (c) return { script: words[i]?.expanded, stdin: false };
  return { stdin: stdin || i >= words.length };
}

/** `su [options] [-c STRING] [user]`: the string it runs. */
function suScript(words: Word[]): string | undefined {
  const i = words.findIndex((w, k) => k > 0 && (w.value === '-c' || w.value === '--command'));
  if (i > 0) return words[i + 1]?.expanded;
  return words.find((w) => w.value.startsWith('--command='))?.expanded.slice('--command='.length);
}

/** Where `cd`/`pushd`/`popd` leave later commands. */
function afterCd(name: string, args: string[], cwd: string | undefined): string | undefined {
  if (name === 'popd') return undefined;
  const target = args.slice(1).find((a) => a !== '--' && !/^-[LPe@]+$/.test(a));
  return changeDir(cwd, target);
}

/** What the simple command made of `words` runs, from directory `cwd`. */
export function resolveCommand(words: Word[], cwd: string | undefined): Resolved {
  const first = afterReserved(words);
  const none: Resolved = { argv: null, first: Math.max(first, 0), cwd, cwdAfter: cwd, stdinScript: false };
  if (first < 0) return none;
  let i = first;
  while (i < words.length && ASSIGNMENT.test(words[i]!.raw)) i++;
  if (i >= words.length) return none;
  const values = words.map((w) => w.value);
  const run = stripWrappers(values, i, cwd);
  if (!run || run.i >= words.length) return none;
  const rest = words.slice(run.i);
  const argv = values.slice(run.i);
  const name = commandName(argv[0]!);
  const runCwd = run.cwd;
  const resolved: Resolved = { argv, first, cwd: runCwd, cwdAfter: cwd, stdinScript: false };
  if (name === 'cd' || name === 'pushd' || name === 'popd') return { ...resolved, cwdAfter: afterCd(name, argv, runCwd) };
  if (name === 'eval') return { ...resolved, script: rest.slice(1).map((w) => w.expanded).join(' ') };
  if (name === 'su') return { ...resolved, script: suScript(rest) };
  if (!SHELLS.has(name)) return resolved;
  const s = shellScript(rest);
  return { ...resolved, script: s.script, stdinScript: s.stdin };
}
