import { type WaitInfo } from '../core/lock.js';
import { type OrphanedChange } from './orphans.js';
export type { OrphanedChange } from './orphans.js';
export interface CommitOptions {
    /** A directory in the worktree; PATHS are relative to it (like git). */
    cwd: string;
    task: string;
    message: string;
    paths: string[];
    /** A shell command run under the lock before staging (cwd: the top level; env LOCKSTEP_TASK, LOCKSTEP_LOCK_TOKEN, LOCKSTEP_FENCE). */
    edit?: string;
    /** Wait for the commit lock at most this long (default: the configuration's, 60 s). */
    timeoutMs?: number;
    leaseMs?: number;
    agent?: string | null;
    onWait?: (w: WaitInfo) => void;
    /** Where the edit command's output goes (default: inherited). */
    editStdio?: 'inherit' | 'ignore' | 'pipe';
    env?: NodeJS.ProcessEnv;
}
export interface CommitWarning {
    kind: 'extra' | 'missing' | 'outside' | 'other-task' | 'index';
    paths: string[];
    message: string;
}
export interface CommitResult {
    commit: string;
    /** The commit lock's token the commit was made under (also its Lockstep-Fence trailer). */
    fence: number;
    task: string;
    /** The files the commit changed. */
    files: string[];
    /** Shared paths the commit touched (allowed, reported). */
    shared: string[];
    warnings: CommitWarning[];
    /** Changes to shared paths that were not this commit's, moved aside before the edit ran (only with `edit`). */
    orphaned: OrphanedChange[];
    waitedMs: number;
}
/** Turns PATHS (relative to `cwd`) into repository paths; anything outside the worktree or inside .git is refused. */
export declare function repoRelativePaths(paths: readonly string[], cwd: string, top: string): string[];
/**
 * Commits exactly `paths` for `task` under the commit lock. Throws VIOLATION
 * (exit 1) before anything is committed when a path is outside the task's
 * scope or inside another task's; COMMAND_FAILED when the edit fails.
 */
export declare function commitTask(opts: CommitOptions): Promise<CommitResult>;
