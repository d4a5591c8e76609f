/** `lockstep status`: one view of locks, waiters, tasks, queues, agents, the merge queue and violations. */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { acquireLock, releaseLock } from '../../src/core/lock.js';
import { collectStatus } from '../../src/status/status.js';
import { renderStatus } from '../../src/status/render.js';
import { addItem, claimNext, completeItem } from '../../src/queue/queue.js';
import { heartbeat } from '../../src/queue/agents.js';
import { startTask } from '../../src/tasks/tasks.js';
import { mergeBranch } from '../../src/merge/merge.js';
import { addAgentWorktree } from '../../src/worktree/worktree.js';
import { REPO_LOCK } from '../../src/worktree/repo-lock.js';
import { CLI, cleanupTemp, git, runCli, tempRepo, waitExit } from '../helpers.js';

afterAll(cleanupTemp);

describe('status', () => {
  test('collects every part from a live repository', async () => {
    const repo = tempRepo();
    startTask({ cwd: repo, id: 't1', scope: ['specs/t1/**'], agent: 'a1' });
    for (const id of ['q1', 'q2', 'q3']) addItem({ cwd: repo, id });
    const c = claimNext({ cwd: repo, agent: 'a1', leaseMs: 60_000 });
    expect(c.claimed).toBe(true);
    claimNext({ cwd: repo, agent: 'a2' });
    completeItem({ cwd: repo, id: 'q2', agent: 'a2' });
    expect(() => completeItem({ cwd: repo, id: 'q1', agent: 'intruder' })).toThrow(/refused/); // a violation on record
    heartbeat({ cwd: repo, agent: 'a1', leaseMs: 30_000, state: 'running', item: 'q1', generation: 1, queue: 'default' });
    const wt = await addAgentWorktree({ cwd: repo, agent: 'a1' });
    writeFileSync(join(wt.path, 'w.txt'), 'w\n');
    git(wt.path, 'add', 'w.txt');
    git(wt.path, 'commit', '-q', '-m', 'w');

    // The repository lock is held; a merge queues up behind it, and a commit-lock waiter too.
    const holder = await acquireLock({ cwd: repo, name: REPO_LOCK, task: 'maintenance', reentrant: false });
    const merge = mergeBranch({ cwd: repo, branch: 'lockstep/a1', agent: 'a1' });
    const commitHolder = await acquireLock({ cwd: repo, name: 'commit', task: 't1', reentrant: false });
    const waiter = acquireLock({ cwd: repo, name: 'commit', task: 't2', reentrant: false });
    // Until both have queued up (their git calls take a moment on a busy machine).
    let s = collectStatus({ cwd: repo });
    while (s.merges.waiting.length === 0 || s.locks.some((l) => l.waiters === 0)) {
      await sleep(50);
      s = collectStatus({ cwd: repo });
    }

    const repoLock = s.locks.find((l) => l.name === 'repo')!;
    expect(repoLock).toMatchObject({ state: 'held', waiters: 1 });
    expect(repoLock.holder!.task).toBe('maintenance');
    expect(s.locks.find((l) => l.name === 'commit')).toMatchObject({ state: 'held', waiters: 1 });
    expect(s.tasks).toEqual([expect.objectContaining({ id: 't1', scope: ['specs/t1/**'], agent: 'a1' })]);
    expect(s.queues).toEqual([expect.objectContaining({ name: 'default', pending: 1, claimed: 1, done: 1, failed: 0 })]);
    expect(s.queues[0]!.claims).toEqual([expect.objectContaining({ id: 'q1', generation: 1, agent: 'a1', ownerAlive: true })]);
    expect(s.agents).toEqual([expect.objectContaining({ agent: 'a1', state: 'running', item: 'q1', alive: true, pid: process.pid })]);
    expect(s.agents[0]!.leaseLeftMs).toBeGreaterThan(0);
    expect(s.worktrees).toEqual([expect.objectContaining({ agent: 'a1', branch: 'lockstep/a1', base: 'main' })]);
    expect(s.merges.active).toBeNull();
    expect(s.merges.waiting).toEqual([expect.objectContaining({ branch: 'lockstep/a1', into: 'main', agent: 'a1' })]);
    expect(s.violations.map((v) => v.type)).toContain('queue_refused');

    const text = renderStatus(s);
    for (const want of ['repo: held by task maintenance', '1 waiting', 't1: specs/t1/**', 'default: 1 pending · 1 claimed · 1 done · 0 failed', 'q1 (claim 1): agent a1', 'a1: running q1 (claim 1)', '1. lockstep/a1 → main', 'queue_refused']) {
      expect(text).toContain(want);
    }

    releaseLock(holder);
    expect((await merge).status).toBe('merged');
    releaseLock(commitHolder);
    releaseLock(await waiter);
    const after = collectStatus({ cwd: repo });
    expect(after.merges.waiting).toEqual([]);
    expect(after.merges.recent[0]).toMatchObject({ branch: 'lockstep/a1', into: 'main', status: 'merged' });
  });

  test("git's lock files: listed only when there are any, a stale one with the command that clears it", () => {
    const repo = tempRepo();
    expect(collectStatus({ cwd: repo }).gitLocks).toEqual([]);
    expect(renderStatus(collectStatus({ cwd: repo }))).not.toContain('Git lock files');
    // As a git killed while it held the index's lock leaves it: no process has it, no git is running here.
    writeFileSync(join(repo, '.git', 'index.lock'), '');
    const s = collectStatus({ cwd: repo });
    expect(s.gitLocks).toEqual([expect.objectContaining({ name: 'index.lock', state: 'stale' })]);
    expect(renderStatus(s)).toMatch(/Git lock files \(1\)\n {2}index\.lock: STALE for [\d.]+ s, left by a git that is gone: lockstep git-locks --clear/);
  });

  test('a commit the hooks blocked is a violation on record: status shows the task, the paths and why, in --json and text', () => {
    const repo = tempRepo();
    expect(runCli(['init'], { cwd: repo }).code).toBe(0);
    expect(runCli(['task', 'start', 'A', '--scope', 'a/**'], { cwd: repo }).code).toBe(0);
    expect(runCli(['task', 'start', 'B', '--scope', 'b/**'], { cwd: repo }).code).toBe(0);
    expect(JSON.parse(runCli(['status', '--json'], { cwd: repo }).stdout).violations).toEqual([]);
    mkdirSync(join(repo, 'a'));
    mkdirSync(join(repo, 'b'));
    mkdirSync(join(repo, 'c'));
    writeFileSync(join(repo, 'a', 'mine.txt'), 'a\n');
    writeFileSync(join(repo, 'b', 'theirs.txt'), 'b\n');
    writeFileSync(join(repo, 'c', 'odd\x1b[2Jname.txt'), 'c\n'); // a control character in a path must not reach the terminal raw
    writeFileSync(join(repo, 'lockstep.config.json'), JSON.stringify({ foreignChanges: 'block' })); // the default keeps them out instead: next test
    git(repo, 'add', 'a', 'b', 'c');
    const head = git(repo, 'rev-parse', 'HEAD');
    const blocked = spawnSync('git', ['commit', '-q', '-m', 'A sweeps'], { cwd: repo, encoding: 'utf8', env: { ...process.env, LOCKSTEP_TASK: 'A', LOCKSTEP_AGENT: 'agent-7' } });
    expect(blocked.status).not.toBe(0);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);

    const j = runCli(['status', '--json'], { cwd: repo });
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout).violations).toEqual([
      expect.objectContaining({
        type: 'violation',
        kind: 'commit_blocked',
        task: 'A',
        agent: 'agent-7',
        paths: ['b/theirs.txt', 'c/odd\x1b[2Jname.txt'],
        reasons: ['b/theirs.txt belongs to active task B', `${JSON.stringify('c/odd\x1b[2Jname.txt')} outside task A's scope`],
      }),
    ]);
    const t = runCli(['status'], { cwd: repo });
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/Recent violations \(1\)\n {2}\S+ commit blocked \(task A, agent agent-7\): b\/theirs\.txt belongs to active task B; "c\/odd\\u001b\[2Jname\.txt" outside task A's scope\n/);
    expect(t.stdout).not.toContain('\x1b');
  });

  test('a commit the hooks kept another task\'s file out of (the default) is a violation on record too', () => {
    const repo = tempRepo();
    expect(runCli(['init'], { cwd: repo }).code).toBe(0);
    expect(runCli(['task', 'start', 'A', '--scope', 'a/**'], { cwd: repo }).code).toBe(0);
    expect(runCli(['task', 'start', 'B', '--scope', 'b/**'], { cwd: repo }).code).toBe(0);
    mkdirSync(join(repo, 'a'));
    mkdirSync(join(repo, 'b'));
    writeFileSync(join(repo, 'a', 'mine.txt'), 'a\n');
    writeFileSync(join(repo, 'b', 'theirs.txt'), 'b\n');
    git(repo, 'add', 'a', 'b');
    const r = spawnSync('git', ['commit', '-q', '-m', 'A sweeps'], { cwd: repo, encoding: 'utf8', env: { ...process.env, LOCKSTEP_TASK: 'A', LOCKSTEP_AGENT: 'agent-7' } });
    expect(r.status).toBe(0);
    expect(git(repo, 'show', '--name-only', '--format=', 'HEAD')).toBe('a/mine.txt');
    const v = JSON.parse(runCli(['status', '--json'], { cwd: repo }).stdout).violations;
    expect(v).toEqual([expect.objectContaining({ type: 'violation', kind: 'foreign_kept_out', task: 'A', agent: 'agent-7', paths: ['b/theirs.txt'] })]);
    expect(runCli(['status'], { cwd: repo }).stdout).toMatch(/Recent violations \(1\)\n.*foreign_kept_out|Recent violations \(1\)\n.*kept out/);
  });

  test('CLI: --json, text, and --watch (one snapshot after another when not a terminal)', async () => {
    const repo = tempRepo();
    addItem({ cwd: repo, id: 'x' });
    const j = runCli(['status', '--json'], { cwd: repo });
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout).queues[0]).toMatchObject({ name: 'default', pending: 1 });
    const t = runCli(['status'], { cwd: repo });
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('Merge queue (0)');
    const w = spawn(process.execPath, [CLI, 'status', '--watch', '--interval', '0.2'], { cwd: repo });
    let out = '';
    w.stdout.on('data', (d) => (out += d));
    while ((out.match(/^lockstep status/gm) ?? []).length < 2) await sleep(50);
    w.kill('SIGINT');
    expect(await waitExit(w)).toBe(0);
    expect(out).not.toContain('\x1b['); // no terminal codes into a pipe
    expect(runCli(['status'], { cwd: join(repo, '..') }).code).toBe(4);
  });
});
