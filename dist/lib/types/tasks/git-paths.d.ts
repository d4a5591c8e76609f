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
/**
 * What the pre-commit shim prints after git's staged list, and only when git
 * succeeded (hooks/pre-commit): the shim runs `git STAGED_ARGS` while node
 * starts and pipes the list in, so a commit does not wait for node to load
 * child_process and spawn git (about 11 ms of a hook's ~16 ms of work).
 */
export declare const STAGED_END = "lockstep-staged-end\n";
/** Set by the pre-commit shim for the node it starts: the staged list is on its stdin. */
export declare const STAGED_STDIN_ENV = "LOCKSTEP_STAGED_STDIN";
/**
 * The staged list the pre-commit shim piped in, or null unless it is whole:
 * git's NUL-terminated names, then STAGED_END. Without the mark (git failed
 * or was cut short) the caller lists the paths itself; a partial list would
 * let a path it lacks through the scope check.
 */
export declare function parseStagedListing(text: string | undefined): PathList | null;
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
