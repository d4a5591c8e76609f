import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LockstepError } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/files.js';
import { renderHtml } from '../../suites/html.js';
import { renderMarkdown } from '../../suites/markdown.js';
import { parseSeed, randomSeed } from '../../suites/prng.js';
import { createProgress, formatDuration } from '../../suites/progress.js';
import { opsPerSec, type SuiteReport } from '../../suites/report.js';
import { DEFAULT_SOAK_KILL_RATE, runSoak } from '../../suites/soak.js';
import { runSuite, SUITE_NAMES } from '../../suites/suite.js';
import { describeByKind } from '../../suites/violations.js';
import { verdictLines } from '../../suites/verdict.js';
import { workerMain } from '../../suites/worker.js';
import type { BackendKind } from '../../suites/workload.js';
import { globals } from '../context.js';
import { parseDuration, parsePositiveInt, printErr, printJson, printLine } from '../output.js';
import { quoteInput } from '../../core/outside-text.js';

interface SuiteCliOptions {
  procs?: string;
  iterations?: string;
  duration?: string;
  segment?: string;
  seed?: string;
  repo?: string;
  control?: boolean;
  killRate?: string;
  report?: string;
  markdown?: string;
  html?: string;
  checkpoint?: string;
  sampleEvery?: string;
  json?: boolean;
  progress?: boolean;
  keep?: boolean;
  backend?: string;
}

/** The suites' stage: `file` (one repository) or `remote` (a server repository and a clone per worker); never someone's real remote. */
function parseSuiteBackend(v: string | undefined): BackendKind {
  if (v === undefined || v === 'file') return 'file';
  if (v === 'remote') return 'remote';
  if (v.startsWith('remote:')) {
    throw new LockstepError('BAD_INPUT', `--backend ${quoteInput(v)}: the suites make their own server (a bare repository in the run directory) and never push to a real remote`, { hint: 'lockstep suite contention --backend remote' });
  }
  throw new LockstepError('BAD_INPUT', `--backend takes file or remote, not ${quoteInput(v)}`);
}

function parseKillRate(v: string): number {
  const n = Number(v);
  if (!/^\d*\.?\d+$/.test(v.trim()) || !(n >= 0 && n < 1)) {
    throw new LockstepError('BAD_INPUT', `--kill-rate takes a probability per operation from 0 to below 1 (e.g. 0.05), not ${quoteInput(v)}`);
  }
  return n;
}

/** argv that starts this same CLI again (workers are `lockstep _suite-worker` processes). */
function selfArgv(): string[] {
  return [process.execPath, ...process.execArgv.filter((a) => !a.startsWith('--inspect')), process.argv[1]!];
}

function writeReports(rep: SuiteReport, o: SuiteCliOptions, cwd: string): string[] {
  const written: string[] = [];
  const out = (file: string | undefined, text: () => string) => {
    if (!file) return;
    const path = resolve(cwd, file);
    try {
      writeFileAtomic(path, text());
    } catch {
      writeFileSync(path, text()); // e.g. /dev/stdout, where a rename cannot go
    }
    written.push(path);
  };
  out(o.report, () => JSON.stringify(rep, null, 2) + '\n');
  out(o.markdown, () => renderMarkdown(rep) + '\n');
  out(o.html, () => renderHtml(rep));
  return written;
}

function sideBySide(rep: SuiteReport): string[] {
  const lines: string[] = [];
  const w = Math.max(...rep.comparison.map((c) => c.suite.length), 5);
  lines.push(`${'suite'.padEnd(w)}  ${'protected (lockstep)'.padEnd(30)}  control (no protection)`);
  for (const c of rep.comparison) {
    const p = `${c.protected.violations} violations, ${(c.protected.wallMs / 1000).toFixed(1)} s`;
    const k = `${c.control.violations} violations, ${(c.control.wallMs / 1000).toFixed(1)} s${c.control.violations ? `: ${describeByKind(c.control.byKind)}` : ''}`;
    lines.push(`${c.suite.padEnd(w)}  ${p.padEnd(30)}  ${k}`);
  }
  return lines;
}

function summary(rep: SuiteReport): string[] {
  const lines: string[] = [];
  if (rep.soak) {
    const s = rep.soak;
    lines.push(`soak: ${s.complete ? (rep.ok ? 'passed' : 'FAILED') : 'paused'} after ${formatDuration(s.elapsedMs)} of ${formatDuration(s.durationMs)}: ${s.rounds} rounds in ${s.segments.length} segment(s), ${s.totals.ops} operations, ${s.totals.kills} workers killed, ${s.totals.takeovers + s.totals.locksRecovered} stale locks taken over, ${s.totals.violations} violations`);
    const g = s.growth;
    const grew = Object.entries(g).filter(([, v]) => v.growing).map(([k, v]) => `${k} ${v.first} → ${v.last}`);
    lines.push(grew.length ? `growth: ${grew.join(', ')}` : 'growth: none (memory and open files steady)');
    if (s.firstViolation) {
      const f = s.firstViolation;
      lines.push(`first violation (round ${f.round}, ${f.suite}): ${f.violation.kind}: ${f.violation.message}`);
      lines.push(`  evidence: ${JSON.stringify(f.violation.evidence).slice(0, 600)}`);
      if (f.keptAt) lines.push(`  repository and logs kept at ${f.keptAt}`);
    }
    return lines;
  }
  if (rep.comparison.length) {
    lines.push(...sideBySide(rep), '', ...verdictLines(rep), '');
  }
  // Repeated runs (--duration) are summed per workload and mode; each failing run is still shown.
  const groups = new Map<string, SuiteReport['runs']>();
  for (const r of rep.runs) {
    const key = `${r.suite}/${r.mode}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(r);
  }
  for (const runs of groups.values()) {
    const ok = runs.every((r) => r.ok);
    if (rep.comparison.length && ok) continue;
    const r = runs[0]!;
    const total = runs.reduce((n, x) => n + x.violations.total, 0);
    const byKind: Record<string, number> = {};
    for (const x of runs) for (const [k, v] of Object.entries(x.violations.byKind)) byKind[k] = (byKind[k] ?? 0) + (v ?? 0);
    const kills = runs.reduce((n, x) => n + x.kills.done, 0);
    const takeovers = runs.reduce((n, x) => n + x.kills.takeovers + x.kills.locksRecovered, 0);
    const wall = runs.reduce((n, x) => n + x.wallMs, 0);
    const rate = runs.length === 1 ? `${opsPerSec(r)} ops/s, ` : '';
    const head = `${r.suite} (${r.mode}): ${r.workload}${runs.length > 1 ? ` × ${runs.length} runs` : ''} — ${total} violations${total ? ` (${describeByKind(byKind)})` : ''}, ${rate}${(wall / 1000).toFixed(1)} s${kills ? `, ${kills} workers killed and replaced, ${takeovers} stale locks taken over` : ''}`;
    lines.push(`${ok ? 'ok  ' : 'FAIL'} ${head}`);
    if (!ok && r.expect === 'violations') lines.push('     a control run found no violation: this workload could not show the race it guards against');
    const kinds = new Set<string>();
    for (const x of runs) {
      for (const v of x.violations.samples) {
        if (kinds.has(v.kind)) continue;
        kinds.add(v.kind);
        lines.push(`     ${v.kind}: ${v.message}`);
      }
      if (x.keptAt) lines.push(`     evidence kept at ${x.keptAt}`);
    }
  }
  lines.push(`seed ${rep.options.seed} (rerun with --seed ${rep.options.seed} for the same schedule) · ${rep.ok ? 'ok' : 'FAILED'}`);
  return lines;
}

export function registerSuite(program: Command): void {
  program
    .command('suite')
    .argument('<name>', `${SUITE_NAMES.join(' | ')}`)
    .description('run a contention, stress or soak suite with real processes on a scratch repository (or a temp clone of --repo) and check its invariants')
    .option('--procs <n>', 'worker processes (default: per suite)')
    .option('--iterations <n>', 'operations per worker (default: per suite; claim: items per worker)')
    .option('--duration <d>', 'soak: total duration (default 15m); other suites: repeat the runs until D has passed (stress), e.g. 90s, 15m, 24h')
    .option('--segment <d>', 'soak: stop this run after D, a hard limit (resumable from --checkpoint), e.g. 5h40m for a 6-hour CI job, as the action does')
    .option('--checkpoint <file>', 'soak: resume from / checkpoint to this file')
    .option('--sample-every <d>', 'soak: length of one sample window', '60s')
    .option('--seed <n>', 'seed of the workload schedule (same seed, same schedule; default: random, printed)')
    .option('--repo <path>', 'run in a temp clone of this repository (default: a scratch repository)')
    .option('--control', 'run the unprotected variant: it must find violations')
    .option('--backend <backend>', 'file (default), or remote: a server repository and a clone per worker, each a machine with its own host id (counter, allocate and claim; control = each clone\'s own file backend)')
    .option('--kill-rate <r>', 'probability that an operation is cut by a SIGKILL of its worker (soak default 0.05)')
    .option('--report <file>', 'write the JSON report')
    .option('--markdown <file>', 'write the markdown report (for a job summary)')
    .option('--html <file>', 'write the self-contained HTML report with charts')
    .option('--keep', 'keep every run’s repository and logs (default: only a failed protected run’s)')
    .option('--no-progress', 'no progress output on stderr')
    .option('--json', 'print the JSON report on stdout')
    .action(async (name: string, o: SuiteCliOptions, cmd: Command) => {
      const { cwd } = globals(cmd);
      if (!(SUITE_NAMES as readonly string[]).includes(name)) {
        throw new LockstepError('BAD_INPUT', `unknown suite ${quoteInput(name)}: one of ${SUITE_NAMES.join(', ')}`, { hint: 'lockstep suite contention runs every workload protected and unprotected, side by side' });
      }
      const procs = o.procs === undefined ? undefined : parsePositiveInt(o.procs, '--procs', { max: 64 });
      const iterations = o.iterations === undefined ? undefined : parsePositiveInt(o.iterations, '--iterations', { max: 100_000 });
      const seed = o.seed === undefined ? randomSeed() : parseSeed(o.seed);
      const killRate = o.killRate === undefined ? undefined : parseKillRate(o.killRate);
      const sourceRepo = o.repo === undefined ? null : resolve(cwd, o.repo);
      const keep = o.keep ? 'always' : 'on-violation';
      const backend = parseSuiteBackend(o.backend);
      if (name === 'soak' && backend === 'remote') {
        throw new LockstepError('BAD_INPUT', 'the soak runs on the file backend', { hint: 'for a long run on the remote backend repeat its suites for a while: lockstep suite contention --backend remote --duration 2h' });
      }
      const cli = selfArgv();
      const version = program.version() ?? '0.0.0';
      const progress = o.progress === false ? null : createProgress({ stream: process.stderr, label: `lockstep suite ${name}`, unit: name === 'soak' || o.duration !== undefined ? 'time' : 'ops' });

      const ac = new AbortController();
      const stop = () => ac.abort();
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      let rep: SuiteReport;
      let paused = false;
      try {
        if (name === 'soak') {
          const r = await runSoak({
            durationMs: parseDuration(o.duration ?? '15m', '--duration', { min: 1 }),
            segmentMs: o.segment !== undefined ? parseDuration(o.segment, '--segment', { min: 1 }) : null,
            checkpoint: o.checkpoint ? resolve(cwd, o.checkpoint) : null,
            seed,
            killRate: killRate ?? DEFAULT_SOAK_KILL_RATE,
            procs,
            iterations,
            sourceRepo,
            cli,
            version,
            signal: ac.signal,
            sampleEveryMs: parseDuration(o.sampleEvery ?? '60s', '--sample-every', { min: 1 }),
            explicit: { durationMs: o.duration !== undefined, seed: o.seed !== undefined, killRate: o.killRate !== undefined },
            onProgress: (done, total, note) => progress?.update(done, total, note),
          });
          rep = r.report;
          paused = r.status === 'paused';
        } else {
          if (o.checkpoint || o.segment) throw new LockstepError('BAD_INPUT', '--checkpoint and --segment belong to the soak: lockstep suite soak --duration 24h --checkpoint FILE');
          rep = await runSuite({
            suite: name as Parameters<typeof runSuite>[0]['suite'],
            procs,
            iterations,
            seed,
            killRate,
            control: o.control,
            durationMs: o.duration === undefined ? undefined : parseDuration(o.duration, '--duration', { min: 1 }),
            sourceRepo,
            backend,
            cli,
            version,
            signal: ac.signal,
            keep,
            onProgress: (done, total) => progress?.update(done, total),
          });
        }
      } catch (e) {
        if (ac.signal.aborted) throw new LockstepError('ENVIRONMENT', `suite ${name} stopped by a signal before it finished; nothing was checked`);
        throw e;
      } finally {
        progress?.finish();
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
      }
      const written = writeReports(rep, o, cwd);
      if (o.json) printJson(rep);
      else {
        for (const l of summary(rep)) printLine(l);
        if (paused) printLine(`paused: run the same command again to resume from ${o.checkpoint ?? '(no --checkpoint given: this soak cannot be resumed)'}`);
        for (const f of written) printErr(`lockstep: wrote ${f}`);
      }
      process.exitCode = rep.ok ? 0 : 1;
    });

  // The worker process of every suite: not for people (hidden from --help).
  program
    .command('_suite-worker', { hidden: true })
    .argument('<spec>')
    .argument('<worker>')
    .argument('<incarnation>')
    .argument('<start>')
    .argument('<go>')
    .action(async (spec: string, worker: string, incarnation: string, start: string, go: string) => {
      process.exitCode = await workerMain({
        specPath: spec,
        worker: Number(worker),
        incarnation: Number(incarnation),
        startAt: Number(start),
        waitForGo: go === 'wait',
        out: (line) => printLine(line),
        go: () =>
          new Promise<void>((resolveGo) => {
            let buf = '';
            const onData = (d: Buffer) => {
              buf += d.toString('utf8');
              if (buf.includes('go\n')) {
                process.stdin.off('data', onData);
                // Let go of stdin, or its open pipe keeps this process alive at the end.
                process.stdin.destroy();
                resolveGo();
              }
            };
            process.stdin.on('data', onData);
          }),
      });
    });
}
