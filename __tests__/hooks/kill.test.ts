/**
 * Killing a committer at any step leaves no lock that blocks the next commit
 * for more than a second. Each case asserts it the same way: the next
 * acquisition, with a 1 s deadline, succeeds (no timing thresholds).
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { acquireLock, lockStatus, releaseLock } from '../../src/core/lock.js';
import { startTask } from '../../src/tasks/tasks.js';
import { cleanupTemp, git, tempDir, tempRepo, waitExit } from '../helpers.js';
import { cliArgv, gitRun, killGroup, lockDir, lockstep, startGroup, until, write, holdLock } from '../tasks/fixtures.js';

afterAll(cleanupTemp);

async function nextCommitNotBlocked(repo: string): Promise<void> {
  const h = await acquireLock({ cwd: repo, timeoutMs: 1000, reentrant: false });
  releaseLock(h);
}

function setup(): { repo: string; marks: string } {
  const repo = tempRepo();
  startTask({ cwd: repo, id: 'A', scope: ['a/**'], shared: ['TODO.md'] });
  expect(lockstep(['init'], repo).code).toBe(0);
  write(repo, 'a/x.txt', 'x\n');
  git(repo, 'add', 'a/x.txt');
  return { repo, marks: tempDir('lockstep-marks-') };
}

/** An editor that says where it is, then waits (its pid is the sleep's: exec). */
function waitingEditor(marks: string, body = 'exec sleep 30'): string {
  const path = join(marks, 'editor.sh');
  writeFileSync(path, `#!/bin/sh\necho $$ > "${marks}/editor.pid"\n${body}\n`, { mode: 0o755 });
  return path;
}

describe('a git commit (hooks) that dies or aborts after pre-commit took the lock', () => {
  for (const how of ['SIGKILL to git', 'Ctrl-C (SIGINT to the process group)', 'the editor killed'] as const) {
    test(how, async () => {
      const { repo, marks } = setup();
      const head = git(repo, 'rev-parse', 'HEAD');
      const child = startGroup(['git', 'commit'], repo, { LOCKSTEP_TASK: 'A', GIT_EDITOR: waitingEditor(marks) });
      try {
        await until(() => existsSync(join(marks, 'editor.pid')), 30_000, 'the editor');
        // pre-commit has run: the lock is held for the git process itself.
        expect(lockStatus({ cwd: repo }).holder?.pid).toBe(child.pid);
        if (how === 'SIGKILL to git') process.kill(child.pid!, 'SIGKILL');
        else if (how === 'the editor killed') process.kill(Number(readFileSync(join(marks, 'editor.pid'), 'utf8')), 'SIGKILL');
        else killGroup(child, 'SIGINT');
        await waitExit(child);
        await nextCommitNotBlocked(repo);
        expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
      } finally {
        killGroup(child);
      }
    });
  }

  test('a failing commit-msg hook, an emptied message and -m "" abort the commit and leave the lock free', async () => {
    const { repo, marks } = setup();
    const head = git(repo, 'rev-parse', 'HEAD');
    // An emptied message: lockstep's commit-msg hook must not make it non-empty with trailers.
    const emptier = waitingEditor(marks, ': > "$1"');
    const e = gitRun(repo, ['commit'], { LOCKSTEP_TASK: 'A', GIT_EDITOR: emptier });
    expect(e.code).not.toBe(0);
    expect(e.stderr).toMatch(/empty commit message/);
    await nextCommitNotBlocked(repo);
    const m = gitRun(repo, ['commit', '-m', ''], { LOCKSTEP_TASK: 'A' });
    expect(m.code).not.toBe(0);
    await nextCommitNotBlocked(repo);
    // A comment-only message (the editor left the template as it was).
    const c = gitRun(repo, ['commit'], { LOCKSTEP_TASK: 'A', GIT_EDITOR: waitingEditor(marks, 'exit 0') });
    expect(c.code).not.toBe(0);
    await nextCommitNotBlocked(repo);
    // A failing commit-msg hook (chained before lockstep's).
    writeFileSync(join(repo, '.git', 'hooks', 'commit-msg'), '#!/bin/sh\necho "message rejected" >&2\nexit 1\n', { mode: 0o755 });
    expect(lockstep(['init', '--chain'], repo).code).toBe(0);
    const f = gitRun(repo, ['commit', '-m', 'rejected'], { LOCKSTEP_TASK: 'A' });
    expect(f.code).not.toBe(0);
    expect(f.stderr).toMatch(/message rejected/);
    await nextCommitNotBlocked(repo);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
    // What aborted commits leave behind is swept by the next pre-commit, and none of it blocks anything.
    writeFileSync(join(repo, '.git', 'hooks', 'commit-msg.lockstep-chained'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    // The check's hold on git's index.lock ends with the aborted git: a watcher removes it once git has exited
    // (docs/tasks-and-hooks.md, "git's index lock"); a git command in that moment gets git's own index.lock error.
    await until(() => !existsSync(join(repo, '.git', 'index.lock')), 10_000);
    expect(gitRun(repo, ['commit', '-q', '-m', 'works'], { LOCKSTEP_TASK: 'A' }).code).toBe(0);
    const inflight = join(repo, '.git', 'lockstep', 'inflight');
    expect(readdirSync(inflight)).toEqual([]);
  });

  test('killed while its pre-commit waits in line: the holder keeps the lock, the queue does not jam', async () => {
    const { repo } = setup();
    const holder = holdLock(repo);
    const child = startGroup(['git', 'commit', '-q', '-m', 'waiting'], repo, { LOCKSTEP_TASK: 'A' });
    try {
      await until(() => readdirSync(lockDir(repo)).some((f) => f.startsWith('w.')), 30_000, 'a waiting ticket');
      killGroup(child);
      await waitExit(child);
      expect(lockStatus({ cwd: repo }).holder?.pid).toBe(holder.pid);
      holder.kill('SIGKILL');
      await waitExit(holder);
      await nextCommitNotBlocked(repo);
    } finally {
      killGroup(child);
      holder.kill('SIGKILL');
    }
  });
});

describe('lockstep commit killed', () => {
  test('during the edit (SIGKILL to everything) and during its git commit hooks', async () => {
    const { repo, marks } = setup();
    const edit = startGroup(cliArgv(['commit', '--task', 'A', '-m', 'm', '--edit', `touch "${marks}/in-edit"; sleep 30`, '--', 'a/x.txt']), repo);
    try {
      await until(() => existsSync(join(marks, 'in-edit')), 30_000, 'the edit');
      expect(lockStatus({ cwd: repo }).state).toBe('held');
      killGroup(edit);
      await waitExit(edit);
      await nextCommitNotBlocked(repo);
    } finally {
      killGroup(edit);
    }
    // A user's pre-commit (chained, runs before lockstep's) that hangs: kill while git commit runs under lockstep commit.
    writeFileSync(join(repo, '.git', 'hooks', 'pre-commit'), `#!/bin/sh\ntouch "${marks}/in-hook"\nsleep 30\n`, { mode: 0o755 });
    expect(lockstep(['init', '--chain'], repo).code).toBe(0);
    const hooked = startGroup(cliArgv(['commit', '--task', 'A', '-m', 'm', '--', 'a/x.txt']), repo);
    try {
      await until(() => existsSync(join(marks, 'in-hook')), 30_000, 'the hook');
      killGroup(hooked);
      await waitExit(hooked);
      await nextCommitNotBlocked(repo);
    } finally {
      killGroup(hooked);
    }
    expect(existsSync(join(repo, '.git', 'index.lock'))).toBe(false); // staging happens in a temporary index
    expect(gitRun(repo, ['status', '--porcelain']).code).toBe(0);
  });

  test('SIGTERM to lockstep commit alone: the edit is stopped, the lock released (not left for a takeover)', async () => {
    const { repo, marks } = setup();
    const child = startGroup(cliArgv(['commit', '--task', 'A', '-m', 'm', '--edit', `touch "${marks}/in-edit"; sleep 30`, '--', 'a/x.txt']), repo);
    try {
      await until(() => existsSync(join(marks, 'in-edit')), 30_000, 'the edit');
      process.kill(child.pid!, 'SIGTERM');
      expect(await waitExit(child)).not.toBe(0);
      const h = await acquireLock({ cwd: repo, timeoutMs: 1000, reentrant: false });
      expect(h.tookOver).toBeNull();
      releaseLock(h);
    } finally {
      killGroup(child);
    }
  });

  test('at random moments: the next commit is never blocked', async () => {
    const { repo } = setup();
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 4; i++) {
      write(repo, `a/r${i}.txt`, `${i}\n`);
      const child = startGroup(cliArgv(['commit', '--task', 'A', '-m', `r${i}`, '--edit', "printf 'x\\n' >> TODO.md", '--', 'TODO.md', `a/r${i}.txt`]), repo);
      await new Promise((r) => setTimeout(r, Math.floor(rand() * 700)));
      killGroup(child);
      await waitExit(child);
      await nextCommitNotBlocked(repo);
    }
  });
});
