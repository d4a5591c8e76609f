/**
 * The repository lock, coordinated through the git remote (for clones on
 * different machines).
 *
 *   refs/lockstep/locks/<name>  → the holder's owner record (absent = free)
 *   refs/lockstep/fence/<name>  → the record that took the latest token
 *
 * Acquire = one atomic push: the lock ref from "absent" (or from the expired
 * record's id) to our record, and the fence ref from the record it names now
 * to our record, whose token is that record's token + 1. Both compare-and-swap
 * on the server, so exactly one contender wins each token, and tokens only
 * rise: the fence ref is never deleted (not by release, not by gc), so no
 * stale view can ever hand out a token twice. Release = delete the lock ref,
 * expecting our record. Renewal = move both refs to a fresh record (new
 * object id, so every observer's lease count starts over).
 *
 * Expiry follows the rule in observations.ts: never on the holder's clock.
 */
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LockstepError, isLockstepError } from '../core/errors.js';
import { appendEvent } from '../core/events.js';
import { checkDirIn, ensureDirIn, readJsonFile, writeFileAtomic } from '../core/files.js';
import { DEFAULT_LEASE_MS, DEFAULT_LOCK, DEFAULT_TIMEOUT_MS, ownerFields, TOKEN_ENV, type AcquireOptions, type LockStatus, type OwnerRecord, type WaitInfo } from '../core/lock.js';
import { Observer, judgeLease, monoNowMs } from './observations.js';
import { fenceRef, lockRef, validateRemoteLockName } from './refs.js';
import { listRemoteRefs, openRemote, pushUpdates, readRecords, writeRecord, type RemoteContext, type RemoteOptions } from './transport.js';
import { randomHex } from '../core/names.js';
import { timerDelay } from '../core/duration.js';
import { escapeControl, quoteInput } from '../core/outside-text.js';


/** The owner record, as stored in the blob the lock ref points to. */
export interface RemoteOwnerRecord extends OwnerRecord {
  backend: 'remote';
  /** The fencing token of this acquisition. */
  token: number;
}

export interface RemoteAcquireOptions extends Omit<AcquireOptions, 'runtime' | 'signal'>, RemoteOptions {
  signal?: AbortSignal;
}

export interface RemoteLockHandle {
  backend: 'remote';
  name: string;
  token: number;
  nonce: string;
  reentrant: boolean;
  remote: string;
  /** The lock ref on the remote. */
  ref: string;
  /** The object id of our current record (what release and renew expect). */
  oid: string;
  /** The runtime directory of this clone (events are logged there). */
  root: string;
  cwd: string;
  acquiredAtMs: number;
  waitedMs: number;
  tookOver: { token: number; pid: number; host: string; reason: string; task: string | null } | null;
  record: RemoteOwnerRecord;
  /** CLOCK_MONOTONIC ms (see monoNowMs) until which this holder may rely on the lock without renewing. */
  leaseEndsMono: number;
}

interface View {
  lockOid: string | null;
  fenceOid: string | null;
}

interface FenceCache {
  fenceOid: string;
  token: number;
}

// --- small pieces -----------------------------------------------------------------

/** Tokens of records this process has read or written, by object id. */
const knownTokens = new Map<string, number>();

function fenceCacheFile(ctx: RemoteContext, name: string): string {
  return join(ctx.runtime.root, 'remote', ctx.remote, 'fence', `${name}.json`);
}

function readFenceCache(ctx: RemoteContext, name: string): FenceCache | null {
  try {
    if (!checkDirIn(ctx.runtime.root, dirname(fenceCacheFile(ctx, name)))) return null;
    const c = readJsonFile<FenceCache>(fenceCacheFile(ctx, name), 'fence cache');
    if (c && typeof c.fenceOid === 'string' && Number.isSafeInteger(c.token)) {
      knownTokens.set(c.fenceOid, c.token);
      return c;
    }
  } catch (e) {
    if (isLockstepError(e) && e.code === 'UNSAFE_PATH') throw e;
    /* a broken cache is only a slower first try */
  }
  return null;
}

function writeFenceCache(ctx: RemoteContext, name: string, c: FenceCache): void {
  knownTokens.set(c.fenceOid, c.token);
  try {
    ensureDirIn(ctx.runtime.root, join(ctx.runtime.root, 'remote', ctx.remote, 'fence'));
    writeFileAtomic(fenceCacheFile(ctx, name), JSON.stringify(c));
  } catch (e) {
    if (isLockstepError(e) && e.code === 'UNSAFE_PATH') throw e; // a planted link is refused, not skipped
    /* the cache only saves a round trip */
  }
}

async function readView(ctx: RemoteContext, name: string): Promise<View> {
  const refs = await listRemoteRefs(ctx, [lockRef(name), fenceRef(name)], `read the ${name} lock`);
  return { lockOid: refs.get(lockRef(name)) ?? null, fenceOid: refs.get(fenceRef(name)) ?? null };
}

async function readRecord(ctx: RemoteContext, oid: string, ref: string): Promise<RemoteOwnerRecord | null> {
  const m = await readRecords<RemoteOwnerRecord>(ctx, [oid], [ref]);
  const rec = m.get(oid) ?? null;
  if (rec && rec.backend === 'remote' && rec.state === 'held' && Number.isSafeInteger(rec.token)) {
    knownTokens.set(oid, rec.token);
    return rec;
  }
  return null;
}

/** The token the fence ref names now (0 when there is no fence yet). */
async function fenceToken(ctx: RemoteContext, name: string, fenceOid: string | null): Promise<number> {
  if (fenceOid === null) return 0;
  const known = knownTokens.get(fenceOid);
  if (known !== undefined) return known;
  const rec = await readRecord(ctx, fenceOid, fenceRef(name));
  if (!rec) {
    throw new LockstepError('CORRUPT_STATE', `the fencing counter ${fenceRef(name)} on the remote ${ctx.remote} points to ${fenceOid}, which is not a lockstep lock record`, {
      hint: `something other than lockstep wrote that ref; inspect it (git fetch ${ctx.remote} ${fenceRef(name)} && git cat-file -p FETCH_HEAD) and contact whoever wrote it`,
    });
  }
  return rec.token;
}

/** Who holds it, for messages: the record is anyone's writing, so its text is escaped. */
function describeHolder(rec: RemoteOwnerRecord | null): string {
  if (!rec) return 'an unreadable record';
  return escapeControl([rec.task ? `task ${rec.task}` : null, rec.agent ? `agent ${rec.agent}` : null, `pid ${rec.pid}`, `host ${rec.host}`].filter(Boolean).join(', '));
}

function parseTokenEnv(env: NodeJS.ProcessEnv): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of (env[TOKEN_ENV] ?? '').split(',')) {
    const i = part.lastIndexOf(':');
    if (i <= 0) continue;
    const n = Number(part.slice(i + 1));
    if (Number.isSafeInteger(n) && n > 0) out.set(part.slice(0, i), n);
  }
  return out;
}

function jitter(minMs: number, maxMs: number): number {
  return minMs + Math.random() * (maxMs - minMs);
}

function handleFrom(ctx: RemoteContext, name: string, oid: string, record: RemoteOwnerRecord, extra: Partial<RemoteLockHandle>): RemoteLockHandle {
  return {
    backend: 'remote',
    name,
    token: record.token,
    nonce: record.nonce,
    reentrant: false,
    remote: ctx.remote,
    ref: lockRef(name),
    oid,
    root: ctx.runtime.root,
    cwd: ctx.git.cwd,
    acquiredAtMs: record.acquiredAtMs,
    waitedMs: 0,
    tookOver: null,
    record,
    leaseEndsMono: monoNowMs() + record.leaseMs,
    ...extra,
  };
}

// --- acquire ------------------------------------------------------------------------

/**
 * Acquires the named lock on the remote, waiting up to `timeoutMs`. Throws
 * LOCK_TIMEOUT (naming the holder), REMOTE_UNREACHABLE or REMOTE_REFUSED.
 */
export async function acquireRemoteLock(opts: RemoteAcquireOptions = {}): Promise<RemoteLockHandle> {
  const name = validateRemoteLockName(opts.name ?? DEFAULT_LOCK);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0) throw new LockstepError('BAD_INPUT', `invalid lock timeout ${timeoutMs}`);
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new LockstepError('BAD_INPUT', `invalid lease ${leaseMs}: the remote backend needs a lease > 0`);
  const ctx = openRemote(opts);
  const env = opts.env ?? process.env;
  const ref = lockRef(name);

  if (opts.reentrant !== false) {
    const inherited = parseTokenEnv(env).get(name);
    if (inherited !== undefined) {
      const v = await readView(ctx, name);
      const rec = v.lockOid ? await readRecord(ctx, v.lockOid, ref) : null;
      if (v.lockOid && rec && rec.token === inherited) return handleFrom(ctx, name, v.lockOid, rec, { reentrant: true });
    }
  }

  const base = { ...ownerFields(name, opts, leaseMs), backend: 'remote' as const };
  const observer = new Observer(ctx);
  const started = Date.now();
  const startedMono = monoNowMs();
  const deadlineMono = startedMono + timeoutMs;

  // Optimistic first try from what this clone saw last: a free lock costs one push.
  const cached = readFenceCache(ctx, name);
  let view: View | null = cached ? { lockOid: null, fenceOid: cached.fenceOid } : null;
  let lastHolder: RemoteOwnerRecord | null = null;
  let lastToken = 0;
  let nextWaitReport = 0;
  let conflicts = 0;
  let pollMs = 20;

  for (;;) {
    if (opts.signal?.aborted) throw new LockstepError('LOCK_TIMEOUT', `gave up waiting for the ${name} lock (aborted)`);
    if (!view) view = await readView(ctx, name);
    let takeOver: { oid: string; rec: RemoteOwnerRecord | null; reason: string } | null = null;
    let waitMs = 0;
    if (view.lockOid !== null) {
      const rec = await readRecord(ctx, view.lockOid, ref);
      lastHolder = rec;
      lastToken = rec?.token ?? lastToken;
      const j = judgeLease(rec, observer.firstSeen(ref, view.lockOid));
      if (j.expired) takeOver = { oid: view.lockOid, rec, reason: j.reason };
      else waitMs = j.remainingMs;
    }
    if (view.lockOid === null || takeOver) {
      const prev = await fenceToken(ctx, name, view.fenceOid);
      const now = Date.now();
      const record: RemoteOwnerRecord = { ...base, token: prev + 1, nonce: randomHex(8), acquiredAt: new Date(now).toISOString(), acquiredAtMs: now, renewedAtMs: now };
      const oid = await writeRecord(ctx, record);
      const sentMono = monoNowMs();
      const r = await pushUpdates(
        ctx,
        [
          { ref, newOid: oid, expectOid: view.lockOid },
          { ref: fenceRef(name), newOid: oid, expectOid: view.fenceOid },
        ],
        `take the ${name} lock`,
      );
      if (r.ok) {
        writeFenceCache(ctx, name, { fenceOid: oid, token: record.token });
        const waitedMs = Date.now() - started;
        const tookOver = takeOver ? { token: takeOver.rec?.token ?? 0, pid: takeOver.rec?.pid ?? 0, host: takeOver.rec?.host ?? '', reason: takeOver.reason, task: takeOver.rec?.task ?? null } : null;
        if (tookOver) appendEvent(ctx.runtime.root, 'takeover', { backend: 'remote', remote: ctx.remote, lock: name, token: record.token, from: tookOver });
        appendEvent(ctx.runtime.root, 'acquire', { backend: 'remote', remote: ctx.remote, lock: name, token: record.token, owner: base.pid, task: record.task, agent: record.agent, waitedMs });
        // The lease counts from before the push was sent: no observer can have seen the record earlier.
        return handleFrom(ctx, name, oid, record, { waitedMs, tookOver, leaseEndsMono: sentMono + leaseMs });
      }
      conflicts++;
      view = null;
      // Someone else won this round: look again after a short jittered pause (longer as losses pile up).
      const pause = Math.min(monoRemaining(deadlineMono), jitter(0, Math.min(200, 5 * 2 ** Math.min(conflicts, 6))));
      if (pause > 0) await sleep(pause);
      if (monoNowMs() < deadlineMono || conflicts < 3) continue;
      waitMs = 0;
    }

    // Held (and not expired by our own count): wait, then look again.
    const nowMono = monoNowMs();
    if (nowMono >= deadlineMono) {
      const waited = Date.now() - started;
      appendEvent(ctx.runtime.root, 'timeout', { backend: 'remote', remote: ctx.remote, lock: name, token: lastToken, waitedMs: waited, heldBy: lastHolder?.pid ?? null, heldByHost: lastHolder?.host ?? null });
      throw new LockstepError(
        'LOCK_TIMEOUT',
        lastHolder || view?.lockOid
          ? `timed out after ${(waited / 1000).toFixed(1)} s waiting for the ${name} lock on the remote ${ctx.remote}, held by ${describeHolder(lastHolder)}${lastHolder ? ` since ${lastHolder.acquiredAt} (its clock)` : ''}`
          : `timed out after ${(waited / 1000).toFixed(1)} s trying to take the ${name} lock on the remote ${ctx.remote}: other clones won every race (${conflicts} pushes lost)`,
        {
          hint: `see who holds it: lockstep lock status ${name} --backend remote:${ctx.remote}; an abandoned lock is taken over once this machine has seen it unchanged for its lease (${Math.round((lastHolder?.leaseMs ?? 0) / 1000)} s)`,
          detail: { lock: name, token: lastToken, holder: lastHolder, remote: ctx.remote },
        },
      );
    }
    if (opts.onWait && nowMono >= nextWaitReport) {
      nextWaitReport = nowMono + 1000;
      const info: WaitInfo = { name, waitedMs: Date.now() - started, holder: lastHolder, token: lastToken, waiters: 0 };
      opts.onWait(info);
    }
    pollMs = Math.min(300, pollMs * 1.5);
    const delay = Math.max(0, Math.min(jitter(pollMs / 2, pollMs), waitMs > 0 ? waitMs : Infinity, monoRemaining(deadlineMono)));
    if (delay > 0) await sleep(delay);
    view = null;
  }
}

function monoRemaining(deadlineMono: number): number {
  return Math.max(0, deadlineMono - monoNowMs());
}

// --- release, renew -----------------------------------------------------------------

export interface RemoteReleaseResult {
  name: string;
  token: number;
  heldMs: number;
  reentrant: boolean;
}

async function compromised(ctx: RemoteContext, name: string, token: number, why: string): Promise<LockstepError> {
  let now = '';
  let current = 0;
  try {
    const v = await readView(ctx, name);
    const rec = v.lockOid ? await readRecord(ctx, v.lockOid, lockRef(name)) : null;
    current = rec?.token ?? (await fenceToken(ctx, name, v.fenceOid));
    now = rec ? `it is now held by ${describeHolder(rec)} (token ${rec.token})` : `it is free now (latest token ${current})`;
  } catch {
    now = 'its state cannot be read now';
  }
  appendEvent(ctx.runtime.root, 'compromised', { backend: 'remote', remote: ctx.remote, lock: name, token, current, why });
  return new LockstepError('LOCK_COMPROMISED', `lock compromised: the ${name} lock with token ${token} on the remote ${ctx.remote} is no longer held by its owner (${why}); ${now}`, {
    hint: `work done under token ${token} may have raced another holder; check it with lockstep lock status ${name} --backend remote:${ctx.remote}`,
    detail: { lock: name, token, current, remote: ctx.remote },
  });
}

/** Releases a lock held through `handle`. Throws LOCK_COMPROMISED if it was taken away. */
export async function releaseRemoteLock(handle: RemoteLockHandle, opts: { networkTimeoutMs?: number } = {}): Promise<RemoteReleaseResult> {
  if (handle.reentrant) return { name: handle.name, token: handle.token, heldMs: 0, reentrant: true };
  const ctx = openRemote({ cwd: handle.cwd, remote: handle.remote, networkTimeoutMs: opts.networkTimeoutMs });
  const r = await pushUpdates(ctx, [{ ref: handle.ref, newOid: null, expectOid: handle.oid }], `release the ${handle.name} lock`);
  if (!r.ok) throw await compromised(ctx, handle.name, handle.token, 'it expired and was taken over or removed');
  const heldMs = Date.now() - handle.acquiredAtMs;
  appendEvent(ctx.runtime.root, 'release', { backend: 'remote', remote: ctx.remote, lock: handle.name, token: handle.token, heldMs, task: handle.record.task });
  return { name: handle.name, token: handle.token, heldMs, reentrant: false };
}

/**
 * Releases by name and token (for a holder in another process, e.g. the CLI's
 * `lock release`). The token must be the one in the current record.
 */
export async function releaseRemoteLockByToken(opts: RemoteOptions & { name: string; token: number }): Promise<RemoteReleaseResult> {
  const name = validateRemoteLockName(opts.name);
  if (!Number.isSafeInteger(opts.token) || opts.token <= 0) throw new LockstepError('BAD_INPUT', `invalid token ${quoteInput(opts.token)}: tokens are positive integers`);
  const ctx = openRemote(opts);
  const v = await readView(ctx, name);
  const rec = v.lockOid ? await readRecord(ctx, v.lockOid, lockRef(name)) : null;
  if (!v.lockOid || !rec || rec.token !== opts.token) {
    const latest = rec?.token ?? (await fenceToken(ctx, name, v.fenceOid));
    if (!v.lockOid && latest === opts.token) {
      throw new LockstepError('LOCK_NOT_HELD', `the ${name} lock with token ${opts.token} is not held any more (released, or broken after its lease, and not taken since)`, {
        hint: `see the lock now: lockstep lock status ${name} --backend remote:${ctx.remote}`,
        detail: { lock: name, token: opts.token, current: latest },
      });
    }
    throw await compromised(ctx, name, opts.token, latest > opts.token ? 'a later owner took it over' : 'no such token');
  }
  return releaseRemoteLock(handleFrom(ctx, name, v.lockOid, rec, {}));
}

/** Pushes a fresh record (same token): renews the lease for every observer. Throws LOCK_COMPROMISED if no longer held. */
export async function renewRemoteLock(handle: RemoteLockHandle): Promise<RemoteOwnerRecord> {
  if (handle.reentrant) return handle.record;
  const ctx = openRemote({ cwd: handle.cwd, remote: handle.remote });
  const now = Date.now();
  const next: RemoteOwnerRecord = { ...handle.record, renewedAtMs: now };
  const oid = await writeRecord(ctx, next);
  const sentMono = monoNowMs();
  const r = await pushUpdates(
    ctx,
    [
      { ref: handle.ref, newOid: oid, expectOid: handle.oid },
      { ref: fenceRef(handle.name), newOid: oid, expectOid: handle.oid },
    ],
    `renew the ${handle.name} lock`,
  );
  if (!r.ok) throw await compromised(ctx, handle.name, handle.token, 'lost before renewal');
  writeFenceCache(ctx, handle.name, { fenceOid: oid, token: handle.token });
  handle.oid = oid;
  handle.record = next;
  handle.leaseEndsMono = sentMono + next.leaseMs;
  return next;
}

/** Renews by name and token (for the CLI). */
export async function renewRemoteLockByToken(opts: RemoteOptions & { name: string; token: number }): Promise<RemoteOwnerRecord> {
  const name = validateRemoteLockName(opts.name);
  const ctx = openRemote(opts);
  const v = await readView(ctx, name);
  const rec = v.lockOid ? await readRecord(ctx, v.lockOid, lockRef(name)) : null;
  if (!v.lockOid || !rec || rec.token !== opts.token) throw await compromised(ctx, name, opts.token, 'lost before renewal');
  return renewRemoteLock(handleFrom(ctx, name, v.lockOid, rec, {}));
}

/** True while the holder may rely on the lock by its own clock (renew before this turns false). */
export function remoteLeaseValid(handle: RemoteLockHandle): boolean {
  return handle.reentrant || monoNowMs() < handle.leaseEndsMono;
}

// --- status, list, break ------------------------------------------------------------

export interface RemoteLockStatus extends Omit<LockStatus, 'holder'> {
  backend: 'remote';
  remote: string;
  holder: RemoteOwnerRecord | null;
  /** ms until this machine may call the lease expired (held locks). */
  expiresInMs: number | null;
}

function statusOf(ctx: RemoteContext, observer: Observer, name: string, lockOid: string | null, rec: RemoteOwnerRecord | null, latestToken: number): RemoteLockStatus {
  const base = { backend: 'remote' as const, remote: ctx.remote, name, waiters: 0, path: `${ctx.remote}:${lockRef(name)}` };
  if (!lockOid) return { ...base, state: 'free', token: latestToken, holder: null, ageMs: null, staleReason: null, expiresInMs: null };
  const j = judgeLease(rec, observer.firstSeen(lockRef(name), lockOid));
  return {
    ...base,
    state: j.expired ? 'stale' : 'held',
    token: rec?.token ?? latestToken,
    holder: rec,
    ageMs: rec ? Math.max(0, Date.now() - rec.acquiredAtMs) : null,
    staleReason: j.expired ? j.reason : rec ? null : 'the lock ref points to something that is not a lockstep record',
    expiresInMs: j.expired ? 0 : j.remainingMs,
  };
}

export async function remoteLockStatus(opts: RemoteOptions & { name?: string }): Promise<RemoteLockStatus> {
  const name = validateRemoteLockName(opts.name ?? DEFAULT_LOCK);
  const ctx = openRemote(opts);
  const v = await readView(ctx, name);
  const rec = v.lockOid ? await readRecord(ctx, v.lockOid, lockRef(name)) : null;
  const latest = rec?.token ?? (await fenceToken(ctx, name, v.fenceOid).catch(() => 0));
  return statusOf(ctx, new Observer(ctx), name, v.lockOid, rec, latest);
}

/** Every lock the remote knows (held, or free with a fencing counter). */
export async function listRemoteLocks(opts: RemoteOptions = {}): Promise<RemoteLockStatus[]> {
  const ctx = openRemote(opts);
  const refs = await listRemoteRefs(ctx, ['refs/lockstep/locks/*', 'refs/lockstep/fence/*'], 'list locks');
  const names = new Set<string>();
  for (const r of refs.keys()) {
    const m = /^refs\/lockstep\/(?:locks|fence)\/([^/]+)$/.exec(r);
    if (m) names.add(m[1]!);
  }
  const oids = [...refs.values()];
  const records = await readRecords<RemoteOwnerRecord>(ctx, oids);
  const observer = new Observer(ctx);
  return [...names].sort().map((name) => {
    const lockOid = refs.get(lockRef(name)) ?? null;
    const fenceOid = refs.get(fenceRef(name)) ?? null;
    const rec = lockOid ? (records.get(lockOid) ?? null) : null;
    const fenceRec = fenceOid ? (records.get(fenceOid) ?? null) : null;
    return statusOf(ctx, observer, name, lockOid, rec, rec?.token ?? fenceRec?.token ?? 0);
  });
}

export type RemoteBreakResult =
  | { broken: true; name: string; token: number; previous: RemoteOwnerRecord | null; reason: string }
  | { broken: false; name: string; token: number; reason: 'free' };

/**
 * Removes a lock whose lease ran out by this machine's count (or any, with
 * `force`). Compare-and-swap on the record judged: a renewal in between wins.
 */
export async function breakRemoteLock(opts: RemoteOptions & { name?: string; expectToken?: number; force?: boolean }): Promise<RemoteBreakResult> {
  const name = validateRemoteLockName(opts.name ?? DEFAULT_LOCK);
  const ctx = openRemote(opts);
  const v = await readView(ctx, name);
  const rec = v.lockOid ? await readRecord(ctx, v.lockOid, lockRef(name)) : null;
  const latest = rec?.token ?? (await fenceToken(ctx, name, v.fenceOid).catch(() => 0));
  if (opts.expectToken !== undefined && latest !== opts.expectToken) {
    throw new LockstepError('CONFLICT', `the ${name} lock is at token ${latest}, not ${opts.expectToken}: nothing broken`, { hint: `look again: lockstep lock status ${name} --backend remote:${ctx.remote}` });
  }
  if (!v.lockOid) return { broken: false, name, token: latest, reason: 'free' };
  const st = statusOf(ctx, new Observer(ctx), name, v.lockOid, rec, latest);
  if (st.state === 'held' && !opts.force) {
    throw new LockstepError(
      'LOCK_HELD',
      `the ${name} lock is held by ${describeHolder(rec)} (token ${latest}) and its lease has not run out as seen from this machine (${((st.expiresInMs ?? 0) / 1000).toFixed(1)} s to go): not broken`,
      { hint: `wait for it, or break it anyway: lockstep lock break ${name} --backend remote:${ctx.remote} --expect-token ${latest} --force`, detail: { lock: name, token: latest, holder: rec } },
    );
  }
  const reason = st.state === 'stale' ? (st.staleReason ?? 'stale') : 'forced';
  const r = await pushUpdates(ctx, [{ ref: lockRef(name), newOid: null, expectOid: v.lockOid }], `break the ${name} lock`);
  if (!r.ok) throw new LockstepError('CONFLICT', `the ${name} lock changed while breaking it: nothing broken`, { hint: `look again: lockstep lock status ${name} --backend remote:${ctx.remote}` });
  appendEvent(ctx.runtime.root, 'break', { backend: 'remote', remote: ctx.remote, lock: name, token: latest, reason, previous: rec?.pid ?? null, previousHost: rec?.host ?? null });
  return { broken: true, name, token: latest, previous: rec, reason };
}

/**
 * Runs `fn` holding the remote lock, renewing it every third of its lease
 * (holders on other machines have only their lease), and releases it however
 * `fn` ends. A renewal that finds the lock gone stops renewing; the release
 * then reports LOCK_COMPROMISED.
 */
export async function withRemoteLock<T>(opts: RemoteAcquireOptions, fn: (h: RemoteLockHandle) => Promise<T> | T): Promise<T> {
  const h = await acquireRemoteLock(opts);
  let renewing: Promise<unknown> = Promise.resolve();
  let lost = false;
  const timer = h.reentrant
    ? null
    : setInterval(() => {
        if (lost) return;
        renewing = renewing.then(() => renewRemoteLock(h)).catch(() => (lost = true));
      }, timerDelay(Math.max(50, Math.floor(h.record.leaseMs / 3))));
  timer?.unref();
  try {
    return await fn(h);
  } finally {
    if (timer) clearInterval(timer);
    await renewing;
    await releaseRemoteLock(h);
  }
}
