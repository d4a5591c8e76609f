/**
 * The benchmark harness. `npm run bench` runs every `bench/*.bench.ts` (or
 * the ones named on the command line) and writes docs/benchmarks.md with the
 * machine, the date, and each section's table. Timings are compared as
 * ratios within one run, side by side with the alternatives a user would
 * pick (flock(1), proper-lockfile, bare git): this machine is noisy, so only
 * ratios from the same run mean anything.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname ?? '.', '..');
export const CLI = join(ROOT, 'dist', 'cli', 'index.js');

export interface Goal {
  /** What the goal says, e.g. "10-way throughput >= 2.5x proper-lockfile". */
  text: string;
  met: boolean;
  /** The measured value behind it, e.g. "3.1x". */
  measured: string;
}

export interface BenchSection {
  title: string;
  /** Paragraphs shown under the title: what is measured and how. */
  notes?: string[];
  columns: string[];
  rows: (string | number)[][];
  goals?: Goal[];
}

export interface BenchContext {
  /** Smaller workloads (set by `npm run bench -- --quick`). */
  quick: boolean;
  /** argv prefix that runs the built CLI: [node, dist/cli/index.js]. */
  cli: string[];
  /** A new temp directory, removed after the run. */
  tmp(prefix?: string): string;
  /** A new git repository with one commit and gc off, removed after the run. */
  repo(): string;
  log(line: string): void;
}

export interface Stats {
  n: number;
  median: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return { n: 0, median: NaN, p99: NaN, mean: NaN, min: NaN, max: NaN };
  const q = (p: number) => s[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))]!;
  return { n, median: q(0.5), p99: q(0.99), mean: s.reduce((a, b) => a + b, 0) / n, min: s[0]!, max: s[n - 1]! };
}

export function fmt(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return '—';
  if (Math.abs(n) >= 100) return n.toFixed(0);
  return n.toFixed(digits);
}

export function ratio(a: number, b: number): string {
  return `${fmt(a / b)}×`;
}

/** Times a command `runs` times (after one warm-up) and returns the samples in ms. */
export function timeCommand(argv: string[], runs: number, opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): number[] {
  const out: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(argv[0]!, argv.slice(1), { cwd: opts.cwd, env: opts.env ?? process.env, stdio: 'ignore' });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}`);
    if (i > 0) out.push(ms);
  }
  return out;
}

/** Runs a process to completion, collecting stdout. */
export function runProcess(argv: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((r) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd: opts.cwd, env: opts.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => r({ code: code ?? 1, stdout, stderr }));
  });
}

/** argv that runs a TypeScript file under bench/ as its own process (for multi-process workloads). */
export function tsWorker(file: string, args: string[]): string[] {
  return [process.execPath, '--import', 'tsx', join(ROOT, 'bench', file), ...args];
}

export function makeContext(quick: boolean): { ctx: BenchContext; dispose(): void } {
  const dirs: string[] = [];
  const tmp = (prefix = 'lockstep-bench-') => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
  const ctx: BenchContext = {
    quick,
    cli: [process.execPath, CLI],
    tmp,
    repo() {
      const d = tmp('lockstep-bench-repo-');
      const g = (...a: string[]) => spawnSync('git', a, { cwd: d, stdio: 'ignore' });
      g('init', '-q', '-b', 'main');
      g('config', 'user.name', 'bench');
      g('config', 'user.email', 'bench@example.invalid');
      g('config', 'gc.auto', '0');
      g('config', 'commit.gpgsign', 'false');
      writeFileSync(join(d, 'README.md'), '# bench\n');
      g('add', 'README.md');
      g('commit', '-q', '-m', 'initial');
      return d;
    },
    log: (line) => process.stderr.write(`  ${line}\n`),
  };
  return { ctx, dispose: () => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })) };
}
