export interface GitResult {
    code: number;
    stdout: string;
    stderr: string;
    /** Set when git was killed because `timeoutMs` passed. */
    timedOut?: boolean;
}
export interface GitRunOptions {
    /** Extra environment (merged over process.env). */
    env?: Record<string, string | undefined>;
    /** Data for stdin. */
    input?: string;
    /** Read-only calls set GIT_OPTIONAL_LOCKS=0 so lockstep never takes git's own locks for a read. */
    readOnly?: boolean;
    /** Kill git (SIGKILL) after this many ms; the result then has `timedOut: true`. */
    timeoutMs?: number;
}
export interface RepoPaths {
    /** Absolute path of the common git dir (shared by all worktrees). */
    commonDir: string;
    /** Absolute path of this worktree's git dir. */
    gitDir: string;
    /** Absolute path of this worktree's top level, or null in a bare repository. */
    topLevel: string | null;
    bare: boolean;
}
export interface Git {
    readonly cwd: string;
    /** Runs git; never throws for a non-zero exit (see `code`). */
    run(args: string[], opts?: GitRunOptions): Promise<GitResult>;
    runSync(args: string[], opts?: GitRunOptions): GitResult;
    /** Runs git and throws GIT_FAILED with git's own message on a non-zero exit. */
    exec(args: string[], opts?: GitRunOptions): Promise<string>;
    execSync(args: string[], opts?: GitRunOptions): string;
    /** Where this repository keeps its git dirs; throws NOT_A_REPO outside a repository. */
    repoPaths(): RepoPaths;
}
export declare function envFor(opts: GitRunOptions | undefined): NodeJS.ProcessEnv;
/** Why git did not start: the directory it was to run in (see spawn-error.ts), or git itself missing. */
export declare function spawnFailed(e: unknown, cwd: string): unknown;
export declare function createGit(cwd: string): Git;
