import { type AcquireOptions, type LockStatus, type OwnerRecord } from '../core/lock.js';
import { type RemoteOptions } from './transport.js';
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
    tookOver: {
        token: number;
        pid: number;
        host: string;
        reason: string;
        task: string | null;
    } | null;
    record: RemoteOwnerRecord;
    /** CLOCK_MONOTONIC ms (see monoNowMs) until which this holder may rely on the lock without renewing. */
    leaseEndsMono: number;
}
/**
 * Acquires the named lock on the remote, waiting up to `timeoutMs`. Throws
 * LOCK_TIMEOUT (naming the holder), REMOTE_UNREACHABLE or REMOTE_REFUSED.
 */
export declare function acquireRemoteLock(opts?: RemoteAcquireOptions): Promise<RemoteLockHandle>;
export interface RemoteReleaseResult {
    name: string;
    token: number;
    heldMs: number;
    reentrant: boolean;
}
/** Releases a lock held through `handle`. Throws LOCK_COMPROMISED if it was taken away. */
export declare function releaseRemoteLock(handle: RemoteLockHandle, opts?: {
    networkTimeoutMs?: number;
}): Promise<RemoteReleaseResult>;
/**
 * Releases by name and token (for a holder in another process, e.g. the CLI's
 * `lock release`). The token must be the one in the current record.
 */
export declare function releaseRemoteLockByToken(opts: RemoteOptions & {
    name: string;
    token: number;
}): Promise<RemoteReleaseResult>;
/** Pushes a fresh record (same token): renews the lease for every observer. Throws LOCK_COMPROMISED if no longer held. */
export declare function renewRemoteLock(handle: RemoteLockHandle): Promise<RemoteOwnerRecord>;
/** Renews by name and token (for the CLI). */
export declare function renewRemoteLockByToken(opts: RemoteOptions & {
    name: string;
    token: number;
}): Promise<RemoteOwnerRecord>;
/** True while the holder may rely on the lock by its own clock (renew before this turns false). */
export declare function remoteLeaseValid(handle: RemoteLockHandle): boolean;
export interface RemoteLockStatus extends Omit<LockStatus, 'holder'> {
    backend: 'remote';
    remote: string;
    holder: RemoteOwnerRecord | null;
    /** ms until this machine may call the lease expired (held locks). */
    expiresInMs: number | null;
}
export declare function remoteLockStatus(opts: RemoteOptions & {
    name?: string;
}): Promise<RemoteLockStatus>;
/** Every lock the remote knows (held, or free with a fencing counter). */
export declare function listRemoteLocks(opts?: RemoteOptions): Promise<RemoteLockStatus[]>;
export type RemoteBreakResult = {
    broken: true;
    name: string;
    token: number;
    previous: RemoteOwnerRecord | null;
    reason: string;
} | {
    broken: false;
    name: string;
    token: number;
    reason: 'free';
};
/**
 * Removes a lock whose lease ran out by this machine's count (or any, with
 * `force`). Compare-and-swap on the record judged: a renewal in between wins.
 */
export declare function breakRemoteLock(opts: RemoteOptions & {
    name?: string;
    expectToken?: number;
    force?: boolean;
}): Promise<RemoteBreakResult>;
/**
 * Runs `fn` holding the remote lock, renewing it every third of its lease
 * (holders on other machines have only their lease), and releases it however
 * `fn` ends. A renewal that finds the lock gone stops renewing; the release
 * then reports LOCK_COMPROMISED.
 */
export declare function withRemoteLock<T>(opts: RemoteAcquireOptions, fn: (h: RemoteLockHandle) => Promise<T> | T): Promise<T>;
