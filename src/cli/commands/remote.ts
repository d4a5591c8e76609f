import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { LockstepError } from '../../core/errors.js';
import { allocateRemote } from '../../remote/alloc.js';
import { selectRemote } from '../../remote/backend.js';
import { checkRemote } from '../../remote/check.js';
import { claimItemRemote, claimNextRemote, completeItemRemote, DEFAULT_MAX_ATTEMPTS, failItemRemote, findClaimRemote, listClaimsRemote, reclaimRemote, renewClaimRemote, type RemoteClaim } from '../../remote/claims.js';
import { remoteGc } from '../../remote/gc.js';
import { acquireRemoteLock, breakRemoteLock, listRemoteLocks, releaseRemoteLockByToken, remoteLockStatus, renewRemoteLockByToken, type RemoteAcquireOptions, type RemoteLockStatus } from '../../remote/lock.js';
import { globals } from '../context.js';
import { parsePositiveInt, parseDuration, printJson, printLine } from '../output.js';
import { quoteInput } from '../../core/outside-text.js';

function remoteOf(cmd: Command, remote: string | undefined): { cwd: string; remote: string } {
  const { cwd } = globals(cmd);
  return { cwd, remote: selectRemote({ cwd, remote }) };
}

/** Candidates from --item / --items-file; undefined means "this clone's queue of the same name". */
function readItems(o: { item?: string[]; itemsFile?: string }): string[] | undefined {
  const items = [...(o.item ?? [])];
  if (o.itemsFile) {
    let text: string;
    try {
      text = readFileSync(o.itemsFile, 'utf8');
    } catch (e) {
      throw new LockstepError('BAD_INPUT', `cannot read --items-file ${quoteInput(o.itemsFile)}: ${(e as Error).message}`);
    }
    items.push(...text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
  }
  if (items.length === 0 && o.itemsFile) throw new LockstepError('BAD_INPUT', `--items-file ${quoteInput(o.itemsFile)} lists no items`);
  return items.length ? items : undefined;
}

function printClaim(c: RemoteClaim, json?: boolean): void {
  if (json) printJson({ ok: true, queue: c.queue, item: c.item, agent: c.agent, generation: c.generation, remote: c.remote, leaseMs: c.record.leaseMs });
  else printLine(c.item);
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

export function registerRemote(program: Command): void {
  const remote = program.command('remote').description('coordinate through the git remote: check it, allocate and claim through it, and clean up refs/lockstep/*');

  remote
    .command('check')
    .option('--remote <name>', 'git remote (default: the configured remote backend, else origin)')
    .option('--json', 'machine-readable output')
    .description('prove the remote can coordinate: reachable, accepts and compare-and-swaps refs/lockstep/*, shows them to readers')
    .action(async (o: { remote?: string; json?: boolean }, cmd: Command) => {
      const r = await checkRemote(remoteOf(cmd, o.remote));
      if (o.json) printJson(r);
      else {
        printLine(`remote ${r.remote} (${r.url}) can coordinate lockstep:`);
        for (const s of r.steps) printLine(`  ok  ${s.step} (${s.ms} ms)`);
      }
    });

  remote
    .command('gc')
    .option('--remote <name>', 'git remote (default: the configured remote backend, else origin)')
    .option('--dry-run', 'report what would be removed, change nothing')
    .option('--wait <seconds>', 'wait up to this long for leases seen now to run out, and remove those too', '0')
    .option('--drop-queue <queue>', 'remove every claim of this finished queue (repeatable)', collect)
    .option('--max-attempts <n>', 'expired claims past this many attempts are failed instead of reclaimed', String(DEFAULT_MAX_ATTEMPTS))
    .option('--json', 'machine-readable output')
    .description('remove expired lock refs, reclaim expired claims, and drop allocation refs below each root\'s newest')
    .action(async (o: { remote?: string; dryRun?: boolean; wait: string; dropQueue?: string[]; maxAttempts: string; json?: boolean }, cmd: Command) => {
      const r = await remoteGc({ ...remoteOf(cmd, o.remote), dryRun: o.dryRun, waitMs: parseDuration(o.wait, '--wait'), dropQueues: o.dropQueue, maxAttempts: parsePositiveInt(o.maxAttempts, '--max-attempts') });
      if (o.json) {
        printJson({ ok: true, ...r });
        return;
      }
      const verb = r.dryRun ? 'would remove' : 'removed';
      for (const l of r.locks.removed) printLine(`lock ${l.name} (token ${l.token}, host ${l.host ?? '?'}): ${verb} — ${l.reason}`);
      for (const l of r.locks.waiting) printLine(`lock ${l.name} (token ${l.token}, host ${l.host ?? '?'}): kept, lease runs out in ${(l.expiresInMs / 1000).toFixed(1)} s as seen from here (run gc again then, or use --wait)`);
      for (const c of r.claims.reclaimed) printLine(`claim ${c.item} (agent ${c.agent ?? '?'}, generation ${c.generation}): ${r.dryRun ? 'would reclaim' : 'reclaimed'} — ${c.reason}`);
      for (const c of r.claims.failed) printLine(`claim ${c.item} (agent ${c.agent ?? '?'}, generation ${c.generation}): ${r.dryRun ? 'would fail' : 'failed'} after ${c.generation} attempts`);
      for (const c of r.claims.waiting) printLine(`claim ${c.item} (agent ${c.agent ?? '?'}): kept, lease runs out in ${(c.expiresInMs / 1000).toFixed(1)} s as seen from here`);
      for (const d of r.claims.dropped) printLine(`queue ${d.queue}: ${verb} ${d.refs} claim refs`);
      for (const a of r.alloc) if (a.removed.length) printLine(`allocation root ${a.root}: ${verb} ${a.removed.length} number refs below ${a.kept ?? 'the head'}`);
      for (const s of r.skipped) printLine(`${s}: changed meanwhile, kept`);
      const n = r.locks.removed.length + r.claims.reclaimed.length + r.claims.failed.length + r.alloc.reduce((k, a) => k + a.removed.length, 0) + r.claims.dropped.reduce((k, d) => k + d.refs, 0);
      if (n === 0 && r.locks.waiting.length === 0 && r.claims.waiting.length === 0) printLine(`nothing to collect on ${r.remote}`);
    });

  remote
    .command('allocate')
    .argument('<root>', 'allocation root inside the checkout (created if missing)')
    .argument('<name>', 'topic name (sanitized)')
    .option('--remote <name>', 'git remote (default: the configured remote backend, else origin)')
    .option('--width <n>', 'minimum digits of the number', '3')
    .option('--timeout <seconds>', 'give up after losing races for this long (exit 3)', '60')
    .option('--json', 'machine-readable output')
    .description('allocate the next ROOT/NNN_name through the remote (unique across clones)')
    .action(async (root: string, name: string, o: { remote?: string; width: string; timeout: string; json?: boolean }, cmd: Command) => {
      const r = await allocateRemote({ ...remoteOf(cmd, o.remote), root, name, width: parsePositiveInt(o.width, '--width'), timeoutMs: parseDuration(o.timeout, '--timeout') });
      if (o.json) printJson({ topic_number: r.topicNumber, topic_path: r.topicPath, number: r.number, remote: r.remote, ref: r.ref, retries: r.retries });
      else printLine(r.topicPath);
    });

  remote
    .command('claim')
    .argument('<queue>', 'queue name')
    .requiredOption('--agent <id>', 'the claiming agent')
    .option('--item <id>', 'a candidate item, in priority order (repeatable)', collect)
    .option('--items-file <file>', 'candidate items, one id a line, in priority order')
    .option('--lease <seconds>', 'claim lease', '120')
    .option('--remote <name>', 'git remote (default: the configured remote backend, else origin)')
    .option('--json', 'machine-readable output')
    .option('--owner-pid <pid>', 'process the claim is held for (default: the parent process); on this host the claim frees once it exits')
    .description('claim the first claimable item through the remote (candidates: --item/--items-file, else this clone\'s queue QUEUE); prints its id (exit 1 when none is left)')
    .action(async (queue: string, o: { agent: string; item?: string[]; itemsFile?: string; lease: string; ownerPid?: string; remote?: string; json?: boolean }, cmd: Command) => {
      const items = readItems(o);
      const ownerPid = o.ownerPid === undefined ? process.ppid : parsePositiveInt(o.ownerPid, '--owner-pid');
      const base = { ...remoteOf(cmd, o.remote), queue, agent: o.agent, leaseMs: parseDuration(o.lease, '--lease', { min: 1 }), ownerPid };
      const c = items?.length === 1 ? await claimItemRemote({ ...base, item: items[0]! }) : await claimNextRemote({ ...base, items });
      if (!c) {
        if (o.json) printJson({ ok: false, queue, claimed: null });
        else printLine(`nothing to claim in ${queue}`);
        process.exitCode = 1;
        return;
      }
      printClaim(c, o.json);
    });

  for (const [verb, what] of [
    ['done', 'mark a claimed item done'],
    ['fail', 'mark a claimed item failed (or --retry: hand it back)'],
    ['renew', 'renew the lease of a claim'],
  ] as const) {
    remote
      .command(verb)
      .argument('<queue>', 'queue name')
      .argument('<item>', 'item id')
      .requiredOption('--agent <id>', 'the agent holding the claim')
      .option('--generation <n>', 'only if the claim is still this generation (as printed by claim --json)')
      .option('--retry', 'fail: hand the item back for another attempt')
      .option('--reason <text>', 'fail: why')
      .option('--remote <name>', 'git remote (default: the configured remote backend, else origin)')
      .option('--json', 'machine-readable output')
      .description(`${what} (exit 1 when the claim is no longer this agent's)`)
      .action(async (queue: string, item: string, o: { agent: string; generation?: string; retry?: boolean; reason?: string; remote?: string; json?: boolean }, cmd: Command) => {
        const c = await findClaimRemote({ ...remoteOf(cmd, o.remote), queue, item, agent: o.agent, generation: o.generation === undefined ? undefined : parsePositiveInt(o.generation, '--generation') });
        const rec = verb === 'done' ? await completeItemRemote(c) : verb === 'fail' ? await failItemRemote(c, { retry: o.retry, reason: o.reason }) : await renewClaimRemote(c);
        if (o.json) printJson({ ok: true, queue, item, state: rec.state, generation: rec.attempt });
      });
  }

  remote
    .command('reclaim')
    .argument('<queue>', 'queue name')
    .option('--max-attempts <n>', 'fail items claimed this many times', String(DEFAULT_MAX_ATTEMPTS))
    .option('--remote <name>', 'git remote (default: the configured remote backend, else origin)')
    .option('--json', 'machine-readable output')
    .description('hand back items whose claim lease ran out (as counted on this machine)')
    .action(async (queue: string, o: { maxAttempts: string; remote?: string; json?: boolean }, cmd: Command) => {
      const r = await reclaimRemote({ ...remoteOf(cmd, o.remote), queue, maxAttempts: parsePositiveInt(o.maxAttempts, '--max-attempts') });
      if (o.json) printJson({ ok: true, ...r });
      else {
        for (const c of r.reclaimed) printLine(`reclaimed ${c.item} (agent ${c.agent ?? '?'}, generation ${c.generation}): ${c.reason}`);
        for (const c of r.failed) printLine(`failed ${c.item} after ${c.generation} attempts`);
        for (const c of r.waiting) printLine(`${c.item}: claimed by ${c.agent ?? '?'} on ${c.host}, ${(c.expiresInMs / 1000).toFixed(1)} s to go as seen from here`);
      }
    });

  remote
    .command('claims')
    .argument('<queue>', 'queue name')
    .option('--remote <name>', 'git remote (default: the configured remote backend, else origin)')
    .option('--json', 'machine-readable output')
    .description('list the claims of a queue on the remote')
    .action(async (queue: string, o: { remote?: string; json?: boolean }, cmd: Command) => {
      const list = await listClaimsRemote({ ...remoteOf(cmd, o.remote), queue });
      if (o.json) printJson(list);
      else if (list.length === 0) printLine(`no claims in ${queue}`);
      else for (const c of list) printLine(`${c.item}\t${c.state}\t${c.agent ?? '-'}\t${c.host ?? '-'}\tgeneration ${c.generation}${c.expired ? '\tEXPIRED' : ''}`);
    });
}

// --- `lockstep lock …` with --backend remote[:NAME] (called from commands/lock.ts) ---

/** The lines of one lock's status: each printed as one line, so a newline in a record cannot forge another. */
function describeRemoteStatus(s: RemoteLockStatus): string[] {
  if (s.state === 'free') return [`${s.name}: free on ${s.remote} (token ${s.token})`];
  const h = s.holder;
  if (!h) return [`${s.name}: ${s.state === 'stale' ? 'STALE' : 'held'} on ${s.remote}: ${s.staleReason ?? 'unreadable record'}`];
  const lines = [
    `${s.name}: ${s.state === 'stale' ? 'STALE' : 'held'} on ${s.remote} (token ${s.token})`,
    `  holder: pid ${h.pid} on ${h.host}${h.task ? `, task ${h.task}` : ''}${h.agent ? `, agent ${h.agent}` : ''}`,
    `  command: ${h.command}`,
    `  acquired: ${h.acquiredAt} (holder's clock), lease ${Math.round(h.leaseMs / 1000)} s`,
  ];
  if (s.state === 'stale') lines.push(`  stale: ${s.staleReason} — the next acquire takes it over; or: lockstep lock break ${s.name} --backend remote:${s.remote}`);
  else lines.push(`  expires: in ${((s.expiresInMs ?? 0) / 1000).toFixed(1)} s unless renewed, as counted from this machine's first sighting`);
  return lines;
}

export async function remoteLockStatusCommand(o: { cwd: string; remote: string; name?: string; json?: boolean }): Promise<void> {
  const list = o.name ? [await remoteLockStatus({ cwd: o.cwd, remote: o.remote, name: o.name })] : await listRemoteLocks({ cwd: o.cwd, remote: o.remote });
  if (o.json) printJson(o.name ? list[0] : list);
  else if (list.length === 0) printLine(`no locks on ${o.remote}`);
  else for (const s of list) for (const l of describeRemoteStatus(s)) printLine(l);
}

export async function remoteLockAcquireCommand(o: RemoteAcquireOptions & { cwd: string; remote: string; json?: boolean }): Promise<void> {
  const h = await acquireRemoteLock(o);
  if (o.json) printJson({ ok: true, backend: 'remote', remote: h.remote, name: h.name, token: h.token, ownerPid: h.record.pid, waitedMs: h.waitedMs, tookOver: h.tookOver, leaseMs: h.record.leaseMs });
  else printLine(String(h.token));
}

export async function remoteLockReleaseCommand(o: { cwd: string; remote: string; name: string; token: number; json?: boolean }): Promise<void> {
  const r = await releaseRemoteLockByToken(o);
  if (o.json) printJson({ ok: true, backend: 'remote', ...r });
}

export async function remoteLockRenewCommand(o: { cwd: string; remote: string; name: string; token: number; json?: boolean }): Promise<void> {
  const r = await renewRemoteLockByToken(o);
  if (o.json) printJson({ ok: true, backend: 'remote', name: r.lock, token: r.token, leaseMs: r.leaseMs });
}

export async function remoteLockBreakCommand(o: { cwd: string; remote: string; name: string; expectToken?: number; force?: boolean; json?: boolean }): Promise<void> {
  const r = await breakRemoteLock(o);
  if (o.json) printJson({ ok: true, backend: 'remote', ...r });
  else if (r.broken) printLine(`broke the ${r.name} lock on ${o.remote} (token ${r.token}${r.previous ? `, pid ${r.previous.pid} on ${r.previous.host}` : ''}): ${r.reason}`);
  else printLine(`the ${r.name} lock is free on ${o.remote} (token ${r.token}): nothing to break`);
}
