import { afterAll, describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { commitTask } from '../../src/tasks/commit.js';
import { startTask } from '../../src/tasks/tasks.js';
import { lockStatus } from '../../src/core/lock.js';
import { readEvents } from '../../src/core/events.js';
import { validateCommitRange } from '../../src/tasks/validate.js';
import { cleanupTemp, CLI, errorCodeOf, git, runCliAsync, tempRepo, waitExit } from '../helpers.js';
import { cleanEnv, cliArgv, holdLock, commitFiles, gitRun, lockstep, read, startGroup, trailers, until, write } from './fixtures.js';

afterAll(cleanupTemp);

/** index entries (mode, blob, stage, path) for paths under `prefix`: what "still staged, untouched" compares. */
function indexEntries(repo: string, prefix: string): string[] {
  return gitRun(repo, ['ls-files', '-s', '-z', '--', prefix]).stdout.split('\0').filter(Boolean);
}

function twoTasks(): string {
  const repo = tempRepo();
  startTask({ cwd: repo, id: 'A', scope: ['a/**'], shared: ['TODO.md'] });
  startTask({ cwd: repo, id: 'B', scope: ['b/**'], shared: ['TODO.md'] });
  write(repo, 'TODO.md', '# todo\n');
  write(repo, 'b/tracked.txt', 'b0\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'base');
  return repo;
}

describe('lockstep commit', () => {
  for (const hooks of [false, true]) {
    test(`commits exactly its paths; another task's staged entries stay staged, untouched (${hooks ? 'with' : 'without'} hooks installed)`, async () => {
      const repo = twoTasks();
      if (hooks) expect(lockstep(['init'], repo).code).toBe(0);
      // Task B has work staged: a new file and a modification.
      write(repo, 'b/new.txt', 'b new\n');
      write(repo, 'b/tracked.txt', 'b1\n');
      git(repo, 'add', 'b/new.txt', 'b/tracked.txt');
      const before = indexEntries(repo, 'b');
      write(repo, 'a/1.txt', 'a1\n');
      const r = lockstep(['commit', '--task', 'A', '-m', 'A: first', '--edit', "printf 'A line\\n' >> TODO.md", '--json', '--', 'TODO.md', 'a/1.txt'], repo);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.files.sort()).toEqual(['TODO.md', 'a/1.txt']);
      expect(out.commit).toBe(git(repo, 'rev-parse', 'HEAD'));
      expect(commitFiles(repo).sort()).toEqual(['TODO.md', 'a/1.txt']);
      expect(gitRun(repo, ['show', 'HEAD:TODO.md']).stdout).toBe('# todo\nA line\n');
      // B's entries: still staged, byte-identical index entries.
      expect(indexEntries(repo, 'b')).toEqual(before);
      expect(gitRun(repo, ['diff', '--cached', '--name-only']).stdout.trim().split('\n').sort()).toEqual(['b/new.txt', 'b/tracked.txt']);
      // Our paths in the index are exactly what was committed (nothing shows as staged or modified for them).
      expect(gitRun(repo, ['status', '--porcelain', '--', 'a', 'TODO.md']).stdout).toBe('');
      const t = trailers(repo);
      expect(t).toMatchObject({ 'Lockstep-Task': 'A', 'Lockstep-Scope': '["a/**"]', 'Lockstep-Shared': '["TODO.md"]' });
      expect(t['Lockstep-Fence']).toMatch(new RegExp(`^${out.fence}@[0-9a-f]{12}$`));
      // Each trailer once, even when the commit-msg hook adds them as well.
      const body = git(repo, 'log', '-1', '--format=%B');
      expect(body.match(/^Lockstep-Task:/gm)?.length).toBe(1);
      expect(body.match(/^Lockstep-Fence:/gm)?.length).toBe(1);
      expect(lockStatus({ cwd: repo }).state).toBe('free');
      const inflight = join(repo, '.git', 'lockstep', 'inflight');
      expect(existsSync(inflight) ? readdirSync(inflight) : []).toEqual([]);
      expect((await validateCommitRange({ cwd: repo, range: 'HEAD^!' })).violations).toEqual([]);
    });
  }

  test('paths with spaces, unicode, newlines; deletions; a directory of files', async () => {
    const repo = twoTasks();
    expect(lockstep(['init'], repo).code).toBe(0);
    const names = ['a/with space.txt', 'a/ünïcødé.txt', 'a/new\nline.txt', "a/quote'\"$(x).txt", 'a/dir/one.txt', 'a/dir/two.txt'];
    for (const n of names) write(repo, n, `${n}\n`);
    const r = await commitTask({ cwd: repo, task: 'A', message: 'A: odd names', paths: names.slice(0, 4).concat('a/dir'), editStdio: 'pipe', env: { ...process.env, ...cleanEnv() } as NodeJS.ProcessEnv });
    expect(r.files.sort()).toEqual([...names].sort());
    expect(commitFiles(repo).sort()).toEqual([...names].sort());
    expect(r.warnings).toEqual([]);
    unlinkSync(join(repo, 'a/with space.txt'));
    const d = await commitTask({ cwd: join(repo, 'a'), task: 'A', message: 'A: delete', paths: ['with space.txt'], editStdio: 'pipe' });
    expect(d.files).toEqual(['a/with space.txt']);
    expect(gitRun(repo, ['cat-file', '-e', 'HEAD:a/with space.txt']).code).not.toBe(0);
    expect((await validateCommitRange({ cwd: repo, range: 'HEAD~2..HEAD' })).violations).toEqual([]);
  });

  test('refuses, before touching anything, paths outside the scope or in another task (exit 1); bad paths exit 2', async () => {
    const repo = twoTasks();
    const head = git(repo, 'rev-parse', 'HEAD');
    write(repo, 'b/x.txt', 'x\n');
    write(repo, 'README.md', 'changed\n');
    const r = lockstep(['commit', '--task', 'A', '-m', 'm', '--', 'b/x.txt'], repo);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/b\/x\.txt belongs to active task B/);
    const o = lockstep(['commit', '--task', 'A', '-m', 'm', '--', 'README.md'], repo);
    expect(o.code).toBe(1);
    expect(o.stderr).toMatch(/outside task A's scope/);
    // A directory that holds another task's file is caught after staging (in the temporary index): still nothing committed.
    write(repo, 'a/ok.txt', 'ok\n');
    expect(await errorCodeOf(commitTask({ cwd: repo, task: 'A', message: 'm', paths: ['.'] }))).toBe('VIOLATION');
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(gitRun(repo, ['diff', '--cached', '--name-only']).stdout).toBe('');
    expect(lockstep(['commit', '--task', 'A', '-m', 'm', '--', '../outside'], repo).code).toBe(2);
    expect(lockstep(['commit', '--task', 'A', '-m', 'm', '--', '.git/config'], repo).code).toBe(2);
    expect(lockstep(['commit', '--task', 'A', '-m', 'm', '--', 'a/missing.txt'], repo).code).toBe(2);
    expect(lockstep(['commit', '--task', 'A', '-m', '  ', '--', 'a/ok.txt'], repo).code).toBe(2);
    expect(lockstep(['commit', '--task', 'Z', '-m', 'm', '--', 'a/ok.txt'], repo).stderr).toMatch(/no active task Z/);
    expect(lockStatus({ cwd: repo }).state).toBe('free');
  });

  test('the edit runs under the lock with the task and token in its environment; a failing edit commits nothing', async () => {
    const repo = twoTasks();
    write(repo, 'a/e.txt', 'e\n');
    const r = lockstep(
      ['commit', '--task', 'A', '-m', 'm', '--edit', `"${process.execPath}" "${CLI}" lock status commit --json > a/status.json; printf '%s %s' "$LOCKSTEP_TASK" "$LOCKSTEP_FENCE" > a/env.txt`, '--', 'a/e.txt', 'a/status.json', 'a/env.txt'],
      repo,
    );
    expect(r.code).toBe(0);
    const status = JSON.parse(read(repo, 'a/status.json'));
    const [task, fence] = read(repo, 'a/env.txt').split(' ');
    expect(task).toBe('A');
    expect(status.state).toBe('held');
    expect(status.holder.task).toBe('A');
    expect(String(status.token)).toBe(fence);
    expect(trailers(repo)['Lockstep-Fence']).toMatch(new RegExp(`^${fence}@`));
    const head = git(repo, 'rev-parse', 'HEAD');
    write(repo, 'a/f.txt', 'f\n');
    const f = lockstep(['commit', '--task', 'A', '-m', 'm', '--edit', 'echo broken >&2; exit 7', '--', 'a/f.txt'], repo);
    expect(f.code).toBe(1);
    expect(f.stderr).toMatch(/edit command failed \(exit 7\): nothing committed/);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(lockStatus({ cwd: repo }).state).toBe('free');
  });

  test('waits for the lock; --timeout overrides the configured lockTimeout; a timeout names the holder (exit 3)', async () => {
    const repo = twoTasks();
    write(repo, 'lockstep.config.json', JSON.stringify({ lockTimeout: 0.3 }));
    write(repo, 'a/w.txt', 'w\n');
    const holder = holdLock(repo);
    try {
      const byConfig = lockstep(['commit', '--task', 'A', '-m', 'm', '--', 'a/w.txt'], repo);
      expect(byConfig.code).toBe(3);
      expect(byConfig.stderr).toMatch(new RegExp(`held by pid ${holder.pid}`));
      const pending = startGroup(cliArgv(['commit', '--task', 'A', '-m', 'waited', '--timeout', '60', '--', 'a/w.txt']), repo);
      let stderr = '';
      pending.stderr!.on('data', (d) => (stderr += d));
      // It says who it waits for once it has waited a second; then the holder goes away.
      await until(() => /waiting for the commit lock held by pid \d+/.test(stderr), 60_000, 'the waiting message');
      expect(stderr).toContain(`pid ${holder.pid}`);
      holder.kill('SIGKILL');
      expect(await waitExit(pending)).toBe(0);
    } finally {
      holder.kill('SIGKILL');
    }
    expect(git(repo, 'log', '-1', '--format=%s')).toBe('waited');
  });

  test('a merge in progress is refused (exit 1); commitTask from a subdirectory takes paths relative to it', async () => {
    const repo = twoTasks();
    git(repo, 'checkout', '-q', '-b', 'side');
    write(repo, 'TODO.md', 'side\n');
    git(repo, 'commit', '-q', '-am', 'side');
    git(repo, 'checkout', '-q', 'main');
    write(repo, 'TODO.md', 'main\n');
    git(repo, 'commit', '-q', '-am', 'main');
    expect(gitRun(repo, ['merge', '-q', 'side']).code).not.toBe(0);
    write(repo, 'a/m.txt', 'm\n');
    const r = lockstep(['commit', '--task', 'A', '-m', 'm', '--', 'a/m.txt'], repo);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/merge is in progress/);
    git(repo, 'merge', '--abort');
    const s = await commitTask({ cwd: join(repo, 'a'), task: 'A', message: 'sub', paths: ['m.txt'] });
    expect(s.files).toEqual(['a/m.txt']);
  });

  test('sparse checkout: commits inside the cone; a path outside it is refused rather than committed as deleted', async () => {
    const repo = twoTasks();
    write(repo, 'a/in.txt', 'in\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'more');
    git(repo, 'sparse-checkout', 'set', 'a');
    expect(existsSync(join(repo, 'b/tracked.txt'))).toBe(false);
    expect(lockstep(['init'], repo).code).toBe(0);
    write(repo, 'a/in.txt', 'in 2\n');
    const ok = lockstep(['commit', '--task', 'A', '-m', 'sparse', '--', 'a/in.txt'], repo);
    expect(ok.code).toBe(0);
    expect(commitFiles(repo)).toEqual(['a/in.txt']);
    startTask({ cwd: repo, id: 'B', scope: ['b/**'], replace: true });
    const r = lockstep(['commit', '--task', 'B', '-m', 'oops', '--', 'b/tracked.txt'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/outside the sparse checkout/);
    expect(gitRun(repo, ['cat-file', '-e', 'HEAD:b/tracked.txt']).code).toBe(0);
    // A plain hook commit in the sparse checkout works too.
    write(repo, 'a/in.txt', 'in 3\n');
    git(repo, 'add', 'a/in.txt');
    expect(gitRun(repo, ['commit', '-q', '-m', 'hook'], { LOCKSTEP_TASK: 'A' }).code).toBe(0);
    expect(trailers(repo)['Lockstep-Task']).toBe('A');
  });

  test('concurrent lockstep commits with hooks installed: no deadlock, every commit holds only its own task files', async () => {
    const repo = twoTasks();
    expect(lockstep(['init'], repo).code).toBe(0);
    const runs = [];
    for (const t of ['A', 'B']) {
      for (let i = 0; i < 3; i++) {
        const own = `${t.toLowerCase()}/${i}.txt`;
        write(repo, own, `${t}${i}\n`);
        runs.push(runCliAsync(['commit', '--task', t, '-m', `${t} ${i}`, '--edit', `printf '%s\\n' '${t} ${i}' >> TODO.md`, '--', 'TODO.md', own], { cwd: repo, env: cleanEnv() }));
      }
    }
    const results = await Promise.all(runs);
    for (const r of results) {
      expect(r.code).toBe(0);
      expect(r.stderr).not.toMatch(/warning|blocked|error/);
    }
    const v = await validateCommitRange({ cwd: repo, range: 'HEAD~6..HEAD' });
    expect(v.commitsChecked).toBe(6);
    expect(v.violations).toEqual([]);
    expect(readEvents(join(repo, '.git', 'lockstep'), (e) => e.type === 'git_commit_validation_warning')).toEqual([]);
    expect(lockStatus({ cwd: repo }).state).toBe('free');
  });
});
