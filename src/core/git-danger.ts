/**
 * Which commands of a shell command line would touch other agents' work in
 * a shared worktree: git invocations that stage, commit, stash, reset,
 * overwrite or delete every change rather than the caller's own paths, and
 * the removal of git's lock files. One implementation for the linter's rules
 * and the agent hooks (PreToolUse): the line is parsed (shell-commands), so
 * `echo "git add -A"`, a commit message, a comment or a heredoc body is never
 * a finding, and `sh -c '…'`, `$(…)`, `cd x && …`, `env`/`sudo`/`timeout`
 * wrappers are seen through.
 *
 * Decisions: a dry run (`-n`/`--dry-run`) and an interactive form
 * (`-p`/`-i`/`-e`) are harmless; `--pathspec-from-file` is not judged. A
 * pathspec covers the whole tree when it is `.`, `*`, `:/`, `:(top)`, `..`,
 * `$(git rev-parse --show-toplevel)` or only exclusions (`:!x`); a named
 * path or directory (`git add -A src/`, `git clean -f build/`) is the
 * caller's to name. `git reset --merge`/`--keep` are not flagged: both
 * refuse to overwrite uncommitted changes. `git checkout -f` is flagged
 * unless the paths after `--` are narrow. Every stash that writes the stash
 * list is flagged (the list is shared by all worktrees of a repository); only
 * `list`, `show` and `create` are not. Option abbreviations (`--har`) are not
 * recognised.
 */
import { parseCommands, type SimpleCommand } from './shell-commands.js';
import { changeDir } from './shell-wrappers.js';

export type DangerKind = 'add-all' | 'commit-all' | 'stash' | 'reset-hard' | 'checkout-all' | 'clean-force' | 'remove-git-lock';

export interface DangerousCommand {
  kind: DangerKind;
  /** The offending simple command as written. */
  text: string;
  /** The directory it runs in, when a `cd` before it or `git -C` says so (relative to where the line starts). */
  cwd?: string;
}

export interface DangerAdvice {
  /** What the command does to other tasks' work; reads after the command: "`git add -A` stages …". */
  reason: string;
  /** What to run instead. */
  instead: string;
}

export const DANGER_ADVICE: Readonly<Record<DangerKind, DangerAdvice>> = {
  'add-all': {
    reason: "stages every change in the worktree, other tasks' files included",
    instead: 'stage exactly your own paths: lockstep commit --task ID -m MSG -- PATH… (or git add -- PATH…)',
  },
  'commit-all': {
    reason: "commits every modified tracked file, other tasks' edits included",
    instead: 'commit exactly your own paths: lockstep commit --task ID -m MSG -- PATH… (or git commit -m MSG -- PATH…)',
  },
  stash: {
    reason: "takes every uncommitted change out of the worktree (or puts one back), other tasks' edits included; the stash list is shared by every worktree",
    instead: 'commit your own paths (lockstep commit --task ID -m MSG -- PATH…) or save them aside: git diff -- PATH… > FILE',
  },
  'reset-hard': {
    reason: "discards every uncommitted change in the worktree, other tasks' edits included",
    instead: 'undo only your own files: git restore --source=HEAD --staged --worktree -- PATH… (git reset --keep refuses to discard local changes)',
  },
  'checkout-all': {
    reason: "overwrites the uncommitted changes of every file it covers, other tasks' edits included",
    instead: 'restore only your own files: git restore -- PATH…; switch branches without -f (git switch BRANCH)',
  },
  'clean-force': {
    reason: "deletes every untracked file, the new files other tasks have not committed yet included",
    instead: 'delete your own files by name: rm -- PATH… (git clean -n shows what would go)',
  },
  'remove-git-lock': {
    reason: "removes git's lock even while a git process holds it",
    instead: 'lockstep git-locks --clear (removes only a lock file no live git process can hold)',
  },
};

/** Every dangerous git (or lock-removal) command `command` runs, in the order the shell starts them. */
export function findDangerousGit(command: string): DangerousCommand[] {
  const out: DangerousCommand[] = [];
  for (const c of parseCommands(command)) {
    const found = classifyCommand(c);
    if (found) out.push(found);
  }
  return out;
}

/** The danger of one simple command, or null. */
export function classifyCommand(c: SimpleCommand): DangerousCommand | null {
  const finding = (kind: DangerKind, cwd: string | undefined): DangerousCommand => (cwd === undefined ? { kind, text: c.text } : { kind, text: c.text, cwd });
  if (LOCK_REMOVERS.has(c.name)) return removesGitLock(c.name, c.argv) ? finding('remove-git-lock', c.cwd) : null;
  if (c.name !== 'git') return null;
  const call = gitCall(c.argv, c.cwd);
  const check = call && CHECKS.get(call.sub);
  if (!call || !check || call.args.some((a) => a === '-h' || a === '--help')) return null;
  const kind = check(call);
  return kind ? finding(kind, call.cwd) : null;
}

// ---- rm / unlink / mv of git's lock files ----

/** Git's lock files: index.lock, HEAD.lock, packed-refs.lock, config.lock, …, and any *.lock inside a git dir. */
export const GIT_LOCK = /(^|\/)(index|HEAD|ORIG_HEAD|FETCH_HEAD|MERGE_HEAD|packed-refs|config|shallow)\.lock$|(^|\/)\.git\/.*\.lock$|git-dir\)\/.*\.lock$|GIT_DIR\}?\/.*\.lock$/;
const LOCK_REMOVERS = new Set(['rm', 'unlink', 'mv']);

function removesGitLock(name: string, argv: string[]): boolean {
  const operands: string[] = [];
  let dashes = false;
  for (const a of argv.slice(1)) {
    if (!dashes && a === '--') dashes = true;
    else if (dashes || !a.startsWith('-') || a === '-') operands.push(a);
  }
  // `mv` removes its sources; the last operand is where they go.
  const removed = name === 'mv' ? operands.slice(0, -1) : operands;
  return removed.some((p) => GIT_LOCK.test(p));
}

// ---- git ----

interface GitCall {
  sub: string;
  args: string[];
  cwd: string | undefined;
  /** `-c name=value` settings. */
  config: string[];
}

/** Global options of git that take a separate value. */
const VALUED_GLOBALS = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--super-prefix', '--config-env']);

function gitCall(argv: string[], cwd: string | undefined): GitCall | null {
  const config: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-C') cwd = changeDir(cwd, argv[++i]);
    else if (a === '-c') config.push(argv[++i] ?? '');
    else if (VALUED_GLOBALS.has(a)) i++;
    else if (!a.startsWith('-')) return { sub: a, args: argv.slice(i + 1), cwd, config };
  }
  return null;
}

interface OptionSpec {
  /** Short options whose value is the rest of the cluster or the next word. */
  shortValued?: string;
  /** Short options whose optional value can only be attached (`-uno`). */
  shortOptional?: string;
  /** Long options whose value may be the next word. */
  longValued?: readonly string[];
}

interface Options {
  /** Every option given: `-a` for each letter of a cluster, `--all` for `--all` (a value after `=` removed). */
  flags: Set<string>;
  /** The non-option words (pathspecs, and commits or branches before `--`). */
  operands: string[];
  /** Was `--` given. */
  dashes: boolean;
}

/** Reads git options the way git's parse-options does (clusters, attached and separate values, `--`). */
function parseOptions(args: string[], spec: OptionSpec): Options {
  const o: Options = { flags: new Set(), operands: [], dashes: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      o.dashes = true;
      o.operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const name = a.split('=', 1)[0]!;
      o.flags.add(name);
      if (!a.includes('=') && spec.longValued?.includes(name)) i++;
    } else if (a.startsWith('-') && a.length > 1) i += readCluster(a, spec, o.flags);
    else o.operands.push(a);
  }
  return o;
}

/** Adds the letters of `-abc`; returns 1 when the next word is the value of its last letter. */
function readCluster(a: string, spec: OptionSpec, flags: Set<string>): number {
  for (let k = 1; k < a.length; k++) {
    const ch = a[k]!;
    flags.add(`-${ch}`);
    if (spec.shortOptional?.includes(ch)) return 0;
    if (spec.shortValued?.includes(ch)) return k === a.length - 1 ? 1 : 0;
  }
  return 0;
}

function has(o: Options, ...names: string[]): boolean {
  return names.some((n) => o.flags.has(n));
}

const WHOLE_TREE = new Set(['.', '*', './*', ':/', ':/:', ':/*', ':/.', '$(git rev-parse --show-toplevel)']);
const TOP_MAGIC = /^:\([a-z,]*\btop\b[a-z,]*\)[.*]?$/;
const EXCLUDE = /^:(!|\^|\([a-z,]*\bexclude\b)/;

/** A pathspec list that covers every file of the worktree. */
function wholeTree(paths: string[]): boolean {
  const whole = (p: string) => {
    const s = p.replace(/(.)\/+$/, '$1');
    return WHOLE_TREE.has(p) || WHOLE_TREE.has(s) || TOP_MAGIC.test(s) || /^\.\.(\/\.\.)*$/.test(s);
  };
  return paths.some(whole) || (paths.length > 0 && paths.every((p) => EXCLUDE.test(p)));
}

const INTERACTIVE = ['-p', '--patch', '-i', '--interactive', '-e', '--edit', '--pathspec-from-file'];

const ADD: OptionSpec = { longValued: ['--chmod', '--pathspec-from-file'] };
const COMMIT: OptionSpec = {
  shortValued: 'mFcCt',
  shortOptional: 'uS',
  longValued: ['--message', '--file', '--reuse-message', '--reedit-message', '--fixup', '--squash', '--author', '--date', '--template', '--cleanup', '--trailer', '--pathspec-from-file'],
};
const CHECKOUT: OptionSpec = { shortValued: 'bB', longValued: ['--orphan', '--pathspec-from-file'] };
const SWITCH: OptionSpec = { shortValued: 'cC', longValued: ['--create', '--force-create', '--orphan'] };
const RESTORE: OptionSpec = { shortValued: 's', longValued: ['--source', '--pathspec-from-file'] };
const CLEAN: OptionSpec = { shortValued: 'e', longValued: ['--exclude'] };
const RESET: OptionSpec = { longValued: ['--pathspec-from-file'] };

function add(g: GitCall): DangerKind | null {
  const o = parseOptions(g.args, ADD);
  if (has(o, '-n', '--dry-run', ...INTERACTIVE)) return null;
  if (wholeTree(o.operands)) return 'add-all';
  return o.operands.length === 0 && has(o, '-A', '--all', '-u', '--update', '--no-ignore-removal') ? 'add-all' : null;
}

function commit(g: GitCall): DangerKind | null {
  const o = parseOptions(g.args, COMMIT);
  if (has(o, '--dry-run')) return null;
  return has(o, '-a', '--all') || wholeTree(o.operands) ? 'commit-all' : null;
}

/** Stash subcommands that leave the worktree and the stash list alone. */
const READ_ONLY_STASH = new Set(['list', 'show', 'create']);

function stash(g: GitCall): DangerKind | null {
  const first = g.args[0];
  return first !== undefined && READ_ONLY_STASH.has(first) ? null : 'stash';
}

function reset(g: GitCall): DangerKind | null {
  return has(parseOptions(g.args, RESET), '--hard') ? 'reset-hard' : null;
}

function checkout(g: GitCall): DangerKind | null {
  const o = parseOptions(g.args, CHECKOUT);
  if (has(o, ...INTERACTIVE)) return null;
  if (wholeTree(o.operands)) return 'checkout-all';
  // A forced switch discards every local change; forced paths after `--` are only those paths.
  return has(o, '-f', '--force') && !o.dashes ? 'checkout-all' : null;
}

function switchBranch(g: GitCall): DangerKind | null {
  return has(parseOptions(g.args, SWITCH), '-f', '--force', '--discard-changes') ? 'checkout-all' : null;
}

function restore(g: GitCall): DangerKind | null {
  const o = parseOptions(g.args, RESTORE);
  return !has(o, ...INTERACTIVE) && wholeTree(o.operands) ? 'checkout-all' : null;
}

function clean(g: GitCall): DangerKind | null {
  const o = parseOptions(g.args, CLEAN);
  if (has(o, '-n', '--dry-run', '-i', '--interactive')) return null;
  const forced = has(o, '-f', '--force') || g.config.some((c) => /^clean\.requireforce=(false|no|off|0)$/i.test(c));
  return forced && (o.operands.length === 0 || wholeTree(o.operands)) ? 'clean-force' : null;
}

const CHECKS: ReadonlyMap<string, (g: GitCall) => DangerKind | null> = new Map([
  ['add', add],
  ['commit', commit],
  ['stash', stash],
  ['reset', reset],
  ['checkout', checkout],
  ['switch', switchBranch],
  ['restore', restore],
  ['clean', clean],
]);
