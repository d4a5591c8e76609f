/**
 * Fault injection and the rest of the command: SIGKILLed workers with
 * nothing lost and no stuck lock, reproducible schedules, --repo, bad input.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupTemp, git, runCli, runCliAsync, tempDir, tempRepo } from '../helpers.js';
import type { SuiteReport } from '../../src/suites/report.js';

afterAll(cleanupTemp);

describe('suite all --kill-rate', () => {
  test('workers SIGKILLed at random points: recovery verified, nothing lost, no stuck lock', async () => {
    // Seed 25 schedules counter kills inside the critical section (holding the
    // lock) and a claim kill while holding an item, at early operations.
    const r = await runCliAsync(['suite', 'all', '--kill-rate', '0.2', '--procs', '3', '--iterations', '4', '--seed', '25', '--json', '--no-progress'], { cwd: tempDir() });
    const rep = JSON.parse(r.stdout) as SuiteReport;
    expect(r.code).toBe(0);
    expect(rep.runs.map((x) => x.suite)).toEqual(['counter', 'allocate', 'commit', 'claim', 'merge', 'gitlock']);
    for (const run of rep.runs) {
      // No stuck_lock, lock_left_behind, lost_item, lost_allocation, lost_merge …
      expect({ suite: run.suite, violations: run.violations.samples }).toEqual({ suite: run.suite, violations: [] });
      expect(run.kills.scheduled).toBeGreaterThan(0);
    }
    expect(rep.runs.reduce((n, x) => n + x.kills.done, 0)).toBeGreaterThanOrEqual(5);
    const counter = rep.runs.find((x) => x.suite === 'counter')!;
    expect(counter.kills.takeovers + counter.kills.locksRecovered).toBeGreaterThanOrEqual(1);
    const claim = rep.runs.find((x) => x.suite === 'claim')!;
    expect(claim.kills.recovery.itemsReclaimed).toBeGreaterThanOrEqual(1);
    expect(claim.operations.claim!.ok).toBeGreaterThanOrEqual(12 - claim.kills.done);
  }, 120_000);
});

describe('reproducible schedules', () => {
  test('the same --seed gives the same schedule; another seed another one', async () => {
    const digest = async (seed: string) => {
      const r = await runCliAsync(['suite', 'allocate', '--procs', '2', '--iterations', '3', '--seed', seed, '--kill-rate', '0.3', '--json', '--no-progress'], { cwd: tempDir() });
      expect(r.code).toBe(0);
      const rep = JSON.parse(r.stdout) as SuiteReport;
      expect(rep.options.seed).toBe(Number(seed));
      return { digest: rep.runs[0]!.scheduleDigest, kills: rep.runs[0]!.kills.scheduled };
    };
    const [a, b, c] = await Promise.all([digest('99'), digest('99'), digest('100')]);
    expect(b).toEqual(a);
    expect(c.digest).not.toBe(a.digest);
  }, 60_000);

  test('--duration repeats the runs (stress) until it has passed, with seeds derived from --seed', () => {
    // How many runs fit in a duration is the machine's business, not the
    // test's: the duration is sized from a run timed here, and doubled while
    // a single run fills it. What holds at any speed is checked each time.
    const args = ['suite', 'counter', '--procs', '2', '--iterations', '2', '--seed', '99', '--json', '--no-progress'];
    const t0 = Date.now();
    const once = runCli(args, { cwd: tempDir() });
    expect(once.code).toBe(0);
    const first = (JSON.parse(once.stdout) as SuiteReport).runs[0]!;
    let durationMs = Math.max(1500, 3 * (Date.now() - t0));
    for (let attempt = 0; ; attempt++) {
      const r = runCli([...args, '--duration', `${durationMs}ms`], { cwd: tempDir() });
      expect(r.code).toBe(0);
      const rep = JSON.parse(r.stdout) as SuiteReport;
      expect(rep.options.durationMs).toBe(durationMs);
      expect(Date.parse(rep.finishedAt) - Date.parse(rep.startedAt)).toBeGreaterThanOrEqual(durationMs); // it went on until the time was up
      expect(rep.runs[0]!.scheduleDigest).toBe(first.scheduleDigest); // the first run is --seed's own
      expect(new Set(rep.runs.map((x) => x.scheduleDigest)).size).toBe(rep.runs.length);
      expect(rep.runs.every((x) => x.violations.total === 0)).toBe(true);
      if (rep.runs.length >= 2 || attempt === 4) {
        expect(rep.runs.length).toBeGreaterThanOrEqual(2);
        break;
      }
      durationMs *= 2;
    }
  });

  test('without --seed a random one is used and printed for a rerun', () => {
    const r = runCli(['suite', 'counter', '--procs', '2', '--iterations', '2', '--no-progress'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/seed \d+ \(rerun with --seed \d+ for the same schedule\)/);
  });
});

describe('--repo', () => {
  test('runs in a temp clone and leaves the repository alone', () => {
    const repo = tempRepo();
    writeFileSync(join(repo, 'mine.txt'), 'uncommitted\n');
    const head = git(repo, 'rev-parse', 'HEAD');
    const r = runCli(['suite', 'commit', '--repo', repo, '--procs', '2', '--iterations', '2', '--json', '--no-progress'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout) as SuiteReport;
    expect(rep.options.repo).toBe(repo);
    expect(rep.runs[0]!.violations.total).toBe(0);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(repo, 'status', '--porcelain')).toBe('?? mine.txt');
    expect(existsSync(join(repo, '.git', 'lockstep'))).toBe(false);
  });
});

describe('bad input', () => {
  test.each([
    [['suite', 'nope'], 2, /unknown suite "nope"/],
    [['suite', 'allocate', '--kill-rate', '1.5'], 2, /--kill-rate takes a probability/],
    [['suite', 'allocate', '--procs', '0'], 2, /--procs takes a whole number/],
    [['suite', 'allocate', '--seed', 'x'], 2, /--seed takes a whole number/],
    [['suite', 'allocate', '--checkpoint', 'cp.json'], 2, /--checkpoint and --segment belong to the soak/],
    [['suite', 'soak', '--duration', 'forever'], 2, /--duration takes a duration/],
  ])('%j → exit %i', (args, code, msg) => {
    const r = runCli(args as string[], { cwd: tempDir() });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(msg as RegExp);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  test('--repo that is not a repository: exit 4, names the fix', () => {
    const r = runCli(['suite', 'allocate', '--repo', tempDir(), '--no-progress'], { cwd: tempDir() });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/is not a git repository/);
    expect(r.stderr).toMatch(/fix: /);
  });
});
