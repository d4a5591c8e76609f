/**
 * The lockstep library, for programs that coordinate agents themselves (an
 * agent harness, a test runner): `import { allocate, withLock } from "lockstep"`.
 * The CLI is a thin edge over these same functions. Each returns a typed
 * result and never prints or exits; a failure is a `LockstepError` with a
 * stable `code`, the `exitCode` the CLI would use, a message and a `hint`.
 *
 * Built to dist/lib/index.js (ES module, no dependencies) with its types in
 * dist/lib/types; see package.json "exports".
 */
export { ExitCode, isLockstepError, LockstepError, type ErrorCode } from './core/errors.js';
export { acquireLock, breakLock, DEFAULT_LOCK, listLocks, lockStatus, releaseLock, TOKEN_ENV, tokenEnvFor, updateLock, withLock, type AcquireOptions, type BreakOptions, type BreakResult, type LockData, type LockHandle, type LockState, type LockStatus, type OwnerRecord, type ReleaseOptions, type ReleaseResult, type WaitInfo, } from './core/lock.js';
export { runLocked, type RunLockedOptions, type RunLockedResult } from './core/run-locked.js';
export { openRuntime, type Runtime, type RuntimeOptions } from './core/runtime.js';
export { eventsPath, readEvents, type EventType, type LockstepEvent } from './core/events.js';
export { allocate, DEFAULT_WIDTH, MAX_WIDTH, type AllocateOptions, type Allocation } from './alloc/allocate.js';
export { verifyAllocations, type VerifyResult } from './alloc/verify.js';
export { discoverState, listStates, type DiscoverOptions, type DiscoverResult, type StateListEntry } from './state/discover.js';
export { gcStates, type GcOptions, type GcResult } from './state/gc.js';
export { newStateId } from './state/id.js';
export { EXPORT_PREFIX, exportLines, planExport, shellQuote, type ExportPlan } from './state/shell-env.js';
export { getState, initState, removeState, setState, type GetOptions, type InitOptions, type InitResult, type RemoveOptions, type SetOptions, type StateLocation, type StateRecord, } from './state/store.js';
export { endTask, getTask, listTasks, startTask, type StartTaskOptions, type Task } from './tasks/tasks.js';
export { commitTask, type CommitOptions, type CommitResult } from './tasks/commit.js';
export { checkGitLocks, gitLockFiles, removeStaleGitLock, type GitLockFile, type GitLockHolder, type GitLocksReport } from './git/git-locks.js';
export { addItem, claimNext, completeItem, failItem, heartbeat, listClaims, listItems, listQueues, queueCounts, reclaim, type AddItemOptions, type Claim, type ClaimOptions, type ClaimResult, type FailOptions, type FinishOptions, type FinishResult, type ItemView, type QueueItem, } from './queue/queue.js';
export { addAgentWorktree, listAgentWorktrees, pruneWorktrees, removeAgentWorktree, type AddWorktreeOptions, type AgentWorktree } from './worktree/worktree.js';
export { mergeBranch, type MergeOptions, type MergeResult } from './merge/merge.js';
export { lintPaths, type Finding, type LintOptions, type LintResult } from './lint/lint.js';
export { acquireRemoteLock, allocateRemote, breakRemoteLock, checkRemote, claimNextRemote, completeItemRemote, DEFAULT_REMOTE, failItemRemote, findClaimRemote, listClaimsRemote, listRemoteLocks, reclaimRemote, releaseRemoteLock, remoteGc, remoteLockStatus, renewClaimRemote, renewRemoteLock, selectBackend, withRemoteLock, type Backend, type RemoteAcquireOptions, type RemoteAllocateOptions, type RemoteAllocation, type RemoteClaim, type RemoteGcResult, type RemoteLockHandle, type RemoteLockStatus, type RemoteOptions, } from './remote/index.js';
