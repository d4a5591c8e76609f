import type { RemoteContext } from './transport.js';
/** Milliseconds on CLOCK_MONOTONIC: comparable between processes of one boot, immune to wall-clock steps. */
export declare function monoNowMs(): number;
/** Extra time an observer waits beyond the lease, for clock-rate differences. */
export declare function leaseGraceMs(leaseMs: number): number;
export declare class Observer {
    private readonly ctx;
    private readonly dir;
    private readonly memory;
    constructor(ctx: RemoteContext);
    private file;
    /** The monotonic time this machine first saw `ref` at `oid` (now, if this is the first time). */
    firstSeen(ref: string, oid: string): number;
}
export interface HolderIdentity {
    host: string;
    pid: number;
    pidStart: string | null;
    bootId: string | null;
    leaseMs: number;
}
export type Judgement = {
    expired: true;
    reason: string;
} | {
    expired: false; /** ms until this machine may call it expired */
    remainingMs: number;
    reason: string;
};
/**
 * Expired or not, by the rule above. A holder on this same host (and boot)
 * whose process is gone is expired at once: that is this machine's own
 * observation, not another clock's.
 */
export declare function judgeLease(holder: HolderIdentity | null, firstSeenMono: number, nowMono?: number): Judgement;
/** A record lockstep cannot read gets the default lease before it may be removed. */
export declare const DEFAULT_FOREIGN_LEASE_MS = 120000;
