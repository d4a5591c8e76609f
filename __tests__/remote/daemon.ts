/**
 * A real git server for the remote-backend tests: `git daemon` on loopback
 * (127.0.0.1, a free port), receive-pack enabled, serving bare repositories
 * under one base path. Started by the tests, bounded, killed in afterAll.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, tempDir } from '../helpers.js';

export interface Daemon {
  port: number;
  base: string;
  child: ChildProcess;
  url(repo: string): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Starts the daemon and waits (at most 10 s) until it answers. */
export async function startDaemon(base = tempDir('lockstep-daemon-')): Promise<Daemon> {
  const port = await freePort();
  const child = spawn('git', ['daemon', '--reuseaddr', `--base-path=${base}`, '--export-all', '--enable=receive-pack', '--listen=127.0.0.1', `--port=${port}`, '--max-connections=64', base], {
    stdio: ['ignore', 'ignore', 'pipe'],
    // Its own process group: stop() kills the daemon and every connection it forked, like a server crash.
    detached: true,
  });
  let log = '';
  child.stderr!.on('data', (d) => (log += d));
  const d: Daemon = {
    port,
    base,
    child,
    url: (repo) => `git://127.0.0.1:${port}/${repo}`,
    stop: () =>
      new Promise((resolve) => {
        child.stderr!.destroy();
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }),
  };
  // Any repository answers ls-remote once the daemon listens.
  const probe = bareRepo(d, '.probe.git');
  const until = Date.now() + 10_000;
  for (;;) {
    const r = spawnSync('git', ['ls-remote', d.url('.probe.git')], { encoding: 'utf8', timeout: 5000 });
    if (r.status === 0) break;
    if (Date.now() > until || child.exitCode !== null) {
      await d.stop();
      throw new Error(`git daemon did not come up on port ${port}: ${log}${r.stderr}`);
    }
    await new Promise((r2) => setTimeout(r2, 50));
  }
  void probe;
  return d;
}

/** A bare repository `name` under the daemon's base path, with one commit on main. */
export function bareRepo(d: Daemon, name: string): string {
  const dir = join(d.base, name);
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '--bare', '-b', 'main');
  git(dir, 'config', 'gc.auto', '0');
  const seed = tempDir('lockstep-seed-');
  git(seed, 'init', '-q', '-b', 'main');
  git(seed, 'config', 'user.name', 'Test');
  git(seed, 'config', 'user.email', 'test@example.invalid');
  git(seed, 'config', 'commit.gpgsign', 'false');
  writeFileSync(join(seed, 'README.md'), '# shared\n');
  git(seed, 'add', 'README.md');
  git(seed, 'commit', '-q', '-m', 'initial');
  git(seed, 'push', '-q', dir, 'main');
  return dir;
}

/** A clone of `repo` over the daemon: one "machine". */
export function cloneOf(d: Daemon, repo: string): string {
  const dir = join(tempDir('lockstep-clone-'), 'c');
  git(join(dir, '..'), 'clone', '-q', d.url(repo), dir);
  git(dir, 'config', 'user.name', 'Test');
  git(dir, 'config', 'user.email', 'test@example.invalid');
  git(dir, 'config', 'gc.auto', '0');
  return dir;
}

/** The refs under `prefix` as the server has them (read from the bare repository, no daemon needed). */
export function serverRefs(bare: string, prefix = 'refs/lockstep/'): Map<string, string> {
  const out = new Map<string, string>();
  const r = spawnSync('git', ['for-each-ref', '--format=%(objectname) %(refname)', prefix], { cwd: bare, encoding: 'utf8' });
  for (const line of r.stdout.split('\n')) {
    const i = line.indexOf(' ');
    if (i > 0) out.set(line.slice(i + 1), line.slice(0, i));
  }
  return out;
}

/** The JSON record a server ref points to. */
export function serverRecord<T>(bare: string, oid: string): T {
  return JSON.parse(git(bare, 'cat-file', 'blob', oid)) as T;
}
