/**
 * Seed 003: workers finishing (merging) while new worktrees are created.
 * A lock around single git commands let a worktree's file copies interleave
 * with a merge's steps. Here each worktree creation (add + lock + copies +
 * manifest) and each merge (merge + check + move base + bring the checkout
 * along) is one sequence under the repository lock. Two detectors watch it
 * with real processes:
 *
 * - "a merge sees a half-built worktree": every merge's check lists the
 *   registered agent worktrees; each must be complete (locked, manifest written).
 * - "a worktree sees a half-done merge": each new worktree copies stamps/ from
 *   the user's checkout; the copies must equal the files of the worktree's own
 *   start commit (the checkout is only behind or ahead of the base mid-merge).
 *
 * The same workload with the lock turned off (the test-only switch) must trip them.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addAgentWorktree } from '../../src/worktree/worktree.js';
import { cleanupTemp, firstLine, git, startWorker, tempDir, tempRepo, waitExit } from '../helpers.js';

afterAll(cleanupTemp);

const CHECK = `#!/bin/sh
# $1 repo, $2 agent worktree dir, $3 violations file
git -C "$1" worktree list --porcelain | awk -v dir="$2/" -v out="$3" '
function check() { f = p ".json"; if ((getline line < f) <= 0 || !locked) print "HALF " p >> out; close(f) }
/^worktree / { if (p != "" && index(p, dir) == 1) check(); p = substr($0, 10); locked = 0; next }
/^locked/ { locked = 1 }
END { if (p != "" && index(p, dir) == 1) check() }'
exit 0
`;

interface Outcome {
  merges: { status: string; commit: string }[];
  ok: number;
  stale: number;
  half: number;
  errors: string[];
  main: string;
  repo: string;
}

async function scenario(unsafe: boolean): Promise<Outcome> {
  const repo = tempRepo();
  mkdirSync(join(repo, 'stamps'));
  writeFileSync(join(repo, 'stamps', 'seed.txt'), 'seed\n');
  git(repo, 'add', 'stamps');
  git(repo, 'commit', '-q', '-m', 'stamps');
  const finishers = ['f1', 'f2'];
  for (const f of finishers) await addAgentWorktree({ cwd: repo, agent: f });
  const dir = tempDir();
  const check = join(dir, 'check.sh');
  const half = join(dir, 'half.txt');
  writeFileSync(check, CHECK);
  const go = join(dir, 'go');
  const stop = join(dir, 'stop');
  const wtDir = join(repo, '.git', 'lockstep', 'worktrees');
  const flag = unsafe ? '1' : '0';
  const fkids = finishers.map((f) =>
    startWorker('worktree-worker.ts', ['finisher', repo, f, '3', '10', `${check} ${repo} ${wtDir} ${half}`, join(dir, `${f}.out`), go, flag]),
  );
  const ckids = ['c1', 'c2'].map((c) => startWorker('worktree-worker.ts', ['creator', repo, c, stop, join(dir, `${c}.out`), go, flag]));
  await Promise.all([...fkids, ...ckids].map((k) => firstLine(k)));
  writeFileSync(go, '');
  const fcodes = await Promise.all(fkids.map(waitExit));
  writeFileSync(stop, '');
  const ccodes = await Promise.all(ckids.map(waitExit));
  expect([...fcodes, ...ccodes]).toEqual([0, 0, 0, 0]);
  const lines = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8').split('\n').filter(Boolean) : []);
  const flines = finishers.flatMap((f) => lines(join(dir, `${f}.out`)));
  const merges = flines.filter((l) => l.startsWith('M ')).map((l) => ({ status: l.split(' ')[1]!, commit: l.split(' ')[2]! }));
  const created = ['c1', 'c2'].flatMap((c) => lines(join(dir, `${c}.out`)));
  return {
    merges,
    ok: created.filter((l) => l.startsWith('OK ')).length,
    stale: created.filter((l) => l.startsWith('STALE ')).length,
    half: lines(half).length,
    errors: [...created.filter((l) => l.startsWith('ERR ')), ...flines.filter((l) => l.startsWith('E '))],
    main: git(repo, 'rev-parse', 'main'),
    repo,
  };
}

describe('seed 003: worktree creation racing merges (real processes)', () => {
  test('serialized: no merge sees a half-built worktree, no worktree sees a half-done merge, every merge lands', async () => {
    const r = await scenario(false);
    expect(r.half).toBe(0);
    expect(r.stale).toBe(0);
    expect(r.errors).toEqual([]);
    expect(r.ok).toBeGreaterThan(2); // worktrees really were created while merges ran
    expect(r.merges).toHaveLength(6);
    for (const m of r.merges) {
      expect(m.status).toBe('merged');
      git(r.repo, 'merge-base', '--is-ancestor', m.commit, 'main'); // throws if not reachable
    }
    // The user's checkout followed every merge: clean, at the tip, with all 60 files.
    expect(git(r.repo, 'status', '--porcelain')).toBe('');
    expect(git(r.repo, 'ls-files', 'stamps').split('\n')).toHaveLength(61);
  });

  test('control: with the repository lock turned off the detectors fire', async () => {
    const r = await scenario(true);
    // Both kinds of interleaving are what seed 003 describes; at least one must be caught on every run.
    expect(r.half + r.stale).toBeGreaterThan(0);
    console.log(`unserialized: ${r.half} merge check(s) saw a half-built worktree, ${r.stale} of ${r.ok + r.stale} worktree(s) saw a half-done merge, ${r.errors.length} git error(s) ${r.errors.slice(0, 3).join(" / ")}`);
  });
});
