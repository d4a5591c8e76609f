/**
 * A waiter waits while the queue ahead of it moves, and times out only once
 * it has stood still for --timeout (src/core/wait-deadline.ts); the timeout
 * says who holds the lock, for how long and how many are ahead, and never
 * advises breaking a live holder's lock. Real processes: `lockstep
 * run-locked` holders and waiters on one repository.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, cleanupTemp, runCli, runCliAsync, TEST_CLI, tempDir, tempRepo, until, waitExit, type Run } from '../helpers.js';

afterAll(cleanupTemp);

const LOCK = 'q';

/** A `lockstep run-locked` that runs `sh -c script` under the lock once it gets it (it waits for it as long as need be). */
function holder(repo: string, script: string): ChildProcess {
  return spawn(process.execPath, [CLI, 'run-locked', '--name', LOCK, '--timeout', '600', '--', 'sh', '-c', script], { cwd: repo, stdio: 'ignore' });
}

function status(repo: string): { state: string; waiters: number; holder: { pid: number } | null } {
  return JSON.parse(runCli(['lock', 'status', LOCK, '--json'], { cwd: repo }).stdout);
}

/**
 * The lock held until the file `go` exists and then for `holdSeconds` more,
 * and `queued` more holders on its queue, each holding for `holdSeconds`.
 */
async function queueOf(repo: string, go: string, holdSeconds: number, queued: number): Promise<ChildProcess[]> {
  const first = holder(repo, `while [ ! -e '${go}' ]; do sleep 0.05; done; sleep ${holdSeconds}`);
  await until(() => status(repo).state === 'held', 60_000, 'the first holder to take the lock');
  const rest = Array.from({ length: queued }, () => holder(repo, `sleep ${holdSeconds}`));
  await until(() => status(repo).waiters === queued, 60_000, `${queued} holders to queue`);
  return [first, ...rest];
}

async function stop(children: ChildProcess[]): Promise<void> {
  for (const c of children) c.kill('SIGKILL');
  await Promise.all(children.map(waitExit));
}

describe('waiting while the queue moves', () => {
  // Each hand-off takes 1 s plus the machine's overhead (a process to start),
  // 4 s less than the waiter's --timeout: room for a busy machine; seven
  // holders make 7 s in all, past the --timeout at any speed.
  test('a waiter behind holders that each hold 1 s waits past its --timeout 5 while the queue moves, and gets the lock; the control (a deadline on the whole wait) times out', async () => {
    for (const control of [false, true]) {
      const repo = tempRepo();
      const go = join(tempDir(), 'go');
      const holders = await queueOf(repo, go, 1, 6);
      try {
        const env = control ? { LOCKSTEP_FAULT: 'wait-deadline-total:1' } : {};
        const waiting = runCliAsync(['run-locked', '--name', LOCK, '--timeout', '5', '--', 'true'], { cwd: repo, env, cli: control ? TEST_CLI : CLI });
        // (Its ticket, seen in the lock's directory: quicker than asking the CLI, as the waiter's clock runs.)
        await until(() => readdirSync(join(repo, '.git', 'lockstep', 'locks', LOCK)).filter((f) => /^w\.\d+$/.test(f)).length === 7, 60_000, 'the waiter to queue behind the holders');
        const started = Date.now();
        writeFileSync(go, ''); // from now on, at least 7 x 1 s until the waiter's turn
        const r: Run = await waiting;
        const waited = Date.now() - started;
        if (!control) {
          expect(r.code).toBe(0);
          expect(r.stderr).not.toContain('timed out');
          // (Its progress lines name each holder in turn: the queue moved under it.)
          expect(new Set([...r.stderr.matchAll(/held by pid (\d+)/g)].map((m) => m[1])).size).toBeGreaterThan(1);
          expect(waited).toBeGreaterThan(5000); // longer than --timeout in all: it waited on because the queue moved
        } else {
          expect(r.code).toBe(3);
          expect(r.stderr).toMatch(/timed out waiting for the q lock: the queue did not move for 5\.\d s/);
        }
      } finally {
        await stop(holders);
      }
    }
  }, 300_000);

  test('a holder that never releases: the waiter times out after --timeout with the holder, how long it held, how many are ahead, and no lock break advice for a live holder', async () => {
    const repo = tempRepo();
    const holders = await queueOf(repo, join(tempDir(), 'never'), 0, 1); // one holder for good, one waiter queued behind it
    try {
      const holding = status(repo).holder!.pid;
      const r = runCli(['run-locked', '--name', LOCK, '--timeout', '1', '--', 'true'], { cwd: repo });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(new RegExp(`^lockstep: timed out waiting for the q lock: the queue did not move for 1\\.\\d s \\(waited \\d+\\.\\d s in all\\); it is held by pid ${holding} for \\d+\\.\\d s \\(since \\d{4}-[^)]+\\); 1 waiter ahead of this one\\n`, "m"));
      expect(r.stderr).toContain(`fix: its holder (pid ${holding}) is alive, still working: wait longer (a larger --timeout) or see what it does: lockstep lock status q`);
      expect(r.stderr).not.toContain('lock break');
      expect(r.stderr).not.toMatch(/^\s+at /m);
    } finally {
      await stop(holders);
    }
  }, 300_000);
});
