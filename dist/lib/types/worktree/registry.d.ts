import type { Git } from '../git/git.js';
export interface RegisteredWorktree {
    path: string;
    head: string | null;
    /** Full ref name (refs/heads/x), or null when detached. */
    branch: string | null;
    bare: boolean;
    detached: boolean;
    /** The lock reason ('' when locked without one), or null when not locked. */
    locked: string | null;
    prunable: string | null;
}
export declare function parseWorktreeList(out: string): RegisteredWorktree[];
export declare function listRegisteredWorktrees(git: Git): Promise<RegisteredWorktree[]>;
