/** Release data: what a holder hands to the next one on its release marker (releaseLock(h, {data})). */
import { afterAll, describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { acquireLock, breakLock, MAX_LOCK_DATA_BYTES, releaseLock, tokenEnvFor, lockStatus } from '../../src/core/lock.js';
import { cleanupTemp, errorCode, firstLine, startWorker, tempRepo, waitExit } from '../helpers.js';

afterAll(cleanupTemp);

const NAME = 'data';

function lockDir(repo: string): string {
  return join(repo, '.git', 'lockstep', 'locks', NAME);
}

function topPath(repo: string): string {
  return join(lockDir(repo), String(Math.max(...readdirSync(lockDir(repo)).filter((e) => /^\d+$/.test(e)).map(Number))));
}

async function killedHolder(repo: string): Promise<number> {
  const holder = startWorker('lock-worker.ts', ['hold', repo, NAME]);
  await firstLine(holder);
  holder.kill('SIGKILL');
  await waitExit(holder);
  return holder.pid!;
}

describe('release data', () => {
  test('reaches the next acquirer after a clean release, and only that one', async () => {
    const repo = tempRepo();
    const first = await acquireLock({ cwd: repo, name: NAME });
    expect(first.previousData).toBe(null); // nothing before the first generation
    releaseLock(first, { data: { highest: 7, note: 'x' } });
    const marker = JSON.parse(readFileSync(topPath(repo), 'utf8'));
    expect(marker).toMatchObject({ state: 'released', ended: first.token, data: { highest: 7, note: 'x' } });

    const second = await acquireLock({ cwd: repo, name: NAME });
    expect(second.previousData).toEqual({ highest: 7, note: 'x' });
    releaseLock(second); // no data: the next one gets none, not the older data
    const third = await acquireLock({ cwd: repo, name: NAME });
    expect(third.previousData).toBe(null);
    releaseLock(third, { data: { n: 1 } });
  });

  test('a takeover of a dead holder yields none, though that holder had received some', async () => {
    const repo = tempRepo();
    releaseLock(await acquireLock({ cwd: repo, name: NAME }), { data: { n: 1 } });
    const pid = await killedHolder(repo); // took the lock (and the data) and died
    const h = await acquireLock({ cwd: repo, name: NAME });
    expect(h.tookOver).toMatchObject({ pid });
    expect(h.previousData).toBe(null);
    releaseLock(h);
  });

  test('a broken lock yields none', async () => {
    const repo = tempRepo();
    releaseLock(await acquireLock({ cwd: repo, name: NAME }), { data: { n: 1 } });
    await killedHolder(repo);
    expect(lockStatus({ cwd: repo, name: NAME }).state).toBe('stale');
    expect(breakLock({ cwd: repo, name: NAME }).broken).toBe(true);
    const h = await acquireLock({ cwd: repo, name: NAME });
    expect(h.tookOver).toBe(null);
    expect(h.previousData).toBe(null);
    releaseLock(h);
  });

  test('a re-entrant acquire gets none and its release hands on nothing; the real holder\'s release does', async () => {
    const repo = tempRepo();
    releaseLock(await acquireLock({ cwd: repo, name: NAME }), { data: { n: 1 } });
    const h = await acquireLock({ cwd: repo, name: NAME });
    expect(h.previousData).toEqual({ n: 1 });
    const inner = await acquireLock({ cwd: repo, name: NAME, env: { LOCKSTEP_LOCK_TOKEN: tokenEnvFor(h, {}) } });
    expect(inner.reentrant).toBe(true);
    expect(inner.previousData).toBe(null);
    releaseLock(inner, { data: { from: 'inner' } });
    expect(lockStatus({ cwd: repo, name: NAME }).state).toBe('held');
    releaseLock(h, { data: { from: 'outer' } });
    const next = await acquireLock({ cwd: repo, name: NAME });
    expect(next.previousData).toEqual({ from: 'outer' });
    releaseLock(next);
  });

  test('data that is not a small JSON object is refused before anything is released', async () => {
    const repo = tempRepo();
    const h = await acquireLock({ cwd: repo, name: NAME });
    for (const bad of [[1, 2], 'text', 42, null, { big: 'x'.repeat(MAX_LOCK_DATA_BYTES) }]) {
      expect(errorCode(() => releaseLock(h, { data: bad as never }))).toBe('BAD_INPUT');
      expect(lockStatus({ cwd: repo, name: NAME }).state).toBe('held');
    }
    releaseLock(h, { data: { ok: true } });
    expect(lockStatus({ cwd: repo, name: NAME }).state).toBe('free');
  });

  test('a release marker whose data is not an object (written by hand) yields none', async () => {
    const repo = tempRepo();
    releaseLock(await acquireLock({ cwd: repo, name: NAME }), { data: { n: 1 } });
    const marker = JSON.parse(readFileSync(topPath(repo), 'utf8'));
    writeFileSync(topPath(repo), JSON.stringify({ ...marker, data: [1, 2, 3] }));
    const h = await acquireLock({ cwd: repo, name: NAME });
    expect(h.tookOver).toBe(null);
    expect(h.previousData).toBe(null);
    releaseLock(h);
  });
});
