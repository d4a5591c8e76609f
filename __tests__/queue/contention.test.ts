/**
 * The queue under real contention: separate processes claiming with the
 * library, claimers killed mid-work, and a stale claimer whose completion
 * must be refused. Each protection has its control: the same workload with
 * check-then-create claims must show duplicates.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { addItem, completeItem, queueCounts, reclaim, listItems } from '../../src/queue/queue.js';
import { readEvents } from '../../src/core/events.js';
import { LockstepError } from '../../src/core/errors.js';
import { cleanupTemp, firstLine, runCli, startWorker, tempDir, tempRepo, waitExit } from '../helpers.js';

afterAll(cleanupTemp);

interface Line {
  kind: string;
  id: string;
  gen: number;
}

function readLines(file: string): Line[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [kind, id, gen] = l.split(' ');
      return { kind: kind!, id: id!, gen: Number(gen) };
    });
}

/** Starts workers, waits until each is ready, then lets them all go at once. */
async function startAll(n: number, args: (i: number) => string[], go: string): Promise<ChildProcess[]> {
  const kids = Array.from({ length: n }, (_, i) => startWorker('queue-worker.ts', args(i)));
  await Promise.all(kids.map((k) => firstLine(k)));
  writeFileSync(go, '');
  return kids;
}

function dupes(lines: Line[]): string[] {
  const seen = new Map<string, number>();
  for (const l of lines) seen.set(`${l.id}@${l.gen}`, (seen.get(`${l.id}@${l.gen}`) ?? 0) + 1);
  return [...seen].filter(([, c]) => c > 1).map(([k]) => k);
}

/** Resolves when the child prints `count` more lines matching `re` (from now on). */
function lineMatching(child: ChildProcess, re: RegExp, count = 1): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    let buf = '';
    let seen = 0;
    const check = () => {
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) if (re.test(l) && ++seen >= count) resolvePromise();
    };
    child.stdout!.on('data', (d) => {
      buf += d;
      check();
    });
    child.once('close', (code) => reject(new Error(`worker exited ${code} before printing ${re}`)));
  });
}

/** A process that lives until killed: an owner for claims we then make "die". */
function sleeper(): ChildProcess {
  return spawn('sleep', ['60'], { stdio: 'ignore' });
}

describe('claims under contention (real processes)', () => {
  test('10 processes claiming from 2,000 items: every item claimed exactly once, nothing lost; the naive control duplicates', async () => {
    const repo = tempRepo();
    const N = 2000;
    for (let i = 0; i < N; i++) addItem({ cwd: repo, id: `item-${String(i).padStart(4, '0')}`, priority: i % 3 });
    const dir = tempDir();
    const out = join(dir, 'claims.txt');
    const go = join(dir, 'go');
    // The control runs in the same processes afterwards: the same race with check-then-create claims.
    const naive = tempDir();
    mkdirSync(join(naive, 'pending'));
    mkdirSync(join(naive, 'claimed'));
    for (let i = 0; i < N; i++) writeFileSync(join(naive, 'pending', `item-${String(i).padStart(4, '0')}`), '');
    const nout = join(dir, 'naive.txt');
    const ngo = join(dir, 'ngo');
    const kids = await startAll(10, (i) => ['claim-all', repo, `a${i}`, out, go, naive, nout, ngo], go);
    // Each prints "claimed …" then "ready" again for the control round.
    await Promise.all(kids.map((k) => lineMatching(k, /^ready$/)));
    const lines = readLines(out);
    expect(dupes(lines)).toEqual([]);
    expect(lines).toHaveLength(N);
    expect(new Set(lines.map((l) => l.id)).size).toBe(N);
    expect(lines.every((l) => l.gen === 1)).toBe(true);
    expect(queueCounts({ cwd: repo })).toEqual({ queue: 'default', pending: 0, claimed: 0, done: N, failed: 0 });
    // It was a real race: several processes got items.
    const perAgent = new Set(readEvents(join(repo, '.git', 'lockstep')).filter((e) => e.type === 'queue_claim').map((e) => e.agent));
    expect(perAgent.size).toBeGreaterThan(3);

    // Control: check-then-create must produce duplicates here, or this test proves nothing.
    writeFileSync(ngo, '');
    expect(await Promise.all(kids.map(waitExit))).toEqual(Array(10).fill(0));
    const nlines = readLines(nout);
    expect(dupes(nlines).length).toBeGreaterThan(0);
    expect(nlines.length).toBeGreaterThan(N);
  });

  test('killed claimers: their items return to pending after the lease and are done exactly once; their late done is refused', async () => {
    const repo = tempRepo();
    const N = 120;
    for (let i = 0; i < N; i++) addItem({ cwd: repo, id: `w${i}` });
    const dir = tempDir();
    const go = join(dir, 'go');
    const outs = Array.from({ length: 6 }, (_, i) => join(dir, `out-${i}.txt`));
    const victims = [0, 2, 4];
    // The victims work slowly, so they are (almost always) in the middle of an item when killed.
    const kids = Array.from({ length: 6 }, (_, i) =>
      startWorker('queue-worker.ts', ['work', repo, `k${i}`, outs[i]!, go, '300', String(N)], { env: victims.includes(i) ? { WORK_MS: '150' } : {} }),
    );
    await Promise.all(kids.map((k) => firstLine(k)));
    writeFileSync(go, '');
    // Reclaim as a runner would, while killing three claimers at random moments mid-work.
    let reclaiming = true;
    const reclaimer = (async () => {
      while (reclaiming) {
        reclaim({ cwd: repo });
        await sleep(50);
      }
    })();
    for (const v of victims) {
      await sleep(50 + Math.random() * 100);
      kids[v]!.kill('SIGKILL');
    }
    const codes = await Promise.all(kids.map(waitExit));
    reclaiming = false;
    await reclaimer;
    expect(codes.filter((c) => c === 0)).toHaveLength(3);

    const all = outs.flatMap((f, i) => readLines(f).map((l) => ({ ...l, worker: i })));
    // Every item done exactly once, nothing lost. The record is the queue's own resolutions (one file per
    // claim generation): a victim may die after its done and before its output line or its audit log line.
    const resolved = join(repo, '.git', 'lockstep', 'queue', 'default', 'resolved');
    const dones = readdirSync(resolved)
      .filter((n) => n.includes('@'))
      .map((n) => JSON.parse(readFileSync(join(resolved, n), 'utf8')) as { id: string; generation: number; outcome: string })
      .filter((r) => r.outcome === 'done')
      .map((r) => ({ id: r.id, gen: r.generation }));
    expect(dones).toHaveLength(N);
    expect(new Set(dones.map((d) => d.id)).size).toBe(N);
    expect(queueCounts({ cwd: repo })).toMatchObject({ pending: 0, claimed: 0, done: N, failed: 0 });
    // No generation was ever held twice, or done twice.
    expect(dupes(all.filter((l) => l.kind === 'C'))).toEqual([]);
    expect(dupes(all.filter((l) => l.kind === 'D'))).toEqual([]);
    // The killed claimers held items they never finished: those came back and were done under a later claim.
    const orphaned = all.filter((l) => l.kind === 'C' && victims.includes(l.worker) && !dones.some((d) => d.id === l.id && d.gen === l.gen));
    expect(orphaned.length).toBeGreaterThan(0);
    const byId = new Map(listItems({ cwd: repo }).map((v) => [v.id, v]));
    for (const o of orphaned) {
      expect(byId.get(o.id)!.state).toBe('done');
      expect(byId.get(o.id)!.generation).toBeGreaterThan(o.gen);
      // The stale claimer's done is refused.
      let err: unknown;
      try {
        completeItem({ cwd: repo, id: o.id, agent: `k${o.worker}`, generation: o.gen });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(LockstepError);
      expect((err as LockstepError).code).toBe('CONFLICT');
    }
    const reclaims = readEvents(join(repo, '.git', 'lockstep')).filter((e) => e.type === 'queue_reclaim');
    expect(reclaims.length).toBeGreaterThanOrEqual(orphaned.length);
  });
});

describe('stale claims through the CLI (exit codes)', () => {
  test("a claimer whose claim was reclaimed gets exit 1 for done; the new holder's done works", async () => {
    const repo = tempRepo();
    expect(runCli(['queue', 'add', 'job-1'], { cwd: repo }).code).toBe(0);
    const owner = sleeper();
    const c1 = runCli(['queue', 'claim', '--agent', 'alice', '--lease', '0.2', '--owner-pid', String(owner.pid), '--json'], { cwd: repo });
    expect(c1.code).toBe(0);
    const claim1 = JSON.parse(c1.stdout);
    expect(claim1).toMatchObject({ claimed: true, id: 'job-1', generation: 1 });
    // Nothing else to claim: exit 1.
    expect(runCli(['queue', 'claim', '--agent', 'bob'], { cwd: repo }).code).toBe(1);
    // Owner alive: not reclaimed even though the lease ran out.
    await sleep(300);
    expect(JSON.parse(runCli(['queue', 'reclaim', '--json'], { cwd: repo }).stdout).reclaimed).toEqual([]);
    owner.kill('SIGKILL');
    await waitExit(owner);
    const r = JSON.parse(runCli(['queue', 'reclaim', '--json'], { cwd: repo }).stdout);
    expect(r.reclaimed).toHaveLength(1);
    expect(r.reclaimed[0]).toMatchObject({ id: 'job-1', generation: 1, agent: 'alice', next: 'pending' });
    const c2 = JSON.parse(runCli(['queue', 'claim', '--agent', 'bob', '--json'], { cwd: repo }).stdout);
    expect(c2).toMatchObject({ id: 'job-1', generation: 2 });
    const stale = runCli(['queue', 'done', 'job-1', '--agent', 'alice', '--generation', '1'], { cwd: repo });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('claim 1 of job-1 already ended');
    expect(stale.stderr).toContain('held by agent bob');
    expect(stale.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(runCli(['queue', 'done', 'job-1', '--agent', 'alice'], { cwd: repo }).code).toBe(1);
    const ok = runCli(['queue', 'done', 'job-1', '--agent', 'bob', '--json'], { cwd: repo });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, id: 'job-1', generation: 2, outcome: 'done' });
    const list = JSON.parse(runCli(['queue', 'list', '--json'], { cwd: repo }).stdout);
    expect(list.counts).toMatchObject({ done: 1, pending: 0, claimed: 0 });
    expect(list.items[0]).toMatchObject({ id: 'job-1', state: 'done', generation: 2, attempts: 1, agent: 'bob' });
  });

  test('bad input: exit 2 with a clear message, no stack trace', () => {
    const repo = tempRepo();
    for (const args of [
      ['queue', 'add', '../etc'],
      ['queue', 'add', 'a@b'],
      ['queue', 'add', 'x', '--priority', 'high'],
      ['queue', 'add', 'x', '--queue', 'Bad Name'],
      ['queue', 'add', 'x', '--payload', join(repo, 'missing.txt')],
      ['queue', 'claim', '--agent', 'bad/agent'],
      ['queue', 'claim', '--agent', 'a', '--lease', '-1'],
      ['queue', 'done', 'nope', '--agent', 'a'],
    ]) {
      const r = runCli(args, { cwd: repo });
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toMatch(/^lockstep: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(runCli(['queue', 'add', 'x'], { cwd: repo }).code).toBe(0);
    const dup = runCli(['queue', 'add', 'x'], { cwd: repo });
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain('already exists');
    expect(runCli(['queue', 'add', 'x', '--if-absent'], { cwd: repo }).code).toBe(0);
    const outside = runCli(['queue', 'list'], { cwd: tempDir() });
    expect(outside.code).toBe(4);
  });
});
