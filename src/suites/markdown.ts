/**
 * The report as markdown tables: for a GitHub job summary or a terminal.
 * Violation messages, evidence, paths and git's version can hold file names
 * from the repository under test (--repo): they go in through mdText
 * or, evidence, in a fence longer than any backtick run in it.
 */
import { opsPerSec, type RunReport, type SuiteReport } from './report.js';
import { describeByKind } from './violations.js';
import { formatDuration } from './progress.js';
import { longestRun, mdText } from '../core/markdown-text.js';

const cell = (s: string | number) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: (string | number)[]) => `| ${cells.map(cell).join(' | ')} |`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const kb = (n: number | null) => (n === null ? '—' : `${(n / 1024).toFixed(1)} MiB`);

function table(head: string[], rows: (string | number)[][]): string[] {
  return [row(head), row(head.map(() => '---')), ...rows.map(row)];
}

function runLabel(r: RunReport): string {
  return `${r.suite} / ${r.mode}${r.backend === 'remote' ? ' (remote backend)' : ''}`;
}

export function renderMarkdown(rep: SuiteReport): string {
  const out: string[] = [];
  out.push(`## lockstep suite ${rep.suite}: ${rep.ok ? 'passed' : '**FAILED**'}`, '');
  out.push(
    `seed ${rep.options.seed} · kill rate ${rep.options.killRate} · ${rep.host.cpus} CPUs · node ${rep.host.node} · git ${mdText(rep.host.git ?? '?')} · ${sec(rep.wallMs)}${rep.options.repo ? ` · clone of ${mdText(rep.options.repo)}` : ' · scratch repository'}`,
    '',
  );
  if (rep.comparison.length) {
    out.push('### Protected vs control', '');
    out.push(
      ...table(
        ['suite', 'workload', 'protected (lockstep)', 'control (no protection)'],
        rep.comparison.map((c) => [
          c.suite,
          c.workload,
          `${c.protected.violations} violations · ${sec(c.protected.wallMs)}`,
          `${c.control.violations} violations${c.control.violations ? ` (${describeByKind(c.control.byKind)})` : ''} · ${sec(c.control.wallMs)}`,
        ]),
      ),
      '',
    );
  }
  if (rep.runs.length) {
    out.push('### Runs', '');
    out.push(
      ...table(
        ['run', 'expected', 'result', 'violations', 'ops', 'ops/s', 'p50 ms', 'p99 ms', 'kills', 'overhead'],
        rep.runs.map((r) => {
          const ops = Object.values(r.operations).reduce((n, o) => n + o.ok, 0);
          const main = r.operations[Object.keys(r.operations)[0] ?? ''];
          return [
            runLabel(r),
            r.expect === 'clean' ? '0 violations' : 'violations',
            r.ok ? 'ok' : '**not as expected**',
            r.violations.total ? `${r.violations.total} (${describeByKind(r.violations.byKind)})` : 0,
            ops,
            opsPerSec(r),
            main?.latencyMs.p50 ?? '—',
            main?.latencyMs.p99 ?? '—',
            r.kills.done,
            `${(r.overheadRatio * 100).toFixed(1)} %`,
          ];
        }),
      ),
      '',
    );
    out.push('### Latency per operation (ms)', '');
    const lat: (string | number)[][] = [];
    for (const r of rep.runs) for (const [op, s] of Object.entries(r.operations)) lat.push([runLabel(r), op, s.ok, s.failed, s.latencyMs.p50, s.latencyMs.p90, s.latencyMs.p99, s.latencyMs.max]);
    out.push(...table(['run', 'operation', 'ok', 'failed', 'p50', 'p90', 'p99', 'max'], lat), '');
    const bad = rep.runs.filter((r) => r.violations.total > 0);
    if (bad.length) {
      out.push('### Violations found', '');
      for (const r of bad) {
        out.push(`- **${runLabel(r)}**: ${describeByKind(r.violations.byKind)}`);
        const firstOfKind = new Map<string, string>();
        for (const v of r.violations.samples) if (!firstOfKind.has(v.kind)) firstOfKind.set(v.kind, v.message);
        for (const [k, m] of firstOfKind) out.push(`  - ${k}: ${mdText(m)}`);
        if (r.keptAt) out.push(`  - evidence kept at ${mdText(r.keptAt)}`);
      }
      out.push('');
    }
    const killed = rep.runs.filter((r) => r.kills.done > 0);
    if (killed.length) {
      out.push('### Recovery after SIGKILL', '');
      out.push(
        ...table(
          ['run', 'kills', 'stale locks taken over (during run / at the end)', 'recovery', 'violations'],
          killed.map((r) => [runLabel(r), r.kills.done, `${r.kills.takeovers} / ${r.kills.locksRecovered}`, Object.entries(r.kills.recovery).map(([k, v]) => `${k} ${v}`).join(', ') || '—', r.violations.total]),
        ),
        '',
      );
    }
  }
  if (rep.soak) {
    const s = rep.soak;
    out.push('### Soak', '');
    out.push(`${s.complete ? 'complete' : 'not complete (resume with the same --checkpoint)'} · ${formatDuration(s.elapsedMs)} of ${formatDuration(s.durationMs)} · ${s.rounds} rounds · ${s.totals.ops} operations · ${s.totals.kills} kills · ${s.totals.takeovers + s.totals.locksRecovered} stale locks taken over · ${s.totals.violations} violations`, '');
    out.push(...table(['segment', 'started', 'ended', 'time', 'rounds', 'ended by'], s.segments.map((g) => [g.index, g.startedAt, g.endedAt, formatDuration(g.elapsedMs), g.rounds, g.endedBy])), '');
    if (s.samples.length) {
      out.push(
        ...table(
          ['minute', 'ops/s', 'p50 ms', 'p99 ms', 'kills', 'violations', 'suite RSS', 'suite fds', 'worker RSS max', 'worker fds max'],
          s.samples.map((m) => [m.minute, m.opsPerSec, m.latencyP50Ms, m.latencyP99Ms, m.kills, m.violations, kb(m.suiteRssKb), m.suiteFds ?? '—', kb(m.workerRssKbMax), m.workerFdsMax ?? '—']),
        ),
        '',
      );
    }
    const g = s.growth;
    out.push(
      ...table(
        ['resource', 'first', 'last', 'max', 'growing'],
        [
          ['suite RSS', kb(g.suiteRssKb.first), kb(g.suiteRssKb.last), kb(g.suiteRssKb.max), g.suiteRssKb.growing ? '**yes**' : 'no'],
          ['suite open files', g.suiteFds.first ?? '—', g.suiteFds.last ?? '—', g.suiteFds.max ?? '—', g.suiteFds.growing ? '**yes**' : 'no'],
          ['worker RSS (max)', kb(g.workerRssKb.first), kb(g.workerRssKb.last), kb(g.workerRssKb.max), g.workerRssKb.growing ? '**yes**' : 'no'],
          ['worker open files (max)', g.workerFds.first ?? '—', g.workerFds.last ?? '—', g.workerFds.max ?? '—', g.workerFds.growing ? '**yes**' : 'no'],
        ],
      ),
      '',
    );
    if (s.firstViolation) {
      const f = s.firstViolation;
      const evidence = JSON.stringify(f.violation.evidence, null, 2);
      const fence = '`'.repeat(Math.max(3, longestRun(evidence) + 1));
      out.push(`**First violation** (round ${f.round}, ${f.suite}): ${f.violation.kind}: ${mdText(f.violation.message)}`, '', `${fence}json`, evidence, fence, '');
    }
  }
  return out.join('\n');
}
