import { type ReclaimResult } from './claims.js';
import { type RemoteOptions } from './transport.js';
export interface RemoteGcOptions extends RemoteOptions {
    /** Report what would be removed, change nothing. */
    dryRun?: boolean;
    /** Wait up to this long (ms) for leases seen now to run out, then remove them too. */
    waitMs?: number;
    /** Queues whose claims are all removed (the queue is finished). */
    dropQueues?: string[];
    /** Claims reclaimed this many times are failed instead (default 3). */
    maxAttempts?: number;
}
export interface RemoteGcResult {
    remote: string;
    dryRun: boolean;
    locks: {
        removed: {
            name: string;
            token: number;
            host: string | null;
            reason: string;
        }[];
        waiting: {
            name: string;
            token: number;
            host: string | null;
            expiresInMs: number;
        }[];
    };
    claims: ReclaimResult & {
        dropped: {
            queue: string;
            refs: number;
        }[];
    };
    alloc: {
        root: string;
        kept: number | null;
        removed: number[];
    }[];
    /** Removals that lost a race (renewed, completed or moved meanwhile) and were kept. */
    skipped: string[];
}
export declare function remoteGc(opts?: RemoteGcOptions): Promise<RemoteGcResult>;
