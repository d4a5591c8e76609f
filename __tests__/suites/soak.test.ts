/**
 * The soak: interrupted by SIGTERM and resumed from its checkpoint, it
 * gives one report covering both segments; and with protection off it stops
 * at its first violation, with the evidence.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, cleanupTemp, runCli, tempDir, until } from '../helpers.js';
import type { SuiteReport } from '../../src/suites/report.js';
import { runSoak, type SoakCheckpoint } from '../../src/suites/soak.js';

afterAll(cleanupTemp);

/**
 * Long enough that the SIGTERM below comes before the end on a loaded machine
 * (it is sent once the first round is done, whenever that is).
 */
const DURATION_S = 40;

describe('suite soak', () => {
  test('SIGTERM, then a resumed run from the checkpoint: one combined report', async () => {
    const dir = tempDir();
    const cp = join(dir, 'soak.checkpoint.json');
    const args = ['suite', 'soak', '--duration', `${DURATION_S}s`, '--sample-every', '1s', '--checkpoint', cp, '--seed', '3', '--procs', '2', '--iterations', '3', '--kill-rate', '0.1', '--report', join(dir, 'r.json'), '--no-progress'];
    const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const read = () => (existsSync(cp) ? (JSON.parse(readFileSync(cp, 'utf8')) as SoakCheckpoint) : null);
    await until(() => (read()?.rounds ?? 0) >= 1, 240_000, 'the first round of the soak');
    expect(read()!.rounds).toBeGreaterThanOrEqual(1);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
    expect(code).toBe(0);
    expect(out).toMatch(/paused: run the same command again to resume/);
    const paused = read()!;
    expect(paused.status).toBe('paused');
    expect(paused.segments).toHaveLength(1);
    expect(paused.segments[0]!.endedBy).toBe('signal');
    expect(paused.elapsedMs).toBeLessThan(DURATION_S * 1000);

    const second = runCli(args, { cwd: dir });
    expect(second.code).toBe(0);
    const rep = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as SuiteReport;
    const s = rep.soak!;
    expect(rep.suite).toBe('soak');
    expect(rep.ok).toBe(true);
    expect(s.complete).toBe(true);
    expect(s.segments.map((g) => g.endedBy)).toEqual(['signal', 'duration']);
    expect(s.rounds).toBe(s.segments[0]!.rounds + s.segments[1]!.rounds);
    expect(s.segments[0]!.rounds).toBeGreaterThanOrEqual(paused.rounds);
    expect(s.elapsedMs).toBeGreaterThanOrEqual(DURATION_S * 1000);
    expect(s.totals.violations).toBe(0);
    expect(s.totals.ops).toBe(Object.values(s.operations).reduce((n, o) => n + o.ok, 0));
    expect(new Set(s.samples.map((m) => m.segment))).toEqual(new Set([0, 1]));
    for (const m of s.samples) {
      expect(m.suiteRssKb).toBeGreaterThan(0);
      expect(m.suiteFds).toBeGreaterThan(0);
    }
    expect(Object.keys(s.growth)).toEqual(['suiteRssKb', 'suiteFds', 'workerRssKb', 'workerFds']);
    // Every workload ran at least once across the segments (the mixed workload).
    expect(Object.keys(s.operations).sort()).toEqual(['increment', 'allocate', 'commit', 'claim', 'merge', 'stage'].slice(0, Math.min(6, s.rounds)).sort());

    // A finished soak's checkpoint just reports again; a clashing option is refused.
    expect(runCli(args, { cwd: dir }).code).toBe(0);
    const clash = runCli([...args.filter((a) => a !== `${DURATION_S}s` && a !== '--duration'), '--duration', `${DURATION_S + 1}s`], { cwd: dir });
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/belongs to a soak with --duration/);
  }, 600_000);

  test('--segment is a hard limit: a round still running at its end is aborted, not awaited', async () => {
    const dir = tempDir();
    // A round of 2 × 100000 operations cannot end within the 2 s segment on any machine: before the
    // limit was hard, the segment waited for it (and this test for jest's timeout).
    const r = await runSoak({ durationMs: 3_600_000, segmentMs: 2_000, checkpoint: join(dir, 'cp.json'), seed: 2, procs: 2, iterations: 100_000, killRate: 0, cli: [process.execPath, CLI], version: 'test', sampleEveryMs: 1000, tmpRoot: dir });
    expect(r.status).toBe('paused');
    const s = r.report.soak!;
    expect(s.segments.map((g) => [g.endedBy, g.rounds])).toEqual([['segment-limit', 0]]);
    expect(s.rounds).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, 'cp.json'), 'utf8')) as SoakCheckpoint).status).toBe('paused');
  }, 120_000);

  test('a corrupt checkpoint is refused with a fix', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cp.json'), '{"half');
    const r = runCli(['suite', 'soak', '--duration', '2s', '--checkpoint', 'cp.json', '--no-progress'], { cwd: dir });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/not valid JSON/);
    expect(r.stderr).toMatch(/fix: move it away/);
  });

  test('with protection off the soak stops at its first violation, with evidence', async () => {
    const dir = tempDir();
    const r = await runSoak({ durationMs: 60_000, checkpoint: join(dir, 'cp.json'), seed: 1, mode: 'control', procs: 4, iterations: 5, killRate: 0, cli: [process.execPath, CLI], version: 'test', sampleEveryMs: 1000, tmpRoot: dir });
    expect(r.status).toBe('failed');
    expect(r.report.ok).toBe(false);
    const s = r.report.soak!;
    expect(s.rounds).toBe(1); // stopped right after the first round
    expect(s.segments[0]!.endedBy).toBe('violation');
    expect(s.firstViolation).toMatchObject({ round: 0, suite: 'counter', violation: { kind: 'lost_update' } });
    expect(Object.keys(s.firstViolation!.violation.evidence).length).toBeGreaterThan(0);
    expect((JSON.parse(readFileSync(join(dir, 'cp.json'), 'utf8')) as SoakCheckpoint).status).toBe('failed');
  }, 60_000);
});
