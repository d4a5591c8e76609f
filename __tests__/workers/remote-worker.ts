/**
 * One "machine": a real process working in its own clone, with the remote
 * backend or (the control) with the file backend, which only sees its own
 * clone. LOCKSTEP_HOST_ID in the environment names the machine. Modes:
 *
 *   alloc CLONE ROOT N remote|file          N allocations; prints "ok <number> <path>" each
 *   claim CLONE QUEUE ITEMS_FILE remote|file AGENT
 *                                           adds the items to this clone's queue, then claims and
 *                                           completes until nothing is left; prints "claimed <item>"
 *   mutex CLONE NAME ROUNDS INSIDE remote|file
 *                                           ROUNDS times: lock, create INSIDE exclusively (a second
 *                                           holder finds it there), pause, remove, unlock; prints
 *                                           "ok <token>" or "TWO-HOLDERS <token>"
 *   hold CLONE NAME LEASE_MS [SKEW_MS]      takes the remote lock (with its wall clock SKEW_MS off),
 *                                           prints {"token":N}, then waits to be killed
 *   with-lock CLONE NAME LEASE_MS STOP      holds the remote lock (renewed automatically) until the file STOP exists,
 *                                           printing {"token":N} first and "released N" at the end
 *   lock-once CLONE NAME TIMEOUT_MS         takes the remote lock, prints {"token","tookOver","waitedMs","acquiredMono"}, releases
 *
 * Errors are reported the way the CLI reports them: message on stderr, the
 * documented exit code.
 */
import { closeSync, existsSync, openSync, readFileSync, unlinkSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { isLockstepError } from '../../src/core/errors.js';
import { acquireLock, releaseLock } from '../../src/core/lock.js';
import { allocate } from '../../src/alloc/allocate.js';
import { addItem, claimNext, completeItem } from '../../src/queue/queue.js';
import { allocateRemote } from '../../src/remote/alloc.js';
import { claimNextRemote, completeItemRemote } from '../../src/remote/claims.js';
import { acquireRemoteLock, releaseRemoteLock, withRemoteLock } from '../../src/remote/lock.js';
import { monoNowMs } from '../../src/remote/observations.js';

const [mode, clone, ...rest] = process.argv.slice(2);
const out = (line: string) => process.stdout.write(line + '\n');

async function main(): Promise<void> {
  if (mode === 'alloc') {
    const [root, n, backend] = rest;
    for (let i = 0; i < Number(n); i++) {
      const a = backend === 'remote' ? await allocateRemote({ cwd: clone, root: root!, name: `topic ${i}`, timeoutMs: 120_000 }) : await allocate({ cwd: clone, root: root!, name: `topic ${i}`, timeoutMs: 60_000 });
      out(`ok ${a.number} ${a.topicPath}`);
    }
    return;
  }
  if (mode === 'claim') {
    const [queue, itemsFile, backend, agent] = rest;
    const items = readFileSync(itemsFile!, 'utf8').split('\n').filter(Boolean);
    for (const id of items) addItem({ cwd: clone, queue, id, ifAbsent: true });
    for (;;) {
      if (backend === 'remote') {
        // No item list: the candidates are this clone's own queue, as `queue claim --backend remote` would use.
        const c = await claimNextRemote({ cwd: clone, queue, agent: agent!, leaseMs: 60_000 });
        if (!c) break;
        out(`claimed ${c.item}`);
        await completeItemRemote(c);
      } else {
        const c = claimNext({ cwd: clone, queue, agent: agent!, leaseMs: 60_000 });
        if (!c.claimed) break;
        out(`claimed ${c.item.id}`);
        completeItem({ cwd: clone, queue, id: c.item.id, agent: agent!, generation: c.generation });
      }
    }
    return;
  }
  if (mode === 'mutex') {
    const [name, rounds, inside, backend] = rest;
    for (let i = 0; i < Number(rounds); i++) {
      const remote = backend === 'remote' ? await acquireRemoteLock({ cwd: clone, name: name!, timeoutMs: 60_000, leaseMs: 30_000 }) : null;
      const local = remote ? null : await acquireLock({ cwd: clone, name: name!, timeoutMs: 60_000 });
      const token = remote?.token ?? local!.token;
      let alone = true;
      try {
        closeSync(openSync(inside!, 'wx'));
      } catch {
        alone = false;
      }
      await sleep(30);
      if (alone) unlinkSync(inside!);
      if (remote) await releaseRemoteLock(remote);
      else releaseLock(local!);
      out(alone ? `ok ${token}` : `TWO-HOLDERS ${token}`);
    }
    return;
  }
  if (mode === 'hold') {
    const [name, leaseMs, skewMs] = rest;
    if (skewMs) {
      // This machine's wall clock is off: its record says so, and nobody may trust it.
      const real = Date.now.bind(Date);
      Date.now = () => real() + Number(skewMs);
    }
    const h = await acquireRemoteLock({ cwd: clone, name: name!, timeoutMs: 10_000, leaseMs: Number(leaseMs) });
    out(JSON.stringify({ token: h.token }));
    await sleep(600_000);
    return;
  }
  if (mode === 'lock-once') {
    const [name, timeoutMs] = rest;
    const t0 = monoNowMs();
    const h = await acquireRemoteLock({ cwd: clone, name: name!, timeoutMs: Number(timeoutMs), leaseMs: 30_000 });
    const acquiredMono = monoNowMs();
    await releaseRemoteLock(h);
    out(JSON.stringify({ token: h.token, tookOver: h.tookOver, waitedMs: acquiredMono - t0, acquiredMono }));
    return;
  }
  if (mode === 'with-lock') {
    const [name, leaseMs, stop] = rest;
    const token = await withRemoteLock({ cwd: clone, name: name!, timeoutMs: 10_000, leaseMs: Number(leaseMs) }, async (h) => {
      out(JSON.stringify({ token: h.token }));
      while (!existsSync(stop!)) await sleep(20);
      return h.token;
    });
    out(`released ${token}`);
    return;
  }
  throw new Error(`unknown mode ${mode}`);
}

main().catch((e) => {
  if (isLockstepError(e)) {
    process.stderr.write(`lockstep: ${e.message}\n`);
    process.exit(e.exitCode);
  }
  process.stderr.write(`internal error: ${(e as Error).stack}\n`);
  process.exit(70);
});
