/**
 * The `suite` and `soak` steps: run `lockstep suite` (the bundled CLI next to
 * this action, dist/cli/index.js) with the reports written into the report
 * directory, then read the JSON report and turn it into outputs, a summary
 * table and annotations.
 *
 * The suite runs as the CLI, not in this process: its workers are CLI
 * processes anyway, its progress lines stream straight into the job log, and
 * a soak segment's SIGTERM handling (checkpoint, then report) is the CLI's own.
 */
import * as core from '@actions/core';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LockstepError } from '../core/errors.js';
import { badCwdError } from '../core/spawn-error.js';
import { ensureDir, unlinkQuiet } from '../core/files.js';
import type { SuiteReport } from '../suites/report.js';
import { renderSuiteReport } from './suite-summary.js';
import type { StepOutcome } from './outcome.js';
import type { ActionSettings } from './settings.js';

export interface ReportPaths {
  json: string;
  markdown: string;
  html: string;
}

/**
 * Where the CLI bundle may be, from where this module runs: next to the
 * action's bundle (dist/action/index.js → dist/cli/index.js, as the runner
 * starts it), or in the checkout's dist/ when the TypeScript source runs
 * (src/action/suite.ts, as `@github/local-action` starts it).
 */
export function cliCandidates(moduleUrl: string = import.meta.url): string[] {
  const here = dirname(fileURLToPath(moduleUrl));
  return [join(here, '..', 'cli', 'index.js'), join(here, '..', '..', 'dist', 'cli', 'index.js')];
}

/** The first CLI bundle that exists, or null. */
export function bundledCli(moduleUrl?: string): string | null {
  return cliCandidates(moduleUrl).find((p) => existsSync(p)) ?? null;
}

export function reportPaths(settings: ActionSettings): ReportPaths {
  const base = join(settings.reportDir, settings.mode === 'soak' ? 'lockstep-soak' : `lockstep-${settings.suite}`);
  return { json: `${base}.json`, markdown: `${base}.md`, html: `${base}.html` };
}

/** The `lockstep suite …` arguments for the settings: only what the inputs set, the suite's defaults otherwise. */
export function suiteArgs(settings: ActionSettings, paths: ReportPaths): string[] {
  const args = ['suite', settings.suite];
  if (settings.procs !== null) args.push('--procs', String(settings.procs));
  if (settings.iterations !== null) args.push('--iterations', String(settings.iterations));
  if (settings.durationMs !== null) args.push('--duration', `${settings.durationMs}ms`);
  if (settings.killRate !== null) args.push('--kill-rate', String(settings.killRate));
  if (settings.seed !== null) args.push('--seed', String(settings.seed));
  if (settings.mode === 'soak') {
    args.push('--checkpoint', settings.checkpoint!);
    if (settings.segmentMs !== null) args.push('--segment', `${settings.segmentMs}ms`);
  }
  args.push('--report', paths.json, '--markdown', paths.markdown, '--html', paths.html);
  return args;
}

interface CliRun {
  code: number;
  /** The last lines the CLI printed on stderr: its error message when it failed. */
  stderrTail: string;
}

/**
 * Runs the CLI with its output streamed into the job log, keeping the end of
 * its stderr for the failure message. A cancelled or timed-out job signals
 * this process: the signal is passed on, so a soak segment checkpoints and
 * writes its report before the runner kills what is left.
 */
function runCli(argv: string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn(process.execPath, argv, { cwd, env: { ...process.env, CI: process.env.CI ?? 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      // spawn throws, rather than reports, some errors of a bad cwd (ENOTDIR, ENAMETOOLONG)
      reject(badCwdError(process.execPath, cwd) ?? e);
      return;
    }
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    let tail = '';
    child.stdout.on('data', (d: Buffer) => process.stdout.write(d));
    child.stderr.on('data', (d: Buffer) => {
      process.stderr.write(d);
      tail = (tail + d.toString('utf8')).slice(-4000);
    });
    child.once('error', (e) => reject(badCwdError(process.execPath, cwd) ?? e));
    child.once('close', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ code: code ?? (signal ? 128 : 1), stderrTail: tail.trim() });
    });
  });
}

/** The CLI names its flags; the step's user knows them as inputs. */
export function asInputs(message: string): string {
  return message.replace(/--(procs|iterations|duration|segment|checkpoint|seed|kill-rate)\b/g, 'input "$1"');
}

function readReport(path: string): SuiteReport {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as SuiteReport;
  } catch (e) {
    throw new LockstepError('CORRUPT_STATE', `the suite report ${path} is not valid JSON: ${(e as Error).message}`);
  }
}

export async function runSuiteStep(settings: ActionSettings): Promise<StepOutcome> {
  const cli = bundledCli();
  if (!cli) {
    throw new LockstepError('ENVIRONMENT', `the lockstep CLI bundle is missing: looked for ${cliCandidates().join(' and ')}`, {
      hint: 'use a released version of the action (its dist/ is committed), or run `npm run build` in this checkout of it',
    });
  }
  ensureDir(settings.reportDir);
  if (settings.checkpoint) ensureDir(dirname(settings.checkpoint));
  const paths = reportPaths(settings);
  // A report left by an earlier step must never be read as this run's.
  for (const p of Object.values(paths)) unlinkQuiet(p);

  // The CLI's progress and per-run lines are many: folded into one group of the job log.
  const args = suiteArgs(settings, paths);
  core.startGroup(`lockstep ${args.slice(0, 2).join(' ')} (its output)`);
  let run: CliRun;
  try {
    run = await runCli([cli, ...args], settings.repoPath);
  } finally {
    core.endGroup();
  }
  if (!existsSync(paths.json)) {
    const lines = run.stderrTail.split('\n');
    // The CLI's error is its `lockstep: …` line and `fix: …` hint; progress lines are noise here.
    const said = lines.filter((l) => /^lockstep: (?!wrote )/.test(l) || /^\s+fix: /.test(l));
    const why = asInputs((said.length ? said : lines.slice(-5)).join('\n').replace(/^lockstep: /, '')) || `exit status ${run.code}`;
    // Exit 2 is the CLI's bad usage or input: an input of this step, named in the CLI's message.
    throw new LockstepError(run.code === 2 ? 'BAD_INPUT' : 'ENVIRONMENT', `lockstep suite ${settings.suite} stopped without a report: ${why}`);
  }
  return renderSuiteReport(readReport(paths.json), {
    paths: { json: paths.json, markdown: existsSync(paths.markdown) ? paths.markdown : null, html: existsSync(paths.html) ? paths.html : null },
    checkpoint: settings.checkpoint,
    exitCode: run.code,
  });
}
