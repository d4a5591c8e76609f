/**
 * Something other than a regular file at the top generation of a lock (a
 * directory, a FIFO, a socket, a dangling link — never written by lockstep)
 * is judged like a corrupt record: stale, named in `lock status`, taken over
 * by the next acquirer and breakable — not an environment error that blocks
 * the lock for good. Through the real CLI.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { cleanupTemp, runCli, runCliAsync, tempRepo } from '../helpers.js';

afterAll(cleanupTemp);

type Make = (path: string) => Promise<() => void>;

const kinds: Array<[string, Make, RegExp]> = [
  ['a directory', async (p) => (mkdirSync(p), () => undefined), /a directory, not a record/],
  ['a FIFO', async (p) => (execFileSync('mkfifo', [p]), () => undefined), /a FIFO, not a record/],
  ['a dangling symbolic link', async (p) => (symlinkSync('nowhere', p), () => undefined), /a symbolic link to nothing, not a record/],
  [
    'a socket',
    async (p) => {
      const server = createServer();
      await new Promise<void>((r) => server.listen(p, r));
      return () => server.close();
    },
    /a socket, not a record/,
  ],
];

/** A repository whose `foo` lock has generations 1 and 2 (one acquire and release) and `make` at 3. */
async function blocked(make: Make): Promise<{ repo: string; dir: string; undo: () => void }> {
  const repo = tempRepo();
  expect(runCli(['run-locked', '--name', 'foo', '--', 'true'], { cwd: repo }).code).toBe(0);
  const dir = join(repo, '.git', 'lockstep', 'locks', 'foo');
  expect(readdirSync(dir).sort()).toEqual(['1', '2']);
  const undo = await make(join(dir, '3'));
  return { repo, dir, undo };
}

describe('a non-regular file at the top generation', () => {
  test.each(kinds)('%s: status names it stale, run-locked takes the lock over, break --force breaks it', async (_what, make, reason) => {
    const a = await blocked(make);
    try {
      // runCliAsync: a reader blocked on a FIFO must fail the test, not hang jest's own process.
      const st = await runCliAsync(['lock', 'status', 'foo', '--json'], { cwd: a.repo });
      expect(st.code).toBe(0);
      expect(JSON.parse(st.stdout)).toMatchObject({ state: 'stale', token: 3 });
      expect(JSON.parse(st.stdout).staleReason).toMatch(reason);
      const run = await runCliAsync(['run-locked', '--name', 'foo', '--timeout', '5', '--', 'echo', 'ran'], { cwd: a.repo });
      expect(run.stderr).not.toMatch(/EISDIR|in the way|internal error/);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('ran\n');
      expect(JSON.parse((await runCliAsync(['lock', 'status', 'foo', '--json'], { cwd: a.repo })).stdout)).toMatchObject({ state: 'free', token: 5 });
    } finally {
      a.undo();
    }
    const b = await blocked(make);
    try {
      const brk = await runCliAsync(['lock', 'break', '--force', 'foo'], { cwd: b.repo });
      expect(brk.code).toBe(0);
      expect(brk.stdout + brk.stderr).toMatch(reason);
      expect(JSON.parse((await runCliAsync(['lock', 'status', 'foo', '--json'], { cwd: b.repo })).stdout).state).toBe('free');
    } finally {
      b.undo();
    }
  });
});
