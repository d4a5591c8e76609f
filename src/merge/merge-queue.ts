/**
 * The visible side of the merge queue: each `mergeBranch` call files an entry
 * in `<runtime>/merge/queue/` while it waits for (and then holds) the
 * repository lock, so `lockstep status` can show who is merging and who is
 * next. The order itself comes from the lock's FIFO tickets; these entries
 * only describe it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkDirIn, ensureDirIn, readFileNoFollow, unlinkQuiet, writeFileAtomic } from '../core/files.js';
import { identityOf, liveness } from '../core/process.js';
import { openRuntime, type Runtime } from '../core/runtime.js';
import { randomHex } from '../core/names.js';

export interface MergeQueueEntry {
  v: 1;
  branch: string;
  into: string;
  agent: string | null;
  pid: number;
  pidStart: string | null;
  bootId: string | null;
  host: string;
  enqueuedAtMs: number;
  state: 'waiting' | 'merging';
  startedAtMs: number | null;
}

function queueDir(rt: Runtime): string {
  return join(rt.root, 'merge', 'queue');
}

export function enqueueMerge(rt: Runtime, fields: { branch: string; into: string; agent: string | null }): { path: string; entry: MergeQueueEntry } {
  ensureDirIn(rt.root, queueDir(rt));
  const id = identityOf(process.pid);
  const now = Date.now();
  const entry: MergeQueueEntry = { v: 1, ...fields, pid: id.pid, pidStart: id.pidStart, bootId: id.bootId, host: id.host, enqueuedAtMs: now, state: 'waiting', startedAtMs: null };
  const path = join(queueDir(rt), `${String(now).padStart(13, '0')}-${process.pid}-${randomHex(3)}.json`);
  writeFileAtomic(path, JSON.stringify(entry));
  return { path, entry };
}

export function markMerging(path: string, entry: MergeQueueEntry): void {
  entry.state = 'merging';
  entry.startedAtMs = Date.now();
  try {
    writeFileAtomic(path, JSON.stringify(entry));
  } catch {
    /* status only */
  }
}

export function dequeueMerge(path: string): void {
  unlinkQuiet(path);
}

/** Entries in arrival order; entries of processes that are gone are dropped (and removed). */
export function listMergeQueue(opts: { cwd?: string; runtime?: Runtime } = {}): MergeQueueEntry[] {
  const rt = opts.runtime ?? openRuntime({ cwd: opts.cwd });
  let names: string[];
  if (!checkDirIn(rt.root, queueDir(rt))) return []; // a link there is refused, never listed (or pruned) through
  try {
    names = readdirSync(queueDir(rt));
  } catch {
    return [];
  }
  const out: MergeQueueEntry[] = [];
  for (const n of names.sort()) {
    if (!n.endsWith('.json') || n.startsWith('.')) continue;
    const path = join(queueDir(rt), n);
    let e: MergeQueueEntry;
    try {
      e = JSON.parse(readFileNoFollow(path)) as MergeQueueEntry;
    } catch {
      continue;
    }
    if (liveness(e).state === 'dead') {
      unlinkQuiet(path);
      continue;
    }
    out.push(e);
  }
  return out;
}
