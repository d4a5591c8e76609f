import { type Liveness } from './process.js';
import { type Runtime } from './runtime.js';
export declare const DEFAULT_LOCK = "commit";
export declare const DEFAULT_TIMEOUT_MS = 60000;
export declare const DEFAULT_LEASE_MS = 120000;
/** Environment variable through which a holder passes its lock(s) to child processes. */
export declare const TOKEN_ENV = "LOCKSTEP_LOCK_TOKEN";
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
    by: {
        pid: number;
        host: string;
    };
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
export declare const MAX_LOCK_DATA_BYTES = 4096;
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
    tookOver: {
        token: number;
        pid: number;
        host: string;
        reason: string;
        task: string | null;
    } | null;
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
/**
 * The fields of an owner record that say who holds a lock (the same for the
 * file and the remote backend): the owner process and its identity, and what
 * it is doing. Throws BAD_INPUT for an `ownerPid` that is not running, and
 * BAD_NAME for a task or agent id that is not one (others read the record).
 */
export declare function ownerFields(name: string, opts: Pick<AcquireOptions, 'ownerPid' | 'task' | 'agent' | 'cwd' | 'command'>, leaseMs: number): {
    v: number;
    lock: string;
    state: "held";
    pid: number;
    pidStart: string | null;
    bootId: string | null;
    host: string;
    uid: number;
    task: string | null;
    agent: string | null;
    cwd: string;
    command: string;
    leaseMs: number;
};
/** Alive, or why not. A holder on another host is judged by its lease only. */
export declare function ownerLiveness(rec: OwnerRecord, now?: number): Liveness;
/** The value of LOCKSTEP_LOCK_TOKEN that passes `handle` (and any inherited locks) to a child. */
export declare function tokenEnvFor(handle: Pick<LockHandle, 'name' | 'token'>, env?: NodeJS.ProcessEnv): string;
/**
 * Acquires the named lock, waiting up to `timeoutMs`. Throws LOCK_TIMEOUT
 * (naming the holder) when the deadline passes.
 */
export declare function acquireLock(opts?: AcquireOptions): Promise<LockHandle>;
/**
 * Acquires the named lock like acquireLock, but while queued this waiter
 * offers `request` (a small JSON object) on its ticket: a holder that knows
 * how may do the work for it (serveWaiters) and hand back the result, and
 * then this returns that result instead of a handle. Under contention one
 * holder does the work of everyone queued behind it in one hold, in queue
 * order, instead of the lock changing hands once per caller.
 */
export declare function acquireOrServed(opts: AcquireOptions & {
    request: LockData;
}): Promise<LockHandle | ServedRequest>;
/** What a holder's serve function returns for one request: the result for the waiter, and how to undo the work should the waiter have gone. */
export interface Served {
    /** 1–64 of `[A-Za-z0-9_-]`: it travels on one line of the waiter's record. */
    result: string;
    undo?: () => void;
    /** Called once the waiter has the result (the hand-over succeeded). */
    handedOver?: () => void;
}
/** Most requests one holder serves in one hold: bounds how long the lock is held for others' work. */
export declare const MAX_SERVED_PER_HOLD = 64;
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
export declare function serveWaiters(handle: LockHandle, serve: (request: LockData, waiter: OwnerRecord) => Served | null, max?: number): number;
export interface ReleaseResult {
    name: string;
    token: number;
    heldMs: number;
    reentrant: boolean;
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
export declare function releaseLock(handle: {
    name: string;
    token: number;
    nonce?: string;
    reentrant?: boolean;
    cwd?: string;
    runtime?: Runtime;
    dir?: string;
    root?: string;
}, opts?: ReleaseOptions): ReleaseResult;
/**
 * Rewrites the holder's record in place (rename over its own generation):
 * renews the lease and optionally adds owner processes. Throws LOCK_COMPROMISED if no longer held.
 */
export declare function updateLock(handle: LockHandle, change?: {
    renew?: boolean;
    addOwners?: number[];
}): OwnerRecord;
export declare function lockStatus(opts?: {
    cwd?: string;
    runtime?: Runtime;
    name?: string;
}): LockStatus;
/** All locks that exist in this repository's runtime (held or not). */
export declare function listLocks(opts?: {
    cwd?: string;
    runtime?: Runtime;
}): LockStatus[];
export interface BreakOptions {
    cwd?: string;
    runtime?: Runtime;
    name?: string;
    /** Compare-and-swap: only break when the current token is this one. */
    expectToken?: number;
    /** Break a lock whose owner is alive. */
    force?: boolean;
}
export type BreakResult = {
    broken: true;
    name: string;
    token: number;
    previous: OwnerRecord | null;
    reason: string;
} | {
    broken: false;
    name: string;
    token: number;
    reason: 'free';
};
export declare function breakLock(opts?: BreakOptions): BreakResult;
/** Runs `fn` holding the lock; releases it however `fn` ends. */
export declare function withLock<T>(opts: AcquireOptions, fn: (h: LockHandle) => Promise<T> | T): Promise<T>;
