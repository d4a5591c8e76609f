/**
 * Which commits a `validate` step checks: the `range` input, or else a range
 * derived from the event that started the workflow. Every commit the range
 * needs must be in the clone; a shallow clone that lacks one fails with the
 * fetch depth to use, instead of validating a truncated history.
 *
 * Ranges use rev-list's meaning: `A..B` is "reachable from B, not from A",
 * which for a pull request is exactly its commits (`A...B` would also list
 * the base branch's new commits).
 */
import { readFileSync } from 'node:fs';
import type { Git } from '../git/git.js';
import { LockstepError } from '../core/errors.js';
import type { EventPayload } from './settings.js';
import { quoteInput } from '../core/outside-text.js';

export interface RangeRequest {
  git: Git;
  /** The `range` input, already syntax-checked, or null. */
  explicit: string | null;
  eventName: string;
  event: EventPayload;
}

export interface ResolvedRange {
  /** The range to validate, or null when there is nothing to validate (a deleted branch). */
  range: string | null;
  /** Where the range came from, in a sentence for the log and the job summary. */
  source: string;
}

const ZERO = /^0+$/;

async function commitExists(git: Git, rev: string): Promise<boolean> {
  const r = await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { readOnly: true });
  return r.code === 0;
}

async function isShallow(git: Git): Promise<boolean> {
  const r = await git.run(['rev-parse', '--is-shallow-repository'], { readOnly: true });
  return r.stdout.trim() === 'true';
}

/** The commits at which a shallow clone's history is cut off. */
async function shallowBoundary(git: Git): Promise<Set<string>> {
  const path = (await git.exec(['rev-parse', '--path-format=absolute', '--git-path', 'shallow'], { readOnly: true })).trim();
  try {
    return new Set(readFileSync(path, 'utf8').split('\n').filter(Boolean));
  } catch {
    return new Set();
  }
}

function depthAdvice(eventName: string, event: EventPayload): string {
  const pushed = Array.isArray(event.commits) ? event.commits.length : 0;
  const atLeast = eventName === 'push' && pushed > 0 && !ZERO.test(event.before ?? '') ? ` (for this push of ${pushed} commit(s), at least "fetch-depth: ${pushed + 1}")` : '';
  return `set "fetch-depth: 0" on the actions/checkout step${atLeast}`;
}

function shallowError(what: string, eventName: string, event: EventPayload): LockstepError {
  return new LockstepError('BAD_INPUT', `this clone is shallow and ${what}: validating it would check a truncated history`, {
    hint: depthAdvice(eventName, event),
  });
}

/** Fails unless every commit `range` needs is here (and, in a shallow clone, its history is not cut off inside the range). */
export async function checkRangeAvailable(req: RangeRequest, range: string): Promise<void> {
  const { git } = req;
  const shallow = await isShallow(git);
  const sides = range.includes('...') ? range.split('...') : range.split('..');
  // `REV^!`, `REV^@` and `REV^-N` name REV's parents or REV alone: REV itself must exist.
  for (const side of sides.map((s) => s.replace(/\^(!|@|-\d*)$/, ''))) {
    if (await commitExists(git, side)) continue;
    if (shallow) throw shallowError(`lacks ${side}, which the range ${range} needs`, req.eventName, req.event);
    if (req.explicit !== null) {
      throw new LockstepError('BAD_INPUT', `input "range" names ${quoteInput(side)}, which is not a commit in this repository (range ${quoteInput(range)})`, {
        hint: 'check the commit id or ref name; a branch of the remote is origin/NAME once fetched',
      });
    }
    throw new LockstepError('NOT_FOUND', `the commit ${side} from the ${req.eventName} event is not in this repository`, { hint: depthAdvice(req.eventName, req.event) });
  }
  if (!shallow) return;
  const boundary = await shallowBoundary(git);
  const listed = (await git.exec(['rev-list', '--end-of-options', range], { readOnly: true })).split('\n').filter(Boolean);
  const cut = listed.find((c) => boundary.has(c));
  if (cut) throw shallowError(`its history is cut off at ${cut.slice(0, 12)}, inside the range ${range}`, req.eventName, req.event);
}

/** `tip` and the n-1 commits before it, as a range; the whole history when it is shorter. */
async function lastCommits(git: Git, tip: string, n: number): Promise<string> {
  const listed = (await git.exec(['rev-list', `--max-count=${n}`, '--end-of-options', tip], { readOnly: true })).split('\n').filter(Boolean);
  const oldest = listed[listed.length - 1] ?? tip;
  return (await commitExists(git, `${oldest}^`)) ? `${oldest}^..${tip}` : tip;
}

/** The default branch as fetched from origin, when the clone has it and it is not the pushed branch itself. */
async function defaultBranchBase(git: Git, event: EventPayload): Promise<string | null> {
  const name = event.repository?.default_branch;
  if (!name || event.ref === `refs/heads/${name}`) return null;
  const ref = `refs/remotes/origin/${name}`;
  return (await commitExists(git, ref)) ? ref : null;
}

async function newBranchRange(git: Git, event: EventPayload, after: string, why: string): Promise<ResolvedRange> {
  const base = await defaultBranchBase(git, event);
  if (base) return { range: `${base}..${after}`, source: `${why}: the commits not on the default branch (${base.replace('refs/remotes/', '')})` };
  const n = Math.max(Array.isArray(event.commits) ? event.commits.length : 0, 1);
  return { range: await lastCommits(git, after, n), source: `${why}: the ${n} commit(s) the push lists` };
}

async function pushRange(req: RangeRequest): Promise<ResolvedRange> {
  const { git, event } = req;
  const before = event.before ?? '';
  const after = event.after ?? '';
  if (!after || ZERO.test(after)) return { range: null, source: 'push deleted the branch: nothing to validate' };
  if (!(await commitExists(git, after))) {
    if (await isShallow(git)) throw shallowError(`lacks ${after}, the pushed commit`, req.eventName, event);
    throw new LockstepError('NOT_FOUND', `the pushed commit ${after} is not in this clone`, { hint: 'check out the pushed commit (actions/checkout does by default)' });
  }
  if (!before || ZERO.test(before)) return newBranchRange(git, event, after, 'push created the branch');
  if (!(await commitExists(git, before))) {
    // A force-push's old tip is usually not fetched; a plain push's is, unless the clone is shallow.
    if (!event.forced && (await isShallow(git))) throw shallowError(`lacks ${before}, the branch tip before the push`, req.eventName, event);
    return newBranchRange(git, event, after, `the previous tip ${before.slice(0, 12)} is not in this clone (force-push)`);
  }
  const ancestor = await git.run(['merge-base', '--is-ancestor', before, after], { readOnly: true });
  if (ancestor.code === 0) return { range: `${before}..${after}`, source: `push: ${before.slice(0, 12)}..${after.slice(0, 12)}` };
  // Force-push: validate what the push rewrote, from where the old and new histories part.
  const mb = await git.run(['merge-base', before, after], { readOnly: true });
  if (mb.code === 0 && mb.stdout.trim()) {
    const base = mb.stdout.trim();
    return { range: `${base}..${after}`, source: `force-push: the commits since the old and new tips parted (${base.slice(0, 12)})` };
  }
  return newBranchRange(git, event, after, 'force-push with unrelated history');
}

export async function resolveRange(req: RangeRequest): Promise<ResolvedRange> {
  const { event } = req;
  let resolved: ResolvedRange;
  if (req.explicit !== null) {
    resolved = { range: req.explicit, source: 'the "range" input' };
  } else if (req.eventName === 'pull_request' || req.eventName === 'pull_request_target') {
    const base = event.pull_request?.base?.sha;
    const head = event.pull_request?.head?.sha;
    if (!base || !head) throw new LockstepError('ENVIRONMENT', `the ${req.eventName} event payload has no pull_request.base.sha / head.sha`);
    resolved = { range: `${base}..${head}`, source: `pull request: the commits of ${event.pull_request?.head?.ref ?? head.slice(0, 12)} not on ${event.pull_request?.base?.ref ?? base.slice(0, 12)}` };
  } else if (req.eventName === 'merge_group') {
    const base = event.merge_group?.base_sha;
    const head = event.merge_group?.head_sha;
    if (!base || !head) throw new LockstepError('ENVIRONMENT', 'the merge_group event payload has no merge_group.base_sha / head_sha');
    resolved = { range: `${base}..${head}`, source: 'merge group: the commits the merge queue adds' };
  } else if (req.eventName === 'push') {
    resolved = await pushRange(req);
  } else {
    if (!(await commitExists(req.git, 'HEAD'))) throw new LockstepError('NOT_FOUND', 'the checkout has no commit to validate (HEAD is unborn)');
    resolved = { range: await lastCommits(req.git, 'HEAD', 1), source: `${req.eventName || 'no event'}: the checked-out commit (set "range" to validate more)` };
  }
  if (resolved.range !== null) await checkRangeAvailable(req, resolved.range);
  return resolved;
}
