/** The lock commands as a user runs them: exit codes, messages, no stack traces. */
import { afterAll, describe, expect, test } from '@jest/globals';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CLI, cleanupTemp, firstLine, git, runCli, runCliUnprivileged, tempDir, tempRepo, waitExit } from '../helpers.js';

afterAll(cleanupTemp);

function noStack(r: { stderr: string }): void {
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toContain('internal error');
}

describe('lockstep lock', () => {
  test('acquire / status / release / break round trip with documented exit codes', () => {
    const repo = tempRepo();
    const holder = spawn('sleep', ['30']);
    try {
      const a = runCli(['lock', 'acquire', '--owner-pid', String(holder.pid), '--task', 'T-1', '--json'], { cwd: repo });
      expect(a.code).toBe(0);
      const token = JSON.parse(a.stdout).token as number;
      const st = runCli(['lock', 'status', 'commit', '--json'], { cwd: repo });
      expect(JSON.parse(st.stdout)).toMatchObject({ state: 'held', token, holder: { pid: holder.pid, task: 'T-1' } });
      const text = runCli(['lock', 'status'], { cwd: repo });
      expect(text.stdout).toContain('task T-1');
      const again = runCli(['lock', 'acquire', '--timeout', '0.2'], { cwd: repo });
      expect(again.code).toBe(3);
      expect(again.stderr).toContain('task T-1');
      noStack(again);
      const brk = runCli(['lock', 'break'], { cwd: repo });
      expect(brk.code).toBe(1);
      expect(brk.stderr).toContain('--force');
      const wrong = runCli(['lock', 'release', '--token', String(token + 7)], { cwd: repo });
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toContain('lock compromised');
      expect(runCli(['lock', 'release', '--token', String(token)], { cwd: repo }).code).toBe(0);
      expect(JSON.parse(runCli(['lock', 'status', 'commit', '--json'], { cwd: repo }).stdout).state).toBe('free');
    } finally {
      holder.kill();
    }
  });

  test('a lock whose owner process exits is free at once; break --expect-token is a compare-and-swap', async () => {
    const repo = tempRepo();
    const holder = spawn('sleep', ['30']);
    const t = JSON.parse(runCli(['lock', 'acquire', '--owner-pid', String(holder.pid), '--json'], { cwd: repo }).stdout).token as number;
    holder.kill('SIGKILL');
    await waitExit(holder);
    const st = JSON.parse(runCli(['lock', 'status', 'commit', '--json'], { cwd: repo }).stdout);
    expect(st.state).toBe('stale');
    expect(runCli(['lock', 'break', '--expect-token', String(t + 1)], { cwd: repo }).code).toBe(1);
    const b = runCli(['lock', 'break', '--expect-token', String(t), '--json'], { cwd: repo });
    expect(b.code).toBe(0);
    expect(JSON.parse(b.stdout)).toMatchObject({ broken: true, token: t });
  });

  test('bad input and environment problems: clear messages, exit 2 and 4, no stack trace', () => {
    const repo = tempRepo();
    const cases: [string[], string | undefined, number, RegExp][] = [
      [['lock', 'status', '../etc'], repo, 2, /invalid lock name/],
      [['lock', 'acquire', '--timeout', 'soon'], repo, 2, /--timeout takes a duration from 0 to 24 days/],
      [['lock', 'release', '--token', 'x'], repo, 2, /--token takes a whole number/],
      [['lock', 'release'], repo, 2, /required option/],
      [['lock', 'nope'], repo, 2, /unknown command/],
      [['run-locked'], repo, 2, /missing required argument|needs a command/],
      [['lock', 'status'], tempDir(), 4, /not inside a git repository/],
    ];
    for (const [args, cwd, code, msg] of cases) {
      const r = runCli(args, { cwd });
      expect({ args, code: r.code }).toEqual({ args, code });
      expect(r.stderr).toMatch(msg);
      noStack(r);
    }
    const bare = tempDir();
    git(bare, 'init', '-q', '--bare');
    const rb = runCli(['lock', 'status'], { cwd: bare });
    expect(rb.code).toBe(4);
    expect(rb.stderr).toContain('bare repository');
    noStack(rb);
  });

  test('garbage and empty lock records: reported as stale with the fix, then taken over', () => {
    const repo = tempRepo();
    const dir = join(repo, '.git', 'lockstep', 'locks', 'commit');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '9'), '\u0000garbage');
    const st = runCli(['lock', 'status'], { cwd: repo });
    expect(st.code).toBe(0);
    expect(st.stdout).toMatch(/stale.*corrupt record/);
    const a = runCli(['lock', 'acquire', '--owner-pid', String(process.pid), '--json'], { cwd: repo });
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout).tookOver.reason).toContain('corrupt');
    writeFileSync(join(dir, '12'), '');
    const e = runCli(['lock', 'status', 'commit', '--json'], { cwd: repo });
    expect(JSON.parse(e.stdout)).toMatchObject({ state: 'stale', staleReason: expect.stringContaining('empty record') });
  });

  test('a lock directory without write permission: exit 4 with the path, no stack trace', () => {
    const repo = tempRepo();
    const locks = join(repo, '.git', 'lockstep', 'locks');
    mkdirSync(locks, { recursive: true });
    chmodSync(locks, 0o555);
    chmodSync(join(repo, '.git', 'lockstep'), 0o555);
    // root ignores file modes: runCliUnprivileged runs the CLI as nobody when we are root.
    chmodSync(repo, 0o755); // mkdtemp made it 0700
    const r = runCliUnprivileged(['lock', 'acquire', '--owner-pid', String(process.pid)], {
      cwd: repo,
      env: { HOME: '/tmp', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_PARAMETERS: `'safe.directory=*'` },
    });
    chmodSync(locks, 0o755);
    chmodSync(join(repo, '.git', 'lockstep'), 0o755);
    // As nobody on root's runtime directory the owner check refuses first; as its owner, the mode does.
    expect(r.stderr).toMatch(/permission denied|belongs to user \d+, not to this user/);
    expect(r.stderr).toContain(join(repo, '.git', 'lockstep'));
    expect(r.code).toBe(4);
    noStack(r);
  });

  test('--help on every command', () => {
    for (const args of [['--help'], ['lock', '--help'], ['lock', 'status', '--help'], ['lock', 'acquire', '--help'], ['lock', 'release', '--help'], ['lock', 'break', '--help'], ['run-locked', '--help'], ['suite', '--help']]) {
      const r = runCli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Usage: lockstep');
    }
  });
});

describe('lockstep run-locked', () => {
  test("returns the command's exit code, passes the token, 3 on timeout", async () => {
    const repo = tempRepo();
    const r = runCli(['run-locked', '--task', 'T9', '--', 'sh', '-c', 'echo "$LOCKSTEP_LOCK_TOKEN $LOCKSTEP_TASK"; exit 7'], { cwd: repo });
    expect(r.code).toBe(7);
    expect(r.stdout.trim()).toMatch(/^commit:\d+ T9$/);
    const holder = spawn('sleep', ['30']);
    try {
      runCli(['lock', 'acquire', '--owner-pid', String(holder.pid)], { cwd: repo });
      const t = runCli(['run-locked', '--timeout', '0.3', '--', 'true'], { cwd: repo });
      expect(t.code).toBe(3);
      noStack(t);
    } finally {
      holder.kill();
      await waitExit(holder);
    }
    const nf = runCli(['run-locked', '--', 'no-such-command-xyz'], { cwd: repo });
    expect(nf.code).toBe(127);
    expect(nf.stderr).toContain('command not found');
    // A --json that belongs to the command after `--` does not turn lockstep's own errors into JSON.
    const theirs = runCli(['run-locked', '--', 'no-such-command-xyz', '--json'], { cwd: repo });
    expect(theirs.code).toBe(127);
    expect(theirs.stderr).toMatch(/^lockstep: /m);
    expect(() => JSON.parse(theirs.stderr)).toThrow();
  });

  test('a nested run-locked inside run-locked re-enters instead of deadlocking', () => {
    const repo = tempRepo();
    const r = runCli(['run-locked', '--timeout', '2', '--', process.execPath, CLI, 'run-locked', '--timeout', '2', '--', 'echo', 'inner'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('inner');
  });

  test('a SIGKILLed run-locked never leaves the lock blocking others once its command is done', async () => {
    const repo = tempRepo();
    const marker = join(repo, 'child-done');
    const go = join(repo, 'go');
    const script = `echo started; while [ ! -e "${go}" ]; do sleep 0.02; done; touch "${marker}"`;
    const p = spawn(process.execPath, [CLI, 'run-locked', '--', 'sh', '-c', script], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    expect(await firstLine(p)).toBe('started');
    p.kill('SIGKILL');
    await waitExit(p);
    // while the child still runs, the lock stays held (like flock: the work is not over)...
    const during = JSON.parse(runCli(['lock', 'status', 'commit', '--json'], { cwd: repo }).stdout);
    expect(during.state).toBe('held');
    writeFileSync(go, '');
    // ...and once it is done, the next acquirer gets it at once
    const next = runCli(['run-locked', '--timeout', '30', '--', 'sh', '-c', `test -e "${marker}"`], { cwd: repo });
    expect(next.code).toBe(0);
  });

  test('SIGTERM to run-locked is forwarded to the command and the lock is released', async () => {
    const repo = tempRepo();
    const p = spawn(process.execPath, [CLI, 'run-locked', '--', 'sh', '-c', 'trap "exit 42" TERM; echo started; while :; do sleep 0.05; done'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    expect(await firstLine(p)).toBe('started');
    p.kill('SIGTERM');
    expect(await waitExit(p)).toBe(42);
    expect(JSON.parse(runCli(['lock', 'status', 'commit', '--json'], { cwd: repo }).stdout).state).toBe('free');
  });
});
