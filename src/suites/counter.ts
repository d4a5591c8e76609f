/**
 * The counter workload: N processes each increment a shared counter file M
 * times (read, then write + 1) — the smallest critical section that loses
 * updates without a lock. Run once through `lockstep run-locked` and once
 * bare, it shows the lost updates the lock prevents.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CounterOptions {
  repo: string;
  procs: number;
  iterations: number;
  /** argv prefix that runs the lockstep CLI, e.g. [process.execPath, '/path/dist/cli/index.js']. */
  cli: string[];
  protect: boolean;
}

export interface CounterResult {
  protected: boolean;
  procs: number;
  iterations: number;
  expected: number;
  final: number;
  lostUpdates: number;
  failures: number;
  ms: number;
}

// The increment itself: read, let another process run, write + 1. A constant
// script with the file passed as an argument: nothing from input is parsed by a shell.
const INCREMENT = 'n=$(cat "$1"); sleep 0.002; echo $((n + 1)) > "$1"';

function runOne(argv: string[], cwd: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd, stdio: 'ignore' });
    child.once('error', () => resolve(127));
    child.once('close', (code) => resolve(code ?? 1));
  });
}

export async function runCounter(opts: CounterOptions): Promise<CounterResult> {
  const counter = join(opts.repo, `counter-${opts.protect ? 'locked' : 'bare'}.txt`);
  writeFileSync(counter, '0\n');
  const step = ['sh', '-c', INCREMENT, 'increment', counter];
  const argv = opts.protect ? [...opts.cli, 'run-locked', '--quiet', '--name', 'counter', '--timeout', '120', '--', ...step] : step;
  const started = Date.now();
  let failures = 0;
  await Promise.all(
    Array.from({ length: opts.procs }, async () => {
      for (let i = 0; i < opts.iterations; i++) {
        if ((await runOne(argv, opts.repo)) !== 0) failures++;
      }
    }),
  );
  const final = Number(readFileSync(counter, 'utf8').trim()) || 0;
  const expected = opts.procs * opts.iterations;
  return { protected: opts.protect, procs: opts.procs, iterations: opts.iterations, expected, final, lostUpdates: expected - final, failures, ms: Date.now() - started };
}
