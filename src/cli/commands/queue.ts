import type { Command } from 'commander';
import { LockstepError } from '../../core/errors.js';
import { heartbeat } from '../../queue/agents.js';
import { DEFAULT_QUEUE } from '../../queue/names.js';
import { addItem, claimNext, completeItem, failItem, listItems, queueCounts, reclaim, DEFAULT_CLAIM_LEASE_MS, DEFAULT_MAX_ATTEMPTS, type ItemState } from '../../queue/queue.js';
import { BACKEND_HELP, selectBackend, type Backend } from '../../remote/backend.js';
import { globals } from '../context.js';
import { parsePositiveInt, parseDuration, printJson, printLine } from '../output.js';
import { quoteInput } from '../../core/outside-text.js';

const STATES: ItemState[] = ['pending', 'claimed', 'done', 'failed'];

function agentOf(o: { agent?: string }): string {
  const a = o.agent ?? process.env.LOCKSTEP_AGENT;
  if (!a) throw new LockstepError('BAD_INPUT', 'no agent: pass --agent ID (or set LOCKSTEP_AGENT)');
  return a;
}

/** The process a claim or heartbeat is held for: --owner-pid, else the caller (our parent, e.g. the agent's shell script). */
function ownerPid(o: { ownerPid?: string }): number {
  return o.ownerPid === undefined ? process.ppid : parsePositiveInt(o.ownerPid, '--owner-pid');
}

function generationOf(o: { generation?: string }): number | undefined {
  return o.generation === undefined ? undefined : parsePositiveInt(o.generation, '--generation');
}

/** The remote backend's claims, loaded only when a queue command uses that backend. */
const remoteClaims = () => import('../../remote/claims.js');

function backendOf(cmd: Command, o: { backend?: string }): { cwd: string; backend: Backend } {
  const { cwd } = globals(cmd);
  return { cwd, backend: selectBackend({ cwd, flag: o.backend }) };
}

/**
 * With the remote backend the items are still this clone's queue (every clone
 * adds the same items); the remote only decides who works on which, through
 * refs/lockstep/claims/<queue>/<item>.
 */
export function registerQueue(program: Command): void {
  const queue = program
    .command('queue')
    .description('a work queue: atomic claims with leases, reclaim of abandoned work, stale completions refused');

  queue
    .command('add')
    .argument('<id>', 'item id (letters, digits, . _ -)')
    .option('--priority <n>', 'higher is claimed first', '0')
    .option('--payload <file>', 'a file copied into the queue and handed to the agent (LOCKSTEP_PAYLOAD)')
    .option('--queue <name>', 'queue name', DEFAULT_QUEUE)
    .option('--if-absent', 'do nothing (exit 0) when the item exists')
    .option('--json', 'machine-readable output')
    .description('add a work item')
    .action((id: string, o: { priority: string; payload?: string; queue: string; ifAbsent?: boolean; json?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const priority = Number(o.priority);
      if (!/^-?\d+$/.test(o.priority.trim()) || !Number.isSafeInteger(priority)) throw new LockstepError('BAD_INPUT', `--priority takes a whole number from ${Number.MIN_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}, not ${quoteInput(o.priority)}`);
      const r = addItem({ cwd, queue: o.queue, id, priority, payloadFile: o.payload, ifAbsent: o.ifAbsent });
      if (o.json) printJson({ ok: true, ...r });
      else printLine(r.added ? `added ${r.item.id} to queue ${r.item.queue} (priority ${r.item.priority})` : `${r.item.id} is already in queue ${r.item.queue}`);
    });

  queue
    .command('list')
    .option('--queue <name>', 'queue name', DEFAULT_QUEUE)
    .option('--state <state>', `only items in this state (${STATES.join(', ')})`)
    .option('--backend <backend>', BACKEND_HELP)
    .option('--json', 'machine-readable output')
    .description('list items with their state, claim and attempts')
    .action(async (o: { queue: string; state?: string; backend?: string; json?: boolean }, cmd: Command) => {
      const { cwd, backend } = backendOf(cmd, o);
      if (o.state !== undefined && !STATES.includes(o.state as ItemState)) throw new LockstepError('BAD_INPUT', `--state takes one of ${STATES.join(', ')}, not ${quoteInput(o.state)}`);
      if (backend.kind === 'remote') {
        const items = await (await remoteClaims()).queueStatusRemote({ cwd, remote: backend.remote, queue: o.queue });
        const shown = o.state === undefined ? items : items.filter((i) => i.state === o.state);
        const counts = { pending: 0, claimed: 0, done: 0, failed: 0 };
        for (const i of items) counts[i.state]++;
        if (o.json) {
          printJson({ queue: o.queue, backend: 'remote', remote: backend.remote, counts, items: shown });
          return;
        }
        printLine(`queue ${o.queue} on ${backend.remote}: ${counts.pending} pending · ${counts.claimed} claimed · ${counts.done} done · ${counts.failed} failed`);
        for (const it of shown) {
          const extra: string[] = [];
          if (it.state === 'claimed') extra.push(`agent ${it.agent} on ${it.host}, claim ${it.generation}${it.expired ? ', lease ran out as seen from here' : ''}`);
          else if (it.generation > 0) extra.push(`${it.generation} claim(s) so far`);
          printLine(`  ${it.state.padEnd(7)} ${it.id}${extra.length ? `  (${extra.join('; ')})` : ''}`);
        }
        return;
      }
      const items = listItems({ cwd, queue: o.queue, state: o.state as ItemState | undefined });
      const counts = queueCounts({ cwd, queue: o.queue });
      if (o.json) {
        printJson({ queue: o.queue, counts, items });
        return;
      }
      printLine(`queue ${o.queue}: ${counts.pending} pending · ${counts.claimed} claimed · ${counts.done} done · ${counts.failed} failed`);
      const now = Date.now();
      for (const it of items) {
        const extra: string[] = [];
        if (it.priority) extra.push(`priority ${it.priority}`);
        if (it.state === 'claimed') {
          extra.push(`agent ${it.agent}, claim ${it.generation}`);
          if (it.leaseEndsAtMs !== null) extra.push(it.leaseEndsAtMs >= now ? `lease ${((it.leaseEndsAtMs - now) / 1000).toFixed(0)} s left` : `lease ran out ${((now - it.leaseEndsAtMs) / 1000).toFixed(0)} s ago`);
        }
        if (it.attempts) extra.push(`${it.attempts} earlier attempt(s)`);
        if (it.lastReason && it.state !== 'done') extra.push(it.lastReason);
        printLine(`  ${it.state.padEnd(7)} ${it.id}${extra.length ? `  (${extra.join('; ')})` : ''}`);
      }
    });

  queue
    .command('claim')
    .option('--agent <id>', 'the claiming agent (default: $LOCKSTEP_AGENT)')
    .option('--lease <seconds>', 'how long the claim outlives its owner process; heartbeats extend it', String(DEFAULT_CLAIM_LEASE_MS / 1000))
    .option('--owner-pid <pid>', 'the process holding the claim: it is never reclaimed while that process runs (default: the calling process)')
    .option('--queue <name>', 'queue name', DEFAULT_QUEUE)
    .option('--backend <backend>', BACKEND_HELP)
    .option('--json', 'machine-readable output')
    .description('claim the highest-priority pending item and print its id (exit 1 when there is none)')
    .action(async (o: { agent?: string; lease: string; ownerPid?: string; queue: string; backend?: string; json?: boolean }, cmd: Command) => {
      const { cwd, backend } = backendOf(cmd, o);
      if (backend.kind === 'remote') {
        const c = await (await remoteClaims()).claimNextRemote({ cwd, remote: backend.remote, queue: o.queue, agent: agentOf(o), leaseMs: parseDuration(o.lease, '--lease', { min: 1 }), ownerPid: ownerPid(o) });
        if (!c) {
          if (o.json) printJson({ claimed: false, queue: o.queue, backend: 'remote', remote: backend.remote });
          process.exitCode = 1;
          return;
        }
        const local = listItems({ cwd, queue: o.queue }).find((i) => i.id === c.item);
        if (o.json) printJson({ claimed: true, id: c.item, generation: c.generation, priority: local?.priority ?? 0, payload: local?.payload ?? null, queue: c.queue, agent: c.agent, leaseMs: c.record.leaseMs, backend: 'remote', remote: c.remote });
        else printLine(c.item);
        return;
      }
      const r = claimNext({ cwd, queue: o.queue, agent: agentOf(o), leaseMs: parseDuration(o.lease, '--lease', { min: 1 }), ownerPid: ownerPid(o) });
      if (!r.claimed) {
        if (o.json) printJson({ claimed: false, queue: r.queue });
        process.exitCode = 1;
        return;
      }
      if (o.json) printJson({ claimed: true, id: r.item.id, generation: r.generation, priority: r.item.priority, payload: r.item.payload, queue: r.item.queue, agent: r.claim.agent, leaseMs: r.claim.leaseMs });
      else printLine(r.item.id);
    });

  queue
    .command('done')
    .argument('<id>', 'item id')
    .option('--agent <id>', 'the agent that holds the claim (default: $LOCKSTEP_AGENT)')
    .option('--generation <n>', 'the claim being finished (from claim --json); a claim that already ended is refused')
    .option('--queue <name>', 'queue name', DEFAULT_QUEUE)
    .option('--backend <backend>', BACKEND_HELP)
    .option('--json', 'machine-readable output')
    .description('mark a claimed item done (exit 1 when the claim is not yours any more)')
    .action(async (id: string, o: { agent?: string; generation?: string; queue: string; backend?: string; json?: boolean }, cmd: Command) => {
      const { cwd, backend } = backendOf(cmd, o);
      if (backend.kind === 'remote') {
        const rc = await remoteClaims();
        const c = await rc.findClaimRemote({ cwd, remote: backend.remote, queue: o.queue, item: id, agent: agentOf(o), generation: generationOf(o) });
        await rc.completeItemRemote(c);
        if (o.json) printJson({ ok: true, id, queue: o.queue, agent: c.agent, generation: c.generation, state: 'done', backend: 'remote', remote: c.remote });
        else printLine(`${id} done (claim ${c.generation}, agent ${c.agent}, on ${c.remote})`);
        return;
      }
      const r = completeItem({ cwd, queue: o.queue, id, agent: agentOf(o), generation: generationOf(o) });
      if (o.json) printJson({ ok: true, ...r });
      else printLine(`${r.id} done (claim ${r.generation}, agent ${r.agent})`);
    });

  queue
    .command('fail')
    .argument('<id>', 'item id')
    .option('--agent <id>', 'the agent that holds the claim (default: $LOCKSTEP_AGENT)')
    .option('--retry', 'put it back to pending (until --max-attempts claims have ended)')
    .option('--reason <text>', 'why it failed')
    .option('--max-attempts <n>', 'claims an item gets before it fails for good', String(DEFAULT_MAX_ATTEMPTS))
    .option('--generation <n>', 'the claim being finished; a claim that already ended is refused')
    .option('--queue <name>', 'queue name', DEFAULT_QUEUE)
    .option('--backend <backend>', BACKEND_HELP)
    .option('--json', 'machine-readable output')
    .description('report a claimed item as failed (exit 1 when the claim is not yours any more)')
    .action(async (id: string, o: { agent?: string; retry?: boolean; reason?: string; maxAttempts: string; generation?: string; queue: string; backend?: string; json?: boolean }, cmd: Command) => {
      const { cwd, backend } = backendOf(cmd, o);
      if (backend.kind === 'remote') {
        const rc = await remoteClaims();
        const maxAttempts = parsePositiveInt(o.maxAttempts, '--max-attempts');
        const c = await rc.findClaimRemote({ cwd, remote: backend.remote, queue: o.queue, item: id, agent: agentOf(o), generation: generationOf(o) });
        // Retrying hands the item back (the next claim is generation + 1) until its claims are used up, as with the file backend.
        const retry = o.retry === true && c.generation < maxAttempts;
        const rec = await rc.failItemRemote(c, { retry, reason: o.reason });
        const next = rec.state === 'reclaimed' ? 'pending' : 'failed';
        if (o.json) printJson({ ok: true, id, queue: o.queue, agent: c.agent, generation: c.generation, next, backend: 'remote', remote: c.remote });
        else printLine(next === 'pending' ? `${id} goes back to pending (claim ${c.generation} failed)` : `${id} failed (claim ${c.generation})`);
        return;
      }
      const r = failItem({ cwd, queue: o.queue, id, agent: agentOf(o), retry: o.retry, reason: o.reason, maxAttempts: parsePositiveInt(o.maxAttempts, '--max-attempts'), generation: generationOf(o) });
      if (o.json) printJson({ ok: true, ...r });
      else printLine(r.next === 'pending' ? `${r.id} goes back to pending (claim ${r.generation} failed)` : `${r.id} failed (claim ${r.generation})`);
    });

  queue
    .command('heartbeat')
    .option('--agent <id>', 'the agent (default: $LOCKSTEP_AGENT)')
    .option('--lease <seconds>', 'lease from now', '60')
    .option('--owner-pid <pid>', 'the agent process; must be the one its claims name (default: the calling process)')
    .option('--queue <name>', 'remote backend: the queue whose claims to renew (the file backend renews the agent in every queue)', DEFAULT_QUEUE)
    .option('--backend <backend>', BACKEND_HELP)
    .option('--json', 'machine-readable output')
    .description("renew the agent's lease (extends every claim it holds)")
    .action(async (o: { agent?: string; lease: string; ownerPid?: string; queue: string; backend?: string; json?: boolean }, cmd: Command) => {
      const { cwd, backend } = backendOf(cmd, o);
      if (backend.kind === 'remote') {
        // A remote claim's lease is the one it was claimed with; renewing pushes a fresh record, which restarts it for every observer.
        const renewed = await (await remoteClaims()).renewAgentClaimsRemote({ cwd, remote: backend.remote, queue: o.queue, agent: agentOf(o) });
        if (o.json) printJson({ ok: true, agent: agentOf(o), queue: o.queue, backend: 'remote', remote: backend.remote, renewed: renewed.map((c) => ({ id: c.item, generation: c.generation })) });
        return;
      }
      const rec = heartbeat({ cwd, agent: agentOf(o), leaseMs: parseDuration(o.lease, '--lease', { min: 1 }), ownerPid: ownerPid(o) });
      if (o.json) printJson({ ok: true, agent: rec });
    });

  queue
    .command('reclaim')
    .option('--queue <name>', 'one queue (default: all)')
    .option('--max-attempts <n>', 'after this many ended claims an abandoned item fails for good', String(DEFAULT_MAX_ATTEMPTS))
    .option('--backend <backend>', BACKEND_HELP)
    .option('--json', 'machine-readable output')
    .description('return items whose lease ran out and whose agent is gone to pending')
    .action(async (o: { queue?: string; maxAttempts: string; backend?: string; json?: boolean }, cmd: Command) => {
      const { cwd, backend } = backendOf(cmd, o);
      if (backend.kind === 'remote') {
        const queue = o.queue ?? DEFAULT_QUEUE;
        const r = await (await remoteClaims()).reclaimRemote({ cwd, remote: backend.remote, queue, maxAttempts: parsePositiveInt(o.maxAttempts, '--max-attempts') });
        if (o.json) {
          printJson({ ok: true, backend: 'remote', remote: backend.remote, queue, reclaimed: r.reclaimed.map((x) => ({ ...x, queue, id: x.item, next: 'pending' })), failed: r.failed.map((x) => ({ ...x, queue, id: x.item, next: 'failed' })), waiting: r.waiting });
          return;
        }
        if (r.reclaimed.length + r.failed.length === 0) printLine(`nothing to reclaim on ${backend.remote} (${r.waiting.length} claim(s) held)`);
        for (const x of r.reclaimed) printLine(`${queue}/${x.item} (claim ${x.generation}, agent ${x.agent ?? '?'}) → pending: ${x.reason}`);
        for (const x of r.failed) printLine(`${queue}/${x.item} (claim ${x.generation}, agent ${x.agent ?? '?'}) → failed: ${x.reason}`);
        return;
      }
      const r = reclaim({ cwd, queue: o.queue, maxAttempts: parsePositiveInt(o.maxAttempts, '--max-attempts') });
      if (o.json) {
        printJson({ ok: true, ...r });
        return;
      }
      if (r.reclaimed.length === 0) printLine(`nothing to reclaim (${r.held} claim(s) held)`);
      for (const x of r.reclaimed) printLine(`${x.queue}/${x.id} (claim ${x.generation}, agent ${x.agent}) → ${x.next}: ${x.reason}`);
    });
}
