/** Fixtures for the task and hook tests: real repositories, the built CLI, real git commits with hooks. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CLI, ROOT, runCli, type Run } from '../helpers.js';

/** The environment a person's shell would have: nothing of lockstep's or git's hook-time variables leaking in from the test runner. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    LOCKSTEP_TASK: undefined,
    LOCKSTEP_LOCK_TOKEN: undefined,
    LOCKSTEP_SKIP: undefined,
    LOCKSTEP_AGENT: undefined,
    LOCKSTEP_FAULT: undefined,
    HUSKY: undefined,
    GIT_DIR: undefined,
    GIT_INDEX_FILE: undefined,
    GIT_WORK_TREE: undefined,
    GIT_EDITOR: ':',
    NODE_OPTIONS: '',
    ...extra,
  };
}

function mergedEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(cleanEnv(env))) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** The built CLI with a clean environment. */
export function lockstep(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Run {
  return runCli(args, { cwd, env: cleanEnv(env) });
}

/** git with a clean environment; never throws (see `code`). */
export function gitRun(cwd: string, args: string[], env: Record<string, string | undefined> = {}, input?: string): Run {
  const r = spawnSync('git', args, { cwd, env: mergedEnv(env), encoding: 'utf8', input });
  return { code: r.status ?? 128, stdout: r.stdout, stderr: r.stderr };
}

/** Starts a process in its own process group (so a test can kill it and all its children at once). */
export function startGroup(argv: string[], cwd: string, env: Record<string, string | undefined> = {}): ChildProcess {
  return spawn(argv[0]!, argv.slice(1), { cwd, env: mergedEnv(env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    /* gone already */
  }
}

export function write(repo: string, path: string, text: string): void {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
}

export function read(repo: string, path: string): string {
  return readFileSync(join(repo, path), 'utf8');
}

/** The commit lock directory of a repository. */
export function lockDir(repo: string): string {
  return join(repo, '.git', 'lockstep', 'locks', 'commit');
}

export function cliArgv(args: string[]): string[] {
  return [process.execPath, CLI, ...args];
}

export { until } from '../helpers.js';

/** Files of a commit, NUL-safe. */
export function commitFiles(repo: string, rev = 'HEAD'): string[] {
  const out = gitRun(repo, ['diff-tree', '-r', '--no-commit-id', '--root', '--name-only', '-z', '--no-renames', rev]).stdout;
  return out.split('\0').filter(Boolean);
}

export function trailers(repo: string, rev = 'HEAD'): Record<string, string> {
  const out = gitRun(repo, ['log', '-1', '--format=%(trailers:only,unfold)', rev]).stdout;
  const m: Record<string, string> = {};
  for (const l of out.split('\n')) {
    const i = l.indexOf(': ');
    if (i > 0) m[l.slice(0, i)] = l.slice(i + 2);
  }
  return m;
}

/** Runs husky 9's own installer (from this package's node_modules) in `repo`: core.hooksPath=.husky/_ and its runner. */
export function installHusky(repo: string): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'husky', 'bin.js')], { cwd: repo, encoding: 'utf8', env: mergedEnv({}) });
  if (r.status !== 0 || gitRun(repo, ['config', 'core.hooksPath']).stdout.trim() !== '.husky/_') throw new Error(`husky install failed: ${r.stderr}`);
}

/**
 * Holds the commit lock on behalf of a `sleep` process (lockstep lock acquire
 * --owner-pid), cheaper than a TypeScript worker: the lock is held while the
 * sleep runs and free the moment it is killed.
 */
export function holdLock(repo: string): ChildProcess {
  const sleeper = spawn('sleep', ['600'], { stdio: 'ignore' });
  const r = lockstep(['lock', 'acquire', '--owner-pid', String(sleeper.pid)], repo);
  if (r.code !== 0) {
    sleeper.kill('SIGKILL');
    throw new Error(`could not take the lock: ${r.stderr}`);
  }
  return sleeper;
}
