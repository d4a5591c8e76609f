export interface ProcessInspector {
    readonly kind: 'procfs' | 'ps';
    /** An opaque string naming this incarnation of `pid`, or null when no such process exists. */
    startTime(pid: number): string | null;
    /** The parent pid, or null when no such process exists. */
    parentPid(pid: number): number | null;
    /** The short command name (e.g. `git`), or null when no such process exists. */
    commandName(pid: number): string | null;
}
/**
 * Parses /proc/<pid>/stat; the command name may hold spaces and parentheses,
 * so split after the last ')'. `start` is field 22, the start time in clock
 * ticks since boot. Null for a process that does not exist or has exited.
 */
export declare function readProcStat(pid: number): {
    comm: string;
    ppid: number;
    start: string;
} | null;
export declare const procfsInspector: ProcessInspector;
/** macOS (and any system without /proc). `lstart` has one-second resolution. */
export declare const psInspector: ProcessInspector;
/** procfs where /proc exists, ps otherwise; `LOCKSTEP_PROCESS_INSPECTOR=ps|procfs` forces one. */
export declare function processInspector(): ProcessInspector;
/** True when a process with this pid exists (EPERM means it exists but is not ours). */
export declare function pidExists(pid: number): boolean;
/** Changes on every boot: a record from an earlier boot names processes that are all gone. */
export declare function bootId(): string | null;
export interface ProcessIdentity {
    pid: number;
    pidStart: string | null;
    bootId: string | null;
    host: string;
    uid: number;
}
export declare function identityOf(pid: number, inspector?: ProcessInspector): ProcessIdentity;
/**
 * A start time tagged with the inspector that read it (`procfs:…` or `ps:…`),
 * so a record written by one method is never compared with a reading of the other.
 */
export declare function startStamp(pid: number, inspector?: ProcessInspector): string | null;
/** `LOCKSTEP_HOST_ID` overrides the host name (containers sharing a host name, tests of other hosts). */
export declare function hostId(): string;
export type Liveness = {
    state: 'alive';
} | {
    state: 'dead';
    reason: string;
} | {
    state: 'remote';
    reason: string;
};
/**
 * Is the process named by (pid, pidStart, bootId, host) still running?
 * `remote` means it runs on another host, where only its lease can tell.
 */
export declare function liveness(owner: {
    pid: number;
    pidStart: string | null;
    bootId: string | null;
    host: string;
}, inspector?: ProcessInspector): Liveness;
