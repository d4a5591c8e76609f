/** Agent worktrees: one locked sequence to create, refusals on remove, prune after dead agents, hooks inside. */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addAgentWorktree, listAgentWorktrees, pruneWorktrees, removeAgentWorktree } from '../../src/worktree/worktree.js';
import { heartbeat } from '../../src/queue/agents.js';
import { LockstepError } from '../../src/core/errors.js';
import { cleanupTemp, git, runCli, tempDir, tempRepo, waitExit } from '../helpers.js';

afterAll(cleanupTemp);

async function errOf(p: Promise<unknown>): Promise<LockstepError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof LockstepError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

function commitIn(dir: string, file: string, content: string): string {
  writeFileSync(join(dir, file), content);
  git(dir, 'add', file);
  git(dir, 'commit', '-q', '-m', `add ${file}`);
  return git(dir, 'rev-parse', 'HEAD');
}

describe('worktree add', () => {
  test('creates branch, locked worktree, copies and manifest in one sequence; hooks run inside', async () => {
    const repo = tempRepo();
    writeFileSync(join(repo, '.gitignore'), '.env\nconf/\n');
    git(repo, 'add', '.gitignore');
    git(repo, 'commit', '-q', '-m', 'ignore');
    writeFileSync(join(repo, '.env'), 'TOKEN=1\n');
    mkdirSync(join(repo, 'conf', 'deep'), { recursive: true });
    writeFileSync(join(repo, 'conf', 'deep', 'x.json'), '{}\n');
    const hook = join(repo, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, `#!/bin/sh\necho "$(pwd)" >> "${join(repo, '.git', 'hook-ran')}"\n`);
    chmodSync(hook, 0o755);

    const wt = await addAgentWorktree({ cwd: repo, agent: 'a1', copy: ['.env', 'conf/'] });
    expect(wt.path).toBe(join(repo, '.git', 'lockstep', 'worktrees', 'a1'));
    expect(wt.branch).toBe('lockstep/a1');
    expect(wt.base).toBe('main');
    expect(wt.baseCommit).toBe(git(repo, 'rev-parse', 'main'));
    expect(wt.copies).toEqual(['.env', 'conf']);
    expect(wt.hooks.shared).toBe(true);
    expect(readFileSync(join(wt.path, '.env'), 'utf8')).toBe('TOKEN=1\n');
    expect(existsSync(join(wt.path, 'conf', 'deep', 'x.json'))).toBe(true);
    const list = git(repo, 'worktree', 'list', '--porcelain');
    expect(list).toContain(`worktree ${wt.path}`);
    expect(list).toMatch(/locked lockstep agent a1 \(pid \d+, base main\)/);
    expect(git(wt.path, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('lockstep/a1');
    // The user's checkout does not see the worktree.
    expect(git(repo, 'status', '--porcelain')).toBe('');

    commitIn(wt.path, 'work.txt', 'w\n');
    expect(readFileSync(join(repo, '.git', 'hook-ran'), 'utf8').trim()).toBe(wt.path);

    const views = await listAgentWorktrees({ cwd: repo });
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ agent: 'a1', exists: true, active: false });
    expect(views[0]!.locked).toContain('lockstep agent a1');
  });

  test('refusals: an existing worktree, bad names, bad copies, unknown base (nothing is created)', async () => {
    const repo = tempRepo();
    await addAgentWorktree({ cwd: repo, agent: 'a1' });
    expect((await errOf(addAgentWorktree({ cwd: repo, agent: 'a1' }))).code).toBe('CONFLICT');
    expect((await errOf(addAgentWorktree({ cwd: repo, agent: '../x' }))).code).toBe('BAD_NAME');
    expect((await errOf(addAgentWorktree({ cwd: repo, agent: 'a2', base: 'nope' }))).code).toBe('NOT_FOUND');
    const outside = tempDir();
    writeFileSync(join(outside, 'secret'), 's');
    for (const copy of ['../x', '/etc/passwd', '.git/config', 'missing.txt', '.']) {
      expect((await errOf(addAgentWorktree({ cwd: repo, agent: 'a2', copy: [copy] }))).code).toBe('BAD_INPUT');
    }
    // A symlink that leads out of the checkout is refused too.
    symlinkSync(join(outside, 'secret'), join(repo, 'link'));
    expect((await errOf(addAgentWorktree({ cwd: repo, agent: 'a2', copy: ['link'] }))).message).toContain('outside the checkout');
    expect(existsSync(join(repo, '.git', 'lockstep', 'worktrees', 'a2'))).toBe(false);
    expect(git(repo, 'branch', '--list', 'lockstep/a2')).toBe('');
    // CLI: exit codes.
    expect(runCli(['worktree', 'add', 'a1'], { cwd: repo }).code).toBe(1);
    const bad = runCli(['worktree', 'add', 'a3', '--copy', '../x'], { cwd: repo });
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('worktree remove', () => {
  test('refuses unmerged commits, uncommitted changes and a live lease; --force keeps the unmerged branch', async () => {
    const repo = tempRepo();
    const wt = await addAgentWorktree({ cwd: repo, agent: 'a1' });
    const work = commitIn(wt.path, 'feature.txt', 'f\n');

    const unmerged = runCli(['worktree', 'remove', 'a1'], { cwd: repo });
    expect(unmerged.code).toBe(1);
    expect(unmerged.stderr).toContain('1 commit(s) on lockstep/a1 are not merged into main');
    expect(unmerged.stderr).toContain('lockstep merge lockstep/a1');
    expect(existsSync(wt.path)).toBe(true);

    // Merged: the commits are safe, but an uncommitted change is not.
    git(repo, 'merge', '-q', '--no-ff', '-m', 'merge', 'lockstep/a1');
    writeFileSync(join(wt.path, 'draft.txt'), 'unsaved\n');
    const dirty = await errOf(removeAgentWorktree({ cwd: repo, agent: 'a1' }));
    expect(dirty.code).toBe('CONFLICT');
    expect(dirty.message).toContain('draft.txt');

    // A live agent: its heartbeat names a running process.
    const live = spawn('sleep', ['60'], { stdio: 'ignore' });
    heartbeat({ cwd: repo, agent: 'a1', ownerPid: live.pid, leaseMs: 60_000 });
    const active = await errOf(removeAgentWorktree({ cwd: repo, agent: 'a1' }));
    expect(active.message).toMatch(/its process \d+ is running/);
    live.kill('SIGKILL');
    await waitExit(live);

    expect(git(repo, 'worktree', 'list')).toContain(wt.path); // so the check after the removal can fail
    const forced = await removeAgentWorktree({ cwd: repo, agent: 'a1', force: true });
    expect(forced.discarded).toEqual(['draft.txt']);
    expect(forced.branchDeleted).toBe(true); // everything on it was merged
    expect(existsSync(wt.path)).toBe(false);
    // By path: a bare 'a1' also matches commit ids in the listing (9c43ca1), which made this flaky.
    expect(git(repo, 'worktree', 'list')).not.toContain(wt.path);

    // Unmerged work survives a forced removal on its branch.
    const wt2 = await addAgentWorktree({ cwd: repo, agent: 'a2' });
    const tip = commitIn(wt2.path, 'more.txt', 'm\n');
    const r = await removeAgentWorktree({ cwd: repo, agent: 'a2', force: true });
    expect(r).toMatchObject({ branchDeleted: false, unmergedCommits: 1 });
    expect(git(repo, 'rev-parse', 'lockstep/a2')).toBe(tip);
    expect(work).not.toBe(tip);
  });

  test('a merged, clean worktree is removed and its branch deleted', async () => {
    const repo = tempRepo();
    const wt = await addAgentWorktree({ cwd: repo, agent: 'a1' });
    commitIn(wt.path, 'x.txt', 'x\n');
    git(repo, 'merge', '-q', '--no-ff', '-m', 'merge', 'lockstep/a1');
    const r = runCli(['worktree', 'remove', 'a1', '--json'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, branchDeleted: true, unmergedCommits: 0 });
    expect(git(repo, 'branch', '--list', 'lockstep/a1')).toBe('');
    expect(runCli(['worktree', 'remove', 'a1'], { cwd: repo }).code).toBe(2); // no such worktree
  });
});

describe('worktree prune', () => {
  test('removes worktrees of dead agents and half-built ones; keeps live and dirty ones', async () => {
    const repo = tempRepo();
    const liveOwner = spawn('sleep', ['60'], { stdio: 'ignore' });
    const deadOwner = spawn('sleep', ['60'], { stdio: 'ignore' });
    await Promise.all([liveOwner, deadOwner].map((p) => new Promise((r) => p.once('spawn', r))));
    await addAgentWorktree({ cwd: repo, agent: 'live', ownerPid: liveOwner.pid });
    const dead = await addAgentWorktree({ cwd: repo, agent: 'dead', ownerPid: deadOwner.pid });
    const dirty = await addAgentWorktree({ cwd: repo, agent: 'dirty', ownerPid: deadOwner.pid });
    const tip = commitIn(dead.path, 'unmerged.txt', 'u\n');
    writeFileSync(join(dirty.path, 'wip.txt'), 'wip\n');
    deadOwner.kill('SIGKILL');
    await waitExit(deadOwner);
    // A creator that died half way: registered with git, no manifest.
    const half = join(repo, '.git', 'lockstep', 'worktrees', 'half');
    git(repo, 'worktree', 'add', '-q', '--detach', half);

    const dry = await pruneWorktrees({ cwd: repo, dryRun: true });
    expect(dry.removed.map((x) => x.agent)).toEqual(['dead']);
    expect(existsSync(dead.path)).toBe(true);

    const r = await pruneWorktrees({ cwd: repo });
    expect(r.removed.map((x) => x.agent)).toEqual(['dead']);
    expect(r.removed[0]).toMatchObject({ branchDeleted: false, unmergedCommits: 1 });
    expect(git(repo, 'rev-parse', 'lockstep/dead')).toBe(tip);
    expect(r.halfBuilt).toEqual([half]);
    expect(r.kept.map((k) => k.agent).sort()).toEqual(['dirty', 'live']);
    expect(r.kept.find((k) => k.agent === 'dirty')!.reason).toContain('uncommitted');
    expect(existsSync(half)).toBe(false);

    const forced = await pruneWorktrees({ cwd: repo, force: true });
    expect(forced.removed.map((x) => x.agent)).toEqual(['dirty']);
    liveOwner.kill('SIGKILL');
    await waitExit(liveOwner);
    expect((await pruneWorktrees({ cwd: repo })).removed.map((x) => x.agent)).toEqual(['live']);
    expect(await listAgentWorktrees({ cwd: repo })).toEqual([]);
  });
});
