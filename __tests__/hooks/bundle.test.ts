import { afterAll, describe, expect, test } from '@jest/globals';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startTask } from '../../src/tasks/tasks.js';
import { cleanupTemp, CLI, git, ROOT, tempDir, tempRepo } from '../helpers.js';
import { cleanEnv, gitRun, lockstep, trailers, write } from '../tasks/fixtures.js';

afterAll(cleanupTemp);

const HOOK = join(ROOT, 'dist', 'hook', 'index.js');
const HOOKS = ['pre-commit', 'commit-msg', 'post-commit'];

/** The hook bundle, run the way lockstep's shims run it. */
function bundle(args: string[], cwd: string, env: Record<string, string | undefined> = {}) {
  const e: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(cleanEnv(env))) {
    if (v === undefined) delete e[k];
    else e[k] = v;
  }
  const r = spawnSync(process.execPath, [HOOK, ...args], { cwd, env: e, encoding: 'utf8' });
  return { code: r.status ?? 128, stdout: r.stdout, stderr: r.stderr };
}

/** A --require script that logs which script each node process the hooks start runs, and its arguments. */
function tracer(): { log: string; env: Record<string, string> } {
  const dir = tempDir();
  const log = join(dir, 'node.log');
  writeFileSync(join(dir, 'trace.cjs'), `require('fs').appendFileSync(${JSON.stringify(log)}, process.argv.slice(1).join(' ') + '\\n');\n`);
  writeFileSync(log, '');
  return { log, env: { NODE_OPTIONS: `--require ${join(dir, 'trace.cjs')}` } };
}

function taskCommit(repo: string, file: string, env: Record<string, string> = {}) {
  write(repo, file, `${file}\n`);
  git(repo, 'add', file);
  return gitRun(repo, ['commit', '-q', '-m', `commit ${file}`], { LOCKSTEP_TASK: 'A', ...env });
}

describe('the hook bundle (dist/hook/index.js)', () => {
  test('answers exactly as `lockstep hook NAME`: same messages, same exit codes, same bypass variables', () => {
    const repo = tempRepo();
    const cases: { args: string[]; env?: Record<string, string>; code: number }[] = [
      { args: ['bogus'], code: 2 },
      { args: ['commit-msg'], code: 2 },
      { args: ['pre-commit'], code: 2 }, // not run by git commit
      { args: ['pre-commit'], env: { LOCKSTEP_SKIP: '1' }, code: 0 },
      { args: ['pre-commit'], env: { HUSKY: '0' }, code: 0 },
      { args: ['post-commit'], code: 0 },
    ];
    for (const c of cases) {
      const b = bundle(c.args, repo, c.env);
      const cli = lockstep(['hook', ...c.args], repo, c.env);
      expect({ args: c.args, code: b.code, stderr: b.stderr, stdout: b.stdout }).toEqual({ args: c.args, code: cli.code, stderr: cli.stderr, stdout: cli.stdout });
      expect(b.code).toBe(c.code);
      if (c.code === 2) expect(b.stderr).toMatch(/^lockstep: /);
    }
    expect(bundle(['bogus'], repo).stderr).toMatch(/unknown hook "bogus"/);
    // A blocked commit: exit 1 and the reasons, before any git process is needed.
    write(repo, 'lockstep.config.json', JSON.stringify({ requireTask: true }));
    const blocked = bundle(['pre-commit'], repo);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(/commit blocked: this repository requires a task/);
    expect(blocked.stderr).toBe(lockstep(['hook', 'pre-commit'], repo).stderr);
    // No hook name: a usage error, not a crash.
    const none = bundle([], repo);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^lockstep: the hook bundle needs a hook name/);
    expect(none.stderr).not.toMatch(/ at /);
  });

  test('loads none of the rest of the CLI (commander, suites, remote, action)', () => {
    const text = readFileSync(join(HOOK, '..', 'hook.js'), 'utf8'); // the bundle behind the launcher
    expect(text).not.toMatch(/CommanderError|\.command\(|@actions|soak|claimNext/);
    // A fraction of the whole CLI (its launcher and bundle).
    const cliDir = join(CLI, '..');
    const whole = readdirSync(cliDir).filter((f) => f.endsWith('.js')).reduce((n, f) => n + readFileSync(join(cliDir, f), 'utf8').length, 0);
    expect(text.length).toBeLessThan(whole / 3);
  });
});

describe('lockstep init and the hook bundle', () => {
  test('the shims run the hook bundle next to the CLI; without one they run `<cli> hook NAME`; a shim from before the bundle is upgraded once', () => {
    const repo = tempRepo();
    startTask({ cwd: repo, id: 'A', scope: ['a/**'] });
    expect(lockstep(['init'], repo).code).toBe(0);
    const dir = join(repo, '.git', 'hooks');
    for (const h of HOOKS) expect(readFileSync(join(dir, h), 'utf8')).toContain(`LOCKSTEP_HOOK='${HOOK}'`);
    const t = tracer();
    expect(taskCommit(repo, 'a/1.txt', t.env).code).toBe(0);
    expect(trailers(repo)['Lockstep-Task']).toBe('A');
    expect(readFileSync(t.log, 'utf8')).toBe(`${HOOK} pre-commit\n`); // one node start-up, the small bundle

    // A shim written before the hook bundle existed (no LOCKSTEP_HOOK): still lockstep's, runs the CLI, and init upgrades it.
    for (const h of HOOKS) {
      const p = join(dir, h);
      writeFileSync(p, readFileSync(p, 'utf8').replace(/^LOCKSTEP_HOOK=.*\n/m, ''));
    }
    const old = tracer();
    expect(taskCommit(repo, 'a/2.txt', old.env).code).toBe(0);
    expect(readFileSync(old.log, 'utf8')).toBe(`${CLI} hook pre-commit\n`);
    const check = lockstep(['init', '--check', '--json'], repo);
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).entries.map((e: { state: string }) => e.state)).toEqual(['outdated', 'outdated', 'outdated']);
    expect(JSON.parse(lockstep(['init', '--json'], repo).stdout).entries.map((e: { state: string }) => e.state)).toEqual(['updated', 'updated', 'updated']);
    expect(JSON.parse(lockstep(['init', '--json'], repo).stdout).changed).toBe(false);
    expect(lockstep(['init', '--check'], repo).code).toBe(0);

    // A lockstep package whose dist/ has no hook bundle: the shims fall back to the CLI's hook command; once the bundle appears they use it, and the shims stay current.
    const pkg = realpathSync(tempDir());
    cpSync(join(ROOT, 'hooks'), join(pkg, 'hooks'), { recursive: true });
    mkdirSync(join(pkg, 'dist', 'cli'), { recursive: true });
    cpSync(join(ROOT, 'dist', 'cli'), join(pkg, 'dist', 'cli'), { recursive: true });
    const other = tempRepo();
    startTask({ cwd: other, id: 'A', scope: ['a/**'] });
    const pkgCli = join(pkg, 'dist', 'cli', 'index.js');
    const init = spawnSync(process.execPath, [pkgCli, 'init'], { cwd: other, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(init.status).toBe(0);
    const fallback = tracer();
    expect(taskCommit(other, 'a/1.txt', fallback.env).code).toBe(0);
    expect(trailers(other)['Lockstep-Task']).toBe('A');
    expect(readFileSync(fallback.log, 'utf8')).toBe(`${pkgCli} hook pre-commit\n`);
    mkdirSync(join(pkg, 'dist', 'hook'));
    for (const f of readdirSync(join(ROOT, 'dist', 'hook'))) copyFileSync(join(ROOT, 'dist', 'hook', f), join(pkg, 'dist', 'hook', f));
    const later = tracer();
    expect(taskCommit(other, 'a/2.txt', later.env).code).toBe(0);
    expect(readFileSync(later.log, 'utf8')).toBe(`${join(pkg, 'dist', 'hook', 'index.js')} pre-commit\n`);
    expect(spawnSync(process.execPath, [pkgCli, 'init', '--check'], { cwd: other, env: { ...process.env, NODE_OPTIONS: '' } }).status).toBe(0);
  });
});
