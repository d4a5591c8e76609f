import { type Runtime } from '../core/runtime.js';
export interface MergeQueueEntry {
    v: 1;
    branch: string;
    into: string;
    agent: string | null;
    pid: number;
    pidStart: string | null;
    bootId: string | null;
    host: string;
    enqueuedAtMs: number;
    state: 'waiting' | 'merging';
    startedAtMs: number | null;
}
export declare function enqueueMerge(rt: Runtime, fields: {
    branch: string;
    into: string;
    agent: string | null;
}): {
    path: string;
    entry: MergeQueueEntry;
};
export declare function markMerging(path: string, entry: MergeQueueEntry): void;
export declare function dequeueMerge(path: string): void;
/** Entries in arrival order; entries of processes that are gone are dropped (and removed). */
export declare function listMergeQueue(opts?: {
    cwd?: string;
    runtime?: Runtime;
}): MergeQueueEntry[];
