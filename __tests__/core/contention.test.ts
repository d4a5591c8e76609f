/**
 * The lock under real contention: real processes, real repositories.
 * Every protected run is paired with the same workload unprotected, to show
 * the checker (the final counter, the exclusive-entry file) detects the race.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { identityOf } from '../../src/core/process.js';
import { CLI, cleanupTemp, deadPid, runWorker, tempRepo } from '../helpers.js';

afterAll(cleanupTemp);

async function counterRun(repo: string, how: 'protect' | 'bare', procs: number, n: number): Promise<number> {
  const file = join(repo, `counter-${how}`);
  writeFileSync(file, '0');
  const runs = await Promise.all(Array.from({ length: procs }, () => runWorker('lock-worker.ts', ['counter', repo, file, String(n), how])));
  for (const r of runs) expect(r.stderr).toBe('');
  return Number(readFileSync(file, 'utf8'));
}

describe('10 processes x 100 increments', () => {
  test('through the library: no lost update; without the lock: lost updates', async () => {
    const repo = tempRepo();
    expect(await counterRun(repo, 'protect', 10, 100)).toBe(1000);
    expect(await counterRun(repo, 'bare', 10, 100)).toBeLessThan(1000);
  });

  test('through `lockstep run-locked`: no lost update; bare: lost updates', async () => {
    const repo = tempRepo();
    const procs = 10;
    const n = 100;
    // A shell loop per process, each iteration one `lockstep run-locked` around a read-sleep-write.
    const incr = 'n=$(cat "$1"); echo $((n + 1)) > "$1"';
    const loop = (file: string, locked: boolean) =>
      `i=0; while [ $i -lt ${n} ]; do ${locked ? `"${process.execPath}" "${CLI}" run-locked --quiet --timeout 300 -- ` : ''}sh -c '${incr}' incr "${file}" || exit 1; i=$((i + 1)); done`;
    const run = async (file: string, locked: boolean) => {
      writeFileSync(file, '0');
      const codes = await Promise.all(
        Array.from({ length: procs }, () => new Promise<number>((r) => spawn('sh', ['-c', loop(file, locked)], { cwd: repo, stdio: 'ignore' }).on('close', (c) => r(c ?? 1)))),
      );
      expect(codes.every((c) => c === 0)).toBe(true);
      return Number(readFileSync(file, 'utf8'));
    };
    expect(await run(join(repo, 'locked'), true)).toBe(procs * n);
    expect(await run(join(repo, 'bare'), false)).toBeLessThan(procs * n);
  });
});

describe('takeover race', () => {
  /** Plants a stale record (dead owner) as generation 1 of the commit lock. */
  function plantStale(repo: string): void {
    const dir = join(repo, '.git', 'lockstep', 'locks', 'commit');
    mkdirSync(dir, { recursive: true });
    const me = identityOf(process.pid);
    const now = Date.now();
    writeFileSync(
      join(dir, '1'),
      JSON.stringify({ v: 1, lock: 'commit', state: 'held', nonce: 'dead', pid: deadPid(), pidStart: 'procfs:1', bootId: me.bootId, host: me.host, uid: me.uid, task: 'crashed', agent: null, cwd: repo, command: 'crashed', acquiredAt: new Date(now).toISOString(), acquiredAtMs: now, renewedAtMs: now, leaseMs: 120000 }),
    );
  }

  test('two processes judge the same owner stale at once, one paused before its takeover: never two holders', async () => {
    let takeovers = 0;
    for (let round = 0; round < 8; round++) {
      const repo = tempRepo();
      plantStale(repo);
      const inside = join(repo, 'inside');
      const [a, b, c] = await Promise.all([
        runWorker('lock-worker.ts', ['once', repo, inside, '150'], { env: { LOCKSTEP_FAULT: 'pause-before-takeover:60' } }),
        runWorker('lock-worker.ts', ['once', repo, inside, '150']),
        runWorker('lock-worker.ts', ['once', repo, inside, '20'], { env: { LOCKSTEP_FAULT: 'pause-before-takeover:400' } }),
      ]);
      for (const r of [a, b, c]) {
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(/^ok /);
      }
      takeovers += [a, b, c].filter((r) => r.stdout.includes('takeover')).length;
    }
    // Exactly one takeover per round: the stale owner is replaced once, never twice.
    expect(takeovers).toBe(8);
  });

  test('control: the naive delete-then-recreate takeover does produce two holders (the detector works)', async () => {
    let twoHolders = 0;
    for (let round = 0; round < 4; round++) {
      const repo = tempRepo();
      writeFileSync(join(repo, 'naive.lock'), String(deadPid()));
      const inside = join(repo, 'inside');
      const rs = await Promise.all([
        runWorker('lock-worker.ts', ['naive-once', repo, inside, '300'], { env: { PAUSE_MS: '100' } }),
        runWorker('lock-worker.ts', ['naive-once', repo, inside, '300']),
      ]);
      twoHolders += rs.filter((r) => r.stdout.includes('TWO-HOLDERS')).length;
    }
    expect(twoHolders).toBeGreaterThan(0);
  });
});
