import type { AttributionRule } from '../tasks/attribution.js';
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
    /**
     * Fail a commit through committed hooks (.husky/) where lockstep is not
     * installed, instead of saying so and going on. Key `requireHooks`; the
     * committed husky line reads it with grep, since lockstep is not there to.
     */
    requireHooks: boolean;
    /**
     * How changed lines of a shared file are given to tasks, by glob (first
     * match wins, before the defaults: `**\/*.json` by JSON key, anything else
     * by line). Key `attribution`: `{ "GLOB": "lines" | "json-keys" | "whole" }`.
     */
    attribution: {
        glob: string;
        rule: AttributionRule;
    }[];
    /**
     * A hook commit with another task's (or nobody's) staged paths or lines:
     * `commit-own` commits the task's own changes, `block` commits nothing;
     * either way the foreign ones are unstaged and left in the worktree. Key `foreignChanges`.
     */
    foreignChanges: 'commit-own' | 'block';
    /** How `validate` reports a commit without lockstep trailers in a range with lockstep commits. Key `untrailedCommits`. */
    untrailedCommits: 'warning' | 'error';
    /** Where the values came from: a file path, or null for built-in defaults. */
    source: string | null;
}
export declare const DEFAULT_CONFIG: LockstepConfig;
/** The `attribution` rules after the configured ones. */
export declare const DEFAULT_ATTRIBUTION: readonly {
    glob: string;
    rule: AttributionRule;
}[];
/** Checks a parsed config object; `where` names the file (and key prefix) in errors. */
export declare function parseConfig(raw: unknown, where: string): LockstepConfig;
/**
 * Loads the configuration of the worktree whose top level is `topLevel`.
 * Missing files give the defaults; a bad file is an error (exit 2).
 */
export declare function loadConfig(opts: {
    topLevel: string;
}): LockstepConfig;
