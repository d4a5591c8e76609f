/** The parts of a task that matching needs. */
export interface ScopeOwner {
    id: string;
    scope: string[];
    shared: string[];
}
/** Checks one glob and returns it in its stored form (a leading `./` dropped). */
export declare function validateGlob(glob: unknown): string;
export declare function validateGlobs(globs: readonly unknown[]): string[];
/** A matcher for a list of globs (true when any matches); an empty list matches nothing. */
export declare function compileScope(globs: readonly string[]): (path: string) => boolean;
export interface PathClasses {
    /** Inside the committing task's own scope. */
    own: string[];
    /** Allowed because shared (the task's `shared` globs or the configured ones); reported, never blocked. */
    shared: string[];
    /** Not the committer's, but inside another task's scope: cross-task staging. */
    otherTask: {
        path: string;
        task: string;
    }[];
    /** Outside the committer's scope and nobody else's: blocked for a declared task. */
    outside: string[];
}
/**
 * Sorts `paths` for a commit by `task` (null: no task declared) against the
 * other tasks. A path in the committer's own scope is its own even when
 * another task's scope overlaps; shared globs come next.
 */
export declare function classifyPaths(opts: {
    task: ScopeOwner | null;
    others: readonly ScopeOwner[];
    shared?: readonly string[];
    paths: readonly string[];
}): PathClasses;
/** A path as shown to a person: plain when it is plain, JSON-quoted when it holds spaces, quotes or control characters. */
export declare function showPath(p: string): string;
