/**
 * How the lock changes hands: a releaser wakes the next waiter directly
 * (it touches the waiter's ticket, which the waiter watches), and the
 * directory is compacted whichever way the lock was released.
 *
 * The waiters here run with LOCKSTEP_FAULT=wait-poll-ms:600000, so their own
 * polling — the safety net — would not look again for ten minutes: a waiter
 * that acquires has been woken. Each marks when it goes to sleep (the
 * pause-before-sleep point), so a test frees the lock only once the waiter
 * has stopped looking on its own, however slowly it got there. The control releases the way the shell hooks
 * do (a marker linked with ln, no wake-up) and shows such a waiter stays asleep.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { existsSync, linkSync, readdirSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { acquireLock, releaseLock } from '../../src/core/lock.js';
import { releaseMarkerJson } from '../../src/hooks/release-marker.js';
import { cleanupTemp, errorCodeOf, firstLine, startWorker, tempDir, tempRepo, until, waitExit } from '../helpers.js';

afterAll(cleanupTemp);

/** A waiter's environment: no polling, and a mark in `mark` once it has queued and gone to sleep (`extra`: more faults). */
function noPoll(mark: string, extra = ''): Record<string, string> {
  return { LOCKSTEP_FAULT: `wait-poll-ms:600000,pause-before-sleep:1${extra}`, LOCKSTEP_FAULT_MARK: mark };
}

function lockDir(repo: string): string {
  return join(repo, '.git', 'lockstep', 'locks', 'commit');
}

function tickets(repo: string): string[] {
  return readdirSync(lockDir(repo)).filter((e) => e.startsWith('w.'));
}

function generations(repo: string): number[] {
  return readdirSync(lockDir(repo))
    .filter((e) => /^\d+$/.test(e))
    .map(Number)
    .sort((a, b) => a - b);
}

/** Waits until the waiter marking in `mark` has queued and gone to sleep: from then on only a wake-up makes it look. */
async function asleep(mark: string): Promise<void> {
  await until(() => existsSync(join(mark, 'pause-before-sleep')), 50_000, 'the waiter to sleep');
}

/** Starts a waiter (see noPoll) and waits until it sleeps. */
async function queuedWaiter(repo: string, extra = '') {
  const mark = tempDir();
  const w = startWorker('lock-worker.ts', ['acquire', repo], { env: noPoll(mark, extra) });
  const got = { out: '' };
  w.stdout!.on('data', (d) => (got.out += d));
  await asleep(mark);
  return { w, got };
}

/** Frees the lock the way the commit-msg/post-commit hooks do: a released marker linked in, nobody woken. */
function releaseLikeTheHooks(repo: string, token: number): void {
  const tmp = join(lockDir(repo), `.tmp.hook-${token}`);
  writeFileSync(tmp, releaseMarkerJson({ lock: 'commit', pid: process.pid, host: 'test', at: new Date().toISOString(), ended: token }));
  linkSync(tmp, join(lockDir(repo), String(token + 1)));
  unlinkSync(tmp);
}

describe('hand-off', () => {
  test('a release wakes the queued waiters one after another, without their polling', async () => {
    const repo = tempRepo();
    const h = await acquireLock({ cwd: repo });
    const { w: a } = await queuedWaiter(repo);
    const { w: b } = await queuedWaiter(repo);
    expect(tickets(repo)).toHaveLength(2);
    releaseLock(h);
    // a goes first (lowest ticket) and its release wakes b.
    const tokens = [Number(await firstLine(a)), Number(await firstLine(b))];
    expect(tokens).toEqual([h.token + 2, h.token + 4]);
    expect(await waitExit(a)).toBe(0);
    expect(await waitExit(b)).toBe(0);
    expect(tickets(repo)).toEqual([]);
  }, 60_000);

  test('control: freed without a wake-up (as the shell hooks do), the same waiter stays asleep until its ticket is touched', async () => {
    const repo = tempRepo();
    const h = await acquireLock({ cwd: repo });
    const { w, got } = await queuedWaiter(repo);
    releaseLikeTheHooks(repo, h.token);
    await sleep(1500);
    expect(got.out).toBe(''); // free for 1.5 s, and the waiter has not noticed: polling really is off
    expect(tickets(repo)).toHaveLength(1);
    const now = new Date();
    utimesSync(join(lockDir(repo), tickets(repo)[0]!), now, now); // what releaseLock's wake-up does
    expect(await waitExit(w)).toBe(0);
    expect(Number(got.out.trim())).toBe(h.token + 2);
  }, 60_000);
});

/** A waiter (noPoll, plus `fault`) whose output is collected. */
function sleeper(repo: string, env: Record<string, string>) {
  const w = startWorker('lock-worker.ts', ['acquire', repo], { env });
  const got = { out: '' };
  w.stdout!.on('data', (d) => (got.out += d));
  return { w, got };
}

/** Ends a control: wakes the sleeping waiter the way a release does, and checks it then finishes. */
async function wakeAndFinish(repo: string, w: ReturnType<typeof sleeper>['w']): Promise<void> {
  const now = new Date();
  for (const t of tickets(repo)) utimesSync(join(lockDir(repo), t), now, now);
  expect(await waitExit(w)).toBe(0);
}

describe('waiters nobody listed', () => {
  /**
   * The holder acquires with nobody queued; then a queues (w.1) and b behind
   * it (w.2); then a leaves. The release finds no w.1: only reading the queue
   * again reaches b.
   */
  async function queuedDuringTheHold(fault: string | null) {
    const repo = tempRepo();
    const h = await acquireLock({ cwd: repo });
    const { w: a } = await queuedWaiter(repo);
    const b = await queuedWaiter(repo);
    expect(tickets(repo)).toHaveLength(2);
    a.kill('SIGKILL');
    await waitExit(a);
    unlinkSync(join(lockDir(repo), 'w.1'));
    if (fault) process.env.LOCKSTEP_FAULT = fault;
    try {
      releaseLock(h);
    } finally {
      delete process.env.LOCKSTEP_FAULT;
    }
    return { repo, h, b };
  }

  test('a waiter that queued during the hold is woken by the release, though the holder did not see it on acquiring', async () => {
    const { h, b } = await queuedDuringTheHold(null);
    expect(Number(await firstLine(b.w))).toBe(h.token + 2);
    expect(await waitExit(b.w)).toBe(0);
  }, 60_000);

  test('control: a release that wakes only the list it saw on acquiring leaves that waiter asleep with the lock free', async () => {
    const { repo, h, b } = await queuedDuringTheHold('wake-acquired-list-only:1');
    await sleep(1500);
    expect(b.got.out).toBe('');
    await wakeAndFinish(repo, b.w);
    expect(Number(b.got.out.trim())).toBe(h.token + 2);
  }, 60_000);

  /**
   * A waiter looks (the lock is held), then pauses before taking its ticket
   * (a fault) while the lock is released and taken three more times, so that
   * the generation above the one it saw is compacted away.
   */
  async function staleLook(extraFault: string) {
    const repo = tempRepo();
    const mark = tempDir();
    const h = await acquireLock({ cwd: repo });
    const s = sleeper(repo, noPoll(mark, `,pause-before-ticket:60000${extraFault}`));
    await until(() => existsSync(join(mark, 'pause-before-ticket')));
    releaseLock(h);
    for (let i = 0; i < 3; i++) releaseLock(await acquireLock({ cwd: repo }));
    expect(generations(repo)).not.toContain(h.token + 1);
    writeFileSync(join(mark, 'pause-before-ticket.go'), '');
    return { repo, h, s, mark };
  }

  test('a waiter whose look is older than the compacted generations still sees that the lock moved on before its ticket', async () => {
    const { h, s } = await staleLook('');
    expect(Number(await firstLine(s.w))).toBe(h.token + 8);
    expect(await waitExit(s.w)).toBe(0);
  }, 60_000);

  test('control: asking only for the generation above its look, the same waiter sleeps with the lock free', async () => {
    const { repo, h, s, mark } = await staleLook(',moved-on-by-next-only:1');
    await asleep(mark);
    expect(tickets(repo)).toHaveLength(1);
    await sleep(1500);
    expect(s.got.out).toBe('');
    await wakeAndFinish(repo, s.w);
    expect(Number(s.got.out.trim())).toBe(h.token + 8);
  }, 60_000);
});

describe('compaction', () => {
  test('released through releaseLock, only the last few generations stay', async () => {
    const repo = tempRepo();
    for (let i = 0; i < 40; i++) releaseLock(await acquireLock({ cwd: repo }));
    const gens = generations(repo);
    expect(gens[gens.length - 1]).toBe(80);
    expect(gens.length).toBeLessThanOrEqual(4);
  });

  test('released by the hooks (no releaseLock), acquirers compact once generations pile up', async () => {
    const repo = tempRepo();
    for (let i = 0; i < 40; i++) releaseLikeTheHooks(repo, (await acquireLock({ cwd: repo })).token);
    const gens = generations(repo);
    expect(gens[gens.length - 1]).toBe(80);
    expect(gens.length).toBeLessThanOrEqual(18);
  });
});

describe('release checks', () => {
  test('double release, and release after the lock moved on far enough to be compacted: errors, never success', async () => {
    const repo = tempRepo();
    const h = await acquireLock({ cwd: repo });
    releaseLock(h);
    expect(await errorCodeOf(() => releaseLock(h))).toBe('LOCK_NOT_HELD');
    for (let i = 0; i < 10; i++) releaseLock(await acquireLock({ cwd: repo }));
    // h.token and h.token + 1 are long compacted: the release must not land there quietly.
    expect(generations(repo)).not.toContain(h.token + 1);
    expect(await errorCodeOf(() => releaseLock(h))).toBe('LOCK_COMPROMISED');
    expect(generations(repo)).not.toContain(h.token + 1);
  });
});
