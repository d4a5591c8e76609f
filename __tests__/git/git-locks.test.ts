/**
 * Git's own lock files, judged from the processes on this machine: real git
 * processes holding index.lock (a `git commit -a` whose pre-commit waits),
 * killed with SIGKILL as a harness kills an agent, and the lock they leave.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitLockFiles, gitMayUseRepo, lockFileInError } from '../../src/git/git-locks.js';
import { readEvents } from '../../src/core/events.js';
import { startTask } from '../../src/tasks/tasks.js';
import { mergeBranch } from '../../src/merge/merge.js';
import { cleanupTemp, git, runCli, runWorker, TEST_CLI, tempDir, tempRepo, until, waitExit } from '../helpers.js';

afterAll(cleanupTemp);

interface HeldCommit {
  child: ChildProcess;
  lock: string;
  /** Lets the pre-commit hook end, so the commit goes on. */
  release: () => void;
  /** SIGKILL to git and its hook, as a harness kills an agent's process group. */
  kill: () => Promise<void>;
  exited: Promise<number | null>;
}

/** A real `git commit -a` holding the repository's index.lock while its pre-commit hook waits for a go file. */
async function heldCommit(repo: string): Promise<HeldCommit> {
  const marks = tempDir();
  const hook = join(repo, '.git', 'hooks', 'pre-commit');
  writeFileSync(hook, `#!/bin/sh\ntouch "${marks}/in-hook"\nwhile [ ! -e "${marks}/go" ]; do sleep 0.02; done\n`);
  chmodSync(hook, 0o755);
  writeFileSync(join(repo, 'README.md'), `changed ${Math.random()}\n`);
  const child = spawn('git', ['commit', '-a', '-q', '-m', 'held'], { cwd: repo, detached: true, stdio: 'ignore' });
  const exited = waitExit(child);
  await until(() => existsSync(join(marks, 'in-hook')), 20_000, 'the pre-commit hook to start');
  const lock = join(repo, '.git', 'index.lock');
  expect(existsSync(lock)).toBe(true);
  return {
    child,
    lock,
    exited,
    release: () => writeFileSync(join(marks, 'go'), ''),
    kill: async () => {
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    },
  };
}

/** The child has become git (spawn forks node first, then runs git). */
const isGitNow = (c: ChildProcess) => {
  try {
    return readFileSync(`/proc/${c.pid}/comm`, 'utf8') === 'git\n';
  } catch {
    return false;
  }
};

const json = (repo: string, args: string[] = [], env: Record<string, string> = {}) => {
  const r = runCli(['git-locks', '--json', ...args], { cwd: repo, env, cli: env.LOCKSTEP_FAULT ? TEST_CLI : undefined });
  return { code: r.code, out: JSON.parse(r.stdout) as { ok: boolean; locks: { name: string; state: string; holders: { pid: number; reason: string }[] }[]; cleared: { name: string }[] } };
};

describe("git's lock files", () => {
  test("a live git's index.lock is in use and kept; once that git is killed it is stale, and --clear makes git work again", async () => {
    const repo = tempRepo();
    const held = await heldCommit(repo);
    const live = json(repo, ['--clear']);
    expect(live.code).toBe(0);
    expect(live.out.cleared).toEqual([]);
    expect(live.out.locks).toEqual([expect.objectContaining({ name: 'index.lock', state: 'in-use', holders: [expect.objectContaining({ pid: held.child.pid, reason: 'older' })] })]);
    expect(existsSync(held.lock)).toBe(true);

    await held.kill();
    expect(existsSync(held.lock)).toBe(true); // git cannot remove it on SIGKILL
    const blocked = spawnSync('git', ['commit', '-a', '-q', '-m', 'next'], { cwd: repo, encoding: 'utf8' });
    expect(blocked.status).not.toBe(0);
    expect(blocked.stderr).toContain('index.lock');

    const found = runCli(['git-locks'], { cwd: repo });
    expect(found.code).toBe(1);
    expect(found.stdout).toMatch(/^index\.lock {2}stale {2}\d+ s old: no process has it open/);
    expect(found.stderr).toContain('remove with: lockstep git-locks --clear');
    const cleared = runCli(['git-locks', '--clear'], { cwd: repo });
    expect(cleared.code).toBe(0);
    expect(cleared.stdout).toMatch(/^removed index\.lock \(stale, \d+ s old\)/);
    expect(existsSync(held.lock)).toBe(false);
    expect(readEvents(join(repo, '.git', 'lockstep')).filter((e) => e.type === 'git_lock_cleared')).toEqual([expect.objectContaining({ lock: 'index.lock', by: 'lockstep git-locks --clear' })]);
    git(repo, 'commit', '-a', '-q', '--no-verify', '-m', 'works again');
  });

  test('the control: a clear that ignores the holders removes a live commit\'s lock, and that commit fails', async () => {
    for (const ignoreHolders of [false, true]) {
      const repo = tempRepo();
      const held = await heldCommit(repo);
      const r = json(repo, ['--clear'], ignoreHolders ? { LOCKSTEP_FAULT: 'ignore-git-lock-holders:1' } : {});
      expect(r.out.cleared.map((c) => c.name)).toEqual(ignoreHolders ? ['index.lock'] : []);
      held.release();
      const code = await held.exited;
      if (ignoreHolders) expect(code).not.toBe(0); // its index could not be written: the commit broke
      else expect(code).toBe(0);
    }
  });

  test('a git that starts while the judgement runs is never judged stale: the files are looked at before the processes are listed', async () => {
    // The path is known before the lock exists (the CLI finds lock files by listing; this judges index.lock by name).
    for (const control of [false, true]) {
      const repo = tempRepo();
      const marks = tempDir();
      const faults = ['pause-between-look-and-list:30000', ...(control ? ['list-processes-first:1'] : [])].join(',');
      const judging = runWorker('git-lock-judge.ts', [join(repo, '.git'), join(repo, '.git', 'index.lock')], { env: { LOCKSTEP_FAULT: faults, LOCKSTEP_FAULT_MARK: marks } });
      await until(() => existsSync(join(marks, 'pause-between-look-and-list')), 20_000, 'the judgement to pause');
      const held = await heldCommit(repo); // starts between the two steps
      writeFileSync(join(marks, 'pause-between-look-and-list.go'), ''); // and the judgement goes on
      const r = await judging;
      expect(r.code).toBe(0);
      // Listed first, the new git is missing from the list: its live lock is stale to the judgement and is removed.
      expect(JSON.parse(r.stdout)).toEqual(control ? { outcome: 'cleared', state: 'stale' } : { outcome: 'gone', state: null });
      held.release();
      const code = await held.exited;
      if (control) expect(code).not.toBe(0);
      else expect(code).toBe(0);
    }
  });

  test('a process that has a lock file open holds it, whatever it is', async () => {
    const repo = tempRepo();
    const lock = join(repo, '.git', 'refs', 'heads', 'topic.lock');
    const marks = tempDir();
    const holder = spawn(process.execPath, ['-e', `const fs = require('fs'); fs.openSync(${JSON.stringify(lock)}, 'wx'); fs.writeFileSync(${JSON.stringify(join(marks, 'open'))}, ''); setInterval(() => {}, 1000);`], { stdio: 'ignore' });
    await until(() => existsSync(join(marks, 'open')), 20_000, 'the holder to open the lock');
    const [judged] = gitLockFiles(join(repo, '.git'));
    expect(judged).toMatchObject({ name: join('refs', 'heads', 'topic.lock'), state: 'in-use', holders: [{ pid: holder.pid, reason: 'open' }] });
    holder.kill('SIGKILL');
    await waitExit(holder);
    expect(gitLockFiles(join(repo, '.git'))).toEqual([expect.objectContaining({ state: 'stale', holders: [] })]);
  });

  test("a git working in another repository does not hold this one's lock (with /proc); ps cannot tell, so it counts", async () => {
    const other = tempRepo();
    const busy = await heldCommit(other); // started before the lock below
    const repo = tempRepo();
    const stale = await heldCommit(repo);
    await stale.kill();
    try {
      expect(gitLockFiles(join(repo, '.git'))).toEqual([expect.objectContaining({ state: 'stale' })]);
      const viaPs = runCli(['git-locks', '--json'], { cwd: repo, env: { LOCKSTEP_PROCESS_INSPECTOR: 'ps' } });
      expect(JSON.parse(viaPs.stdout).locks).toEqual([expect.objectContaining({ state: 'in-use', holders: expect.arrayContaining([expect.objectContaining({ pid: busy.child.pid, reason: 'older' })]) })]);
    } finally {
      await busy.kill();
    }
  });

  test('a git pointed at another repository with --git-dir does not hold this one\'s lock; pointed at this one, it does (with /proc)', async () => {
    const other = tempRepo();
    const repo = tempRepo();
    const elsewhere = tempDir(); // neither repository: only the pointer says which one it works on
    // `cat-file --batch` waits on its stdin: a git that lives for as long as the test needs.
    const start = (gitDir: string) => spawn('git', [`--git-dir=${gitDir}`, 'cat-file', '--batch'], { cwd: elsewhere, stdio: ['pipe', 'ignore', 'ignore'] });
    const toOther = start(join(other, '.git'));
    const toThis = spawn('git', ['--git-dir', join(repo, '.git'), 'cat-file', '--batch'], { cwd: elsewhere, stdio: ['pipe', 'ignore', 'ignore'] });
    try {
      await until(() => [toOther, toThis].every(isGitNow), 20_000, 'the gits to start');
      writeFileSync(join(repo, '.git', 'index.lock'), ''); // nobody has it open
      const [judged] = gitLockFiles(join(repo, '.git'));
      expect(judged!.holders.map((h) => h.pid)).not.toContain(toOther.pid);
      expect(judged!.holders).toContainEqual(expect.objectContaining({ pid: toThis.pid, reason: 'older' })); // the control: the same git, pointed here
    } finally {
      for (const c of [toOther, toThis]) c.kill('SIGKILL');
      await Promise.all([toOther, toThis].map(waitExit));
    }
  });

  test('a git that exits while it is looked at holds nothing; a live one is judged by where it works', async () => {
    const repo = tempRepo();
    const other = tempRepo();
    const live = spawn('git', ['cat-file', '--batch'], { cwd: other, stdio: ['pipe', 'ignore', 'ignore'] });
    const here = spawn('git', ['cat-file', '--batch'], { cwd: repo, stdio: ['pipe', 'ignore', 'ignore'] });
    try {
      await until(() => [live, here].every(isGitNow), 20_000, 'the gits to start');
      live.kill('SIGKILL');
      await waitExit(live);
      // Gone between the listing and the look at its working directory, as short gits of other repositories often are under load.
      expect(gitMayUseRepo(live.pid!, ['git', 'cat-file', '--batch'], [repo])).toBe('gone');
      expect(gitMayUseRepo(here.pid!, ['git', 'cat-file', '--batch'], [repo])).toBe(true);
      expect(gitMayUseRepo(here.pid!, ['git', 'cat-file', '--batch'], [other])).toBe(false);
    } finally {
      for (const c of [live, here]) c.kill('SIGKILL');
      await Promise.all([live, here].map(waitExit));
    }
  });

  test('where the processes cannot be listed (no ps, a failed /proc listing), nothing is judged stale', () => {
    const repo = tempRepo();
    writeFileSync(join(repo, '.git', 'index.lock'), ''); // no process has it, no git runs here
    const bin = tempDir();
    symlinkSync(spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim(), join(bin, 'git'));
    const noPs = { LOCKSTEP_PROCESS_INSPECTOR: 'ps', PATH: bin };
    const r = json(repo, ['--clear'], noPs);
    expect(r.code).toBe(0);
    expect(r.out.locks).toEqual([expect.objectContaining({ name: 'index.lock', state: 'in-use', holders: [expect.objectContaining({ pid: 0, reason: 'unknown' })] })]);
    expect(existsSync(join(repo, '.git', 'index.lock'))).toBe(true);
    // A listing of /proc that fails is the same: nothing ruled out.
    expect(json(repo, ['--clear'], { LOCKSTEP_FAULT: 'process-listing-fails:1' }).out.locks).toEqual([expect.objectContaining({ state: 'in-use', holders: [expect.objectContaining({ reason: 'unknown' })] })]);
    // Control: where they can be listed, the same file is stale and cleared.
    expect(json(repo, ['--clear']).out.cleared).toEqual([expect.objectContaining({ name: 'index.lock' })]);
  });

  test("lockstep commit removes a killed git's index.lock in its way, and the index follows the commit", async () => {
    const repo = tempRepo();
    startTask({ cwd: repo, id: 'A', scope: ['a/**'] });
    const held = await heldCommit(repo);
    await held.kill();
    unlinkSync(join(repo, '.git', 'hooks', 'pre-commit'));
    mkdirSync(join(repo, 'a'));
    writeFileSync(join(repo, 'a', '1.txt'), 'a1\n');
    const ok = runCli(['commit', '--task', 'A', '-m', 'A: work', '--json', '--', 'a/1.txt'], { cwd: repo });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).warnings).toEqual([]);
    expect(existsSync(held.lock)).toBe(false);
    expect(git(repo, 'diff', '--cached', '--name-only', '--', 'a')).toBe(''); // the index has the commit's a/1.txt
    expect(readEvents(join(repo, '.git', 'lockstep')).filter((e) => e.type === 'git_lock_cleared')).toEqual([expect.objectContaining({ lock: 'index.lock', by: 'lockstep commit --task A' })]);
  });

  test("lockstep commit removes a killed git's ref lock that its git commit meets, and commits", () => {
    const repo = tempRepo();
    startTask({ cwd: repo, id: 'A', scope: ['a/**'] });
    mkdirSync(join(repo, 'a'));
    writeFileSync(join(repo, 'a', '1.txt'), 'a1\n');
    // As a git killed while it updated the branch leaves it: nobody has it, no git runs here.
    const refLock = join(repo, '.git', 'refs', 'heads', 'main.lock');
    writeFileSync(refLock, '');
    const plain = spawnSync('git', ['commit', '-q', '--allow-empty', '-m', 'plain'], { cwd: repo, encoding: 'utf8' });
    expect(plain.status).not.toBe(0);
    expect(plain.stderr).toContain('main.lock');
    const r = runCli(['commit', '--task', 'A', '-m', 'A: work', '--json', '--', 'a/1.txt'], { cwd: repo });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(refLock)).toBe(false);
    expect(git(repo, 'log', '-1', '--format=%s')).toBe('A: work');
    expect(readEvents(join(repo, '.git', 'lockstep')).filter((e) => e.type === 'git_lock_cleared')).toEqual([expect.objectContaining({ lock: join('refs', 'heads', 'main.lock') })]);
  });

  test('in a bare repository (a server) too; outside any repository, exit 4', () => {
    const bare = join(tempDir(), 'server.git');
    git(tempDir(), 'init', '-q', '--bare', bare);
    writeFileSync(join(bare, 'packed-refs.lock'), '');
    expect(json(bare).out.locks).toEqual([expect.objectContaining({ name: 'packed-refs.lock', state: 'stale' })]);
    expect(json(bare, ['--clear']).code).toBe(0);
    expect(existsSync(join(bare, 'packed-refs.lock'))).toBe(false);
    const outside = runCli(['git-locks'], { cwd: tempDir() });
    expect(outside.code).toBe(4);
    expect(outside.stderr).toContain('not inside a git repository');
  });

  test('a lock file named in an error message is taken only inside the repository', () => {
    const common = join(tempDir(), '.git');
    const msg = (p: string) => `fatal: cannot lock ref 'HEAD': Unable to create '${p}': File exists.\n\nAnother git process seems to be running`;
    expect(lockFileInError(msg(join(common, 'HEAD.lock')), common)).toBe(join(common, 'HEAD.lock'));
    expect(lockFileInError(msg(join(common, 'refs', 'heads', 'a', 'b.lock')), common)).toBe(join(common, 'refs', 'heads', 'a', 'b.lock'));
    expect(lockFileInError(msg('/etc/passwd.lock'), common)).toBeNull();
    expect(lockFileInError(msg(`${common}/../../outside.lock`), common)).toBeNull();
    expect(lockFileInError(msg(join(common, 'HEAD')), common)).toBeNull();
    expect(lockFileInError('fatal: something else', common)).toBeNull();
  });

  test("lockstep merge removes a killed git's lock on the base branch, and merges", async () => {
    const repo = tempRepo();
    git(repo, 'branch', 'feature');
    const wt = join(tempDir(), 'wt');
    git(repo, 'worktree', 'add', '-q', wt, 'feature');
    writeFileSync(join(wt, 'f.txt'), 'feature\n');
    git(wt, 'add', 'f.txt');
    git(wt, 'commit', '-q', '-m', 'feature');
    const refLock = join(repo, '.git', 'refs', 'heads', 'main.lock');
    writeFileSync(refLock, ''); // left by a git killed while it moved main
    expect(spawnSync('git', ['update-ref', 'refs/heads/main', 'feature'], { cwd: repo }).status).not.toBe(0);
    const r = await mergeBranch({ cwd: repo, branch: 'feature' });
    expect(r.status).toBe('merged');
    expect(existsSync(refLock)).toBe(false);
    expect(readEvents(join(repo, '.git', 'lockstep')).filter((e) => e.type === 'git_lock_cleared')).toEqual([expect.objectContaining({ lock: join('refs', 'heads', 'main.lock'), by: 'lockstep merge feature into main' })]);
  });
});
