/**
 * Turning results into outputs, annotations and the job summary: pure
 * functions over plain data (the process-level tests run the built action).
 */
import { describe, expect, test } from '@jest/globals';
import { asMarkdown, cell, code, failureFor, mdText, safeAnnotation, table, type StepOutcome } from '../../src/action/outcome.js';
import { renderSuiteReport, suiteNumbers } from '../../src/action/suite-summary.js';
import { asInputs, reportPaths, suiteArgs } from '../../src/action/suite.js';
import type { ActionSettings } from '../../src/action/settings.js';
import { declared } from './action-yml.js';
import { filePrefix, renderValidation, SUMMARY_ROWS } from '../../src/action/validation-summary.js';
import type { RunReport, SuiteReport } from '../../src/suites/report.js';
import { renderMarkdown } from '../../src/suites/markdown.js';
import { renderHtml } from '../../src/suites/html.js';
import type { Violation, ViolationRule } from '../../src/tasks/validate.js';
import type { OperationStats } from '../../src/suites/stats.js';

function outcome(errors: number, warnings: number): StepOutcome {
  return { outputs: {}, annotations: [], summary: '', errors, warnings, headline: 'found things' };
}

describe('fail-on', () => {
  test.each([
    ['error', 1, 0, true],
    ['error', 0, 3, false],
    ['warning', 0, 3, true],
    ['warning', 1, 0, true],
    ['warning', 0, 0, false],
    ['never', 5, 5, false],
  ] as const)('fail-on %s with %i errors and %i warnings fails: %s', (failOn, errors, warnings, fails) => {
    expect(failureFor(outcome(errors, warnings), failOn) !== null).toBe(fails);
  });
});

describe('markdown', () => {
  test('table cells cannot break the table', () => {
    expect(cell('a|b\nc')).toBe('a\\|b c');
    const t = table(['x', 'y'], [['p|q', 1], [asMarkdown(code('r|s')), '-']]);
    expect(t.split('\n')).toEqual(['| x | y |', '| --- | --- |', '| p\\|q | 1 |', '| `r\\|s` | - |']);
  });

  test('outside text shows literally: no HTML, no emphasis, no links, no control characters', () => {
    expect(mdText('lib/<img src=x onerror=alert(1)>.py')).toBe('lib/&lt;img src=x onerror=alert(1)&gt;.py');
    expect(mdText('__init__ *x* [a](http://e) `c` ~~s~~ $m$ # h & \\')).toBe('\\_\\_init\\_\\_ \\*x\\* \\[a\\](http://e) \\`c\\` \\~\\~s\\~\\~ \\$m\\$ \\# h &amp; \\\\');
    expect(mdText('a\n# b\r\n<c\u001b[31m')).toBe('a \\# b &lt;c\\\\e\\[31m');
    // A code span shows its text as it is, fenced past any run of backticks in it.
    expect(code('a``b')).toBe('```a``b```');
    expect(code('`x')).toBe('`` `x ``');
    expect(code('p\nq\u001b')).toBe('`p q\\e`');
  });

  test('annotations carry no control characters or line breaks', () => {
    const a = safeAnnotation({ level: 'error', title: 't\u001b[2J', message: 'm\nholder: pid 1', file: 'f' });
    expect(a).toEqual({ level: 'error', title: 't\\e[2J', message: 'm\\nholder: pid 1', file: 'f' });
  });

  test('a summary of files and tasks named by whoever pushed shows them literally', () => {
    const c = '0123456789abcdef0123456789abcdef01234567';
    const evil = 'lib/<img src=x onerror=alert(1)>.py';
    const v: Violation = { commit: c, file: 'pkg/__init__.py', rule: 'outside_scope', message: `${evil} and __init__ are outside the scope of task <b>T</b>`, task: '__T__' };
    const o = renderValidation({ range: 'a..b', commitsChecked: 1, tasks: ['__T__'], violations: [v, { ...v, file: evil }] }, { range: 'a..b', source: 'push to <script>main</script>' }, '');
    expect(o.summary).not.toMatch(/<img|<b>|<script/);
    expect(o.summary).not.toMatch(/(^|[^\\])__/m); // no bare __ that could turn bold
    expect(o.summary).toContain('| pkg/\\_\\_init\\_\\_.py |');
    expect(o.summary).toContain('| lib/&lt;img src=x onerror=alert(1)&gt;.py |');
    expect(o.summary).toContain('\\_\\_T\\_\\_');
    const rep = report([run('protected', 1, 10, 1000, 5, false)]);
    const s = renderSuiteReport({ ...rep, host: { ...rep.host, git: '<img src=x> __2.40__' } }, { paths: { json: '/r/x.json', markdown: null, html: null }, checkpoint: null, exitCode: 1 });
    expect(s.summary).not.toContain('<img');
    expect(s.summary).toContain('git &lt;img src=x&gt; \\_\\_2.40\\_\\_');
  });
});

const violation = (commit: string, file: string, task = 'A', rule: ViolationRule = 'other_task_scope'): Violation => ({ commit, file, rule, message: `${file} belongs to task B`, task });

describe('validation rendering', () => {
  const resolved = { range: 'aaa..bbb', source: 'push: aaa..bbb' };

  test('a clean range: zero outputs, no annotations, a summary that says so', () => {
    const o = renderValidation({ range: 'aaa..bbb', commitsChecked: 4, tasks: [], violations: [] }, resolved, '');
    expect(o.outputs).toEqual({ violations: '0', 'commits-checked': '4' });
    expect(o.annotations).toEqual([]);
    expect(o.errors).toBe(0);
    expect(o.summary).toContain('`aaa..bbb`');
    expect(o.summary).toContain('4 commit(s) checked');
  });

  test('each violation is an error annotation on its file and a summary row', () => {
    const c = '0123456789abcdef0123456789abcdef01234567';
    const o = renderValidation({ range: 'aaa..bbb', commitsChecked: 3, tasks: ['A'], violations: [violation(c, 'b/2.txt'), violation(c, 'c d|e.txt', 'A', 'outside_scope')] }, resolved, 'sub/');
    expect(o.outputs).toEqual({ violations: '2', 'commits-checked': '3' });
    expect(o.errors).toBe(2);
    expect(o.annotations[0]).toEqual({ level: 'error', title: 'lockstep other_task_scope (task A)', message: 'b/2.txt belongs to task B — commit 0123456789ab', file: 'sub/b/2.txt' });
    expect(o.annotations[1]!.file).toBe('sub/c d|e.txt');
    // A known line goes with the file, into the annotation and the summary row.
    const at = renderValidation({ range: 'r', commitsChecked: 1, tasks: [], violations: [{ ...violation(c, 'TODO.md'), line: 12 }] }, resolved, 'sub/');
    expect(at.annotations[0]).toMatchObject({ file: 'sub/TODO.md', line: 12 });
    expect(at.summary).toContain('| sub/TODO.md:12 |');
    expect(o.summary).toContain('| `0123456789ab` | A | sub/b/2.txt | `other_task_scope` |');
    expect(o.summary).toContain('| sub/c d\\|e.txt |');
    expect(o.headline).toContain('2 scope violation(s) in 1 of 3');
    // Fence and trailer findings are named for what they are.
    const mixed = [violation(c, 'b/2.txt'), { ...violation(c, ''), rule: 'fence_order' as const }, { ...violation(c, ''), rule: 'bad_trailer' as const }];
    expect(renderValidation({ range: 'r', commitsChecked: 3, tasks: [], violations: mixed }, resolved, '').headline).toBe('1 scope violation(s), 1 out-of-order fence(s) and 1 unreadable trailer(s) in 1 of 3 commit(s) checked');
    // A message that names the commit already is not repeated.
    const named = { ...violation(c, 'b/3.txt'), message: `commit ${c.slice(0, 12)} changes b/3.txt` };
    expect(renderValidation({ range: 'r', commitsChecked: 1, tasks: [], violations: [named] }, resolved, '').annotations[0]!.message).toBe(`commit ${c.slice(0, 12)} changes b/3.txt`);
  });

  test('the summary is bounded; every violation is still an annotation and counted', () => {
    const many = Array.from({ length: SUMMARY_ROWS + 7 }, (_, i) => violation(`${i}`.padStart(40, '0'), `b/${i}.txt`));
    const o = renderValidation({ range: 'x..y', commitsChecked: many.length, tasks: ['A'], violations: many }, resolved, '');
    expect(o.outputs.violations).toBe(String(SUMMARY_ROWS + 7));
    expect(o.annotations).toHaveLength(SUMMARY_ROWS + 7);
    expect(o.summary).toContain('… and 7 more');
    expect(o.summary.split('\n').filter((l) => l.startsWith('| `')).length).toBe(SUMMARY_ROWS);
  });

  test('nothing to validate (deleted branch)', () => {
    const o = renderValidation(null, { range: null, source: 'push deleted the branch: nothing to validate' }, '');
    expect(o.outputs).toEqual({ violations: '0', 'commits-checked': '0' });
    expect(o.summary).toContain('nothing to validate');
  });

  test('annotation paths are relative to the workspace', () => {
    expect(filePrefix('/ws', '/ws')).toBe('');
    expect(filePrefix('/ws', '/ws/packages/app')).toBe('packages/app/');
    expect(filePrefix('/ws', '/elsewhere')).toBe('');
  });
});

function ops(ok: number, p99: number): Record<string, OperationStats> {
  return {
    op: {
      count: ok,
      ok,
      failed: 0,
      latencyMs: { min: 1, p50: 2, p90: 3, p99, max: p99 + 1, mean: 2 },
      histogram: { boundsMs: [1], counts: [0, ok] },
      samplesMs: [],
      totalMs: ok * 2,
    },
  };
}

function run(mode: 'protected' | 'control', violations: number, okOps: number, workloadMs: number, p99: number, ok = true): RunReport {
  return {
    suite: 'commit',
    mode,
    expect: mode === 'protected' ? 'clean' : 'violations',
    ok,
    workload: '2 tasks commit',
    operation: 'commit',
    procs: 2,
    iterations: 3,
    seed: 7,
    killRate: 0,
    scheduleDigest: 'd',
    startedAt: '2025-01-01T00:00:00Z',
    wallMs: workloadMs + 100,
    workloadMs,
    checkMs: 5,
    logMs: 1,
    overheadRatio: 0.01,
    operations: ops(okOps, p99),
    throughput: { bucketMs: 1000, series: [okOps] },
    violations: { total: violations, byKind: violations ? { foreign_file: violations } : {}, samples: violations ? [{ kind: 'foreign_file', message: 'b.txt in task A’s commit', evidence: {} }] : [] },
    kills: { scheduled: 0, done: 0, takeovers: 0, locksRecovered: 0, recovery: {} },
    resources: { workerRssKbMax: null, workerFdsMax: null, suiteRssKb: null, suiteFds: null },
    keptAt: null,
  } as RunReport; // a cast, not an annotation: fields the suites add later must not break this fixture
}

function report(runs: RunReport[], soak: SuiteReport['soak'] = null): SuiteReport {
  return {
    schema: 'lockstep.suite-report/1',
    tool: { name: 'lockstep', version: '0.1.0' },
    suite: soak ? 'soak' : 'contention',
    ok: runs.every((r) => r.ok) && (!soak || soak.totals.violations === 0),
    startedAt: '2025-01-01T00:00:00Z',
    finishedAt: '2025-01-01T00:01:00Z',
    wallMs: 60_000,
    host: { platform: 'linux', arch: 'x64', cpus: 2, node: 'v24', git: '2.39' },
    options: { procs: 2, iterations: 3, seed: 7, killRate: 0, control: false, repo: null, durationMs: null, backend: 'file' },
    runs,
    comparison: [],
    soak,
  } as SuiteReport;
}

const paths = { json: '/r/lockstep-contention.json', markdown: '/r/lockstep-contention.md', html: '/r/lockstep-contention.html' };

describe('suite rendering', () => {
  test('protected clean + control colliding: outputs from the report, a row per run, the report paths', () => {
    const r = report([run('protected', 0, 60, 2000, 40), run('control', 9, 60, 1000, 12)]);
    const o = renderSuiteReport(r, { paths, checkpoint: null, exitCode: 0 });
    expect(o.outputs).toEqual({ violations: '0', collisions: '9', throughput: '30', 'p99-ms': '40', 'report-json': paths.json, 'report-html': paths.html });
    expect(o.errors).toBe(0);
    expect(o.annotations).toEqual([]);
    expect(o.summary).toContain('| commit | protected | no violations | 0 | — | 60 | 30 | 40 | — | ok |');
    expect(o.summary).toContain('| commit | control | violations | 9 | foreign\\_file 9 | 60 | 60 | 12 | — | ok |');
    expect(o.summary).toContain('| 0 | 9 | 30 | 40 |');
    expect(o.summary).toContain('`/r/lockstep-contention.html`');
  });

  test('a protected run with violations is an error with its first evidence', () => {
    const o = renderSuiteReport(report([run('protected', 2, 10, 1000, 5, false)]), { paths, checkpoint: null, exitCode: 1 });
    expect(o.errors).toBe(1);
    expect(o.outputs.violations).toBe('2');
    expect(o.annotations[0]).toMatchObject({ level: 'error', title: 'lockstep suite commit: 2 violation(s)' });
    expect(o.annotations[0]!.message).toContain('b.txt in task A’s commit');
    expect(failureFor(o, 'error')).toContain('failed');
  });

  test('a control run that found nothing fails: the suite could not have failed', () => {
    const o = renderSuiteReport(report([run('protected', 0, 10, 1000, 5), run('control', 0, 10, 1000, 5, false)]), { paths, checkpoint: null, exitCode: 1 });
    expect(o.errors).toBe(1);
    expect(o.annotations[0]!.title).toContain('control run found no violations');
    // The step's message says what failed and how to size the run, not "0 violation(s) in the protected run".
    expect(failureFor(o, 'error')).toBe('suite contention failed: lockstep had 0 violations, but the control run of commit (procs 2, iterations 3) found none either, so this run was too small to show the race it guards against; raise procs or iterations');
  });

  test('a suite without a control run names none in its sentence', () => {
    const o = renderSuiteReport(report([run('protected', 0, 10, 1000, 5)]), { paths, checkpoint: null, exitCode: 0 });
    expect(o.headline).toBe('suite contention: 0 violation(s) with lockstep; 10 ops/s, p99 5 ms');
    const both = renderSuiteReport(report([run('protected', 0, 10, 1000, 5), run('control', 3, 10, 1000, 5)]), { paths, checkpoint: null, exitCode: 0 });
    expect(both.headline).toBe('suite contention: 0 violation(s) with lockstep, 3 without; 10 ops/s, p99 5 ms');
  });

  test('a non-zero exit with an ok report still fails the step', () => {
    const o = renderSuiteReport(report([run('protected', 0, 10, 1000, 5)]), { paths, checkpoint: null, exitCode: 4 });
    expect(o.errors).toBe(1);
  });

  test('soak: totals, segments, complete, and growth as warnings', () => {
    const growth = { first: 100, last: 100, max: 100, growing: false };
    const soak = {
      durationMs: 4000,
      elapsedMs: 4000,
      complete: true,
      rounds: 6,
      segments: [
        { index: 0, startedAt: 'a', endedAt: 'b', elapsedMs: 2000, rounds: 3, endedBy: 'segment-limit' },
        { index: 1, startedAt: 'c', endedAt: 'd', elapsedMs: 2000, rounds: 3, endedBy: 'duration' },
      ],
      samples: [],
      operations: ops(80, 33),
      totals: { ops: 80, kills: 1, violations: 0, takeovers: 1, locksRecovered: 1, recovery: {} },
      firstViolation: null,
      growth: { suiteRssKb: growth, suiteFds: { first: 10, last: 40, max: 40, growing: true }, workerRssKb: growth, workerFds: growth },
    } as NonNullable<SuiteReport['soak']>;
    const o = renderSuiteReport(report([], soak), { paths, checkpoint: '/w/cp.json', exitCode: 0 });
    expect(o.outputs).toMatchObject({ violations: '0', throughput: '20', 'p99-ms': '33', checkpoint: '/w/cp.json', complete: 'true' });
    expect(o.errors).toBe(0);
    expect(o.warnings).toBe(1);
    expect(o.annotations).toEqual([expect.objectContaining({ level: 'warning', title: 'lockstep soak: suiteFds is growing' })]);
    expect(failureFor(o, 'error')).toBeNull();
    expect(failureFor(o, 'warning')).not.toBeNull();
    expect(o.summary).toContain('| 0 | a | 2s | 3 | segment-limit |');
    expect(o.summary).toContain('| 1 | c | 2s | 3 | duration |');
    expect(o.summary).toContain('4s of 4s');
    expect(suiteNumbers(report([], soak)).throughput).toBe(20);
    // A soak has no control: its sentence names none.
    expect(o.headline).toBe('soak: 0 violations under lockstep, complete after 4s of 4s; 20 ops/s, p99 33 ms');
    expect(o.headline).not.toMatch(/without|control/);
  });
});

describe('the suite command line', () => {
  const base: ActionSettings = {
    mode: 'suite',
    repoPath: '/ws',
    range: null,
    eventName: 'push',
    event: {},
    suite: 'contention',
    procs: null,
    iterations: null,
    durationMs: null,
    killRate: null,
    seed: null,
    checkpoint: null,
    segmentMs: null,
    reportDir: '/reports',
    failOn: 'error',
  };

  test('only the inputs that were given, plus the three reports', () => {
    const p = reportPaths(base);
    expect(p).toEqual({ json: '/reports/lockstep-contention.json', markdown: '/reports/lockstep-contention.md', html: '/reports/lockstep-contention.html' });
    expect(suiteArgs(base, p)).toEqual(['suite', 'contention', '--report', p.json, '--markdown', p.markdown, '--html', p.html]);
    const all = { ...base, suite: 'commit', procs: 4, iterations: 10, killRate: 0.05, seed: 9 };
    expect(suiteArgs(all, reportPaths(all)).slice(0, 12)).toEqual(['suite', 'commit', '--procs', '4', '--iterations', '10', '--kill-rate', '0.05', '--seed', '9', '--report', '/reports/lockstep-commit.json']);
  });

  test('soak: duration, checkpoint and segment', () => {
    const soak = { ...base, mode: 'soak' as const, suite: 'soak', durationMs: 86_400_000, checkpoint: '/ws/cp.json', segmentMs: 20_400_000 };
    const p = reportPaths(soak);
    expect(p.json).toBe('/reports/lockstep-soak.json');
    expect(suiteArgs(soak, p).slice(0, 8)).toEqual(['suite', 'soak', '--duration', '86400000ms', '--checkpoint', '/ws/cp.json', '--segment', '20400000ms']);
  });

  test("the CLI's flags are named as the step's inputs", () => {
    expect(asInputs('the checkpoint /x belongs to a soak with --seed 1, not 2')).toBe('the checkpoint /x belongs to a soak with input "seed" 1, not 2');
    expect(asInputs('--kill-rate takes a probability')).toBe('input "kill-rate" takes a probability');
  });
});

test('action.yml declares every output the modes set, and nothing else', () => {
  const soakSection = { durationMs: 1, elapsedMs: 1, complete: true, rounds: 0, segments: [], samples: [], operations: {}, totals: { ops: 0, kills: 0, violations: 0, takeovers: 0, locksRecovered: 0, recovery: {} }, firstViolation: null, growth: {} } as unknown as NonNullable<SuiteReport['soak']>;
  const names = new Set([
    ...Object.keys(renderValidation({ range: 'r', commitsChecked: 0, tasks: [], violations: [] }, { range: 'r', source: 's' }, '').outputs),
    ...Object.keys(renderSuiteReport(report([run('protected', 0, 1, 1, 1)]), { paths, checkpoint: null, exitCode: 0 }).outputs),
    ...Object.keys(renderSuiteReport(report([], soakSection), { paths, checkpoint: '/cp', exitCode: 0 }).outputs),
  ]);
  expect([...names].sort()).toEqual(declared('outputs').sort());
});

describe('the suites\' markdown and HTML reports', () => {
  test('file names from the repository under test show literally in both', () => {
    const evil = 'lib/<img src=x onerror=alert(1)>.py';
    const base = run('protected', 1, 10, 1000, 5, false);
    const bad = { ...base, keptAt: `/tmp/${evil}`, violations: { ...base.violations, samples: [{ kind: 'foreign_file', message: `${evil} and __init__ in task A's commit`, evidence: {} }] } } as RunReport;
    const rep = report([bad]);
    const withSoak = { ...rep, host: { ...rep.host, git: '2.4 <b>x</b>' } };
    const md = renderMarkdown(withSoak);
    expect(md).not.toMatch(/<img|<b>/);
    expect(md).toContain('lib/&lt;img src=x onerror=alert(1)&gt;.py and \\_\\_init\\_\\_');
    const html = renderHtml(withSoak);
    // The page embeds the report as JSON (with < escaped) and draws the markdown's tables and lists as escaped HTML.
    expect(html).not.toMatch(/<img|<b>/);
    expect(html).toContain('lib/&lt;img src=x onerror=alert(1)&gt;.py and __init__');
    expect(html).not.toContain('\\_');
  });
});

