import type { Runtime } from '../core/runtime.js';
export interface AllocationLock {
    runtime: Runtime;
    /** `alloc-<first 12 hex of sha1(real path of ROOT)>`. */
    name: string;
    /** The checkout's common git dir, or null when ROOT is not inside a checkout. */
    commonDir: string | null;
}
export declare function allocationLockName(realRoot: string): string;
/**
 * The lock for `realRoot` (which must be a real path). Creates nothing on
 * disk (so `--verify` can use it too): acquireLock creates the lock's
 * directory, with its parents, when it is first taken.
 */
export declare function allocationLockFor(realRoot: string): AllocationLock;
/** Forgets the remembered locks (tests that build a repository around an existing root). */
export declare function forgetAllocationLocks(): void;
