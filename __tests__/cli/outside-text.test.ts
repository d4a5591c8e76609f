/**
 * Outside text on the terminal: lock records, task files and directory names
 * are written by anyone, and ids come from flags and the environment. None
 * may reach stdout or stderr with a raw control character (an escape
 * sequence repaints the terminal, a newline forges a line), ids are checked
 * where they enter, and an error echoes a bad value cut to a readable length.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeControl, quoteInput } from '../../src/core/outside-text.js';
import { cleanupTemp, git, runCli, tempRepo, type Run } from '../helpers.js';
import { gitRun } from '../tasks/fixtures.js';

afterAll(cleanupTemp);

/** A raw control character other than newline and tab (those are checked line by line). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const FORGED = 'holder: pid 1 on trusted-host';
const NASTY = `\u001b[2J\u001b[31mred\r\n  ${FORGED}\u009b1m\u202e`;

function clean(r: Run): void {
  expect(r.stdout).not.toMatch(RAW_CONTROL);
  expect(r.stderr).not.toMatch(RAW_CONTROL);
  // The forged text may be shown, escaped, inside a line: never as a line of its own.
  for (const line of `${r.stdout}\n${r.stderr}`.split('\n')) expect({ line, forged: line.trimStart().startsWith(FORGED) }).toEqual({ line, forged: false });
}

/** Takes the commit lock for a sleeping process, then rewrites its record the way anyone with write access could. */
function plantLock(repo: string): () => void {
  const holder = spawn('sleep', ['60']);
  const a = runCli(['lock', 'acquire', '--owner-pid', String(holder.pid), '--task', 'T-1'], { cwd: repo });
  expect(a.code).toBe(0);
  const dir = join(repo, '.git', 'lockstep', 'locks', 'commit');
  const file = join(dir, readdirSync(dir).find((f) => /^\d+$/.test(f))!);
  const rec = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...rec, host: `vm${NASTY}`, task: `T${NASTY}`, agent: `A${NASTY}`, command: `cmd${NASTY}`, cwd: `/tmp${NASTY}` }));
  return () => holder.kill();
}

describe('control characters in outside text are escaped when printed', () => {
  test('escapeControl writes every control character visibly; quoteInput also cuts', () => {
    expect(escapeControl('a\u001b[31mb\nc\rd\u0007\u009b\u202e\te')).toBe('a\\e[31mb\\nc\\rd\\x07\\x9b\\u{202e}\te');
    expect(escapeControl('a\nb\u001b', { keepNewlines: true })).toBe('a\nb\\e');
    expect(quoteInput('x\ny')).toBe('"x\\ny"');
    const big = quoteInput('é'.repeat(50_000));
    expect(big.length).toBeLessThan(200);
    expect(big).toMatch(/…" \(100000 bytes\)$|" … \(100000 bytes\)$|…\s?\(100000 bytes\)$/);
    expect(quoteInput('😀'.repeat(200))).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/); // no half surrogate pair
  });

  test('lock status and status show a planted lock record escaped, on the lines lockstep laid out', () => {
    const repo = tempRepo();
    const stop = plantLock(repo);
    try {
      const lock = runCli(['lock', 'status'], { cwd: repo });
      expect(lock.code).toBe(0);
      clean(lock);
      expect(lock.stdout).toContain('\\e[2J\\e[31mred\\r\\n');
      expect(lock.stdout.trimEnd().split('\n').filter((l) => l.startsWith('  holder:'))).toHaveLength(1);

      const status = runCli(['status'], { cwd: repo });
      expect(status.code).toBe(0);
      clean(status);
      expect(status.stdout).toContain('\\e[2J');

      // A waiter names the holder on stderr, and the timeout error does too.
      const wait = runCli(['lock', 'acquire', '--timeout', '1.5'], { cwd: repo });
      expect(wait.code).toBe(3);
      clean(wait);
      expect(wait.stderr).toContain('\\e[31m');

      // JSON stays JSON and keeps the value whole.
      const json = runCli(['lock', 'status', 'commit', '--json'], { cwd: repo });
      expect(json.stdout).not.toMatch(RAW_CONTROL);
      expect(JSON.parse(json.stdout).holder.host).toBe(`vm${NASTY}`);
    } finally {
      stop();
    }
  });

  test('status escapes a task file and allocate --verify escapes directory names', () => {
    const repo = tempRepo();
    expect(runCli(['task', 'start', 'T-2', '--scope', 'src/**'], { cwd: repo }).code).toBe(0);
    const taskFile = join(repo, '.git', 'lockstep', 'tasks', 'T-2.json');
    const task = JSON.parse(readFileSync(taskFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(taskFile, JSON.stringify({ ...task, startedBy: { pid: 1, host: 'h', agent: `a${NASTY}` } }));
    const status = runCli(['status'], { cwd: repo });
    expect(status.code).toBe(0);
    clean(status);
    expect(status.stdout).toContain('agent a\\e[2J');

    const root = join(repo, `specs${NASTY}`);
    mkdirSync(join(root, '001_a'), { recursive: true });
    mkdirSync(join(root, `001_b${NASTY}`));
    const verify = runCli(['allocate', '--verify', root], { cwd: repo });
    expect(verify.code).toBe(1); // the duplicate 001
    clean(verify);
    expect(verify.stdout).toContain('001_b\\e[2J');
  });
});

describe('hook output', () => {
  test('pre-commit names a staged file with an escape sequence and a newline escaped', () => {
    const repo = tempRepo();
    expect(runCli(['task', 'start', 'A', '--scope', 'a/**'], { cwd: repo }).code).toBe(0);
    expect(runCli(['init'], { cwd: repo }).code).toBe(0);
    const name = `x\u001b[2J\u009b1m\u202e\n  ${FORGED}.txt`; // JSON.stringify alone would leave U+009B and U+202E raw
    writeFileSync(join(repo, name), 'x\n');
    git(repo, 'add', '--', name);
    const r = gitRun(repo, ['commit', '-q', '-m', 'outside'], { LOCKSTEP_TASK: 'A' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('outside task A');
    clean({ code: r.code, stdout: r.stdout, stderr: r.stderr });
  });
});

describe('task and agent ids are checked where they enter', () => {
  const bad = '\u001b[31mx';

  test('lock acquire and run-locked refuse a bad --task or --agent (exit 2), echoing it escaped', () => {
    const repo = tempRepo();
    for (const args of [
      ['lock', 'acquire', '--task', bad],
      ['lock', 'acquire', '--agent', `a\n${FORGED}`],
      ['run-locked', '--task', bad, '--', 'true'],
      ['run-locked', '--agent', bad, '--', 'true'],
    ]) {
      const r = runCli(args, { cwd: repo });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/invalid (task|agent) id/);
      clean(r);
    }
    const locks = join(repo, '.git', 'lockstep', 'locks', 'commit');
    expect(existsSync(locks) ? readdirSync(locks).filter((f) => /^\d+$/.test(f)) : []).toEqual([]);
  });

  test('LOCKSTEP_TASK and LOCKSTEP_AGENT are checked like the flags; empty counts as unset', () => {
    const repo = tempRepo();
    const t = runCli(['run-locked', '--', 'true'], { cwd: repo, env: { LOCKSTEP_TASK: bad } });
    expect(t.code).toBe(2);
    clean(t);
    const a = runCli(['lock', 'acquire', '--owner-pid', String(process.pid)], { cwd: repo, env: { LOCKSTEP_AGENT: `x${NASTY}` } });
    expect(a.code).toBe(2);
    clean(a);
    expect(runCli(['run-locked', '--', 'true'], { cwd: repo, env: { LOCKSTEP_TASK: '', LOCKSTEP_AGENT: '' } }).code).toBe(0);
  });

  test('the library refuses them too (acquireLock)', async () => {
    const repo = tempRepo();
    const { acquireLock } = await import('../../src/core/lock.js');
    await expect(acquireLock({ cwd: repo, task: bad, timeoutMs: 1000 })).rejects.toMatchObject({ code: 'BAD_NAME' });
    await expect(acquireLock({ cwd: repo, agent: 'a.b', timeoutMs: 1000 })).rejects.toMatchObject({ code: 'BAD_NAME' });
  });
});

describe('an error echoes a bad value cut to a readable length', () => {
  const huge = 'x'.repeat(100_000);

  test.each([
    ['--task', ['lock', 'acquire', '--task', huge]],
    ['--timeout', ['lock', 'acquire', '--timeout', huge]],
    ['a task id', ['task', 'start', huge, '--scope', 'a/**']],
    ['a glob', ['task', 'start', 'T-3', '--scope', `/${huge}`]],
    ['a path', ['commit', '--task', 'T-3', '-m', 'm', '--', `/nowhere/${huge}`]],
    ['a state key', ['state', 'set', 'wf_1_1_00000000', `${huge}=1`]],
  ])('%s of 100 kB gives an error under 1 kB', (_what, args) => {
    const repo = tempRepo();
    if (args[0] === 'commit') expect(runCli(['task', 'start', 'T-3', '--scope', '**'], { cwd: repo }).code).toBe(0);
    const r = runCli(args, { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(1024);
    expect(r.stderr).toContain('(100');
  });
});
