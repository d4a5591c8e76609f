/** The merge queue: merges never in the user's checkout, base moved by compare-and-swap, conflicts lose nothing. */
import { afterAll, describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { mergeBranch } from '../../src/merge/merge.js';
import { readEvents } from '../../src/core/events.js';
import { cleanupTemp, firstLine, git, runCli, startWorker, tempDir, tempRepo, waitExit } from '../helpers.js';

afterAll(cleanupTemp);

/** A branch off main with one commit writing `file`. */
function branchWith(repo: string, branch: string, file: string, content: string, from = 'main'): string {
  git(repo, 'branch', branch, from);
  const wt = join(tempDir(), 'wt');
  git(repo, 'worktree', 'add', '-q', wt, branch);
  writeFileSync(join(wt, file), content);
  git(wt, 'add', file);
  git(wt, 'commit', '-q', '-m', `${branch}: ${file}`);
  const tip = git(wt, 'rev-parse', 'HEAD');
  git(repo, 'worktree', 'remove', '--force', wt);
  return tip;
}

/** A repository whose main has `file` committed. */
function repoWithFile(file: string, content: string): string {
  const repo = tempRepo();
  writeFileSync(join(repo, file), content);
  git(repo, 'add', file);
  git(repo, 'commit', '-q', '-m', file);
  return repo;
}

/** Starts a merge of `branch` and kills it once main has moved, before the checkout is brought along. */
async function mergeKilledAfterMove(repo: string, branch: string): Promise<void> {
  const w = startWorker('merge-worker.ts', ['merge-once', repo, branch], { env: { LOCKSTEP_FAULT: 'pause-after-merge-cas:60000' } });
  await firstLine(w);
  const start = git(repo, 'rev-parse', 'main');
  while (git(repo, 'rev-parse', 'main') === start) await sleep(20);
  w.kill('SIGKILL');
  await waitExit(w);
}

describe('merging', () => {
  test('a merge commit lands on the base; the checkout on the base is brought along; the branch is untouched', async () => {
    const repo = tempRepo();
    const tip = branchWith(repo, 'feature', 'f.txt', 'feature\n');
    const old = git(repo, 'rev-parse', 'main');
    const r = await mergeBranch({ cwd: repo, branch: 'feature', trailers: { 'Lockstep-Item': 'default/7' } });
    expect(r.status).toBe('merged');
    if (r.status !== 'merged') return;
    expect(r).toMatchObject({ into: 'main', previous: old, branchTip: tip, attempts: 1, synced: [repo], unsynced: [] });
    expect(git(repo, 'rev-parse', 'main')).toBe(r.commit);
    expect(git(repo, 'rev-list', '--parents', '-n', '1', r.commit).split(' ')).toEqual([r.commit, old, tip]);
    expect(git(repo, 'log', '-1', '--format=%B', r.commit)).toContain('Lockstep-Item: default/7');
    expect(git(repo, 'rev-parse', 'feature')).toBe(tip);
    // The user's checkout follows the base: the file is there and nothing looks changed.
    expect(readFileSync(join(repo, 'f.txt'), 'utf8')).toBe('feature\n');
    expect(git(repo, 'status', '--porcelain')).toBe('');
    // Again: nothing to do.
    expect((await mergeBranch({ cwd: repo, branch: 'feature' })).status).toBe('up-to-date');
    expect(readEvents(join(repo, '.git', 'lockstep')).some((e) => e.type === 'merge' && e.status === 'merged')).toBe(true);
  });

  test('a conflict names the files and changes nothing (CLI exit 1)', async () => {
    const repo = tempRepo();
    const tip = branchWith(repo, 'feature', 'README.md', 'feature version\n');
    writeFileSync(join(repo, 'README.md'), 'main version\n');
    git(repo, 'commit', '-q', '-am', 'main edit');
    const base = git(repo, 'rev-parse', 'main');
    const r = await mergeBranch({ cwd: repo, branch: 'feature' });
    expect(r).toMatchObject({ status: 'conflict', files: ['README.md'], base, branchTip: tip });
    expect(git(repo, 'rev-parse', 'main')).toBe(base);
    expect(git(repo, 'rev-parse', 'feature')).toBe(tip);
    expect(git(repo, 'status', '--porcelain')).toBe('');
    const cli = runCli(['merge', 'feature'], { cwd: repo });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('README.md');
    expect(cli.stderr).toContain('feature is intact');
  });

  test('--check runs on the merge result in a scratch worktree; a failing check moves nothing', async () => {
    const repo = tempRepo();
    branchWith(repo, 'good', 'ok.txt', 'ok\n');
    branchWith(repo, 'bad', 'broken.txt', 'x\n');
    const seen = join(tempDir(), 'seen');
    const check = `test ! -f broken.txt && test -f ok.txt; s=$?; pwd > ${seen}; echo "$LOCKSTEP_MERGE_BRANCH into $LOCKSTEP_MERGE_INTO" >> ${seen}; exit $s`;
    const good = await mergeBranch({ cwd: repo, branch: 'good', check });
    expect(good).toMatchObject({ status: 'merged', checked: true });
    const [dir, what] = readFileSync(seen, 'utf8').trim().split('\n');
    expect(dir).toContain(join('.git', 'lockstep', 'merge', 'scratch'));
    expect(what).toBe('good into main');
    expect(existsSync(dir!)).toBe(false); // the scratch worktree is gone
    const before = git(repo, 'rev-parse', 'main');
    const bad = await mergeBranch({ cwd: repo, branch: 'bad', check });
    expect(bad).toMatchObject({ status: 'check-failed', exitCode: 1 });
    expect(git(repo, 'rev-parse', 'main')).toBe(before);
    expect(existsSync(join(repo, 'broken.txt'))).toBe(false);
    expect(git(repo, 'worktree', 'list').split('\n')).toHaveLength(1);
  });

  test('local changes in the checkout of the base: kept when unrelated, block the merge when they collide', async () => {
    const repo = repoWithFile('notes.txt', 'n\n');
    branchWith(repo, 'a', 'a.txt', 'a\n');
    branchWith(repo, 'b', 'notes.txt', 'changed by b\n');
    writeFileSync(join(repo, 'README.md'), 'my unsaved edit\n');
    writeFileSync(join(repo, 'notes.txt'), 'my unsaved notes\n');
    const a = await mergeBranch({ cwd: repo, branch: 'a' });
    expect(a.status).toBe('merged');
    expect(readFileSync(join(repo, 'README.md'), 'utf8')).toBe('my unsaved edit\n');
    expect(readFileSync(join(repo, 'a.txt'), 'utf8')).toBe('a\n');
    expect(git(repo, 'status', '--porcelain').split('\n').map((l) => l.trim()).sort()).toEqual(['M README.md', 'M notes.txt']);
    const before = git(repo, 'rev-parse', 'main');
    const b = await mergeBranch({ cwd: repo, branch: 'b' });
    expect(b).toMatchObject({ status: 'blocked', checkout: repo });
    expect(git(repo, 'rev-parse', 'main')).toBe(before);
    expect(readFileSync(join(repo, 'notes.txt'), 'utf8')).toBe('my unsaved notes\n');
  });

  test('a merger killed between moving the base and updating the checkout: the next merge finishes the job', async () => {
    const repo = tempRepo();
    branchWith(repo, 'one', 'one.txt', '1\n');
    branchWith(repo, 'two', 'two.txt', '2\n');
    await mergeKilledAfterMove(repo, 'one');
    expect(existsSync(join(repo, 'one.txt'))).toBe(false);
    expect(git(repo, 'status', '--porcelain')).not.toBe(''); // the stale index shows as a reverted change
    expect((await mergeBranch({ cwd: repo, branch: 'two' })).status).toBe('merged');
    expect(readFileSync(join(repo, 'one.txt'), 'utf8')).toBe('1\n');
    expect(readFileSync(join(repo, 'two.txt'), 'utf8')).toBe('2\n');
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(readEvents(join(repo, '.git', 'lockstep')).some((e) => e.type === 'merge_sync_recovered')).toBe(true);
  });

  /**
   * A merger killed inside the checkout's `read-tree -m -u`: main has moved,
   * and the read-tree had written the merge's files (a new one, a changed
   * one) but not the index, and left its index.lock. Also in the checkout: a
   * person's unrelated file.
   */
  async function killedInsideSync(): Promise<string> {
    const repo = repoWithFile('shared.txt', 'base\n');
    branchWith(repo, 'one', 'one.txt', '1\n');
    git(repo, 'checkout', '-q', 'one');
    writeFileSync(join(repo, 'shared.txt'), 'one\n');
    git(repo, 'commit', '-q', '-am', 'one: shared');
    git(repo, 'checkout', '-q', 'main');
    branchWith(repo, 'two', 'two.txt', '2\n');
    await mergeKilledAfterMove(repo, 'one');
    writeFileSync(join(repo, 'one.txt'), '1\n');
    writeFileSync(join(repo, 'shared.txt'), 'one\n');
    writeFileSync(join(repo, '.git', 'index.lock'), '');
    writeFileSync(join(repo, 'notes.txt'), 'mine\n');
    return repo;
  }

  test('a merger killed inside its checkout sync, leaving index.lock and some files: the next merge clears them and finishes the job', async () => {
    const repo = await killedInsideSync();
    expect((await mergeBranch({ cwd: repo, branch: 'two' })).status).toBe('merged');
    expect(existsSync(join(repo, '.git', 'index.lock'))).toBe(false);
    expect(git(repo, 'status', '--porcelain')).toBe('?? notes.txt'); // the person's file stays
    expect(readFileSync(join(repo, 'one.txt'), 'utf8')).toBe('1\n');
    expect(readFileSync(join(repo, 'shared.txt'), 'utf8')).toBe('one\n');
    expect(readFileSync(join(repo, 'two.txt'), 'utf8')).toBe('2\n');
    // And the merge after it is an ordinary one.
    branchWith(repo, 'three', 'three.txt', '3\n');
    expect((await mergeBranch({ cwd: repo, branch: 'three' })).status).toBe('merged');
  });

  test('control: with that index.lock left in place, every later merge ends blocked', async () => {
    const repo = await killedInsideSync();
    process.env.LOCKSTEP_FAULT = 'keep-stale-index-lock:1';
    try {
      const r = await mergeBranch({ cwd: repo, branch: 'two' });
      expect(r.status).toBe('blocked');
      expect(r.status === 'blocked' && r.reason).toMatch(/index\.lock/);
    } finally {
      delete process.env.LOCKSTEP_FAULT;
    }
  });

  test('content the killed sync did not write (somebody\'s work) is never overwritten: the recovery touches no file and says which checkout stays behind', async () => {
    const repo = await killedInsideSync();
    writeFileSync(join(repo, 'shared.txt'), 'a person edited this\n');
    expect((await mergeBranch({ cwd: repo, branch: 'two' })).status).toBe('merged'); // two.txt does not touch it
    expect(readFileSync(join(repo, 'shared.txt'), 'utf8')).toBe('a person edited this\n');
    expect(readFileSync(join(repo, 'one.txt'), 'utf8')).toBe('1\n'); // left as it was, too
    expect(existsSync(join(repo, '.git', 'index.lock'))).toBe(false);
    const ev = readEvents(join(repo, '.git', 'lockstep')).find((e) => e.type === 'merge_sync_recovered');
    expect(ev?.unsynced).toEqual([realpathSync(repo)]);
  });

  test('bad input: exit 2, no stack trace', () => {
    const repo = tempRepo();
    for (const args of [['merge', 'nope'], ['merge', '--into', 'nope', 'main'], ['merge', 'main'], ['merge', '-bad']]) {
      const r = runCli(args, { cwd: repo });
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

interface RaceResult {
  acknowledged: { commit: string; tip: string; attempts: number }[];
  mover: string[];
  conflicts: { status: string; files: string; before: string; after: string }[];
  lost: string[];
  retries: number;
}

async function race(nocas: boolean): Promise<RaceResult> {
  const repo = tempRepo();
  writeFileSync(join(repo, 'hot.txt'), 'start\n');
  git(repo, 'add', 'hot.txt');
  git(repo, 'commit', '-q', '-m', 'hot');
  const names = ['a', 'b', 'c'];
  for (const n of names) {
    git(repo, 'branch', `m-${n}`, 'main');
    branchWith(repo, `x-${n}`, 'hot.txt', `edited by ${n}\n`);
  }
  // Moving the base under a checkout is the checkout's business, not this test's: leave main unchecked-out.
  git(repo, 'checkout', '-q', '--detach');
  const dir = tempDir();
  const stop = join(dir, 'stop');
  const go = join(dir, 'go');
  const moverOut = join(dir, 'mover.out');
  const mover = startWorker('merge-worker.ts', ['mover', repo, moverOut, stop]);
  while (!existsSync(moverOut)) await sleep(5); // the base is moving before the first merge
  // Each merge pauses just before moving the base on its first attempt, so the mover gets in between
  // (long enough for a mover slowed by a busy machine to commit during at least one of the six pauses).
  const env = { LOCKSTEP_FAULT: 'pause-before-merge-cas:400' };
  const kids = names.map((n) => startWorker('merge-worker.ts', ['merger', repo, n, '2', join(dir, `${n}.out`), go, nocas ? '1' : '0'], { env }));
  await Promise.all(kids.map((k) => firstLine(k)));
  writeFileSync(go, '');
  expect(await Promise.all(kids.map(waitExit))).toEqual([0, 0, 0]);
  writeFileSync(stop, '');
  expect(await waitExit(mover)).toBe(0);

  const lines = names.flatMap((n) => readFileSync(join(dir, `${n}.out`), 'utf8').split('\n').filter(Boolean));
  const acknowledged = lines.filter((l) => l.startsWith('M merged')).map((l) => {
    const [, , commit, tip, attempts] = l.split(' ');
    return { commit: commit!, tip: tip!, attempts: Number(attempts) };
  });
  const conflicts = lines.filter((l) => l.startsWith('C ')).map((l) => {
    const [, status, files, before, after] = l.split(' ');
    return { status: status!, files: files!, before: before!, after: after! };
  });
  const mover_ = readFileSync(moverOut, 'utf8').split('\n').filter(Boolean).map((l) => l.slice(2));
  const reachable = (c: string) => {
    try {
      git(repo, 'merge-base', '--is-ancestor', c, 'main');
      return true;
    } catch {
      return false;
    }
  };
  const lost = [...acknowledged.flatMap((a) => [a.commit, a.tip]), ...mover_].filter((c) => !reachable(c));
  return { acknowledged, mover: mover_, conflicts, lost, retries: acknowledged.reduce((s, a) => s + a.attempts - 1, 0) };
}

describe('merges racing a base that moves (real processes)', () => {
  test('every acknowledged merge and every commit of the mover is reachable; conflicts lose nothing', async () => {
    const r = await race(false);
    expect(r.acknowledged).toHaveLength(6);
    expect(r.mover.length).toBeGreaterThan(0); // how many more it made depends on the machine's speed
    expect(r.lost).toEqual([]);
    expect(r.conflicts).toHaveLength(3);
    for (const c of r.conflicts) {
      expect(c.status).toBe('conflict');
      expect(c.files).toBe('hot.txt');
      expect(c.after).toBe(c.before); // the branch is intact
    }
    // The base moved under merges in flight (the pause makes sure), and they were redone on the new tip.
    expect(r.retries).toBeGreaterThan(0);
  });

  test('control: moving the base without compare-and-swap loses commits, and the checker sees it', async () => {
    const r = await race(true);
    expect(r.lost.length).toBeGreaterThan(0);
  });
});
