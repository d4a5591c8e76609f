/** Why a process may hold a lock file. */
export interface GitLockHolder {
    pid: number;
    /** The process's command line (or its short name), for people to read. */
    command: string;
    /**
     * `open`: it has the file open; `older`: a git process that started before
     * the file last changed; `unknown`: the processes could not be listed
     * (pid 0), so nothing can be ruled out.
     */
    reason: 'open' | 'older' | 'unknown';
}
export interface GitLockFile {
    /** Absolute path. */
    path: string;
    /** Relative to the common git dir, e.g. `index.lock`, `worktrees/wt1/index.lock`, `refs/heads/main.lock`. */
    name: string;
    /** Since the file last changed. */
    ageMs: number;
    state: 'in-use' | 'stale';
    holders: GitLockHolder[];
    /** Identity of the file judged: a clear removes only this one. */
    dev: number;
    ino: number;
    ctimeMs: number;
}
/**
 * May the git process `pid` work on the repository in `repoDirs`? Its working
 * directory, or where GIT_DIR and friends or --git-dir/--work-tree point, is
 * inside one of them. What cannot be read counts as yes (another user's
 * process), but only while the process lives: one that exited while it was
 * looked at (its working directory is gone first) works on nothing, and under
 * load plenty of short gits of other repositories do that mid-scan.
 */
export declare function gitMayUseRepo(pid: number, args: string[], repoDirs: string[]): boolean | 'gone';
/** Git's lock files in the repository whose common git dir is `commonDir`, each judged (see the top of this file). */
export declare function gitLockFiles(commonDir: string, paths?: string[]): GitLockFile[];
export type ClearOutcome = 'cleared' | 'in-use' | 'gone' | 'changed';
/**
 * Removes a lock file judged stale, if it is still the file judged: renamed
 * aside first, checked by identity, then deleted (or put back, should another
 * file have taken its place meanwhile). `changed` means the file at the path
 * is not the one judged: judge it again.
 */
export declare function removeStaleGitLock(lock: GitLockFile): ClearOutcome;
/**
 * Judges the one lock file at `path` (e.g. a worktree's index.lock that a
 * step found in its way) and removes it when it is stale. Returns what it did
 * and the judgement.
 */
export declare function clearIfStale(commonDir: string, path: string): {
    outcome: ClearOutcome;
    lock: GitLockFile | null;
};
/** Appends the `git_lock_cleared` event of a stale lock file that `by` removed, to the runtime at `root`. */
export declare function recordClearedGitLock(root: string, lock: GitLockFile, by: string): void;
/**
 * After a git step failed: if its message names one of this repository's
 * lock files (see lockFileInError) and that file is stale, removes it and
 * records the event. True means the step can run again.
 */
export declare function clearStaleLockNamedIn(stderr: string, commonDir: string, root: string, by: string): boolean;
export interface GitLocksReport {
    /** The common git dir looked in. */
    commonDir: string;
    /** Every lock file found, as judged (removed ones included, with state `stale`). */
    locks: GitLockFile[];
    /** The ones removed (with `clear`). */
    cleared: GitLockFile[];
    /** Stale ones still there: found without `clear`, or changed under us while clearing. */
    stale: GitLockFile[];
}
/**
 * Git's lock files in the repository at `cwd`, judged; with `clear`, the
 * stale ones removed (each with a `git_lock_cleared` event).
 */
export declare function checkGitLocks(opts?: {
    cwd?: string;
    clear?: boolean;
    by?: string;
}): GitLocksReport;
/**
 * The lock file a failed git step names ("Unable to create '…/HEAD.lock':
 * File exists"), when it is one of this repository's (inside `commonDir`,
 * ending in `.lock`); null otherwise. The path comes from git's message, so
 * nothing else is ever taken from it.
 */
export declare function lockFileInError(stderr: string, commonDir: string): string | null;
