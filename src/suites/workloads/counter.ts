/**
 * counter — the lock itself: each operation reads a shared counter file,
 * yields, and writes the value + 1. Protected: the read-modify-write runs
 * under `withLock`. Control: the same without the lock, which loses updates.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { withLock } from '../../core/lock.js';
import { writeFileAtomic } from '../../core/files.js';
import { acknowledged } from '../log.js';
import { violation, type Violation } from '../violations.js';
import type { Workload } from '../workload.js';

const LOCK = 'suite-counter';

function read(file: string): number {
  return Number(readFileSync(file, 'utf8').trim()) || 0;
}

export const counterWorkload: Workload = {
  name: 'counter',
  op: 'increment',
  summary: {
    protected: 'read + 1 + write of one counter file under lockstep’s lock (withLock)',
    control: 'read + 1 + write of one counter file with no lock',
  },
  defaults: { procs: 6, iterations: 30 },
  maxDelayMs: 2,
  killAtCritical: true,
  opsPerWorker: (_p, iterations) => iterations,
  totalOps: (procs, iterations) => procs * iterations,
  describe: (procs, iterations) => `${procs} processes × ${iterations} increments of one counter file`,

  async setup(ctx) {
    const file = join(ctx.repo, 'counter.txt');
    writeFileSync(file, '0\n');
    return { file };
  },

  async run(ctx) {
    const file = ctx.params.file as string;
    const increment = async () => {
      const n = read(file);
      ctx.critical(); // a scheduled kill here dies holding the lock: the next acquirer must take it over
      // Let another process in: the window every lost update comes through.
      await sleep(1);
      // Atomic replace, so a SIGKILL mid-write cannot leave an empty file.
      writeFileAtomic(file, `${n + 1}\n`);
      return { read: n, wrote: n + 1 };
    };
    const data = ctx.mode === 'protected' ? await withLock({ cwd: ctx.repo, name: LOCK, timeoutMs: 120_000, reentrant: false }, increment) : await increment();
    return { data };
  },

  async check(ctx) {
    const out: Violation[] = [];
    const acks = acknowledged(ctx.events, 'increment');
    const seen = new Map<number, string>();
    for (const e of acks) {
      const wrote = Number(e.data?.wrote);
      const who = `worker ${e.w} op ${e.i}`;
      const first = seen.get(wrote);
      if (first) out.push(violation('lost_update', `two increments both wrote ${wrote} (${first} and ${who}): one update was lost`, { value: wrote, first, second: who }));
      else seen.set(wrote, who);
    }
    const final = read(ctx.params.file as string);
    const highest = Math.max(0, ...seen.keys());
    if (final < highest) out.push(violation('lost_update', `the counter ends at ${final}, below the ${highest} an acknowledged increment wrote`, { final, highest }));
    return out;
  },
};
