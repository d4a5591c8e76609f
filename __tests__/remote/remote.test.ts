/**
 * The remote backend against a real git server: `git daemon` on loopback
 * serving a bare repository, and clones acting as machines (3; 5 in
 * `npm run test:slow`; distinct
 * LOCKSTEP_HOST_ID), each a separate process. Every protected workload is
 * paired with the same workload on the file backend (each clone alone), and
 * the checker must find the collisions there.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupTemp, firstLine, runWorker, startWorker, tempDir, waitExit } from '../helpers.js';
import { monoNowMs } from '../../src/remote/observations.js';
import { bareRepo, cloneOf, serverRecord, serverRefs, startDaemon, type Daemon } from './daemon.js';

/** 3 machines in npm test; `npm run test:slow` runs 5 (LOCKSTEP_REMOTE_MACHINES). */
const MACHINES = Number(process.env.LOCKSTEP_REMOTE_MACHINES ?? 3);
// Sized for a loaded 2-core machine, where one push can take seconds: enough
// numbers and items for every clone to race the others many times.
const PER_MACHINE = 8;
const ITEMS = 30;
/** Against hangs, not a speed check. */
const HANG_GUARD_MS = 900_000;
let daemon: Daemon;

beforeAll(async () => {
  daemon = await startDaemon();
});

afterAll(async () => {
  await daemon?.stop();
  cleanupTemp();
});

function machines(repo: string): string[] {
  return Array.from({ length: MACHINES }, () => cloneOf(daemon, repo));
}

const host = (i: number) => ({ LOCKSTEP_HOST_ID: `machine-${i}` });

function lines(stdout: string, prefix: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith(prefix))
    .map((l) => l.slice(prefix.length));
}

/** The checker: values that occur more than once. */
function duplicates<T>(values: T[]): T[] {
  const seen = new Set<T>();
  const dup = new Set<T>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

describe(`allocation: ${MACHINES} machines x ${PER_MACHINE}`, () => {
  test('through the remote every number is unique; each clone alone (file backend) hands out the same numbers', async () => {
    const bare = bareRepo(daemon, 'alloc.git');
    const clones = machines('alloc.git');
    const runs = await Promise.all(clones.map((c, i) => runWorker('remote-worker.ts', ['alloc', c, 'specs', String(PER_MACHINE), 'remote'], { env: host(i) })));
    for (const r of runs) expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const numbers = runs.flatMap((r) => lines(r.stdout, 'ok ').map((l) => Number(l.split(' ')[0])));
    expect(numbers).toHaveLength(MACHINES * PER_MACHINE);
    expect(duplicates(numbers)).toEqual([]);
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: MACHINES * PER_MACHINE }, (_, i) => i + 1));
    // The server holds one ref per number and a head naming the newest.
    const refs = [...serverRefs(bare, 'refs/lockstep/alloc/').keys()];
    expect(refs.filter((r) => /\/\d+$/.test(r))).toHaveLength(MACHINES * PER_MACHINE);
    expect(refs.filter((r) => r.endsWith('/head'))).toHaveLength(1);

    // Control: the same workload with the remote switched off.
    const control = machines('alloc.git');
    const off = await Promise.all(control.map((c, i) => runWorker('remote-worker.ts', ['alloc', c, 'specs-local', String(PER_MACHINE), 'file'], { env: host(i) })));
    for (const r of off) expect(r.code).toBe(0);
    const local = off.flatMap((r) => lines(r.stdout, 'ok ').map((l) => Number(l.split(' ')[0])));
    expect(local).toHaveLength(MACHINES * PER_MACHINE);
    expect(duplicates(local).length).toBeGreaterThan(0);
  }, HANG_GUARD_MS);
});

describe(`claims: ${MACHINES} machines over ${ITEMS} items`, () => {
  test('through the remote each item is claimed exactly once; each clone alone claims them all again', async () => {
    const bare = bareRepo(daemon, 'claims.git');
    const items = tempDir();
    const itemsFile = join(items, 'items.txt');
    writeFileSync(itemsFile, Array.from({ length: ITEMS }, (_, i) => `item-${String(i).padStart(3, '0')}`).join('\n') + '\n');
    const clones = machines('claims.git');
    const runs = await Promise.all(clones.map((c, i) => runWorker('remote-worker.ts', ['claim', c, 'work', itemsFile, 'remote', `agent-${i}`], { env: host(i) })));
    for (const r of runs) expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const claimed = runs.flatMap((r) => lines(r.stdout, 'claimed '));
    expect(duplicates(claimed)).toEqual([]);
    expect(claimed).toHaveLength(ITEMS);
    // More than one machine did work, and the server says every item is done.
    expect(runs.filter((r) => lines(r.stdout, 'claimed ').length > 0).length).toBeGreaterThan(1);
    const refs = serverRefs(bare, 'refs/lockstep/claims/work/');
    expect(refs.size).toBe(ITEMS);
    const states = new Set([...refs.values()].map((oid) => serverRecord<{ state: string }>(bare, oid).state));
    expect([...states]).toEqual(['done']);

    // Control: each clone's own file queue.
    const control = machines('claims.git');
    const off = await Promise.all(control.map((c, i) => runWorker('remote-worker.ts', ['claim', c, 'work', itemsFile, 'file', `agent-${i}`], { env: host(i) })));
    for (const r of off) expect(r.code).toBe(0);
    const again = off.flatMap((r) => lines(r.stdout, 'claimed '));
    expect(duplicates(again).length).toBeGreaterThan(0);
  }, HANG_GUARD_MS);
});

describe('the lock across machines', () => {
  test(`${MACHINES} machines x 3 rounds: never two holders; each clone's file lock alone lets them overlap`, async () => {
    bareRepo(daemon, 'mutex.git');
    const clones = machines('mutex.git');
    const dir = tempDir();
    const runs = await Promise.all(clones.map((c, i) => runWorker('remote-worker.ts', ['mutex', c, 'commit', '3', join(dir, 'inside'), 'remote'], { env: host(i) })));
    for (const r of runs) expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const all = runs.flatMap((r) => r.stdout.split('\n').filter(Boolean));
    expect(all).toHaveLength(MACHINES * 3);
    expect(all.filter((l) => l.startsWith('TWO-HOLDERS'))).toEqual([]);
    const tokens = all.map((l) => Number(l.split(' ')[1]));
    expect(duplicates(tokens)).toEqual([]); // fencing tokens: one per acquisition

    const off = await Promise.all(clones.map((c, i) => runWorker('remote-worker.ts', ['mutex', c, 'commit', '3', join(dir, 'inside-file'), 'file'], { env: host(i) })));
    for (const r of off) expect(r.code).toBe(0);
    expect(off.flatMap((r) => r.stdout.split('\n')).filter((l) => l.startsWith('TWO-HOLDERS')).length).toBeGreaterThan(0);
  });

  test('a holder machine that vanishes (clock an hour off) is taken over only after its lease, by the waiter\'s own count', async () => {
    const bare = bareRepo(daemon, 'vanish.git');
    const [a, b] = machines('vanish.git');
    const leaseMs = 2500;
    // Machine A's wall clock is an hour behind: its record claims it was taken an hour "ago" — irrelevant.
    const holder = startWorker('remote-worker.ts', ['hold', a!, 'deploy', String(leaseMs), String(-3_600_000)], { env: host(0) });
    const { token } = JSON.parse(await firstLine(holder)) as { token: number };
    holder.kill('SIGKILL'); // the machine vanishes without releasing
    await waitExit(holder);

    // B's first sighting of A's record comes after this instant (CLOCK_MONOTONIC, shared by all processes here).
    const t0 = monoNowMs();
    // Before the lease: machine B gives up (exit 3), the lock still A's.
    const early = await runWorker('remote-worker.ts', ['lock-once', b!, 'deploy', '500'], { env: host(1) });
    expect(early.code).toBe(3);
    expect(early.stderr).toMatch(/timed out .* deploy lock .* held by .*host machine-0/);

    const r = await runWorker('remote-worker.ts', ['lock-once', b!, 'deploy', '30000'], { env: host(1) });
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout) as { token: number; tookOver: { host: string; token: number; reason: string } | null; acquiredMono: number };
    expect(got.tookOver).toMatchObject({ host: 'machine-0', token });
    expect(got.tookOver!.reason).toMatch(/lease .* ran out/);
    expect(got.token).toBe(token + 1);
    // Taken over no sooner than a full lease after B could first have seen the record — not
    // at once, as A's (skewed) acquired-at would suggest. A correctness bound, not a speed goal.
    expect(got.acquiredMono - t0).toBeGreaterThanOrEqual(leaseMs);
    expect(serverRefs(bare, 'refs/lockstep/locks/').size).toBe(0); // released after the takeover
  });
});
