/**
 * A real process that allocates numbered directories. One argument, a JSON spec:
 *   {"go": "/path/of/start-file" | null, "jobs": [{"mode", "root", "n", "tag", "timeoutMs"?}…]}
 * Prints "ready" once loaded, waits for the go file (so every process starts
 * contending at once, after its start-up), runs the jobs in order and prints
 * one JSON line: {"jobs": [{"mode", "ms", "startedAt", "endedAt", "allocations": [{"number", "path"}]}]}.
 *
 * Modes:
 *   lib             — the library: allocate() (lock held through mkdir)
 *   broken          — the seed's broken variant, kept here only as the control:
 *                     the same lock, released after picking the number and
 *                     BEFORE the mkdir, so others scan before the directory exists
 *   lock-scan       — the lockstep lock held through a full scan + mkdir, without
 *                     the library's remembered highest number (benchmark comparison)
 *   proper-lockfile — scan + mkdir under proper-lockfile (benchmark comparison)
 */
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';
import { allocate } from '../../src/alloc/allocate.js';
import { allocationLockFor } from '../../src/alloc/lock-target.js';
import { formatNumber, highestNumber } from '../../src/alloc/scan.js';
import { acquireLock, releaseLock } from '../../src/core/lock.js';

interface Job {
  mode: 'lib' | 'broken' | 'lock-scan' | 'proper-lockfile';
  root: string;
  n: number;
  tag: string;
  /** lib only: how long each allocation may wait for the lock (default 120 s). */
  timeoutMs?: number;
}

const spec = JSON.parse(process.argv[2]!) as { go: string | null; jobs: Job[] };

async function brokenAllocate(root: string, name: string): Promise<{ number: number; path: string }> {
  mkdirSync(root, { recursive: true });
  const target = allocationLockFor(realpathSync(root));
  const h = await acquireLock({ runtime: target.runtime, name: target.name, timeoutMs: 120_000 });
  const number = highestNumber(root) + 1;
  releaseLock(h); // ← the bug: the number is handed out, the directory does not exist yet
  await sleep(1); // the caller builds the path and creates the directory "later"
  const path = join(root, `${formatNumber(number, 3)}_${name}`);
  mkdirSync(path, { recursive: true });
  return { number, path };
}

async function lockScanAllocate(root: string, name: string): Promise<{ number: number; path: string }> {
  const real = realpathSync(root);
  const target = allocationLockFor(real);
  const h = await acquireLock({ runtime: target.runtime, name: target.name, timeoutMs: 120_000 });
  try {
    const number = highestNumber(real) + 1;
    const path = join(root, `${formatNumber(number, 3)}_${name}`);
    mkdirSync(path);
    return { number, path };
  } finally {
    releaseLock(h);
  }
}

async function properLockfileAllocate(root: string, name: string): Promise<{ number: number; path: string }> {
  const release = await lockfile.lock(root, { realpath: false, lockfilePath: join(root, '.pl.lock'), stale: 10_000, retries: { retries: 100_000, minTimeout: 1, maxTimeout: 10, factor: 1.2, randomize: true } });
  try {
    const number = highestNumber(root) + 1;
    const path = join(root, `${formatNumber(number, 3)}_${name}`);
    mkdirSync(path);
    return { number, path };
  } finally {
    await release();
  }
}

async function main(): Promise<void> {
  process.stdout.write('ready\n');
  if (spec.go) while (!existsSync(spec.go)) await sleep(2);
  const out = [];
  for (const job of spec.jobs) {
    const allocations: { number: number; path: string }[] = [];
    const t0 = performance.now();
    if (job.mode === 'proper-lockfile' || job.mode === 'lock-scan') mkdirSync(job.root, { recursive: true });
    for (let i = 0; i < job.n; i++) {
      const name = `${job.tag}_${i}`;
      if (job.mode === 'lib') {
        const a = await allocate({ root: job.root, name, timeoutMs: job.timeoutMs ?? 120_000 });
        allocations.push({ number: a.number, path: a.topicPath });
      } else if (job.mode === 'broken') allocations.push(await brokenAllocate(job.root, name));
      else if (job.mode === 'lock-scan') allocations.push(await lockScanAllocate(job.root, name));
      else allocations.push(await properLockfileAllocate(job.root, name));
    }
    const t1 = performance.now();
    // Absolute times, so a benchmark can measure from the first start to the last end across processes.
    out.push({ mode: job.mode, ms: t1 - t0, startedAt: performance.timeOrigin + t0, endedAt: performance.timeOrigin + t1, allocations });
  }
  process.stdout.write(JSON.stringify({ jobs: out }) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
