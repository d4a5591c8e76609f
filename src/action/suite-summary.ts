/**
 * A suite report (docs/suites.md) as the step's outputs, job-summary tables
 * and annotations. Every number shown comes from the JSON report, so the
 * summary, the outputs and the report always agree.
 */
import { formatDuration } from '../suites/progress.js';
import type { OperationStats } from '../suites/stats.js';
import type { RunReport, SuiteReport } from '../suites/report.js';
import { asMarkdown, code, mdText, table, type Annotation, type Markdown, type StepOutcome } from './outcome.js';

export interface SuiteNumbers {
  /** Invariant violations of the protected runs (the soak's, in a soak). */
  violations: number;
  /** Violations of the control runs: what the same workload does without lockstep's protection. */
  collisions: number;
  /** Protected operations per second. */
  throughput: number;
  /** Worst 99th-percentile latency over the protected operations, ms. */
  p99Ms: number;
}

export interface RenderOptions {
  paths: { json: string; markdown: string | null; html: string | null };
  checkpoint: string | null;
  /** The CLI's exit status. */
  exitCode: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const okOps = (ops: Record<string, OperationStats>) => Object.values(ops).reduce((n, o) => n + o.ok, 0);
const worstP99 = (ops: Record<string, OperationStats>[]) => Math.max(0, ...ops.flatMap((o) => Object.values(o).map((s) => s.latencyMs.p99)));

function byKind(kinds: Record<string, number | undefined>): string {
  const parts = Object.entries(kinds)
    .filter(([, n]) => (n ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([k, n]) => `${k} ${n}`);
  return parts.length ? parts.join(', ') : '—';
}

export function suiteNumbers(report: SuiteReport): SuiteNumbers {
  const prot = report.runs.filter((r) => r.mode === 'protected');
  const collisions = report.runs.filter((r) => r.mode === 'control').reduce((n, r) => n + r.violations.total, 0);
  if (report.soak) {
    const s = report.soak;
    return { violations: s.totals.violations, collisions, throughput: s.elapsedMs > 0 ? round1((s.totals.ops / s.elapsedMs) * 1000) : 0, p99Ms: worstP99([s.operations]) };
  }
  const workloadMs = prot.reduce((n, r) => n + r.workloadMs, 0);
  return {
    violations: prot.reduce((n, r) => n + r.violations.total, 0),
    collisions,
    throughput: workloadMs > 0 ? round1((prot.reduce((n, r) => n + okOps(r.operations), 0) / workloadMs) * 1000) : 0,
    p99Ms: worstP99(prot.map((r) => r.operations)),
  };
}

function runRow(r: RunReport): (Markdown | string | number)[] {
  const ops = okOps(r.operations);
  const kills = r.kills.scheduled ? `${r.kills.done} (${r.kills.locksRecovered} locks recovered)` : '—';
  return [
    r.suite,
    r.mode,
    r.expect === 'clean' ? 'no violations' : 'violations',
    r.violations.total,
    byKind(r.violations.byKind),
    ops,
    r.workloadMs > 0 ? round1((ops / r.workloadMs) * 1000) : 0,
    worstP99([r.operations]),
    kills,
    r.ok ? 'ok' : asMarkdown('**FAILED**'),
  ];
}

function runAnnotation(r: RunReport): Annotation {
  if (r.mode === 'control') {
    return {
      level: 'error',
      title: `lockstep suite ${r.suite}: the control run found no violations`,
      message: `the same workload without lockstep's protection should have collided and did not (${r.procs} procs × ${r.iterations} iterations): the suite proved nothing on this runner — raise procs or iterations`,
    };
  }
  const first = r.violations.samples[0];
  return {
    level: 'error',
    title: `lockstep suite ${r.suite}: ${r.violations.total} violation(s)`,
    message: `${byKind(r.violations.byKind)}${first ? ` — first: ${first.message}` : ''}${r.keptAt ? ` (evidence kept at ${r.keptAt})` : ''}`,
  };
}

function soakSection(report: SuiteReport, md: string[], annotations: Annotation[]): number {
  const s = report.soak!;
  const h = formatDuration;
  md.push(`### Soak: ${h(s.elapsedMs)} of ${h(s.durationMs)} — ${s.complete ? '**complete**' : 'not complete yet (resume from the checkpoint)'}`, '');
  md.push(
    table(
      ['segment', 'started', 'ran', 'rounds', 'ended by'],
      s.segments.map((g) => [g.index, g.startedAt, h(g.elapsedMs), g.rounds, g.endedBy]),
    ),
    '',
  );
  md.push(table(['rounds', 'operations', 'kills', 'locks recovered', 'violations'], [[s.rounds, s.totals.ops, s.totals.kills, s.totals.locksRecovered, s.totals.violations]]), '');
  if (s.firstViolation) {
    const f = s.firstViolation;
    annotations.push({ level: 'error', title: `lockstep soak: ${f.violation.kind} in round ${f.round} (${f.suite})`, message: `${f.violation.message}${f.keptAt ? ` (evidence kept at ${f.keptAt})` : ''}` });
  }
  let warnings = 0;
  for (const [what, g] of Object.entries(s.growth)) {
    if (!g.growing) continue;
    warnings++;
    annotations.push({ level: 'warning', title: `lockstep soak: ${what} is growing`, message: `${what} went from ${g.first} to ${g.last} (max ${g.max}) over the soak: a leak?` });
    md.push(`- :warning: ${what} grew from ${g.first} to ${g.last} (max ${g.max})`);
  }
  if (warnings) md.push('');
  return warnings;
}

/**
 * The step's one sentence: what failed, by what it is (a violation under
 * lockstep, or a control run too small to race), or what passed. A soak has
 * no control, so its sentence names none.
 */
export function suiteHeadline(report: SuiteReport, n: ReturnType<typeof suiteNumbers>, failed: boolean): string {
  const perf = `${n.throughput} ops/s, p99 ${n.p99Ms} ms`;
  if (report.soak) {
    const s = report.soak;
    const how = `${s.complete ? 'complete' : 'not complete yet'} after ${formatDuration(s.elapsedMs)} of ${formatDuration(s.durationMs)}`;
    return failed ? `soak failed: ${n.violations} violation(s) under lockstep (${how})` : `soak: 0 violations under lockstep, ${how}; ${perf}`;
  }
  const name = `suite ${report.suite}`;
  const silent = report.runs.filter((r) => r.mode === 'control' && r.violations.total === 0);
  const controls = report.runs.some((r) => r.mode === 'control');
  if (failed && n.violations === 0 && silent.length > 0) {
    const sizes = [...new Set(silent.map((r) => `${r.suite} (procs ${r.procs}, iterations ${r.iterations})`))].join(', ');
    return `${name} failed: lockstep had 0 violations, but the control run of ${sizes} found none either, so this run was too small to show the race it guards against; raise procs or iterations`;
  }
  if (failed) return `${name} failed: ${n.violations} violation(s) under lockstep`;
  return controls ? `${name}: ${n.violations} violation(s) with lockstep, ${n.collisions} without; ${perf}` : `${name}: ${n.violations} violation(s) with lockstep; ${perf}`;
}

export function renderSuiteReport(report: SuiteReport, opts: RenderOptions): StepOutcome {
  const n = suiteNumbers(report);
  const annotations: Annotation[] = [];
  const md = [`## lockstep ${report.soak ? 'soak' : `suite ${report.suite}`}`, ''];
  let warnings = 0;
  if (report.soak) warnings = soakSection(report, md, annotations);
  if (report.runs.length) {
    md.push(table(['suite', 'run', 'expected', 'violations', 'by kind', 'operations', 'ops/s', 'p99 ms', 'kills', 'result'], report.runs.map(runRow)), '');
    for (const r of report.runs) if (!r.ok) annotations.push(runAnnotation(r));
  }
  md.push(table(['violations', 'collisions (control)', 'throughput (ops/s)', 'p99 ms'], [[n.violations, n.collisions, n.throughput, n.p99Ms]]), '');
  md.push(mdText(`Seed ${report.options.seed}${report.options.killRate ? `, kill rate ${report.options.killRate}` : ''}; ${report.host.cpus} CPUs, node ${report.host.node}, git ${report.host.git ?? '?'}.`), '');
  md.push(`Reports: JSON ${code(opts.paths.json)}${opts.paths.html ? `, HTML ${code(opts.paths.html)}` : ''}${opts.paths.markdown ? `, markdown ${code(opts.paths.markdown)}` : ''}${opts.checkpoint ? `; checkpoint ${code(opts.checkpoint)}` : ''}.`, '');

  let errors = annotations.filter((a) => a.level === 'error').length;
  if (errors === 0 && (!report.ok || opts.exitCode !== 0)) {
    errors = 1;
    annotations.push({ level: 'error', title: `lockstep suite ${report.suite} failed`, message: `the suite reported failure (ok: ${report.ok}, exit status ${opts.exitCode}); see the report ${opts.paths.json}` });
  }
  const headline = suiteHeadline(report, n, errors > 0);

  const outputs: Record<string, string> = {
    violations: String(n.violations),
    collisions: String(n.collisions),
    throughput: String(n.throughput),
    'p99-ms': String(n.p99Ms),
    'report-json': opts.paths.json,
    'report-html': opts.paths.html ?? '',
  };
  if (report.soak) {
    outputs.checkpoint = opts.checkpoint ?? '';
    outputs.complete = String(report.soak.complete);
  }
  return { outputs, annotations, summary: md.join('\n'), errors, warnings, headline };
}
