/**
 * The action's `validate` mode over 1,000 commits: the built action
 * (dist/action/index.js) run as the runner runs it, against a repository of
 * commits carrying lockstep's trailers (10 tasks, 1% of the commits sweeping
 * in another task's file), made with `git fast-import` so set-up takes
 * milliseconds. Goal: under 5 s.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt, ROOT, stats, type BenchContext, type BenchSection } from './harness.js';

const ACTION = join(ROOT, 'dist', 'action', 'index.js');
const TASKS = 10;

/** A fast-import stream of `n` commits on main after the repository's first commit. */
function commits(n: number): { stream: string; sweeps: number } {
  const out: string[] = [];
  let sweeps = 0;
  for (let i = 1; i <= n; i++) {
    const task = `t${i % TASKS}`;
    const files = [`${task}/f${i}.txt`];
    // Every 100th commit also carries the next task's file: the sweep validation must catch.
    if (i % 100 === 0) {
      files.push(`t${(i + 1) % TASKS}/swept${i}.txt`);
      sweeps++;
    }
    const msg = `${task}: change ${i}\n\nLockstep-Task: ${task}\nLockstep-Scope: ${JSON.stringify([`${task}/**`])}\nLockstep-Fence: ${i}@bench\n`;
    out.push('commit refs/heads/main', `committer bench <bench@example.invalid> ${1_700_000_000 + i} +0000`, `data ${Buffer.byteLength(msg)}`, msg);
    if (i === 1) out.push('from refs/heads/main^0');
    for (const f of files) {
      const body = `${f} ${i}\n`;
      out.push(`M 100644 inline ${f}`, `data ${Buffer.byteLength(body)}`, body);
    }
    out.push('');
  }
  return { stream: out.join('\n') + '\n', sweeps };
}

function runAction(repo: string, range: string, dir: string): { ms: number; outputs: string; code: number } {
  const output = join(dir, 'output');
  const summary = join(dir, 'summary.md');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(INPUT_|GITHUB_|RUNNER_)/.test(k)) env[k] = v;
  Object.assign(env, {
    GITHUB_WORKSPACE: repo,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    INPUT_MODE: 'validate',
    INPUT_RANGE: range,
    'INPUT_FAIL-ON': 'never',
  });
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [ACTION], { cwd: repo, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  return { ms, outputs: readFileSync(output, 'utf8'), code: r.status ?? 1 };
}

function output(text: string, name: string): string {
  const m = new RegExp(`^${name}<<(.+)\\n([^]*?)\\n\\1$`, 'm').exec(text);
  return m ? m[2]! : '';
}

export default async function (ctx: BenchContext): Promise<BenchSection> {
  const n = 1000;
  const repo = ctx.repo();
  const root = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).stdout.trim();
  const { stream, sweeps } = commits(n);
  const imp = spawnSync('git', ['fast-import', '--quiet', '--force'], { cwd: repo, input: stream, encoding: 'utf8' });
  if (imp.status !== 0) throw new Error(`git fast-import failed: ${imp.stderr}`);
  spawnSync('git', ['reset', '-q', '--hard', 'main'], { cwd: repo });
  const range = `${root}..main`;
  const dir = ctx.tmp();
  const runs = ctx.quick ? 3 : 5;
  const samples: number[] = [];
  let last = { ms: 0, outputs: '', code: 0 };
  for (let i = 0; i <= runs; i++) {
    last = runAction(repo, range, dir);
    if (last.code !== 0) throw new Error(`the action exited ${last.code}: ${last.outputs}`);
    if (i > 0) samples.push(last.ms);
  }
  const checked = Number(output(last.outputs, 'commits-checked'));
  const violations = Number(output(last.outputs, 'violations'));
  const s = stats(samples);
  ctx.log(`validate ${checked} commits: median ${fmt(s.median)} ms, ${violations} violations`);
  return {
    title: 'GitHub Action: validate',
    notes: [
      `The built action (node dist/action/index.js, as the runner starts it) in \`validate\` mode over ${n} commits with lockstep trailers (${TASKS} tasks; ${sweeps} commits sweep in another task's file), median of ${runs} runs after a warm-up. Includes node start-up, range checks, validation, annotations and the job summary.`,
    ],
    columns: ['commits checked', 'violations found', 'median ms', 'p99 ms', 'min ms', 'max ms'],
    rows: [[checked, violations, fmt(s.median), fmt(s.p99), fmt(s.min), fmt(s.max)]],
    goals: [
      { text: `validate over ${n} commits < 5 s`, met: s.median < 5000 && checked === n, measured: `${fmt(s.median / 1000)} s (${checked} commits)` },
      { text: `every sweeping commit reported (${sweeps})`, met: violations >= sweeps, measured: `${violations} violations` },
    ],
  };
}
