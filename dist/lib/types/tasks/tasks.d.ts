import { TASK_ID, validateTaskId } from '../core/actor.js';
import { type Runtime } from '../core/runtime.js';
export { TASK_ID, validateTaskId };
export interface Task {
    v: 1;
    id: string;
    /** Globs (relative to the repository's top level) this task may commit. */
    scope: string[];
    /** Globs this task may commit although they are not its own (e.g. a shared TODO.md): reported, not blocked. */
    shared: string[];
    startedAt: string;
    startedBy: {
        pid: number;
        host: string;
        agent: string | null;
    };
}
export interface TaskLocation {
    cwd?: string;
    runtime?: Runtime;
}
export interface StartTaskOptions extends TaskLocation {
    id: string;
    scope: string[];
    shared?: string[];
    /** Replace an active task of the same id whose scope differs (default: refuse). */
    replace?: boolean;
    agent?: string | null;
}
/**
 * Starts (declares) a task. Starting it again with the same scope is a
 * no-op; with another scope it is refused unless `replace`.
 */
export declare function startTask(opts: StartTaskOptions): Task;
export interface EndTaskResult {
    id: string;
    /** The task as it was, or null when its file was damaged. */
    task: Task | null;
}
/** Ends a task (removes it, even when its file is damaged). NOT_FOUND when no such task is active. */
export declare function endTask(opts: TaskLocation & {
    id: string;
}): EndTaskResult;
export declare function getTask(opts: TaskLocation & {
    id: string;
}): Task | null;
/** Every active task, sorted by id. A damaged task file is an error (CORRUPT_STATE) naming it. */
export declare function listTasks(opts?: TaskLocation): Task[];
