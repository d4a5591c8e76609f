/**
 * The remote backend: locks, allocation and claims coordinated through refs
 * on the git remote. One function per operation, for the commands that take
 * `--backend remote[:NAME]`.
 */
export { parseBackend, selectBackend, selectRemote, BACKEND_ENV, BACKEND_CONFIG, BACKEND_HELP, type Backend } from './backend.js';
export { acquireRemoteLock, releaseRemoteLock, releaseRemoteLockByToken, renewRemoteLock, renewRemoteLockByToken, remoteLeaseValid, remoteLockStatus, listRemoteLocks, breakRemoteLock, withRemoteLock, type RemoteLockHandle, type RemoteOwnerRecord, type RemoteLockStatus, type RemoteAcquireOptions, } from './lock.js';
export { allocateRemote, type RemoteAllocation, type RemoteAllocateOptions } from './alloc.js';
export { claimItemRemote, claimNextRemote, completeItemRemote, failItemRemote, renewClaimRemote, findClaimRemote, listClaimsRemote, reclaimRemote, type RemoteClaim, type ClaimRecord, } from './claims.js';
export { remoteGc, type RemoteGcResult } from './gc.js';
export { checkRemote } from './check.js';
export { type RemoteOptions } from './transport.js';
export { DEFAULT_REMOTE } from './refs.js';
