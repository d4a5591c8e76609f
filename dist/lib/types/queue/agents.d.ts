import { type Runtime } from '../core/runtime.js';
export declare const DEFAULT_AGENT_LEASE_MS = 60000;
export interface AgentRecord {
    v: 1;
    agent: string;
    pid: number;
    pidStart: string | null;
    bootId: string | null;
    host: string;
    startedAt: string;
    startedAtMs: number;
    renewedAt: string;
    renewedAtMs: number;
    leaseMs: number;
    /** What the agent is doing (the runner sets: starting, idle, running, committing, merging, exited, dead). */
    state: string | null;
    queue: string | null;
    item: string | null;
    generation: number | null;
    worktree: string | null;
    /** The `lockstep parallel` run the agent belongs to, if any. */
    runId: string | null;
}
export interface HeartbeatOptions {
    cwd?: string;
    runtime?: Runtime;
    agent: string;
    /** How long the lease lasts from now (default 60 s). */
    leaseMs?: number;
    /** The agent's process (default: this process). */
    ownerPid?: number;
    state?: string | null;
    queue?: string | null;
    item?: string | null;
    generation?: number | null;
    worktree?: string | null;
    runId?: string | null;
}
export declare function agentPath(rt: Runtime, agent: string): string;
export declare function readAgent(rt: Runtime, agent: string): AgentRecord | null;
/** Renews (or starts) the agent's lease. Returns the record written. */
export declare function heartbeat(opts: HeartbeatOptions): AgentRecord;
export declare function listAgents(opts?: {
    cwd?: string;
    runtime?: Runtime;
}): AgentRecord[];
/** When the agent's lease runs out (ms since the epoch). */
export declare function agentLeaseEnd(rec: AgentRecord): number;
/**
 * Is the agent's process still there? On another host only its lease can
 * tell, so there "alive" means "lease not run out".
 */
export declare function agentProcessAlive(rec: AgentRecord, now?: number): boolean;
/** Changes the recorded state without renewing the lease (a dead agent's lease must run out, not be extended). */
export declare function markAgent(rt: Runtime, agent: string, state: string): AgentRecord | null;
export declare function removeAgentRecord(rt: Runtime, agent: string): boolean;
