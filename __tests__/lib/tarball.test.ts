/**
 * The release as a new user gets it: `npm pack` of this package, installed with
 * npm into a fresh project that has nothing else, then the first things a user
 * runs — `npx lockstep --version`, `npx lockstep init`, a task, a commit the
 * hooks block and one they let through, the library import, and
 * `npx lockstep suite counter`. The bundles carry their dependencies, so the
 * install fetches nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupTemp, git, ROOT, tempDir, tempRepo } from '../helpers.js';

interface Ran {
  code: number;
  out: string;
  stdout: string;
}

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Ran {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...env } });
  return { code: r.status ?? 128, out: `${r.stdout}${r.stderr}`, stdout: r.stdout };
}

let project = '';
let packOutput = '';

beforeAll(() => {
  const dest = tempDir('lockstep-pack-');
  const pack = run('npm', ['pack', '--pack-destination', dest], ROOT);
  expect(pack.code).toBe(0);
  packOutput = pack.out;
  const tgz = readdirSync(dest).find((f) => f.endsWith('.tgz'));
  expect(tgz).toBeDefined();
  project = tempRepo();
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'fresh-project', version: '1.0.0', private: true, type: 'module' }, null, 2));
  const install = run('npm', ['install', '--no-audit', '--no-fund', join(dest, tgz!)], project);
  if (install.code !== 0) throw new Error(`npm install of the tarball failed:\n${install.out}`);
  writeFileSync(join(project, '.gitignore'), 'node_modules/\n');
}, 300_000);

afterAll(cleanupTemp);

describe('the packed package in a fresh project', () => {
  test('packing prints nothing of the project’s own development set-up', () => {
    expect(packOutput).not.toMatch(/husky|\.git can't be found|lefthook|simple-git-hooks/i);
  });

  test('the tarball holds what runs, not the tests or the action bundle', () => {
    const files = readdirSync(join(project, 'node_modules', 'lockstep'));
    expect(files).toEqual(expect.arrayContaining(['dist', 'hooks', 'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']));
    expect(files).not.toContain('__tests__');
    expect(files).not.toContain('src');
    expect(existsSync(join(project, 'node_modules', 'lockstep', 'dist', 'action'))).toBe(false);
    // Nothing but lockstep itself was installed.
    expect(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['lockstep']);
  });

  test('npx lockstep --version', () => {
    const r = run('npx', ['--no-install', 'lockstep', '--version'], project);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(spawnSync('node', ['-p', 'JSON.stringify(require("./package.json").version)'], { cwd: ROOT, encoding: 'utf8' }).stdout));
  });

  test('npx lockstep init, then a commit that staged too much: the hooks keep the out-of-scope file out of it', () => {
    const init = run('npx', ['--no-install', 'lockstep', 'init'], project);
    expect(init.code).toBe(0);
    const start = run('npx', ['--no-install', 'lockstep', 'task', 'start', 't1', '--scope', 'src/**'], project);
    expect(start.code).toBe(0);
    mkdirSync(join(project, 'src'));
    writeFileSync(join(project, 'src', 'a.txt'), 'a\n');
    writeFileSync(join(project, 'other.txt'), 'o\n');
    git(project, 'add', 'src/a.txt', 'other.txt');
    const r = run('git', ['commit', '-q', '-m', 'both'], project, { LOCKSTEP_TASK: 't1' });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/other\.txt/);
    expect(git(project, 'show', '--name-only', '--format=', 'HEAD')).toBe('src/a.txt');
    expect(git(project, 'log', '-1', '--format=%(trailers:key=Lockstep-Task,valueonly)')).toBe('t1');
    expect(readFileSync(join(project, 'other.txt'), 'utf8')).toBe('o\n'); // left in the worktree, not lost
  });

  test('the library import', () => {
    const r = run('node', ['--input-type=module', '-e', "import * as l from 'lockstep'; console.log(typeof l.acquireLock, typeof l.allocate)"], project);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('function function');
  });

  test('npx lockstep suite counter', () => {
    const r = run('npx', ['--no-install', 'lockstep', 'suite', 'counter', '--procs', '2', '--iterations', '10', '--no-progress', '--json'], project);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { runs: { mode: string; violations: { total: number } }[] };
    const protectedRuns = report.runs.filter((x) => x.mode === 'protected');
    expect(protectedRuns.length).toBeGreaterThan(0);
    expect(protectedRuns.every((x) => x.violations.total === 0)).toBe(true);
  }, 300_000);
});
