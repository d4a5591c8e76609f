/**
 * The remote backend's failure modes, against a real `git daemon` on
 * loopback: the remote going down mid-operation, a dead port, a remote that
 * refuses refs/lockstep/*, an expired claimer completing late, and gc.
 * CLI checks run the built CLI (dist/cli/index.js), as a user would.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupTemp, firstLine, git, runCli, runCliAsync, startWorker, tempDir, waitExit, type Run } from '../helpers.js';
import { bareRepo, cloneOf, freePort, serverRecord, serverRefs, startDaemon, type Daemon } from './daemon.js';

let daemon: Daemon;

beforeAll(async () => {
  daemon = await startDaemon();
});

afterAll(async () => {
  await daemon?.stop();
  cleanupTemp();
});

const on = (i: number) => ({ LOCKSTEP_HOST_ID: `machine-${i}` });

function expectClean(r: Run): void {
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
}

describe('remote unreachable', () => {
  test('down mid-operation: workers stop with exit 4 and a clear error; every directory has its number, no number twice', async () => {
    const own = await startDaemon();
    try {
      const bare = bareRepo(own, 'down.git');
      const clones = [0, 1, 2].map(() => cloneOf(own, 'down.git'));
      const workers = clones.map((c, i) => {
        const w = startWorker('remote-worker.ts', ['alloc', c, 'specs', '200', 'remote'], { env: on(i) });
        let out = '';
        let err = '';
        w.stdout!.on('data', (d) => (out += d));
        w.stderr!.on('data', (d) => (err += d));
        return { w, get out() { return out; }, get err() { return err; } };
      });
      // Let some allocations land, then the server dies (daemon and every connection it forked).
      const until = Date.now() + 60_000;
      while (serverRefs(bare, 'refs/lockstep/alloc/').size < 8 && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
      await own.stop();
      const codes = await Promise.all(workers.map((x) => waitExit(x.w)));
      expect(codes).toEqual([4, 4, 4]);
      const printed: number[] = [];
      for (const [i, x] of workers.entries()) {
        expect(x.err).toMatch(/git remote origin \(git:\/\/127\.0\.0\.1:\d+\/down\.git\) is unreachable/);
        expect(x.err).not.toMatch(/internal error|\n\s+at /);
        const mine = x.out.split('\n').filter((l) => l.startsWith('ok ')).map((l) => Number(l.split(' ')[1]));
        printed.push(...mine);
        // Nothing half-done locally: exactly the directories of the allocations that succeeded.
        const dirs = existsSync(join(clones[i]!, 'specs')) ? readdirSync(join(clones[i]!, 'specs')) : [];
        expect(dirs.map((d) => Number(d.split('_')[0])).sort((a, b) => a - b)).toEqual([...mine].sort((a, b) => a - b));
      }
      expect(new Set(printed).size).toBe(printed.length);
      // Every number handed out is recorded on the server; at most one push per worker was cut off after landing.
      const onServer = new Set([...serverRefs(bare, 'refs/lockstep/alloc/').keys()].filter((r) => /\/\d+$/.test(r)).map((r) => Number(r.split('/').pop())));
      for (const n of printed) expect(onServer.has(n)).toBe(true);
      expect(onServer.size - printed.length).toBeLessThanOrEqual(workers.length);
    } finally {
      await own.stop();
    }
  });

  test('a dead port: lock, allocate, claim and gc exit 4 with the remote named, and write nothing', async () => {
    bareRepo(daemon, 'dead.git');
    const clone = cloneOf(daemon, 'dead.git');
    git(clone, 'remote', 'set-url', 'origin', `git://127.0.0.1:${await freePort()}/dead.git`);
    const runs = [
      runCli(['lock', 'acquire', 'deploy', '--backend', 'remote', '--timeout', '2'], { cwd: clone }),
      runCli(['remote', 'allocate', 'specs', 'first topic'], { cwd: clone }),
      runCli(['remote', 'claim', 'work', '--agent', 'a1', '--item', 'x1', '--item', 'x2'], { cwd: clone }),
      runCli(['remote', 'gc'], { cwd: clone }),
      runCli(['remote', 'check', '--json'], { cwd: clone }),
    ];
    for (const r of runs) {
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/the git remote origin \(git:\/\/127\.0\.0\.1:\d+\/dead\.git\) is unreachable .*nothing was changed/);
      expect(r.stderr).toMatch(/fix: check the remote: git ls-remote origin/);
      expectClean(r);
    }
    expect(JSON.parse(runs[4]!.stdout).error.code).toBe('REMOTE_UNREACHABLE');
    expect(existsSync(join(clone, 'specs'))).toBe(false);
  });

  test('a remote name that does not exist is a usage error (exit 2)', () => {
    bareRepo(daemon, 'noname.git');
    const clone = cloneOf(daemon, 'noname.git');
    const r = runCli(['lock', 'acquire', '--backend', 'remote:upstream'], { cwd: clone });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no git remote named upstream/);
    const bad = runCli(['lock', 'status', '--backend', 'remote:-x'], { cwd: clone });
    expect(bad.code).toBe(2);
    expectClean(bad);
  });
});

describe('a remote that refuses refs/lockstep/*', () => {
  test('a pre-receive hook: detected, explained, exit 4', () => {
    const bare = bareRepo(daemon, 'hooked.git');
    const hook = join(bare, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\nwhile read o n r; do case "$r" in refs/lockstep/*) echo "custom refs are not allowed here" >&2; exit 1;; esac; done\n');
    chmodSync(hook, 0o755);
    const clone = cloneOf(daemon, 'hooked.git');
    for (const args of [['lock', 'acquire', 'deploy', '--backend', 'remote', '--timeout', '2'], ['remote', 'allocate', 'specs', 'x'], ['remote', 'check']]) {
      const r = runCli(args, { cwd: clone });
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/refuses lockstep's refs .*pre-receive hook declined.*the server said: custom refs are not allowed here/);
      expect(r.stderr).toMatch(/fix: the remote backend needs the server to accept pushes to refs\/lockstep\/\*/);
      expectClean(r);
    }
    expect(serverRefs(bare).size).toBe(0);
    expect(existsSync(join(clone, 'specs'))).toBe(false);
  });

  test('receive.hideRefs: detected, explained, exit 4', () => {
    const bare = bareRepo(daemon, 'hidden.git');
    git(bare, 'config', 'receive.hideRefs', 'refs/lockstep');
    const clone = cloneOf(daemon, 'hidden.git');
    const r = runCli(['lock', 'acquire', 'deploy', '--backend', 'remote', '--timeout', '2'], { cwd: clone });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/refuses lockstep's refs .*deny updating a hidden ref/);
    expectClean(r);
  });
});

describe('claims across machines', () => {
  test('an expired claimer\'s late "done" is refused after another machine reclaimed and re-claimed the item', async () => {
    const bare = bareRepo(daemon, 'late.git');
    const [a, b] = [cloneOf(daemon, 'late.git'), cloneOf(daemon, 'late.git')];
    const first = runCli(['remote', 'claim', 'work', '--agent', 'a0', '--item', 'it1', '--lease', '1', '--json'], { cwd: a, env: on(0) });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ item: 'it1', agent: 'a0', generation: 1 });
    // Machine B cannot claim it while the claim stands.
    const busy = runCli(['remote', 'claim', 'work', '--agent', 'b0', '--item', 'it1'], { cwd: b, env: on(1) });
    expect(busy.code).toBe(1);
    // B's gc waits out the lease by its own count and hands the item back.
    const gc = await runCliAsync(['remote', 'gc', '--wait', '10', '--json'], { cwd: b, env: on(1) });
    expect(gc.code).toBe(0);
    expect(JSON.parse(gc.stdout).claims.reclaimed).toMatchObject([{ item: 'it1', agent: 'a0', generation: 1 }]);
    const second = runCli(['remote', 'claim', 'work', '--agent', 'b0', '--item', 'it1', '--json'], { cwd: b, env: on(1) });
    expect(JSON.parse(second.stdout)).toMatchObject({ item: 'it1', agent: 'b0', generation: 2 });
    const late = runCli(['remote', 'done', 'work', 'it1', '--agent', 'a0', '--generation', '1'], { cwd: a, env: on(0) });
    expect(late.code).toBe(1);
    expect(late.stderr).toMatch(/agent a0 does not hold a current claim on work\/it1 with generation 1: it is claimed by agent b0 \(generation 2\)/);
    expect(runCli(['remote', 'done', 'work', 'it1', '--agent', 'b0'], { cwd: b, env: on(1) }).code).toBe(0);
    const oid = serverRefs(bare, 'refs/lockstep/claims/work/').get('refs/lockstep/claims/work/it1')!;
    expect(serverRecord<{ state: string; agent: string; attempt: number }>(bare, oid)).toMatchObject({ state: 'done', agent: 'b0', attempt: 2 });
  });
  test('fail --retry hands an item back (next generation); past --max-attempts an expired claim is failed; --drop-queue removes a finished queue', async () => {
    const bare = bareRepo(daemon, 'retry.git');
    const a = cloneOf(daemon, 'retry.git');
    const claim = (agent: string, lease = '60') => JSON.parse(runCli(['remote', 'claim', 'jobs', '--agent', agent, '--item', 'j1', '--lease', lease, '--json'], { cwd: a, env: on(0) }).stdout) as { generation: number };
    expect(claim('a1').generation).toBe(1);
    expect(runCli(['remote', 'fail', 'jobs', 'j1', '--agent', 'a1', '--retry', '--reason', 'flaky'], { cwd: a, env: on(0) }).code).toBe(0);
    expect(claim('a2', '0.2').generation).toBe(2);
    // The claim is held for the CLI's parent (this test runner, alive) on machine-0; machine-1 counts the lease.
    const gc = await runCliAsync(['remote', 'gc', '--wait', '5', '--max-attempts', '2', '--json'], { cwd: a, env: on(1) });
    expect(JSON.parse(gc.stdout).claims.failed).toMatchObject([{ item: 'j1', agent: 'a2', generation: 2 }]);
    const list = JSON.parse(runCli(['remote', 'claims', 'jobs', '--json'], { cwd: a }).stdout);
    expect(list).toMatchObject([{ item: 'j1', state: 'failed', generation: 2 }]);
    expect(runCli(['remote', 'claim', 'jobs', '--agent', 'a3', '--item', 'j1'], { cwd: a, env: on(0) }).code).toBe(1);
    const drop = JSON.parse(runCli(['remote', 'gc', '--drop-queue', 'jobs', '--json'], { cwd: a }).stdout);
    expect(drop.claims.dropped).toEqual([{ queue: 'jobs', refs: 1 }]);
    expect(serverRefs(bare, 'refs/lockstep/claims/').size).toBe(0);
  });
});

describe('lockstep remote gc', () => {
  test('removes an abandoned lock only after its lease, keeps the fence; drops old allocation refs without ever reusing a number', async () => {
    const bare = bareRepo(daemon, 'gc.git');
    const [a, b] = [cloneOf(daemon, 'gc.git'), cloneOf(daemon, 'gc.git')];
    const holder = startWorker('remote-worker.ts', ['hold', a, 'deploy', '1500'], { env: on(0) });
    const { token } = JSON.parse(await firstLine(holder)) as { token: number };
    holder.kill('SIGKILL');
    await waitExit(holder);
    for (let i = 0; i < 3; i++) expect(runCli(['remote', 'allocate', 'specs', `t${i}`], { cwd: b, env: on(1) }).code).toBe(0);

    // First sighting: nothing of the lock is removed yet; the allocation history is.
    const first = runCli(['remote', 'gc', '--json'], { cwd: b, env: on(1) });
    expect(first.code).toBe(0);
    const r1 = JSON.parse(first.stdout);
    expect(r1.locks.removed).toEqual([]);
    expect(r1.locks.waiting).toMatchObject([{ name: 'deploy', token, host: 'machine-0' }]);
    expect(r1.alloc).toMatchObject([{ kept: 3, removed: expect.arrayContaining([1, 2]) }]);
    expect(serverRefs(bare).has('refs/lockstep/locks/deploy')).toBe(true);

    const second = await runCliAsync(['remote', 'gc', '--wait', '10', '--json'], { cwd: b, env: on(1) });
    expect(JSON.parse(second.stdout).locks.removed).toMatchObject([{ name: 'deploy', token, host: 'machine-0' }]);
    const refs = serverRefs(bare);
    expect(refs.has('refs/lockstep/locks/deploy')).toBe(false);
    expect(refs.has('refs/lockstep/fence/deploy')).toBe(true);
    expect([...refs.keys()].filter((r) => r.startsWith('refs/lockstep/alloc/')).map((r) => r.split('/').pop()).sort()).toEqual(['3', 'head']);

    // Tokens keep rising after the lock ref is gone; numbers continue above the collected ones, from either clone.
    const next = runCli(['lock', 'acquire', 'deploy', '--backend', 'remote', '--json'], { cwd: b, env: on(1) });
    expect(JSON.parse(next.stdout).token).toBe(token + 1);
    const n4 = runCli(['remote', 'allocate', 'specs', 'after gc', '--json'], { cwd: a, env: on(0) });
    expect(JSON.parse(n4.stdout).number).toBe(4);
  });
});

describe('lock commands with --backend remote', () => {
  test('acquire, status, a second machine times out naming the holder, renew, release, release again, break', () => {
    bareRepo(daemon, 'cli.git');
    const [a, b] = [cloneOf(daemon, 'cli.git'), cloneOf(daemon, 'cli.git')];
    const got = runCli(['lock', 'acquire', 'deploy', '--backend', 'remote', '--task', 't7', '--json'], { cwd: a, env: on(0) });
    expect(got.code).toBe(0);
    const { token } = JSON.parse(got.stdout) as { token: number };
    expect(token).toBe(1);
    // Machine B configured once (git config) instead of a flag.
    git(b, 'config', 'lockstep.backend', 'remote:origin');
    const st = runCli(['lock', 'status', 'deploy', '--json'], { cwd: b, env: on(1) });
    expect(JSON.parse(st.stdout)).toMatchObject({ backend: 'remote', state: 'held', token: 1, holder: { host: 'machine-0', task: 't7' } });
    const wait = runCli(['lock', 'acquire', 'deploy', '--timeout', '0.5'], { cwd: b, env: on(1) });
    expect(wait.code).toBe(3);
    expect(wait.stderr).toMatch(/timed out .* deploy lock on the remote origin, held by task t7, pid \d+, host machine-0/);
    const noBreak = runCli(['lock', 'break', 'deploy'], { cwd: b, env: on(1) });
    expect(noBreak.code).toBe(1);
    expect(noBreak.stderr).toMatch(/lease has not run out as seen from this machine/);
    expect(runCli(['lock', 'renew', 'deploy', '--token', String(token), '--backend', 'remote'], { cwd: a, env: on(0) }).code).toBe(0);
    expect(runCli(['lock', 'release', 'deploy', '--token', String(token), '--backend', 'remote'], { cwd: a, env: on(0) }).code).toBe(0);
    const again = runCli(['lock', 'release', 'deploy', '--token', String(token), '--backend', 'remote'], { cwd: a, env: on(0) });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/not held any more/);
    const next = runCli(['lock', 'acquire', 'deploy', '--json'], { cwd: b, env: on(1) });
    expect(JSON.parse(next.stdout).token).toBe(2);
    // The first holder's token is history: releasing it now is "lock compromised" (exit 1).
    const stale = runCli(['lock', 'release', 'deploy', '--token', String(token), '--backend', 'remote'], { cwd: a, env: on(0) });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/lock compromised: .* now held by .*host machine-1 \(token 2\)/);
    const forced = runCli(['lock', 'break', 'deploy', '--force', '--expect-token', '2'], { cwd: b, env: on(1) });
    expect(forced.code).toBe(0);
    expect(JSON.parse(runCli(['lock', 'status', 'deploy', '--json', '--backend', 'remote'], { cwd: a, env: on(0) }).stdout)).toMatchObject({ backend: 'remote', state: 'free', token: 2 });
  });
});

describe('withRemoteLock', () => {
  test('renews the lock while the work runs longer than its lease (a new record each time), then releases it', async () => {
    const bare = bareRepo(daemon, 'renew.git');
    const a = cloneOf(daemon, 'renew.git');
    const stop = join(tempDir(), 'stop');
    const holder = startWorker('remote-worker.ts', ['with-lock', a, 'deploy', '1000', stop], { env: on(0) });
    let out = '';
    holder.stdout!.on('data', (d) => (out += d));
    const { token } = JSON.parse(await firstLine(holder)) as { token: number };
    // Watch the lock ref on the server while the holder works: every renewal
    // is a new object. The work lasts until three records were seen, however
    // long the renewals take on a busy machine.
    const seen = new Set<string>();
    while (seen.size < 3) {
      if (holder.exitCode !== null) throw new Error(`the holder ended while working: ${out}`);
      const oid = serverRefs(bare, 'refs/lockstep/locks/').get('refs/lockstep/locks/deploy');
      if (oid) seen.add(oid);
      await new Promise((r) => setTimeout(r, 50));
    }
    writeFileSync(stop, '');
    expect(await waitExit(holder)).toBe(0);
    expect(out).toContain(`released ${token}`);
    // Every record it pushed carries the same token: renewal never takes a new one.
    const fence = serverRefs(bare, 'refs/lockstep/fence/').get('refs/lockstep/fence/deploy')!;
    expect(serverRecord<{ token: number }>(bare, fence).token).toBe(token);
    expect(serverRefs(bare, 'refs/lockstep/locks/').size).toBe(0);
  });
});
