import { type AllocationEntry } from './scan.js';
export interface DuplicateNumber {
    number: number;
    entries: string[];
}
export interface GapRange {
    from: number;
    to: number;
}
export interface LeftoverLock {
    name: string;
    state: 'held' | 'stale';
    token: number;
    pid: number | null;
    since: string | null;
    reason: string | null;
    path: string;
}
export interface VerifyResult {
    ok: boolean;
    root: string;
    /** Numbered entries, sorted. */
    entries: AllocationEntry[];
    highest: number;
    duplicates: DuplicateNumber[];
    gaps: GapRange[];
    /** The root's lock when it is not free (held by a live process, or stale). */
    leftoverLock: LeftoverLock | null;
    lock: {
        name: string;
        path: string;
    };
}
export declare function verifyAllocations(opts: {
    root: string;
    cwd?: string;
}): VerifyResult;
