/**
 * Agent records: `<runtime>/agents/<agent>.json`, one per agent, renewed by
 * heartbeats. A record names the agent's process (pid + start time + boot id
 * + host, so a reused pid is not mistaken for the agent) and its lease.
 *
 * A heartbeat extends the lease of every claim the agent holds. In the
 * runner the heartbeats come from the coordinator, not from the agent
 * command: CPU load on the agent cannot starve them, and a live agent keeps
 * its claims anyway because reclaim also requires its process to be gone.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkDirIn, ensureDirIn, readFileNoFollow, unlinkQuiet, writeFileAtomic } from '../core/files.js';
import { identityOf, liveness } from '../core/process.js';
import { openRuntime, type Runtime } from '../core/runtime.js';
import { LockstepError } from '../core/errors.js';
import { validateAgentId } from './names.js';

export const DEFAULT_AGENT_LEASE_MS = 60_000;

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

function agentsDir(rt: Runtime): string {
  return join(rt.root, 'agents');
}

export function agentPath(rt: Runtime, agent: string): string {
  return join(agentsDir(rt), `${agent}.json`);
}

function parseAgent(text: string): AgentRecord | null {
  try {
    const r = JSON.parse(text) as AgentRecord;
    return r && typeof r.agent === 'string' && typeof r.renewedAtMs === 'number' ? r : null;
  } catch {
    return null;
  }
}

export function readAgent(rt: Runtime, agent: string): AgentRecord | null {
  try {
    return parseAgent(readFileNoFollow(agentPath(rt, agent)));
  } catch {
    return null;
  }
}

/** Renews (or starts) the agent's lease. Returns the record written. */
export function heartbeat(opts: HeartbeatOptions): AgentRecord {
  const agent = validateAgentId(opts.agent);
  const rt = opts.runtime ?? openRuntime({ cwd: opts.cwd });
  const leaseMs = opts.leaseMs ?? DEFAULT_AGENT_LEASE_MS;
  if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new LockstepError('BAD_INPUT', `invalid lease ${leaseMs} ms: it must be > 0`);
  const pid = opts.ownerPid ?? process.pid;
  const ident = identityOf(pid);
  if (ident.pidStart === null && pid !== process.pid) {
    throw new LockstepError('BAD_INPUT', `owner pid ${pid} is not a running process`);
  }
  ensureDirIn(rt.root, agentsDir(rt));
  const prev = readAgent(rt, agent);
  const same = prev && prev.pid === pid && prev.pidStart === ident.pidStart && prev.host === ident.host;
  const now = Date.now();
  // Fields not given are kept from the same process's previous heartbeat.
  const keep = <T>(v: T | undefined, old: T | null | undefined): T | null => (v !== undefined ? v : same ? (old ?? null) : null);
  const rec: AgentRecord = {
    v: 1,
    agent,
    pid,
    pidStart: ident.pidStart,
    bootId: ident.bootId,
    host: ident.host,
    startedAt: same ? prev!.startedAt : new Date(now).toISOString(),
    startedAtMs: same ? prev!.startedAtMs : now,
    renewedAt: new Date(now).toISOString(),
    renewedAtMs: now,
    leaseMs,
    state: keep(opts.state, prev?.state),
    queue: keep(opts.queue, prev?.queue),
    item: keep(opts.item, prev?.item),
    generation: keep(opts.generation, prev?.generation),
    worktree: keep(opts.worktree, prev?.worktree),
    runId: keep(opts.runId, prev?.runId),
  };
  writeFileAtomic(agentPath(rt, agent), JSON.stringify(rec));
  return rec;
}

export function listAgents(opts: { cwd?: string; runtime?: Runtime } = {}): AgentRecord[] {
  const rt = opts.runtime ?? openRuntime({ cwd: opts.cwd });
  let names: string[];
  if (!checkDirIn(rt.root, agentsDir(rt))) return []; // a link there is refused, never listed through
  try {
    names = readdirSync(agentsDir(rt));
  } catch {
    return [];
  }
  const out: AgentRecord[] = [];
  for (const n of names.sort()) {
    if (!n.endsWith('.json') || n.startsWith('.')) continue;
    try {
      const r = parseAgent(readFileNoFollow(join(agentsDir(rt), n)));
      if (r) out.push(r);
    } catch {
      /* removed while listing */
    }
  }
  return out;
}

/** When the agent's lease runs out (ms since the epoch). */
export function agentLeaseEnd(rec: AgentRecord): number {
  return rec.renewedAtMs + rec.leaseMs;
}

/**
 * Is the agent's process still there? On another host only its lease can
 * tell, so there "alive" means "lease not run out".
 */
export function agentProcessAlive(rec: AgentRecord, now = Date.now()): boolean {
  const l = liveness(rec);
  if (l.state === 'remote') return now <= agentLeaseEnd(rec);
  return l.state === 'alive';
}

/** Changes the recorded state without renewing the lease (a dead agent's lease must run out, not be extended). */
export function markAgent(rt: Runtime, agent: string, state: string): AgentRecord | null {
  const prev = readAgent(rt, validateAgentId(agent));
  if (!prev) return null;
  const next = { ...prev, state };
  writeFileAtomic(agentPath(rt, agent), JSON.stringify(next));
  return next;
}

export function removeAgentRecord(rt: Runtime, agent: string): boolean {
  const path = agentPath(rt, validateAgentId(agent));
  return checkDirIn(rt.root, agentsDir(rt)) && unlinkQuiet(path);
}
