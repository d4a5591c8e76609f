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
 * An allocation's deadline: `timeoutMs` without progress. A clone that keeps
 * losing races while the others take numbers is waiting its turn, not stuck
 * (under load five clones can take minutes for a few hundred numbers), so
 * every rise of the remote counter it reads starts the time again. `now` is
 * for tests.
 */
export declare function progressDeadline(timeoutMs: number, now?: () => number): {
    /** The remote counter as just read. */
    saw(number: number): void;
    passed: () => boolean;
    leftMs: () => number;
};
/**
 * Allocates the next number in ROOT through the remote and creates
 * `ROOT/<N>_<name>`. Throws REMOTE_UNREACHABLE (nothing created),
 * REMOTE_REFUSED, or LOCK_TIMEOUT when it keeps losing races for the timeout
 * without the remote counter moving (see progressDeadline).
 */
export declare function allocateRemote(opts: RemoteAllocateOptions): Promise<RemoteAllocation>;
