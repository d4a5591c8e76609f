/**
 * Work-item claims coordinated through the git remote: runners on different
 * machines, each with its own clone and the same list of items, never both
 * work on one item.
 *
 * refs/lockstep/claims/<queue>/<item> points to the item's claim record:
 *
 *   absent      pending: claimable by creating the ref (expected: absent)
 *   claimed     held by one agent until done/failed, or until its lease runs out
 *   reclaimed   its claimer's lease ran out: claimable again by moving the ref
 *               from this record (expected: its id); the attempt count goes on
 *   done/failed finished: never claimed again
 *
 * Every transition is one compare-and-swap push from the record the actor
 * read, so exactly one claimer wins an item, and a claimer whose claim was
 * reclaimed (and maybe claimed by someone else) cannot complete it: its
 * expected id is gone. The generation is the attempt number.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { LockstepError } from '../core/errors.js';
import { appendEvent } from '../core/events.js';
import { hostId, identityOf } from '../core/process.js';
import { Observer, judgeLease, monoNowMs } from './observations.js';
import { claimPrefix, claimRef } from './refs.js';
import { DEFAULT_QUEUE, validateAgentId, validateItemId, validateQueueName } from '../queue/names.js';
import { listItems } from '../queue/queue.js';
import { listRemoteRefs, openRemote, pushUpdates, readRecords, writeRecord, type RemoteContext, type RemoteOptions } from './transport.js';
import { randomHex } from '../core/names.js';
import { escapeControl } from '../core/outside-text.js';

export const DEFAULT_CLAIM_LEASE_MS = 120_000;
export const DEFAULT_MAX_ATTEMPTS = 3;
/** Claimers start at a random one of the first few pending items, so they do not all race for the same one. */
const SPREAD = 8;

export type ClaimState = 'claimed' | 'done' | 'failed' | 'reclaimed';

export interface ClaimRecord {
  v: number;
  backend: 'remote';
  kind: 'claim';
  queue: string;
  item: string;
  state: ClaimState;
  agent: string | null;
  host: string;
  pid: number;
  pidStart: string | null;
  bootId: string | null;
  nonce: string;
  /** 1 for the first claim, +1 for each claim after a reclaim: the claim's generation. */
  attempt: number;
  leaseMs: number;
  at: string;
  reason?: string;
}

export interface RemoteClaim {
  backend: 'remote';
  remote: string;
  cwd: string;
  queue: string;
  item: string;
  agent: string;
  /** The attempt number (generation); completions from an older one are refused. */
  generation: number;
  ref: string;
  oid: string;
  record: ClaimRecord;
  /** CLOCK_MONOTONIC ms until which the claimer may rely on its claim without renewing. */
  leaseEndsMono: number;
}

export interface RemoteClaimOptions extends RemoteOptions {
  /** Default: the file backend's default queue name. */
  queue?: string;
  agent: string;
  leaseMs?: number;
  /** The process the claim is held for (default: this one); on this host a dead owner frees the claim at once. */
  ownerPid?: number;
}

function newRecord(o: RemoteClaimOptions, queue: string, item: string, attempt: number, state: ClaimState = 'claimed'): ClaimRecord {
  const leaseMs = o.leaseMs ?? DEFAULT_CLAIM_LEASE_MS;
  if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new LockstepError('BAD_INPUT', `invalid lease ${leaseMs} ms: it must be > 0`);
  const ident = identityOf(o.ownerPid ?? process.pid);
  return {
    v: 1,
    backend: 'remote',
    kind: 'claim',
    queue,
    item,
    state,
    agent: o.agent,
    host: ident.host,
    pid: ident.pid,
    pidStart: ident.pidStart,
    bootId: ident.bootId,
    nonce: randomHex(8),
    attempt,
    leaseMs,
    at: new Date().toISOString(),
  };
}

function isClaimRecord(r: unknown): r is ClaimRecord {
  return typeof r === 'object' && r !== null && (r as ClaimRecord).kind === 'claim' && typeof (r as ClaimRecord).state === 'string';
}

/** The handle of `agent`'s claim of `queue`/`item`, whose current record (object `oid`) is `record`; its holder may rely on it until `leaseEndsMono`. */
function heldClaim(ctx: RemoteContext, queue: string, item: string, agent: string, oid: string, record: ClaimRecord, leaseEndsMono: number): RemoteClaim {
  return { backend: 'remote', remote: ctx.remote, cwd: ctx.git.cwd, queue, item, agent, generation: record.attempt, ref: claimRef(queue, item), oid, record, leaseEndsMono };
}

/** One compare-and-swap of the item's ref to a fresh claim; null when another claimer won. */
async function tryClaim(ctx: RemoteContext, o: RemoteClaimOptions, queue: string, item: string, expectOid: string | null, attempt: number): Promise<RemoteClaim | null> {
  const record = newRecord(o, queue, item, attempt);
  const oid = await writeRecord(ctx, record);
  const sentMono = monoNowMs();
  const ref = claimRef(queue, item);
  const r = await pushUpdates(ctx, [{ ref, newOid: oid, expectOid }], `claim ${queue}/${item}`);
  if (!r.ok) return null;
  appendEvent(ctx.runtime.root, 'claim', { backend: 'remote', remote: ctx.remote, queue, item, agent: o.agent, generation: attempt });
  return heldClaim(ctx, queue, item, o.agent, oid, record, sentMono + record.leaseMs);
}

/** Claims one named item. Null when it is already claimed or finished. */
export async function claimItemRemote(opts: RemoteClaimOptions & { item: string }): Promise<RemoteClaim | null> {
  const queue = validateQueueName(opts.queue ?? DEFAULT_QUEUE);
  const item = validateItemId(opts.item);
  validateAgentId(opts.agent);
  const ctx = openRemote(opts);
  const refs = await listRemoteRefs(ctx, [claimRef(queue, item)], `read the claim of ${queue}/${item}`);
  const oid = refs.get(claimRef(queue, item)) ?? null;
  if (oid === null) return tryClaim(ctx, opts, queue, item, null, 1);
  const rec = (await readRecords<ClaimRecord>(ctx, [oid], [claimRef(queue, item)])).get(oid);
  if (isClaimRecord(rec) && rec.state === 'reclaimed') return tryClaim(ctx, opts, queue, item, oid, rec.attempt + 1);
  return null;
}

/**
 * Claims the first claimable item of `items` (their order is the priority):
 * a pending one (no claim ref yet), else one whose claim was reclaimed.
 * Without `items`, the candidates are the items of this clone's file-backend
 * queue of the same name, highest priority first (every clone adds the same
 * items; the remote decides who works on which). Returns null when nothing
 * is left to claim (the CLI exits 1).
 */
export async function claimNextRemote(opts: RemoteClaimOptions & { items?: readonly string[] }): Promise<RemoteClaim | null> {
  const queue = validateQueueName(opts.queue ?? DEFAULT_QUEUE);
  validateAgentId(opts.agent);
  const ctx = openRemote(opts);
  const items = (opts.items ?? queuedItems(opts.cwd, queue)).map(validateItemId);
  // What this process knows to be taken (claimed, finished, or lost in a race) since it last listed:
  // consecutive claims reuse it and list the remote again only when it runs out of candidates.
  const key = `${ctx.git.cwd}\0${ctx.remote}\0${queue}`;
  for (let round = 0; round < 1000; round++) {
    let present = takenCache.get(key);
    let fresh = false;
    if (!present || items.every((i) => present!.has(i))) {
      present = await listClaims(ctx, queue);
      takenCache.set(key, present);
      fresh = true;
    }
    const pending = items.filter((i) => !present!.has(i));
    if (pending.length > 0) {
      // Start at a random one of the first few, then go on in order; a lost race moves to the next item at once.
      const start = Math.floor(Math.random() * Math.min(SPREAD, pending.length));
      for (let k = 0, lost = 0; k < pending.length && lost < SPREAD * 2; k++) {
        const item = pending[(start + k) % pending.length]!;
        const c = await tryClaim(ctx, opts, queue, item, null, 1);
        present.set(item, c?.oid ?? '');
        if (c) return c;
        lost++;
      }
      takenCache.delete(key);
      await sleep(Math.random() * 20);
      continue; // our view was old: look again
    }
    if (!fresh) continue;
    takenCache.delete(key);
    const wanted = new Set(items);
    const oids = [...present].filter(([i]) => wanted.has(i));
    const records = await readRecords<ClaimRecord>(ctx, oids.map(([, oid]) => oid));
    const reclaimable = oids.filter(([, oid]) => {
      const r = records.get(oid);
      return isClaimRecord(r) && r.state === 'reclaimed';
    });
    if (reclaimable.length === 0) return null;
    for (const [item, oid] of reclaimable) {
      const rec = records.get(oid) as ClaimRecord;
      const c = await tryClaim(ctx, opts, queue, item, oid, rec.attempt + 1);
      if (c) return c;
    }
  }
  throw new LockstepError('CONFLICT', `could not claim an item of ${queue}: lost 1000 rounds of races`, { hint: 'retry; if it persists, too many claimers share too few items' });
}

/** The ids of this clone's file-backend queue, in its claim order (priority, then age). */
function queuedItems(cwd: string | undefined, queue: string): string[] {
  return [...listItems({ cwd, queue })].sort((a, b) => b.priority - a.priority || (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : a.id < b.id ? -1 : 1)).map((i) => i.id);
}

const takenCache = new Map<string, Map<string, string>>();

async function listClaims(ctx: RemoteContext, queue: string): Promise<Map<string, string>> {
  const refs = await listRemoteRefs(ctx, [`${claimPrefix(queue)}*`], `list the claims of ${queue}`);
  const out = new Map<string, string>();
  for (const [ref, oid] of refs) if (ref.startsWith(claimPrefix(queue))) out.set(ref.slice(claimPrefix(queue).length), oid);
  return out;
}

function claimLost(ctx: RemoteContext, claim: RemoteClaim, what: string): LockstepError {
  appendEvent(ctx.runtime.root, 'claim_lost', { backend: 'remote', remote: ctx.remote, queue: claim.queue, item: claim.item, agent: claim.agent, generation: claim.generation, what });
  return new LockstepError('CONFLICT', `refused to ${what} ${claim.queue}/${claim.item}: the claim of agent ${claim.agent} (generation ${claim.generation}) is no longer current — its lease ran out and it was reclaimed`, {
    hint: `see the item now: lockstep remote claims ${claim.queue} --remote ${ctx.remote}`,
    detail: { queue: claim.queue, item: claim.item, agent: claim.agent, generation: claim.generation },
  });
}

async function finish(claim: RemoteClaim, state: ClaimState, what: 'complete' | 'fail' | 'renew', reason?: string): Promise<ClaimRecord> {
  const ctx = openRemote({ cwd: claim.cwd, remote: claim.remote });
  const next: ClaimRecord = { ...claim.record, state, nonce: randomHex(8), at: new Date().toISOString(), ...(reason ? { reason } : {}) };
  const oid = await writeRecord(ctx, next);
  const sentMono = monoNowMs();
  const r = await pushUpdates(ctx, [{ ref: claim.ref, newOid: oid, expectOid: claim.oid }], `${what} ${claim.queue}/${claim.item}`);
  if (!r.ok) throw claimLost(ctx, claim, what);
  appendEvent(ctx.runtime.root, what === 'renew' ? 'claim_renew' : `claim_${state}`, { backend: 'remote', remote: ctx.remote, queue: claim.queue, item: claim.item, agent: claim.agent, generation: claim.generation });
  claim.oid = oid;
  claim.record = next;
  claim.leaseEndsMono = sentMono + next.leaseMs;
  return next;
}

/** Marks the item done. Throws CONFLICT when the claim is no longer current. */
export function completeItemRemote(claim: RemoteClaim): Promise<ClaimRecord> {
  return finish(claim, 'done', 'complete');
}

/** Marks the item failed, or (retry) hands it back for another attempt. */
export function failItemRemote(claim: RemoteClaim, opts: { retry?: boolean; reason?: string } = {}): Promise<ClaimRecord> {
  return finish(claim, opts.retry ? 'reclaimed' : 'failed', 'fail', opts.reason);
}

/** Pushes a fresh claim record: renews the lease for every observer. */
export function renewClaimRemote(claim: RemoteClaim): Promise<ClaimRecord> {
  return finish(claim, 'claimed', 'renew');
}

/**
 * Finds the current claim of `item` held by `agent` (for a CLI call in a
 * process other than the claimer's). Throws CONFLICT when the agent does not
 * hold it (or holds an older generation than `generation`).
 */
export async function findClaimRemote(opts: RemoteOptions & { queue?: string; item: string; agent: string; generation?: number }): Promise<RemoteClaim> {
  const queue = validateQueueName(opts.queue ?? DEFAULT_QUEUE);
  const item = validateItemId(opts.item);
  validateAgentId(opts.agent);
  const ctx = openRemote(opts);
  const ref = claimRef(queue, item);
  const oid = (await listRemoteRefs(ctx, [ref], `read the claim of ${queue}/${item}`)).get(ref) ?? null;
  const rec = oid ? (await readRecords<ClaimRecord>(ctx, [oid], [ref])).get(oid) : null;
  if (!oid || !isClaimRecord(rec) || rec.state !== 'claimed' || rec.agent !== opts.agent || (opts.generation !== undefined && rec.attempt !== opts.generation)) {
    const now = isClaimRecord(rec) ? `it is ${rec.state}${rec.agent ? ` by agent ${escapeControl(rec.agent)}` : ''} (generation ${rec.attempt})` : 'nobody has claimed it';
    throw new LockstepError('CONFLICT', `agent ${opts.agent} does not hold a current claim on ${queue}/${item}${opts.generation !== undefined ? ` with generation ${opts.generation}` : ''}: ${now}`, {
      hint: `see the items: lockstep remote claims ${queue} --remote ${ctx.remote}`,
      detail: { queue, item, agent: opts.agent, current: rec ?? null },
    });
  }
  return heldClaim(ctx, queue, item, opts.agent, oid, rec, monoNowMs());
}

export interface RemoteClaimStatus {
  item: string;
  state: ClaimState | 'unknown';
  agent: string | null;
  host: string | null;
  generation: number;
  /** For claimed items: whether this machine counts the lease as run out. */
  expired: boolean;
  expiresInMs: number | null;
}

/** Every claim of `queue` on the remote. */
export async function listClaimsRemote(opts: RemoteOptions & { queue?: string }): Promise<RemoteClaimStatus[]> {
  const queue = validateQueueName(opts.queue ?? DEFAULT_QUEUE);
  const ctx = openRemote(opts);
  const present = await listClaims(ctx, queue);
  const records = await readRecords<ClaimRecord>(ctx, [...present.values()]);
  const observer = new Observer(ctx);
  return [...present]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([item, oid]) => {
      const r = records.get(oid);
      if (!isClaimRecord(r)) return { item, state: 'unknown' as const, agent: null, host: null, generation: 0, expired: false, expiresInMs: null };
      const j = r.state === 'claimed' ? judgeLease(r, observer.firstSeen(claimRef(queue, item), oid)) : null;
      return { item, state: r.state, agent: r.agent, host: r.host, generation: r.attempt, expired: j?.expired ?? false, expiresInMs: j ? (j.expired ? 0 : j.remainingMs) : null };
    });
}

export interface ReclaimResult {
  /** Back to claimable, with their attempt count. */
  reclaimed: { item: string; agent: string | null; host: string; generation: number; reason: string }[];
  /** Past the maximum number of attempts. */
  failed: { item: string; agent: string | null; host: string; generation: number; reason: string }[];
  /** Claimed, lease not run out as counted on this machine yet. */
  waiting: { item: string; agent: string | null; host: string; expiresInMs: number }[];
}

/**
 * Hands items whose claimer's lease ran out (by this machine's count, see
 * observations.ts) back to the queue, or fails them after `maxAttempts`.
 */
export async function reclaimRemote(opts: RemoteOptions & { queue?: string; maxAttempts?: number; dryRun?: boolean }): Promise<ReclaimResult> {
  const queue = validateQueueName(opts.queue ?? DEFAULT_QUEUE);
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const ctx = openRemote(opts);
  const present = await listClaims(ctx, queue);
  const records = await readRecords<ClaimRecord>(ctx, [...present.values()]);
  const observer = new Observer(ctx);
  const out: ReclaimResult = { reclaimed: [], failed: [], waiting: [] };
  for (const [item, oid] of present) {
    const r = records.get(oid);
    if (!isClaimRecord(r) || r.state !== 'claimed') continue;
    const j = judgeLease(r, observer.firstSeen(claimRef(queue, item), oid));
    if (!j.expired) {
      out.waiting.push({ item, agent: r.agent, host: r.host, expiresInMs: j.remainingMs });
      continue;
    }
    const state: ClaimState = r.attempt >= maxAttempts ? 'failed' : 'reclaimed';
    const entry = { item, agent: r.agent, host: r.host, generation: r.attempt, reason: j.reason };
    if (!opts.dryRun) {
      const next: ClaimRecord = { ...r, state, nonce: randomHex(8), at: new Date().toISOString(), reason: `${state} by host ${hostId()}: ${j.reason}` };
      const newOid = await writeRecord(ctx, next);
      const p = await pushUpdates(ctx, [{ ref: claimRef(queue, item), newOid, expectOid: oid }], `reclaim ${queue}/${item}`);
      if (!p.ok) continue; // renewed or finished meanwhile: not ours to reclaim
      appendEvent(ctx.runtime.root, 'reclaim', { backend: 'remote', remote: ctx.remote, queue, item, agent: r.agent, generation: r.attempt, state });
    }
    (state === 'failed' ? out.failed : out.reclaimed).push(entry);
  }
  return out;
}

export interface RemoteQueueItem {
  id: string;
  /** As the file backend names them: a reclaimed item is pending again. */
  state: 'pending' | 'claimed' | 'done' | 'failed';
  agent: string | null;
  host: string | null;
  /** Claims made so far (the current one's generation while claimed). */
  generation: number;
  /** Claimed, and this machine counts the lease as run out (the next reclaim hands it back). */
  expired: boolean;
}

/**
 * The queue as the remote sees it: this clone's items (in claim order), then
 * items other clones claimed that this clone does not list, each with the
 * state of its claim ref.
 */
export async function queueStatusRemote(opts: RemoteOptions & { queue?: string }): Promise<RemoteQueueItem[]> {
  const queue = validateQueueName(opts.queue ?? DEFAULT_QUEUE);
  const claims = new Map((await listClaimsRemote({ ...opts, queue })).map((c) => [c.item, c]));
  const local = queuedItems(opts.cwd, queue);
  const ids = [...local, ...[...claims.keys()].filter((id) => !local.includes(id))];
  return ids.map((id) => {
    const c = claims.get(id);
    if (!c) return { id, state: 'pending' as const, agent: null, host: null, generation: 0, expired: false };
    // An unreadable record blocks the item like a claim would: it is reported, never silently handed out.
    const state = c.state === 'reclaimed' ? 'pending' : c.state === 'unknown' ? 'claimed' : c.state;
    return { id, state, agent: c.agent, host: c.host, generation: c.generation, expired: c.expired };
  });
}

/**
 * Renews every current claim `agent` holds in `queue` (the remote form of a
 * heartbeat). Throws CONFLICT, after renewing the others, when a claim was
 * lost meanwhile.
 */
export async function renewAgentClaimsRemote(opts: RemoteOptions & { queue?: string; agent: string }): Promise<RemoteClaim[]> {
  const queue = validateQueueName(opts.queue ?? DEFAULT_QUEUE);
  validateAgentId(opts.agent);
  const ctx = openRemote(opts);
  const present = await listClaims(ctx, queue);
  const records = await readRecords<ClaimRecord>(ctx, [...present.values()]);
  const renewed: RemoteClaim[] = [];
  const lost: LockstepError[] = [];
  for (const [item, oid] of present) {
    const rec = records.get(oid);
    if (!isClaimRecord(rec) || rec.state !== 'claimed' || rec.agent !== opts.agent) continue;
    const claim = heldClaim(ctx, queue, item, opts.agent, oid, rec, monoNowMs());
    try {
      await renewClaimRemote(claim);
      renewed.push(claim);
    } catch (e) {
      if (e instanceof LockstepError && e.code === 'CONFLICT') lost.push(e);
      else throw e;
    }
  }
  if (lost.length > 0) throw new LockstepError('CONFLICT', `${lost.length} claim(s) of agent ${opts.agent} were lost before the heartbeat (renewed ${renewed.length}): ${lost.map((e) => e.message).join('; ')}`, { hint: lost[0]!.hint, detail: { renewed: renewed.map((c) => c.item) } });
  return renewed;
}
