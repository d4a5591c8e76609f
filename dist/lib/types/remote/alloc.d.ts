import { type AllocateOptions, type Allocation } from '../alloc/allocate.js';
import { type RemoteContext, type RemoteOptions } from './transport.js';
export interface RemoteAllocateOptions extends Omit<AllocateOptions, 'onWait'>, RemoteOptions {
}
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
export declare function relativeRoot(ctx: RemoteContext, realRoot: string): string;
/**
 * Allocates the next number in ROOT through the remote and creates
 * `ROOT/<N>_<name>`. Throws REMOTE_UNREACHABLE (nothing created),
 * REMOTE_REFUSED, or LOCK_TIMEOUT when it keeps losing races past the deadline.
 */
export declare function allocateRemote(opts: RemoteAllocateOptions): Promise<RemoteAllocation>;
