import type { Command } from 'commander';
import { LockstepError } from '../../core/errors.js';
import { acquireLock, breakLock, DEFAULT_LOCK, listLocks, lockStatus, releaseLock, type LockStatus } from '../../core/lock.js';
import { actor, globals } from '../context.js';
import { BACKEND_HELP, selectBackend } from '../../remote/backend.js';
import { parsePositiveInt, parseDuration, printJson, printLine, waitReporter } from '../output.js';

/** The remote backend's commands, loaded only when a lock command uses that backend. */
const remoteCommands = () => import('./remote.js');

/** The lines of one lock's status: each printed as one line, so a newline in a record cannot forge another. */
function describeStatus(s: LockStatus): string[] {
  if (s.state === 'free') return [`${s.name}: free (token ${s.token})`];
  if (!s.holder) return [`${s.name}: stale (token ${s.token}): ${s.staleReason}`];
  const h = s.holder;
  const age = s.ageMs === null ? '' : `${(s.ageMs / 1000).toFixed(1)} s`;
  const lines = [
    `${s.name}: ${s.state === 'stale' ? 'STALE' : 'held'} (token ${s.token}) for ${age}`,
    `  holder: pid ${h.pid} on ${h.host}${h.task ? `, task ${h.task}` : ''}${h.agent ? `, agent ${h.agent}` : ''}`,
    `  command: ${h.command}`,
    `  cwd: ${h.cwd}`,
    `  acquired: ${h.acquiredAt}, lease ${Math.round(h.leaseMs / 1000)} s`,
  ];
  if (s.waiters) lines.push(`  waiters: ${s.waiters}`);
  if (s.state === 'stale') lines.push(`  stale: ${s.staleReason} — the next acquire takes it over; or: lockstep lock break ${s.name}`);
  return lines;
}

export function registerLock(program: Command): void {
  const lock = program.command('lock').description('inspect, take, release and break repository locks');

  lock
    .command('status')
    .argument('[name]', 'lock name (default: all locks)')
    .option('--json', 'machine-readable output')
    .option('--backend <backend>', BACKEND_HELP)
    .description('show holder, age, token, task and whether the lock is stale')
    .action(async (name: string | undefined, o: { json?: boolean; backend?: string }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const backend = selectBackend({ cwd, flag: o.backend });
      if (backend.kind === 'remote') return (await remoteCommands()).remoteLockStatusCommand({ cwd, remote: backend.remote, name, json: o.json });
      const list = name ? [lockStatus({ cwd, name })] : listLocks({ cwd });
      if (o.json) printJson(name ? list[0] : list);
      else if (list.length === 0) printLine('no locks');
      else for (const s of list) for (const l of describeStatus(s)) printLine(l);
    });

  lock
    .command('acquire')
    .argument('[name]', 'lock name', DEFAULT_LOCK)
    .option('--timeout <seconds>', 'give up after this many seconds (exit 3)', '60')
    .option('--task <id>', 'task the lock is taken for (default: $LOCKSTEP_TASK)')
    .option('--agent <id>', 'agent the lock is taken for (default: $LOCKSTEP_AGENT)')
    .option('--owner-pid <pid>', 'process the lock is held for; it is free once that process exits (default: the parent process, e.g. your shell script)')
    .option('--lease <seconds>', 'lease for holders on other hosts', '120')
    .option('--json', 'machine-readable output')
    .option('--backend <backend>', BACKEND_HELP)
    .description('take the lock on behalf of a process and print its token')
    .action(async (name: string, o: { timeout: string; task?: string; agent?: string; ownerPid?: string; lease: string; json?: boolean; backend?: string }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const ownerPid = o.ownerPid === undefined ? process.ppid : parsePositiveInt(o.ownerPid, '--owner-pid');
      const backend = selectBackend({ cwd, flag: o.backend });
      if (backend.kind === 'remote') {
        return (await remoteCommands()).remoteLockAcquireCommand({ cwd, remote: backend.remote, name, ownerPid, json: o.json, reentrant: false, onWait: waitReporter(), timeoutMs: parseDuration(o.timeout, '--timeout'), leaseMs: parseDuration(o.lease, '--lease', { min: 1 }), ...actor(o) });
      }
      const h = await acquireLock({
        cwd,
        name,
        timeoutMs: parseDuration(o.timeout, '--timeout'),
        leaseMs: parseDuration(o.lease, '--lease', { min: 1 }),
        ...actor(o),
        ownerPid,
        reentrant: false,
        onWait: waitReporter(),
      });
      if (o.json) printJson({ ok: true, name: h.name, token: h.token, ownerPid, waitedMs: h.waitedMs, tookOver: h.tookOver });
      else printLine(String(h.token));
    });

  lock
    .command('release')
    .argument('[name]', 'lock name', DEFAULT_LOCK)
    .requiredOption('--token <n>', 'the token printed by lock acquire')
    .option('--json', 'machine-readable output')
    .option('--backend <backend>', BACKEND_HELP)
    .description('release a lock you hold (exit 1 "lock compromised" if it was taken away)')
    .action(async (name: string, o: { token: string; json?: boolean; backend?: string }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const backend = selectBackend({ cwd, flag: o.backend });
      if (backend.kind === 'remote') return (await remoteCommands()).remoteLockReleaseCommand({ cwd, remote: backend.remote, name, token: parsePositiveInt(o.token, '--token'), json: o.json });
      const r = releaseLock({ cwd, name, token: parsePositiveInt(o.token, '--token') });
      if (o.json) printJson({ ok: true, ...r });
    });

  lock
    .command('break')
    .argument('[name]', 'lock name', DEFAULT_LOCK)
    .option('--expect-token <n>', 'only break it if its token is still this one (compare-and-swap)')
    .option('--force', 'break it even though its owner is alive')
    .option('--json', 'machine-readable output')
    .option('--backend <backend>', BACKEND_HELP)
    .description('remove a stale lock (refuses a live one unless --force)')
    .action(async (name: string, o: { expectToken?: string; force?: boolean; json?: boolean; backend?: string }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const backend = selectBackend({ cwd, flag: o.backend });
      if (backend.kind === 'remote') {
        return (await remoteCommands()).remoteLockBreakCommand({ cwd, remote: backend.remote, name, force: o.force, json: o.json, expectToken: o.expectToken === undefined ? undefined : parsePositiveInt(o.expectToken, '--expect-token', { min: 0 }) });
      }
      const r = breakLock({ cwd, name, force: o.force, expectToken: o.expectToken === undefined ? undefined : parsePositiveInt(o.expectToken, '--expect-token', { min: 0 }) });
      if (o.json) printJson({ ok: true, ...r });
      else if (r.broken) printLine(`broke the ${r.name} lock (token ${r.token}${r.previous ? `, pid ${r.previous.pid}${r.previous.task ? `, task ${r.previous.task}` : ''}` : ''}): ${r.reason}`);
      else printLine(`the ${r.name} lock is free (token ${r.token}): nothing to break`);
    });

  lock
    .command('renew')
    .argument('[name]', 'lock name', DEFAULT_LOCK)
    .requiredOption('--token <n>', 'the token printed by lock acquire')
    .option('--json', 'machine-readable output')
    .option('--backend <backend>', BACKEND_HELP)
    .description('renew the lease of a lock you hold (remote backend: holders on other machines only have their lease)')
    .action(async (name: string, o: { token: string; json?: boolean; backend?: string }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const backend = selectBackend({ cwd, flag: o.backend });
      if (backend.kind !== 'remote') throw new LockstepError('BAD_INPUT', 'lock renew is for the remote backend: a file-backend lock lives as long as its owner process', { hint: `lockstep lock renew ${name} --token ${o.token} --backend remote` });
      return (await remoteCommands()).remoteLockRenewCommand({ cwd, remote: backend.remote, name, token: parsePositiveInt(o.token, '--token'), json: o.json });
    });
}

