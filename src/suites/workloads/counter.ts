/**
 * counter — the lock itself: each operation reads a shared counter file,
 * yields, and writes the value + 1. Protected: the read-modify-write runs
 * under `withLock`. Control: the same without the lock, which loses updates.
 *
 * Remote backend: the counter sits on storage every machine shares (the run
 * directory); protected, each machine takes the lock through the git remote;
 * control, each takes its own clone's file lock, which the others never see.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { withLock } from '../../core/lock.js';
import { withRemoteLock } from '../../remote/lock.js';
import { writeFileAtomic } from '../../core/files.js';
import { acknowledged } from '../log.js';
import { violation, type Violation } from '../violations.js';
import type { Workload } from '../workload.js';

const LOCK = 'suite-counter';
/**
 * The remote lock's lease: a killed machine's lock is taken over by the
 * others after this (plus grace); its own restarted worker sees the dead pid
 * at once. Long enough that a holder under load never outlives it.
 */
const REMOTE_LEASE_MS = 3000;

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
  remoteSummary: {
    protected: 'read + 1 + write of one shared counter file under the lock on the git remote (withRemoteLock)',
    control: 'read + 1 + write of one shared counter file under each clone’s own file lock',
  },
  defaults: { procs: 6, iterations: 30 },
  maxDelayMs: 2,
  killAtCritical: true,
  opsPerWorker: (_p, iterations) => iterations,
  totalOps: (procs, iterations) => procs * iterations,
  describe: (procs, iterations) => `${procs} processes × ${iterations} increments of one counter file`,

  async setup(ctx) {
    // Remote: outside every clone, on storage all machines share.
    const file = join(ctx.backend === 'remote' ? ctx.runDir : ctx.repo, 'counter.txt');
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
    const local = { cwd: ctx.machine, name: LOCK, timeoutMs: 120_000, reentrant: false };
    const data =
      ctx.backend === 'remote'
        ? ctx.mode === 'protected'
          ? await withRemoteLock({ ...local, leaseMs: REMOTE_LEASE_MS }, increment)
          : await withLock(local, increment)
        : ctx.mode === 'protected'
          ? await withLock(local, increment)
          : await increment();
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
