import { type ProcessIdentity } from '../core/process.js';
import { type Runtime } from '../core/runtime.js';
import type { WaitInfo } from '../core/lock.js';
import { type Git } from '../git/git.js';
export interface WorktreeManifest {
    v: 1;
    agent: string;
    path: string;
    branch: string;
    /** The branch the agent's work merges into. */
    base: string;
    /** The commit the worktree was (last) set to. */
    baseCommit: string;
    /** Paths copied from `source`, relative. */
    copies: string[];
    source: string;
    /** The process the worktree is held for (null: held until removed). */
    owner: Pick<ProcessIdentity, 'pid' | 'pidStart' | 'bootId' | 'host'> | null;
    lockReason: string;
    createdAt: string;
    createdAtMs: number;
    refreshedAtMs: number;
}
export interface HooksCheck {
    /** Where git looks for hooks inside the worktree. */
    path: string;
    /** Same hooks as the main checkout. */
    shared: boolean;
    warning: string | null;
}
export interface AgentWorktree {
    agent: string;
    path: string;
    branch: string;
    base: string;
    baseCommit: string;
    copies: string[];
    hooks: HooksCheck;
}
interface CommonOptions {
    cwd?: string;
    /** How long to wait for the repository lock (default 10 min). */
    timeoutMs?: number;
    onWait?: (w: WaitInfo) => void;
    /** TEST-ONLY: skip the repository lock (see repo-lock.ts). */
    unsafeUnserialized?: boolean;
}
export interface AddWorktreeOptions extends CommonOptions {
    agent: string;
    /** Branch the agent starts from and merges into (default: the branch checked out in cwd). */
    base?: string;
    /** Paths copied from the checkout at cwd into the worktree, inside the same locked sequence. */
    copy?: string[];
    /** The worktree is held for this process: `worktree prune` removes it once the process is gone. */
    ownerPid?: number | null;
}
export declare function worktreesDir(rt: Runtime): string;
export declare function agentBranch(agent: string): string;
export declare function readManifest(rt: Runtime, agent: string): WorktreeManifest | null;
/** Manifests of the agent worktrees (no git calls: cheap enough for `status --watch`). */
export declare function listManifests(rt: Runtime): WorktreeManifest[];
export declare function currentBranch(git: Git): Promise<string>;
/** Validates a branch name (git's own rules) and returns its commit. */
export declare function branchCommit(git: Git, branch: string): Promise<string>;
export interface AgentActivity {
    active: boolean;
    reasons: string[];
}
/** Is the agent still at work? A live claim, a live lease or process, or a live worktree owner says yes. */
export declare function agentActivity(rt: Runtime, agent: string, owner?: WorktreeManifest['owner'], now?: number): AgentActivity;
export declare function addAgentWorktree(opts: AddWorktreeOptions): Promise<AgentWorktree>;
export interface RefreshWorktreeOptions extends CommonOptions {
    agent: string;
    /** Throw away commits on the agent branch that are not in the base (default: refuse). */
    discardUnmerged?: boolean;
}
/**
 * Resets an agent worktree to the current tip of its base and redoes its
 * copies: the start of each new item, under the repository lock like a
 * creation.
 */
export declare function refreshAgentWorktree(opts: RefreshWorktreeOptions): Promise<Omit<AgentWorktree, 'hooks'>>;
export interface RemoveWorktreeOptions extends CommonOptions {
    agent: string;
    /** Remove even with a live lease, uncommitted changes or unmerged commits (unmerged commits stay on the branch). */
    force?: boolean;
}
export interface RemoveWorktreeResult {
    agent: string;
    path: string;
    branch: string;
    /** The branch was deleted (everything on it is merged). */
    branchDeleted: boolean;
    /** Commits left on the kept branch. */
    unmergedCommits: number;
    /** Uncommitted paths thrown away (only with force). */
    discarded: string[];
}
/**
 * Removes an agent's worktree. Refuses (CONFLICT, exit 1) while the agent
 * holds a live lease or claim, or the worktree has uncommitted changes or
 * commits not merged into its base — unless `force`. The branch is deleted
 * only when everything on it is merged; otherwise it is kept.
 */
export declare function removeAgentWorktree(opts: RemoveWorktreeOptions): Promise<RemoveWorktreeResult>;
export interface PruneOptions extends CommonOptions {
    /** Also remove worktrees of dead agents that have uncommitted changes. */
    force?: boolean;
    dryRun?: boolean;
}
export interface PruneResult {
    removed: RemoveWorktreeResult[];
    /** Worktrees left alone, and why. */
    kept: {
        agent: string;
        path: string;
        reason: string;
    }[];
    /** Half-built worktrees (registered, no manifest) cleaned up. */
    halfBuilt: string[];
    /** Agent records of gone agents removed. */
    agentRecords: string[];
    dryRun: boolean;
}
/** Cleans up after dead agents: their worktrees (unmerged branches are kept), half-built worktrees, stale agent records. */
export declare function pruneWorktrees(opts?: PruneOptions): Promise<PruneResult>;
export interface WorktreeView extends WorktreeManifest {
    /** The directory exists. */
    exists: boolean;
    /** git's lock reason, or null when not locked. */
    locked: string | null;
    active: boolean;
    activity: string[];
}
export declare function listAgentWorktrees(opts?: {
    cwd?: string;
}): Promise<WorktreeView[]>;
export {};
