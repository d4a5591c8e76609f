/** Test helpers: real git repositories in temp dirs, real processes. */
import { LockstepError } from '../src/core/errors.js';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname ?? '.', '..');
export const CLI = join(ROOT, 'dist', 'cli', 'index.js');
/**
 * The test build of the CLI and of the hook runner (build/test/, made by
 * `npm run build`): the same code with the fault points of
 * src/core/faults.ts compiled in. The bundles in dist/ have none, so a test
 * that sets LOCKSTEP_FAULT on a bundle starts one of these.
 */
export const TEST_CLI = join(ROOT, 'build', 'test', 'cli', 'index.js');
export const TEST_HOOK = join(ROOT, 'build', 'test', 'hook', 'index.js');

const made: string[] = [];

export function tempDir(prefix = 'lockstep-test-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

export function cleanupTemp(): void {
  for (const d of made.splice(0)) {
    try {
      // A killed worker's children may still be writing for a moment: retry.
      rmSync(d, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {
      /* a temp dir left behind is not a test failure */
    }
  }
}

export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** A real repository with one commit and gc off. */
export function tempRepo(opts: { commit?: boolean } = {}): string {
  const d = tempDir('lockstep-repo-');
  git(d, 'init', '-q', '-b', 'main');
  git(d, 'config', 'user.name', 'Test');
  git(d, 'config', 'user.email', 'test@example.invalid');
  git(d, 'config', 'gc.auto', '0');
  git(d, 'config', 'commit.gpgsign', 'false');
  if (opts.commit !== false) {
    writeFileSync(join(d, 'README.md'), '# test\n');
    git(d, 'add', 'README.md');
    git(d, 'commit', '-q', '-m', 'initial');
  }
  return d;
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI (`opts.cli`: another build of it, e.g. TEST_CLI). */
export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined>; input?: string; cli?: string } = {}): Run {
  const r = spawnSync(process.execPath, [opts.cli ?? CLI, ...args], { cwd: opts.cwd, env: { ...process.env, ...opts.env }, encoding: 'utf8', input: opts.input });
  return { code: r.status ?? 128, stdout: r.stdout, stderr: r.stderr };
}

export function runCliAsync(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined>; cli?: string } = {}): Promise<Run> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [opts.cli ?? CLI, ...args], { cwd: opts.cwd, env: { ...process.env, ...opts.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolvePromise({ code: code ?? 128, stdout, stderr }));
  });
}

/**
 * The way to start a worker: its bundle from `npm run build`
 * (build/test/workers/, see scripts/build.mjs), or, when that is missing or
 * older than the worker's source, the source through tsx (half a second of
 * CPU more a start).
 */
function workerArgv(script: string): string[] {
  const source = join(ROOT, '__tests__', 'workers', script);
  const bundle = join(ROOT, 'build', 'test', 'workers', script.replace(/\.ts$/, '.mjs'));
  try {
    if (statSync(bundle).mtimeMs >= statSync(source).mtimeMs) return [bundle];
  } catch {
    /* not built */
  }
  return ['--import', 'tsx', source];
}

/** Starts a TypeScript worker as a real process. */
export function startWorker(script: string, args: string[], opts: { env?: Record<string, string | undefined>; cwd?: string } = {}): ChildProcess {
  return spawn(process.execPath, [...workerArgv(script), ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NODE_OPTIONS: '', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function runWorker(script: string, args: string[], opts: { env?: Record<string, string | undefined>; cwd?: string } = {}): Promise<Run> {
  const child = startWorker(script, args, opts);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((r) => child.on('close', (code) => r({ code: code ?? 128, stdout, stderr })));
}

/** Resolves with the first line the child prints on stdout. */
export function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let buf = '';
    let err = '';
    child.stderr?.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      buf += d;
      const i = buf.indexOf('\n');
      if (i >= 0) resolvePromise(buf.slice(0, i));
    });
    child.once('close', (code) => reject(new Error(`worker exited ${code} before printing: ${err}`)));
  });
}

/** Resolves when the process exits ('exit', not 'close': a grandchild may still hold its pipes). */
export function waitExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((r) => child.once('exit', (code) => r(code)));
}

/** A pid that certainly names no running process right now. */
export function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

/**
 * Starts one worker per argument list; each must print "ready" as its first
 * line and then wait for the file `go` to exist. Once every worker is ready,
 * `go` is created, so all of them contend at once (not staggered by their
 * start-up). Resolves with each worker's Run (stdout without the "ready" line).
 */
export async function runWorkersTogether(script: string, argsList: string[][], go: string, opts: { env?: Record<string, string | undefined>; cwd?: string } = {}): Promise<Run[]> {
  const readies: Promise<void>[] = [];
  const runs = argsList.map((args) => {
    const child = startWorker(script, args, opts);
    let stdout = '';
    let stderr = '';
    let markReady: () => void = () => undefined;
    readies.push(new Promise<void>((r) => (markReady = r)));
    child.stdout!.on('data', (d) => {
      stdout += d;
      if (stdout.startsWith('ready\n')) markReady();
    });
    child.stderr!.on('data', (d) => (stderr += d));
    return new Promise<Run>((resolveRun) =>
      child.on('close', (code) => {
        markReady(); // a worker that died early must not hang the others
        resolveRun({ code: code ?? 128, stdout: stdout.replace(/^ready\n/, ''), stderr });
      }),
    );
  });
  await Promise.all(readies);
  writeFileSync(go, '');
  return Promise.all(runs);
}

/**
 * Runs the built CLI as an unprivileged user (uid/gid 65534) when the tests
 * run as root — root ignores file modes, so "unwritable" cannot be tested as
 * root — or as the current user otherwise. Throws if that is impossible,
 * so a test can never silently skip its assertions.
 */
let readableCli: string | undefined;

/**
 * A copy of the CLI bundle that any user can read: the checkout may sit
 * under a directory only root can enter (a mktemp -d clone, say).
 */
export function worldReadableCli(): string {
  if (readableCli && existsSync(readableCli)) return readableCli;
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-cli-'));
  made.push(dir);
  chmodSync(dir, 0o755);
  // The entry and the chunks it loads on demand.
  for (const f of readdirSync(join(ROOT, 'dist', 'cli')).filter((n) => n.endsWith('.js') || n === 'package.json')) {
    copyFileSync(join(ROOT, 'dist', 'cli', f), join(dir, f));
    chmodSync(join(dir, f), 0o755);
  }
  readableCli = join(dir, 'index.js');
  return readableCli;
}

export function runCliUnprivileged(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): Run {
  const env = { ...process.env, ...opts.env };
  const uid = process.getuid?.() ?? -1;
  const argv = uid === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, worldReadableCli(), ...args] : [process.execPath, CLI, ...args];
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd: opts.cwd ?? '/', env, encoding: 'utf8' });
  if (r.error) throw new Error(`cannot run the CLI unprivileged (${argv[0]}): ${r.error.message}`);
  return { code: r.status ?? 128, stdout: r.stdout, stderr: r.stderr };
}

/** The LockstepError code `fn` throws, or 'OK' when it returns; any other error is rethrown. */
export function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof LockstepError) return e.code;
    throw e;
  }
  return 'OK';
}

/** errorCode for a promise, or a function that may return one. */
export async function errorCodeOf(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof LockstepError) return e.code;
    throw e;
  }
  return 'OK';
}

/** Waits until `check` is true (polling), or throws after `ms`. */
export async function until(check: () => boolean, ms = 20_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
