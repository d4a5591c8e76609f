/**
 * The ref namespace the remote backend owns on the git server, and the
 * validation of every name that becomes part of a ref.
 *
 *   refs/lockstep/locks/<lock>          the current owner record of a held lock (absent = free)
 *   refs/lockstep/fence/<lock>          the fencing counter: the record that took the last token (never deleted)
 *   refs/lockstep/alloc/<root>/head     the allocation counter of one root (never deleted)
 *   refs/lockstep/alloc/<root>/<N>      number N of that root was taken (the record says by whom)
 *   refs/lockstep/claims/<queue>/<item> the claim of one work item (claimed, done, failed or reclaimed)
 */
import { createHash } from 'node:crypto';
import { LockstepError } from '../core/errors.js';
import { validateLockName } from '../core/runtime.js';
import { quoteInput } from '../core/outside-text.js';

/** The remote a remote-backend command talks to when none is named. */
export const DEFAULT_REMOTE = 'origin';

export const REF_ROOT = 'refs/lockstep/';

export const lockRef = (name: string): string => `refs/lockstep/locks/${name}`;
export const fenceRef = (name: string): string => `refs/lockstep/fence/${name}`;
export const allocPrefix = (rootHash: string): string => `refs/lockstep/alloc/${rootHash}/`;
export const allocHeadRef = (rootHash: string): string => `${allocPrefix(rootHash)}head`;
export const allocNumberRef = (rootHash: string, n: number): string => `${allocPrefix(rootHash)}${n}`;
export const claimPrefix = (queue: string): string => `refs/lockstep/claims/${queue}/`;
export const claimRef = (queue: string, item: string): string => `${claimPrefix(queue)}${item}`;

/**
 * git refuses some names a lock name allows (`a..b`, `x.lock`, a trailing
 * dot): say so before anything touches the remote.
 */
function refSafe(name: string, what: string): string {
  if (name.includes('..') || name.endsWith('.') || name.endsWith('.lock')) {
    throw new LockstepError('BAD_NAME', `invalid ${what} ${quoteInput(name)} for the remote backend: git ref names may not contain "..", end with "." or end with ".lock"`, {
      hint: `pick another ${what}, e.g. ${JSON.stringify(name.replace(/\.\.+/g, '.').replace(/\.lock$/, '-lock').replace(/\.$/, ''))}`,
    });
  }
  return name;
}

export function validateRemoteLockName(name: string): string {
  return refSafe(validateLockName(name), 'lock name');
}

/** Remote names as git allows them in practice (no option-like or path-like names). */
export function validateRemoteName(name: string): string {
  if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name) || name.includes('..') || name.endsWith('.lock')) {
    throw new LockstepError('BAD_NAME', `invalid git remote name ${quoteInput(name)}`, { hint: 'list the remotes of this clone: git remote -v' });
  }
  return name;
}

/**
 * The allocation root's id on the remote: a hash of its path relative to the
 * repository's top level, so every clone (wherever it is checked out) names
 * the same root the same way.
 */
export function rootHash(relativeRoot: string): string {
  return createHash('sha256').update(`lockstep-alloc-root\0${relativeRoot}`).digest('hex').slice(0, 16);
}
