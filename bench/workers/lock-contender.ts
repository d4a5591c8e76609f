/**
 * One contending process for the lock benchmark:
 *   lock-contender.ts KIND REPO COUNTER N GO_FILE OUT_FILE
 * KIND = lockstep | proper-lockfile | none. Writes OUT_FILE.ready and waits
 * for GO_FILE to appear (so all contenders start together, after their
 * start-up), then runs N critical sections (read the counter, write it + 1), recording each wait in ms.
 * Before that, WARM sections of the same workload on another lock and counter
 * warm up the JIT (see the benchmark's notes for why).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';
import { acquireLock, releaseLock } from '../../src/core/lock.js';
import { openRuntime, type Runtime } from '../../src/core/runtime.js';

const [kind, repo, counter, n, go, out, warm = '0'] = process.argv.slice(2) as [string, string, string, string, string, string, string?];

/** COUNT critical sections on one lock (and one counter); returns each wait in ms. */
async function sections(runtime: Runtime, count: number, lockName: string, plTarget: string, counterFile: string): Promise<number[]> {
  const waits: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    let release: () => unknown = () => undefined;
    if (kind === 'lockstep') {
      const h = await acquireLock({ runtime, name: lockName, timeoutMs: 600_000 });
      release = () => releaseLock(h);
    } else if (kind === 'proper-lockfile') {
      const r = await lockfile.lock(plTarget, { realpath: false, stale: 10_000, retries: { retries: 100_000, minTimeout: 1, maxTimeout: 10, factor: 1.2, randomize: true } });
      release = r;
    }
    waits.push(performance.now() - t0);
    const v = Number(readFileSync(counterFile, 'utf8'));
    writeFileSync(counterFile, String(v + 1));
    await release();
  }
  return waits;
}

async function main(): Promise<void> {
  const runtime = openRuntime({ cwd: repo });
  // Warm-up: the same contended workload on a lock and counter of its own, not measured.
  if (Number(warm) > 0) {
    const warmCounter = `${counter}.warm`;
    if (!existsSync(warmCounter)) writeFileSync(warmCounter, '0');
    await sections(runtime, Number(warm), 'bench-warm', join(repo, 'pl-warm'), warmCounter);
  }
  writeFileSync(`${out}.ready`, '');
  while (!existsSync(go)) await sleep(2);
  const started = performance.now();
  const waits = await sections(runtime, Number(n), 'bench', join(repo, 'pl-target'), counter);
  writeFileSync(out, JSON.stringify({ waits, ms: performance.now() - started }));
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
