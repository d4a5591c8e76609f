/**
 * `lockstep init`: installs the hooks where git will run them.
 *
 * - Husky in use (core.hooksPath points at `.husky/_`, or `.husky` for
 *   husky 8): one marked line per hook is appended to `.husky/<hook>`; it
 *   runs lockstep's sh hooks from `<runtime>/hooks/` (machine-local, with
 *   this machine's node and CLI paths) or, where `lockstep init` has not run
 *   yet, `lockstep hook <name>` from PATH. The line is the same on every
 *   machine, so `.husky/` can be committed.
 * - Otherwise marked shims are written into the hooks directory git uses
 *   (`git rev-parse --git-path hooks`, which honours core.hooksPath).
 *
 * A hook that is not lockstep's is never overwritten without `force` (which
 * keeps it as `<hook>.lockstep-backup`); `chain` moves it to
 * `<hook>.lockstep-chained`, which lockstep's shim runs first. Running init
 * again changes nothing. Like husky's installer, this returns what it did
 * instead of printing.
 */
import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LockstepError, fsError } from '../core/errors.js';
import { ensureDir, ensureDirIn, unsafePathError, writeFileAtomic } from '../core/files.js';
import { openRuntime } from '../core/runtime.js';
import { createGit, type Git } from '../git/git.js';
import { STAGED_ARGS, STAGED_END, STAGED_STDIN_ENV } from '../tasks/git-paths.js';

/** The hooks lockstep installs. Trailers go on in commit-msg (see src/hooks/commit-msg.ts for why not prepare-commit-msg). */
export const HOOK_NAMES = ['pre-commit', 'commit-msg', 'post-commit'] as const;
export type HookName = (typeof HOOK_NAMES)[number];

/** First-line marker of a shim lockstep wrote; and the marker ending the line lockstep adds to a husky hook. */
export const SHIM_MARKER = '# lockstep-hook v1';
export const LINE_MARKER = '# lockstep-hook';
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
export function renderHook(name: HookName, paths: { node: string; cli: string; hook?: string }): string {
  const root = packageRoot();
  const lib = readFileSync(join(root, 'hooks', 'lib.sh'), 'utf8').trimEnd();
  const template = readFileSync(join(root, 'hooks', name), 'utf8');
  return template
    .replace('@LOCKSTEP_NODE@', () => shQuote(paths.node))
    .replace('@LOCKSTEP_CLI@', () => shQuote(paths.cli))
    .replace('@LOCKSTEP_HOOK@', () => shQuote(paths.hook ?? hookBundleFor(paths.cli)))
    // The staged-list protocol's names come from the code that reads them (src/tasks/git-paths.ts); echo adds the mark's newline.
    .replace('@LOCKSTEP_STAGED_ARGS@', () => STAGED_ARGS.map(shQuote).join(' '))
    .replace('@LOCKSTEP_STAGED_MARK@', () => shQuote(STAGED_END.slice(0, -1)))
    .replaceAll('@LOCKSTEP_STAGED_STDIN@', () => STAGED_STDIN_ENV)
    .replace('@LOCKSTEP_LIB@', () => lib);
}

/** The line lockstep appends to `.husky/<name>`: the same on every machine, so it can be committed. */
export function huskyLine(name: HookName): string {
  return `lockstep_hook="$(git rev-parse --git-common-dir)/lockstep/hooks/${name}"; if [ -f "$lockstep_hook" ]; then sh "$lockstep_hook" "$@"; else lockstep hook ${name} "$@"; fi ${LINE_MARKER}`;
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

function copyRunner(l: Layout, from: string, to: string): void {
  for (const f of readdirSync(from)) {
    const src = join(from, f);
    if (!statSync(src).isFile()) continue;
    write(l, join(to, f), readFileSync(src, 'utf8'), statSync(src).mode & 0o777);
  }
}

function huskyHookText(existing: string | null, name: HookName, version: 8 | 9): { text: string; state: HookState } {
  const line = huskyLine(name);
  if (existing === null) {
    const header = version === 8 ? '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\n' : '';
    return { text: `${header}${line}\n`, state: 'installed' };
  }
  const lines = existing.split('\n');
  const i = lines.findIndex((l) => l.trimEnd().endsWith(LINE_MARKER));
  if (i >= 0) {
    if (lines[i] === line) return { text: existing, state: 'unchanged' };
    lines[i] = line;
    return { text: lines.join('\n'), state: 'updated' };
  }
  const sep = existing === '' || existing.endsWith('\n') ? '' : '\n';
  return { text: `${existing}${sep}${line}\n`, state: 'appended' };
}

/** Installs (or, with `check`, only inspects) lockstep's hooks. */
export function installHooks(opts: InstallOptions & { check?: boolean }): InstallResult {
  const l = layout(opts.cwd);
  const cli = opts.cli ?? defaultCliPath();
  const paths = { node: opts.node ?? process.execPath, cli, hook: opts.hook ?? hookBundleFor(cli) };
  const entries: HookEntry[] = [];
  const notes: string[] = [];
  const problems: string[] = [];
  let changed = false;
  if (l.sharedOrigin) notes.push(`core.hooksPath (${l.hooksPath}) is set in ${l.sharedOrigin.replace(/^file:/, '')}: the hooks there run for every repository that uses that setting`);

  if (l.husky) {
    const runner = huskyRunnerProblem(l);
    if (runner) {
      if (opts.check || !runner.from) problems.push(runner.problem + (runner.from ? '' : ' (nor in the main worktree)'));
      if (!opts.check) {
        if (!runner.from) {
          throw new LockstepError('ENVIRONMENT', `${runner.problem}, and the main worktree has none to copy`, {
            hint: 'run husky once (npx husky, or npm install with its prepare script), then lockstep init again',
          });
        }
        copyRunner(l, runner.from, l.hooksDir);
        notes.push(`copied husky's runner into this worktree (${l.hooksDir}) from ${runner.from}`);
        changed = true;
      }
    }
    // Machine-local sh hooks the husky lines run: this machine's node and CLI.
    for (const name of HOOK_NAMES) {
      const local = join(l.runtimeRoot, 'hooks', name);
      const want = renderHook(name, paths);
      const have = readOrNull(local);
      if (have !== want) {
        if (opts.check) problems.push(`${local} is ${have === null ? 'missing' : 'out of date'}: the husky line falls back to \`lockstep hook ${name}\` (slower)`);
        else {
          write(l, local, want);
          changed = true;
        }
      }
    }
    for (const name of HOOK_NAMES) {
      const path = join(l.husky.dir, name);
      const existing = readOrNull(path);
      const next = huskyHookText(existing, name, l.husky.version);
      if (opts.check) {
        const state: HookState = next.state === 'unchanged' ? 'unchanged' : next.state === 'updated' ? 'outdated' : 'missing';
        entries.push({ name, path, state });
      } else {
        if (next.state !== 'unchanged') {
          write(l, path, next.text, existing === null ? 0o755 : statSync(path).mode & 0o777);
          changed = true;
        }
        entries.push({ name, path, state: next.state });
      }
    }
  } else {
    const plan = HOOK_NAMES.map((name) => {
      const path = join(l.hooksDir, name);
      const existing = readOrNull(path);
      const want = renderHook(name, paths);
      const chained = existsSync(path + CHAINED);
      return { name, path, existing, want, chained };
    });
    if (!opts.check) {
      const foreign = plan.filter((p) => p.existing !== null && !isOurs(p.existing));
      if (foreign.length && !opts.force && !opts.chain) {
        throw new LockstepError('CONFLICT', `these hooks are not lockstep's and were left alone: ${foreign.map((f) => f.path).join(', ')}`, {
          hint: 'keep them and run them before lockstep: lockstep init --chain; or replace them (kept as <hook>.lockstep-backup): lockstep init --force',
          detail: { hooks: foreign.map((f) => f.path) },
        });
      }
      for (const p of foreign) {
        if (opts.chain && existsSync(p.path + CHAINED)) {
          throw new LockstepError('CONFLICT', `${p.path}${CHAINED} exists already: cannot chain ${p.path} as well`, { hint: `merge the two by hand, then lockstep init --chain` });
        }
      }
    }
    for (const p of plan) {
      let state: HookState;
      if (p.existing === null) state = opts.check ? 'missing' : 'installed';
      else if (isOurs(p.existing)) state = p.existing === p.want ? 'unchanged' : opts.check ? 'outdated' : 'updated';
      else if (opts.check) state = 'foreign';
      else if (opts.chain) {
        renameSync(p.path, p.path + CHAINED);
        state = 'chained';
      } else {
        renameSync(p.path, p.path + BACKUP);
        state = 'replaced';
      }
      if (!opts.check && state !== 'unchanged') {
        write(l, p.path, p.want);
        changed = true;
      }
      const detail = state === 'chained' || (p.chained && state !== 'foreign') ? `runs ${p.path}${CHAINED} first` : state === 'replaced' ? `old hook kept as ${p.path}${BACKUP}` : undefined;
      entries.push({ name: p.name, path: p.path, state, ...(detail ? { detail } : {}) });
    }
  }
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
