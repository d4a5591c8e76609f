import { afterAll, describe, expect, test } from '@jest/globals';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, realpathSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { allocationLockName } from '../../src/alloc/lock-target.js';
import { lockStatus } from '../../src/core/lock.js';
import { CLI, cleanupTemp, runCli, runCliUnprivileged, tempDir, tempRepo, type Run } from '../helpers.js';

afterAll(cleanupTemp);

const LINE = /^\{"topic_number":"(\d{3,})","topic_path":"([^"]+)"\}$/;

function shellLoop(script: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script, 'loop', ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? 128, stdout, stderr }));
  });
}

describe('lockstep allocate (CLI)', () => {
  test('prints exactly the seed\'s one-line JSON, the same with --json', () => {
    const root = join(tempDir(), 'specs');
    const r = runCli(['allocate', root, 'auth flow']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`{"topic_number":"001","topic_path":"${join(root, '001_auth_flow')}"}\n`);
    const j = runCli(['allocate', root, 'second', '--json']);
    expect(JSON.parse(j.stdout)).toEqual({ topic_number: '002', topic_path: join(root, '002_second') });
    const rel = runCli(['-C', root, 'allocate', 'sub', 'x']);
    expect(JSON.parse(rel.stdout).topic_path).toBe(join(root, 'sub', '001_x'));
  });

  test('10 concurrent shell loops × 20 CLI allocations: every number once, no gaps, --verify clean', async () => {
    const repo = tempRepo();
    const root = join(repo, 'specs');
    const script = 'for i in $(seq 1 20); do "$1" "$2" allocate "$3" "worker $4 item $i" || exit 1; done';
    const runs = await Promise.all(Array.from({ length: 10 }, (_, w) => shellLoop(script, [process.execPath, CLI, root, String(w)])));
    for (const r of runs) expect([r.code, r.stderr]).toEqual([0, '']);
    const lines = runs.flatMap((r) => r.stdout.trim().split('\n'));
    expect(lines).toHaveLength(200);
    const numbers = lines.map((l) => {
      const m = LINE.exec(l);
      expect(m).not.toBeNull();
      expect(existsSync(m![2]!)).toBe(true);
      return Number(m![1]);
    });
    expect(new Set(numbers).size).toBe(200);
    expect(Math.min(...numbers)).toBe(1);
    expect(Math.max(...numbers)).toBe(200);
    const v = runCli(['allocate', '--verify', root, '--json']);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, duplicates: [], gaps: [], leftoverLock: null, highest: 200 });
  }, 300_000);

  test('hostile names: exit 2, a clear message, no stack trace, nothing created', () => {
    const parent = tempDir();
    const root = join(parent, 'specs');
    const hostile: [string, RegExp][] = [
      ['../../etc', /path separator/],
      ['/abs', /path separator/],
      ['..', /"\.\."/],
      ['', /empty/],
      ['x'.repeat(10 * 1024), /10240 characters long/],
      ['日本語', /no letters or digits/],
      ['line\nbreak', /control character .*newline/],
    ];
    for (const [name, message] of hostile) {
      const r = runCli(['allocate', root, name]);
      expect([name.slice(0, 12), r.code]).toEqual([name.slice(0, 12), 2]);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stdout).toBe('');
    }
    expect(runCli(['allocate', root, 'ok', '--width', '0']).code).toBe(2);
    expect(runCli(['allocate', root]).code).toBe(2);
    expect(readdirSync(parent)).toEqual([]); // not even ROOT
    // Unicode that folds to letters is a fine name.
    expect(JSON.parse(runCli(['allocate', root, 'Ünïcödé ñame']).stdout).topic_path).toBe(join(root, '001_unicode_name'));
  });

  test('unwritable ROOT (run as another user): exit 4, permission named, nothing partially created', () => {
    const locked: string[] = []; // given back their write bit at the end, so the temp dirs can be removed by a non-root user too
    try {
      const parent = tempDir();
      chmodSync(parent, 0o755); // traversable, not writable, for the other user
      // 1. ROOT exists but is not writable (outside any checkout).
      const root = join(parent, 'specs');
      mkdirSync(root);
      chmodSync(root, 0o555);
      locked.push(root);
      let r = runCliUnprivileged(['allocate', root, 'denied']);
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/permission denied/);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(readdirSync(root)).toEqual([]);

      // 2. ROOT is missing and cannot be created.
      chmodSync(parent, 0o555);
      locked.push(parent);
      r = runCliUnprivileged(['allocate', join(parent, 'new-root'), 'denied']);
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/cannot create allocation root .*permission denied/);
      expect(existsSync(join(parent, 'new-root'))).toBe(false);

      // 3. Inside a checkout whose runtime the user may write: the lock is
      //    taken, mkdir fails, and the lock is released — nothing left behind.
      const repo = tempRepo();
      chmodSync(repo, 0o755);
      const repoRoot = join(repo, 'specs');
      mkdirSync(repoRoot, { mode: 0o755 });
      chmodSync(repoRoot, 0o555);
      locked.push(repoRoot);
      mkdirSync(join(repo, '.git', 'lockstep', 'locks'), { recursive: true });
      // The runtime is the other user's own (lockstep refuses a runtime directory another user owns).
      if (process.getuid?.() === 0) for (const d of ['lockstep', 'lockstep/locks']) chownSync(join(repo, '.git', d), 65534, 65534);
      r = runCliUnprivileged(['allocate', repoRoot, 'denied']);
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/cannot create .*001_denied.*permission denied/);
      expect(readdirSync(repoRoot)).toEqual([]);
      if (process.getuid?.() === 0) for (const d of ['lockstep', 'lockstep/locks']) chownSync(join(repo, '.git', d), 0, 0); // ours again, to look
      const name = allocationLockName(realpathSync(repoRoot));
      expect(existsSync(join(repo, '.git', 'lockstep', 'locks', name))).toBe(true); // the lock really was taken…
      expect(lockStatus({ cwd: repo, name }).state).toBe('free'); // …and released
    } finally {
      for (const d of locked) chmodSync(d, 0o755);
    }
  });
});
