import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRuntime } from '../../src/core/runtime.js';
import { discoverState, listStates } from '../../src/state/discover.js';
import { gcStates } from '../../src/state/gc.js';
import { newStateId, parseStateId, validatePrefix } from '../../src/state/id.js';
import { exportLines, planExport, shellQuote } from '../../src/state/shell-env.js';
import { getState, initState, setState, stateDir } from '../../src/state/store.js';
import { cleanupTemp, errorCodeOf, runWorkersTogether, tempDir, tempRepo, type Run } from '../helpers.js';

afterAll(cleanupTemp);

describe('workflow ids', () => {
  test('PREFIX_<ns>_<pid>_<random>, strictly rising time within a process', () => {
    const a = newStateId('create-plan');
    const b = newStateId('create-plan');
    expect(a).toMatch(new RegExp(`^create-plan_\\d{19}_${process.pid}_[0-9a-f]{8}$`));
    const pa = parseStateId(a)!;
    const pb = parseStateId(b)!;
    expect(pa.prefix).toBe('create-plan');
    expect(BigInt(pb.ns)).toBeGreaterThan(BigInt(pa.ns));
    // Nanoseconds since the epoch, close to the wall clock.
    expect(Math.abs(Number(BigInt(pa.ns) / 1_000_000n) - Date.now())).toBeLessThan(60_000);
    expect(parseStateId('my_cmd_1_2_abcdef01')?.prefix).toBe('my_cmd');
  });

  test('bad prefixes and ids are refused before they touch a path', async () => {
    for (const p of ['', 'a b', '../x', 'a/b', 'x'.repeat(65), 'naïve', 'a\nb']) expect(await errorCodeOf(() => validatePrefix(p))).toBe('BAD_INPUT');
    const repo = tempRepo();
    for (const id of ['../../etc/passwd', 'x', 'cmd_1_2_zzzzzzzz', 'cmd_1_2_abcdef01/../../x', '']) {
      expect(await errorCodeOf(() => getState({ cwd: repo, id }))).toBe('BAD_INPUT');
    }
  });

});

describe('state files', () => {
  test('init, set, get, unset; values and keys validated; unknown ids NOT_FOUND', async () => {
    const repo = tempRepo();
    const { id, path, record } = initState({ cwd: repo, prefix: 'research', owner: 'sess-1', values: { TOPIC: 'auth' } });
    expect(path).toBe(join(openRuntime({ cwd: repo }).root, 'state', `${id}.json`));
    expect(record).toMatchObject({ id, prefix: 'research', owner: 'sess-1', values: { TOPIC: 'auth' } });
    const rec = await setState({ cwd: repo, id, values: { STEP: '2', EMPTY: '' }, unset: ['TOPIC'] });
    expect(rec.values).toEqual({ STEP: '2', EMPTY: '' });
    expect(getState({ cwd: repo, id }).values).toEqual({ STEP: '2', EMPTY: '' });
    expect(JSON.parse(readFileSync(path, 'utf8')).values).toEqual({ STEP: '2', EMPTY: '' });
    for (const bad of ['1X', 'A-B', 'A B', '', 'PATH', 'IFS', 'BASH_ENV', 'LD_PRELOAD', 'PROMPT_COMMAND']) {
      expect([bad, await errorCodeOf(() => setState({ cwd: repo, id, values: { [bad]: 'x' } }))]).toEqual([bad, 'BAD_INPUT']);
    }
    expect(await errorCodeOf(() => setState({ cwd: repo, id, values: { V: 'a\0b' } }))).toBe('BAD_INPUT');
    expect(await errorCodeOf(() => setState({ cwd: repo, id: newStateId('research'), values: { A: '1' } }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(() => initState({ cwd: repo, prefix: 'x', owner: 'a\nb' }))).toBe('BAD_INPUT');
    // No temp files left behind by the atomic writes.
    expect(readdirSync(stateDir({ cwd: repo })).filter((f) => f.startsWith('.tmp'))).toEqual([]);
  });

  test('discovery finds the owner\'s state, never a newer file of another owner', () => {
    const repo = tempRepo();
    const mine = initState({ cwd: repo, prefix: 'debug', owner: 'A' });
    const other = initState({ cwd: repo, prefix: 'debug', owner: 'B' }); // newer
    initState({ cwd: repo, prefix: 'debug-extra', owner: 'A' }); // another prefix that starts alike
    expect(discoverState({ cwd: repo, prefix: 'debug', owner: 'A' })).toMatchObject({ found: { id: mine.id }, ownerStates: 1, corrupt: [] });
    expect(discoverState({ cwd: repo, prefix: 'debug', owner: 'B' }).found?.id).toBe(other.id);
    expect(discoverState({ cwd: repo, prefix: 'debug', owner: 'C' }).found).toBe(null);
    // The same owner starting again: its latest state wins.
    const again = initState({ cwd: repo, prefix: 'debug', owner: 'A' });
    expect(discoverState({ cwd: repo, prefix: 'debug', owner: 'A' })).toMatchObject({ found: { id: again.id }, ownerStates: 2 });
    expect(listStates({ cwd: repo, prefix: 'debug' }).map((e) => e.id)).toEqual([mine.id, other.id, again.id]);
  });

  test('gc removes states older than the TTL, keeps fresh ones and corrupt ones', async () => {
    const repo = tempRepo();
    const old = initState({ cwd: repo, prefix: 'gc', owner: 'o' });
    const fresh = initState({ cwd: repo, prefix: 'gc', owner: 'o' });
    const bad = initState({ cwd: repo, prefix: 'gc', owner: 'o' });
    writeFileSync(bad.path, 'garbage');
    const rec = JSON.parse(readFileSync(old.path, 'utf8'));
    rec.updatedAtMs = Date.now() - 3 * 3_600_000;
    writeFileSync(old.path, JSON.stringify(rec));
    const dry = await gcStates({ cwd: repo, ttlMs: 3_600_000, dryRun: true });
    expect(dry).toMatchObject({ removed: [old.id], kept: 1, corrupt: [bad.path], dryRun: true });
    expect(statSync(old.path).isFile()).toBe(true);
    const r = await gcStates({ cwd: repo, ttlMs: 3_600_000 });
    expect(r).toMatchObject({ removed: [old.id], kept: 1, corrupt: [bad.path] });
    expect(listStates({ cwd: repo }).map((e) => e.id)).toEqual([fresh.id, bad.id]);
    expect(readFileSync(bad.path, 'utf8')).toBe('garbage');
  });
});

describe('10 concurrent worker processes', () => {
  // One batch of 10 real processes runs every concurrent state workload (each
  // protected one next to its unprotected control), so process start-up is paid once.
  const dir = tempDir();
  const repo = tempRepo();
  let id = '';
  let control = '';
  let runs: Run[] = [];

  beforeAll(async () => {
    id = initState({ cwd: repo, prefix: 'implement', owner: 'o' }).id;
    control = initState({ cwd: repo, prefix: 'implement', owner: 'control' }).id;
    const go = join(dir, 'go');
    const specs = Array.from({ length: 10 }, (_, w) => [
      JSON.stringify({
        go,
        jobs: [
          { mode: 'ids', prefix: 'command', n: 10_000, out: join(dir, `ids-${w}`) },
          { mode: 'seconds-ids', prefix: 'command', n: 1_000, out: join(dir, `sec-${w}`) },
          { mode: 'set', repo, id, worker: w, n: 50 },
          { mode: 'unlocked-set', repo, id: control, worker: w, n: 50 },
        ],
      }),
    ]);
    runs = await runWorkersTogether('state-worker.ts', specs, go);
  }, 300_000);

  test('every worker finished cleanly', () => {
    for (const r of runs) expect([r.code, r.stderr]).toEqual([0, '']);
  });

  test("10 processes × 10,000 ids: all unique — while the seed's second-precision ids collide", () => {
    const ids = Array.from({ length: 10 }, (_, w) => readFileSync(join(dir, `ids-${w}`), 'utf8').trim().split('\n')).flat();
    expect(ids).toHaveLength(100_000);
    expect(new Set(ids).size).toBe(100_000);
    const pids = new Set(runs.map((r) => JSON.parse(r.stdout).pid as number));
    expect(pids.size).toBe(10);
    for (const i of ids) if (!parseStateId(i) || !pids.has(parseStateId(i)!.pid)) throw new Error(`malformed id ${i}`);
    // Control: the same check finds the collisions of `command_$(date +%s)`.
    const seconds = Array.from({ length: 10 }, (_, w) => readFileSync(join(dir, `sec-${w}`), 'utf8').trim().split('\n')).flat();
    expect(seconds).toHaveLength(10_000);
    expect(new Set(seconds).size).toBeLessThan(seconds.length);
  });

  test('10 processes × 50 concurrent sets of distinct keys on one id: all 500 present — without the lock, keys are lost', () => {
    const values = getState({ cwd: repo, id }).values;
    expect(Object.keys(values)).toHaveLength(500);
    for (let w = 0; w < 10; w++) for (let i = 0; i < 50; i++) expect(values[`K_${w}_${i}`]).toBe(String(i));
    // Control: the same read-modify-write without the lock loses keys.
    const lost = 500 - Object.keys(getState({ cwd: repo, id: control }).values).length;
    expect(lost).toBeGreaterThan(0);
  });
});

describe('shell export', () => {
  test('single-quotes every value', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe(`''`);
    expect(exportLines({ WORKFLOW_B: '$(x)', WORKFLOW_A: 'a\nb' })).toEqual([`export WORKFLOW_A='a\nb'`, `export WORKFLOW_B='$(x)'`]);
  });

  test('the export rule: WORKFLOW_* keys and the named ones; lockstep\'s own switches cannot be named', async () => {
    const values = { WORKFLOW_X: '1', PLAN: '2', GIT_SSH_COMMAND: '3', LOCKSTEP_SKIP: '1' };
    expect(planExport(values)).toEqual({ exported: ['WORKFLOW_X'], notExported: ['GIT_SSH_COMMAND', 'LOCKSTEP_SKIP', 'PLAN'] });
    expect(planExport(values, ['PLAN', 'ABSENT'])).toEqual({ exported: ['PLAN', 'WORKFLOW_X'], notExported: ['GIT_SSH_COMMAND', 'LOCKSTEP_SKIP'] });
    expect(exportLines(values, ['PLAN'])).toEqual([`export PLAN='2'`, `export WORKFLOW_X='1'`]);
    for (const bad of ['LOCKSTEP_SKIP', 'LOCKSTEP_TASK', 'PATH', 'LD_PRELOAD', '1X']) expect(await errorCodeOf(() => planExport(values, [bad]))).toBe('BAD_INPUT');
  });

  test("values live in a map without a prototype: __proto__ and friends are kept by init, set and a read of the file", async () => {
    const repo = tempRepo();
    const given = JSON.parse('{"__proto__":"p","constructor":"c","toString":"t"}') as Record<string, string>;
    const { id } = initState({ cwd: repo, prefix: 'proto', values: given });
    expect({ ...getState({ cwd: repo, id }).values }).toEqual(given);
    const rec = await setState({ cwd: repo, id, values: JSON.parse('{"__proto__":"p2","WORKFLOW_A":"a"}') as Record<string, string> });
    expect(Object.entries(rec.values).sort()).toEqual([['WORKFLOW_A', 'a'], ['__proto__', 'p2'], ['constructor', 'c'], ['toString', 't']]);
    expect(Object.getPrototypeOf(getState({ cwd: repo, id }).values)).toBeNull();
    expect(JSON.parse(readFileSync(join(stateDir({ cwd: repo }), `${id}.json`), 'utf8')).values).toEqual(JSON.parse('{"WORKFLOW_A":"a","__proto__":"p2","constructor":"c","toString":"t"}'));
  });
});
