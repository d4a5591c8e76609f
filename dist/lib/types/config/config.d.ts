export declare const CONFIG_FILE = "lockstep.config.json";
export interface LockstepConfig {
    /** How long a commit waits for the commit lock before giving up (exit 3). Key `lockTimeout`. */
    lockTimeoutMs: number;
    /** Lease of a lock holder on another host (renewed while it works). Key `lease`. */
    leaseMs: number;
    /** Globs every task may commit (e.g. a shared TODO.md); reported, never blocked. Key `shared`. */
    shared: string[];
    /** Block a hook commit that declares no task (LOCKSTEP_TASK unset). Key `requireTask`. */
    requireTask: boolean;
    /** Where the values came from: a file path, or null for built-in defaults. */
    source: string | null;
}
export declare const DEFAULT_CONFIG: LockstepConfig;
/** Checks a parsed config object; `where` names the file (and key prefix) in errors. */
export declare function parseConfig(raw: unknown, where: string): LockstepConfig;
/**
 * Loads the configuration of the worktree whose top level is `topLevel`.
 * Missing files give the defaults; a bad file is an error (exit 2).
 */
export declare function loadConfig(opts: {
    topLevel: string;
}): LockstepConfig;
