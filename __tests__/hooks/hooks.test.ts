import { afterAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { acquireLock, lockStatus, releaseLock } from '../../src/core/lock.js';
import { readEvents } from '../../src/core/events.js';
import { hostId } from '../../src/core/process.js';
import { startTask } from '../../src/tasks/tasks.js';
import { validateCommitRange } from '../../src/tasks/validate.js';
import { huskyLine } from '../../src/hooks/install.js';
import { releaseEventJson, releaseMarkerJson } from '../../src/hooks/release-marker.js';
import { messageHasText } from '../../src/hooks/commit-msg.js';
import { hookRuntime, readHeadFast } from '../../src/hooks/hook-runtime.js';
import { readInflight, writeInflight, type Inflight } from '../../src/hooks/inflight.js';
import { parseStagedListing, STAGED_END } from '../../src/tasks/git-paths.js';
import { cleanupTemp, git, ROOT, TEST_HOOK, tempDir, tempRepo } from '../helpers.js';
import { commitFiles, gitRun, installHusky, lockDir, lockstep, trailers, write, holdLock, until } from '../tasks/fixtures.js';

afterAll(cleanupTemp);

function runtime(repo: string): string {
  return join(repo, '.git', 'lockstep');
}

/** A repository with tasks A (a/**, shared TODO.md) and B (b/**) and lockstep's hooks installed. */
function hookedRepo(opts: { commit?: boolean } = {}): string {
  const repo = tempRepo(opts);
  startTask({ cwd: repo, id: 'A', scope: ['a/**'], shared: ['TODO.md'] });
  startTask({ cwd: repo, id: 'B', scope: ['b/**'] });
  const r = lockstep(['init'], repo);
  expect(r.code).toBe(0);
  return repo;
}

/** Nothing of a commit is left behind: the lock is free (at once, no takeover needed) and no inflight state remains. */
async function nothingLeft(repo: string): Promise<void> {
  expect(lockStatus({ cwd: repo }).state).toBe('free');
  const h = await acquireLock({ cwd: repo, timeoutMs: 1000, reentrant: false });
  expect(h.tookOver).toBeNull();
  releaseLock(h);
  const dir = join(runtime(repo), 'inflight');
  expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
}

function commit(repo: string, args: string[], env: Record<string, string | undefined> = {}) {
  return gitRun(repo, ['commit', ...args], env);
}

describe('pre-commit', () => {
  test('cross-task staging: the task commits its own paths, the other task\'s stay out of the commit (named); paths outside the scope alone block', async () => {
    const repo = hookedRepo();
    write(repo, 'a/mine.txt', 'a\n');
    write(repo, 'b/theirs.txt', 'b\n');
    git(repo, 'add', 'a/mine.txt', 'b/theirs.txt');
    const r = commit(repo, ['-q', '-m', 'A sweeps B'], { LOCKSTEP_TASK: 'A' });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/b\/theirs\.txt belongs to active task B: unstaged, left in the worktree/);
    expect(commitFiles(repo)).toEqual(['a/mine.txt']);
    expect(git(repo, 'status', '--porcelain')).toBe('A  b/theirs.txt'); // staged again once A's commit was made
    await nothingLeft(repo);
    const head = git(repo, 'rev-parse', 'HEAD');
    write(repo, 'README.md', 'changed\n');
    git(repo, 'add', 'README.md');
    const o = commit(repo, ['-q', '-m', 'outside'], { LOCKSTEP_TASK: 'A' });
    expect(o.code).not.toBe(0);
    expect(o.stderr).toMatch(/README\.md is outside task A's scope \(a\/\*\*\): unstaged/);
    expect(o.stderr).toMatch(/nothing of task A's is staged/);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(existsSync(join(repo, '.git', 'index.lock'))).toBe(false);
    await nothingLeft(repo);
    // Shared paths are allowed, and reported.
    write(repo, 'TODO.md', '- A line\n');
    git(repo, 'add', 'TODO.md');
    write(repo, 'a/mine.txt', 'a2\n');
    git(repo, 'add', 'a/mine.txt');
    const s = commit(repo, ['-q', '-m', 'A with shared'], { LOCKSTEP_TASK: 'A' });
    expect(s.code).toBe(0);
    expect(s.stderr).toMatch(/task A commits shared path TODO\.md/);
    expect(commitFiles(repo).sort()).toEqual(['TODO.md', 'a/mine.txt']);
    expect(trailers(repo)).toMatchObject({ 'Lockstep-Task': 'A', 'Lockstep-Scope': '["a/**"]', 'Lockstep-Shared': '["TODO.md"]', 'Lockstep-Parent': head });
    await nothingLeft(repo);
  });

  test('with no task declared the hook only serializes (lock taken for git, released by post-commit, no trailers); requireTask blocks it', async () => {
    const repo = hookedRepo();
    write(repo, 'b/x.txt', 'x\n');
    git(repo, 'add', 'b/x.txt');
    const r = commit(repo, ['-q', '-m', 'no task']);
    expect(r.code).toBe(0);
    expect(trailers(repo)).toEqual({});
    const ev = readEvents(runtime(repo)).filter((e) => e.type === 'acquire' || e.type === 'release');
    expect(ev.map((e) => e.type)).toEqual(['acquire', 'release']);
    expect(ev[1]!.via).toBe('post-commit'); // released from sh, not node
    await nothingLeft(repo);
    write(repo, 'lockstep.config.json', JSON.stringify({ requireTask: true }));
    write(repo, 'b/y.txt', 'y\n');
    git(repo, 'add', 'b/y.txt');
    const blocked = commit(repo, ['-q', '-m', 'no task']);
    expect(blocked.code).not.toBe(0);
    expect(blocked.stderr).toMatch(/requires a task for every commit/);
    const unknown = commit(repo, ['-q', '-m', 'x'], { LOCKSTEP_TASK: 'nope' });
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/LOCKSTEP_TASK=nope names no active task/);
    const hostile = commit(repo, ['-q', '-m', 'x'], { LOCKSTEP_TASK: '../../etc' });
    expect(hostile.code).not.toBe(0);
    expect(hostile.stderr).toMatch(/invalid task id/);
    await nothingLeft(repo);
  });

  test('LOCKSTEP_SKIP=1 and HUSKY=0 bypass every lockstep hook', async () => {
    const repo = hookedRepo();
    for (const [k, v] of [['LOCKSTEP_SKIP', '1'], ['HUSKY', '0']] as const) {
      const before = readEvents(runtime(repo)).length;
      write(repo, `b/${k}.txt`, 'x\n');
      git(repo, 'add', '.');
      const r = commit(repo, ['-q', '-m', `bypass ${k}`], { LOCKSTEP_TASK: 'A', [k]: v });
      expect(r.code).toBe(0);
      expect(trailers(repo)).toEqual({});
      expect(readEvents(runtime(repo)).length).toBe(before);
    }
    await nothingLeft(repo);
  });

  test('the staged list the shim pipes in is taken only whole: NUL-terminated names, then the end mark', () => {
    expect(parseStagedListing(`a/x\0b c/y\0${STAGED_END}`)).toEqual({ raw: 'a/x\0b c/y\0', paths: ['a/x', 'b c/y'] });
    expect(parseStagedListing(STAGED_END)).toEqual({ raw: '', paths: [] }); // nothing staged
    expect(parseStagedListing(`odd\nname\0${STAGED_END}\0${STAGED_END}`)!.paths).toEqual(['odd\nname', STAGED_END]); // a path may look like the mark
    expect(parseStagedListing('a/x\0b/y\0')).toBeNull(); // git failed or was cut short: no mark
    expect(parseStagedListing(`a/x${STAGED_END}`)).toBeNull(); // cut inside a name
    expect(parseStagedListing(undefined)).toBeNull();
  });

  /** The pre-commit hook fed `listing` on stdin, as the shim feeds git's list, with a foreign path staged too. */
  function commitWithPipedList(listing: string, env: Record<string, string> = {}) {
    const repo = hookedRepo();
    const piped = join(tempDir(), 'listing');
    writeFileSync(piped, listing);
    // The test build: its control needs a fault point, which dist/ has not.
    const hook = `#!/bin/sh\nLOCKSTEP_STAGED_STDIN=1 exec '${process.execPath}' '${TEST_HOOK}' pre-commit < '${piped}'\n`;
    writeFileSync(join(repo, '.git', 'hooks', 'pre-commit'), hook, { mode: 0o755 });
    write(repo, 'a/mine.txt', 'a\n');
    write(repo, 'b/theirs.txt', 'b\n');
    git(repo, 'add', 'a/mine.txt', 'b/theirs.txt');
    // -a: git holds the index itself, so the hook takes the shim's list (a plain commit lists again under its index hold).
    return { repo, r: commit(repo, ['-q', '-a', '-m', 'A, piped list'], { LOCKSTEP_TASK: 'A', ...env }) };
  }

  test('a piped list without its end mark is not trusted: the hook lists the staged paths itself and keeps the foreign one out', async () => {
    const { repo, r } = commitWithPipedList('a/mine.txt\0'); // cut short: b/theirs.txt is missing
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/b\/theirs\.txt belongs to active task B: unstaged/);
    expect(commitFiles(repo)).toEqual(['a/mine.txt']);
    await nothingLeft(repo);
  });

  test('control: a hook that trusts a list without its end mark commits the foreign path', () => {
    const { repo, r } = commitWithPipedList('a/mine.txt\0', { LOCKSTEP_FAULT: 'trust-staged-listing:1' });
    expect(r.code).toBe(0);
    expect(commitFiles(repo).sort()).toEqual(['a/mine.txt', 'b/theirs.txt']); // swept in
  });

  test('through the installed shim, the staged paths are listed once per commit, by the shim: the hook takes the piped list', () => {
    /** The process names above each `git diff --cached` of one commit (git's trace2 "cmd_ancestry", Linux). */
    const listers = (repo: string, file: string): string[] => {
      const trace = join(tempDir(), 'trace');
      write(repo, file, 'x\n');
      git(repo, 'add', file);
      expect(commit(repo, ['-q', '-a', '-m', file], { LOCKSTEP_TASK: 'A', GIT_TRACE2_EVENT: trace }).code).toBe(0);
      const events = readFileSync(trace, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event: string; sid: string; argv?: string[]; ancestry?: string[] });
      const listing = new Set(events.filter((e) => e.event === 'start' && e.argv?.[1] === 'diff' && e.argv.includes('--cached')).map((e) => e.sid));
      return events.filter((e) => e.event === 'cmd_ancestry' && listing.has(e.sid)).map((e) => e.ancestry![0]!);
    };
    const repo = hookedRepo();
    expect(listers(repo, 'a/one.txt')).toEqual(['pre-commit']); // the shim, not node
    // Control: a hook that starts node without the piped list, and the trace shows node listing them.
    const hook = `#!/bin/sh\nexec '${process.execPath}' '${join(ROOT, 'dist', 'hook', 'index.js')}' pre-commit\n`;
    writeFileSync(join(repo, '.git', 'hooks', 'pre-commit'), hook, { mode: 0o755 });
    expect(listers(repo, 'a/two.txt')).toEqual(['node']);
  });

  test('a whole piped list is used as it is (git is not asked again)', () => {
    // Whole but leaving b/theirs.txt out: only taking it as given lets this commit through.
    const { r } = commitWithPipedList(`a/mine.txt\0${STAGED_END}`);
    expect(r.code).toBe(0);
  });

  test('the hooks start node without NODE_EXTRA_CA_CERTS (parsed at every node start; a hook opens no TLS connection)', async () => {
    const repo = hookedRepo();
    // A bundle that cannot be read: node warns when it tries to load one.
    const env = { NODE_EXTRA_CA_CERTS: join(tempDir(), 'missing-ca.pem') };
    const control = gitRun(repo, ['-c', 'alias.n=!node -e 0', 'n'], env);
    expect(control.stderr).toMatch(/Ignoring extra certs/); // the check can see a node that loads it
    write(repo, 'a/ca.txt', 'x\n');
    git(repo, 'add', 'a/ca.txt');
    const r = commit(repo, ['-q', '-m', 'with a CA bundle set'], { LOCKSTEP_TASK: 'A', ...env });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/Ignoring extra certs/);
    expect(trailers(repo)).toMatchObject({ 'Lockstep-Task': 'A' }); // the hooks did run
    await nothingLeft(repo);
  });

  test('a lock held elsewhere makes the hook wait; a timeout (configured) names the holder and aborts the commit', async () => {
    const repo = hookedRepo();
    write(repo, 'lockstep.config.json', JSON.stringify({ lockTimeout: '400ms' }));
    const holder = holdLock(repo);
    try {
      write(repo, 'a/w.txt', 'w\n');
      git(repo, 'add', 'a/w.txt');
      const r = commit(repo, ['-q', '-m', 'waits'], { LOCKSTEP_TASK: 'A' });
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(new RegExp(`timed out waiting for the commit lock: .* held by pid ${holder.pid} for`));
      expect(lockStatus({ cwd: repo }).holder?.pid).toBe(holder.pid);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});

describe('the hooks across git operations', () => {
  test('first commit of a repository, commit -a, --amend, paths with spaces, unicode and newlines', async () => {
    const repo = hookedRepo({ commit: false });
    const odd = ['a/with space.txt', 'a/ünïcødé.txt', 'a/new\nline.txt'];
    for (const p of odd) write(repo, p, 'x\n');
    git(repo, 'add', '.');
    expect(commit(repo, ['-q', '-m', 'first'], { LOCKSTEP_TASK: 'A' }).code).toBe(0);
    expect(commitFiles(repo).sort()).toEqual([...odd].sort());
    expect(trailers(repo)['Lockstep-Task']).toBe('A');
    await nothingLeft(repo);
    write(repo, 'a/with space.txt', 'y\n');
    expect(commit(repo, ['-q', '-a', '-m', 'commit -a'], { LOCKSTEP_TASK: 'A' }).code).toBe(0);
    expect(commitFiles(repo)).toEqual(['a/with space.txt']);
    await nothingLeft(repo);
    write(repo, 'a/ünïcødé.txt', 'z\n');
    git(repo, 'add', '.');
    const fenceBefore = trailers(repo)['Lockstep-Fence'];
    expect(commit(repo, ['-q', '--amend', '-m', 'amended'], { LOCKSTEP_TASK: 'A' }).code).toBe(0);
    const body = git(repo, 'log', '-1', '--format=%B');
    expect(body.match(/^Lockstep-Fence:/gm)?.length).toBe(1);
    expect(trailers(repo)['Lockstep-Fence']).not.toBe(fenceBefore);
    expect(commitFiles(repo).sort()).toEqual(['a/with space.txt', 'a/ünïcødé.txt']);
    expect(readEvents(runtime(repo), (e) => e.type === 'git_commit_validation_warning')).toEqual([]);
    await nothingLeft(repo);
    expect((await validateCommitRange({ cwd: repo, range: 'HEAD' })).violations).toEqual([]);
  });

  test('merge, a merge concluded by git commit, cherry-pick and rebase leave no lock and no state behind', async () => {
    const repo = hookedRepo();
    const env = { LOCKSTEP_TASK: 'A' };
    git(repo, 'checkout', '-q', '-b', 'side');
    write(repo, 'b/side.txt', 'side\n');
    write(repo, 'TODO.md', 'side\n');
    git(repo, 'add', '.');
    expect(commit(repo, ['-q', '-m', 'side'], {}).code).toBe(0);
    write(repo, 'a/pick.txt', 'pick\n');
    git(repo, 'add', '.');
    expect(commit(repo, ['-q', '-m', 'to pick'], env).code).toBe(0);
    const pick = git(repo, 'rev-parse', 'HEAD');
    git(repo, 'checkout', '-q', 'main');
    write(repo, 'a/main.txt', 'main\n');
    git(repo, 'add', '.');
    expect(commit(repo, ['-q', '-m', 'main'], env).code).toBe(0);
    expect(gitRun(repo, ['cherry-pick', pick], env).code).toBe(0);
    expect(commitFiles(repo)).toEqual(['a/pick.txt']);
    await nothingLeft(repo);
    expect(gitRun(repo, ['merge', '-q', '--no-ff', '-m', 'merge side', 'side'], env).code).toBe(0);
    await nothingLeft(repo);
    // A conflicting merge concluded with git commit: the hook locks, but does not judge the merged files by A's scope.
    git(repo, 'checkout', '-q', '-b', 'other', 'HEAD~1');
    write(repo, 'TODO.md', 'other\n');
    git(repo, 'add', '.');
    expect(commit(repo, ['-q', '-m', 'other'], {}).code).toBe(0);
    git(repo, 'checkout', '-q', 'main');
    write(repo, 'TODO.md', 'side\n- A: main again\n');
    git(repo, 'add', '.');
    expect(commit(repo, ['-q', '-m', 'main again'], env).code).toBe(0);
    expect(gitRun(repo, ['merge', 'other'], env).code).not.toBe(0);
    write(repo, 'TODO.md', 'resolved\n');
    git(repo, 'add', 'TODO.md');
    const concluded = commit(repo, ['-q', '--no-edit'], env);
    expect(concluded.stderr).toBe('');
    expect(concluded.code).toBe(0);
    expect(git(repo, 'rev-list', '--parents', '-n1', 'HEAD').split(' ').length).toBe(3);
    await nothingLeft(repo);
    git(repo, 'checkout', '-q', 'side');
    expect(gitRun(repo, ['rebase', '-q', 'main'], env).code).toBe(0);
    await nothingLeft(repo);
  });

  test('a path a pre-commit step stages before lockstep\'s check (lint-staged re-staging) is checked: another task\'s file is kept out of the commit', async () => {
    const repo = tempRepo();
    startTask({ cwd: repo, id: 'A', scope: ['a/**'] });
    startTask({ cwd: repo, id: 'B', scope: ['b/**'] });
    installHusky(repo);
    // An old layout: lockstep's line first, a re-staging step after it. init moves the check to the end.
    write(repo, '.husky/pre-commit', `${huskyLine('pre-commit-check')}\ngit add b/late.txt\n`);
    expect(lockstep(['init'], repo).code).toBe(0);
    const text = readFileSync(join(repo, '.husky/pre-commit'), 'utf8');
    expect(text.lastIndexOf('lockstep-hook')).toBeGreaterThan(text.indexOf('git add b/late.txt'));
    write(repo, 'a/1.txt', '1\n');
    write(repo, 'b/late.txt', 'late\n');
    git(repo, 'add', 'a/1.txt');
    // The check runs after the step: it sees b/late.txt, keeps it out of A's commit (foreignChanges
    // "commit-own") and leaves it in the worktree, unstaged.
    const r = commit(repo, ['-q', '-m', 'A'], { LOCKSTEP_TASK: 'A' });
    expect(r.code).toBe(0);
    expect(commitFiles(repo)).toEqual(['a/1.txt']);
    expect(r.stderr).toMatch(/b\/late\.txt/);
    expect(readFileSync(join(repo, 'b/late.txt'), 'utf8')).toBe('late\n');
    // Staged again after the commit, as B staged it: B's next commit takes it.
    expect(git(repo, 'diff', '--cached', '--name-only')).toBe('b/late.txt');
    await nothingLeft(repo);
  });

  test('a plain commit: from the check until git is done, the index is held, so a later step or another task cannot stage into the commit', async () => {
    const repo = tempRepo();
    startTask({ cwd: repo, id: 'A', scope: ['a/**'] });
    startTask({ cwd: repo, id: 'B', scope: ['b/**'] });
    installHusky(repo);
    // A step after lockstep's check (pre-commit's check runs last, so: in commit-msg) that stages.
    write(repo, '.husky/commit-msg', 'git add b/late.txt\n');
    expect(lockstep(['init'], repo).code).toBe(0);
    write(repo, 'a/1.txt', '1\n');
    write(repo, 'b/late.txt', 'late\n');
    git(repo, 'add', 'a/1.txt');
    const head = git(repo, 'rev-parse', 'HEAD');
    const r = commit(repo, ['-q', '-m', 'A'], { LOCKSTEP_TASK: 'A' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/index\.lock': File exists/);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
    // The hold ends with the git process: the next git command works.
    await until(() => !existsSync(join(repo, '.git', 'index.lock')), 2000);
    git(repo, 'add', 'b/late.txt');
  });

  test('inside run-locked the hooks inherit the lock: no second acquisition, the fence is the outer token, and post-commit leaves the release to run-locked', async () => {
    const repo = hookedRepo();
    write(repo, 'a/r.txt', 'r\n');
    git(repo, 'add', 'a/r.txt');
    const r = lockstep(['run-locked', '--task', 'A', '--', 'git', 'commit', '-q', '-m', 'inside run-locked'], repo, { LOCKSTEP_TASK: 'A' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const acquires = readEvents(runtime(repo), (e) => e.type === 'acquire');
    const releases = readEvents(runtime(repo), (e) => e.type === 'release');
    expect(acquires).toHaveLength(1);
    expect(releases).toHaveLength(1);
    expect(releases[0]!.via).toBeUndefined(); // released by run-locked, not by the hook
    expect(trailers(repo)['Lockstep-Fence']).toMatch(new RegExp(`^${acquires[0]!.token}@`));
    await nothingLeft(repo);
  });
});

describe('odd paths', () => {
  test('a repository whose path holds quotes, spaces, $ and unicode: the sh hooks lock, check, add trailers and release', async () => {
    const repo = join(tempDir('lockstep-odd-'), "a 'odd' \"rëpo\" $(x) `y`");
    mkdirSync(repo);
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'config', 'user.name', 'T');
    git(repo, 'config', 'user.email', 't@example.invalid');
    startTask({ cwd: repo, id: 'A', scope: ['a/**'] });
    startTask({ cwd: repo, id: 'B', scope: ['b/**'] });
    expect(lockstep(['init'], repo).code).toBe(0);
    write(repo, 'a/1.txt', '1\n');
    write(repo, 'b/1.txt', '1\n');
    git(repo, 'add', '.');
    // The first commit of the repository: B's file is taken out of the index (HEAD has none to restore).
    const first = commit(repo, ['-q', '-m', 'x'], { LOCKSTEP_TASK: 'A' });
    expect(first.stderr).toMatch(/b\/1\.txt belongs to active task B: unstaged/);
    expect(first.code).toBe(0);
    expect(commitFiles(repo)).toEqual(['a/1.txt']);
    expect(git(repo, 'status', '--porcelain')).toBe('A  b/1.txt');
    expect(trailers(repo)['Lockstep-Task']).toBe('A');
    expect(trailers(repo)['Lockstep-Parent']).toBe('none');
    const release = readEvents(runtime(repo), (e) => e.type === 'release').pop()!;
    expect(release.via).toBe('post-commit');
    await nothingLeft(repo);
  });

  test('inflight state that sh could not read (a value with a newline) is kept for node instead', () => {
    const root = tempDir();
    const state: Inflight = {
      v: 1, gitPid: 4242, gitStart: 'procfs:1', lock: 'commit', lockDir: '/x/odd\nrepo/.git/lockstep/locks/commit', token: 7, nonce: 'ab',
      inherited: false, acquiredMs: 1, head: '', merge: false, task: 'A', hostJson: '"h"', fast: true,
      trailerTask: 'A', trailerScope: '["a/**"]', trailerShared: '', trailerFence: '7@x', indexLock: '', indexMarker: '',
    };
    writeInflight(root, state, 'a/1\0');
    const text = readFileSync(join(root, 'inflight', '4242'), 'utf8');
    expect(text).toMatch(/^fast=0$/m);
    expect(text).not.toContain('odd\nrepo');
    expect(readInflight(root, 4242)).toEqual({ state: { ...state }, stagedRaw: 'a/1\0' });
    writeInflight(root, { ...state, lockDir: '/plain' }, '');
    expect(readInflight(root, 4242)?.state).toEqual({ ...state, lockDir: '/plain' });
  });
});

describe('reading the repository without git', () => {
  test('hookRuntime and readHeadFast agree with git: loose and packed refs, detached, unborn, linked worktree', () => {
    const repo = tempRepo();
    const rt = hookRuntime(repo);
    expect(rt.root).toBe(join(repo, '.git', 'lockstep'));
    const head = () => readHeadFast(join(repo, '.git'), join(repo, '.git'));
    expect(head()).toBe(git(repo, 'rev-parse', 'HEAD'));
    git(repo, 'pack-refs', '--all');
    expect(existsSync(join(repo, '.git', 'refs', 'heads', 'main'))).toBe(false);
    expect(head()).toBe(git(repo, 'rev-parse', 'HEAD'));
    git(repo, 'checkout', '-q', '--detach');
    expect(head()).toBe(git(repo, 'rev-parse', 'HEAD'));
    git(repo, 'checkout', '-q', '--orphan', 'fresh');
    expect(head()).toBeNull();
    const wt = join(tempDir(), 'wt');
    git(repo, 'worktree', 'add', '-q', '-b', 'wtb', wt, 'main');
    const wrt = hookRuntime(wt);
    expect(wrt.root).toBe(join(repo, '.git', 'lockstep'));
    expect(readHeadFast(wrt.repo!.gitDir, wrt.repo!.commonDir)).toBe(git(wt, 'rev-parse', 'HEAD'));
    // Anything unusual goes to git.
    expect(hookRuntime(wt, { GIT_DIR: join(repo, '.git') }).root).toBe(join(repo, '.git', 'lockstep'));
  });
});

describe('the sh release', () => {
  test('writes exactly what releaseLock writes (marker and event), as the reference helper renders it', async () => {
    const repo = hookedRepo();
    write(repo, 'a/m.txt', 'm\n');
    git(repo, 'add', 'a/m.txt');
    expect(commit(repo, ['-q', '-m', 'm'], { LOCKSTEP_TASK: 'A' }).code).toBe(0);
    const ev = readEvents(runtime(repo));
    const acquire = ev.find((e) => e.type === 'acquire')!;
    const release = ev.find((e) => e.type === 'release')!;
    expect(release.via).toBe('post-commit');
    const token = acquire.token as number;
    const markerText = readFileSync(join(lockDir(repo), String(token + 1)), 'utf8');
    const marker = JSON.parse(markerText);
    expect(markerText).toBe(releaseMarkerJson({ lock: 'commit', pid: marker.by.pid, host: hostId(), at: marker.at, ended: token }));
    expect(new Date(marker.at).toISOString()).toBe(marker.at);
    const eventLine = readFileSync(join(runtime(repo), 'events.jsonl'), 'utf8').split('\n').find((l) => l.includes('"type":"release"'))!;
    expect(eventLine).toBe(releaseEventJson({ ts: marker.at, pid: marker.by.pid, host: hostId(), lock: 'commit', token, heldMs: release.heldMs as number, task: 'A' }));
    expect(release.heldMs as number).toBeGreaterThanOrEqual(0);
    // releaseLock itself writes the same shape: same keys in the same order.
    const h = await acquireLock({ cwd: repo, name: 'probe', reentrant: false });
    releaseLock(h);
    const ref = JSON.parse(readFileSync(join(runtime(repo), 'locks', 'probe', String(h.token + 1)), 'utf8'));
    expect(Object.keys(marker)).toEqual(Object.keys(ref));
    expect(Object.keys(marker.by)).toEqual(Object.keys(ref.by));
    const refEvent = readEvents(runtime(repo), (e) => e.type === 'release' && e.lock === 'probe')[0]!;
    expect(Object.keys(JSON.parse(eventLine)).filter((k) => k !== 'via')).toEqual(Object.keys(refEvent));
    // And the lock reads the sh marker as free.
    expect(lockStatus({ cwd: repo }).state).toBe('free');
  });

  test('messageHasText: comments, the verbose diff and lockstep trailers are not text', () => {
    expect(messageHasText('')).toBe(false);
    expect(messageHasText('\n# Please enter the commit message\n\nLockstep-Task: A\nLockstep-Fence: 3@x\n')).toBe(false);
    expect(messageHasText('# ------------------------ >8 ------------------------\ndiff --git a/x b/x\n+code\n')).toBe(false);
    expect(messageHasText('fix it\n\nLockstep-Task: A\n')).toBe(true);
  });
});
