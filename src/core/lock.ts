/**
 * The repository lock.
 *
 * A lock is a directory `<runtime>/locks/<name>/` holding numbered
 * generation files. Generation N is created with link(2) from a fully
 * written temp file, so exactly one process creates each N and nobody ever
 * reads a half-written record. The highest N is the lock's state:
 *
 *   N holds an owner record (state "held")   → held by that owner
 *   N holds a "released" or "broken" marker   → free
 *
 * Acquiring = link(N+1) after judging N free or stale. Releasing = link(N+1)
 * of a "released" marker. Takeover of a stale owner is the same link(N+1):
 * there is no delete-then-recreate step, so two processes that judge the
 * same owner stale at once can never both win (the race proper-lockfile has,
 * its issue #121). The generation number is the fencing token: it only
 * rises, and a holder whose generation is no longer the top has lost the
 * lock ("lock compromised").
 *
 * Old generations are compacted away (in ascending order) by each holder
 * after its release — or, for a lock freed by other means (the shell hooks
 * link the marker themselves), by the acquirer once a few pile up. A process
 * whose view was so old that the name it links had already been compacted
 * re-reads the directory after linking and backs off unless its generation
 * is the top.
 *
 * Waiters take numbered tickets (`w.<n>`, also by link) and the lock goes to
 * the lowest live ticket: first come, first served, so nobody starves. A
 * waiter watches its own ticket (inotify) and the releaser touches the next
 * one, so the lock changes hands without anyone polling; polling remains as
 * the safety net for a holder that dies and for releases that wake nobody.
 * A waiter may offer a request on its ticket, which a holder can serve
 * instead of handing it the lock (see serveWaiters).
 */
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, utimesSync, watch, writeSync, type FSWatcher } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LockstepError, fsError } from './errors.js';
import { checkDirIn, ensureDirIn, openExclusive, READ_NOFOLLOW, tryLink, unlinkQuiet, UPDATE_NOFOLLOW, writeTempIn } from './files.js';
import { appendEvent } from './events.js';
import { identityOf, liveness, pidExists, startStamp, hostId, type Liveness } from './process.js';
import { ensureRuntimeRoot, openRuntime, validateLockName, type Runtime } from './runtime.js';
import { randomHex } from './names.js';
import { validateAgentId, validateTaskId } from './actor.js';
import { escapeControl, quoteInput } from './outside-text.js';
import { faultPauseSync, faultValue } from './faults.js';
import { WaitDeadline } from './wait-deadline.js';

export const DEFAULT_LOCK = 'commit';
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_LEASE_MS = 120_000;
/** Environment variable through which a holder passes its lock(s) to child processes. */
export const TOKEN_ENV = 'LOCKSTEP_LOCK_TOKEN';

const SCHEMA = 1;
/** How long a waiter trusts what it read of an unchanged top generation (see acquireLock). */
const RECHECK_MS = 25;
/**
 * How soon after being served a process's next request re-queues without a
 * look (see acquireOrServe): a caller in a loop asks again within a
 * millisecond or two; a second leaves room for a loaded machine.
 */
const REQUEUE_WITHIN_MS = 1000;

/** A process that counts as an owner: while any of them runs, the lock is held. */
export interface OwnerProcess {
  pid: number;
  pidStart: string | null;
}

export interface OwnerRecord {
  v: number;
  lock: string;
  state: 'held';
  nonce: string;
  pid: number;
  pidStart: string | null;
  bootId: string | null;
  host: string;
  uid: number;
  task: string | null;
  agent: string | null;
  cwd: string;
  command: string;
  acquiredAt: string;
  acquiredAtMs: number;
  /** Last renewal (for holders on other hosts, whose liveness only the lease tells). */
  renewedAtMs: number;
  leaseMs: number;
  /** Further processes that keep the lock alive (e.g. run-locked's child). */
  extraOwners?: OwnerProcess[];
  /** Work a holder may do for this waiter instead of handing it the lock (see serveWaiters). */
  request?: LockData;
}

export interface FreeMarker {
  v: number;
  lock: string;
  state: 'released' | 'broken';
  by: { pid: number; host: string };
  at: string;
  /** The generation this marker ended. */
  ended: number;
  reason?: string;
  /** What the releasing holder handed to the next one (`releaseLock(h, {data})`); only on "released". */
  data?: LockData;
}

/**
 * A small JSON object a holder leaves on its release for whoever takes the
 * lock next (e.g. allocation's highest number). Opaque to the lock.
 */
export type LockData = Record<string, unknown>;

/** Upper bound on the JSON size of release data: it is read on every acquire. */
export const MAX_LOCK_DATA_BYTES = 4096;

type GenerationRecord = OwnerRecord | FreeMarker;

export interface AcquireOptions {
  /** A directory inside the repository (default: process.cwd()). */
  cwd?: string;
  runtime?: Runtime;
  name?: string;
  /** How long to wait while the queue does not move (see src/core/wait-deadline.ts); 0 = try once. Default 60 s. */
  timeoutMs?: number;
  task?: string | null;
  agent?: string | null;
  /** The process the lock is held for (default: this process). The lock is free once it exits. */
  ownerPid?: number;
  command?: string;
  leaseMs?: number;
  /** Called once when the wait starts and about once a second while waiting. */
  onWait?: (w: WaitInfo) => void;
  /** Honour LOCKSTEP_LOCK_TOKEN from the environment (default true). */
  reentrant?: boolean;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

/**
 * What `acquireOrServed` returns when a holder did the waiter's work for it
 * (see serveWaiters) instead of handing it the lock.
 */
export interface ServedRequest {
  served: true;
  name: string;
  /** The fencing token of the lock the work was done under (the serving holder's). */
  token: number;
  /** What the holder's serve function returned for this request. */
  result: string;
  waitedMs: number;
}

/** A served result: short, and safe in a file name and on one line (see serveWaiters). */
const SERVED_RESULT = /^[A-Za-z0-9_-]{1,64}$/;
/** What a holder writes after a served waiter's record: `\n<token>.<result>`. */
const SERVED_LINE = /\n([1-9][0-9]{0,15})\.([A-Za-z0-9_-]{1,64})$/;

export interface WaitInfo {
  name: string;
  waitedMs: number;
  holder: OwnerRecord | null;
  token: number;
  waiters: number;
}

export interface LockHandle {
  name: string;
  token: number;
  nonce: string;
  /** True when the lock was inherited from a parent through LOCKSTEP_LOCK_TOKEN (release is then a no-op). */
  reentrant: boolean;
  dir: string;
  root: string;
  acquiredAtMs: number;
  waitedMs: number;
  /** Set when this acquisition took over a stale owner. */
  tookOver: { token: number; pid: number; host: string; reason: string; task: string | null } | null;
  record: OwnerRecord;
  /**
   * The data the previous holder released the lock with — only when this
   * acquisition directly followed that clean release. Null (or absent) after a
   * takeover of a dead holder, a broken lock, a release without data, on the
   * first acquisition and for a re-entrant handle.
   */
  previousData?: LockData | null;
}

export type LockState = 'free' | 'held' | 'stale';

export interface LockStatus {
  name: string;
  state: LockState;
  /** The current generation (fencing token) — of the holder when held. */
  token: number;
  holder: OwnerRecord | null;
  ageMs: number | null;
  staleReason: string | null;
  waiters: number;
  path: string;
}

interface DirView {
  top: number;
  /** How many generation files there are. */
  generations: number;
  tickets: number[];
  entries: string[];
}

// --- small pieces ---------------------------------------------------------

function lockDir(rt: Runtime, name: string): string {
  return join(rt.root, 'locks', name);
}

/** Lock directories this process has created or found: mkdir -p is two system calls per acquire otherwise. */
const knownLockDirs = new Set<string>();

/**
 * Where a lock's records are written before they are linked in: one
 * directory beside the locks (`locks/.tmp`), not the lock's own. Creating
 * and removing a file takes its directory's inode lock, which every
 * waiter's look (readdir) and every link in the lock directory also needs:
 * under contention that lock was where the processes queued.
 */
function tempDirOf(dir: string): string {
  return join(dirname(dir), '.tmp');
}

function ensureLockDir(dir: string): void {
  // Once per directory and process (not per poll): the runtime root, `locks`,
  // the lock's directory and `.tmp` must be real directories of ours, since
  // compaction deletes in them (a planted link is refused, see ensureDirIn).
  const root = dirname(dirname(dir));
  ensureRuntimeRoot(root);
  ensureDirIn(root, dir);
  ensureDirIn(root, tempDirOf(dir));
  if (knownLockDirs.size >= 1024) knownLockDirs.clear();
  knownLockDirs.add(dir);
}

/**
 * The fields of an owner record that say who holds a lock (the same for the
 * file and the remote backend): the owner process and its identity, and what
 * it is doing. Throws BAD_INPUT for an `ownerPid` that is not running, and
 * BAD_NAME for a task or agent id that is not one (others read the record).
 */
export function ownerFields(name: string, opts: Pick<AcquireOptions, 'ownerPid' | 'task' | 'agent' | 'cwd' | 'command'>, leaseMs: number) {
  const ownerPid = opts.ownerPid ?? process.pid;
  const ident = identityOf(ownerPid);
  if (ident.pidStart === null && ownerPid !== process.pid) {
    throw new LockstepError('BAD_INPUT', `owner pid ${ownerPid} is not a running process`);
  }
  return {
    v: SCHEMA,
    lock: name,
    state: 'held' as const,
    pid: ownerPid,
    pidStart: ident.pidStart,
    bootId: ident.bootId,
    host: ident.host,
    uid: ident.uid,
    task: opts.task == null ? null : validateTaskId(opts.task),
    agent: opts.agent == null ? null : validateAgentId(opts.agent),
    cwd: opts.cwd ?? process.cwd(),
    command: opts.command ?? process.argv.slice(1).join(' ').slice(0, 500),
    leaseMs,
  };
}

/**
 * Writes a record for lock directory `dir` to a temp file (see tempDirOf),
 * creating the directories the first time, and returns its path. Should the
 * directories have been removed since (a wiped runtime), they are created
 * again and the write retried.
 */
function writeLockTemp(dir: string, data: string): string {
  const tmpDir = tempDirOf(dir);
  if (!knownLockDirs.has(dir)) ensureLockDir(dir);
  try {
    return writeTempIn(tmpDir, data);
  } catch {
    knownLockDirs.delete(dir);
    ensureLockDir(dir);
    return writeTempIn(tmpDir, data);
  }
}

function checkLockData(data: unknown): LockData {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new LockstepError('BAD_INPUT', 'lock release data must be a JSON object');
  }
  const size = Buffer.byteLength(JSON.stringify(data));
  if (size > MAX_LOCK_DATA_BYTES) throw new LockstepError('BAD_INPUT', `lock release data is ${size} bytes of JSON; at most ${MAX_LOCK_DATA_BYTES} are kept`);
  return data as LockData;
}

/** The data on a released marker, when it is a well-formed object. */
function releasedData(rec: GenerationRecord): LockData | null {
  if (rec.state !== 'released') return null;
  const d = rec.data;
  return typeof d === 'object' && d !== null && !Array.isArray(d) ? d : null;
}

function readView(dir: string): DirView {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { top: 0, generations: 0, tickets: [], entries: [] };
    throw fsError(e, 'read lock directory', dir);
  }
  let top = 0;
  let generations = 0;
  const tickets: number[] = [];
  for (const e of entries) {
    const c = e.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      const n = Number(e);
      generations++;
      if (Number.isSafeInteger(n) && n > top) top = n;
    } else if (e.startsWith('w.')) {
      const n = Number(e.slice(2));
      if (Number.isSafeInteger(n)) tickets.push(n);
    }
  }
  tickets.sort((a, b) => a - b);
  return { top, generations, tickets, entries };
}

const recordBuf = Buffer.allocUnsafe(16 * 1024);

/**
 * A record's text from one read(2): readFileSync reads a second time to see
 * the end of the file, and records are a few hundred bytes. The caller only
 * trusts it when it parses — no proper prefix of a JSON object is one — and
 * reads the file whole otherwise.
 */
function readRecordOnce(path: string): string {
  // O_NONBLOCK: a FIFO someone put at a generation must not hang every reader (see oddEntry).
  const fd = openSync(path, READ_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const n = readSync(fd, recordBuf, 0, recordBuf.length, 0);
    return recordBuf.toString('utf8', 0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * A record is one line of JSON. A served ticket also carries the holder's
 * result line after it (see serveWaiters) for the moment before the holder
 * removes the ticket, and for good should the holder die in between: the
 * waiter is still queued then, and whoever reads its ticket next (a holder,
 * the dead-ticket check) reads the part before that line.
 */
function parseRecord(text: string): { rec: unknown } | null {
  try {
    return { rec: JSON.parse(text) };
  } catch {
    const served = SERVED_LINE.exec(text);
    if (!served) return null;
    return parseRecord(text.slice(0, served.index));
  }
}

/**
 * The result a holder wrote after our record before it took our ticket off
 * the queue (see serveWaiters), read through our own descriptor of the
 * file; null when there is none. The last one counts: a holder that died
 * between writing its line and removing the ticket left one the next holder
 * wrote after.
 */
function servedResult(fd: number): { token: number; result: string } | null {
  let n = readSync(fd, recordBuf, 0, recordBuf.length, 0);
  let buf = recordBuf;
  if (n === recordBuf.length) {
    buf = Buffer.allocUnsafe(fstatSync(fd).size);
    n = readSync(fd, buf, 0, buf.length, 0);
  }
  const m = SERVED_LINE.exec(buf.toString('utf8', 0, n));
  if (!m) return null;
  const token = Number(m[1]);
  return Number.isSafeInteger(token) ? { token, result: m[2]! } : null;
}

/** Reads generation `n`; null when it no longer exists; a "corrupt" result for garbage. */
function readGeneration(dir: string, n: number): GenerationRecord | null | { corrupt: string } {
  const path = join(dir, String(n));
  let text: string;
  let parsed: { rec: unknown } | null;
  try {
    text = readRecordOnce(path);
    parsed = parseRecord(text);
    if (!parsed) {
      const odd = oddEntry(path);
      if (odd) return { corrupt: odd };
      // Cut short (or garbage): judge the whole file.
      text = readFileSync(path, 'utf8');
      parsed = parseRecord(text);
    }
  } catch (e) {
    const odd = oddEntry(path);
    if (odd) return { corrupt: odd };
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fsError(e, 'read lock record', path);
  }
  if (!parsed) return { corrupt: text.length === 0 ? 'empty record' : `not JSON: ${JSON.stringify(text.slice(0, 40))}` };
  const rec = parsed.rec as GenerationRecord;
  if (rec && (rec.state === 'held' || rec.state === 'released' || rec.state === 'broken')) return rec;
  return { corrupt: `unexpected record ${text.slice(0, 80)}` };
}

/**
 * What sits at a generation when it is not a regular file (lockstep only
 * ever links regular files there), else null. Such an entry — a directory, a
 * FIFO, a socket, a dangling link — is put there from outside, like garbage
 * in a record, and is judged the same way (a corrupt record: stale), not an
 * environment error that would block the lock for good.
 */
function oddEntry(path: string): string | null {
  try {
    const l = lstatSync(path, { throwIfNoEntry: false });
    if (!l) return null;
    const st = l.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : l;
    if (!st) return 'a symbolic link to nothing, not a record';
    if (st.isFile()) return null;
    return `${st.isDirectory() ? 'a directory' : st.isFIFO() ? 'a FIFO' : st.isSocket() ? 'a socket' : 'a special file'}, not a record`;
  } catch (e) {
    return `not a record (${(e as NodeJS.ErrnoException).code ?? String(e)})`;
  }
}

function isCorrupt(r: unknown): r is { corrupt: string } {
  return typeof r === 'object' && r !== null && 'corrupt' in r;
}

/** Alive, or why not. A holder on another host is judged by its lease only. */
export function ownerLiveness(rec: OwnerRecord, now = Date.now()): Liveness {
  const main = liveness(rec);
  if (main.state === 'remote') {
    const expires = rec.renewedAtMs + rec.leaseMs;
    return now > expires ? { state: 'dead', reason: `lease of host ${escapeControl(rec.host)} ran out ${Math.round((now - expires) / 1000)} s ago` } : main;
  }
  if (main.state === 'alive') return main;
  for (const extra of rec.extraOwners ?? []) {
    if (liveness({ ...extra, bootId: rec.bootId, host: rec.host }).state === 'alive') return { state: 'alive' };
  }
  return main;
}

/**
 * The error of a wait that ran out: who holds the lock and for how long, how
 * many wait ahead, how long the queue stood still. A lock break is suggested
 * only for a holder that is gone: breaking a live holder's lock gives the
 * repository two writers.
 */
function lockTimeout(name: string, token: number, holder: OwnerRecord | null, ahead: number, deadline: WaitDeadline): LockstepError {
  const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const now = Date.now();
  const held = holder ? `held by ${describeHolder(holder)} for ${s(Math.max(0, now - holder.acquiredAtMs))} (since ${escapeControl(String(holder.acquiredAt))})` : 'not held, but not yet this waiter\'s turn';
  const queue = `${ahead} ${ahead === 1 ? 'waiter' : 'waiters'} ahead of this one`;
  const message = `timed out waiting for the ${name} lock: the queue did not move for ${s(deadline.stillMs())} (waited ${s(deadline.waitedMs())} in all); it is ${held}; ${queue}`;
  const l = holder ? ownerLiveness(holder, now) : null;
  const hint = !l
    ? `see the queue: lockstep lock status ${name}`
    : l.state === 'dead'
      ? `its holder is gone (${l.reason}): lockstep lock break ${name}`
      : l.state === 'remote'
        ? `its holder runs on host ${escapeControl(String(holder!.host))}; lockstep takes the lock over once its lease runs out, at ${new Date(holder!.renewedAtMs + holder!.leaseMs).toISOString()}. See it: lockstep lock status ${name}`
        : `its holder (pid ${holder!.pid}) is alive, still working: wait longer (a larger --timeout) or see what it does: lockstep lock status ${name}`;
  return new LockstepError('LOCK_TIMEOUT', message, { hint, detail: { lock: name, token, holder, holderAlive: l ? l.state !== 'dead' : null, ahead, waitedMs: Math.round(deadline.waitedMs()), stillMs: Math.round(deadline.stillMs()) } });
}

/** Who holds it, for messages: the record is anyone's writing, so its text is escaped. */
function describeHolder(rec: OwnerRecord | null): string {
  if (!rec) return 'nobody';
  const who = [rec.task ? `task ${rec.task}` : null, rec.agent ? `agent ${rec.agent}` : null, `pid ${rec.pid}`, rec.host !== hostId() ? `host ${rec.host}` : null]
    .filter(Boolean)
    .join(', ');
  return escapeControl(who);
}

function parseTokenEnv(env: NodeJS.ProcessEnv): Map<string, number> {
  const out = new Map<string, number>();
  const raw = env[TOKEN_ENV];
  if (!raw) return out;
  for (const part of raw.split(',')) {
    const i = part.lastIndexOf(':');
    if (i <= 0) continue;
    const n = Number(part.slice(i + 1));
    if (Number.isSafeInteger(n) && n > 0) out.set(part.slice(0, i), n);
  }
  return out;
}

/** The value of LOCKSTEP_LOCK_TOKEN that passes `handle` (and any inherited locks) to a child. */
export function tokenEnvFor(handle: Pick<LockHandle, 'name' | 'token'>, env: NodeJS.ProcessEnv = process.env): string {
  const m = parseTokenEnv(env);
  m.set(handle.name, handle.token);
  return [...m].map(([k, v]) => `${k}:${v}`).join(',');
}

/**
 * Deletes generations well below `mine`, and leftover temp files of dead
 * processes. Generations go in ascending order: releaseLock relies on a
 * generation never outliving the one after it.
 */
function compact(dir: string, view: DirView, mine: number): void {
  const old: number[] = [];
  for (const e of view.entries) {
    const c = e.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      const n = Number(e);
      if (n < mine - 2) old.push(n);
    } else if (e.startsWith('.tmp.') && mine % 8 === 0) {
      // A temp file of an older version, or of a tool that writes its own.
      removeIfDead(dir, e);
    }
  }
  old.sort((a, b) => a - b);
  for (const n of old) unlinkQuiet(join(dir, String(n)));
  if (mine % 32 === 0) {
    // Every waiter keeps a temp file while it waits; checking all their pids
    // on every acquire was most of the kill(2)s under contention, and a dead
    // process's leftover can wait a few generations to be removed.
    const tmpDir = tempDirOf(dir);
    let temps: string[] = [];
    try {
      temps = readdirSync(tmpDir);
    } catch {
      /* none yet */
    }
    for (const e of temps) if (e.startsWith('.tmp.')) removeIfDead(tmpDir, e);
  }
}

/** Removes temp file `.tmp.<pid>.…` when that process is gone. */
function removeIfDead(dir: string, name: string): void {
  const pid = Number(name.split('.')[2]);
  if (pid !== process.pid && Number.isInteger(pid) && pid > 0 && !pidExists(pid)) unlinkQuiet(join(dir, name));
}

/**
 * Tickets below `mine` whose owner died are removed so they never block the
 * queue; so are tickets that do not read as a record. Such a ticket may be
 * one a waiter is still writing (see writeTicket): that waiter then finds its
 * ticket gone with no result, and queues again.
 */
function dropDeadTickets(dir: string, tickets: number[], below: number): number[] {
  const live: number[] = [];
  for (const t of tickets) {
    if (t >= below) continue;
    const path = join(dir, `w.${t}`);
    let rec: OwnerRecord | null = null;
    try {
      rec = (parseRecord(readFileSync(path, 'utf8'))?.rec ?? null) as OwnerRecord | null;
    } catch (e) {
      // Gone (acquired, served, given up): nothing to drop — and the number
      // may already be a newcomer's ticket, which must not be removed.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      rec = null;
    }
    if (rec && ownerLiveness(rec).state === 'alive') live.push(t);
    else unlinkQuiet(path);
  }
  return live;
}

// --- acquire ----------------------------------------------------------------

function resolveRuntime(opts: { cwd?: string; runtime?: Runtime }): Runtime {
  return opts.runtime ?? openRuntime({ cwd: opts.cwd });
}

function reentrantHandle(rt: Runtime, name: string, dir: string, token: number): LockHandle | null {
  const view = readView(dir);
  if (view.top !== token) return null;
  const rec = readGeneration(dir, token);
  if (!rec || isCorrupt(rec) || rec.state !== 'held') return null;
  if (ownerLiveness(rec).state !== 'alive') return null;
  return { name, token, nonce: rec.nonce, reentrant: true, dir, root: rt.root, acquiredAtMs: rec.acquiredAtMs, waitedMs: 0, tookOver: null, record: rec, previousData: null };
}

/**
 * Acquires the named lock, waiting up to `timeoutMs`. Throws LOCK_TIMEOUT
 * (naming the holder) when the deadline passes.
 */
export async function acquireLock(opts: AcquireOptions = {}): Promise<LockHandle> {
  return (await acquireOrServe(opts, undefined)) as LockHandle;
}

/**
 * Acquires the named lock like acquireLock, but while queued this waiter
 * offers `request` (a small JSON object) on its ticket: a holder that knows
 * how may do the work for it (serveWaiters) and hand back the result, and
 * then this returns that result instead of a handle. Under contention one
 * holder does the work of everyone queued behind it in one hold, in queue
 * order, instead of the lock changing hands once per caller.
 */
export function acquireOrServed(opts: AcquireOptions & { request: LockData }): Promise<LockHandle | ServedRequest> {
  try {
    return acquireOrServe(opts, checkLockData(opts.request));
  } catch (e) {
    return Promise.reject(e);
  }
}

async function acquireOrServe(opts: AcquireOptions, request: LockData | undefined): Promise<LockHandle | ServedRequest> {
  const name = validateLockName(opts.name ?? DEFAULT_LOCK);
  const rt = resolveRuntime(opts);
  const dir = lockDir(rt, name);
  const env = opts.env ?? process.env;

  if (opts.reentrant !== false) {
    const inherited = parseTokenEnv(env).get(name);
    if (inherited !== undefined) {
      const h = reentrantHandle(rt, name, dir, inherited);
      if (h) return h;
    }
  }

  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0) throw new LockstepError('BAD_INPUT', `invalid lock timeout ${timeoutMs}`);
  const now = Date.now();
  const record: OwnerRecord = {
    ...ownerFields(name, opts, opts.leaseMs ?? DEFAULT_LEASE_MS),
    nonce: randomHex(8),
    acquiredAt: new Date(now).toISOString(),
    acquiredAtMs: now,
    renewedAtMs: now,
    ...(request ? { request } : {}),
  };
  const text = JSON.stringify(record);
  const opened = request !== undefined;
  // A waiter without a request links its record in from a temp file, as a
  // ticket and then as its generation. A waiter with a request writes its
  // ticket in place and keeps it open, for a holder that serves it writes
  // the result into that file; it makes a temp file only should it take the
  // lock itself (a served ticket is never linked as a generation).
  let tmp = opened ? '' : writeLockTemp(dir, text);
  const tempRecord = (): string => tmp || (tmp = writeLockTemp(dir, text));
  let recordFd = -1;
  const recordBytes = opened ? Buffer.byteLength(text) : 0;
  let pendingSize = -1;
  const started = Date.now();
  const deadline = new WaitDeadline(timeoutMs);
  let ahead = 0;
  let ticket = 0;
  let lastHolder: OwnerRecord | null = null;
  let lastToken = 0;
  let nextWaitReport = 0;
  let spins = 0;
  let firstTop = -1;
  let lastTop = -1;
  let topSince = started;
  let last: Seen | null = null;
  let waker = null as Waker | null; // (set in enqueue, which TypeScript does not follow)
  let ticketIno = -1;
  let servedTicket = 0;
  /**
   * How long a waiter with a waker sleeps before it looks again anyway: the
   * wake-up is what it waits for, the timer only the safety net (the head of
   * the queue looks every few ms, the rest rarely). Never past the deadline.
   * TEST-ONLY: LOCKSTEP_FAULT=wait-poll-ms:MS stretches the safety net, to
   * show a waiter is woken by the release and not by its own polling.
   */
  const wakerPollMs = (head: boolean): number => untilDeadline((LOCKSTEP_TEST_BUILD ? faultValue('wait-poll-ms') : 0) || (head ? 2 : 20 + Math.random() * 30));
  const untilDeadline = (ms: number): number => Math.min(ms, deadline.remainingMs());
  const servedBy = (s: { token: number; result: string }): ServedRequest => {
    const now = Date.now();
    if (servedTicket) lastServed.set(dir, { token: s.token, ticket: servedTicket, at: now });
    return { served: true, name, token: s.token, result: s.result, waitedMs: now - started };
  };
  /**
   * Takes a ticket behind `tickets` and asks to be woken on it (a releaser
   * touches it, a serving holder removes it). Returns false when there is no
   * ticket, or when it is already gone (served between the link and the watch).
   */
  const enqueue = (tickets: number[]): boolean => {
    // TEST-ONLY: LOCKSTEP_FAULT=pause-before-ticket:MS holds a waiter between
    // its look and its ticket, so a test can move the lock on meanwhile.
    if (LOCKSTEP_TEST_BUILD) faultPauseSync('pause-before-ticket');
    if (!opened) {
      ticket = takeTicket(dir, tmp, tickets);
      if (!ticket) return false;
      // The watch is on the file, through our record's own name: the ticket's
      // name can be gone by now, and a watch on it would fail.
      waker = ticketWaker(tmp);
      return true;
    }
    const made = writeTicket(dir, text, tickets);
    if (!made) return false;
    ticket = made.ticket;
    recordFd = made.fd;
    waker = ticketWaker(join(dir, `w.${ticket}`));
    // Which file is ours, by inode: a served ticket's number can be taken
    // again, so the watch may even be on a newcomer's ticket by that name —
    // then ours is gone already, which the link count tells.
    const st = fstatSync(recordFd);
    ticketIno = st.ino;
    return st.nlink > 0;
  };
  try {
    try {
      // Served a moment ago, and asking again: the holder that served us is
      // most likely still serving. Queue at once, without a look (a look is
      // a readdir, which the queue's links and removals contend for): behind
      // our last ticket, which was served in order; a release since then
      // (the lock moved on) means a look after all. The holder's next pass,
      // or the releaser's wake-up, finds the ticket.
      const hint = opened && timeoutMs > 0 ? lastServed.get(dir) : undefined;
      if (hint) {
        lastServed.delete(dir);
        if (Date.now() - hint.at < REQUEUE_WITHIN_MS) {
          // TEST-ONLY: LOCKSTEP_FAULT=pause-before-requeue:MS holds the
          // re-queue back, so a test can let the lock move on meanwhile;
          // requeue-without-moved-on:1 then skips the check (the control).
          if (LOCKSTEP_TEST_BUILD) faultPauseSync('pause-before-requeue');
          if (enqueue([hint.ticket]) && ((LOCKSTEP_TEST_BUILD && faultValue('requeue-without-moved-on')) || !movedOn(dir, hint.token))) {
            await waker?.wait(wakerPollMs(false));
          }
        }
      }
      for (;;) {
        if (opts.signal?.aborted) throw new LockstepError('LOCK_TIMEOUT', `gave up waiting for the ${name} lock (aborted)`);
        if (opened && ticket) {
          // (A waiter with a request holds its ticket open: one fstat tells
          // whether it is still queued and whether it has grown.)
          const st = fstatSync(recordFd);
          if (!stillQueued(dir, ticket, st)) {
            // Our ticket left the queue: a holder served our request (it wrote
            // the result into our record, then removed the ticket), or judged us
            // dead. The ticket itself is asked, not a listing: once served, its
            // number can be taken by a newcomer.
            const served = servedResult(recordFd);
            servedTicket = ticket;
            ticket = 0;
            if (served) return servedBy(served);
            waker?.close();
            waker = null;
            closeSync(recordFd);
            recordFd = -1;
          } else if (waker && st.size > recordBytes && (st.size !== pendingSize || (LOCKSTEP_TEST_BUILD && faultValue('result-wait-every-time')))) {
            // Still queued, and our ticket has grown: a holder has written our
            // result and is about to remove the ticket (its write woke us too).
            // Wait for that instead of looking; once per line, should the
            // holder have died in between. TEST-ONLY:
            // LOCKSTEP_FAULT=result-wait-every-time:1 waits on every look at a
            // grown ticket (the control of the test that shows why not).
            pendingSize = st.size;
            await waker.wait(wakerPollMs(false));
            continue;
          }
        }
        const view = readView(dir);
        // (A ticket just taken is not in the view yet: everyone in it is ahead.)
        const ourAt = ticket ? view.tickets.indexOf(ticket) : -1;
        ahead = ourAt < 0 ? view.tickets.length : ourAt;
        // TEST-ONLY: LOCKSTEP_FAULT=wait-deadline-total:1 counts no progress: a deadline on the whole wait (the control of that test).
        if (!(LOCKSTEP_TEST_BUILD && faultValue('wait-deadline-total'))) deadline.look(view.top, ahead);
        if (firstTop < 0) firstTop = view.top;
        if (view.top !== lastTop) {
          lastTop = view.top;
          topSince = Date.now();
        }
        // A waiter with a request that finds others queued ahead queues behind
        // them whatever the holder's state, to be served or to wait its turn:
        // it judges the holder on a later look (the head of the queue judges
        // it every few ms).
        if (!(opened && ticket === 0 && timeoutMs > 0 && view.tickets.length > 0)) {
          // A waiter polls the same top many times. A generation's record never
          // changes once linked (but for its holder's own renewals), so within a
          // short while it is not re-read, nor a live holder re-judged: that only
          // delays noticing a dead holder by at most RECHECK_MS.
          const prev = last as Seen | null;
          const seen = prev && prev.top === view.top && Date.now() - prev.at < RECHECK_MS ? prev : null;
          const cur = view.top === 0 ? null : seen ? seen.rec : readGeneration(dir, view.top);
          let free = false;
          let handed: LockData | null = null;
          let stale: { token: number; rec: OwnerRecord | null; reason: string } | null = null;
          if (view.top === 0 || cur === null) {
            free = view.top === 0;
            if (cur === null && view.top !== 0) continue; // compacted under us: re-read
          } else if (isCorrupt(cur)) {
            // A garbage record can only come from outside lockstep (or a disk fault):
            // treat it as stale so the repository is not blocked forever, and say so.
            stale = { token: view.top, rec: null, reason: `corrupt record (${cur.corrupt})` };
          } else if (cur.state !== 'held') {
            free = true;
            handed = releasedData(cur);
          } else {
            lastHolder = cur;
            // A holder on this host that acquired (or renewed) within RECHECK_MS
            // was alive a moment ago: a waiter with time to wait judges it on a
            // later look instead of checking its process on every hand-off.
            const fresh = timeoutMs > 0 && cur.host === hostId() && Math.abs(Date.now() - cur.renewedAtMs) < RECHECK_MS;
            const l = seen || fresh ? ({ state: 'alive' } as const) : ownerLiveness(cur);
            if (l.state === 'dead') stale = { token: view.top, rec: cur, reason: l.reason };
          }
          if (!seen && cur && !isCorrupt(cur) && !stale) last = { top: view.top, rec: cur, at: Date.now() };
          lastToken = view.top;

          if (free || stale) {
            // Fairness: the lowest live ticket goes first. Without a ticket we may
            // only go when nobody is queued.
            let mayGo = ticket === 0 ? view.tickets.length === 0 : view.tickets[0] === ticket || view.tickets.length === 0;
            // The lock is free and the head of the queue has not taken it: make
            // sure the head is awake. A ticket taken on a look older than the
            // release (ticket numbers follow each waiter's own look) can be at
            // the head without any releaser having known it.
            if (!mayGo) touchFirst(dir, view.tickets.slice(0, 1), new Date());
            if (!mayGo && Date.now() - topSince > 20) {
              // The queue has not moved for a while: drop tickets of dead waiters.
              const live = dropDeadTickets(dir, view.tickets, ticket === 0 ? Number.MAX_SAFE_INTEGER : ticket);
              mayGo = live.length === 0;
            }
            if (mayGo) {
              if (stale) {
                const pause = LOCKSTEP_TEST_BUILD ? faultValue('pause-before-takeover') : 0;
                if (pause > 0) await sleep(pause);
              }
              const mine = view.top + 1;
              const target = join(dir, String(mine));
              const linked = linkStamped(dir, record, target, tempRecord);
              if (linked) {
                const after = readView(dir);
                if (after.top !== mine) {
                  // Our view was stale and the name had been compacted: not ours.
                  unlinkQuiet(target);
                  continue;
                }
                const acquiredAtMs = linked.acquiredAtMs;
                // Our ticket should still be there: if it is gone, a holder served
                // our request and released after the look that listed our ticket
                // at the head beside a free lock (see below).
                const wasQueued = ticket ? (opened ? takeBackTicket(dir, ticket, ticketIno) : unlinkQuiet(join(dir, `w.${ticket}`))) : true;
                const myTicket = ticket;
                ticket = 0; // gone: the `finally` must not remove the number again (a newcomer may hold it by then)
                const queued = myTicket ? after.tickets.filter((t) => t !== myTicket) : after.tickets;
                // Compaction normally runs after the release (off the critical
                // path); a lock released by other means (the shell hooks' ln) is
                // compacted here once enough generations pile up.
                if (after.generations > 16) compact(dir, after, mine);
                const waitedMs = Math.max(0, acquiredAtMs - started);
                const tookOver = stale
                  ? { token: stale.token, pid: stale.rec?.pid ?? 0, host: stale.rec?.host ?? '', reason: stale.reason, task: stale.rec?.task ?? null }
                  : null;
                if (tookOver) appendEvent(rt.root, 'takeover', { lock: name, token: mine, from: tookOver });
                appendEvent(rt.root, 'acquire', { lock: name, token: mine, owner: record.pid, task: record.task, agent: record.agent, waitedMs });
                const handle: LockHandle = { name, token: mine, nonce: record.nonce, reentrant: false, dir, root: rt.root, acquiredAtMs, waitedMs, tookOver, record: linked, previousData: handed };
                acquiredViews.set(handle, { ...after, tickets: queued });
                if (opened && !wasQueued) {
                  const served = servedResult(recordFd);
                  if (served) {
                    releaseLock(handle);
                    return servedBy(served);
                  }
                }
                return handle;
              }
              spins = 0;
              continue; // somebody else linked first: look again at once
            }
          }

        }

        // Held (or not our turn): wait.
        const t = Date.now();
        if (deadline.expired()) {
          appendEvent(rt.root, 'timeout', { lock: name, token: lastToken, waitedMs: Math.round(deadline.waitedMs()), heldBy: lastHolder?.pid ?? null });
          throw lockTimeout(name, lastToken, lastHolder, ahead, deadline);
        }
        if (ticket === 0 && timeoutMs > 0) {
          const queued = enqueue(view.tickets);
          // (A waiter with a request is logged by its outcome: the holder that
          // serves it lists it, or its own acquire says how long it waited.)
          if (!opened) appendEvent(rt.root, 'wait', { lock: name, token: view.top, ticket, heldBy: lastHolder?.pid ?? null, heldByTask: lastHolder?.task ?? null });
          // Served already: collect it. And a release between our look and the
          // ticket could not wake us: if the lock has moved on since our look,
          // look again before sleeping. A later release finds our ticket (see
          // wakeNext).
          if (ticket && (!queued || movedOn(dir, view.top))) continue;
        }
        if (opts.onWait && t >= nextWaitReport) {
          nextWaitReport = t + 1000;
          opts.onWait({ name, waitedMs: t - started, holder: lastHolder, token: lastToken, waiters: view.tickets.length });
        }
        // With a waker, the releaser wakes the head of the queue directly, so
        // polling is only the safety net (a holder that dies, a release by the
        // shell hooks, a file system without inotify): the head looks every few
        // ms, the rest rarely. Without one, the head polls tightly (it is next)
        // and the rest back off with jitter, timed by how long one hand-off
        // takes, learned from how fast the generations advance (two per holder:
        // acquire and release).
        const cycles = (view.top - firstTop) / 2;
        const cycleMs = cycles >= 1 ? (t - started) / cycles : 2;
        const position = ahead;
        spins++;
        let delay: number;
        if (waker) {
          delay = wakerPollMs(position === 0);
        } else if (position === 0) {
          delay = spins < 200 ? 0 : Math.min(4, 1 + (spins >> 8));
        } else {
          // Wake well before our turn (half the expected wait, with jitter), so
          // the next in line is already polling when the lock is released.
          const expected = position * cycleMs;
          delay = Math.min(50, expected * (0.3 + Math.random() * 0.2));
          if (delay < 1) delay = 0;
        }
        delay = untilDeadline(delay);
        // TEST-ONLY: LOCKSTEP_FAULT=pause-before-sleep:MS holds a waiter that
        // has looked (and queued) just before it sleeps; with
        // LOCKSTEP_FAULT_MARK its mark tells a test the waiter no longer
        // looks on its own (1 ms: just the mark).
        if (LOCKSTEP_TEST_BUILD) faultPauseSync('pause-before-sleep');
        if (waker) await waker.wait(delay);
        else if (delay === 0) await new Promise<void>((r) => setImmediate(r));
        else await sleep(delay);
      }
    } catch (e) {
      // Giving up (timeout, abort, an error) with a request on the queue: close
      // it for good first, so that no holder does the work for nobody — or, if
      // a holder already did, return that instead of the error.
      if (opened && ticket) {
        const served = withdrawRequest(dir, ticket, ticketIno, recordFd);
        ticket = 0;
        if (served) return servedBy(served);
      }
      throw e;
    }
  } finally {
    waker?.close();
    if (recordFd >= 0) closeSync(recordFd);
    if (tmp) unlinkQuiet(tmp);
    if (ticket) {
      if (opened) takeBackTicket(dir, ticket, ticketIno);
      else unlinkQuiet(join(dir, `w.${ticket}`));
    }
  }
}

/**
 * Direct wake-up of a queued waiter. The waiter watches its own ticket file
 * (inotify, through fs.watch on its record's name: the same file); a
 * releaser touches the head of the queue (`wakeNext`), and a serving holder
 * removes the ticket. One system call wakes exactly the next in line,
 * instead of every waiter polling the directory while the lock changes hands.
 */
interface Waker {
  /** Resolves when woken (or woken already since the last wait) or after `ms`. */
  wait(ms: number): Promise<void>;
  close(): void;
}

function ticketWaker(path: string): Waker | null {
  let pending = false;
  let wakeUp: (() => void) | null = null;
  let watcher: FSWatcher;
  try {
    watcher = watch(path, { persistent: false }, () => {
      pending = true;
      wakeUp?.();
    });
  } catch {
    return null; // no inotify (or out of watches): poll as before
  }
  watcher.on('error', () => {
    /* the watched file went away: the timer still runs */
  });
  return {
    wait(ms) {
      if (pending) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          wakeUp = null;
          pending = false;
          resolve();
        };
        const timer = setTimeout(done, ms);
        wakeUp = done;
      });
    },
    close() {
      wakeUp = null;
      watcher.close();
    },
  };
}

/**
 * Wakes the next waiter after a release: the head of the queue as it is now.
 * When nobody was queued as the holder acquired, `w.1` (the ticket the first
 * waiter of an empty queue takes) is touched first, and the directory read
 * only if that touches nobody: one system call when there is nobody to wake.
 * The list the holder saw on acquiring is not enough: waiters queue during
 * the hold, and a ticket is numbered from its waiter's own look, so one
 * taken on an older look can be below everyone in that list.
 */
function wakeNext(dir: string, queued: number[]): void {
  const now = new Date();
  // TEST-ONLY: LOCKSTEP_FAULT=wake-acquired-list-only:1 touches only the first
  // of the list the holder saw on acquiring, or w.1 (the control of the test
  // that shows why not).
  if (LOCKSTEP_TEST_BUILD && faultValue('wake-acquired-list-only')) {
    touchFirst(dir, queued.length ? queued : [1], now);
    return;
  }
  if (queued.length === 0 && touchFirst(dir, [1], now)) return;
  touchFirst(dir, readView(dir).tickets, now);
}

/**
 * Whether the lock has changed hands since a look that saw generation `top`:
 * the generation above it exists, or the one it saw is gone (a look a few ms
 * old, under contention: compaction removes generations two below a holder's).
 */
function movedOn(dir: string, top: number): boolean {
  if (existsSync(join(dir, String(top + 1)))) return true;
  // TEST-ONLY: LOCKSTEP_FAULT=moved-on-by-next-only:1 asks only for the next
  // generation (the control of the test that shows why not).
  return top > 0 && !(LOCKSTEP_TEST_BUILD && faultValue('moved-on-by-next-only')) && !existsSync(join(dir, String(top)));
}

function touchFirst(dir: string, tickets: number[], now: Date): boolean {
  for (const t of tickets) {
    try {
      utimesSync(join(dir, `w.${t}`), now, now);
      return true;
    } catch {
      /* that waiter is gone: the next */
    }
  }
  return false;
}

/** The directory as each holder saw it right after acquiring: who was queued, and what to compact after the release. */
const acquiredViews = new WeakMap<object, DirView>();
/** Per lock directory: this process's last served request (see the re-queue in acquireOrServe). */
const lastServed = new Map<string, { token: number; ticket: number; at: number }>();

/** What a waiter last read of the top generation, and when. */
interface Seen {
  top: number;
  rec: GenerationRecord;
  at: number;
}

/**
 * Takes a waiter's request off the queue when it gives up: removing its
 * ticket ends the request for good (a holder serves by removing the ticket,
 * which then fails). If the ticket is already gone, a holder may have served
 * it: that result is returned instead.
 */
function withdrawRequest(dir: string, ticket: number, ino: number, fd: number): { token: number; result: string } | null {
  if (takeBackTicket(dir, ticket, ino)) return null;
  return servedResult(fd);
}

/**
 * Removes a waiter's own ticket `w.<ticket>` (the file with inode `ino`) and
 * says whether it did: false when it was gone already (served, or dropped).
 * Once our ticket is gone its number can be a newcomer's, so checking the
 * name and then removing it could remove the newcomer's ticket (and report
 * "not served" for a request that was). Instead the name is renamed aside
 * and what was moved is checked: a newcomer's ticket is linked back.
 * TEST-ONLY: LOCKSTEP_FAULT=pause-before-take-back:MS holds the waiter just
 * before, so a test can serve it and queue a newcomer meanwhile;
 * take-back-by-name:1 checks, pauses there, then removes by name (the
 * control).
 */
function takeBackTicket(dir: string, ticket: number, ino: number): boolean {
  const path = join(dir, `w.${ticket}`);
  // TEST-ONLY: under LOCKSTEP_FAULT=trust-ticket-listing:1 (see stillQueued)
  // the listing is believed here too, and the ticket removed by name.
  if (LOCKSTEP_TEST_BUILD && faultValue('trust-ticket-listing')) return readView(dir).tickets.includes(ticket) && unlinkQuiet(path);
  if (LOCKSTEP_TEST_BUILD && faultValue('take-back-by-name')) {
    const ours = ticketIsOurs(dir, ticket, ino);
    faultPauseSync('pause-before-take-back');
    return ours && unlinkQuiet(path);
  }
  if (LOCKSTEP_TEST_BUILD) faultPauseSync('pause-before-take-back');
  // (A `.tmp.<pid>.` name: should we die before removing it, compaction does.)
  const aside = join(dir, `.tmp.${process.pid}.${randomHex(6)}`);
  try {
    renameSync(path, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw fsError(e, 'leave the queue in', dir);
  }
  const ours = inodeOf(aside) === ino;
  try {
    // A newcomer's ticket: back into its place, unless the number was taken again meanwhile.
    if (!ours) tryLink(aside, path, true);
  } finally {
    unlinkQuiet(aside);
  }
  return ours;
}

function inodeOf(path: string): number {
  try {
    return statSync(path, { throwIfNoEntry: false })?.ino ?? -1;
  } catch {
    return -1;
  }
}

/** Whether `w.<ticket>` is still the file we linked (inode `ino`). */
function ticketIsOurs(dir: string, ticket: number, ino: number): boolean {
  return ino >= 0 && inodeOf(join(dir, `w.${ticket}`)) === ino;
}

/**
 * Whether a waiter with a request is still queued: its ticket is still its
 * own file. The ticket is the only name of the file the waiter holds open
 * (`st` is that file's fstat), so its link count says it, without a path to
 * look up. TEST-ONLY: LOCKSTEP_FAULT=trust-ticket-listing:1 believes the
 * directory listing instead (the control of the test that shows why not).
 */
function stillQueued(dir: string, ticket: number, st: { nlink: number }): boolean {
  if (LOCKSTEP_TEST_BUILD && faultValue('trust-ticket-listing')) return readView(dir).tickets.includes(ticket);
  return st.nlink > 0;
}

/** What a holder's serve function returns for one request: the result for the waiter, and how to undo the work should the waiter have gone. */
export interface Served {
  /** 1–64 of `[A-Za-z0-9_-]`: it travels on one line of the waiter's record. */
  result: string;
  undo?: () => void;
  /** Called once the waiter has the result (the hand-over succeeded). */
  handedOver?: () => void;
}

/** Most requests one holder serves in one hold: bounds how long the lock is held for others' work. */
export const MAX_SERVED_PER_HOLD = 64;

/**
 * Serves queued requests (see acquireOrServed) while holding the lock: for
 * each ticket from the head of the queue, in order, `serve(request, waiter)`
 * does the work and returns the result. The holder writes
 * `\n<token>.<result>` after the waiter's record, in the ticket file itself
 * (which the waiter wrote and keeps open), and then removes the ticket.
 * That removal is the hand-over: it moves the queue on and wakes the waiter
 * (its inotify watch is on the file), which reads the result through its
 * own descriptor, with no directory to read. Stops at the first waiter that
 * has no request or whose request `serve` declines (returns null), so nobody
 * is served ahead of a waiter that needs the lock itself. A waiter that gave
 * up has removed its ticket first, so the removal fails and the work is
 * undone. Returns how many were served.
 */
export function serveWaiters(handle: LockHandle, serve: (request: LockData, waiter: OwnerRecord) => Served | null, max = MAX_SERVED_PER_HOLD): number {
  if (handle.reentrant) return 0;
  const dir = handle.dir;
  let served = 0;
  // Pass after pass while requests keep coming: a waiter just served
  // queues its next request at once. The first pass goes by the queue as
  // this holder saw it on acquiring, a moment ago, instead of reading the
  // directory again.
  for (let pass = 0, more = true; more && served < max; pass++) {
    more = false;
    const view = (pass === 0 && acquiredViews.get(handle)) || readView(dir);
    if (view.top !== handle.token) break; // not ours any more: the release reports it
    for (const t of view.tickets) {
      if (served >= max) break;
      const path = join(dir, `w.${t}`);
      let fd: number;
      try {
        fd = openSync(path, UPDATE_NOFOLLOW); // a result is never written through a link
      } catch {
        continue; // gone: that waiter left (or a link, not a ticket)
      }
      try {
        const size = readSync(fd, recordBuf, 0, recordBuf.length, 0);
        const waiter = parseRecord(recordBuf.toString('utf8', 0, size))?.rec as OwnerRecord | undefined;
        if (!waiter || waiter.state !== 'held' || typeof waiter.request !== 'object' || waiter.request === null) return served;
        if (waiter.host === hostId() && !pidExists(waiter.pid)) continue; // dead: the queue drops its ticket
        const out = serve(waiter.request, waiter);
        if (!out) return served;
        if (!SERVED_RESULT.test(out.result)) {
          out.undo?.();
          throw new LockstepError('BAD_INPUT', `a served result must be 1–64 of [A-Za-z0-9_-], not ${quoteInput(out.result)}`);
        }
        try {
          writeSync(fd, `\n${handle.token}.${out.result}`, size);
          // TEST-ONLY: LOCKSTEP_FAULT=pause-before-hand-over:MS holds the
          // written result back, so a test can make the waiter give up, or
          // kill this holder, in between.
          if (LOCKSTEP_TEST_BUILD) faultPauseSync('pause-before-hand-over');
          unlinkSync(path);
        } catch (e) {
          // TEST-ONLY: LOCKSTEP_FAULT=serve-no-undo:1 keeps the work of a waiter that gave up (the control of that test).
          if (!(LOCKSTEP_TEST_BUILD && faultValue('serve-no-undo'))) out.undo?.();
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // it gave up meanwhile
          throw fsError(e, 'hand over a served result in', dir);
        }
        served++;
        more = true;
        out.handedOver?.();
      } finally {
        closeSync(fd);
      }
    }
  }
  return served;
}


/**
 * A waiter with a request writes its ticket in place, behind `known`, and
 * keeps it open (see acquireOrServe). No temp file and no link: a holder
 * that opens the ticket before the write lands finds no record and stops
 * serving there, as at any waiter without a request; a waiter that judges
 * the queue stuck behind it removes it (dropDeadTickets), and its writer
 * queues again.
 */
function writeTicket(dir: string, text: string, known: number[]): { ticket: number; fd: number } | null {
  // TEST-ONLY: LOCKSTEP_FAULT=pause-before-ticket-write:MS writes the
  // ticket empty and pauses before its record, so a test can show what
  // others make of such a ticket.
  const pause = LOCKSTEP_TEST_BUILD && faultValue('pause-before-ticket-write') > 0;
  let fd = null as number | null; // (set in the callback, which TypeScript does not follow)
  const ticket = firstFreeTicket(known, (n, first) => {
    const path = join(dir, `w.${n}`);
    try {
      fd = openExclusive(path, pause ? '' : text, 'queue in', dir);
    } catch (e) {
      // The lock directory is gone (a wiped runtime): make it, and try the same number again, once.
      if (!first || existsSync(dir)) throw e;
      knownLockDirs.delete(dir);
      ensureLockDir(dir);
      fd = openExclusive(path, pause ? '' : text, 'queue in', dir);
    }
    return fd !== null;
  });
  if (!ticket || fd === null) return null;
  if (LOCKSTEP_TEST_BUILD && pause) {
    faultPauseSync('pause-before-ticket-write');
    writeSync(fd, text);
  }
  return { ticket, fd };
}

/** A waiter without a request: its temp record linked in as the ticket. */
function takeTicket(dir: string, tmp: string, known: number[]): number {
  return firstFreeTicket(known, (n) => tryLink(tmp, join(dir, `w.${n}`)));
}

/**
 * Takes the first free ticket number behind `known`: `create(n, first)`
 * makes `w.<n>` and returns false when the number is taken. 0 when a
 * thousand were: the waiter still competes, just without a place in line.
 */
/** A record older than this at its link is stamped again (one temp file more; only a waiter pays it). */
const RESTAMP_MS = 2;

/**
 * Links `record` as generation `target`, stamped with the time of the link:
 * the record is made when acquireLock starts, and a waiter's wait must not
 * count as holding (the release's heldMs, status's age) nor use up its
 * lease. Returns the record as linked, or null when the link failed.
 */
function linkStamped(dir: string, record: OwnerRecord, target: string, unstamped: () => string): OwnerRecord | null {
  const now = Date.now();
  if (now - record.acquiredAtMs <= RESTAMP_MS) return tryLink(unstamped(), target) ? record : null;
  const stamped: OwnerRecord = { ...record, acquiredAt: new Date(now).toISOString(), acquiredAtMs: now, renewedAtMs: now };
  const tmp = writeLockTemp(dir, JSON.stringify(stamped));
  try {
    return tryLink(tmp, target) ? stamped : null;
  } finally {
    unlinkQuiet(tmp);
  }
}

function firstFreeTicket(known: number[], create: (n: number, first: boolean) => boolean): number {
  let n = (known.length ? known[known.length - 1]! : 0) + 1;
  for (let i = 0; i < 1000; i++, n++) {
    if (create(n, i === 0)) return n;
  }
  return 0;
}

// --- release, renew, status, break ----------------------------------------------

export interface ReleaseResult {
  name: string;
  token: number;
  heldMs: number;
  reentrant: boolean;
}

function compromised(rt: { root: string }, name: string, token: number, dir: string, why: string): LockstepError {
  const view = readView(dir);
  const cur = view.top ? readGeneration(dir, view.top) : null;
  const now = cur && !isCorrupt(cur) && cur.state === 'held' ? `it is now held by ${describeHolder(cur)} (token ${view.top})` : `its current token is ${view.top}`;
  appendEvent(rt.root, 'compromised', { lock: name, token, current: view.top, why });
  return new LockstepError('LOCK_COMPROMISED', `lock compromised: the ${name} lock with token ${token} is no longer held by its owner (${why}); ${now}`, {
    hint: `work done under token ${token} may have raced another holder; check it with lockstep validate and lockstep lock status ${name}`,
    detail: { lock: name, token, current: view.top },
  });
}

/** Links the marker that frees the lock after generation `ended`, then wakes the next waiter (`queued`: see wakeNext). */
function writeFreeMarker(dir: string, name: string, ended: number, state: 'released' | 'broken', queued: number[], reason?: string, data?: LockData): boolean {
  const marker: FreeMarker = { v: SCHEMA, lock: name, state, by: { pid: process.pid, host: hostId() }, at: new Date().toISOString(), ended, ...(reason ? { reason } : {}), ...(data ? { data } : {}) };
  const tmp = writeLockTemp(dir, JSON.stringify(marker));
  try {
    if (!tryLink(tmp, join(dir, String(ended + 1)))) return false;
    wakeNext(dir, queued);
    return true;
  } finally {
    unlinkQuiet(tmp);
  }
}

export interface ReleaseOptions {
  /**
   * A small JSON object (at most MAX_LOCK_DATA_BYTES) stored on the release
   * marker and handed to the next acquirer as `previousData` — unless the
   * lock changes hands any other way first (takeover, break). Ignored for a
   * re-entrant handle, whose release is a no-op.
   */
  data?: LockData;
}

/**
 * Releases a lock held with `token`. Throws LOCK_COMPROMISED when the lock
 * was taken away (a loud error, never a silent success).
 *
 * For a handle from this process's own acquireLock the directory is not
 * read again: the record under `token` must still be ours and the release
 * marker's link of `token + 1` must succeed. Every way of losing the lock —
 * a takeover, a break — links `token + 1` itself, so the link fails; and
 * compaction removes generations in ascending order, so `token + 1` cannot
 * have been compacted away while `token` is still there.
 */
export function releaseLock(handle: { name: string; token: number; nonce?: string; reentrant?: boolean; cwd?: string; runtime?: Runtime; dir?: string; root?: string }, opts: ReleaseOptions = {}): ReleaseResult {
  const name = validateLockName(handle.name);
  const data = opts.data === undefined ? undefined : checkLockData(opts.data);
  if (handle.reentrant) return { name, token: handle.token, heldMs: 0, reentrant: true };
  if (!Number.isSafeInteger(handle.token) || handle.token <= 0) throw new LockstepError('BAD_INPUT', `invalid token ${quoteInput(handle.token)}: tokens are positive integers`);
  const rt = handle.root ? { root: handle.root } : resolveRuntime(handle);
  const dir = handle.dir ?? join(rt.root, 'locks', name);
  const acquiredView = acquiredViews.get(handle);
  let cur: GenerationRecord | { corrupt: string } | null;
  if (acquiredView) {
    // This process's own acquisition (see above).
    cur = readGeneration(dir, handle.token);
    if (!isOurs(cur, handle.nonce)) throw notReleased(rt, name, handle.token, dir);
    if (!writeFreeMarker(dir, name, handle.token, 'released', acquiredView.tickets, undefined, data)) throw notReleased(rt, name, handle.token, dir);
    compact(dir, acquiredView, handle.token);
  } else {
    // A handle rebuilt from a token (the CLI, a hook): a token that is not
    // the top must not be linked above, so look before linking.
    const view = readView(dir);
    if (view.top !== handle.token) throw notReleased(rt, name, handle.token, dir);
    cur = readGeneration(dir, handle.token);
    if (!isOurs(cur, handle.nonce)) throw notReleased(rt, name, handle.token, dir);
    if (!writeFreeMarker(dir, name, handle.token, 'released', view.tickets, undefined, data)) throw compromised(rt, name, handle.token, dir, 'taken over while releasing');
  }
  const heldMs = Date.now() - cur.acquiredAtMs;
  appendEvent(rt.root, 'release', { lock: name, token: handle.token, heldMs, task: cur.task });
  return { name, token: handle.token, heldMs, reentrant: false };
}

function isOurs(cur: GenerationRecord | { corrupt: string } | null, nonce: string | undefined): cur is OwnerRecord {
  return !!cur && !isCorrupt(cur) && cur.state === 'held' && (!nonce || cur.nonce === nonce);
}

/** Why `token` cannot be released: already released (LOCK_NOT_HELD), or lost — or never this holder's (the top, but not its record). */
function notReleased(rt: { root: string }, name: string, token: number, dir: string): LockstepError {
  const view = readView(dir);
  const next = view.top > token ? readGeneration(dir, token + 1) : null;
  if (next && !isCorrupt(next) && next.state === 'released') {
    return new LockstepError('LOCK_NOT_HELD', `the ${name} lock with token ${token} was already released (at ${next.at})`, {
      hint: `see the lock now: lockstep lock status ${name}`,
      detail: { lock: name, token, current: view.top },
    });
  }
  const why =
    next && !isCorrupt(next) && next.state === 'broken'
      ? `broken by pid ${next.by.pid}: ${next.reason ?? 'no reason given'}`
      : view.top > token
        ? 'a later owner took it over'
        : view.top === token
          ? 'the record under this token is not ours'
          : 'no such token';
  return compromised(rt, name, token, dir, why);
}

/**
 * Rewrites the holder's record in place (rename over its own generation):
 * renews the lease and optionally adds owner processes. Throws LOCK_COMPROMISED if no longer held.
 */
export function updateLock(handle: LockHandle, change: { renew?: boolean; addOwners?: number[] } = {}): OwnerRecord {
  if (handle.reentrant) return handle.record;
  const view = readView(handle.dir);
  const cur = readGeneration(handle.dir, handle.token);
  if (view.top !== handle.token || !cur || isCorrupt(cur) || cur.state !== 'held' || cur.nonce !== handle.nonce) {
    throw compromised({ root: handle.root }, handle.name, handle.token, handle.dir, 'lost before renewal');
  }
  const next: OwnerRecord = { ...cur };
  if (change.renew !== false) next.renewedAtMs = Date.now();
  if (change.addOwners?.length) {
    next.extraOwners = [...(cur.extraOwners ?? []), ...change.addOwners.map((pid) => ({ pid, pidStart: startStamp(pid) }))];
  }
  const tmp = writeLockTemp(handle.dir, JSON.stringify(next));
  try {
    renameSync(tmp, join(handle.dir, String(handle.token)));
  } catch (e) {
    unlinkQuiet(tmp);
    throw fsError(e, 'renew lock record', handle.dir);
  }
  handle.record = next;
  return next;
}

export function lockStatus(opts: { cwd?: string; runtime?: Runtime; name?: string } = {}): LockStatus {
  const name = validateLockName(opts.name ?? DEFAULT_LOCK);
  const rt = resolveRuntime(opts);
  const dir = lockDir(rt, name);
  for (let attempt = 0; ; attempt++) {
    const view = readView(dir);
    const base = { name, token: view.top, path: dir, waiters: view.tickets.length };
    if (view.top === 0) return { ...base, state: 'free', holder: null, ageMs: null, staleReason: null };
    const cur = readGeneration(dir, view.top);
    if (cur === null && attempt < 5) continue;
    if (cur === null) return { ...base, state: 'free', holder: null, ageMs: null, staleReason: null };
    if (isCorrupt(cur)) return { ...base, state: 'stale', holder: null, ageMs: null, staleReason: `corrupt record (${cur.corrupt})` };
    if (cur.state !== 'held') return { ...base, state: 'free', holder: null, ageMs: null, staleReason: null };
    const l = ownerLiveness(cur);
    return { ...base, state: l.state === 'dead' ? 'stale' : 'held', holder: cur, ageMs: Date.now() - cur.acquiredAtMs, staleReason: l.state === 'dead' ? l.reason : null };
  }
}

/** All locks that exist in this repository's runtime (held or not). */
export function listLocks(opts: { cwd?: string; runtime?: Runtime } = {}): LockStatus[] {
  const rt = resolveRuntime(opts);
  let names: string[] = [];
  if (!checkDirIn(rt.root, join(rt.root, 'locks'))) return []; // a link there is refused, never listed through
  try {
    names = readdirSync(join(rt.root, 'locks')).filter((n) => /^[a-z0-9][a-z0-9._-]{0,63}$/.test(n));
  } catch {
    names = [];
  }
  return names.sort().map((name) => lockStatus({ runtime: rt, name }));
}

export interface BreakOptions {
  cwd?: string;
  runtime?: Runtime;
  name?: string;
  /** Compare-and-swap: only break when the current token is this one. */
  expectToken?: number;
  /** Break a lock whose owner is alive. */
  force?: boolean;
}

export type BreakResult =
  | { broken: true; name: string; token: number; previous: OwnerRecord | null; reason: string }
  | { broken: false; name: string; token: number; reason: 'free' };

export function breakLock(opts: BreakOptions = {}): BreakResult {
  const name = validateLockName(opts.name ?? DEFAULT_LOCK);
  const rt = resolveRuntime(opts);
  const st = lockStatus({ runtime: rt, name });
  if (opts.expectToken !== undefined && st.token !== opts.expectToken) {
    throw new LockstepError('CONFLICT', `the ${name} lock is at token ${st.token}, not ${opts.expectToken}: nothing broken`, {
      hint: `look again: lockstep lock status ${name}`,
      detail: { lock: name, token: st.token, expected: opts.expectToken },
    });
  }
  if (st.state === 'free') return { broken: false, name, token: st.token, reason: 'free' };
  if (st.state === 'held' && !opts.force) {
    throw new LockstepError('LOCK_HELD', `the ${name} lock is held by ${describeHolder(st.holder)} (token ${st.token}), which is still running: not broken`, {
      hint: `wait for it, stop that process, or break it anyway: lockstep lock break ${name} --expect-token ${st.token} --force`,
      detail: { lock: name, token: st.token, holder: st.holder },
    });
  }
  const reason = st.state === 'stale' ? (st.staleReason ?? 'stale') : 'forced';
  if (!writeFreeMarker(st.path, name, st.token, 'broken', readView(st.path).tickets, reason)) {
    throw new LockstepError('CONFLICT', `the ${name} lock changed while breaking it (token ${st.token} is no longer current): nothing broken`, {
      hint: `look again: lockstep lock status ${name}`,
    });
  }
  appendEvent(rt.root, 'break', { lock: name, token: st.token, reason, previous: st.holder?.pid ?? null, task: st.holder?.task ?? null });
  return { broken: true, name, token: st.token, previous: st.holder, reason };
}

/** Runs `fn` holding the lock; releases it however `fn` ends. */
export async function withLock<T>(opts: AcquireOptions, fn: (h: LockHandle) => Promise<T> | T): Promise<T> {
  const h = await acquireLock(opts);
  try {
    return await fn(h);
  } finally {
    releaseLock(h);
  }
}
