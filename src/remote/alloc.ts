/**
 * Numbered allocation coordinated through the git remote: clones on
 * different machines allocating in the same ROOT never get the same number.
 *
 * A number N is taken by one atomic push that
 *   - creates refs/lockstep/alloc/<root>/<N> (expected: absent) pointing to
 *     the allocation record (who, when, which entry), and
 *   - moves refs/lockstep/alloc/<root>/head, the root's counter, from
 *     head(N-1) to head(N) (expected: its current value; absent for the first).
 * Only then is `ROOT/<N>_<name>` created locally.
 *
 * head(N) is a blob whose content depends on root and N only, so every clone
 * can compute its id: a clone that lost a race assumes the winner took N and
 * tries N+1 against head(N) at once, without reading the remote again (and
 * reads it after a few misses). Two clones pushing the same head(N) would
 * look "up to date" to git and skip the head check, but the creation of ref
 * N in the same atomic push still fails for the second.
 *
 * The head is never deleted and only moves forward, so a clone with an old
 * view can never take a number twice, even after `lockstep remote gc`
 * removed the per-number refs below the newest (they are history).
 *
 * <root> is a hash of ROOT's path relative to the checkout's top level, so
 * every clone names the same root the same way wherever it is checked out.
 */
import { existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, isAbsolute, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LockstepError, fsError } from '../core/errors.js';
import { appendEvent } from '../core/events.js';
import { DEFAULT_TIMEOUT_MS } from '../core/lock.js';
import { hostId } from '../core/process.js';
import { DEFAULT_WIDTH, resolveRoot, validateWidth, type AllocateOptions, type Allocation } from '../alloc/allocate.js';
import { sanitizeTopicName } from '../alloc/name.js';
import { formatNumber, highestNumber } from '../alloc/scan.js';
import { monoNowMs } from './observations.js';
import { allocHeadRef, allocNumberRef, allocPrefix, rootHash } from './refs.js';
import { listRemoteRefs, openRemote, pushUpdates, readRecords, recordOid, writeRecord, type RemoteContext, type RemoteOptions } from './transport.js';
import { randomHex } from '../core/names.js';
import { timerDelay } from '../core/duration.js';

export interface RemoteAllocateOptions extends Omit<AllocateOptions, 'onWait'>, RemoteOptions {}

export interface RemoteAllocation extends Allocation {
  backend: 'remote';
  remote: string;
  /** The ref that records this number on the remote. */
  ref: string;
  /** ROOT relative to the checkout's top level (what the root hash is made of). */
  root: string;
  /** Pushes that lost a race before this one won. */
  retries: number;
}

export interface AllocationRecord {
  v: number;
  backend: 'remote';
  kind: 'alloc';
  root: string;
  number: number;
  entry: string;
  host: string;
  pid: number;
  nonce: string;
  at: string;
}

/** ROOT relative to the top level, '/'-separated; refuses roots outside the checkout. */
export function relativeRoot(ctx: RemoteContext, realRoot: string): string {
  let top = ctx.topLevel;
  try {
    top = realpathSync(top);
  } catch {
    /* keep it as git said */
  }
  const rel = relative(top, realRoot);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new LockstepError('BAD_INPUT', `the allocation root ${realRoot} is outside the checkout ${top}: the remote backend names roots by their path inside the repository, so every clone agrees`, {
      hint: 'use a root inside the repository, or --backend file for a root outside it',
    });
  }
  return rel.split(sep).join('/') || '.';
}

/**
 * The real path of ROOT, which may not exist yet: it is only created once a
 * number has been taken, so an unreachable remote leaves nothing behind.
 */
function realRootPath(abs: string): string {
  const rest: string[] = [];
  let dir = abs;
  for (;;) {
    try {
      const real = realpathSync(dir);
      if (rest.length === 0 && !statSync(real).isDirectory()) throw new LockstepError('ENVIRONMENT', `the allocation root ${abs} is not a directory`);
      return join(real, ...rest.reverse());
    } catch (e) {
      if (e instanceof LockstepError) throw e;
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(dir) === dir) throw fsError(e, 'open allocation root', abs);
      rest.push(basename(dir));
      dir = dirname(dir);
    }
  }
}

function highestIn(root: string): number {
  try {
    return highestNumber(root);
  } catch (e) {
    if (e instanceof LockstepError && !existsSync(root)) return 0;
    throw e;
  }
}

interface HeadRecord {
  v: 1;
  backend: 'remote';
  kind: 'alloc-head';
  root: string;
  number: number;
}

const headRecord = (hash: string, number: number): HeadRecord => ({ v: 1, backend: 'remote', kind: 'alloc-head', root: hash, number });

interface Counter {
  headOid: string | null;
  number: number;
}

/** What this process last knew of each root's counter: the next allocation starts from it. */
const known = new Map<string, Counter>();

/** The root's counter on the remote: the head ref's id and the number it stands for (0 when none). */
async function remoteCounter(ctx: RemoteContext, hash: string): Promise<Counter> {
  const refs = await listRemoteRefs(ctx, [`${allocPrefix(hash)}*`], 'read the allocation counter');
  const headOid = refs.get(allocHeadRef(hash)) ?? null;
  if (!headOid) return { headOid: null, number: 0 };
  // The newest number's ref survives gc, and head(N) has a computable id.
  const numbers = [...refs.keys()].map((r) => Number(r.slice(allocPrefix(hash).length))).filter((n) => Number.isSafeInteger(n) && n > 0).sort((a, b) => b - a);
  for (const n of numbers) if (recordOid(ctx, headRecord(hash, n)) === headOid) return { headOid, number: n };
  const rec = (await readRecords<HeadRecord>(ctx, [headOid], [allocHeadRef(hash)])).get(headOid);
  if (!rec || rec.kind !== 'alloc-head' || !Number.isSafeInteger(rec.number)) {
    throw new LockstepError('CORRUPT_STATE', `the allocation counter ${allocHeadRef(hash)} on the remote ${ctx.remote} does not point to a lockstep counter`, {
      hint: 'something other than lockstep wrote that ref; inspect it with git ls-remote and fix it by hand',
    });
  }
  return { headOid, number: rec.number };
}

/**
 * An allocation's deadline: `timeoutMs` without progress. A clone that keeps
 * losing races while the others take numbers is waiting its turn, not stuck
 * (under load five clones can take minutes for a few hundred numbers), so
 * every rise of the remote counter it reads starts the time again. `now` is
 * for tests.
 */
export function progressDeadline(timeoutMs: number, now: () => number = monoNowMs) {
  let deadline = now() + timeoutMs;
  let highest: number | null = null;
  return {
    /** The remote counter as just read. */
    saw(number: number): void {
      if (highest !== null && number > highest) deadline = now() + timeoutMs;
      highest = Math.max(highest ?? number, number);
    },
    passed: () => now() >= deadline,
    leftMs: () => deadline - now(),
  };
}

/**
 * Allocates the next number in ROOT through the remote and creates
 * `ROOT/<N>_<name>`. Throws REMOTE_UNREACHABLE (nothing created),
 * REMOTE_REFUSED, or LOCK_TIMEOUT when it keeps losing races for the timeout
 * without the remote counter moving (see progressDeadline).
 */
export async function allocateRemote(opts: RemoteAllocateOptions): Promise<RemoteAllocation> {
  const name = sanitizeTopicName(opts.name);
  const width = validateWidth(opts.width ?? DEFAULT_WIDTH);
  const abs = resolveRoot(opts.root, opts.cwd);
  const ctx = openRemote(opts);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = progressDeadline(timeoutMs);
  const real = realRootPath(abs);
  const rel = relativeRoot(ctx, real);
  const hash = rootHash(rel);
  const key = `${ctx.git.cwd}\0${ctx.remote}\0${hash}`;
  let view = known.get(key) ?? (await remoteCounter(ctx, hash));
  deadline.saw(view.number);
  let blind = 0;
  for (let retries = 0; ; retries++) {
    const number = Math.max(view.number, highestIn(real)) + 1;
    if (!Number.isSafeInteger(number)) throw new LockstepError('ENVIRONMENT', `no number left after ${number - 1} in ${abs}`);
    const entry = `${formatNumber(number, width)}_${name}`;
    const record: AllocationRecord = { v: 1, backend: 'remote', kind: 'alloc', root: rel, number, entry, host: hostId(), pid: process.pid, nonce: randomHex(8), at: new Date().toISOString() };
    const [oid, headOid] = await Promise.all([writeRecord(ctx, record), writeRecord(ctx, headRecord(hash, number))]);
    const ref = allocNumberRef(hash, number);
    const sentMono = monoNowMs();
    const r = await pushUpdates(
      ctx,
      [
        { ref, newOid: oid, expectOid: null },
        { ref: allocHeadRef(hash), newOid: headOid, expectOid: view.headOid },
      ],
      `take number ${number} in ${rel}`,
    );
    if (r.ok) {
      known.set(key, { headOid, number });
      try {
        mkdirSync(real, { recursive: true });
        mkdirSync(join(real, entry));
      } catch (e) {
        // The number is ours on the remote; without its directory it is a gap, never a duplicate.
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new LockstepError('CONFLICT', `${join(abs, entry)} already exists although number ${number} was just taken on the remote: something outside lockstep created it`, { hint: `lockstep allocate --verify ${abs}` });
        }
        throw fsError(e, 'create', join(abs, entry));
      }
      appendEvent(ctx.runtime.root, 'allocate', { backend: 'remote', remote: ctx.remote, root: real, number, entry, retries });
      return { backend: 'remote', remote: ctx.remote, ref, root: rel, topicNumber: formatNumber(number, width), topicPath: join(abs, entry), number, name, token: number, retries };
    }
    known.delete(key);
    // Before giving up, one look at the remote: numbers taken since the last look are progress.
    if (deadline.passed()) deadline.saw((view = await remoteCounter(ctx, hash)).number);
    if (deadline.passed()) {
      throw new LockstepError('LOCK_TIMEOUT', `gave up allocating in ${abs} after ${retries + 1} pushes lost, the last ${(timeoutMs / 1000).toFixed(1)} s without another clone taking a number`, {
        hint: 'retry, or raise the timeout (--timeout)',
        detail: { root: rel, remote: ctx.remote, retries: retries + 1 },
      });
    }
    // Most likely another clone just took this number: go on from it, reading the remote only after a
    // few misses. The pause (up to a few push times, growing with the misses) keeps 5 clones on 2 cores
    // from all pushing at once for every number, which would slow every push down.
    const pushMs = monoNowMs() - sentMono;
    await sleep(timerDelay(Math.min(deadline.leftMs(), Math.random() * pushMs * Math.min(4, 2 ** Math.min(retries, 3)))));
    if (++blind <= 2) view = { headOid: recordOid(ctx, headRecord(hash, number)), number };
    else {
      blind = 0;
      view = await remoteCounter(ctx, hash);
      deadline.saw(view.number);
    }
  }
}
