/**
 * `lockstep remote gc`: removes the refs under refs/lockstep/ on the remote
 * that nothing needs any more.
 *
 *   locks   a lock ref whose lease ran out, as counted on this machine (see
 *           observations.ts: a first run notes what it sees, a run after the
 *           lease removes it; `waitMs` does both in one run). Fence refs are
 *           never removed: they keep tokens rising.
 *   claims  a claim whose lease ran out is reclaimed (the item becomes
 *           claimable again, attempt count kept; failed after the maximum).
 *           Done and failed claims stay: they stop other machines from
 *           claiming a finished item again. `dropQueues` removes every claim
 *           of a queue that is finished for good.
 *   alloc   every per-number ref except the newest of its root: the root's
 *           head ref is the counter (never removed) and the newest number
 *           guards it (see alloc.ts); the numbers below are history.
 *
 * Every removal is a compare-and-swap on the id gc judged, so a renewal, a
 * completion or an allocation that lands meanwhile wins and is kept.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { appendEvent } from '../core/events.js';
import { reclaimRemote, type ReclaimResult } from './claims.js';
import type { RemoteOwnerRecord } from './lock.js';
import { Observer, judgeLease, monoNowMs } from './observations.js';
import { validateQueueName } from '../queue/names.js';
import { listRemoteRefs, openRemote, pushUpdates, readRecords, type RefUpdate, type RemoteContext, type RemoteOptions } from './transport.js';
import { timerDelay } from '../core/duration.js';

export interface RemoteGcOptions extends RemoteOptions {
  /** Report what would be removed, change nothing. */
  dryRun?: boolean;
  /** Wait up to this long (ms) for leases seen now to run out, then remove them too. */
  waitMs?: number;
  /** Queues whose claims are all removed (the queue is finished). */
  dropQueues?: string[];
  /** Claims reclaimed this many times are failed instead (default 3). */
  maxAttempts?: number;
}

export interface RemoteGcResult {
  remote: string;
  dryRun: boolean;
  locks: {
    removed: { name: string; token: number; host: string | null; reason: string }[];
    waiting: { name: string; token: number; host: string | null; expiresInMs: number }[];
  };
  claims: ReclaimResult & { dropped: { queue: string; refs: number }[] };
  alloc: { root: string; kept: number | null; removed: number[] }[];
  /** Removals that lost a race (renewed, completed or moved meanwhile) and were kept. */
  skipped: string[];
}

const LOCK = /^refs\/lockstep\/locks\/([^/]+)$/;
const CLAIM = /^refs\/lockstep\/claims\/([^/]+)\/([^/]+)$/;
const ALLOC = /^refs\/lockstep\/alloc\/([0-9a-f]+)\/(head|\d+)$/;

export async function remoteGc(opts: RemoteGcOptions = {}): Promise<RemoteGcResult> {
  const ctx = openRemote(opts);
  const deadline = monoNowMs() + (opts.waitMs ?? 0);
  const drop = (opts.dropQueues ?? []).map(validateQueueName);
  const observer = new Observer(ctx);
  const total: RemoteGcResult = {
    remote: ctx.remote,
    dryRun: Boolean(opts.dryRun),
    locks: { removed: [], waiting: [] },
    claims: { reclaimed: [], failed: [], waiting: [], dropped: [] },
    alloc: [],
    skipped: [],
  };
  for (let pass = 0; ; pass++) {
    const r = await gcPass(ctx, observer, opts, pass === 0 ? drop : []);
    total.locks.removed.push(...r.locks.removed);
    total.locks.waiting = r.locks.waiting;
    total.claims.reclaimed.push(...r.claims.reclaimed);
    total.claims.failed.push(...r.claims.failed);
    total.claims.waiting = r.claims.waiting;
    total.claims.dropped.push(...r.claims.dropped);
    total.skipped.push(...r.skipped);
    if (pass === 0) total.alloc = r.alloc;
    const soonest = Math.min(...r.locks.waiting.map((w) => w.expiresInMs), ...r.claims.waiting.map((w) => w.expiresInMs));
    const left = deadline - monoNowMs();
    if (!Number.isFinite(soonest) || soonest > left || opts.dryRun) break;
    await sleep(timerDelay(Math.max(10, soonest + 20)));
  }
  appendEvent(ctx.runtime.root, 'remote_gc', {
    remote: ctx.remote,
    dryRun: total.dryRun,
    locks: total.locks.removed.length,
    reclaimed: total.claims.reclaimed.length,
    alloc: total.alloc.reduce((n, a) => n + a.removed.length, 0),
  });
  return total;
}

async function gcPass(ctx: RemoteContext, observer: Observer, opts: RemoteGcOptions, drop: string[]): Promise<RemoteGcResult> {
  const refs = await listRemoteRefs(ctx, ['refs/lockstep/*'], 'list lockstep refs');
  const out: RemoteGcResult = { remote: ctx.remote, dryRun: Boolean(opts.dryRun), locks: { removed: [], waiting: [] }, claims: { reclaimed: [], failed: [], waiting: [], dropped: [] }, alloc: [], skipped: [] };
  const deletions: (RefUpdate & { done: () => void })[] = [];

  // Locks.
  const lockRefs = [...refs].filter(([ref]) => LOCK.test(ref));
  const lockRecords = await readRecords<RemoteOwnerRecord>(ctx, lockRefs.map(([, oid]) => oid));
  for (const [ref, oid] of lockRefs) {
    const name = LOCK.exec(ref)![1]!;
    const rec = lockRecords.get(oid) ?? null;
    const holder = rec && rec.backend === 'remote' ? rec : null;
    const j = judgeLease(holder, observer.firstSeen(ref, oid));
    if (!j.expired) {
      out.locks.waiting.push({ name, token: holder?.token ?? 0, host: holder?.host ?? null, expiresInMs: j.remainingMs });
      continue;
    }
    const entry = { name, token: holder?.token ?? 0, host: holder?.host ?? null, reason: j.reason };
    deletions.push({ ref, newOid: null, expectOid: oid, done: () => out.locks.removed.push(entry) });
  }

  // Claims: reclaim expired ones queue by queue; drop finished queues.
  const queues = new Set<string>();
  for (const ref of refs.keys()) {
    const m = CLAIM.exec(ref);
    if (m) queues.add(m[1]!);
  }
  for (const queue of queues) {
    if (drop.includes(queue)) {
      const mine = [...refs].filter(([ref]) => CLAIM.exec(ref)?.[1] === queue);
      const dropped = { queue, refs: 0 };
      out.claims.dropped.push(dropped);
      for (const [ref, oid] of mine) deletions.push({ ref, newOid: null, expectOid: oid, done: () => dropped.refs++ });
      continue;
    }
    const r = await reclaimRemote({ cwd: ctx.git.cwd, remote: ctx.remote, networkTimeoutMs: ctx.networkTimeoutMs, queue, maxAttempts: opts.maxAttempts, dryRun: opts.dryRun });
    out.claims.reclaimed.push(...r.reclaimed);
    out.claims.failed.push(...r.failed);
    out.claims.waiting.push(...r.waiting);
  }

  // Allocation: keep the head and the number it names; the rest is history.
  const roots = new Map<string, { head: string | null; numbers: [number, string, string][] }>();
  for (const [ref, oid] of refs) {
    const m = ALLOC.exec(ref);
    if (!m) continue;
    const root = roots.get(m[1]!) ?? { head: null, numbers: [] };
    if (m[2] === 'head') root.head = oid;
    else root.numbers.push([Number(m[2]), ref, oid]);
    roots.set(m[1]!, root);
  }
  for (const [root, { head, numbers }] of roots) {
    if (head === null) continue; // not written by this version of lockstep: leave it alone
    // The newest number moved the head in the same push; everything below it is history.
    const kept = numbers.length ? Math.max(...numbers.map(([n]) => n)) : null;
    const a = { root, kept, removed: [] as number[] };
    for (const [n, ref, oid] of numbers) {
      if (n === kept) continue;
      deletions.push({ ref, newOid: null, expectOid: oid, done: () => a.removed.push(n) });
    }
    out.alloc.push(a);
  }

  if (opts.dryRun) {
    for (const d of deletions) d.done();
    return out;
  }
  // Non-atomic: each removal stands or falls on its own compare-and-swap.
  for (let i = 0; i < deletions.length; i += 200) {
    const batch = deletions.slice(i, i + 200);
    const r = await pushUpdates(ctx, batch, 'remove expired lockstep refs', { atomic: false });
    const lost = new Set(r.ok ? [] : r.conflict.map((c) => c.split(' ')[0]));
    for (const d of batch) {
      if (lost.has(d.ref)) out.skipped.push(d.ref);
      else d.done();
    }
  }
  return out;
}

