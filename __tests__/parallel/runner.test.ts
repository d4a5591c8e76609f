/** The runner with the mock agent: real worker processes, real worktrees, real merges, a worker killed midway. */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { planMockRun } from '../../src/parallel/mock-agent.js';
import { addItem, listItems, queueCounts } from '../../src/queue/queue.js';
import { readEvents } from '../../src/core/events.js';
import { CLI, cleanupTemp, git, runCli, tempDir, tempRepo, waitExit } from '../helpers.js';

afterAll(cleanupTemp);

const MOCK = [process.execPath, CLI, 'mock-agent'];

function startRunner(repo: string, args: string[]): { child: ChildProcess; out: () => string; err: () => string } {
  const child = spawn(process.execPath, [CLI, 'parallel', ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  return { child, out: () => out, err: () => err };
}

function agentRecords(repo: string): { agent: string; pid: number; state: string | null; item: string | null }[] {
  const dir = join(repo, '.git', 'lockstep', 'agents');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .map((n) => {
      try {
        return JSON.parse(readFileSync(join(dir, n), 'utf8'));
      } catch {
        return null;
      }
    })
    .filter(Boolean);
}

/** Item → number of merge commits on main's first-parent history that carry its trailer. */
function mergedItems(repo: string): Map<string, number> {
  const out = new Map<string, number>();
  const log = git(repo, 'log', '--first-parent', '--format=%(trailers:key=Lockstep-Item,valueonly)', 'main');
  for (const v of log.split('\n').map((l) => l.trim()).filter(Boolean)) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}

describe('mock agent', () => {
  test('with a seed its behaviour is a function of (seed, item, claim)', () => {
    const base = { agent: 'a', sleepMs: 100, jitterMs: 500, failRate: 0.3, crashRate: 0.2 };
    const plans = (seed: number) => Array.from({ length: 40 }, (_, i) => planMockRun({ ...base, item: `i${i}`, generation: 1, seed }));
    expect(plans(7)).toEqual(plans(7));
    expect(plans(7)).not.toEqual(plans(8));
    const outcomes = plans(7).map((p) => p.outcome);
    expect(new Set(outcomes)).toEqual(new Set(['ok', 'fail', 'crash']));
    // A retried item (next claim) gets fresh dice.
    const retries = Array.from({ length: 40 }, (_, i) => planMockRun({ ...base, item: `i${i}`, generation: 2, seed: 7 }));
    expect(retries).not.toEqual(plans(7));
    for (const p of plans(7)) expect(p.sleepMs).toBeGreaterThanOrEqual(100);
    expect(() => planMockRun({ ...base, item: 'x', generation: 1, failRate: 2 })).toThrow(/probability/);
  });

  test('the command writes its files, fails or crashes as told', async () => {
    const dir = tempDir();
    const ok = runCli(['mock-agent', '--sleep', '0', '--files', '2', '--item', 'it-1'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(readFileSync(join(dir, 'mock', 'it-1', '2.txt'), 'utf8')).toContain('item it-1');
    expect(runCli(['mock-agent', '--sleep', '0', '--fail-rate', '1'], { cwd: dir, env: { LOCKSTEP_ITEM: 'it-2' } }).code).toBe(1);
    const crash = spawn(process.execPath, [CLI, 'mock-agent', '--sleep', '0.1', '--crash-rate', '1', '--item', 'it-3'], { cwd: dir });
    await waitExit(crash);
    expect(crash.signalCode).toBe('SIGKILL');
    expect(existsSync(join(dir, 'mock', 'it-3', 'partial.txt'))).toBe(true);
    expect(runCli(['mock-agent', '--sleep', '0'], { cwd: dir, env: { LOCKSTEP_ITEM: '' } }).code).toBe(2);
  });
});

describe('lockstep parallel', () => {
  test('20 items, 3 agents, one worker killed midway: every item done exactly once, merged exactly once', async () => {
    const repo = tempRepo();
    for (let i = 1; i <= 20; i++) addItem({ cwd: repo, id: `item-${String(i).padStart(2, '0')}` });
    const run = startRunner(repo, ['--agents', '3', '--lease', '1', '--json', '--', ...MOCK, '--sleep', '0.3', '--jitter', '0.1', '--seed', '7']);
    // Wait until a few items are done and some worker is in the middle of one, then kill that worker.
    let victim: { agent: string; pid: number; item: string | null } | null = null;
    while (!victim) {
      await sleep(50);
      if (run.child.exitCode !== null) throw new Error(`the runner ended before the kill: ${run.err()}`);
      if (queueCounts({ cwd: repo }).done < 5) continue;
      victim = agentRecords(repo).find((a) => a.state === 'running' && a.item) ?? null;
    }
    process.kill(victim.pid, 'SIGKILL');
    const code = await waitExit(run.child);
    expect({ code, err: run.err() }).toMatchObject({ code: 0 });
    const summary = JSON.parse(run.out());
    expect(summary).toMatchObject({ done: 20, failed: 0, workersDied: 1, workersStarted: 4, interrupted: null, error: null });
    expect(summary.reclaimed).toBeGreaterThanOrEqual(1);
    expect(summary.left).toEqual({ pending: 0, claimed: 0, done: 20, failed: 0 });

    // Done exactly once each.
    const items = listItems({ cwd: repo });
    expect(items).toHaveLength(20);
    expect(items.every((v) => v.state === 'done')).toBe(true);
    const doneEvents = readEvents(join(repo, '.git', 'lockstep')).filter((e) => e.type === 'queue_done');
    expect(doneEvents).toHaveLength(20);
    expect(new Set(doneEvents.map((e) => e.item)).size).toBe(20);
    // The victim's item came back and was done under a later claim by another agent.
    const redone = items.find((v) => v.id === victim!.item)!;
    expect(redone.generation).toBeGreaterThan(1);
    expect(redone.agent).not.toBe(victim.agent);
    expect(readEvents(join(repo, '.git', 'lockstep')).some((e) => e.type === 'queue_reclaim' && e.item === victim!.item)).toBe(true);

    // Merged exactly once each, and the work is on main.
    const merged = mergedItems(repo);
    expect(merged.size).toBe(20);
    expect([...merged.values()].every((n) => n === 1)).toBe(true);
    for (const v of items) expect(git(repo, 'show', `main:mock/${v.id}/1.txt`)).toContain(`item ${v.id}`);
    // The user's checkout followed along; nothing is left behind.
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(git(repo, 'worktree', 'list').split('\n')).toHaveLength(1);
    expect(agentRecords(repo)).toEqual([]);
  });

  test('Ctrl-C drains: the items in hand are finished, the rest stay pending', async () => {
    const repo = tempRepo();
    for (let i = 1; i <= 6; i++) addItem({ cwd: repo, id: `d${i}` });
    const run = startRunner(repo, ['--agents', '2', '--json', '--', ...MOCK, '--sleep', '1']);
    while (agentRecords(repo).filter((a) => a.state === 'running').length < 2) {
      await sleep(50);
      if (run.child.exitCode !== null) throw new Error(`the runner ended early: ${run.err()}`);
    }
    run.child.kill('SIGINT');
    expect(await waitExit(run.child)).toBe(0);
    const s = JSON.parse(run.out());
    expect(s.interrupted).toBe('drained');
    expect(s.done).toBeGreaterThanOrEqual(2);
    expect(s.left.claimed).toBe(0);
    expect(s.left.pending).toBe(6 - s.done);
    expect(s.left.done).toBe(s.done);
    expect(mergedItems(repo).size).toBe(s.done);
    expect(git(repo, 'worktree', 'list').split('\n')).toHaveLength(1);
  });

  test('an agent pinning the CPU keeps its lease: the coordinator renews it, nothing is reclaimed', async () => {
    const repo = tempRepo();
    addItem({ cwd: repo, id: 'busy' });
    // The agent spins (a shell loop, all CPU) until the test has seen its
    // lease renewed six times (heartbeats at least 0.1 s apart: longer than the
    // 0.4 s lease), however long that takes on a busy machine.
    const stop = join(tempDir(), 'stop');
    const spin = ['sh', '-c', 'while [ ! -e "$0" ]; do :; done; echo busy > busy.txt', stop];
    const run = startRunner(repo, ['--agents', '1', '--lease', '0.4', '--json', '--', ...spin]);
    const renewals = new Set<number>();
    while (renewals.size < 6) {
      if (run.child.exitCode !== null) throw new Error(`the runner ended while the agent spun: ${run.err()}`);
      const rec = agentRecords(repo).find((a) => a.state === 'running') as { renewedAtMs?: number } | undefined;
      if (rec?.renewedAtMs) renewals.add(rec.renewedAtMs);
      await sleep(100);
    }
    writeFileSync(stop, '');
    expect(await waitExit(run.child)).toBe(0);
    // Renewed again and again while the agent burned CPU, past its own lease,
    // and the item was not taken from it (a live worker keeps it).
    expect(JSON.parse(run.out())).toMatchObject({ done: 1, reclaimed: 0, retried: 0, workersDied: 0 });
  });

  test('failing agents: retried up to --max-attempts, then failed with the reason (exit 1)', async () => {
    const repo = tempRepo();
    for (const id of ['f1', 'f2']) addItem({ cwd: repo, id });
    const r = runCli(['parallel', '--agents', '2', '--max-attempts', '2', '--json', '--', ...MOCK, '--sleep', '0', '--fail-rate', '1'], { cwd: repo });
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ done: 0, failed: 2, retried: 2 });
    for (const v of listItems({ cwd: repo })) {
      expect(v).toMatchObject({ state: 'failed', attempts: 2 });
      expect(v.lastReason).toContain('the command exited with 1');
    }
    // The failed commands' leftovers did not keep the worktrees around.
    expect(s.keptWorktrees).toEqual([]);
    expect(git(repo, 'worktree', 'list').split('\n')).toHaveLength(1);
    const bad = runCli(['parallel', '--agents', '0', '--', 'true'], { cwd: repo });
    expect(bad.code).toBe(2);
    expect(runCli(['parallel', '--agents', '2'], { cwd: repo }).code).toBe(2);
  });
});
