/**
 * `--backend remote` on the file backend's own commands: `lockstep allocate`
 * and `lockstep queue …` run in two clones of one remote never hand out a
 * number or an item twice, while the same two clones with the file backend
 * both hand out 001 and both claim the first item.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { CLI, cleanupTemp, runCli } from '../helpers.js';
import { bareRepo, cloneOf, serverRefs, startDaemon, type Daemon } from './daemon.js';

let daemon: Daemon;
beforeAll(async () => {
  daemon = await startDaemon();
});
afterAll(async () => {
  await daemon?.stop();
  cleanupTemp();
});

test('allocate --backend remote coordinates clones; the file backend does not', () => {
  const bare = bareRepo(daemon, 'wiring.git');
  const [a, b] = [cloneOf(daemon, 'wiring.git'), cloneOf(daemon, 'wiring.git')];
  const numbers: string[] = [];
  for (const [i, clone] of [a, b, a, b].entries()) {
    const r = runCli(['allocate', 'specs', `topic ${i}`, '--backend', 'remote'], { cwd: clone, env: { LOCKSTEP_HOST_ID: `machine-${i % 2}` } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    numbers.push(JSON.parse(r.stdout).topic_number);
  }
  expect(new Set(numbers).size).toBe(4);
  expect([...serverRefs(bare, 'refs/lockstep/alloc/').keys()].length).toBeGreaterThanOrEqual(4);
  // the environment selects the backend too
  const viaEnv = runCli(['allocate', 'specs', 'from env'], { cwd: b, env: { LOCKSTEP_BACKEND: 'remote', LOCKSTEP_HOST_ID: 'machine-1' } });
  expect(numbers).not.toContain(JSON.parse(viaEnv.stdout).topic_number);
  // control: each clone's file backend alone hands out the same number
  const fa = JSON.parse(runCli(['allocate', 'local', 'x', '--backend', 'file'], { cwd: a }).stdout).topic_number;
  const fb = JSON.parse(runCli(['allocate', 'local', 'y', '--backend', 'file'], { cwd: b }).stdout).topic_number;
  expect(fa).toBe(fb);
});

test('queue claim/done/fail/heartbeat/reclaim/list --backend remote: clones never work on one item; the file backend hands each clone the same one', () => {
  bareRepo(daemon, 'queue.git');
  const [a, b] = [cloneOf(daemon, 'queue.git'), cloneOf(daemon, 'queue.git')];
  const on = (i: number) => ({ LOCKSTEP_HOST_ID: `machine-${i}` });
  // Every clone lists the same items; the remote decides who works on which.
  for (const clone of [a, b]) for (const id of ['i1', 'i2', 'i3']) expect(runCli(['queue', 'add', id], { cwd: clone }).code).toBe(0);
  const claim = (clone: string, i: number, agent: string) => runCli(['queue', 'claim', '--agent', agent, '--backend', 'remote', '--json'], { cwd: clone, env: on(i) });

  const x = JSON.parse(claim(a, 0, 'A').stdout);
  const y = JSON.parse(claim(b, 1, 'B').stdout);
  const z = JSON.parse(claim(a, 0, 'A').stdout);
  expect([x.claimed, y.claimed, z.claimed]).toEqual([true, true, true]);
  expect(new Set([x.id, y.id, z.id]).size).toBe(3);
  expect(x).toMatchObject({ backend: 'remote', remote: 'origin', generation: 1, agent: 'A' });
  const none = claim(b, 1, 'B');
  expect(none.code).toBe(1);
  expect(JSON.parse(none.stdout)).toMatchObject({ claimed: false });

  // Control: each clone's own file queue hands both agents the same first item.
  const fa = runCli(['queue', 'claim', '--agent', 'A', '--backend', 'file'], { cwd: a }).stdout.trim();
  const fb = runCli(['queue', 'claim', '--agent', 'B', '--backend', 'file'], { cwd: b }).stdout.trim();
  expect(fa).toBe('i1');
  expect(fb).toBe(fa);

  // Only the holder completes; another agent is refused with exit 1 and told who holds it.
  const wrong = runCli(['queue', 'done', x.id, '--agent', 'B', '--backend', 'remote'], { cwd: b, env: on(1) });
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toMatch(new RegExp(`agent B does not hold a current claim on default/${x.id}: it is claimed by agent A`));
  expect(runCli(['queue', 'done', x.id, '--agent', 'A', '--backend', 'remote'], { cwd: a, env: on(0) }).code).toBe(0);

  // fail --retry hands it back: the next claim is generation 2, on the other machine.
  const failed = runCli(['queue', 'fail', z.id, '--agent', 'A', '--retry', '--reason', 'flaky', '--backend', 'remote', '--json'], { cwd: a, env: on(0) });
  expect(JSON.parse(failed.stdout)).toMatchObject({ ok: true, next: 'pending', generation: 1 });
  const again = JSON.parse(claim(b, 1, 'B').stdout);
  expect(again).toMatchObject({ claimed: true, id: z.id, generation: 2 });
  // A stale completion from the first attempt is refused.
  expect(runCli(['queue', 'done', z.id, '--agent', 'A', '--generation', '1', '--backend', 'remote'], { cwd: a, env: on(0) }).code).toBe(1);

  // Heartbeat renews every claim B holds.
  const hb = JSON.parse(runCli(['queue', 'heartbeat', '--agent', 'B', '--backend', 'remote', '--json'], { cwd: b, env: on(1) }).stdout);
  expect(hb.renewed.map((c: { id: string }) => c.id).sort()).toEqual([y.id, z.id].sort());

  // list merges this clone's items with the remote's claims.
  const list = JSON.parse(runCli(['queue', 'list', '--backend', 'remote', '--json'], { cwd: a }).stdout);
  expect(list.counts).toEqual({ pending: 0, claimed: 2, done: 1, failed: 0 });
  expect(list.items.find((i: { id: string }) => i.id === z.id)).toMatchObject({ state: 'claimed', agent: 'B', generation: 2 });

  // reclaim: claims are live (owner processes on their hosts, leases running), nothing to hand back ...
  expect(JSON.parse(runCli(['queue', 'reclaim', '--backend', 'remote', '--json'], { cwd: a, env: on(0) }).stdout).reclaimed).toEqual([]);
  // ... but a claim whose owner process is gone on this host comes back at once.
  expect(runCli(['queue', 'add', 'i4'], { cwd: a }).code).toBe(0);
  // The claim is held for its caller, a shell that exits right after it.
  const gone = spawnSync('sh', ['-c', '"$0" "$@"; true', process.execPath, CLI, 'queue', 'claim', '--agent', 'C', '--backend', 'remote'], { cwd: a, env: { ...process.env, ...on(0) }, encoding: 'utf8' });
  expect(gone.stdout.trim()).toBe('i4');
  const back = JSON.parse(runCli(['queue', 'reclaim', '--backend', 'remote', '--json'], { cwd: a, env: on(0) }).stdout);
  expect(back.reclaimed.map((r: { id: string }) => r.id)).toEqual(['i4']);
});
