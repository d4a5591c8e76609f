/**
 * `lockstep status`: one read-only view of everything lockstep coordinates in
 * a repository — locks (holder, age, waiters), active tasks, queues, agents
 * (lease age, current item), the merge queue, and recent violations from the
 * audit log. Nothing here takes a lock or writes (except dropping merge-queue
 * entries of processes that are gone).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { O_NOFOLLOW } from '../core/files.js';
import { listLocks, type LockStatus } from '../core/lock.js';
import { gitLockFiles, type GitLockFile } from '../git/git-locks.js';
import { eventsPath, type LockstepEvent } from '../core/events.js';
import { openRuntime, type Runtime } from '../core/runtime.js';
import { agentLeaseEnd, agentProcessAlive, listAgents } from '../queue/agents.js';
import { listClaims, listQueues, queueCounts } from '../queue/queue.js';
import { listMergeQueue, type MergeQueueEntry } from '../merge/merge-queue.js';
import { listTasks } from '../tasks/tasks.js';
import { listManifests } from '../worktree/worktree.js';

/** Event types shown as violations. */
export const VIOLATION_TYPES = new Set(['violation', 'git_commit_validation_warning', 'compromised', 'queue_refused']);

export interface TaskSummary {
  id: string;
  scope: string[];
  shared: string[];
  startedAt: string;
  agent: string | null;
}

export interface ClaimSummary {
  id: string;
  generation: number;
  agent: string;
  ageMs: number;
  /** Negative once the lease ran out. */
  leaseLeftMs: number;
  ownerAlive: boolean;
}

export interface QueueStatus {
  name: string;
  pending: number;
  claimed: number;
  done: number;
  failed: number;
  claims: ClaimSummary[];
}

export interface AgentSummary {
  agent: string;
  state: string | null;
  pid: number;
  host: string;
  alive: boolean;
  /** Time since the last heartbeat. */
  leaseAgeMs: number;
  leaseLeftMs: number;
  queue: string | null;
  item: string | null;
  generation: number | null;
  runId: string | null;
  worktree: string | null;
}

export interface WorktreeSummary {
  agent: string;
  path: string;
  branch: string;
  base: string;
}

export interface MergeSummary {
  branch: string;
  into: string;
  agent: string | null;
  pid: number;
  /** Waiting: time in the queue; merging: time since it started. */
  ageMs: number;
}

export interface RecentMerge {
  ts: string;
  branch: string;
  into: string;
  status: string;
  commit: string | null;
  ms: number | null;
}

export interface Status {
  at: string;
  repo: { commonDir: string | null; topLevel: string | null };
  locks: LockStatus[];
  /** Git's own lock files now in the repository (index.lock, …), judged in use or stale (src/git/git-locks.ts). */
  gitLocks: GitLockFile[];
  tasks: TaskSummary[];
  queues: QueueStatus[];
  agents: AgentSummary[];
  worktrees: WorktreeSummary[];
  merges: { active: MergeSummary | null; waiting: MergeSummary[]; recent: RecentMerge[] };
  violations: LockstepEvent[];
  /** Things that could not be read (damaged files), said plainly. */
  warnings: string[];
}

export interface StatusOptions {
  cwd?: string;
  runtime?: Runtime;
  /** How many recent violations / merges to show (default 10). */
  recent?: number;
  now?: number;
}

/** The last `maxBytes` of the audit log, parsed (a torn first line is skipped). */
export function readRecentEvents(root: string, maxBytes = 512 * 1024): LockstepEvent[] {
  let fd: number;
  try {
    fd = openSync(eventsPath(root), constants.O_RDONLY | O_NOFOLLOW);
  } catch {
    return [];
  }
  try {
    const size = fstatSync(fd).size;
    const start = Math.max(0, size - maxBytes);
    const buf = Buffer.alloc(size - start);
    readSync(fd, buf, 0, buf.length, start);
    const lines = buf.toString('utf8').split('\n');
    if (start > 0) lines.shift();
    const out: LockstepEvent[] = [];
    for (const l of lines) {
      if (!l) continue;
      try {
        out.push(JSON.parse(l) as LockstepEvent);
      } catch {
        /* a line cut by a crash */
      }
    }
    return out;
  } finally {
    closeSync(fd);
  }
}

function mergeSummary(e: MergeQueueEntry, now: number): MergeSummary {
  return { branch: e.branch, into: e.into, agent: e.agent, pid: e.pid, ageMs: now - (e.state === 'merging' && e.startedAtMs ? e.startedAtMs : e.enqueuedAtMs) };
}

export function collectStatus(opts: StatusOptions = {}): Status {
  const rt = opts.runtime ?? openRuntime({ cwd: opts.cwd });
  const now = opts.now ?? Date.now();
  const recentN = opts.recent ?? 10;
  const warnings: string[] = [];

  let tasks: TaskSummary[] = [];
  try {
    tasks = listTasks({ runtime: rt }).map((t) => ({ id: t.id, scope: t.scope, shared: t.shared, startedAt: t.startedAt, agent: t.startedBy?.agent ?? null }));
  } catch (e) {
    warnings.push(`tasks: ${(e as Error).message}`);
  }

  const queues: QueueStatus[] = listQueues({ runtime: rt }).map((name) => {
    const c = queueCounts({ runtime: rt, queue: name });
    const claims = listClaims({ runtime: rt, queue: name })
      .map((x) => ({ id: x.id, generation: x.generation, agent: x.agent, ageMs: now - x.claimedAtMs, leaseLeftMs: x.leaseEndsAtMs - now, ownerAlive: x.ownerAlive }))
      .sort((a, b) => b.ageMs - a.ageMs);
    return { name, pending: c.pending, claimed: c.claimed, done: c.done, failed: c.failed, claims };
  });

  const agents: AgentSummary[] = listAgents({ runtime: rt }).map((a) => ({
    agent: a.agent,
    state: a.state,
    pid: a.pid,
    host: a.host,
    alive: agentProcessAlive(a, now),
    leaseAgeMs: now - a.renewedAtMs,
    leaseLeftMs: agentLeaseEnd(a) - now,
    queue: a.queue,
    item: a.item,
    generation: a.generation,
    runId: a.runId,
    worktree: a.worktree,
  }));

  const mq = listMergeQueue({ runtime: rt });
  const activeEntry = mq.find((e) => e.state === 'merging') ?? null;
  const events = readRecentEvents(rt.root);
  const recent: RecentMerge[] = events
    .filter((e) => e.type === 'merge' || e.type === 'merge_conflict')
    .slice(-recentN)
    .reverse()
    .map((e) => ({ ts: e.ts, branch: String(e.branch ?? ''), into: String(e.into ?? ''), status: String(e.status ?? (e.type === 'merge_conflict' ? 'conflict' : '')), commit: typeof e.commit === 'string' ? e.commit : null, ms: typeof e.ms === 'number' ? e.ms : null }));
  const violations = events.filter((e) => VIOLATION_TYPES.has(e.type)).slice(-recentN).reverse();

  return {
    at: new Date(now).toISOString(),
    repo: { commonDir: rt.repo?.commonDir ?? null, topLevel: rt.repo?.topLevel ?? null },
    locks: listLocks({ runtime: rt }),
    gitLocks: rt.repo ? gitLockFiles(rt.repo.commonDir) : [],
    tasks,
    queues,
    agents,
    worktrees: listManifests(rt).map((m) => ({ agent: m.agent, path: m.path, branch: m.branch, base: m.base })),
    merges: {
      active: activeEntry ? mergeSummary(activeEntry, now) : null,
      waiting: mq.filter((e) => e !== activeEntry).map((e) => mergeSummary(e, now)),
      recent,
    },
    violations,
    warnings,
  };
}
