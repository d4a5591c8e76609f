/**
 * `lockstep init`: installs the hooks where git will run them, so that the
 * commit lock is taken before every other pre-commit step and the staged
 * paths are checked after them (src/hooks/commit-lock.ts).
 *
 * - Husky in use (core.hooksPath points at `.husky/_`, or `.husky` for
 *   husky 8): marked lines go into `.husky/<hook>` — for pre-commit the lock
 *   line first and the check line last; post-checkout turns husky's runner on
 *   in new linked worktrees. They run lockstep's sh scripts from
 *   `<runtime>/hooks/` (machine-local, with this machine's node and CLI), else
 *   `lockstep hook NAME` from PATH, else say lockstep is not installed and go
 *   on. The lines are the same on every machine, so `.husky/` can be committed.
 * - Otherwise marked shims are written into the hooks directory git uses
 *   (`git rev-parse --git-path hooks`, which honours core.hooksPath).
 *
 * A hook that is not lockstep's is never overwritten without `force` (which
 * keeps it as `<hook>.lockstep-backup`); `chain` moves it to
 * `<hook>.lockstep-chained`, which lockstep's shim runs between its lock and
 * its check — as it does, without `chain`, with the hooks lefthook,
 * simple-git-hooks and pre-commit generate. Running init again changes
 * nothing. Every change is recorded for `lockstep uninstall`
 * (src/hooks/install-record.ts). Like husky's installer, this returns what
 * it did instead of printing.
 */
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LockstepError, fsError } from '../core/errors.js';
import { ensureDir, ensureDirIn, unsafePathError, writeFileAtomic } from '../core/files.js';
import { openRuntime } from '../core/runtime.js';
import { createGit, type Git } from '../git/git.js';
import { STAGED_ARGS, STAGED_END, STAGED_STDIN_ENV } from '../tasks/git-paths.js';
import { LINE_MARKER, RecordWriter } from './install-record.js';

/** The hooks lockstep installs. Trailers go on in commit-msg (see src/hooks/commit-msg.ts for why not prepare-commit-msg). */
export const HOOK_NAMES = ['pre-commit', 'commit-msg', 'post-commit'] as const;
/** With husky, also post-checkout: it turns husky's runner on in a new linked worktree (hooks/post-checkout). */
export const HUSKY_HOOKS = [...HOOK_NAMES, 'post-checkout'] as const;
export type HookName = (typeof HUSKY_HOOKS)[number];
/**
 * The sh scripts of hooks/ a hook runs. With husky, pre-commit is two lines,
 * each running one machine-local script: the lock phase first, the check
 * phase last (src/hooks/commit-lock.ts); without, the `pre-commit` shim does both.
 */
export type ScriptName = HookName | 'pre-commit-lock' | 'pre-commit-check';
const RUNTIME_SCRIPTS: readonly ScriptName[] = ['pre-commit-lock', 'pre-commit-check', 'commit-msg', 'post-commit', 'post-checkout'];

/** First-line marker of a shim lockstep wrote; and the marker ending the line lockstep adds to a husky hook. */
export const SHIM_MARKER = '# lockstep-hook v1';
export { LINE_MARKER };
const CHAINED = '.lockstep-chained';
const BACKUP = '.lockstep-backup';

export interface InstallOptions {
  cwd: string;
  /** Replace hooks that are not lockstep's (each kept as <hook>.lockstep-backup). */
  force?: boolean;
  /** Keep hooks that are not lockstep's and run them first (moved to <hook>.lockstep-chained). */
  chain?: boolean;
  /** The node binary the hooks run (default: this one). */
  node?: string;
  /** The bundled CLI the hooks run (default: dist/cli/index.js of this package). */
  cli?: string;
  /** The hook bundle the hooks run first (default: hookBundleFor(cli)). */
  hook?: string;
}

export type HookState =
  | 'installed' // written now
  | 'updated' // ours, rewritten (another version or other paths)
  | 'unchanged' // ours and current
  | 'chained' // a foreign hook kept and run first
  | 'replaced' // a foreign hook replaced (--force), kept as a backup
  | 'appended' // our line added to a husky hook
  | 'missing' // (check) not installed
  | 'outdated' // (check) ours, but not current
  | 'foreign'; // (check) a hook that is not lockstep's

export interface HookEntry {
  name: HookName;
  path: string;
  state: HookState;
  detail?: string;
}

export interface InstallResult {
  mode: 'hooks-dir' | 'husky';
  hooksDir: string;
  huskyDir: string | null;
  entries: HookEntry[];
  /** Things a person should know (e.g. husky's runner copied into this worktree). */
  notes: string[];
  /** Problems that stop the hooks from running here (check mode; install fixes or throws). */
  problems: string[];
  changed: boolean;
  ok: boolean;
}

function packageRoot(): string {
  // src/hooks/install.ts and dist/cli/index.js both sit two levels below the package root.
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of [join(here, '..', '..'), join(here, '..', '..', '..')]) {
    if (existsSync(join(up, 'hooks', 'lib.sh'))) return up;
  }
  throw new LockstepError('ENVIRONMENT', `cannot find lockstep's hook templates (hooks/) near ${here}`, { hint: 'reinstall lockstep' });
}

export function defaultCliPath(): string {
  return join(packageRoot(), 'dist', 'cli', 'index.js');
}

/**
 * The hook bundle built next to a CLI bundle (`dist/hook/index.js` beside
 * `dist/cli/index.js`). The shims run it when it is there and fall back to
 * `<cli> hook NAME` when it is not, so a CLI without one still works.
 */
export function hookBundleFor(cli: string): string {
  return join(dirname(cli), '..', 'hook', 'index.js');
}

function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The shim for `name`, with the node binary, CLI and hook bundle paths filled in. */
export function renderHook(name: ScriptName, paths: { node: string; cli: string; hook?: string }): string {
  const root = packageRoot();
  const lib = readFileSync(join(root, 'hooks', 'lib.sh'), 'utf8').trimEnd();
  const template = readFileSync(join(root, 'hooks', name), 'utf8');
  return template
    .replace('@LOCKSTEP_LIB@', () => lib)
    .replace('@LOCKSTEP_NODE@', () => shQuote(paths.node))
    .replace('@LOCKSTEP_CLI@', () => shQuote(paths.cli))
    .replace('@LOCKSTEP_HOOK@', () => shQuote(paths.hook ?? hookBundleFor(paths.cli)))
    // The staged-list protocol's names come from the code that reads them (src/tasks/git-paths.ts); echo adds the mark's newline.
    .replaceAll('@LOCKSTEP_STAGED_ARGS@', () => STAGED_ARGS.map(shQuote).join(' '))
    .replaceAll('@LOCKSTEP_STAGED_MARK@', () => shQuote(STAGED_END.slice(0, -1)))
    .replaceAll('@LOCKSTEP_STAGED_STDIN@', () => STAGED_STDIN_ENV);
}

/** The `lockstep hook NAME` each husky line runs where the machine-local script is missing. */
const FALLBACK: Record<Exclude<ScriptName, 'pre-commit'>, string | null> = {
  'pre-commit-lock': 'pre-commit-lock',
  'pre-commit-check': 'pre-commit',
  'commit-msg': 'commit-msg',
  'post-commit': 'post-commit',
  'post-checkout': null,
};

/** The install hint of a committed hook on a machine without lockstep. */
const INSTALL_HINT = 'npm install --save-dev lockstep, then lockstep init';

/**
 * A line lockstep adds to `.husky/<hook>`: the same on every machine, so it
 * can be committed. It runs the machine-local script init wrote to
 * `<runtime>/hooks/`, else `lockstep hook NAME` from PATH; where lockstep is
 * not installed at all the lock line says so in one line and the commit goes
 * on — unless the repository sets requireHooks, read with grep (there is no
 * lockstep to read it). LOCKSTEP_SKIP=1 skips only this line. Under `lockstep
 * doctor` the lock line ends the hook (src/hooks/probe.ts).
 */
export function huskyLine(name: Exclude<ScriptName, 'pre-commit'>): string {
  const fallback = FALLBACK[name];
  const head = `lockstep_hook="$(git rev-parse --git-common-dir)/lockstep/hooks/${name}"; if [ "\${LOCKSTEP_SKIP:-}" = 1 ]; then :; elif [ -f "$lockstep_hook" ]; then sh "$lockstep_hook" "$@";`;
  const path = fallback ? ` elif command -v lockstep >/dev/null 2>&1; then lockstep hook ${fallback} "$@";` : '';
  if (name !== 'pre-commit-lock') return `${head}${path} fi ${LINE_MARKER}`;
  const strict = ` elif grep -Eqs '"requireHooks"[[:space:]]*:[[:space:]]*true' lockstep.config.json package.json; then echo "lockstep: this repository requires lockstep's commit hooks (requireHooks) and lockstep is not installed here; fix: ${INSTALL_HINT}" >&2; exit 1;`;
  const absent = ` else echo "lockstep: not installed here, committing without the commit lock (to install: ${INSTALL_HINT})" >&2;`;
  return `${head}${path}${strict}${absent} fi; [ -z "\${LOCKSTEP_DOCTOR_PROBE:-}" ] || exit 0 ${LINE_MARKER}`;
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fsError(e, 'read', path);
  }
}

/**
 * Writes a hook: its directory checked link by link from the runtime, the
 * checkout or the git dir it lies in (a hooks directory elsewhere is the
 * user's own choice), a link at the hook itself refused (UNSAFE_PATH), and
 * the text renamed into place, so nothing is ever written through a link.
 */
function write(l: Layout, path: string, text: string, mode = 0o755): void {
  const dir = dirname(path);
  const root = [l.runtimeRoot, l.top, l.commonDir].find((r) => !relative(r, dir).startsWith('..') && !isAbsolute(relative(r, dir)));
  if (root === undefined) ensureDir(dir);
  else ensureDirIn(root, dir, { checkout: root !== l.runtimeRoot });
  if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) throw unsafePathError(path, 'the hook is a symbolic link; replace it with a file (or add the lockstep line by hand)');
  writeFileAtomic(path, text);
  try {
    chmodSync(path, mode);
  } catch (e) {
    throw fsError(e, 'write hook', path);
  }
}

interface Layout {
  git: Git;
  top: string;
  runtimeRoot: string;
  hooksDir: string;
  commonDir: string;
  hooksPath: string | null;
  husky: { dir: string; version: 8 | 9 } | null;
  /** Where core.hooksPath is set when that is not this repository's config (e.g. file:/home/me/.gitconfig). */
  sharedOrigin: string | null;
}

function layout(cwd: string): Layout {
  const rt = openRuntime({ cwd });
  const top = rt.repo?.topLevel;
  if (!top) throw new LockstepError('ENVIRONMENT', `${cwd} has no worktree: hooks run in a checkout`);
  const git = createGit(top);
  const hooksDir = git.execSync(['rev-parse', '--path-format=absolute', '--git-path', 'hooks'], { readOnly: true }).trim();
  const hp = git.runSync(['config', '--show-origin', '--get', 'core.hooksPath'], { readOnly: true });
  const [origin = '', ...value] = hp.code === 0 ? hp.stdout.trim().split('\t') : [];
  const hooksPath = value.join('\t') || null;
  // A hooksPath from the global or system config is shared by every repository that uses it.
  const local = [join(rt.repo!.commonDir, 'config'), join(rt.repo!.gitDir, 'config.worktree')];
  const originPath = origin.startsWith('file:') ? resolve(top, origin.slice(5)) : null;
  const sharedOrigin = hooksPath && !(originPath && local.includes(originPath)) ? origin : null;
  let husky: Layout['husky'] = null;
  if (hooksPath) {
    const norm = hooksPath.replace(/\/+$/, '');
    if (/(^|\/)\.husky\/_$/.test(norm)) husky = { dir: dirname(isAbsolute(norm) ? norm : resolve(top, norm)), version: 9 };
    else if (/(^|\/)\.husky$/.test(norm)) husky = { dir: isAbsolute(norm) ? norm : resolve(top, norm), version: 8 };
  }
  return { git, top, runtimeRoot: rt.root, hooksDir, commonDir: rt.repo!.commonDir, hooksPath, husky, sharedOrigin };
}

function isOurs(text: string): boolean {
  return text.split('\n', 3).some((l) => l.startsWith(SHIM_MARKER));
}

/** The main worktree's top level (where husky's `.husky/_` was generated by `npm install`). */
function mainWorktree(git: Git): string | null {
  const r = git.runSync(['worktree', 'list', '--porcelain'], { readOnly: true });
  if (r.code !== 0) return null;
  const first = r.stdout.split('\n').find((l) => l.startsWith('worktree '));
  return first ? first.slice('worktree '.length) : null;
}

/**
 * Husky's hooks dir `.husky/_` is generated (and git-ignored), so a fresh
 * linked worktree does not have it and git silently runs no hook there.
 * Copy it from the main worktree: it holds only husky's runner and
 * two-line stubs, none of it specific to a worktree.
 */
function huskyRunnerProblem(l: Layout): { problem: string; from: string | null } | null {
  if (!l.husky || l.husky.version !== 9) return null;
  const here = l.hooksDir;
  if (existsSync(join(here, 'h'))) return null;
  const main = mainWorktree(l.git);
  const from = main ? join(main, '.husky', '_') : null;
  return {
    problem: `husky's runner ${here} is missing in this worktree: git runs no hooks here`,
    from: from && from !== here && existsSync(join(from, 'h')) ? from : null,
  };
}

function copyRunner(from: string, to: string, rec: RecordWriter | null): void {
  for (let d = to; !existsSync(d); d = dirname(d)) rec?.dirCreated(d);
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(from)) {
    const src = join(from, f);
    if (!statSync(src).isFile()) continue;
    rec?.before(join(to, f));
    copyFileSync(src, join(to, f));
    chmodSync(join(to, f), statSync(src).mode & 0o777);
    rec?.after(join(to, f));
  }
}

/** Leading lines that must stay first in a husky hook: a shebang, husky 8's `. "…/_/husky.sh"`. */
function headerLength(lines: string[]): number {
  let i = 0;
  while (i < lines.length && (lines[i]!.startsWith('#!') || /^\.\s.*husky\.sh"?\s*$/.test(lines[i]!))) i++;
  return i;
}

/**
 * `.husky/<name>` with lockstep's lines where they belong: for pre-commit
 * the lock line first (after a shebang or husky 8's header) and the check
 * line last, so every other step runs between them, under the lock; for the
 * other hooks one line at the end. Lines lockstep added before (in any
 * place) are taken out first, so an old layout is moved, not doubled.
 */
export function huskyHookText(existing: string | null, name: HookName, version: 8 | 9): { text: string; state: HookState } {
  const header = version === 8 ? '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\n' : '';
  const base = existing ?? header;
  const lines = base.split('\n').filter((l) => !l.trimEnd().endsWith(LINE_MARKER));
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  if (name === 'pre-commit') {
    lines.splice(headerLength(lines), 0, huskyLine('pre-commit-lock'));
    lines.push(huskyLine('pre-commit-check'));
  } else lines.push(huskyLine(name));
  const text = lines.join('\n') + '\n';
  if (existing === null) return { text, state: 'installed' };
  if (text === existing) return { text, state: 'unchanged' };
  return { text, state: existing.includes(LINE_MARKER) ? 'updated' : 'appended' };
}

/** The worktrees of this repository (top-level paths; the main one first). */
function worktreeTops(git: Git): string[] {
  const r = git.runSync(['worktree', 'list', '--porcelain'], { readOnly: true });
  if (r.code !== 0) return [];
  return r.stdout.split('\n').filter((l) => l.startsWith('worktree ')).map((l) => l.slice('worktree '.length));
}

/**
 * What the repository's own husky steps need that a worktree lacks, or
 * null: its pre-commit and commit-msg run npx / lint-staged / … and the
 * worktree has no node_modules. Said once, at init, at worktree creation
 * (hooks/post-checkout) and by doctor — never first as a failed commit.
 */
export function missingForSteps(huskyDir: string, worktree: string): string | null {
  if (existsSync(join(worktree, 'node_modules'))) return null;
  const steps: string[] = [];
  for (const h of ['pre-commit', 'commit-msg']) {
    const text = readOrNull(join(huskyDir, h)) ?? '';
    for (const l of text.split('\n')) {
      const t = l.trim();
      if (!t || t.startsWith('#') || t.endsWith(LINE_MARKER)) continue;
      if (/\b(npx|npm|pnpm|yarn|bunx|node_modules|lint-staged|commitlint|prettier|eslint)\b/.test(t)) steps.push(t);
    }
  }
  if (!steps.length) return null;
  return `${worktree} has no node_modules, and its hooks run ${steps.slice(0, 3).map((x) => JSON.stringify(x)).join(', ')}: commits there fail until you run npm install (or npm ci) in it`;
}

/** Writes `text` to `path` (mode `mode`), recording the change for uninstall. */
function put(l: Layout, rec: RecordWriter | null, path: string, text: string, mode: number): void {
  rec?.before(path);
  if (!existsSync(dirname(path))) rec?.dirCreated(dirname(path));
  write(l, path, text, mode);
  rec?.after(path);
}

function installHusky(l: Layout & { husky: NonNullable<Layout['husky']> }, opts: InstallOptions & { check?: boolean }, paths: { node: string; cli: string; hook: string }, out: { entries: HookEntry[]; notes: string[]; problems: string[] }, rec: RecordWriter | null): boolean {
  let changed = false;
  const runner = huskyRunnerProblem(l);
  if (runner) {
    if (opts.check || !runner.from) out.problems.push(runner.problem + (runner.from ? '' : ' (nor in the main worktree)'));
    if (!opts.check) {
      if (!runner.from) {
        throw new LockstepError('ENVIRONMENT', `${runner.problem}, and the main worktree has none to copy`, {
          hint: 'run husky once (npx husky, or npm install with its prepare script), then lockstep init again',
        });
      }
    }
  }
  // Every worktree, not only this one: a linked worktree made before init has no runner either.
  if (!opts.check && l.husky.version === 9 && l.hooksPath && !isAbsolute(l.hooksPath)) {
    const from = existsSync(join(l.hooksDir, 'h')) ? l.hooksDir : runner?.from ?? null;
    for (const wt of worktreeTops(l.git)) {
      const to = resolve(wt, l.hooksPath);
      if (!from || to === from || existsSync(join(to, 'h')) || !existsSync(wt)) continue;
      copyRunner(from, to, rec);
      out.notes.push(`copied husky's runner into ${to} from ${from}: git runs the hooks in that worktree now`);
      changed = true;
    }
  }
  // Machine-local sh scripts the husky lines run: this machine's node and CLI.
  for (const name of RUNTIME_SCRIPTS) {
    const local = join(l.runtimeRoot, 'hooks', name);
    const want = renderHook(name, paths);
    const have = readOrNull(local);
    if (have === want) continue;
    if (opts.check) out.problems.push(`${local} is ${have === null ? 'missing' : 'out of date'}: the husky line falls back to \`lockstep hook\` (slower)`);
    else {
      put(l, rec, local, want, 0o755);
      changed = true;
    }
  }
  for (const name of HUSKY_HOOKS) {
    const path = join(l.husky.dir, name);
    const existing = readOrNull(path);
    const next = huskyHookText(existing, name, l.husky.version);
    if (opts.check) {
      const state: HookState = next.state === 'unchanged' ? 'unchanged' : next.state === 'updated' ? 'outdated' : 'missing';
      out.entries.push({ name, path, state });
      continue;
    }
    if (next.state !== 'unchanged') {
      put(l, rec, path, next.text, existing === null ? 0o755 : statSync(path).mode & 0o777);
      changed = true;
    }
    out.entries.push({ name, path, state: next.state, ...(name === 'pre-commit' ? { detail: "lock first, check last: the repository's own steps run under the commit lock" } : {}) });
  }
  for (const wt of worktreeTops(l.git)) {
    const missing = missingForSteps(l.husky.dir, wt);
    if (missing && existsSync(join(resolve(wt, l.hooksPath ?? ''), 'h'))) out.notes.push(missing);
  }
  return changed;
}

/** Another hook manager's generated pre-commit (its config, not this file, is the source): init chains it without --chain. */
export function managerOf(text: string): 'lefthook' | 'simple-git-hooks' | 'pre-commit' | null {
  if (/lefthook/.test(text)) return 'lefthook';
  if (/File generated by pre-commit: https:\/\/pre-commit\.com/.test(text)) return 'pre-commit';
  if (/simple[-_]git[-_]hooks/i.test(text)) return 'simple-git-hooks';
  return null;
}

function installHooksDir(l: Layout, opts: InstallOptions & { check?: boolean }, paths: { node: string; cli: string; hook: string }, out: { entries: HookEntry[]; notes: string[] }, rec: RecordWriter | null): boolean {
  let changed = false;
  const plan = HOOK_NAMES.map((name) => {
    const path = join(l.hooksDir, name);
    const existing = readOrNull(path);
    const want = renderHook(name, paths);
    const chained = existsSync(path + CHAINED);
    const manager = existing !== null && !isOurs(existing) ? managerOf(existing) : null;
    return { name, path, existing, want, chained, manager };
  });
  if (!opts.check) {
    const foreign = plan.filter((p) => p.existing !== null && !isOurs(p.existing) && !p.manager);
    if (foreign.length && !opts.force && !opts.chain) {
      throw new LockstepError('CONFLICT', `these hooks are not lockstep's and were left alone: ${foreign.map((f) => f.path).join(', ')}`, {
        hint: 'keep them and run them before lockstep: lockstep init --chain; or replace them (kept as <hook>.lockstep-backup): lockstep init --force',
        detail: { hooks: foreign.map((f) => f.path) },
      });
    }
    for (const p of plan) {
      if (p.existing !== null && !isOurs(p.existing) && (opts.chain || p.manager) && existsSync(p.path + CHAINED)) {
        throw new LockstepError('CONFLICT', `${p.path}${CHAINED} exists already: cannot chain ${p.path} as well`, { hint: `merge the two by hand, then lockstep init --chain` });
      }
    }
  }
  for (const p of plan) {
    let state: HookState;
    const moveTo = (suffix: string) => {
      rec?.before(p.path);
      rec?.before(p.path + suffix);
      renameSync(p.path, p.path + suffix);
      rec?.after(p.path + suffix);
    };
    if (p.existing === null) state = opts.check ? 'missing' : 'installed';
    else if (isOurs(p.existing)) state = p.existing === p.want ? 'unchanged' : opts.check ? 'outdated' : 'updated';
    else if (opts.check) state = 'foreign';
    else if (opts.chain || (p.manager && !opts.force)) {
      moveTo(CHAINED);
      state = 'chained';
    } else {
      moveTo(BACKUP);
      state = 'replaced';
    }
    if (!opts.check && state !== 'unchanged') {
      put(l, rec, p.path, p.want, 0o755);
      changed = true;
    }
    const chainedNow = state === 'chained' || (p.chained && state !== 'foreign');
    const manager = p.manager ?? (chainedNow ? managerOf(readOrNull(p.path + CHAINED) ?? '') : null);
    const detail = chainedNow
      ? `takes the lock, runs ${p.path}${CHAINED}${manager ? ` (${manager})` : ''} under it, then checks`
      : state === 'replaced'
        ? `old hook kept as ${p.path}${BACKUP}`
        : state === 'foreign' && p.manager
          ? `${p.manager}'s hook: lockstep init chains it`
          : undefined;
    out.entries.push({ name: p.name, path: p.path, state, ...(detail ? { detail } : {}) });
  }
  return changed;
}

/** Installs (or, with `check`, only inspects) lockstep's hooks. */
export function installHooks(opts: InstallOptions & { check?: boolean }): InstallResult {
  const l = layout(opts.cwd);
  const cli = opts.cli ?? defaultCliPath();
  const paths = { node: opts.node ?? process.execPath, cli, hook: opts.hook ?? hookBundleFor(cli) };
  const out = { entries: [] as HookEntry[], notes: [] as string[], problems: [] as string[] };
  if (l.sharedOrigin) out.notes.push(`core.hooksPath (${l.hooksPath}) is set in ${l.sharedOrigin.replace(/^file:/, '')}: the hooks there run for every repository that uses that setting`);
  const rec = opts.check ? null : new RecordWriter(l.runtimeRoot);
  let changed: boolean;
  try {
    changed = l.husky ? installHusky({ ...l, husky: l.husky }, opts, paths, out, rec) : installHooksDir(l, opts, paths, out, rec);
  } finally {
    // Whatever was changed before a failure is recorded too: uninstall can still undo it.
    rec?.save();
  }
  const { entries, notes, problems } = out;
  const ok = problems.length === 0 && entries.every((e) => !['missing', 'outdated', 'foreign'].includes(e.state));
  return { mode: l.husky ? 'husky' : 'hooks-dir', hooksDir: l.hooksDir, huskyDir: l.husky?.dir ?? null, entries, notes, problems, changed, ok };
}

/**
 * Why lockstep's hooks do not run in this worktree, or null when they do (or
 * were never installed): for commands that start work in a worktree to warn.
 */
export function hooksInactiveHere(cwd: string): string | null {
  try {
    const l = layout(cwd);
    const runner = huskyRunnerProblem(l);
    if (runner && existsSync(join(l.husky!.dir, 'pre-commit')) && readFileSync(join(l.husky!.dir, 'pre-commit'), 'utf8').includes(LINE_MARKER)) return runner.problem;
    return null;
  } catch {
    return null;
  }
}
