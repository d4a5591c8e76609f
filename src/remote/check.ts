/**
 * `lockstep remote check`: proves, with a throw-away ref, that the remote can
 * coordinate — it is reachable, accepts refs/lockstep/*, rejects a second
 * creation of the same ref (compare-and-swap works on the server), shows the
 * ref to readers (not hidden from ls-remote), and deletes it again.
 */
import { LockstepError } from '../core/errors.js';
import { hostId } from '../core/process.js';
import { monoNowMs } from './observations.js';
import { REF_ROOT } from './refs.js';
import { listRemoteRefs, openRemote, pushUpdates, writeRecord, type RemoteOptions } from './transport.js';
import { randomHex } from '../core/names.js';

export interface CheckStep {
  step: string;
  ms: number;
}

export interface RemoteCheckResult {
  ok: true;
  remote: string;
  url: string;
  steps: CheckStep[];
}

export async function checkRemote(opts: RemoteOptions = {}): Promise<RemoteCheckResult> {
  const ctx = openRemote(opts);
  const steps: CheckStep[] = [];
  const timed = async <T>(step: string, fn: () => Promise<T>): Promise<T> => {
    const t = monoNowMs();
    const v = await fn();
    steps.push({ step, ms: monoNowMs() - t });
    return v;
  };
  const ref = `${REF_ROOT}probe/${hostId().replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 40) || 'host'}-${process.pid}-${randomHex(4)}`;
  await timed('list refs/lockstep/* (ls-remote)', () => listRemoteRefs(ctx, [`${REF_ROOT}*`], 'list lockstep refs'));
  const a = await writeRecord(ctx, { kind: 'probe', host: hostId(), at: new Date().toISOString(), n: 1 });
  const b = await writeRecord(ctx, { kind: 'probe', host: hostId(), at: new Date().toISOString(), n: 2 });
  const created = await timed('create a probe ref (atomic push, expected absent)', () => pushUpdates(ctx, [{ ref, newOid: a, expectOid: null }], 'create a probe ref'));
  if (!created.ok) throw new LockstepError('REMOTE_REFUSED', `the remote ${ctx.remote} rejected the creation of a new probe ref ${ref}: ${created.conflict.join('; ')}`);
  try {
    const again = await timed('create it again (must be rejected)', () => pushUpdates(ctx, [{ ref, newOid: b, expectOid: null }], 'create the probe ref again'));
    if (again.ok) {
      throw new LockstepError('REMOTE_REFUSED', `the remote ${ctx.remote} let a second push create ${ref} although it existed: it does not compare-and-swap refs, so it cannot coordinate`, {
        hint: 'use a git server that honours expected old values in pushes (any stock git since 2.4), or --backend file',
      });
    }
    const seen = await timed('see it from ls-remote', () => listRemoteRefs(ctx, [ref], 'read the probe ref'));
    if (seen.get(ref) !== a) {
      throw new LockstepError('REMOTE_REFUSED', `the remote ${ctx.remote} accepts refs/lockstep/* but hides them from readers (ls-remote does not show ${ref}): check uploadpack.hideRefs / transfer.hideRefs on the server`, {
        hint: 'unhide refs/lockstep on the server, or use --backend file',
      });
    }
  } finally {
    await pushUpdates(ctx, [{ ref, newOid: null, expectOid: a }], 'delete the probe ref').catch(() => undefined);
  }
  return { ok: true, remote: ctx.remote, url: ctx.url, steps };
}
