/**
 * The suites on the remote backend: a bare repository in the run directory
 * is the git server, each worker a machine with its own clone and host id.
 * Protected (the remote backend) must be clean, with workers killed too;
 * control (each clone's own file backend) must find the collisions.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { cleanupTemp, runCli, runCliAsync, tempDir } from '../helpers.js';
import type { SuiteReport } from '../../src/suites/report.js';

afterAll(cleanupTemp);

const REMOTE_WORKLOADS = ['counter', 'allocate', 'claim'];

describe('suite --backend remote', () => {
  test('contention: clean through the remote, collisions with each clone on its own file backend', async () => {
    const run = await runCliAsync(['suite', 'contention', '--backend', 'remote', '--procs', '3', '--iterations', '8', '--seed', '5', '--json', '--no-progress'], { cwd: tempDir() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rep = JSON.parse(run.stdout) as SuiteReport;
    expect(rep.options.backend).toBe('remote');
    expect(rep.runs.map((r) => `${r.suite}/${r.mode}/${r.backend}`)).toEqual(REMOTE_WORKLOADS.flatMap((w) => [`${w}/protected/remote`, `${w}/control/remote`]));
    for (const r of rep.runs) {
      if (r.mode === 'protected') expect({ run: r.suite, violations: r.violations.samples }).toEqual({ run: r.suite, violations: [] });
      else expect(r.violations.total).toBeGreaterThan(0);
    }
    const kindsOf = (w: string) => Object.keys(rep.runs.find((r) => r.suite === w && r.mode === 'control')!.violations.byKind);
    expect(kindsOf('counter')).toContain('lost_update');
    expect(kindsOf('allocate')).toContain('duplicate_number');
    expect(kindsOf('claim')).toContain('duplicate_claim');
  }, 180_000);

  test('with workers killed mid-operation the remote backend stays clean and recovers', async () => {
    const run = await runCliAsync(['suite', 'all', '--backend', 'remote', '--procs', '3', '--iterations', '6', '--seed', '2', '--kill-rate', '0.12', '--json', '--no-progress'], { cwd: tempDir() });
    expect(run.code).toBe(0);
    const rep = JSON.parse(run.stdout) as SuiteReport;
    expect(rep.runs.map((r) => r.suite)).toEqual(REMOTE_WORKLOADS);
    for (const r of rep.runs) expect({ run: r.suite, violations: r.violations.samples }).toEqual({ run: r.suite, violations: [] });
    // The seed schedules kills in every run (the schedule is a pure function of the seed).
    expect(rep.runs.reduce((n, r) => n + r.kills.done, 0)).toBeGreaterThan(0);
  }, 180_000);

  test('suites without a remote form, a named remote and the soak are refused with the way forward', () => {
    const commit = runCli(['suite', 'commit', '--backend', 'remote', '--no-progress'], { cwd: tempDir() });
    expect(commit.code).toBe(2);
    expect(commit.stderr).toMatch(/the commit suite has no remote-backend form: it coordinates one working tree/);
    expect(commit.stderr).toMatch(/counter, allocate, claim/);
    const named = runCli(['suite', 'allocate', '--backend', 'remote:origin', '--no-progress'], { cwd: tempDir() });
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/never push to a real remote/);
    const soak = runCli(['suite', 'soak', '--backend', 'remote', '--no-progress'], { cwd: tempDir() });
    expect(soak.code).toBe(2);
    expect(soak.stderr).toMatch(/lockstep suite contention --backend remote --duration/);
    for (const r of [commit, named, soak]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
