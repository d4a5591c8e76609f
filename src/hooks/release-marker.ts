/**
 * The exact bytes a lock release writes, for the one release that is not
 * done by `releaseLock`: the post-commit hook releases the commit lock from
 * POSIX sh (starting node there would cost a second node start-up on every
 * commit). The sh hook writes these lines with printf; this module is the
 * reference they are tested against, and `releaseLock` is what both must
 * agree with (see __tests__/hooks/release-marker.test.ts).
 *
 * The release itself is the lock protocol's: link(2) a "released" marker as
 * generation token+1 (`ln` without -f fails if that generation exists, i.e.
 * if the lock was taken over — then the hook hands over to node, which
 * reports "lock compromised").
 */

export interface ReleaseMarkerFields {
  lock: string;
  pid: number;
  host: string;
  /** ISO time of the release. */
  at: string;
  /** The token whose hold this marker ends. */
  ended: number;
}

/** What `releaseLock` links as generation `ended + 1` (src/core/lock.ts, FreeMarker). */
export function releaseMarkerJson(f: ReleaseMarkerFields): string {
  return JSON.stringify({ v: 1, lock: f.lock, state: 'released', by: { pid: f.pid, host: f.host }, at: f.at, ended: f.ended });
}

export interface ReleaseEventFields {
  ts: string;
  pid: number;
  host: string;
  lock: string;
  token: number;
  heldMs: number;
  task: string | null;
}

/** The `release` line `releaseLock` appends to events.jsonl (via appendEvent), plus `via` naming the hook. */
export function releaseEventJson(f: ReleaseEventFields): string {
  return JSON.stringify({ ts: f.ts, type: 'release', pid: f.pid, host: f.host, lock: f.lock, token: f.token, heldMs: f.heldMs, task: f.task, via: 'post-commit' });
}
