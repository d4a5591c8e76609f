/**
 * One contending process for the lock benchmark:
 *   lock-contender.ts KIND REPO COUNTER N GO_FILE OUT_FILE
 * KIND = lockstep | proper-lockfile | none. Waits for GO_FILE to appear (so all
 * contenders start together, after their start-up), then runs N critical
 * sections (read the counter, write it + 1), recording each wait in ms.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';
import { acquireLock, releaseLock } from '../../src/core/lock.js';
import { openRuntime } from '../../src/core/runtime.js';

const [kind, repo, counter, n, go, out] = process.argv.slice(2) as [string, string, string, string, string, string];

async function main(): Promise<void> {
  const runtime = openRuntime({ cwd: repo });
  const plTarget = join(repo, 'pl-target');
  while (!existsSync(go)) await sleep(2);
  const waits: number[] = [];
  const started = performance.now();
  for (let i = 0; i < Number(n); i++) {
    const t0 = performance.now();
    let release: () => unknown = () => undefined;
    if (kind === 'lockstep') {
      const h = await acquireLock({ runtime, name: 'bench', timeoutMs: 600_000 });
      release = () => releaseLock(h);
    } else if (kind === 'proper-lockfile') {
      const r = await lockfile.lock(plTarget, { realpath: false, stale: 10_000, retries: { retries: 100_000, minTimeout: 1, maxTimeout: 10, factor: 1.2, randomize: true } });
      release = r;
    }
    waits.push(performance.now() - t0);
    const v = Number(readFileSync(counter, 'utf8'));
    writeFileSync(counter, String(v + 1));
    await release();
  }
  writeFileSync(out, JSON.stringify({ waits, ms: performance.now() - started }));
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
