/**
 * The path lists a commit is judged by, always NUL-separated (`-z`) so
 * names with spaces, quotes, unicode or newlines arrive as they are.
 *
 * The staged list (`git diff --cached`) and a commit's list (`git
 * diff-tree`) are produced with the same options so that, for an ordinary
 * commit, the two outputs are byte-for-byte equal: the post-commit hook
 * compares them with cmp(1) instead of starting node.
 */
import type { Git } from '../git/git.js';
export declare const STAGED_ARGS: string[];
export declare function commitPathArgs(commit: string): string[];
export declare function splitNul(raw: string): string[];
export interface PathList {
    /** Git's output as it was (NUL-terminated names). */
    raw: string;
    paths: string[];
}
/** Paths staged in the index git uses (GIT_INDEX_FILE from `env` or the environment), against HEAD (or nothing, before the first commit). */
export declare function stagedPaths(git: Git, env?: Record<string, string | undefined>): Promise<PathList>;
/** Paths a (non-merge) commit changed against its first parent; a root commit's files. */
export declare function commitPaths(git: Git, commit: string): Promise<PathList>;
/** The commit's parents, or null when `rev` does not name a commit (e.g. HEAD before the first commit). */
export declare function commitParents(git: Git, rev: string): Promise<{
    commit: string;
    parents: string[];
} | null>;
/** HEAD's commit id, or null before the first commit. */
export declare function headCommit(git: Git): Promise<string | null>;
