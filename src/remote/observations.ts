/**
 * When may a lease on another machine be called expired? Never on one clock's
 * word: the holder's wall clock (acquired-at, renewed-at in its record) may be
 * minutes off ours. The rule lockstep uses:
 *
 *   a record R (one object id) with lease L is expired for machine M once M
 *   has seen the ref at R, unchanged, for L + grace(L) on M's own monotonic
 *   clock — measured from the first time M saw R.
 *
 * Every renewal pushes a new object, so a live holder resets every
 * observer's count. M first saw R after R was pushed, and the holder counts
 * its own lease from before it sent the push, so M can only break R after
 * the holder's own lease has run out on the holder's clock (clock *rates*
 * agree to far better than grace: 2 % of the lease, at least 500 ms).
 *
 * First sightings are kept per clone in `<runtime>/remote/<remote>/seen/`,
 * stamped with CLOCK_MONOTONIC (shared by every process of one boot) and the
 * boot id, so a `lockstep remote gc` run now and again after the lease (or a
 * waiter that started later) counts from the first sighting on this machine.
 * A sighting from an earlier boot is worthless and starts over.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { checkDirIn, ensureDirIn, readJsonFile, writeFileAtomic } from '../core/files.js';
import { isLockstepError } from '../core/errors.js';
import { bootId, hostId, liveness } from '../core/process.js';
import type { RemoteContext } from './transport.js';

/** Milliseconds on CLOCK_MONOTONIC: comparable between processes of one boot, immune to wall-clock steps. */
export function monoNowMs(): number {
  return Number(process.hrtime.bigint() / 1_000_000n);
}

/** Extra time an observer waits beyond the lease, for clock-rate differences. */
export function leaseGraceMs(leaseMs: number): number {
  return Math.max(500, Math.ceil(leaseMs / 50));
}

interface Sighting {
  ref: string;
  oid: string;
  mono: number;
  boot: string | null;
}

export class Observer {
  private readonly dir: string;
  private readonly memory = new Map<string, { oid: string; mono: number }>();

  constructor(private readonly ctx: RemoteContext) {
    this.dir = join(ctx.runtime.root, 'remote', ctx.remote, 'seen');
  }

  private file(ref: string): string {
    return join(this.dir, `${createHash('sha256').update(`${this.ctx.url}\0${ref}`).digest('hex').slice(0, 32)}.json`);
  }

  /** The monotonic time this machine first saw `ref` at `oid` (now, if this is the first time). */
  firstSeen(ref: string, oid: string): number {
    const now = monoNowMs();
    const mem = this.memory.get(ref);
    let earliest = mem && mem.oid === oid ? mem.mono : now;
    const boot = bootId();
    let stored: Sighting | undefined;
    try {
      stored = checkDirIn(this.ctx.runtime.root, this.dir) ? readJsonFile<Sighting>(this.file(ref), 'remote sighting') : undefined;
    } catch (e) {
      if (isLockstepError(e) && e.code === 'UNSAFE_PATH') throw e; // a planted link is refused, not skipped
      stored = undefined; // a damaged sighting only makes us wait longer
    }
    if (stored && stored.oid === oid && stored.boot === boot && stored.ref === ref && Number.isFinite(stored.mono) && stored.mono <= now) {
      earliest = Math.min(earliest, stored.mono);
    } else {
      try {
        ensureDirIn(this.ctx.runtime.root, this.dir);
        writeFileAtomic(this.file(ref), JSON.stringify({ ref, oid, mono: earliest, boot } satisfies Sighting));
      } catch (e) {
        if (isLockstepError(e) && e.code === 'UNSAFE_PATH') throw e;
        /* without a stored sighting only this process's own count applies */
      }
    }
    this.memory.set(ref, { oid, mono: earliest });
    return earliest;
  }
}

export interface HolderIdentity {
  host: string;
  pid: number;
  pidStart: string | null;
  bootId: string | null;
  leaseMs: number;
}

export type Judgement =
  | { expired: true; reason: string }
  | { expired: false; /** ms until this machine may call it expired */ remainingMs: number; reason: string };

/**
 * Expired or not, by the rule above. A holder on this same host (and boot)
 * whose process is gone is expired at once: that is this machine's own
 * observation, not another clock's.
 */
export function judgeLease(holder: HolderIdentity | null, firstSeenMono: number, nowMono = monoNowMs()): Judgement {
  const leaseMs = holder && Number.isFinite(holder.leaseMs) && holder.leaseMs >= 0 ? holder.leaseMs : DEFAULT_FOREIGN_LEASE_MS;
  if (holder && holder.host === hostId()) {
    const l = liveness(holder);
    if (l.state === 'dead') return { expired: true, reason: `${l.reason} (same host)` };
  }
  const needed = leaseMs + leaseGraceMs(leaseMs);
  const seen = nowMono - firstSeenMono;
  if (seen >= needed) {
    return { expired: true, reason: `lease of ${fmtS(leaseMs)} ran out: unchanged for ${fmtS(seen)} as seen from host ${hostId()}` };
  }
  return { expired: false, remainingMs: needed - seen, reason: `lease of ${fmtS(leaseMs)}: seen unchanged for ${fmtS(seen)} here` };
}

/** A record lockstep cannot read gets the default lease before it may be removed. */
export const DEFAULT_FOREIGN_LEASE_MS = 120_000;

function fmtS(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
