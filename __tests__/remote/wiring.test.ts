/**
 * `--backend remote` on the file backend's own commands: `lockstep allocate`
 * run in two clones of one remote never hands out a number twice, while the
 * same two clones with the file backend both hand out 001.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { cleanupTemp, runCli } from '../helpers.js';
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
