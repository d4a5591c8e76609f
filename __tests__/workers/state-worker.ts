/**
 * A real process that uses workflow state. One argument, a JSON spec:
 *   {"go": "/path/of/start-file" | null, "jobs": [...]}
 * Prints "ready", waits for the go file, runs the jobs, prints one JSON line
 * {"pid", "jobs": [{"mode", "ms", ...}]}.
 *
 * Jobs:
 *   {"mode": "ids", "prefix", "n", "out"}          — n ids from newStateId(), one a line, to `out`
 *   {"mode": "seconds-ids", "prefix", "n", "out"}  — control: the seed's old `PREFIX_$(date +%s)`
 *   {"mode": "set", "repo", "id", "worker", "n"}   — n setState calls, key K_<worker>_<i>
 *   {"mode": "unlocked-set", ...same}              — control: the same read-modify-write without the lock
 */
import { existsSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { newStateId } from '../../src/state/id.js';
import { readStateFile, setState, stateDir, writeStateFile } from '../../src/state/store.js';
import { openRuntime } from '../../src/core/runtime.js';

interface IdsJob {
  mode: 'ids' | 'seconds-ids';
  prefix: string;
  n: number;
  out: string;
}
interface SetJob {
  mode: 'set' | 'unlocked-set';
  repo: string;
  id: string;
  worker: number;
  n: number;
}
type Job = IdsJob | SetJob;

function isIdsJob(j: Job): j is IdsJob {
  return j.mode === 'ids' || j.mode === 'seconds-ids';
}

const spec = JSON.parse(process.argv[2]!) as { go: string | null; jobs: Job[] };

async function main(): Promise<void> {
  process.stdout.write('ready\n');
  if (spec.go) while (!existsSync(spec.go)) await sleep(2);
  const results = [];
  for (const job of spec.jobs) {
    const t0 = performance.now();
    if (isIdsJob(job)) {
      const ids: string[] = new Array(job.n);
      for (let i = 0; i < job.n; i++) ids[i] = job.mode === 'ids' ? newStateId(job.prefix) : `${job.prefix}_${Math.floor(Date.now() / 1000)}`;
      writeFileSync(job.out, ids.join('\n') + '\n');
    } else {
      const runtime = openRuntime({ cwd: job.repo });
      const dir = stateDir({ runtime });
      for (let i = 0; i < job.n; i++) {
        const key = `K_${job.worker}_${i}`;
        if (job.mode === 'set') {
          await setState({ runtime, id: job.id, values: { [key]: String(i) }, timeoutMs: 120_000 });
        } else {
          const rec = readStateFile(dir, job.id)!;
          await new Promise<void>((r) => setImmediate(r));
          rec.values[key] = String(i);
          writeStateFile(dir, rec);
        }
      }
    }
    results.push({ mode: job.mode, ms: performance.now() - t0 });
  }
  process.stdout.write(JSON.stringify({ pid: process.pid, jobs: results }) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
