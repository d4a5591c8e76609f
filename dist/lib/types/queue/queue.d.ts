import { type Runtime } from '../core/runtime.js';
import { type AgentRecord } from './agents.js';
export { heartbeat } from './agents.js';
export declare const DEFAULT_CLAIM_LEASE_MS = 60000;
export declare const DEFAULT_MAX_ATTEMPTS = 3;
/**
 * A won claim is written microseconds after its link; one still empty after
 * this long belongs to a claimer that died in between (its owner is unknown,
 * so this stands in for owner + lease).
 */
export declare const EMPTY_CLAIM_GRACE_MS = 5000;
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
    by: {
        pid: number;
        host: string;
    };
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
/** Names of the queues that exist in this repository. */
export declare function listQueues(opts?: {
    cwd?: string;
    runtime?: Runtime;
}): string[];
/** Per-process counters of the claim loop (for benchmarks and diagnosis). */
export declare const claimStats: {
    won: number;
    lost: number;
    listings: number;
};
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
export declare function addItem(opts: AddItemOptions): AddItemResult;
/** Counts of items per state (cheap: directory listings only). */
export declare function queueCounts(opts?: {
    cwd?: string;
    runtime?: Runtime;
    queue?: string;
}): QueueCounts;
export declare function listItems(opts?: {
    cwd?: string;
    runtime?: Runtime;
    queue?: string;
    state?: ItemState;
}): ItemView[];
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
export type ClaimResult = {
    claimed: true;
    item: QueueItem;
    generation: number;
    claim: Claim;
} | {
    claimed: false;
    queue: string;
};
/**
 * Claims the highest-priority pending item (first added first among equals).
 * Exactly one claimer wins each item generation.
 */
export declare function claimNext(opts: ClaimOptions): ClaimResult;
/** When a claim's lease runs out: its own lease, extended by heartbeats of the same agent process. */
export declare function claimLeaseEnd(claim: ClaimRecord, agent: AgentRecord | null): number;
/** The live (unresolved) claim on an item, or null. */
export declare function currentClaim(opts: {
    cwd?: string;
    runtime?: Runtime;
    queue?: string;
    id: string;
}): Claim | null;
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
export declare function completeItem(opts: FinishOptions): FinishResult;
export declare function failItem(opts: FailOptions): FinishResult;
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
export declare function reclaim(opts?: ReclaimOptions): ReclaimResult;
/** Live claims (optionally of one agent) across queues. */
export declare function listClaims(opts?: {
    cwd?: string;
    runtime?: Runtime;
    queue?: string;
    agent?: string;
}): (Claim & {
    leaseEndsAtMs: number;
    ownerAlive: boolean;
})[];
