/**
 * The lock under real contention: real processes, real repositories.
 * Every protected run is paired with the same workload unprotected, to show
 * the checker (the final counter, the exclusive-entry file) detects the race.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { identityOf } from '../../src/core/process.js';
import { CLI, cleanupTemp, deadPid, startWorker, tempRepo, type Run } from '../helpers.js';

afterAll(cleanupTemp);

async function counterRun(repo: string, how: 'protect' | 'bare', procs: number, n: number): Promise<number> {
  const file = join(repo, `counter-${how}`);
  writeFileSync(file, '0');
  // Released together (see below): a bare run takes milliseconds, and workers
  // started one after another on a busy machine would not overlap at all.
  rmSync(join(repo, 'go'), { force: true });
  const runs = await together(repo, Array.from({ length: procs }, () => [['counter', repo, file, String(n), how], ''] as [string[], string]));
  for (const r of runs) expect(r.stderr).toBe('');
  return Number(readFileSync(file, 'utf8'));
}

describe('10 processes x 100 increments', () => {
  test('through the library: no lost update; without the lock: lost updates', async () => {
    const repo = tempRepo();
    expect(await counterRun(repo, 'protect', 10, 100)).toBe(1000);
    expect(await counterRun(repo, 'bare', 10, 100)).toBeLessThan(1000);
  });

  test('through `lockstep run-locked`: 10 shell loops x 10, no lost update; bare: lost updates', async () => {
    // 100 run-locked processes (half a minute on a loaded 2-core machine: a hang guard, not a timing check).
    const repo = tempRepo();
    const procs = 10;
    const n = 10;
    // A shell loop per process, each iteration one `lockstep run-locked` around a
    // read-sleep-write: the 10 ms between read and write lets the bare loops,
    // few as their iterations are, overlap even on a busy machine.
    const incr = 'n=$(cat "$1"); sleep 0.01; echo $((n + 1)) > "$1"';
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
  }, 900_000);
});

/**
 * Starts workers that each print "ready" and wait for a go file, then
 * releases them at once: their start-up (slow on a loaded machine) must not
 * decide who judges the lock stale first.
 */
async function together(repo: string, specs: [string[], string, string?][], env: Record<string, string> = {}): Promise<Run[]> {
  const go = join(repo, 'go');
  const runs = specs.map(([args, fault, pause]) => {
    const child = startWorker('lock-worker.ts', args, { env: { ...env, GO_FILE: go, LOCKSTEP_FAULT: fault || undefined, PAUSE_MS: pause } });
    let stdout = '';
    let stderr = '';
    let ready!: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    child.stdout!.on('data', (d) => {
      stdout += d;
      if (stdout.startsWith('ready\n')) ready();
    });
    child.stderr!.on('data', (d) => (stderr += d));
    const done = new Promise<Run>((r) =>
      child.on('close', (code) => {
        ready();
        r({ code: code ?? 128, stdout: stdout.replace(/^ready\n/, ''), stderr });
      }),
    );
    return { isReady, done };
  });
  await Promise.all(runs.map((r) => r.isReady));
  writeFileSync(go, '');
  return Promise.all(runs.map((r) => r.done));
}

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
      // Three breakers released at once; one pauses just before its takeover, one far longer.
      const [a, b, c] = await together(repo, [
        [['once', repo, inside, '150'], 'pause-before-takeover:60'],
        [['once', repo, inside, '150'], ''],
        [['once', repo, inside, '20'], 'pause-before-takeover:400'],
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
      // Both judge the dead owner first (the barrier), then one deletes and recreates while the other is paused.
      const barrier = join(repo, 'judged');
      mkdirSync(barrier);
      const rs = await together(
        repo,
        [
          [['naive-once', repo, inside, '300'], '', '100'],
          [['naive-once', repo, inside, '300'], ''],
        ],
        { JUDGE_BARRIER: barrier, JUDGE_COUNT: '2' },
      );
      twoHolders += rs.filter((r) => r.stdout.includes('TWO-HOLDERS')).length;
    }
    expect(twoHolders).toBeGreaterThan(0);
  });
});
