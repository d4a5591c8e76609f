/** The queue library in one process: order, payloads, leases, reclaim rules, generations, crash recovery. */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, linkSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addItem, claimNext, completeItem, currentClaim, failItem, listItems, queueCounts, reclaim, type ClaimResult } from '../../src/queue/queue.js';
import { heartbeat } from '../../src/queue/agents.js';
import { LockstepError } from '../../src/core/errors.js';
import { cleanupTemp, runCli, tempDir, tempRepo, waitExit } from '../helpers.js';

afterAll(cleanupTemp);

function qdir(repo: string, name = 'default'): string {
  return join(repo, '.git', 'lockstep', 'queue', name);
}

function claimed(r: ClaimResult): Extract<ClaimResult, { claimed: true }> {
  if (!r.claimed) throw new Error('expected a claim');
  return r;
}

function errCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof LockstepError) return e.code;
    throw e;
  }
  return 'OK';
}

/** A live process to own claims; kill it to make the owner "gone". */
async function owner(): Promise<ChildProcess> {
  const p = spawn('sleep', ['60'], { stdio: 'ignore' });
  await new Promise((r) => p.once('spawn', r));
  return p;
}

async function kill(p: ChildProcess): Promise<void> {
  p.kill('SIGKILL');
  await waitExit(p);
}

describe('order and payloads', () => {
  test('highest priority first, first added first among equals; nothing left = not claimed', () => {
    const repo = tempRepo();
    addItem({ cwd: repo, id: 'a' });
    addItem({ cwd: repo, id: 'b', priority: 5 });
    addItem({ cwd: repo, id: 'c' });
    addItem({ cwd: repo, id: 'd', priority: 5 });
    addItem({ cwd: repo, id: 'e', priority: -3 });
    const order: string[] = [];
    for (;;) {
      const r = claimNext({ cwd: repo, agent: 'x' });
      if (!r.claimed) break;
      order.push(r.item.id);
      expect(r.generation).toBe(1);
    }
    expect(order).toEqual(['b', 'd', 'a', 'c', 'e']);
    expect(queueCounts({ cwd: repo })).toMatchObject({ pending: 0, claimed: 5 });
  });

  test('a new higher-priority item is seen by the next claim of the same process', () => {
    const repo = tempRepo();
    for (const id of ['a', 'b', 'c']) addItem({ cwd: repo, id });
    expect(claimed(claimNext({ cwd: repo, agent: 'x' })).item.id).toBe('a');
    addItem({ cwd: repo, id: 'urgent', priority: 10 });
    expect(claimed(claimNext({ cwd: repo, agent: 'x' })).item.id).toBe('urgent');
    expect(claimed(claimNext({ cwd: repo, agent: 'x' })).item.id).toBe('b');
  });

  test('the payload is copied into the queue and survives the original', () => {
    const repo = tempRepo();
    const src = join(tempDir(), 'task.md');
    writeFileSync(src, 'do the thing\n');
    addItem({ cwd: repo, id: 'p1', payloadFile: src });
    unlinkSync(src);
    const r = claimed(claimNext({ cwd: repo, agent: 'x' }));
    expect(r.item.payload).toBe(join(qdir(repo), 'payloads', 'p1'));
    expect(readFileSync(r.item.payload!, 'utf8')).toBe('do the thing\n');
  });

  test('names and numbers from outside are validated before touching anything', () => {
    const repo = tempRepo();
    expect(errCode(() => addItem({ cwd: repo, id: '../x' }))).toBe('BAD_NAME');
    expect(errCode(() => addItem({ cwd: repo, id: 'x', queue: '../q' }))).toBe('BAD_NAME');
    expect(errCode(() => addItem({ cwd: repo, id: 'x', priority: 1.5 }))).toBe('BAD_INPUT');
    expect(errCode(() => claimNext({ cwd: repo, agent: 'a.b' }))).toBe('BAD_NAME');
    expect(errCode(() => claimNext({ cwd: repo, agent: 'a', leaseMs: 0 }))).toBe('BAD_INPUT');
    expect(existsSync(join(repo, '.git', 'lockstep', 'queue'))).toBe(false);
  });
});

describe('completion and generations', () => {
  test('done and fail are refused for a claim that is not (or no longer) yours', () => {
    const repo = tempRepo();
    addItem({ cwd: repo, id: 'j' });
    const r = claimed(claimNext({ cwd: repo, agent: 'alice' }));
    expect(errCode(() => completeItem({ cwd: repo, id: 'j', agent: 'bob' }))).toBe('CONFLICT');
    expect(errCode(() => completeItem({ cwd: repo, id: 'j', agent: 'alice', generation: 2 }))).toBe('CONFLICT');
    expect(errCode(() => completeItem({ cwd: repo, id: 'nope', agent: 'alice' }))).toBe('NOT_FOUND');
    expect(completeItem({ cwd: repo, id: 'j', agent: 'alice', generation: r.generation })).toMatchObject({ outcome: 'done', generation: 1 });
    expect(errCode(() => completeItem({ cwd: repo, id: 'j', agent: 'alice', generation: 1 }))).toBe('CONFLICT');
    expect(errCode(() => failItem({ cwd: repo, id: 'j', agent: 'alice' }))).toBe('CONFLICT');
    expect(listItems({ cwd: repo })[0]).toMatchObject({ id: 'j', state: 'done', generation: 1, attempts: 0, agent: 'alice' });
  });

  test('fail --retry puts the item back with the next generation until the attempts are used up', () => {
    const repo = tempRepo();
    addItem({ cwd: repo, id: 'f' });
    for (let g = 1; g <= 2; g++) {
      const r = claimed(claimNext({ cwd: repo, agent: 'a' }));
      expect(r.generation).toBe(g);
      expect(failItem({ cwd: repo, id: 'f', agent: 'a', retry: true, reason: `boom ${g}`, maxAttempts: 3 }).next).toBe('pending');
      expect(listItems({ cwd: repo })[0]).toMatchObject({ state: 'pending', generation: g + 1, attempts: g, lastReason: `boom ${g}` });
    }
    claimed(claimNext({ cwd: repo, agent: 'a' }));
    const last = failItem({ cwd: repo, id: 'f', agent: 'a', retry: true, reason: 'boom 3', maxAttempts: 3 });
    expect(last).toMatchObject({ outcome: 'failed', next: 'failed', generation: 3 });
    const v = listItems({ cwd: repo })[0]!;
    expect(v).toMatchObject({ state: 'failed', attempts: 3 });
    expect(v.lastReason).toContain('no attempts left');
    expect(claimNext({ cwd: repo, agent: 'a' }).claimed).toBe(false);
    expect(queueCounts({ cwd: repo })).toMatchObject({ pending: 0, claimed: 0, done: 0, failed: 1 });
  });

  test('a leftover pending entry of an ended generation is never claimed again', () => {
    const repo = tempRepo();
    addItem({ cwd: repo, id: 'z' });
    const name = readdirSync(join(qdir(repo), 'pending'))[0]!;
    claimed(claimNext({ cwd: repo, agent: 'a' }));
    completeItem({ cwd: repo, id: 'z', agent: 'a' });
    // As if a claimer crashed between its link and the unlink of the pending entry, and the claim file was cleaned up since.
    writeFileSync(join(qdir(repo), 'pending', name), '');
    expect(claimNext({ cwd: repo, agent: 'b' }).claimed).toBe(false);
    expect(readdirSync(join(qdir(repo), 'pending'))).toEqual([]);
    expect(readdirSync(join(qdir(repo), 'claimed')).filter((n) => !n.startsWith('.'))).toEqual([]);
  });

  test('a transition a crashed process left half done is finished by reclaim', () => {
    const repo = tempRepo();
    addItem({ cwd: repo, id: 'h' });
    const r = claimed(claimNext({ cwd: repo, agent: 'a' }));
    // The resolution was linked (the deciding step), then the process died before moving the item on.
    const res = { v: 1, id: 'h', generation: 1, outcome: 'done', next: 'done', agent: 'a', by: { pid: 1, host: 'x' }, at: new Date().toISOString(), atMs: Date.now(), reason: null };
    writeFileSync(join(qdir(repo), 'resolved', 'h@1'), JSON.stringify(res));
    expect(currentClaim({ cwd: repo, id: 'h' })).toBeNull();
    expect(errCode(() => completeItem({ cwd: repo, id: 'h', agent: 'a', generation: r.generation }))).toBe('CONFLICT');
    const out = reclaim({ cwd: repo });
    expect(out.finished).toBe(1);
    expect(listItems({ cwd: repo })[0]).toMatchObject({ state: 'done' });
    expect(readdirSync(join(qdir(repo), 'claimed')).filter((n) => !n.startsWith('.'))).toEqual([]);
  });
});

describe('crash recovery of add', () => {
  test('an item whose add died before queueing it is queued by reclaim after a minute', () => {
    const repo = tempRepo();
    addItem({ cwd: repo, id: 'o' });
    const pend = join(qdir(repo), 'pending');
    for (const n of readdirSync(pend)) unlinkSync(join(pend, n)); // as if add died right after writing the item
    expect(claimNext({ cwd: repo, agent: 'a' }).claimed).toBe(false);
    expect(reclaim({ cwd: repo }).repaired).toEqual([]); // an add in progress looks the same for a moment
    expect(reclaim({ cwd: repo, now: Date.now() + 61_000 }).repaired).toEqual(['o']);
    expect(claimed(claimNext({ cwd: repo, agent: 'a' })).item.id).toBe('o');
  });
});

describe('a claimer that dies between winning and writing its record', () => {
  test('the empty claim holds for a grace period, then is reclaimed', () => {
    const repo = tempRepo();
    addItem({ cwd: repo, id: 'e' });
    const name = readdirSync(join(qdir(repo), 'pending'))[0]!;
    // The winning link, and nothing after it.
    linkSync(join(qdir(repo), 'pending', name), join(qdir(repo), 'claimed', 'e@1'));
    unlinkSync(join(qdir(repo), 'pending', name));
    expect(claimNext({ cwd: repo, agent: 'a' }).claimed).toBe(false);
    expect(reclaim({ cwd: repo })).toMatchObject({ reclaimed: [], held: 1 });
    const r = reclaim({ cwd: repo, now: Date.now() + 6_000 });
    expect(r.reclaimed).toHaveLength(1);
    expect(r.reclaimed[0]!.reason).toContain('stopped before writing its claim record');
    expect(claimed(claimNext({ cwd: repo, agent: 'a' })).generation).toBe(2);
  });
});

describe('leases and reclaim', () => {
  test('reclaim needs both: the lease ran out AND the owner is gone', async () => {
    const repo = tempRepo();
    addItem({ cwd: repo, id: 'r1' });
    addItem({ cwd: repo, id: 'r2' });
    // Owner alive, lease long over: a slow live agent keeps its item.
    claimed(claimNext({ cwd: repo, agent: 'live', leaseMs: 1 }));
    // Owner gone, lease still running: kept until the lease runs out.
    const o = await owner();
    claimed(claimNext({ cwd: repo, agent: 'dead', leaseMs: 60_000, ownerPid: o.pid }));
    await kill(o);
    expect(reclaim({ cwd: repo })).toMatchObject({ reclaimed: [], held: 2 });
    const later = reclaim({ cwd: repo, now: Date.now() + 61_000 });
    expect(later.reclaimed).toHaveLength(1);
    expect(later.reclaimed[0]).toMatchObject({ id: 'r2', agent: 'dead', generation: 1, next: 'pending' });
    expect(later.reclaimed[0]!.reason).toMatch(/lease ran out .* and pid \d+ is not running/);
    expect(listItems({ cwd: repo, state: 'pending' })[0]).toMatchObject({ id: 'r2', generation: 2, attempts: 1 });
    expect(claimed(claimNext({ cwd: repo, agent: 'b' })).generation).toBe(2);
  });

  test("heartbeats of the claim's own process extend its lease; another process's do not", async () => {
    const repo = tempRepo();
    addItem({ cwd: repo, id: 'h1' });
    addItem({ cwd: repo, id: 'h2' });
    const o1 = await owner();
    const o2 = await owner();
    claimed(claimNext({ cwd: repo, agent: 'a1', leaseMs: 1000, ownerPid: o1.pid }));
    claimed(claimNext({ cwd: repo, agent: 'a2', leaseMs: 1000, ownerPid: o2.pid }));
    heartbeat({ cwd: repo, agent: 'a1', leaseMs: 30_000, ownerPid: o1.pid });
    heartbeat({ cwd: repo, agent: 'a2', leaseMs: 30_000, ownerPid: process.pid }); // not the claim's owner
    await kill(o1);
    await kill(o2);
    const r = reclaim({ cwd: repo, now: Date.now() + 5000 });
    expect(r.reclaimed.map((x) => x.id)).toEqual(['h2']);
    expect(reclaim({ cwd: repo, now: Date.now() + 31_000 }).reclaimed.map((x) => x.id)).toEqual(['h1']);
  });

  test('abandoned too often: the item fails with the reason', async () => {
    const repo = tempRepo();
    addItem({ cwd: repo, id: 'm' });
    for (let g = 1; g <= 2; g++) {
      const o = await owner();
      claimed(claimNext({ cwd: repo, agent: `a${g}`, leaseMs: 10, ownerPid: o.pid }));
      await kill(o);
      const r = reclaim({ cwd: repo, maxAttempts: 2, now: Date.now() + 1000 });
      expect(r.reclaimed[0]).toMatchObject({ id: 'm', generation: g, next: g < 2 ? 'pending' : 'failed' });
    }
    const v = listItems({ cwd: repo })[0]!;
    expect(v.state).toBe('failed');
    expect(v.lastReason).toMatch(/abandoned by agent a2: .* 2 of 2 attempts used/);
  });

  test('a claim from another host is judged by its lease alone', async () => {
    const repo = tempRepo();
    addItem({ cwd: repo, id: 'remote' });
    // Claimed "on another host" by a process whose pid happens to be alive here (this test process).
    // (A lease of 30 s: still running when the next line looks, however slow the machine.)
    const c = runCli(['queue', 'claim', '--agent', 'far', '--lease', '30', '--owner-pid', String(process.pid), '--json'], { cwd: repo, env: { LOCKSTEP_HOST_ID: 'other-host' } });
    expect(c.code).toBe(0);
    expect(reclaim({ cwd: repo }).reclaimed).toEqual([]);
    const r = reclaim({ cwd: repo, now: Date.now() + 31_000 });
    expect(r.reclaimed).toHaveLength(1);
    expect(r.reclaimed[0]!.reason).toContain('other-host');
  });
});
