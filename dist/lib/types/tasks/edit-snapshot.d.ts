import type { Git } from '../git/git.js';
import { type StaleIndexLock } from './index-retry.js';
type Entry = {
    kind: 'absent';
} | {
    kind: 'file';
    mode: number;
    data: Buffer;
} | {
    kind: 'symlink';
    target: string;
} | {
    kind: 'dir';
    mode: number;
    children: Map<string, Entry>;
};
export interface EditSnapshot {
    top: string;
    /** Each named path's state, or null when the snapshot was too large to take. */
    paths: Map<string, Entry> | null;
    /** For a path absent before the edit: its first ancestor directory that was absent too (removed again if left empty). */
    missingFrom: Map<string, string>;
    /** `git ls-files -s -z` of the named paths: the index entries to put back. */
    index: string;
}
export interface RestoreReport {
    /** Paths the edit had changed, put back as they were. */
    restored: string[];
    /** Paths that could not be put back, and why: the edit's version is still there. */
    notRestored: {
        path: string;
        reason: string;
    }[];
}
/** Snapshots `paths` (repository paths) before the edit runs. */
export declare function snapshotPaths(git: Git, top: string, paths: string[]): Promise<EditSnapshot>;
/** Puts the named paths back as `snap` found them, in the worktree and in the index. */
export declare function restorePaths(git: Git, snap: EditSnapshot, paths: string[], deadlineMs: number, staleIndexLock: StaleIndexLock): Promise<RestoreReport>;
/** One line for the error message: what the failed commit left. */
export declare function describeRestore(r: RestoreReport): string;
export {};
