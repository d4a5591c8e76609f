/**
 * The checkers, fed doctored evidence: a repository or a log that holds a
 * violation must be reported with the right kind — a checker that cannot
 * fail proves nothing.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupTemp, git, tempDir, tempRepo } from '../helpers.js';
import { checkAllocations } from '../../src/suites/workloads/allocate.js';
import { checkCommits, readCommits, WORK_DIR } from '../../src/suites/workloads/commit.js';
import { checkClaims, itemId } from '../../src/suites/workloads/claim.js';
import { checkMerges, mergeWorkload } from '../../src/suites/workloads/merge.js';
import { counterWorkload } from '../../src/suites/workloads/counter.js';
import type { LogEvent } from '../../src/suites/log.js';
import type { CheckContext } from '../../src/suites/workload.js';

afterAll(cleanupTemp);

const kinds = (vs: { kind: string }[]) => vs.map((v) => v.kind).sort();

describe('allocate checker', () => {
  test('a clean root passes', () => {
    const root = tempDir();
    for (const e of ['001_a', '002_b', '003_c', 'notes', 'x_y']) mkdirSync(join(root, e));
    expect(checkAllocations([root], [{ number: 2, path: join(root, '002_b'), who: 'w0' }])).toEqual([]);
  });

  test('a duplicate number, a gap and a lost directory are reported', () => {
    const root = tempDir();
    for (const e of ['001_a', '002_b', '002_c', '004_d']) mkdirSync(join(root, e));
    const vs = checkAllocations([root], [
      { number: 1, path: join(root, '001_a'), who: 'worker 0 op 0' },
      { number: 5, path: join(root, '005_gone'), who: 'worker 1 op 3' },
    ]);
    expect(kinds(vs)).toEqual(['duplicate_number', 'gap', 'lost_allocation']);
    expect(vs.find((v) => v.kind === 'duplicate_number')!.evidence).toMatchObject({ number: 2, entries: expect.arrayContaining(['002_b', '002_c']) });
    expect(vs.find((v) => v.kind === 'gap')!.evidence).toMatchObject({ number: 3 });
  });

  test('one number acknowledged to two workers is a duplicate even with one directory', () => {
    const root = tempDir();
    mkdirSync(join(root, '001_a'));
    const vs = checkAllocations([root], [
      { number: 1, path: join(root, '001_a'), who: 'w0' },
      { number: 1, path: join(root, '001_a'), who: 'w1' },
    ]);
    expect(kinds(vs)).toEqual(['duplicate_number']);
  });
});

describe('commit checker (real repository)', () => {
  function commit(repo: string, msg: string, files: Record<string, string>, todo: string[], trailer?: string) {
    for (const [f, body] of Object.entries(files)) {
      mkdirSync(join(repo, f, '..'), { recursive: true });
      writeFileSync(join(repo, f), body);
    }
    if (todo.length) writeFileSync(join(repo, 'TODO.md'), git(repo, 'show', 'HEAD:TODO.md') + '\n' + todo.join('\n') + '\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', trailer ? `${msg}\n\nLockstep-Fence: ${trailer}` : msg);
  }

  test('foreign files, foreign TODO lines, missing rounds and falling fences are found', async () => {
    const repo = tempRepo();
    writeFileSync(join(repo, 'TODO.md'), '# TODO');
    git(repo, 'add', 'TODO.md');
    git(repo, 'commit', '-q', '-m', 'todo');
    const start = git(repo, 'rev-parse', 'HEAD');
    commit(repo, 'task t0 round 0', { [`${WORK_DIR}/t0/r0.txt`]: 'x' }, ['task t0 round 0'], '7@abc');
    // Task 0's round 1 sweeps up task 1's file and TODO line (the seed-002 failure).
    commit(repo, 'task t0 round 1', { [`${WORK_DIR}/t0/r1.txt`]: 'x', [`${WORK_DIR}/t1/r0.txt`]: 'x' }, ['task t0 round 1', 'task t1 round 0'], '5@abc');
    const commits = await readCommits(repo, `${start}..HEAD`);
    expect(commits.map((c) => c.fence)).toEqual([7, 5]);
    expect(commits[1]!.todoAdded).toEqual(['task t0 round 1', 'task t1 round 0']);
    const vs = checkCommits(commits, new Set(['0/0', '0/1', '1/0']), { fences: true });
    expect(kinds(vs)).toEqual(['fence_not_rising', 'foreign_file', 'foreign_todo_line', 'missing_round']);
    expect(vs.find((v) => v.kind === 'foreign_file')!.evidence).toMatchObject({ file: `${WORK_DIR}/t1/r0.txt`, task: 't0', owner: 't1' });
    expect(vs.find((v) => v.kind === 'missing_round')!.evidence).toMatchObject({ task: 't1', round: 0 });
  });

  test('clean commits pass', async () => {
    const repo = tempRepo();
    writeFileSync(join(repo, 'TODO.md'), '# TODO');
    git(repo, 'add', 'TODO.md');
    git(repo, 'commit', '-q', '-m', 'todo');
    const start = git(repo, 'rev-parse', 'HEAD');
    commit(repo, 'task t0 round 0', { [`${WORK_DIR}/t0/r0.txt`]: 'x' }, ['task t0 round 0'], '3');
    commit(repo, 'task t1 round 0', { [`${WORK_DIR}/t1/r0.txt`]: 'x' }, ['task t1 round 0'], '4');
    expect(checkCommits(await readCommits(repo, `${start}..HEAD`), new Set(['0/0', '1/0']), { fences: true })).toEqual([]);
  });
});

describe('claim checker', () => {
  test('an item done twice and an item never done are reported', () => {
    const states = new Map([
      [itemId(0), 'done'],
      [itemId(1), 'claimed'],
      [itemId(2), 'done'],
    ]);
    const vs = checkClaims(
      states,
      [
        { item: itemId(0), agent: 'a' },
        { item: itemId(0), agent: 'b' },
        { item: itemId(2), agent: 'a' },
      ],
      4,
    );
    expect(kinds(vs)).toEqual(['duplicate_claim', 'lost_item', 'lost_item']);
    expect(vs.filter((v) => v.kind === 'lost_item').map((v) => v.evidence.item)).toEqual([itemId(1), itemId(3)]);
  });

  test('every item done once passes', () => {
    const states = new Map([0, 1].map((k) => [itemId(k), 'done']));
    expect(checkClaims(states, [{ item: itemId(0), agent: 'a' }, { item: itemId(1), agent: 'b' }], 2)).toEqual([]);
  });
});

describe('merge checker (real repository)', () => {
  test('an acknowledged merge the base lost, and a commit on no branch, are reported', async () => {
    const repo = tempRepo();
    const ctx = { repo, base: 'main', runDir: repo, mode: 'protected' as const, procs: 2, iterations: 1, seed: 1, cli: [], backend: 'file' as const, machines: [] };
    const params = await mergeWorkload.setup(ctx);
    const tips = params.tips as Record<string, string>;
    expect(Object.keys(tips).sort()).toEqual([`${WORK_DIR}/w0-0`, `${WORK_DIR}/w1-0`]);
    // w0-0 really merged; w1-0 "acknowledged" but never merged, and its branch deleted.
    git(repo, 'merge', '-q', '--no-ff', '--no-edit', `${WORK_DIR}/w0-0`);
    git(repo, 'branch', '-D', `${WORK_DIR}/w1-0`);
    const ack = (w: number): LogEvent => ({ w, n: 0, i: 0, op: 'merge', ev: 'ok', t: 0, data: { branch: `${WORK_DIR}/w${w}-0`, tip: tips[`${WORK_DIR}/w${w}-0`] } });
    const check: CheckContext = { ...ctx, params, events: [ack(0), ack(1)], kills: 0, recovery: {} };
    const vs = await mergeWorkload.check(check);
    expect(kinds(vs)).toEqual(['lost_commit', 'lost_merge']);
    expect(vs.find((v) => v.kind === 'lost_merge')!.evidence).toMatchObject({ branch: `${WORK_DIR}/w1-0` });
  });

  test('pure: reachable tips pass', () => {
    expect(checkMerges({ base: 'main', reachable: new Set(['a', 'b']), branches: new Map(), tips: { x: 'a', y: 'b' }, acks: [{ branch: 'x', tip: 'a', who: 'w0' }] })).toEqual([]);
  });
});

describe('counter checker (doctored log)', () => {
  test('two increments that wrote the same value are a lost update', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'counter.txt'), '2\n');
    const inc = (w: number, read: number): LogEvent => ({ w, n: 0, i: read, op: 'increment', ev: 'ok', t: 0, data: { read, wrote: read + 1 } });
    const ctx: CheckContext = { repo: dir, base: 'main', runDir: dir, mode: 'control', procs: 2, iterations: 2, seed: 1, cli: [], backend: 'file', machines: [], params: { file: join(dir, 'counter.txt') }, events: [inc(0, 0), inc(1, 0), inc(0, 1)], kills: 0, recovery: {} };
    expect(kinds(await counterWorkload.check(ctx))).toEqual(['lost_update']);
    ctx.events = [inc(0, 0), inc(1, 1)];
    expect(await counterWorkload.check(ctx)).toEqual([]);
    writeFileSync(join(dir, 'counter.txt'), '1\n'); // went backwards below an acknowledged 2
    expect(kinds(await counterWorkload.check(ctx))).toEqual(['lost_update']);
  });
});
