/**
 * The work queue: items claimed by exactly one agent at a time, with leases,
 * reclaim of abandoned work, and generations that fence stale completions.
 *
 * State lives in `<runtime>/queue/<name>/` (name `default` unless given):
 *
 *   items/<id>.json         the item (priority, payload, order); written once
 *   payloads/<id>           a copy of the payload file given to `add`
 *   pending/<key>@<g>       empty file: the item waits for its claim number g
 *                           (key = priority, then order added, then id: a plain
 *                           name sort gives the claim order)
 *   pending.added           grows by a byte per new pending entry (see below)
 *   claimed/<id>@<g>        claim g: who holds it (agent, process, lease)
 *   resolved/<id>@<g>       how claim g ended (done, failed, retry, reclaimed)
 *   done/<id>, failed/<id>  final state (hard links of the deciding resolution)
 *
 * Exactly-once rests on two link(2) races, each with one winner:
 *
 * - Claim g of an item = link(pending/…@g → claimed/<id>@g): the pending
 *   entry's own inode becomes the claim, and the winner then writes its
 *   record into it. EEXIST (somebody holds it) or ENOENT (somebody took the
 *   entry) means another claimer won. A claim file is only ever removed after
 *   its resolution exists, so a claimer that links a name freed that way sees
 *   resolved/<id>@g right after and backs off: a generation is never owned twice.
 * - The end of claim g = link(resolution → resolved/<id>@g). `done`, `fail` and
 *   `reclaim` all race for that one name, so a completion from a claim that
 *   was reclaimed (or a reclaim of a claim that just completed) finds it taken
 *   and is refused. Only the winner's next step (done/, failed/, or
 *   pending/…@g+1) happens, and it is idempotent, so anybody may finish a
 *   transition a crashed process left half done.
 */
import { closeSync, constants, existsSync, ftruncateSync, linkSync, openSync, readdirSync, renameSync, statSync, writeSync, copyFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { LockstepError, fsError } from '../core/errors.js';
import { appendEvent } from '../core/events.js';
import { ensureDirIn, openAppend, readFileNoFollow, tryLink, unlinkQuiet, UPDATE_NOFOLLOW, writeTempIn } from '../core/files.js';
import { hostId, identityOf, liveness, pidExists, type ProcessIdentity } from '../core/process.js';
import { openRuntime, type Runtime } from '../core/runtime.js';
import { readAgent, type AgentRecord } from './agents.js';
import { DEFAULT_QUEUE, validateAgentId, validateItemId, validatePriority, validateQueueName } from './names.js';
import { randomHex } from '../core/names.js';
import { quoteInput } from '../core/outside-text.js';

export { heartbeat } from './agents.js';

export const DEFAULT_CLAIM_LEASE_MS = 60_000;
export const DEFAULT_MAX_ATTEMPTS = 3;
/**
 * A won claim is written microseconds after its link; one still empty after
 * this long belongs to a claimer that died in between (its owner is unknown,
 * so this stands in for owner + lease).
 */
export const EMPTY_CLAIM_GRACE_MS = 5_000;

export interface QueueItem {
  v: 1;
  id: string;
  queue: string;
  priority: number;
  /** Absolute path of the payload copy, or null. */
  payload: string | null;
  /** Order within a priority (time added + a counter). */
  seq: string;
  addedAt: string;
  addedAtMs: number;
}

/** The record a claimer links into claimed/ (id and generation come from the file name). */
export interface ClaimRecord {
  v: 1;
  agent: string;
  nonce: string;
  pid: number;
  pidStart: string | null;
  bootId: string | null;
  host: string;
  claimedAt: string;
  claimedAtMs: number;
  leaseMs: number;
}

export interface Claim extends ClaimRecord {
  id: string;
  queue: string;
  generation: number;
}

export type Outcome = 'done' | 'failed' | 'retry' | 'reclaimed';

export interface Resolution {
  v: 1;
  id: string;
  generation: number;
  outcome: Outcome;
  /** Where the item goes next. */
  next: 'done' | 'failed' | 'pending';
  /** The agent that held the claim. */
  agent: string;
  by: { pid: number; host: string };
  at: string;
  atMs: number;
  reason: string | null;
}

export type ItemState = 'pending' | 'claimed' | 'done' | 'failed';

export interface ItemView {
  id: string;
  queue: string;
  priority: number;
  payload: string | null;
  addedAt: string;
  state: ItemState;
  /** The current claim number (pending: the next one). */
  generation: number;
  /** Claims that ended without the item being done. */
  attempts: number;
  agent: string | null;
  claimedAt: string | null;
  /** When the claim's lease runs out (claimed items). */
  leaseEndsAtMs: number | null;
  /** Why the last claim ended (failed / retried / reclaimed items). */
  lastReason: string | null;
}

export interface QueueCounts {
  queue: string;
  pending: number;
  claimed: number;
  done: number;
  failed: number;
}

// --- layout -------------------------------------------------------------------

interface QueueDirs {
  root: string;
  name: string;
  dir: string;
  items: string;
  payloads: string;
  pending: string;
  claimed: string;
  resolved: string;
  done: string;
  failed: string;
}

const made = new Set<string>();

function queueDirs(rt: Runtime, queue: string | undefined): QueueDirs {
  const name = validateQueueName(queue ?? DEFAULT_QUEUE);
  const dir = join(rt.root, 'queue', name);
  const d: QueueDirs = {
    root: rt.root,
    name,
    dir,
    items: join(dir, 'items'),
    payloads: join(dir, 'payloads'),
    pending: join(dir, 'pending'),
    claimed: join(dir, 'claimed'),
    resolved: join(dir, 'resolved'),
    done: join(dir, 'done'),
    failed: join(dir, 'failed'),
  };
  if (!made.has(dir)) {
    for (const p of [d.items, d.payloads, d.pending, d.claimed, d.resolved, d.done, d.failed]) ensureDirIn(rt.root, p);
    made.add(dir);
  }
  return d;
}

function existingQueueDirs(rt: Runtime, queue: string | undefined): QueueDirs | null {
  const name = validateQueueName(queue ?? DEFAULT_QUEUE);
  if (!existsSync(join(rt.root, 'queue', name, 'items'))) return null;
  return queueDirs(rt, name);
}

/** Names of the queues that exist in this repository. */
export function listQueues(opts: { cwd?: string; runtime?: Runtime } = {}): string[] {
  const rt = opts.runtime ?? openRuntime({ cwd: opts.cwd });
  try {
    return readdirSync(join(rt.root, 'queue'))
      .filter((n) => /^[a-z0-9][a-z0-9_-]{0,63}$/.test(n) && existsSync(join(rt.root, 'queue', n, 'items')))
      .sort();
  } catch {
    return [];
  }
}

/** Higher priority sorts first: the key is 1e6 - priority, zero-padded. */
function priorityKey(priority: number): string {
  return String(1_000_000 - priority).padStart(7, '0');
}

function pendingName(item: Pick<QueueItem, 'priority' | 'seq' | 'id'>, generation: number): string {
  return `${priorityKey(item.priority)}.${item.seq}.${item.id}@${generation}`;
}

interface PendingEntry {
  name: string;
  id: string;
  generation: number;
  priority: number;
}

function parsePending(name: string): PendingEntry | null {
  if (name.length < 28 || name[7] !== '.' || name[24] !== '.') return null;
  const at = name.lastIndexOf('@');
  if (at < 26) return null;
  const generation = Number(name.slice(at + 1));
  if (!Number.isSafeInteger(generation) || generation < 1) return null;
  return { name, id: name.slice(25, at), generation, priority: 1_000_000 - Number(name.slice(0, 7)) };
}

function parseClaimName(name: string): { id: string; generation: number } | null {
  if (name.startsWith('.')) return null;
  const at = name.lastIndexOf('@');
  if (at < 1) return null;
  const generation = Number(name.slice(at + 1));
  if (!Number.isSafeInteger(generation) || generation < 1) return null;
  return { id: name.slice(0, at), generation };
}

// --- the claimers' view of pending/ ---------------------------------------------------
//
// Listing a directory of thousands of entries costs milliseconds, so each
// process keeps a sorted listing and walks it: entries others claimed
// meanwhile just fail their link. Every new pending entry appends a byte to
// `pending.added`; a claimer re-lists only when that file's size changed (so a
// new or retried item is seen at once, priorities hold) or its listing is
// used up (so "nothing to claim" always rests on a fresh listing).

interface PendingView {
  sig: string;
  names: string[];
  next: number;
  /** When this process last lost a race for an entry of this queue. */
  lostAt: number;
}

/**
 * Claimers racing for the head of the list would each lose to one another
 * nine times out of ten. After a lost race, a claimer picks its next
 * candidate at random among the first CLAIM_SPREAD entries of the same
 * priority: strict order while it claims alone, first-in-first-out within a
 * small window while it competes — never across priorities.
 */
const CLAIM_SPREAD = 16;
const SPREAD_FOR_MS = 1000;

/** Per-process counters of the claim loop (for benchmarks and diagnosis). */
export const claimStats = { won: 0, lost: 0, listings: 0 };

function nextCandidate(view: PendingView): string {
  const { names } = view;
  const head = view.next;
  if (Date.now() - view.lostAt < SPREAD_FOR_MS) {
    const prio = names[head]!.slice(0, 7);
    let span = 1;
    while (span < CLAIM_SPREAD && head + span < names.length && names[head + span]!.startsWith(prio)) span++;
    const j = head + Math.floor(Math.random() * span);
    [names[head], names[j]] = [names[j]!, names[head]!];
  }
  view.next++;
  return names[head]!;
}

const views = new Map<string, PendingView>();

function addedSignature(d: QueueDirs): string {
  try {
    const st = statSync(join(d.dir, 'pending.added'));
    return `${st.ino}:${st.size}`;
  } catch {
    return 'none';
  }
}

function noteNewPending(d: QueueDirs): void {
  try {
    const fd = openAppend(join(d.dir, 'pending.added'));
    try {
      writeSync(fd, '+');
    } finally {
      closeSync(fd);
    }
  } catch {
    /* claimers still re-list when their listing runs out */
  }
}

function freshView(d: QueueDirs): PendingView {
  const sig = addedSignature(d); // before listing: an entry added after this changes the signature
  claimStats.listings++;
  const view = { sig, names: listDir(d.pending).sort(), next: 0, lostAt: views.get(d.pending)?.lostAt ?? 0 };
  views.set(d.pending, view);
  return view;
}

let seqCounter = 0;
function nextSeq(): string {
  seqCounter = (seqCounter + 1) % 1000;
  return `${String(Date.now()).padStart(13, '0')}${String(seqCounter).padStart(3, '0')}`;
}

// --- small file pieces -----------------------------------------------------------



function linkOutcome(src: string, dest: string): 'linked' | 'exists' | 'gone' {
  try {
    linkSync(src, dest);
    return 'linked';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return 'exists';
    if (code === 'ENOENT') return 'gone';
    throw fsError(e, 'create', dest);
  }
}

/** Creates an empty file; false when it exists. */
function createEmpty(path: string): boolean {
  try {
    closeSync(openSync(path, 'wx', 0o644));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw fsError(e, 'create', path);
  }
}

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileNoFollow(path)) as T;
  } catch {
    return null;
  }
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => !n.startsWith('.'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw fsError(e, 'read', dir);
  }
}

function removeDeadTemps(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.startsWith('.tmp.')) continue;
    const pid = Number(n.split('.')[2]);
    if (Number.isInteger(pid) && pid !== process.pid && !pidExists(pid)) unlinkQuiet(join(dir, n));
  }
}

function readItem(d: QueueDirs, id: string): QueueItem | null {
  return readJson<QueueItem>(join(d.items, `${id}.json`));
}

function readClaim(d: QueueDirs, id: string, generation: number): Claim | null {
  const r = readJson<ClaimRecord>(join(d.claimed, `${id}@${generation}`));
  return r && typeof r.agent === 'string' ? { ...r, id, queue: d.name, generation } : null;
}

function readResolution(d: QueueDirs, id: string, generation: number): Resolution | null {
  return readJson<Resolution>(join(d.resolved, `${id}@${generation}`));
}

function resolve_(opts: { cwd?: string; runtime?: Runtime }): Runtime {
  return opts.runtime ?? openRuntime({ cwd: opts.cwd });
}

// --- add, list ---------------------------------------------------------------------

export interface AddItemOptions {
  cwd?: string;
  runtime?: Runtime;
  queue?: string;
  id: string;
  /** Higher is claimed first (default 0). */
  priority?: number;
  /** A file whose content is copied into the queue and handed to the agent (LOCKSTEP_PAYLOAD). */
  payloadFile?: string;
  /** Return `{added: false}` instead of failing when the id exists. */
  ifAbsent?: boolean;
}

export interface AddItemResult {
  added: boolean;
  item: QueueItem;
}

export function addItem(opts: AddItemOptions): AddItemResult {
  const id = validateItemId(opts.id);
  const priority = validatePriority(opts.priority ?? 0);
  const rt = resolve_(opts);
  const d = queueDirs(rt, opts.queue);
  let payloadTmp: string | null = null;
  if (opts.payloadFile !== undefined) {
    const src = isAbsolute(opts.payloadFile) ? opts.payloadFile : resolve(opts.cwd ?? process.cwd(), opts.payloadFile);
    let st;
    try {
      st = statSync(src);
    } catch {
      throw new LockstepError('BAD_INPUT', `payload file ${quoteInput(src)} does not exist`);
    }
    if (!st.isFile()) throw new LockstepError('BAD_INPUT', `payload ${quoteInput(src)} is not a regular file`);
    payloadTmp = join(d.payloads, `.tmp.${process.pid}.${randomHex(6)}`);
    try {
      copyFileSync(src, payloadTmp, constants.COPYFILE_EXCL);
    } catch (e) {
      throw fsError(e, 'copy payload', src);
    }
  }
  const now = Date.now();
  const item: QueueItem = {
    v: 1,
    id,
    queue: d.name,
    priority,
    payload: payloadTmp ? join(d.payloads, id) : null,
    seq: nextSeq(),
    addedAt: new Date(now).toISOString(),
    addedAtMs: now,
  };
  const tmp = writeTempIn(d.items, JSON.stringify(item));
  try {
    if (!tryLink(tmp, join(d.items, `${id}.json`))) {
      if (payloadTmp) unlinkQuiet(payloadTmp);
      const existing = readItem(d, id);
      if (opts.ifAbsent && existing) return { added: false, item: existing };
      throw new LockstepError('BAD_INPUT', `item ${id} already exists in queue ${d.name}${existing ? ` (added ${existing.addedAt})` : ''}`, {
        hint: `see it with: lockstep queue list${d.name === DEFAULT_QUEUE ? '' : ` --queue ${d.name}`}; add it only if absent with --if-absent`,
      });
    }
  } finally {
    unlinkQuiet(tmp);
  }
  if (payloadTmp) renameSync(payloadTmp, join(d.payloads, id));
  createEmpty(join(d.pending, pendingName(item, 1)));
  noteNewPending(d);
  appendEvent(rt.root, 'queue_add', { queue: d.name, item: id, priority });
  return { added: true, item };
}

interface Snapshot {
  items: Map<string, QueueItem>;
  pending: Map<string, number>;
  claims: Map<string, { generation: number; name: string }[]>;
  resolvedSet: Set<string>;
  done: Set<string>;
  failed: Set<string>;
}

function snapshot(d: QueueDirs, withItems: boolean): Snapshot {
  const items = new Map<string, QueueItem>();
  if (withItems) {
    for (const n of listDir(d.items)) {
      if (!n.endsWith('.json')) continue;
      const it = readJson<QueueItem>(join(d.items, n));
      if (it) items.set(it.id, it);
    }
  }
  const done = new Set(listDir(d.done));
  const failed = new Set(listDir(d.failed));
  const resolvedSet = new Set(listDir(d.resolved));
  const pending = new Map<string, number>();
  for (const n of listDir(d.pending)) {
    const p = parsePending(n);
    if (!p || resolvedSet.has(`${p.id}@${p.generation}`)) continue;
    pending.set(p.id, Math.max(pending.get(p.id) ?? 0, p.generation));
  }
  const claims = new Map<string, { generation: number; name: string }[]>();
  for (const n of listDir(d.claimed)) {
    const c = parseClaimName(n);
    if (!c || resolvedSet.has(n)) continue;
    const list = claims.get(c.id) ?? [];
    list.push({ generation: c.generation, name: n });
    claims.set(c.id, list);
  }
  return { items, pending, claims, resolvedSet, done, failed };
}

/** Counts of items per state (cheap: directory listings only). */
export function queueCounts(opts: { cwd?: string; runtime?: Runtime; queue?: string } = {}): QueueCounts {
  const rt = resolve_(opts);
  const d = existingQueueDirs(rt, opts.queue);
  const name = validateQueueName(opts.queue ?? DEFAULT_QUEUE);
  if (!d) return { queue: name, pending: 0, claimed: 0, done: 0, failed: 0 };
  const s = snapshot(d, false);
  let pending = 0;
  let claimed = 0;
  for (const [id, g] of s.pending) {
    if (s.done.has(id) || s.failed.has(id)) continue;
    const c = s.claims.get(id);
    if (c && c.some((x) => x.generation >= g)) continue;
    pending++;
  }
  for (const id of s.claims.keys()) if (!s.done.has(id) && !s.failed.has(id)) claimed++;
  return { queue: name, pending, claimed, done: s.done.size, failed: s.failed.size };
}

export function listItems(opts: { cwd?: string; runtime?: Runtime; queue?: string; state?: ItemState } = {}): ItemView[] {
  const rt = resolve_(opts);
  const d = existingQueueDirs(rt, opts.queue);
  if (!d) return [];
  const s = snapshot(d, true);
  const out: ItemView[] = [];
  for (const it of s.items.values()) {
    const view: ItemView = {
      id: it.id,
      queue: d.name,
      priority: it.priority,
      payload: it.payload,
      addedAt: it.addedAt,
      state: 'pending',
      generation: 1,
      attempts: 0,
      agent: null,
      claimedAt: null,
      leaseEndsAtMs: null,
      lastReason: null,
    };
    const final = s.done.has(it.id) ? 'done' : s.failed.has(it.id) ? 'failed' : null;
    if (final) {
      const r = readJson<Resolution>(join(final === 'done' ? d.done : d.failed, it.id));
      view.state = final;
      if (r) {
        view.generation = r.generation;
        view.agent = r.agent;
        view.attempts = final === 'done' ? r.generation - 1 : r.generation;
        view.lastReason = r.reason;
      }
    } else {
      const claims = (s.claims.get(it.id) ?? []).sort((a, b) => b.generation - a.generation);
      if (claims[0]) {
        view.state = 'claimed';
        view.generation = claims[0].generation;
        const live = readClaim(d, it.id, claims[0].generation); // null for a moment while the winner writes it
        if (live) {
          view.agent = live.agent;
          view.claimedAt = live.claimedAt;
          view.leaseEndsAtMs = claimLeaseEnd(live, readAgent(rt, live.agent));
        }
      } else {
        view.state = 'pending';
        view.generation = s.pending.get(it.id) ?? 1;
      }
      view.attempts = view.generation - 1;
      if (view.generation > 1) view.lastReason = readResolution(d, it.id, view.generation - 1)?.reason ?? null;
    }
    if (!opts.state || opts.state === view.state) out.push(view);
  }
  const order: Record<ItemState, number> = { claimed: 0, pending: 1, failed: 2, done: 3 };
  return out.sort((a, b) => order[a.state] - order[b.state] || b.priority - a.priority || (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : a.id < b.id ? -1 : 1));
}

// --- claim ---------------------------------------------------------------------------

export interface ClaimOptions {
  cwd?: string;
  runtime?: Runtime;
  queue?: string;
  agent: string;
  /** How long the claim stays valid after its owner is gone (default 60 s); heartbeats extend it. */
  leaseMs?: number;
  /** The process that holds the claim (default: this process). While it runs, the claim is never reclaimed. */
  ownerPid?: number;
}

export type ClaimResult = { claimed: true; item: QueueItem; generation: number; claim: Claim } | { claimed: false; queue: string };

/**
 * Claims the highest-priority pending item (first added first among equals).
 * Exactly one claimer wins each item generation.
 */
export function claimNext(opts: ClaimOptions): ClaimResult {
  const agent = validateAgentId(opts.agent);
  const leaseMs = opts.leaseMs ?? DEFAULT_CLAIM_LEASE_MS;
  if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new LockstepError('BAD_INPUT', `invalid lease ${leaseMs} ms: it must be > 0`);
  const rt = resolve_(opts);
  const d = queueDirs(rt, opts.queue);
  const ownerPid = opts.ownerPid ?? process.pid;
  const ident = ownerPid === process.pid ? ownIdentity() : identityOf(ownerPid);
  if (ident.pidStart === null && ownerPid !== process.pid) throw new LockstepError('BAD_INPUT', `owner pid ${ownerPid} is not a running process`);
  let view = views.get(d.pending);
  if (!view || view.sig !== addedSignature(d)) view = freshView(d);
  for (let pass = 0; pass < 2; pass++) {
    if (pass === 1) view = freshView(d); // used up: never say "nothing" from an old listing
    while (view.next < view.names.length) {
      const name = nextCandidate(view);
      const p = parsePending(name);
      if (!p) continue;
      const key = `${p.id}@${p.generation}`;
      const target = join(d.claimed, key);
      const source = join(d.pending, name);
      // Taken since we listed? A lookup is cheap and lock-free; a link takes the directory's lock.
      const won = existsSync(source) ? linkOutcome(source, target) : 'gone';
      if (won !== 'linked') {
        // Somebody holds (or held) this generation ('exists'), or took the entry already ('gone'): it is spent.
        if (won === 'exists') unlinkQuiet(source);
        view.lostAt = Date.now();
        claimStats.lost++;
        continue;
      }
      if (existsSync(join(d.resolved, key))) {
        // The generation already ended and its claim file was cleaned up: not ours.
        unlinkQuiet(target);
        unlinkQuiet(source);
        continue;
      }
      const now = Date.now();
      const record: ClaimRecord = {
        v: 1,
        agent,
        nonce: randomHex(8),
        pid: ownerPid,
        pidStart: ident.pidStart,
        bootId: ident.bootId,
        host: ident.host,
        claimedAt: new Date(now).toISOString(),
        claimedAtMs: now,
        leaseMs,
      };
      if (!writeRecordInto(target, JSON.stringify(record)) || existsSync(join(d.resolved, key))) {
        // We stalled between the link and the write for longer than EMPTY_CLAIM_GRACE_MS and the empty
        // claim was reclaimed meanwhile: not ours any more.
        unlinkQuiet(source);
        view.lostAt = Date.now();
        continue;
      }
      unlinkQuiet(source);
      const item = readItem(d, p.id);
      if (!item) {
        // An entry without an item record can only come from outside lockstep.
        throw new LockstepError('CORRUPT_STATE', `queue ${d.name} has a pending entry for ${p.id} but no item record ${join(d.items, `${p.id}.json`)}`, {
          hint: `remove the claim: rm "${target}"`,
        });
      }
      appendEvent(rt.root, 'queue_claim', { queue: d.name, item: p.id, generation: p.generation, agent, owner: ownerPid });
      claimStats.won++;
      return { claimed: true, item, generation: p.generation, claim: { ...record, id: p.id, queue: d.name, generation: p.generation } };
    }
  }
  return { claimed: false, queue: d.name };
}

/**
 * Fills the (empty) claim file we just won with our record, in one write.
 * Until then readers find it unreadable and treat it as not yet there; a
 * claim left empty by a claimer that died in between is reclaimed after
 * EMPTY_CLAIM_GRACE_MS (see `reclaim`). False when the claim vanished.
 */
function writeRecordInto(path: string, data: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, UPDATE_NOFOLLOW);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw fsError(e, 'write the claim record', path);
  }
  try {
    ftruncateSync(fd, 0);
    writeSync(fd, data);
  } finally {
    closeSync(fd);
  }
  return true;
}

let own: ProcessIdentity | null = null;
function ownIdentity(): ProcessIdentity {
  own ??= identityOf(process.pid);
  return own;
}

/** When a claim's lease runs out: its own lease, extended by heartbeats of the same agent process. */
export function claimLeaseEnd(claim: ClaimRecord, agent: AgentRecord | null): number {
  let end = claim.claimedAtMs + claim.leaseMs;
  if (agent && agent.agent === claim.agent && agent.pid === claim.pid && agent.pidStart === claim.pidStart && agent.host === claim.host) {
    end = Math.max(end, agent.renewedAtMs + agent.leaseMs);
  }
  return end;
}

/** The live (unresolved) claim on an item, or null. */
export function currentClaim(opts: { cwd?: string; runtime?: Runtime; queue?: string; id: string }): Claim | null {
  const id = validateItemId(opts.id);
  const rt = resolve_(opts);
  const d = existingQueueDirs(rt, opts.queue);
  if (!d) return null;
  return liveClaim(d, id);
}

function liveClaim(d: QueueDirs, id: string): Claim | null {
  const prefix = `${id}@`;
  let best: Claim | null = null;
  for (const n of listDir(d.claimed)) {
    if (!n.startsWith(prefix)) continue;
    const c = parseClaimName(n);
    if (!c || c.id !== id || existsSync(join(d.resolved, n))) continue;
    const rec = readClaim(d, id, c.generation);
    if (rec && (!best || rec.generation > best.generation)) best = rec;
  }
  return best;
}

// --- done, fail --------------------------------------------------------------------------

export interface FinishOptions {
  cwd?: string;
  runtime?: Runtime;
  queue?: string;
  id: string;
  agent: string;
  /** The claim being finished (default: the agent's live claim on the item). A claim that already ended is refused. */
  generation?: number;
}

export interface FailOptions extends FinishOptions {
  /** Put the item back to pending (until maxAttempts claims have ended). */
  retry?: boolean;
  reason?: string;
  maxAttempts?: number;
}

export interface FinishResult {
  id: string;
  queue: string;
  generation: number;
  agent: string;
  outcome: Outcome;
  next: Resolution['next'];
}

function describeEnd(r: Resolution): string {
  const how = r.outcome === 'reclaimed' ? `reclaimed${r.reason ? ` (${r.reason})` : ''}` : r.outcome === 'retry' ? 'failed and was retried' : r.outcome === 'done' ? `done by agent ${r.agent}` : `failed${r.reason ? ` (${r.reason})` : ''}`;
  return `${how} at ${r.at}`;
}

function refuse(d: QueueDirs, id: string, agent: string, generation: number | null, why: string): LockstepError {
  appendEvent(d.root, 'queue_refused', { queue: d.name, item: id, agent, generation, why });
  const live = liveClaim(d, id);
  const isDone = existsSync(join(d.done, id));
  const now = live ? `; it is now claim ${live.generation}, held by agent ${live.agent}` : isDone ? '; it is done' : '';
  const list = `lockstep queue list${d.name === DEFAULT_QUEUE ? '' : ` --queue ${d.name}`}`;
  const hint =
    live || isDone || generation !== null
      ? `the work done under that claim must not count (another claim owns the item now); see it with: ${list}`
      : `claim an item first (lockstep queue claim --agent ${agent}), or see the queue: ${list}`;
  return new LockstepError('CONFLICT', `refused: ${why}${now}`, {
    hint,
    detail: { item: id, agent, generation, current: live?.generation ?? null, holder: live?.agent ?? null },
  });
}

/** Finds the claim `agent` finishes; throws CONFLICT / NOT_FOUND explaining why there is none. */
function claimToFinish(d: QueueDirs, id: string, agent: string, generation: number | undefined): Claim {
  if (!existsSync(join(d.items, `${id}.json`))) {
    throw new LockstepError('NOT_FOUND', `no item ${id} in queue ${d.name}`, { hint: `list the items: lockstep queue list${d.name === DEFAULT_QUEUE ? '' : ` --queue ${d.name}`}` });
  }
  if (generation !== undefined) {
    if (!Number.isSafeInteger(generation) || generation < 1) throw new LockstepError('BAD_INPUT', `invalid generation ${generation}: generations are whole numbers from 1`);
    const ended = readResolution(d, id, generation);
    if (ended) throw refuse(d, id, agent, generation, `claim ${generation} of ${id} already ended: ${describeEnd(ended)}`);
    const c = readClaim(d, id, generation);
    if (!c) throw refuse(d, id, agent, generation, `${id} has no claim ${generation}`);
    if (c.agent !== agent) throw refuse(d, id, agent, generation, `claim ${generation} of ${id} belongs to agent ${c.agent}, not ${agent}`);
    return c;
  }
  const live = liveClaim(d, id);
  if (!live) {
    const final = readJson<Resolution>(join(d.done, id)) ?? readJson<Resolution>(join(d.failed, id));
    throw refuse(d, id, agent, null, final ? `${id} is not claimed: it was ${describeEnd(final)}` : `${id} is not claimed by anyone`);
  }
  if (live.agent !== agent) throw refuse(d, id, agent, null, `${id} is claimed by agent ${live.agent} (claim ${live.generation}), not ${agent}`);
  return live;
}

/**
 * Ends claim `generation` of `id`: links the resolution (the one race that
 * decides), then carries out its next step. Returns null when somebody else
 * ended the claim first.
 */
function resolveClaim(d: QueueDirs, c: Claim, outcome: Outcome, next: Resolution['next'], reason: string | null): Resolution | null {
  const now = Date.now();
  const res: Resolution = {
    v: 1,
    id: c.id,
    generation: c.generation,
    outcome,
    next,
    agent: c.agent,
    by: { pid: process.pid, host: hostId() },
    at: new Date(now).toISOString(),
    atMs: now,
    reason,
  };
  const tmp = writeTempIn(d.resolved, JSON.stringify(res));
  try {
    if (!tryLink(tmp, join(d.resolved, `${c.id}@${c.generation}`))) return null;
  } finally {
    unlinkQuiet(tmp);
  }
  carryOut(d, res);
  return res;
}

/** The step after a resolution. Idempotent: any process may (re)do it. */
function carryOut(d: QueueDirs, res: Resolution): void {
  const key = `${res.id}@${res.generation}`;
  const src = join(d.resolved, key);
  if (res.next === 'done') tryLink(src, join(d.done, res.id), true);
  else if (res.next === 'failed') tryLink(src, join(d.failed, res.id), true);
  else if (!existsSync(join(d.done, res.id)) && !existsSync(join(d.failed, res.id)) && !existsSync(join(d.claimed, `${res.id}@${res.generation + 1}`))) {
    // A late duplicate of this entry is harmless: claim g+1 is still decided by one link.
    const item = readItem(d, res.id);
    if (item && createEmpty(join(d.pending, pendingName(item, res.generation + 1)))) noteNewPending(d);
  }
  unlinkQuiet(join(d.claimed, key));
}

export function completeItem(opts: FinishOptions): FinishResult {
  const id = validateItemId(opts.id);
  const agent = validateAgentId(opts.agent);
  const rt = resolve_(opts);
  const d = queueDirs(rt, opts.queue);
  const c = claimToFinish(d, id, agent, opts.generation);
  const res = resolveClaim(d, c, 'done', 'done', null);
  if (!res) {
    const ended = readResolution(d, id, c.generation);
    throw refuse(d, id, agent, c.generation, `claim ${c.generation} of ${id} ended before this completion: ${ended ? describeEnd(ended) : 'ended'}`);
  }
  appendEvent(rt.root, 'queue_done', { queue: d.name, item: id, generation: c.generation, agent, heldMs: res.atMs - c.claimedAtMs });
  return { id, queue: d.name, generation: c.generation, agent, outcome: 'done', next: 'done' };
}

export function failItem(opts: FailOptions): FinishResult {
  const id = validateItemId(opts.id);
  const agent = validateAgentId(opts.agent);
  const max = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isSafeInteger(max) || max < 1) throw new LockstepError('BAD_INPUT', `invalid max attempts ${max}: use a whole number >= 1`);
  const rt = resolve_(opts);
  const d = queueDirs(rt, opts.queue);
  const c = claimToFinish(d, id, agent, opts.generation);
  const retry = Boolean(opts.retry) && c.generation < max;
  let reason = opts.reason?.trim() || 'failed';
  if (opts.retry && !retry) reason += ` (no attempts left: ${c.generation} of ${max} used)`;
  const res = resolveClaim(d, c, retry ? 'retry' : 'failed', retry ? 'pending' : 'failed', reason);
  if (!res) {
    const ended = readResolution(d, id, c.generation);
    throw refuse(d, id, agent, c.generation, `claim ${c.generation} of ${id} ended before this failure report: ${ended ? describeEnd(ended) : 'ended'}`);
  }
  appendEvent(rt.root, 'queue_fail', { queue: d.name, item: id, generation: c.generation, agent, retry, reason: res.reason });
  return { id, queue: d.name, generation: c.generation, agent, outcome: res.outcome, next: res.next };
}

// --- reclaim -------------------------------------------------------------------------------

export interface ReclaimOptions {
  cwd?: string;
  runtime?: Runtime;
  /** One queue (default: every queue). */
  queue?: string;
  /** After this many ended claims an abandoned item goes to failed (default 3). */
  maxAttempts?: number;
  now?: number;
}

export interface Reclaimed {
  queue: string;
  id: string;
  generation: number;
  agent: string;
  reason: string;
  next: 'pending' | 'failed';
}

export interface ReclaimResult {
  reclaimed: Reclaimed[];
  /** Transitions a crashed process left half done, finished now. */
  finished: number;
  /** Items whose `add` died between writing the item and queueing it, queued now. */
  repaired: string[];
  /** Claims still held (lease running or owner alive). */
  held: number;
}

/**
 * Returns abandoned claims to pending: only when the claim's lease ran out
 * AND its owner process is gone (same host: pid + start time; another host:
 * the lease alone). A slow but live agent keeps its item.
 */
export function reclaim(opts: ReclaimOptions = {}): ReclaimResult {
  const max = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isSafeInteger(max) || max < 1) throw new LockstepError('BAD_INPUT', `invalid max attempts ${max}: use a whole number >= 1`);
  const rt = resolve_(opts);
  const names = opts.queue !== undefined ? [validateQueueName(opts.queue)] : listQueues({ runtime: rt });
  const out: ReclaimResult = { reclaimed: [], finished: 0, repaired: [], held: 0 };
  for (const name of names) {
    const d = existingQueueDirs(rt, name);
    if (!d) continue;
    removeDeadTemps(d.claimed);
    removeDeadTemps(d.resolved);
    removeDeadTemps(d.items);
    const agents = new Map<string, AgentRecord | null>();
    for (const n of listDir(d.claimed)) {
      const c = parseClaimName(n);
      if (!c) continue;
      const ended = readResolution(d, c.id, c.generation);
      if (ended) {
        carryOut(d, ended);
        out.finished++;
        continue;
      }
      const now = opts.now ?? Date.now();
      let claim = readClaim(d, c.id, c.generation);
      if (!claim) {
        // Gone (finished while we looked), or won but not yet written — or never written by a claimer that died.
        let ctimeMs: number;
        try {
          ctimeMs = statSync(join(d.claimed, n)).ctimeMs;
        } catch {
          continue;
        }
        if (now - ctimeMs < EMPTY_CLAIM_GRACE_MS) {
          out.held++;
          continue;
        }
        claim = { v: 1, agent: 'unknown', nonce: '', pid: 0, pidStart: null, bootId: null, host: hostId(), claimedAt: new Date(ctimeMs).toISOString(), claimedAtMs: ctimeMs, leaseMs: EMPTY_CLAIM_GRACE_MS, id: c.id, queue: d.name, generation: c.generation };
      }
      if (!agents.has(claim.agent)) agents.set(claim.agent, readAgent(rt, claim.agent));
      const leaseEnd = claimLeaseEnd(claim, agents.get(claim.agent) ?? null);
      const l = liveness(claim);
      if (now <= leaseEnd || l.state === 'alive') {
        out.held++;
        continue;
      }
      const gone = claim.pid === 0 ? 'its claimer stopped before writing its claim record' : l.state === 'remote' ? `its owner on host ${claim.host} sent no heartbeat` : l.reason;
      const reason = `abandoned by agent ${claim.agent}: lease ran out ${((now - leaseEnd) / 1000).toFixed(1)} s ago and ${gone}`;
      const next = c.generation >= max ? 'failed' : 'pending';
      const res = resolveClaim(d, claim, 'reclaimed', next, next === 'failed' ? `${reason}; ${c.generation} of ${max} attempts used` : reason);
      if (!res) continue; // completed or reclaimed by somebody else first
      appendEvent(rt.root, 'queue_reclaim', { queue: d.name, item: c.id, generation: c.generation, agent: claim.agent, next, reason: res.reason });
      out.reclaimed.push({ queue: d.name, id: c.id, generation: c.generation, agent: claim.agent, reason: res.reason!, next });
    }
    out.repaired.push(...repairOrphans(d, opts.now ?? Date.now()));
  }
  return out;
}

/** An item with no trace in any state directory, older than a minute: its `add` died half way. */
function repairOrphans(d: QueueDirs, now: number): string[] {
  const seen = new Set<string>([...listDir(d.done), ...listDir(d.failed)]);
  for (const n of listDir(d.pending)) {
    const p = parsePending(n);
    if (p) seen.add(p.id);
  }
  for (const dir of [d.claimed, d.resolved]) {
    for (const n of listDir(dir)) {
      const c = parseClaimName(n);
      if (c) seen.add(c.id);
    }
  }
  const out: string[] = [];
  for (const n of listDir(d.items)) {
    if (!n.endsWith('.json') || seen.has(n.slice(0, -5))) continue;
    const item = readItem(d, n.slice(0, -5));
    if (!item || now - item.addedAtMs < 60_000) continue;
    if (createEmpty(join(d.pending, pendingName(item, 1)))) {
      noteNewPending(d);
      appendEvent(d.root, 'queue_repair', { queue: d.name, item: item.id });
      out.push(item.id);
    }
  }
  return out;
}

/** Live claims (optionally of one agent) across queues. */
export function listClaims(opts: { cwd?: string; runtime?: Runtime; queue?: string; agent?: string } = {}): (Claim & { leaseEndsAtMs: number; ownerAlive: boolean })[] {
  const rt = resolve_(opts);
  const names = opts.queue !== undefined ? [validateQueueName(opts.queue)] : listQueues({ runtime: rt });
  const out: (Claim & { leaseEndsAtMs: number; ownerAlive: boolean })[] = [];
  for (const name of names) {
    const d = existingQueueDirs(rt, name);
    if (!d) continue;
    for (const n of listDir(d.claimed)) {
      const c = parseClaimName(n);
      if (!c || existsSync(join(d.resolved, n))) continue;
      const claim = readClaim(d, c.id, c.generation);
      if (!claim || (opts.agent && claim.agent !== opts.agent)) continue;
      const l = liveness(claim);
      out.push({ ...claim, leaseEndsAtMs: claimLeaseEnd(claim, readAgent(rt, claim.agent)), ownerAlive: l.state === 'alive' });
    }
  }
  return out;
}
