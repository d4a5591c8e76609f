/**
 * A child that cannot start because of its working directory is reported as
 * that, never as its program missing (Node says ENOENT for both): through the
 * real CLI's -C and through the library's git wrapper.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGit } from '../../src/git/git.js';
import { openRuntime } from '../../src/core/runtime.js';
import { isLockstepError } from '../../src/core/errors.js';
import { cleanupTemp, runCli, tempDir, tempRepo } from '../helpers.js';

afterAll(cleanupTemp);

function badDirs(): Array<[string, string, RegExp]> {
  const d = tempDir();
  const file = join(d, 'a-file');
  writeFileSync(file, 'x');
  return [
    ['a missing directory', join(d, 'missing'), /no such directory/],
    ['a regular file', file, /not a directory/],
    ['a path through a file', join(file, 'below'), /a part of the path is not a directory/],
    ['a 5 kB path', '/' + 'a'.repeat(5000), /the path is too long/],
  ];
}

describe('-C names a directory lockstep can work in', () => {
  test.each(badDirs())('-C with %s is refused with exit 2 and says why', (_what, dir, why) => {
    for (const args of [['lock', 'status'], ['run-locked', '--', 'true'], ['allocate', 'specs', 'x']]) {
      const r = runCli(['-C', dir, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(why);
      expect(r.stderr).toContain('-C ');
      expect(r.stderr).not.toMatch(/git was not found|internal error|\n\s+at /);
      expect(r.stderr.length).toBeLessThan(600);
    }
  });

  test('control characters in -C are escaped when printed', () => {
    const r = runCli(['-C', '/nonexistent\u001b[31m', 'lock', 'status']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toContain('\\u001b[31m');
  });

  test('a good -C still works', () => {
    const repo = tempRepo();
    const r = runCli(['-C', repo, 'lock', 'status', '--json']);
    expect(r.code).toBe(0);
  });
});

describe('the git wrapper tells a bad working directory from a missing git', () => {
  test.each(badDirs())('%s: BAD_INPUT naming the directory, sync and async', async (_what, dir, why) => {
    const git = createGit(dir);
    for (const call of [() => git.runSync(['--version']), () => git.run(['--version'])]) {
      let err: unknown;
      try {
        await call();
      } catch (e) {
        err = e;
      }
      expect(isLockstepError(err) && err.code).toBe('BAD_INPUT');
      expect((err as Error).message).toMatch(why);
      expect((err as Error).message).toMatch(/^cannot run git in /);
    }
    expect(() => openRuntime({ cwd: dir })).toThrow(why);
  });

  test('a missing git is still GIT_MISSING', () => {
    const saved = process.env.PATH;
    process.env.PATH = tempDir();
    try {
      expect(() => createGit(tempDir()).runSync(['--version'])).toThrow(/git was not found on PATH/);
    } finally {
      process.env.PATH = saved;
    }
  });
});
