import { afterAll, describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { endTask, getTask, listTasks, startTask } from '../../src/tasks/tasks.js';
import { loadConfig } from '../../src/config/config.js';
import { cleanupTemp, errorCode, git, tempDir, tempRepo } from '../helpers.js';
import { lockstep, write } from './fixtures.js';

afterAll(cleanupTemp);

describe('tasks (library)', () => {
  test('start, get, list, end; starting again with the same scope is a no-op, another scope needs --replace', () => {
    const repo = tempRepo();
    const t = startTask({ cwd: repo, id: '307', scope: ['specs/307_*/**'], shared: ['TODO.md'] });
    expect(t).toMatchObject({ id: '307', scope: ['specs/307_*/**'], shared: ['TODO.md'] });
    expect(existsSync(join(repo, '.git', 'lockstep', 'tasks', '307.json'))).toBe(true);
    expect(startTask({ cwd: repo, id: '307', scope: ['specs/307_*/**'], shared: ['TODO.md'] }).startedAt).toBe(t.startedAt);
    expect(errorCode(() => startTask({ cwd: repo, id: '307', scope: ['other/**'] }))).toBe('CONFLICT');
    expect(startTask({ cwd: repo, id: '307', scope: ['other/**'], replace: true }).scope).toEqual(['other/**']);
    startTask({ cwd: repo, id: 'a.b_c-9', scope: ['x/**'] });
    expect(listTasks({ cwd: repo }).map((x) => x.id)).toEqual(['307', 'a.b_c-9']);
    expect(getTask({ cwd: repo, id: 'nope' })).toBeNull();
    expect(endTask({ cwd: repo, id: '307' }).task?.id).toBe('307');
    expect(errorCode(() => endTask({ cwd: repo, id: '307' }))).toBe('NOT_FOUND');
    expect(listTasks({ cwd: repo }).map((x) => x.id)).toEqual(['a.b_c-9']);
  });

  test('a task needs a scope', () => {
    const repo = tempRepo();
    expect(errorCode(() => startTask({ cwd: repo, id: '1', scope: [] }))).toBe('BAD_INPUT');
  });
});

describe('hostile input through the CLI', () => {
  test('task ids with shell metacharacters, ../ or too long are refused (exit 2) and nothing is written outside', () => {
    const repo = tempRepo();
    const outside = tempDir();
    for (const id of ['.', 'a/b', 'x'.repeat(65), '', 'sp ace', 'ünï', 'a\nb']) expect(errorCode(() => startTask({ cwd: repo, id, scope: ['x/**'] }))).toBe('BAD_NAME');
    for (const id of ['a;touch pwned', '$(touch pwned)', `../../${outside}/evil`, '..']) {
      const r = lockstep(['task', 'start', id, '--scope', 'x/**'], repo);
      expect({ id, code: r.code }).toEqual({ id, code: 2 });
      expect(r.stderr).toMatch(/invalid task id/);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    }
    expect(existsSync(join(repo, 'pwned'))).toBe(false);
    expect(readdirSync(outside)).toEqual([]);
    const tasksDir = join(repo, '.git', 'lockstep', 'tasks');
    expect(existsSync(tasksDir) ? readdirSync(tasksDir) : []).toEqual([]);
    expect(lockstep(['commit', '--task', '../x', '-m', 'm', '--', 'README.md'], repo).code).toBe(2);
    expect(lockstep(['task', 'end', '../x'], repo).code).toBe(2);
  });

  test('malformed globs are refused with exit 2 and a reason', () => {
    const repo = tempRepo();
    for (const g of ['[abc', '../**']) {
      const r = lockstep(['task', 'start', '7', '--scope', g], repo);
      expect({ g, code: r.code }).toEqual({ g, code: 2 });
      expect(r.stderr).toMatch(/invalid glob/);
    }
    const r = lockstep(['task', 'start', '7', '--scope', 'ok/**', '--shared', 'a{b'], repo);
    expect(r.code).toBe(2);
    expect(lockstep(['task', 'start', '7'], repo).code).toBe(2); // --scope is required
  });

  test('a corrupted task file: clear error naming the file (exit 4) everywhere it is read, and task end clears it', () => {
    const repo = tempRepo();
    startTask({ cwd: repo, id: '306', scope: ['a/**'] });
    const file = join(repo, '.git', 'lockstep', 'tasks', '306.json');
    for (const garbage of ['', '{"id":"999","scope":[],"shared":[]}', '{"id":"306","scope":["[bad"],"shared":[]}', '{"id":"306","scope":']) {
      writeFileSync(file, garbage);
      expect(errorCode(() => listTasks({ cwd: repo }))).toBe('CORRUPT_STATE');
    }
    const r = lockstep(['task', 'list'], repo);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/lockstep task end 306/);
    const c = lockstep(['commit', '--task', '306', '-m', 'm', '--', 'README.md'], repo);
    expect(c.code).toBe(4);
    expect(lockstep(['task', 'end', '306'], repo).code).toBe(0);
    expect(lockstep(['task', 'list'], repo).stdout).toMatch(/no active tasks/);
  });

  test('a repository with no commits works (tasks, validate, first commit); a bare repository is refused with exit 4', () => {
    const empty = tempRepo({ commit: false });
    expect(lockstep(['task', 'start', '1', '--scope', 'a/**'], empty).code).toBe(0);
    const v = lockstep(['validate', '--json'], empty);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ commitsChecked: 0, violations: [] });
    write(empty, 'a/first.txt', 'x\n');
    const c = lockstep(['commit', '--task', '1', '-m', 'first', '--', 'a/first.txt'], empty);
    expect(c.code).toBe(0);
    expect(git(empty, 'rev-list', '--count', 'HEAD')).toBe('1');

    const bare = tempDir('lockstep-bare-');
    git(bare, 'init', '-q', '--bare');
    for (const args of [['init'], ['task', 'start', '1', '--scope', 'a/**'], ['commit', '--task', '1', '-m', 'm', '--', 'x']]) {
      const r = lockstep(args, bare);
      expect({ args, code: r.code }).toEqual({ args, code: 4 });
      expect(r.stderr).toMatch(/bare repository/);
    }
    const notRepo = tempDir();
    expect(lockstep(['validate'], notRepo).code).toBe(4);
  });

  test('task list --json and task end through the CLI', () => {
    const repo = tempRepo();
    expect(lockstep(['task', 'start', '5', '--scope', 'a/**', '--scope', 'b c/**', '--shared', 'TODO.md'], repo).code).toBe(0);
    const list = JSON.parse(lockstep(['task', 'list', '--json'], repo).stdout);
    expect(list).toEqual([expect.objectContaining({ id: '5', scope: ['a/**', 'b c/**'], shared: ['TODO.md'] })]);
    expect(lockstep(['task', 'end', '5'], repo).code).toBe(0);
    expect(lockstep(['task', 'end', '5'], repo).code).toBe(2);
  });
});

describe('configuration files', () => {
  test('lockstep.config.json or package.json "lockstep", never both; errors name the file and key (exit 2)', () => {
    const repo = tempRepo();
    expect(loadConfig({ topLevel: repo }).lockTimeoutMs).toBe(60_000);
    write(repo, 'package.json', JSON.stringify({ name: 'x', lockstep: { lockTimeout: 5, shared: ['TODO.md'] } }));
    expect(loadConfig({ topLevel: repo })).toMatchObject({ lockTimeoutMs: 5000, shared: ['TODO.md'] });
    write(repo, 'lockstep.config.json', JSON.stringify({ lockTimeout: 7 }));
    expect(() => loadConfig({ topLevel: repo })).toThrow(/configured twice/);
    write(repo, 'package.json', JSON.stringify({ name: 'x' }));
    expect(loadConfig({ topLevel: repo }).lockTimeoutMs).toBe(7000);
    write(repo, 'lockstep.config.json', JSON.stringify({ lockTimeout: 7, requireTaks: true }));
    startTask({ cwd: repo, id: '1', scope: ['**'] });
    const r2 = lockstep(['commit', '--task', '1', '-m', 'm', '--', 'README.md'], repo);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/lockstep\.config\.json: unknown key "requireTaks"/);
    write(repo, 'lockstep.config.json', '{not json');
    expect(lockstep(['commit', '--task', '1', '-m', 'm', '--', 'README.md'], repo).stderr).toMatch(/lockstep\.config\.json is not valid JSON/);
  });
});
