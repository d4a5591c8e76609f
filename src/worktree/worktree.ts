/**
 * Agent worktrees: one git worktree per agent, on its own branch
 * `lockstep/<agent>`, at `<runtime>/worktrees/<agent>/` (inside the common
 * git dir: invisible to `git status` in the user's checkout, shared by every
 * checkout of the repository).
 *
 * Creating one is a single sequence under the repository lock: branch +
 * `git worktree add --lock --reason …` + the `--copy` files + the manifest
 * (`<runtime>/worktrees/<agent>.json`, written last: a worktree without a
 * manifest is half built). Merges take the same lock, so no merge sees a
 * half-built worktree and no worktree is built from a half-done merge.
 *
 * Linked worktrees share the repository's config and hooks directory, so
 * lockstep's hooks run inside them unchanged.
 */
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LockstepError } from '../core/errors.js';
import { appendEvent } from '../core/events.js';
import { checkDirIn, ensureDirIn, readJsonFile, removeTreeIn, unlinkQuiet, writeFileAtomic } from '../core/files.js';
import { identityOf, liveness, type ProcessIdentity } from '../core/process.js';
import { openRuntime, type Runtime } from '../core/runtime.js';
import type { WaitInfo } from '../core/lock.js';
import { createGit, type Git } from '../git/git.js';
import { agentLeaseEnd, agentProcessAlive, readAgent, removeAgentRecord, listAgents } from '../queue/agents.js';
import { listClaims } from '../queue/queue.js';
import { validateAgentId } from '../queue/names.js';
import { applyCopies, isCopied, validateCopies } from './copies.js';
import { listRegisteredWorktrees, type RegisteredWorktree } from './registry.js';
import { withRepoLock } from './repo-lock.js';
import { quoteInput } from '../core/outside-text.js';

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

// --- paths and manifests --------------------------------------------------------

export function worktreesDir(rt: Runtime): string {
  return join(rt.root, 'worktrees');
}

function manifestPath(rt: Runtime, agent: string): string {
  return join(worktreesDir(rt), `${agent}.json`);
}

export function agentBranch(agent: string): string {
  return `lockstep/${agent}`;
}

export function readManifest(rt: Runtime, agent: string): WorktreeManifest | null {
  return readJsonFile<WorktreeManifest>(manifestPath(rt, agent), 'worktree manifest') ?? null;
}

/** Manifests of the agent worktrees (no git calls: cheap enough for `status --watch`). */
export function listManifests(rt: Runtime): WorktreeManifest[] {
  let names: string[];
  if (!checkDirIn(rt.root, worktreesDir(rt))) return []; // a link there is refused, not listed through
  try {
    names = readdirSync(worktreesDir(rt));
  } catch {
    return [];
  }
  const out: WorktreeManifest[] = [];
  for (const n of names.sort()) {
    if (!n.endsWith('.json') || n.startsWith('.')) continue;
    try {
      const m = readJsonFile<WorktreeManifest>(join(worktreesDir(rt), n), 'worktree manifest');
      if (m) out.push(m);
    } catch {
      /* a corrupt manifest is reported by `worktree list`, not fatal here */
    }
  }
  return out;
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

// --- git pieces ---------------------------------------------------------------------

function checkoutTop(git: Git): string {
  const paths = git.repoPaths();
  if (!paths.topLevel) throw new LockstepError('BARE_REPO', `${git.cwd} has no checkout: agent worktrees are made from a checkout`);
  return paths.topLevel;
}

export async function currentBranch(git: Git): Promise<string> {
  const r = await git.run(['symbolic-ref', '--quiet', '--short', 'HEAD'], { readOnly: true });
  if (r.code !== 0 || !r.stdout.trim()) {
    throw new LockstepError('BAD_INPUT', `HEAD is detached in ${git.cwd}: name the branch with --base BRANCH`);
  }
  return r.stdout.trim();
}

/** Validates a branch name (git's own rules) and returns its commit. */
export async function branchCommit(git: Git, branch: string): Promise<string> {
  if (typeof branch !== 'string' || branch === '' || branch.startsWith('-')) throw new LockstepError('BAD_NAME', `invalid branch name ${quoteInput(branch)}`);
  const fmt = await git.run(['check-ref-format', '--branch', branch], { readOnly: true });
  if (fmt.code !== 0) throw new LockstepError('BAD_NAME', `invalid branch name ${quoteInput(branch)}`);
  const r = await git.run(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`], { readOnly: true });
  if (r.code !== 0) throw new LockstepError('NOT_FOUND', `no branch ${branch} in this repository`, { hint: 'list branches with: git branch' });
  return r.stdout.trim();
}

async function tryCommit(git: Git, ref: string): Promise<string | null> {
  const r = await git.run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { readOnly: true });
  return r.code === 0 ? r.stdout.trim() : null;
}

async function countUnmerged(git: Git, base: string, head: string): Promise<number> {
  const r = await git.run(['rev-list', '--count', `${base}..${head}`], { readOnly: true });
  return r.code === 0 ? Number(r.stdout.trim()) || 0 : 0;
}

/** The base to measure "merged" against: the base branch, or the recorded commit if the branch is gone. */
async function baseRef(git: Git, m: WorktreeManifest): Promise<string> {
  return (await tryCommit(git, `refs/heads/${m.base}`)) ?? m.baseCommit;
}

/** Uncommitted changes in the worktree, ignoring the copied paths. */
async function dirtyPaths(wtGit: Git, copies: string[]): Promise<string[]> {
  const r = await wtGit.run(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignore-submodules'], { readOnly: true });
  if (r.code !== 0) return [];
  const out: string[] = [];
  const fields = r.stdout.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.length < 4) continue;
    const status = f.slice(0, 2);
    const path = f.slice(3);
    if (status[0] === 'R' || status[0] === 'C') i++; // the next field is the old name
    if (!isCopied(path, copies)) out.push(path);
  }
  return out;
}

async function hooksCheck(mainGit: Git, wtGit: Git, wtPath: string): Promise<HooksCheck> {
  const main = resolve(mainGit.cwd, (await mainGit.exec(['rev-parse', '--git-path', 'hooks'], { readOnly: true })).trim());
  const inside = resolve(wtPath, (await wtGit.exec(['rev-parse', '--git-path', 'hooks'], { readOnly: true })).trim());
  if (real(main) === real(inside)) return { path: inside, shared: true, warning: null };
  // A relative core.hooksPath is resolved per worktree: fine when the directory is tracked.
  if (existsSync(main) && !existsSync(inside)) {
    return { path: inside, shared: false, warning: `core.hooksPath resolves to ${inside} in the worktree, which does not exist: commit the hooks directory, copy it with --copy, or make core.hooksPath absolute` };
  }
  return { path: inside, shared: false, warning: null };
}

// --- activity ------------------------------------------------------------------------

export interface AgentActivity {
  active: boolean;
  reasons: string[];
}

/** Is the agent still at work? A live claim, a live lease or process, or a live worktree owner says yes. */
export function agentActivity(rt: Runtime, agent: string, owner: WorktreeManifest['owner'] = null, now = Date.now()): AgentActivity {
  const reasons: string[] = [];
  for (const c of listClaims({ runtime: rt, agent })) {
    if (c.ownerAlive) reasons.push(`it holds item ${c.id} of queue ${c.queue} (claim ${c.generation}) and its process ${c.pid} is running`);
    else if (c.leaseEndsAtMs > now) reasons.push(`it holds item ${c.id} of queue ${c.queue} (claim ${c.generation}) with ${((c.leaseEndsAtMs - now) / 1000).toFixed(0)} s of lease left`);
  }
  const rec = readAgent(rt, agent);
  if (rec && rec.state !== 'exited') {
    if (agentProcessAlive(rec, now)) reasons.push(`its process ${rec.pid} is running (last heartbeat ${((now - rec.renewedAtMs) / 1000).toFixed(0)} s ago)`);
    else if (agentLeaseEnd(rec) > now) reasons.push(`its lease runs ${((agentLeaseEnd(rec) - now) / 1000).toFixed(0)} s more`);
  }
  if (owner && liveness(owner).state === 'alive') reasons.push(`the worktree is held for process ${owner.pid}, which is running`);
  return { active: reasons.length > 0, reasons };
}

// --- add ---------------------------------------------------------------------------------

export async function addAgentWorktree(opts: AddWorktreeOptions): Promise<AgentWorktree> {
  const agent = validateAgentId(opts.agent);
  const cwd = opts.cwd ?? process.cwd();
  const rt = openRuntime({ cwd });
  const git = createGit(cwd);
  const source = checkoutTop(git);
  const base = opts.base ?? (await currentBranch(git));
  await branchCommit(git, base); // validate before taking the lock
  const copies = validateCopies(source, opts.copy ?? []);
  let owner: WorktreeManifest['owner'] = null;
  if (opts.ownerPid !== undefined && opts.ownerPid !== null) {
    const id = identityOf(opts.ownerPid);
    if (id.pidStart === null) throw new LockstepError('BAD_INPUT', `owner pid ${opts.ownerPid} is not a running process`);
    owner = { pid: id.pid, pidStart: id.pidStart, bootId: id.bootId, host: id.host };
  }
  const path = join(worktreesDir(rt), agent);
  const branch = agentBranch(agent);
  ensureDirIn(rt.root, worktreesDir(rt));

  const made = await withRepoLock({ runtime: rt, cwd, command: `worktree add ${agent}`, agent, timeoutMs: opts.timeoutMs, onWait: opts.onWait, unsafeUnserialized: opts.unsafeUnserialized }, async () => {
    const existing = readManifest(rt, agent);
    if (existing) {
      throw new LockstepError('CONFLICT', `agent ${agent} already has a worktree at ${existing.path} (created ${existing.createdAt})`, {
        hint: `use it, or remove it first: lockstep worktree remove ${agent}`,
      });
    }
    const registered = await listRegisteredWorktrees(git);
    if (registered.some((w) => real(w.path) === real(path))) {
      throw new LockstepError('CONFLICT', `a half-built worktree for agent ${agent} is registered at ${path} (its creator stopped before finishing)`, {
        hint: `clean it up: lockstep worktree prune`,
      });
    }
    // An unregistered leftover inside our own directory. (No `git worktree prune` here: it races with
    // anybody's concurrent `git worktree add`, which is briefly unregistered-looking itself.)
    removeTreeIn(rt.root, path);
    const baseTip = await branchCommit(git, base);
    const oldTip = await tryCommit(git, `refs/heads/${branch}`);
    if (oldTip) {
      const unmerged = await countUnmerged(git, baseTip, oldTip);
      if (unmerged > 0) {
        throw new LockstepError('CONFLICT', `branch ${branch} has ${unmerged} commit(s) not merged into ${base}: not reusing it for a new worktree`, {
          hint: `merge it (lockstep merge ${branch} --into ${base}) or delete it (git branch -D ${branch})`,
        });
      }
      const holder = registered.find((w) => w.branch === `refs/heads/${branch}`);
      if (holder) throw new LockstepError('CONFLICT', `branch ${branch} is checked out at ${holder.path}`, { hint: `check out another branch there, or remove that worktree` });
    }
    const lockReason = `lockstep agent ${agent} (pid ${owner?.pid ?? process.pid}, base ${base}) since ${new Date().toISOString()}`;
    await git.exec(['worktree', 'add', '--quiet', '--lock', '--reason', lockReason, '-B', branch, path, baseTip]);
    try {
      applyCopies(source, path, copies);
      const now = Date.now();
      const manifest: WorktreeManifest = {
        v: 1,
        agent,
        path,
        branch,
        base,
        baseCommit: baseTip,
        copies,
        source,
        owner,
        lockReason,
        createdAt: new Date(now).toISOString(),
        createdAtMs: now,
        refreshedAtMs: now,
      };
      writeFileAtomic(manifestPath(rt, agent), JSON.stringify(manifest, null, 2));
      appendEvent(rt.root, 'worktree_add', { agent, path, branch, base, baseCommit: baseTip, copies });
      return { agent, path, branch, base, baseCommit: baseTip, copies };
    } catch (e) {
      await git.run(['worktree', 'unlock', path]);
      await git.run(['worktree', 'remove', '--force', path]);
      if (!oldTip) await git.run(['update-ref', '-d', `refs/heads/${branch}`]);
      throw e;
    }
  });
  // Reading where hooks resolve touches nothing shared: outside the lock, so agents starting together queue less.
  return { ...made, hooks: await hooksCheck(git, createGit(path), path) };
}

// --- refresh (the runner's per-item reset) ---------------------------------------------------

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
export async function refreshAgentWorktree(opts: RefreshWorktreeOptions): Promise<Omit<AgentWorktree, 'hooks'>> {
  const agent = validateAgentId(opts.agent);
  const cwd = opts.cwd ?? process.cwd();
  const rt = openRuntime({ cwd });
  const git = createGit(cwd);
  const first = readManifest(rt, agent);
  if (!first) throw new LockstepError('NOT_FOUND', `agent ${agent} has no worktree`, { hint: `create it: lockstep worktree add ${agent}` });
  // Without copies a refresh reads nothing shared but the base ref (which only ever moves in one step)
  // and touches nothing but its own worktree: it needs no place in the merge queue.
  const unserialized = Boolean(opts.unsafeUnserialized) || first.copies.length === 0;
  return withRepoLock({ runtime: rt, cwd, command: `worktree refresh ${agent}`, agent, timeoutMs: opts.timeoutMs, onWait: opts.onWait, unsafeUnserialized: unserialized }, async () => {
    const m = readManifest(rt, agent);
    if (!m) throw new LockstepError('NOT_FOUND', `agent ${agent} has no worktree`, { hint: `create it: lockstep worktree add ${agent}` });
    const wtGit = createGit(m.path);
    const baseTip = await tryCommit(git, `refs/heads/${m.base}`);
    if (!baseTip) throw new LockstepError('NOT_FOUND', `the base branch ${m.base} of agent ${agent} no longer exists`, { hint: `remove the worktree: lockstep worktree remove ${agent}` });
    if (!opts.discardUnmerged) {
      const unmerged = await countUnmerged(git, baseTip, m.branch);
      if (unmerged > 0) {
        throw new LockstepError('CONFLICT', `${m.branch} has ${unmerged} commit(s) not merged into ${m.base}: not resetting it`, { hint: `merge it first: lockstep merge ${m.branch} --into ${m.base}` });
      }
    }
    validateCopies(m.source, m.copies); // before the reset: a source now leading out of the checkout changes nothing
    await wtGit.exec(['reset', '--quiet', '--hard', baseTip]);
    await wtGit.exec(['clean', '-ffdq']);
    applyCopies(m.source, m.path, m.copies);
    const next: WorktreeManifest = { ...m, baseCommit: baseTip, refreshedAtMs: Date.now() };
    writeFileAtomic(manifestPath(rt, agent), JSON.stringify(next, null, 2));
    return { agent, path: m.path, branch: m.branch, base: m.base, baseCommit: baseTip, copies: m.copies };
  });
}

// --- remove ---------------------------------------------------------------------------------

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

async function removeLocked(rt: Runtime, git: Git, m: WorktreeManifest, force: boolean): Promise<RemoveWorktreeResult> {
  const present = existsSync(m.path);
  const wtGit = createGit(m.path);
  const base = await baseRef(git, m);
  const head = present ? ((await tryCommit(wtGit, 'HEAD')) ?? m.branch) : m.branch;
  const unmerged = (await tryCommit(git, head)) ? await countUnmerged(git, base, head) : 0;
  const dirty = present ? await dirtyPaths(wtGit, m.copies) : [];
  if (!force) {
    const act = agentActivity(rt, m.agent, m.owner);
    if (act.active) {
      throw new LockstepError('CONFLICT', `not removing the worktree of agent ${m.agent}: ${act.reasons.join('; ')}`, {
        hint: `wait for the agent to finish, or remove it anyway: lockstep worktree remove ${m.agent} --force`,
        detail: { agent: m.agent, reasons: act.reasons },
      });
    }
    if (dirty.length) {
      throw new LockstepError('CONFLICT', `not removing the worktree of agent ${m.agent}: ${dirty.length} uncommitted change(s) (${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? ', …' : ''})`, {
        hint: `commit them in ${m.path}, or throw them away: lockstep worktree remove ${m.agent} --force`,
        detail: { agent: m.agent, dirty },
      });
    }
    if (unmerged > 0) {
      throw new LockstepError('CONFLICT', `not removing the worktree of agent ${m.agent}: ${unmerged} commit(s) on ${m.branch} are not merged into ${m.base}`, {
        hint: `merge them: lockstep merge ${m.branch} --into ${m.base}; or remove the worktree and keep the branch: lockstep worktree remove ${m.agent} --force`,
        detail: { agent: m.agent, unmerged },
      });
    }
  }
  if (present) {
    await git.run(['worktree', 'unlock', m.path]);
    const r = await git.run(['worktree', 'remove', '--force', m.path]);
    if (r.code !== 0 && existsSync(m.path)) {
      throw new LockstepError('GIT_FAILED', `git worktree remove ${m.path} failed: ${r.stderr.trim()}`);
    }
  } else {
    // Only a registration whose directory vanished needs git's prune (see addAgentWorktree on why not always).
    await git.run(['worktree', 'prune']);
  }
  let branchDeleted = false;
  const tip = await tryCommit(git, `refs/heads/${m.branch}`);
  if (tip) {
    const left = await countUnmerged(git, base, tip);
    if (left === 0) {
      branchDeleted = (await git.run(['update-ref', '-d', `refs/heads/${m.branch}`, tip])).code === 0;
    }
  }
  const branchLeft = branchDeleted || !tip ? 0 : await countUnmerged(git, base, `refs/heads/${m.branch}`);
  unlinkQuiet(manifestPath(rt, m.agent));
  appendEvent(rt.root, 'worktree_remove', { agent: m.agent, path: m.path, branch: m.branch, branchDeleted, unmerged: branchLeft, discarded: dirty.length, force });
  return { agent: m.agent, path: m.path, branch: m.branch, branchDeleted, unmergedCommits: branchLeft, discarded: force ? dirty : [] };
}

/**
 * Removes an agent's worktree. Refuses (CONFLICT, exit 1) while the agent
 * holds a live lease or claim, or the worktree has uncommitted changes or
 * commits not merged into its base — unless `force`. The branch is deleted
 * only when everything on it is merged; otherwise it is kept.
 */
export async function removeAgentWorktree(opts: RemoveWorktreeOptions): Promise<RemoveWorktreeResult> {
  const agent = validateAgentId(opts.agent);
  const cwd = opts.cwd ?? process.cwd();
  const rt = openRuntime({ cwd });
  const git = createGit(cwd);
  return withRepoLock({ runtime: rt, cwd, command: `worktree remove ${agent}`, agent, timeoutMs: opts.timeoutMs, onWait: opts.onWait, unsafeUnserialized: opts.unsafeUnserialized }, async () => {
    const m = readManifest(rt, agent);
    if (!m) throw new LockstepError('NOT_FOUND', `agent ${agent} has no worktree`, { hint: 'list them: lockstep worktree list' });
    return removeLocked(rt, git, m, Boolean(opts.force));
  });
}

// --- prune, list -------------------------------------------------------------------------------

export interface PruneOptions extends CommonOptions {
  /** Also remove worktrees of dead agents that have uncommitted changes. */
  force?: boolean;
  dryRun?: boolean;
}

export interface PruneResult {
  removed: RemoveWorktreeResult[];
  /** Worktrees left alone, and why. */
  kept: { agent: string; path: string; reason: string }[];
  /** Half-built worktrees (registered, no manifest) cleaned up. */
  halfBuilt: string[];
  /** Agent records of gone agents removed. */
  agentRecords: string[];
  dryRun: boolean;
}

/** Cleans up after dead agents: their worktrees (unmerged branches are kept), half-built worktrees, stale agent records. */
export async function pruneWorktrees(opts: PruneOptions = {}): Promise<PruneResult> {
  const cwd = opts.cwd ?? process.cwd();
  const rt = openRuntime({ cwd });
  const git = createGit(cwd);
  const dryRun = Boolean(opts.dryRun);
  return withRepoLock({ runtime: rt, cwd, command: 'worktree prune', timeoutMs: opts.timeoutMs, onWait: opts.onWait, unsafeUnserialized: opts.unsafeUnserialized }, async () => {
    const out: PruneResult = { removed: [], kept: [], halfBuilt: [], agentRecords: [], dryRun };
    const manifests = listManifests(rt);
    for (const m of manifests) {
      const act = agentActivity(rt, m.agent, m.owner);
      if (act.active) {
        out.kept.push({ agent: m.agent, path: m.path, reason: `agent is active: ${act.reasons.join('; ')}` });
        continue;
      }
      if (!opts.force && existsSync(m.path)) {
        const dirty = await dirtyPaths(createGit(m.path), m.copies);
        if (dirty.length) {
          out.kept.push({ agent: m.agent, path: m.path, reason: `${dirty.length} uncommitted change(s): lockstep worktree remove ${m.agent} --force` });
          continue;
        }
      }
      if (dryRun) out.removed.push({ agent: m.agent, path: m.path, branch: m.branch, branchDeleted: false, unmergedCommits: 0, discarded: [] });
      else out.removed.push(await removeLocked(rt, git, m, true));
    }
    const known = new Set(manifests.map((m) => real(m.path)));
    const dir = real(worktreesDir(rt));
    const registered: RegisteredWorktree[] = await listRegisteredWorktrees(git);
    for (const w of registered) {
      const p = real(w.path);
      if (!p.startsWith(`${dir}/`) || known.has(p)) continue;
      // Under the repository lock nobody is building a worktree: one without a manifest was abandoned half built.
      out.halfBuilt.push(w.path);
      if (!dryRun) {
        await git.run(['worktree', 'unlock', w.path]);
        await git.run(['worktree', 'remove', '--force', w.path]);
      }
    }
    if (!dryRun) await git.run(['worktree', 'prune']);
    const now = Date.now();
    for (const rec of listAgents({ runtime: rt })) {
      if (readManifest(rt, rec.agent)) continue;
      if (rec.state !== 'exited' && (agentProcessAlive(rec, now) || agentLeaseEnd(rec) > now)) continue;
      if (listClaims({ runtime: rt, agent: rec.agent }).length) continue;
      out.agentRecords.push(rec.agent);
      if (!dryRun) removeAgentRecord(rt, rec.agent);
    }
    return out;
  });
}

export interface WorktreeView extends WorktreeManifest {
  /** The directory exists. */
  exists: boolean;
  /** git's lock reason, or null when not locked. */
  locked: string | null;
  active: boolean;
  activity: string[];
}

export async function listAgentWorktrees(opts: { cwd?: string } = {}): Promise<WorktreeView[]> {
  const cwd = opts.cwd ?? process.cwd();
  const rt = openRuntime({ cwd });
  const registered = await listRegisteredWorktrees(createGit(cwd));
  return listManifests(rt).map((m) => {
    const reg = registered.find((w) => real(w.path) === real(m.path));
    const act = agentActivity(rt, m.agent, m.owner);
    return { ...m, exists: existsSync(m.path), locked: reg?.locked ?? null, active: act.active, activity: act.reasons };
  });
}
