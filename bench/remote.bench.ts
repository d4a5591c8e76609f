/**
 * The remote backend over loopback: a real `git daemon` on 127.0.0.1 serving
 * a bare repository, one clone. Compares, in the same run and interleaved,
 * one `git push` of a single ref (the floor any ref-based coordination pays)
 * with a remote lock acquire+release through the library (and, for
 * reference, through two CLI calls, which add two node start-ups).
 * Goal: library acquire+release within 3× the single push.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt, stats, type BenchContext, type BenchSection } from './harness.js';
import { acquireRemoteLock, releaseRemoteLock } from '../src/remote/lock.js';
import { allocateRemote } from '../src/remote/alloc.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

export default async function remoteBench(ctx: BenchContext): Promise<BenchSection> {
  const runs = ctx.quick ? 15 : 40;
  const base = ctx.tmp('lockstep-bench-daemon-');
  const bare = join(base, 'shared.git');
  git(base, 'init', '-q', '--bare', '-b', 'main', bare);
  const seed = ctx.repo();
  git(seed, 'push', '-q', bare, 'main');
  const port = await freePort();
  const daemon = spawn('git', ['daemon', '--reuseaddr', `--base-path=${base}`, '--export-all', '--enable=receive-pack', '--listen=127.0.0.1', `--port=${port}`, base], { stdio: 'ignore', detached: true });
  try {
    const url = `git://127.0.0.1:${port}/shared.git`;
    for (let i = 0; spawnSync('git', ['ls-remote', url], { timeout: 5000 }).status !== 0; i++) {
      if (i > 200) throw new Error('git daemon did not come up');
      await new Promise((r) => setTimeout(r, 25));
    }
    const clone = join(ctx.tmp('lockstep-bench-clone-'), 'c');
    git(base, 'clone', '-q', url, clone);
    git(clone, 'config', 'gc.auto', '0');
    const blobs = [0, 1].map((i) => {
      writeFileSync(join(clone, '..', `b${i}`), `bench ${i}\n`);
      return git(clone, 'hash-object', '-w', join(clone, '..', `b${i}`));
    });

    const push: number[] = [];
    const lib: number[] = [];
    const cli: number[] = [];
    const alloc: number[] = [];
    const env = { ...process.env, LOCKSTEP_HOST_ID: 'bench-machine' };
    // Warm-up: one of each.
    git(clone, 'push', '-q', '--porcelain', 'origin', `+${blobs[0]}:refs/bench/push`);
    await releaseRemoteLock(await acquireRemoteLock({ cwd: clone, name: 'bench', timeoutMs: 10_000 }));
    for (let i = 0; i < runs; i++) {
      let t = process.hrtime.bigint();
      const r = spawnSync('git', ['push', '-q', '--porcelain', 'origin', `+${blobs[(i + 1) % 2]}:refs/bench/push`], { cwd: clone, stdio: 'ignore' });
      push.push(ms(t));
      if (r.status !== 0) throw new Error('git push failed');

      t = process.hrtime.bigint();
      const h = await acquireRemoteLock({ cwd: clone, name: 'bench', timeoutMs: 10_000 });
      await releaseRemoteLock(h);
      lib.push(ms(t));

      if (i < Math.min(runs, 10)) {
        t = process.hrtime.bigint();
        const a = spawnSync(ctx.cli[0]!, [...ctx.cli.slice(1), 'lock', 'acquire', 'benchcli', '--backend', 'remote', '--owner-pid', String(process.pid)], { cwd: clone, encoding: 'utf8', env });
        const token = a.stdout.trim();
        const rel = spawnSync(ctx.cli[0]!, [...ctx.cli.slice(1), 'lock', 'release', 'benchcli', '--backend', 'remote', '--token', token], { cwd: clone, encoding: 'utf8', env });
        cli.push(ms(t));
        if (a.status !== 0 || rel.status !== 0) throw new Error(`CLI lock failed: ${a.stderr}${rel.stderr}`);

        t = process.hrtime.bigint();
        await allocateRemote({ cwd: clone, root: 'specs', name: `bench ${i}` });
        alloc.push(ms(t));
      }
    }
    const p = stats(push);
    const l = stats(lib);
    const c = stats(cli);
    const al = stats(alloc);
    const ratio = l.median / p.median;
    ctx.log(`remote: push ${fmt(p.median)} ms, lock ${fmt(l.median)} ms (${fmt(ratio)}x)`);
    return {
      title: 'Remote backend over loopback (git daemon)',
      notes: [
        `A git daemon on 127.0.0.1 serving a bare repository and one clone; ${runs} runs each, interleaved. "One git push" moves one ref to another existing blob (\`git push --porcelain origin +OID:refs/bench/push\`): the floor of any ref-based coordination. Acquire+release is two atomic compare-and-swap pushes (lock and fence refs, then the delete); the first acquire of a process also lists the refs.`,
      ],
      columns: ['operation', 'runs', 'median ms', 'p99 ms', '× one push'],
      rows: [
        ['one `git push` of a single ref', p.n, fmt(p.median), fmt(p.p99), '1.00×'],
        ['remote lock acquire+release (library)', l.n, fmt(l.median), fmt(l.p99), `${fmt(ratio)}×`],
        ['remote lock acquire+release (2 CLI calls)', c.n, fmt(c.median), fmt(c.p99), `${fmt(c.median / p.median)}×`],
        ['remote allocate (library, no contention)', al.n, fmt(al.median), fmt(al.p99), `${fmt(al.median / p.median)}×`],
      ],
      goals: [{ text: 'remote lock acquire+release (library) within 3× one git push', met: ratio <= 3, measured: `${fmt(ratio)}×` }],
    };
  } finally {
    try {
      process.kill(-daemon.pid!, 'SIGKILL');
    } catch {
      daemon.kill('SIGKILL');
    }
  }
}
