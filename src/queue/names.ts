/**
 * Names that come from outside and become file names (and, for agents, git
 * branch names): item ids, agent ids and queue names. Each is validated here
 * before it touches the file system or git.
 */
import { LockstepError } from '../core/errors.js';
import { quoteInput } from '../core/outside-text.js';

/** Item ids: letters, digits, '.', '_', '-' (no '@': it separates id and generation in file names). */
const ITEM_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const QUEUE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export const DEFAULT_QUEUE = 'default';

export function validateItemId(id: string): string {
  if (typeof id !== 'string' || !ITEM_ID.test(id) || id.includes('..') || id.endsWith('.') || id.endsWith('.lock')) {
    throw new LockstepError('BAD_NAME', `invalid item id ${quoteInput(id)}: use 1-128 characters of A-Z, a-z, 0-9, '.', '_' or '-', starting with a letter or digit (no '..', not ending in '.' or '.lock')`);
  }
  return id;
}

export { validateAgentId } from '../core/actor.js';

export function validateQueueName(name: string): string {
  if (typeof name !== 'string' || !QUEUE_NAME.test(name)) {
    throw new LockstepError('BAD_NAME', `invalid queue name ${quoteInput(name)}: use 1-64 characters of a-z, 0-9, '_' or '-', starting with a letter or digit`);
  }
  return name;
}

export const MIN_PRIORITY = -1_000_000;
export const MAX_PRIORITY = 1_000_000;

export function validatePriority(p: number): number {
  if (!Number.isSafeInteger(p) || p < MIN_PRIORITY || p > MAX_PRIORITY) {
    throw new LockstepError('BAD_INPUT', `invalid priority ${quoteInput(p)}: use a whole number from ${MIN_PRIORITY} to ${MAX_PRIORITY} (higher is claimed first)`);
  }
  return p;
}
