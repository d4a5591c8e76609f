/**
 * Agents that share one worktree and stage too much, with husky + lint-staged
 * + commitlint and lockstep's hooks (`lockstep init` as it is): N tasks × R
 * rounds, each its own file, its own TODO.md line and its own state.json key
 * (see race-harness.ts). A run takes minutes: every commit runs lint-staged
 * and commitlint through npx, and other tasks' `git add`s wait for git's
 * index lock meanwhile. `npm run test:slow` runs every mode at the full sizes,
 * 4 × 6 and 8 × 6 (LOCKSTEP_RACE_TASKS, LOCKSTEP_RACE_ROUNDS, LOCKSTEP_RACE_FULL).
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { cleanupTemp } from '../helpers.js';
import { checkRace, raceRepo, runRace, type RaceMode } from './race-harness.js';

afterAll(cleanupTemp);

const N = Number(process.env.LOCKSTEP_RACE_TASKS ?? 2);
const ROUNDS = Number(process.env.LOCKSTEP_RACE_ROUNDS ?? 2);
/**
 * A run takes minutes (the control's git commands, without the lock, fight over index.lock and retry
 * for up to 2 minutes a round), so the race runs in `npm run test:slow`; npm test proves the same
 * protection and its control on the seed's own repro (shared-split.test.ts).
 */
const FULL = process.env.LOCKSTEP_RACE_FULL === '1';
const full = FULL ? test : test.skip;

async function race(mode: RaceMode, skip = false) {
  // The control gets at least 3 tasks, so that the race it must show has room to happen.
  const n = skip ? Math.max(N, 3) : N;
  const rounds = ROUNDS;
  const { repo, base, tasks } = raceRepo(n);
  const run = await runRace({ repo, tasks, mode, rounds, skip });
  const r = checkRace(repo, base, tasks, rounds, run);
  process.stderr.write(`shared race N=${n} ${mode}${skip ? ' (lockstep skipped)' : ''}: ${JSON.stringify(r)}\n`);
  return r;
}

describe(`the shared-file race, ${N} tasks × ${ROUNDS} rounds, husky + lint-staged + commitlint`, () => {
  for (const mode of ['add-all', 'add-own'] as const) {
    full(`${mode === 'add-all' ? 'git add -A' : 'git add OWN TODO.md state.json'} && git commit: nothing foreign in any commit, ≥ 90% of rounds committed by their task, nothing lost`, async () => {
      const r = await race(mode);
      expect(r).toMatchObject({ foreignFiles: 0, foreignTodoLines: 0, foreignStateKeys: 0, lost: 0 });
      expect(r.ownRounds).toBeGreaterThanOrEqual(Math.ceil(0.9 * r.rounds));
    });
  }

  full('shared edits through lockstep edit, then git add -A && git commit: every round committed, nothing foreign, nothing lost', async () => {
    const r = await race('edit');
    expect(r).toMatchObject({ foreignFiles: 0, foreignTodoLines: 0, foreignStateKeys: 0, lost: 0, gaveUp: 0, ownRounds: r.rounds });
  });

  full('lockstep commit --edit: every round committed, nothing foreign, nothing lost', async () => {
    const r = await race('commit-edit');
    expect(r).toMatchObject({ foreignFiles: 0, foreignTodoLines: 0, foreignStateKeys: 0, lost: 0, gaveUp: 0, ownRounds: r.rounds });
  });

  full('the control: git add -A && git commit with lockstep skipped puts other tasks\' files, lines and keys into commits', async () => {
    const r = await race('add-all', true);
    expect(r.foreignFiles + r.foreignTodoLines + r.foreignStateKeys).toBeGreaterThan(0);
  });
});
