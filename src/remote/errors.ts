/**
 * Turning what git says about a remote into errors a person can act on.
 *
 * Three outcomes matter and must never be confused:
 *   - unreachable: nothing was changed (or nothing can be known): exit 4;
 *   - refused: the server will never accept refs/lockstep/* (hidden refs, a
 *     pre-receive hook, no atomic push): exit 4, with what to change;
 *   - conflict: someone else moved the ref first: the caller re-reads and retries.
 */
import { LockstepError } from '../core/errors.js';

const UNREACHABLE = [
  /unable to connect/i,
  /connection refused/i,
  /connection reset/i,
  /connection timed out/i,
  /could not read from remote repository/i,
  /could not resolve host/i,
  /unable to access/i,
  /the remote end hung up/i,
  /early EOF/i,
  /network is unreachable/i,
  /no route to host/i,
  /broken pipe/i,
  /unexpected disconnect/i,
  /protocol error/i,
  // The connection cut in the middle of the protocol exchange (server killed mid-call):
  /expected flush/i,
  /expected (?:packfile|response end|wanted-ref|acknowledgments)/i,
  /unexpected end of file/i,
  /bad (?:packet|band|line length)/i,
  /invalid packet/i,
  /eof before pack header/i,
  /does not appear to be a git repository/i,
  /repository .* not found/i,
  /no such remote/i,
];

export function looksUnreachable(stderr: string): boolean {
  return UNREACHABLE.some((re) => re.test(stderr));
}

export function unreachableError(remote: string, url: string, what: string, stderr: string, timedOut = false): LockstepError {
  const said = firstFatal(stderr);
  const reason = timedOut ? 'it did not answer in time' : said || 'git could not talk to it';
  return new LockstepError('REMOTE_UNREACHABLE', `the git remote ${remote} (${url}) is unreachable while trying to ${what}: ${reason}; nothing was changed by this call`, {
    hint: `check the remote: git ls-remote ${remote}; or run without the remote backend (--backend file) on a single machine`,
    detail: { remote, url, stderr: stderr.trim().slice(0, 2000), timedOut },
  });
}

/** The same as unreachable, but the push may have landed: the caller only knows it did not hear back. */
export function ambiguousPushError(remote: string, url: string, what: string, stderr: string, timedOut: boolean): LockstepError {
  const e = unreachableError(remote, url, what, stderr, timedOut);
  return new LockstepError('REMOTE_UNREACHABLE', e.message.replace('nothing was changed by this call', 'the connection broke while pushing: if the server applied it, the ref expires by its lease (locks, claims) or leaves a gap (allocation), never a duplicate'), {
    hint: e.hint,
    detail: e.detail,
  });
}

export function refusedError(remote: string, url: string, refs: string[], reason: string, stderr: string): LockstepError {
  const remoteSaid = stderr
    .split('\n')
    .filter((l) => l.startsWith('remote:'))
    .map((l) => l.replace(/^remote:\s*/, '').trim())
    .filter(Boolean)
    .join(' / ');
  return new LockstepError(
    'REMOTE_REFUSED',
    `the git remote ${remote} (${url}) refuses lockstep's refs (${refs.join(', ')}): ${reason}${remoteSaid ? ` — the server said: ${remoteSaid}` : ''}`,
    {
      hint: `the remote backend needs the server to accept pushes to refs/lockstep/* (check receive.hideRefs, pre-receive hooks and ref protection rules on the server; test with: lockstep remote check --remote ${remote}), or use --backend file`,
      detail: { remote, url, refs, reason, stderr: stderr.trim().slice(0, 2000) },
    },
  );
}

function firstFatal(stderr: string): string {
  const line = stderr.split('\n').find((l) => /^(fatal|error):/.test(l.trim()));
  return (line ?? stderr.split('\n').find((l) => l.trim()) ?? '').trim().replace(/^(fatal|error):\s*/, '');
}

export type PushLineOutcome = 'ok' | 'conflict' | 'refused';

/**
 * Classifies one `git push --porcelain` status line's summary. "stale info",
 * "atomic transaction failed", "cannot lock ref", "failed to update ref" and
 * the like mean another writer won the race; any other remote rejection
 * (hook declined, hidden ref, funny refname) means the server refuses the ref.
 */
export function classifyPushSummary(flag: string, summary: string): PushLineOutcome {
  if (flag !== '!') return 'ok';
  const s = summary.toLowerCase();
  if (/stale info|fetch first|non-fast-forward|already exists|atomic push failed|atomic transaction failed|failed to update ref|failed to lock|cannot lock ref|incorrect old value|expected|failed to delete/.test(s)) return 'conflict';
  return 'refused';
}
