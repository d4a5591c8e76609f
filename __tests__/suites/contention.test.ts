/**
 * `lockstep suite contention` end to end, small: every workload protected
 * (0 violations) and unprotected (violations found, by kind), side by side;
 * then the reports it wrote — JSON, markdown, and the HTML page rendered in
 * headless Chromium, whose charts must hold the report's numbers.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupTemp, runCliAsync, tempDir, type Run } from '../helpers.js';
import type { SuiteReport } from '../../src/suites/report.js';
import { verdictLines } from '../../src/suites/verdict.js';
import { chartsIn, dumpDom } from './chromium.js';

afterAll(cleanupTemp);

const WORKLOADS = ['counter', 'allocate', 'commit', 'claim', 'merge', 'gitlock'];
let dir: string;
let run: Run;
let rep: SuiteReport;

beforeAll(async () => {
  dir = tempDir();
  run = await runCliAsync(['suite', 'contention', '--procs', '4', '--iterations', '5', '--seed', '11', '--json', '--report', join(dir, 'r.json'), '--markdown', join(dir, 'r.md'), '--html', join(dir, 'r.html')], { cwd: dir });
  rep = JSON.parse(run.stdout) as SuiteReport;
}, 120_000);

describe('suite contention', () => {
  test('protected runs are clean, control runs find violations, by kind', () => {
    expect(run.code).toBe(0);
    expect(rep.schema).toBe('lockstep.suite-report/1');
    expect(rep.ok).toBe(true);
    expect(rep.runs.map((r) => `${r.suite}/${r.mode}`)).toEqual(WORKLOADS.flatMap((w) => [`${w}/protected`, `${w}/control`]));
    for (const r of rep.runs) {
      expect(r.scheduleDigest).toMatch(/^[0-9a-f]{64}$/);
      if (r.mode === 'protected') {
        expect({ run: r.suite, violations: r.violations.samples }).toEqual({ run: r.suite, violations: [] });
        expect(r.ok).toBe(true);
      } else {
        expect(r.violations.total).toBeGreaterThan(0);
        const byKind = Object.values(r.violations.byKind).reduce((a, b) => a + (b ?? 0), 0);
        expect(byKind).toBe(r.violations.total);
      }
    }
    // The protected and control runs of one workload share the schedule.
    for (const w of WORKLOADS) {
      const [p, c] = rep.runs.filter((r) => r.suite === w);
      expect(p!.scheduleDigest).toBe(c!.scheduleDigest);
    }
    const kindsOf = (w: string) => Object.keys(rep.runs.find((r) => r.suite === w && r.mode === 'control')!.violations.byKind);
    expect(kindsOf('counter')).toContain('lost_update');
    expect(kindsOf('allocate')).toContain('duplicate_number');
    expect(kindsOf('claim')).toContain('duplicate_claim');
    expect(kindsOf('commit').some((k) => ['foreign_file', 'foreign_todo_line', 'missing_round', 'index_lock_failure'].includes(k))).toBe(true);
    expect(kindsOf('gitlock').some((k) => ['lost_staged_change', 'corrupt_index', 'operation_failed'].includes(k))).toBe(true);
  });

  test('the comparison puts protected next to control', () => {
    expect(rep.comparison.map((c) => c.suite)).toEqual(WORKLOADS);
    for (const c of rep.comparison) {
      expect(c.protected.violations).toBe(0);
      expect(c.control.violations).toBeGreaterThan(0);
    }
  });

  test('the closing lines say what was proved and name every violation kind seen', () => {
    const total = rep.comparison.reduce((n, c) => n + c.control.violations, 0);
    const lines = verdictLines(rep);
    expect(lines[0]).toBe(`lockstep prevented all ${total} violations that the same workload produced without it.`);
    const kinds = [...new Set(rep.comparison.flatMap((c) => Object.keys(c.control.byKind)))].sort();
    expect(lines.slice(1, 1 + kinds.length).map((l) => l.trim().split(/\s+/)[0])).toEqual(kinds);
    for (const l of lines.slice(1, 1 + kinds.length)) expect(l.trim().split(/\s{2,}/)[1]).toBeTruthy();
    // A protected run with a violation and a control without one are said as such.
    const bad = { ...rep, comparison: rep.comparison.map((c, i) => (i === 0 ? { ...c, protected: { ...c.protected, violations: 1, byKind: { lost_update: 1 } }, control: { ...c.control, violations: 0, byKind: {} } } : c)) };
    const said = verdictLines(bad).join('\n');
    expect(said).toMatch(/^lockstep did NOT prevent everything: its protected runs had 1 violation/);
    expect(said).toContain(`The control run of ${rep.comparison[0]!.suite} found no violation`);
  });

  test('reports: the JSON file is the printed report; markdown has the tables', () => {
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'))).toEqual(rep);
    const md = readFileSync(join(dir, 'r.md'), 'utf8');
    expect(md).toContain('### Protected vs control');
    for (const c of rep.comparison) expect(md).toMatch(new RegExp(`\\| ${c.suite} \\| .* \\| 0 violations · .* \\| ${c.control.violations} violations`));
    expect(md).toContain('### Latency per operation (ms)');
  });

  test('progress without a terminal: one plain line per 10 %', () => {
    const lines = run.stderr.split('\n').filter((l) => /^lockstep suite contention: \d+% \(/.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(11);
    expect(lines[lines.length - 1]).toMatch(/100% \(\d+\/\d+ ops/);
  });

  test('the HTML page renders in headless Chromium and its charts hold the report’s numbers', () => {
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html).not.toMatch(/<svg/); // charts are drawn by the page's script, so the DOM dump proves it ran
    expect(html).not.toMatch(/\b(src|href)="https?:/);
    const dom = dumpDom(join(dir, 'r.html'));
    expect(dom).toContain('data-rendered="yes"');
    const charts = chartsIn(dom);
    const find = (chart: string, attrs: Record<string, string> = {}) =>
      charts.filter((c) => c.attrs['data-chart'] === chart && Object.entries(attrs).every(([k, v]) => c.attrs[k] === v));

    const cmp = find('comparison');
    expect(cmp).toHaveLength(1);
    expect(cmp[0]!.values).toEqual(rep.comparison.flatMap((c) => [c.protected.violations, c.control.violations]));

    for (const r of rep.runs) {
      const id = `${r.suite}/${r.mode}`;
      for (const [op, s] of Object.entries(r.operations)) {
        const lat = find('latency', { 'data-run': id, 'data-op': op });
        expect(lat).toHaveLength(1);
        expect(lat[0]!.values).toEqual(s.histogram.counts);
        expect(lat[0]!.labels[0]).toBe(`≤${s.histogram.boundsMs[0]}`);
      }
      const tp = find('throughput', { 'data-run': id });
      expect(tp).toHaveLength(1);
      expect(tp[0]!.values).toEqual(r.throughput.series);
      const vio = find('violations', { 'data-run': id });
      expect(vio).toHaveLength(1);
      expect(Number(vio[0]!.attrs['data-total'])).toBe(r.violations.total);
      if (r.violations.total) {
        expect(Object.fromEntries(vio[0]!.labels.map((l, k) => [l, vio[0]!.values[k]]))).toEqual(r.violations.byKind);
      }
    }
  });
});
