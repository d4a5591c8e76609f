/**
 * The time a commit waited for the lock is not counted as time it held it:
 * the release event's heldMs starts at the acquisition, the wait is waitedMs.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readEvents } from '../../src/core/events.js';
import { cleanupTemp, tempRepo, waitExit } from '../helpers.js';
import { cliArgv, holdLock, lockDir, lockstep, startGroup, until, write } from './fixtures.js';

afterAll(cleanupTemp);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until a waiter is queued for the commit lock (its ticket `w.N` is there), then two more seconds; returns when it was queued. */
async function queuedThenTwoSeconds(repo: string): Promise<number> {
  await until(() => readdirSync(lockDir(repo)).some((n) => n.startsWith('w.')), 60_000, 'a queued waiter');
  const queuedAt = Date.now();
  await sleep(2000);
  return queuedAt;
}

function releaseOf(repo: string, token: number): { heldMs: number } {
  const ev = readEvents(join(repo, '.git', 'lockstep'), (e) => e.type === 'release' && (e as { token?: number }).token === token);
  expect(ev).toHaveLength(1);
  return ev[0] as unknown as { heldMs: number };
}

describe('heldMs and waitedMs', () => {
  test('a lockstep commit that waited behind a holder reports heldMs without the wait, and the wait as waitedMs', async () => {
    const repo = tempRepo();
    expect(lockstep(['task', 'start', 'A', '--scope', 'a/**'], repo).code).toBe(0);
    write(repo, 'a/1.txt', '1\n');
    const holder = holdLock(repo);
    const began = Date.now();
    let elapsedMs = 0;
    try {
      // The edit holds the lock for a second; the holder makes the commit wait two first.
      const pending = startGroup(cliArgv(['commit', '--task', 'A', '-m', 'waited', '--json', '--timeout', '120', '--edit', 'sleep 1', '--', 'a/1.txt']), repo);
      let stdout = '';
      pending.stdout!.on('data', (d) => (stdout += d));
      await queuedThenTwoSeconds(repo);
      holder.kill('SIGKILL');
      expect(await waitExit(pending)).toBe(0);
      elapsedMs = Date.now() - began;
      const out = JSON.parse(stdout) as { fence: number; waitedMs: number };
      expect(out.waitedMs).toBeGreaterThanOrEqual(2000);
      const { heldMs } = releaseOf(repo, out.fence);
      expect(heldMs).toBeGreaterThanOrEqual(1000);
      // Whatever the machine's speed: what it held plus what it waited fits in the command's whole run.
      expect(heldMs + out.waitedMs).toBeLessThanOrEqual(elapsedMs);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  test('lock acquire after a wait, released by another process (lock release --token): heldMs starts at the acquisition; status shows the holder since then', async () => {
    const repo = tempRepo();
    const holder = holdLock(repo);
    const owner = spawn('sleep', ['600'], { stdio: 'ignore' });
    try {
      const acquiring = startGroup(cliArgv(['lock', 'acquire', '--owner-pid', String(owner.pid), '--timeout', '120', '--json']), repo);
      let stdout = '';
      acquiring.stdout!.on('data', (d) => (stdout += d));
      const queuedAt = await queuedThenTwoSeconds(repo);
      holder.kill('SIGKILL');
      expect(await waitExit(acquiring)).toBe(0);
      const acquiredBy = Date.now();
      const token = (JSON.parse(stdout) as { token: number }).token;
      const [status] = JSON.parse(lockstep(['lock', 'status', '--json'], repo).stdout) as { holder: { acquiredAtMs: number } }[];
      expect(status!.holder.acquiredAtMs).toBeGreaterThanOrEqual(queuedAt + 2000);
      expect(status!.holder.acquiredAtMs).toBeLessThanOrEqual(acquiredBy);
      const r = lockstep(['lock', 'release', '--token', String(token)], repo);
      expect(r.code).toBe(0);
      const releasedBy = Date.now();
      // It held the lock from its acquisition to the release: not the 3 s it waited before.
      expect(releaseOf(repo, token).heldMs).toBeLessThanOrEqual(releasedBy - status!.holder.acquiredAtMs);
    } finally {
      holder.kill('SIGKILL');
      owner.kill('SIGKILL');
    }
  });
});
