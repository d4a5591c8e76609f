import type { LockHandle } from '../core/lock.js';
import type { Git } from '../git/git.js';
import { type StaleIndexLock } from './index-retry.js';
import { type ScopeOwner } from './scope.js';
export declare const ORPHANS_DIR = "orphans";
export interface OrphanedChange {
    /** The repository path whose change was moved aside. */
    path: string;
    /** The worktree's content (or, with the worktree file gone, the index's) as it was; null when the change was a deletion. */
    savedTo: string | null;
    /** The index's version when it differed from both HEAD and the worktree (a partly staged change); else null. */
    stagedSavedTo: string | null;
    /** The change was the path's deletion (nothing to save; the path was brought back from HEAD). */
    deleted: boolean;
    /** The commit the path was restored to; null when HEAD does not have the path (it was removed). */
    base: string | null;
    /** The task of the dead holder the commit lock was taken over from, if it was: most likely the change's author. */
    fromTask: string | null;
}
/** One path's state as `git status --porcelain=v2` reports it. */
interface DirtyPath {
    path: string;
    inHead: boolean;
    inIndex: boolean;
    /** The index entry differs from HEAD's (modified, added or deleted). */
    indexDiffers: boolean;
    /** The worktree differs from the index (or holds an untracked file). */
    worktreeDiffers: boolean;
}
/** Parses `git status --porcelain=v2 -z --no-renames` output; unmerged entries and submodules are left out (never moved aside). */
export declare function parseStatusV2(raw: string): DirtyPath[];
/** A file-name-safe rendering of a repository path, for the saved copy's name (the event keeps the real path). */
export declare function sanitizePath(p: string): string;
export interface MoveAsideOptions {
    git: Git;
    /** The worktree's top level. */
    top: string;
    /** The runtime directory (`<git common dir>/lockstep`). */
    root: string;
    task: ScopeOwner;
    /** Every active task (for the classification). */
    others: readonly ScopeOwner[];
    /** The configured shared globs. */
    shared: readonly string[];
    /** PATHS, repository-relative. */
    paths: readonly string[];
    /** The commit lock, held. */
    handle: LockHandle;
    /** Give up retrying git's index.lock at this time. */
    deadlineMs: number;
    /** The worktree's index.lock, removed if a killed git left it (see index-retry.ts). */
    staleIndexLock?: StaleIndexLock;
}
/**
 * With the commit lock held and before the edit runs: saves, records and
 * undoes every change to a shared path among `paths` (see the file comment).
 * Index entries of other paths are not touched.
 */
export declare function moveAsideForeignChanges(opts: MoveAsideOptions): Promise<OrphanedChange[]>;
export {};
