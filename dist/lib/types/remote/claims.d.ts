import { type RemoteOptions } from './transport.js';
export declare const DEFAULT_CLAIM_LEASE_MS = 120000;
export declare const DEFAULT_MAX_ATTEMPTS = 3;
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
/** Claims one named item. Null when it is already claimed or finished. */
export declare function claimItemRemote(opts: RemoteClaimOptions & {
    item: string;
}): Promise<RemoteClaim | null>;
/**
 * Claims the first claimable item of `items` (their order is the priority):
 * a pending one (no claim ref yet), else one whose claim was reclaimed.
 * Without `items`, the candidates are the items of this clone's file-backend
 * queue of the same name, highest priority first (every clone adds the same
 * items; the remote decides who works on which). Returns null when nothing
 * is left to claim (the CLI exits 1).
 */
export declare function claimNextRemote(opts: RemoteClaimOptions & {
    items?: readonly string[];
}): Promise<RemoteClaim | null>;
/** Marks the item done. Throws CONFLICT when the claim is no longer current. */
export declare function completeItemRemote(claim: RemoteClaim): Promise<ClaimRecord>;
/** Marks the item failed, or (retry) hands it back for another attempt. */
export declare function failItemRemote(claim: RemoteClaim, opts?: {
    retry?: boolean;
    reason?: string;
}): Promise<ClaimRecord>;
/** Pushes a fresh claim record: renews the lease for every observer. */
export declare function renewClaimRemote(claim: RemoteClaim): Promise<ClaimRecord>;
/**
 * Finds the current claim of `item` held by `agent` (for a CLI call in a
 * process other than the claimer's). Throws CONFLICT when the agent does not
 * hold it (or holds an older generation than `generation`).
 */
export declare function findClaimRemote(opts: RemoteOptions & {
    queue?: string;
    item: string;
    agent: string;
    generation?: number;
}): Promise<RemoteClaim>;
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
export declare function listClaimsRemote(opts: RemoteOptions & {
    queue?: string;
}): Promise<RemoteClaimStatus[]>;
export interface ReclaimResult {
    /** Back to claimable, with their attempt count. */
    reclaimed: {
        item: string;
        agent: string | null;
        host: string;
        generation: number;
        reason: string;
    }[];
    /** Past the maximum number of attempts. */
    failed: {
        item: string;
        agent: string | null;
        host: string;
        generation: number;
        reason: string;
    }[];
    /** Claimed, lease not run out as counted on this machine yet. */
    waiting: {
        item: string;
        agent: string | null;
        host: string;
        expiresInMs: number;
    }[];
}
/**
 * Hands items whose claimer's lease ran out (by this machine's count, see
 * observations.ts) back to the queue, or fails them after `maxAttempts`.
 */
export declare function reclaimRemote(opts: RemoteOptions & {
    queue?: string;
    maxAttempts?: number;
    dryRun?: boolean;
}): Promise<ReclaimResult>;
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
export declare function queueStatusRemote(opts: RemoteOptions & {
    queue?: string;
}): Promise<RemoteQueueItem[]>;
/**
 * Renews every current claim `agent` holds in `queue` (the remote form of a
 * heartbeat). Throws CONFLICT, after renewing the others, when a claim was
 * lost meanwhile.
 */
export declare function renewAgentClaimsRemote(opts: RemoteOptions & {
    queue?: string;
    agent: string;
}): Promise<RemoteClaim[]>;
