/**
 * The BUILT action (dist/action/index.js) run as a real process the way the
 * runner runs it, in real repositories whose commits were made through
 * lockstep: outputs, annotations on stdout, the job summary and the exit
 * status are all checked. (Build first: `npm run build`.)
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SuiteReport } from '../../src/suites/report.js';
import { cleanupTemp, git, runCli, tempRepo } from '../helpers.js';
import { runAction, type ActionRun } from './run-action.js';

afterAll(cleanupTemp);

function cli(repo: string, ...args: string[]): string {
  const r = runCli(args, { cwd: repo });
  if (r.code !== 0) throw new Error(`lockstep ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

function write(repo: string, file: string, text: string): void {
  mkdirSync(join(repo, file, '..'), { recursive: true });
  writeFileSync(join(repo, file), text);
}

/** Exit 0, or a failure that shows what the action printed. */
function expectPassed(run: ActionRun): void {
  if (run.code !== 0) throw new Error(`the action exited ${run.code}\n--- stdout\n${run.stdout.slice(-3000)}\n--- stderr\n${run.stderr.slice(-3000)}`);
  expect(run.stderr).not.toContain('internal error');
}

function errorsOf(run: ActionRun) {
  return run.annotations.filter((a) => a.level === 'error');
}

/** The step failed with a message naming the input, and set no outputs. */
function expectInputFailure(run: ActionRun, input: string): void {
  expect(run.code).toBe(1);
  expect(errorsOf(run).map((a) => a.message).join('\n')).toContain(`input "${input}"`);
  expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  expect(run.outputs).toEqual({});
}

describe('validate', () => {
  /**
   * Two tasks commit through `lockstep commit`; then task A amends its last
   * commit by hand and sweeps in task B's new file — the seed's failure.
   */
  function makeRepoWithSweep(): { repo: string; base: string; clean: string; sweep: string } {
    const repo = tempRepo();
    const base = git(repo, 'rev-parse', 'HEAD');
    cli(repo, 'task', 'start', 'A', '--scope', 'a/**');
    cli(repo, 'task', 'start', 'B', '--scope', 'b/**');
    write(repo, 'a/1.txt', 'a1\n');
    cli(repo, 'commit', '--task', 'A', '-m', 'A: first', '--', 'a/1.txt');
    write(repo, 'b/1.txt', 'b1\n');
    cli(repo, 'commit', '--task', 'B', '-m', 'B: first', '--', 'b/1.txt');
    const clean = git(repo, 'rev-parse', 'HEAD');
    write(repo, 'a/2.txt', 'a2\n');
    cli(repo, 'commit', '--task', 'A', '-m', 'A: second', '--', 'a/2.txt');
    write(repo, 'b/2.txt', 'b2\n');
    git(repo, 'add', '--', 'b/2.txt');
    git(repo, 'commit', '-q', '--amend', '--no-edit', '--no-verify');
    const sweep = git(repo, 'rev-parse', 'HEAD');
    expect(git(repo, 'log', '-1', '--format=%(trailers:key=Lockstep-Task,valueonly)', sweep)).toBe('A');
    return { repo, base, clean, sweep };
  }
  // validate only reads the repository: the tests share one.
  let shared: ReturnType<typeof makeRepoWithSweep> | undefined;
  const repoWithSweep = () => (shared ??= makeRepoWithSweep());

  test('a push with a swept-in file: error annotation on the file, summary row, outputs, exit 1', async () => {
    const { repo, base, sweep } = repoWithSweep();
    const event = { before: base, after: sweep, ref: 'refs/heads/main', commits: [{}, {}, {}], repository: { default_branch: 'main' } };
    const run = await runAction({ workspace: repo, eventName: 'push', event });
    expect(run.code).toBe(1);
    expect(run.outputs['commits-checked']).toBe('3');
    const violations = Number(run.outputs.violations);
    expect(violations).toBeGreaterThanOrEqual(1);
    const onFile = errorsOf(run).filter((a) => a.props.file === 'b/2.txt');
    expect(onFile.length).toBeGreaterThanOrEqual(1);
    expect(onFile[0]!.props.title).toMatch(/^lockstep .*\(task A\)$/);
    expect(onFile[0]!.message).toContain(sweep.slice(0, 12));
    // The annotation starts at the first line the commit changed in the file.
    expect(onFile[0]!.props.line).toBe('1');
    expect(run.stdout).toMatch(/^::error title=lockstep [^,]*,file=b\/2\.txt,line=1::/m);
    // Every violation is an annotation with a file (plus the step's own failure message).
    expect(errorsOf(run).filter((a) => a.props.file).length).toBe(violations);
    expect(errorsOf(run).some((a) => !a.props.file && /scope violation/.test(a.message))).toBe(true);
    expect(errorsOf(run).some((a) => a.props.file === 'a/2.txt' || a.props.file === 'a/1.txt' || a.props.file === 'b/1.txt')).toBe(false);
    expect(run.summary).toContain('## lockstep validate');
    expect(run.summary).toContain(`\`${base}..${sweep}\``);
    expect(run.summary).toContain('| `' + sweep.slice(0, 12) + '` | A | b/2.txt:1 |');
  });

  test('fail-on never: the same findings, but the step passes', async () => {
    const { repo, base, sweep } = repoWithSweep();
    const run = await runAction({ workspace: repo, eventName: 'push', event: { before: base, after: sweep, ref: 'refs/heads/main' }, inputs: { 'fail-on': 'never' } });
    expect(run.code).toBe(0);
    expect(Number(run.outputs.violations)).toBeGreaterThanOrEqual(1);
    expect(errorsOf(run).some((a) => a.props.file === 'b/2.txt')).toBe(true);
  });

  test('a pull request of clean lockstep commits passes with zero violations', async () => {
    const { repo, base, clean } = repoWithSweep();
    const event = { pull_request: { base: { sha: base, ref: 'main' }, head: { sha: clean, ref: 'feature' }, commits: 2 } };
    const run = await runAction({ workspace: repo, eventName: 'pull_request', event });
    expect(run.code).toBe(0);
    expect(run.outputs).toEqual({ violations: '0', 'commits-checked': '2' });
    expect(errorsOf(run)).toEqual([]);
    expect(run.summary).toContain('every commit stays inside its task');
  });

  test('the range input overrides the event', async () => {
    const { repo, clean, sweep } = repoWithSweep();
    const run = await runAction({ workspace: repo, eventName: 'push', event: {}, inputs: { range: `${clean}..${sweep}` } });
    expect(run.code).toBe(1);
    expect(run.outputs['commits-checked']).toBe('1');
  });
});

describe('bad inputs fail the step naming the input', () => {
  test('unknown mode', async () => {
    expectInputFailure(await runAction({ workspace: tempRepo(), inputs: { mode: 'deploy' } }), 'mode');
  });

  test('negative procs', async () => {
    expectInputFailure(await runAction({ workspace: tempRepo(), inputs: { mode: 'suite', procs: '-3' } }), 'procs');
  });

  test('a range that does not exist', async () => {
    expectInputFailure(await runAction({ workspace: tempRepo(), inputs: { range: 'no-such-branch..HEAD' } }), 'range');
  });

  test('soak without a checkpoint', async () => {
    expectInputFailure(await runAction({ workspace: tempRepo(), inputs: { mode: 'soak', duration: '10s' } }), 'checkpoint');
  });

  test('a checkpoint that is not a checkpoint', async () => {
    const repo = tempRepo();
    write(repo, 'soak/checkpoint.json', '{ not json');
    const run = await runAction({ workspace: repo, inputs: { mode: 'soak', duration: '10s', checkpoint: 'soak/checkpoint.json' } });
    expect(run.code).toBe(1);
    expect(errorsOf(run).map((a) => a.message).join('\n')).toContain(join(repo, 'soak', 'checkpoint.json'));
    expect(run.stdout + run.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  test('fail-on given with its dash, as the runner passes it (INPUT_FAIL-ON)', async () => {
    expectInputFailure(await runAction({ workspace: tempRepo(), inputs: { 'fail-on': 'always' } }), 'fail-on');
  });
});

/** The numbers the outputs must show, computed here from the JSON report independently of the action. */
function expectedNumbers(report: SuiteReport) {
  const prot = report.runs.filter((r) => r.mode === 'protected');
  const ok = prot.reduce((n, r) => n + Object.values(r.operations).reduce((m, o) => m + o.ok, 0), 0);
  const ms = prot.reduce((n, r) => n + r.workloadMs, 0);
  return {
    violations: prot.reduce((n, r) => n + r.violations.total, 0),
    collisions: report.runs.filter((r) => r.mode === 'control').reduce((n, r) => n + r.violations.total, 0),
    throughput: ms > 0 ? Math.round((ok / ms) * 10000) / 10 : 0,
    p99: Math.max(0, ...prot.flatMap((r) => Object.values(r.operations).map((o) => o.latencyMs.p99))),
  };
}

describe('suite', () => {
  test('a small run: the summary table and the outputs match the JSON report', async () => {
    const repo = tempRepo();
    const run = await runAction({ workspace: repo, inputs: { mode: 'suite', suite: 'allocate', procs: '3', iterations: '4', seed: '11', 'report-dir': 'reports' } });
    expectPassed(run);
    // The CLI's output is one folded group of the log, the step's own lines outside it.
    const log = run.stdout.split('\n');
    const open = log.indexOf('::group::lockstep suite allocate (its output)');
    const close = log.indexOf('::endgroup::');
    expect(open).toBeGreaterThanOrEqual(0);
    expect(close).toBeGreaterThan(open);
    expect(log.slice(open, close).some((l) => /^ok {3}allocate \(protected\)/.test(l))).toBe(true);
    const json = join(repo, 'reports', 'lockstep-allocate.json');
    expect(run.outputs['report-json']).toBe(json);
    expect(run.outputs['report-html']).toBe(join(repo, 'reports', 'lockstep-allocate.html'));
    expect(existsSync(run.outputs['report-html']!)).toBe(true);
    const report = JSON.parse(readFileSync(json, 'utf8')) as SuiteReport;
    expect(report.options.seed).toBe(11);
    expect(report.runs.map((r) => [r.suite, r.mode, r.procs, r.iterations])).toEqual([['allocate', 'protected', 3, 4]]);
    const n = expectedNumbers(report);
    expect(n.violations).toBe(0);
    expect(run.outputs).toMatchObject({ violations: String(n.violations), collisions: String(n.collisions), throughput: String(n.throughput), 'p99-ms': String(n.p99) });
    const r = report.runs[0]!;
    const ops = Object.values(r.operations).reduce((m, o) => m + o.ok, 0);
    expect(ops).toBe(12);
    expect(run.summary).toContain('## lockstep suite allocate');
    expect(run.summary).toContain(`| allocate | protected | no violations | 0 | — | ${ops} |`);
    expect(run.summary).toContain(`| ${n.violations} | ${n.collisions} | ${n.throughput} | ${n.p99} |`);
    expect(run.summary).toContain(json);
    expect(errorsOf(run)).toEqual([]);
  });
});

describe('soak', () => {
  test('two consecutive short segments sharing a checkpoint: one combined report, complete=true at the end', async () => {
    const repo = tempRepo();
    // The same soak both times (duration, seed, kill rate are checked against the checkpoint); the first
    // segment stops after its first round (segment 1s), the second runs to the end of the soak.
    const inputs = { mode: 'soak', duration: '8s', procs: '2', seed: '3', 'kill-rate': '0', checkpoint: 'soak/checkpoint.json', 'report-dir': 'soak/report' };
    const first = await runAction({ workspace: repo, inputs: { ...inputs, segment: '1s' } });
    expectPassed(first);
    expect(first.outputs.complete).toBe('false');
    expect(first.outputs.checkpoint).toBe(join(repo, 'soak', 'checkpoint.json'));
    expect(existsSync(first.outputs.checkpoint!)).toBe(true);
    const firstReport = JSON.parse(readFileSync(first.outputs['report-json']!, 'utf8')) as SuiteReport;
    expect(firstReport.soak!.segments).toHaveLength(1);
    expect(firstReport.soak!.complete).toBe(false);
    expect(first.summary).toContain('not complete yet');

    // Resuming with another seed would mix two soaks in one report: refused, naming the input.
    const clash = await runAction({ workspace: repo, inputs: { ...inputs, seed: '4' } });
    expect(clash.code).toBe(1);
    expect(errorsOf(clash).map((a) => a.message).join('\n')).toMatch(/input "seed"/);

    const second = await runAction({ workspace: repo, inputs });
    expectPassed(second);
    expect(second.outputs.complete).toBe('true');
    const report = JSON.parse(readFileSync(second.outputs['report-json']!, 'utf8')) as SuiteReport;
    const soak = report.soak!;
    expect(soak.complete).toBe(true);
    expect(soak.segments.map((s) => s.endedBy)).toEqual(['segment-limit', 'duration']);
    expect(soak.elapsedMs).toBeGreaterThanOrEqual(8000);
    // The combined report holds the first segment's work too.
    expect(soak.rounds).toBeGreaterThan(firstReport.soak!.rounds);
    expect(soak.totals.ops).toBeGreaterThan(firstReport.soak!.totals.ops);
    expect(soak.totals.violations).toBe(0);
    expect(second.outputs).toMatchObject({ violations: '0', checkpoint: first.outputs.checkpoint, 'report-json': first.outputs['report-json'] });
    const [seg0, seg1] = soak.segments;
    expect(second.summary).toContain(`| ${seg0!.index} | ${seg0!.startedAt} |`);
    expect(second.summary).toContain(`| ${seg1!.index} | ${seg1!.startedAt} |`);
    expect(second.summary).toContain('**complete**');
  });
});
