/**
 * Who is acting: the task and agent ids a lock record, a task file or a
 * queue claim names. They become file and branch names and are shown to
 * other people (lock status, status), so each is checked where it enters:
 * CLI options, LOCKSTEP_TASK / LOCKSTEP_AGENT, library options.
 */
import { LockstepError } from './errors.js';
import { quoteInput } from './outside-text.js';

export const TASK_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** Agent ids also name the branch `lockstep/<agent>`, so no dots at all (no `..`, no `.lock`). */
const AGENT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function validateTaskId(id: unknown): string {
  if (typeof id !== 'string' || !TASK_ID.test(id) || id === '.' || id === '..') {
    throw new LockstepError('BAD_NAME', `invalid task id ${quoteInput(id)}: use 1-64 characters of A-Z, a-z, 0-9, '.', '_' or '-' (not "." or "..")`);
  }
  return id;
}

export function validateAgentId(agent: unknown): string {
  if (typeof agent !== 'string' || !AGENT_ID.test(agent)) {
    throw new LockstepError('BAD_NAME', `invalid agent id ${quoteInput(agent)}: use 1-64 characters of A-Z, a-z, 0-9, '_' or '-', starting with a letter or digit`);
  }
  return agent;
}
