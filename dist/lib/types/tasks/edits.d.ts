import { type WaitInfo } from '../core/lock.js';
import { type Git } from '../git/git.js';
import type { RecordedLines } from './attribution.js';
import { type Task } from './tasks.js';
export declare function editsDir(root: string): string;
/** What every task's edits recorded for `path`. */
export declare function recordsFor(root: string, path: string): RecordedLines[];
/** The lines that changed from `before` to `after` (null: no file). */
export declare function changedLines(before: string | null, after: string | null): {
    added: string[];
    removed: string[];
};
/** Adds what changed between two snapshots to `task`'s record; returns the paths that changed. */
export declare function recordChanges(root: string, task: string, before: Map<string, string | null>, after: Map<string, string | null>): {
    path: string;
    added: number;
    removed: number;
}[];
/** Drops one record of each line `task` has now committed (see staged-split.ts). */
export declare function consumeRecords(root: string, task: string, path: string, used: {
    added: string[];
    removed: string[];
}): void;
/** The files (tracked or not, not ignored) that `globs` match. */
export declare function filesMatching(git: Git, globs: readonly string[]): Promise<string[]>;
/** The text of each path in the worktree (null: no such file). */
export declare function snapshotFiles(top: string, paths: readonly string[]): Map<string, string | null>;
/** The shared globs of a task: its own and the configured ones. */
export declare function sharedGlobs(task: Task, configured: readonly string[]): string[];
export interface EditOptions {
    cwd: string;
    task: string;
    /** The command and its arguments (run directly, not through a shell). */
    argv: string[];
    timeoutMs?: number;
    onWait?: (w: WaitInfo) => void;
    env?: NodeJS.ProcessEnv;
    stdio?: 'inherit' | 'ignore' | 'pipe';
}
export interface EditResult {
    exitCode: number;
    signal: NodeJS.Signals | null;
    token: number;
    /** Shared files the command changed, with the number of lines recorded for the task. */
    recorded: {
        path: string;
        added: number;
        removed: number;
    }[];
}
/**
 * `lockstep edit`: runs `argv` under the commit lock at the top of the
 * worktree and records, for the task, which lines of its shared files the
 * command changed. The lines are then the task's in any commit (see
 * attribution.ts), whether or not they name it.
 */
export declare function editShared(opts: EditOptions): Promise<EditResult>;
