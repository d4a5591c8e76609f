import type { Command } from 'commander';
import { LockstepError } from '../../core/errors.js';
import { DEFAULT_QUEUE } from '../../queue/names.js';
import { DEFAULT_MAX_ATTEMPTS } from '../../queue/queue.js';
import { runParallel, DEFAULT_RUNNER_LEASE_MS, type ParallelSummary, type RunnerEvent } from '../../parallel/runner.js';
import { runWorker } from '../../parallel/worker.js';
import { WORKER_CONFIG_ENV, type CoordinatorMessage, type WorkerConfig, type WorkerMessage } from '../../parallel/protocol.js';
import { globals } from '../context.js';
import { parsePositiveInt, parseDuration, printErr, printJson, printLine } from '../output.js';
import { timerDelay } from '../../core/duration.js';

function collect(v: string, prev: string[]): string[] {
  return [...prev, v];
}

function describe(e: RunnerEvent): string | null {
  switch (e.type) {
    case 'start':
      return `lockstep parallel: run ${e.runId}, ${e.agents} agent(s) on queue ${e.queue} (${e.pending} pending), merging into ${e.base}; logs in ${e.logDir}`;
    case 'worker-started':
      return e.replacing ? `[${e.agent}] started (pid ${e.pid}) to replace ${e.replacing}` : null;
    case 'claimed':
      return `[${e.agent}] ${e.item}${e.generation > 1 ? ` (attempt ${e.generation})` : ''}: started`;
    case 'item':
      return `[${e.agent}] ${e.item}: ${e.outcome} in ${(e.ms / 1000).toFixed(1)} s — ${e.detail}`;
    case 'worker-died':
      return `[${e.agent}] worker died (pid ${e.pid}, ${e.signal ? `signal ${e.signal}` : `exit ${e.code}`})${e.item ? ` holding ${e.item}` : ''}`;
    case 'reclaimed':
      return `reclaimed ${e.item} from ${e.agent} → ${e.next}: ${e.reason}`;
    case 'draining':
      return 'draining: agents finish the item in hand, then stop (Ctrl-C again to stop now)';
    case 'stopping':
      return 'stopping now: agents are killed, their items go back to pending';
    case 'fatal':
      return `[${e.agent}] ${e.message}`;
    default:
      return null;
  }
}

function printSummary(s: ParallelSummary): void {
  const lines = [
    '',
    `done ${s.done} · failed ${s.failed} · retried ${s.retried} (reclaimed ${s.reclaimed}) · ${(s.ms / 1000).toFixed(1)} s · ${s.throughputPerMin.toFixed(1)} items/min with ${s.agents} agent(s)`,
  ];
  if (s.workersDied) lines.push(`${s.workersDied} worker(s) died and were replaced (${s.workersStarted} started in all)`);
  if (s.interrupted) lines.push(`interrupted (${s.interrupted}): ${s.left.pending} pending and ${s.left.claimed} claimed item(s) left in queue ${s.queue}`);
  for (const k of s.keptWorktrees) lines.push(`kept the worktree of ${k.agent}: ${k.reason}`);
  if (s.error) lines.push(`error: ${s.error}`);
  for (const l of lines) printLine(l);
}

export function registerParallel(program: Command): void {
  program
    .command('parallel')
    .usage('--agents N [options] -- CMD [ARGS...]')
    .requiredOption('--agents <n>', 'number of agents working at once')
    .option('--queue <name>', 'the queue to work through', DEFAULT_QUEUE)
    .option('--base <branch>', 'branch items start from and merge into (default: the current branch)')
    .option('--copy <path>', 'copy this path from the checkout into each agent worktree (repeatable)', collect, [])
    .option('--scope <glob>', "scope of each item's task (repeatable; default **)", collect, [])
    .option('--lease <seconds>', "agent lease: a dead agent's item returns this long after its last heartbeat", String(DEFAULT_RUNNER_LEASE_MS / 1000))
    .option('--max-attempts <n>', 'claims an item gets before it fails for good', String(DEFAULT_MAX_ATTEMPTS))
    .option('--check <cmd>', 'check command for each merge (runs on the merge result)')
    .option('--item-timeout <seconds>', 'kill an agent command running longer than this (the item is retried)')
    .option('--agent-prefix <prefix>', 'agents are named PREFIX-1, PREFIX-2, …', 'agent')
    .option('--keep-worktrees', 'leave the agent worktrees in place at the end')
    .option('-q, --quiet', 'print only the summary')
    .option('--json', 'print the summary as JSON')
    .argument('<cmd...>', 'the agent command, run in its worktree with LOCKSTEP_ITEM, LOCKSTEP_AGENT, LOCKSTEP_TASK, LOCKSTEP_PAYLOAD set')
    .passThroughOptions()
    .description('work through a queue with N agents, each in its own worktree, merging through the merge queue (exit 1 if any item failed)')
    .action(async (argv: string[], o: { agents: string; queue: string; base?: string; copy: string[]; scope: string[]; lease: string; maxAttempts: string; check?: string; itemTimeout?: string; agentPrefix: string; keepWorktrees?: boolean; quiet?: boolean; json?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      if (argv.length === 0) throw new LockstepError('BAD_INPUT', 'no agent command: lockstep parallel --agents N -- CMD [ARGS...]');
      const drain = new AbortController();
      const stop = new AbortController();
      const onInt = () => {
        if (!drain.signal.aborted) drain.abort();
        else stop.abort();
      };
      const onTerm = () => stop.abort();
      process.on('SIGINT', onInt);
      process.on('SIGTERM', onTerm);
      try {
        const summary = await runParallel({
          cwd,
          agents: parsePositiveInt(o.agents, '--agents', { max: 64 }),
          queue: o.queue,
          argv,
          base: o.base,
          copy: o.copy,
          scope: o.scope,
          leaseMs: parseDuration(o.lease, '--lease', { min: 1 }),
          maxAttempts: parsePositiveInt(o.maxAttempts, '--max-attempts'),
          check: o.check ?? null,
          itemTimeoutMs: o.itemTimeout === undefined ? null : parseDuration(o.itemTimeout, '--item-timeout', { min: 1 }),
          agentPrefix: o.agentPrefix,
          keepWorktrees: o.keepWorktrees,
          workerCommand: [process.execPath, process.argv[1]!, 'parallel-worker'],
          drainSignal: drain.signal,
          stopSignal: stop.signal,
          onEvent: (e) => {
            if (o.quiet || o.json) return;
            const line = describe(e);
            if (line) printErr(line);
          },
        });
        if (o.json) printJson(summary);
        else printSummary(summary);
        process.exitCode = summary.error ? 4 : summary.failed > 0 ? 1 : 0;
      } finally {
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
      }
    });

  // The worker process of `lockstep parallel` (not for direct use): configuration arrives as JSON in the environment.
  program
    .command('parallel-worker', { hidden: true })
    .description('internal: one worker of lockstep parallel')
    .action(async () => {
      const raw = process.env[WORKER_CONFIG_ENV];
      if (!raw || typeof process.send !== 'function') throw new LockstepError('BAD_INPUT', 'parallel-worker is started by lockstep parallel, not by hand');
      const cfg = JSON.parse(raw) as WorkerConfig;
      let draining = false;
      let wake: (() => void) | null = null;
      const drain = () => {
        draining = true;
        wake?.();
      };
      process.on('message', (m: CoordinatorMessage) => {
        if (m.t === 'drain' || m.t === 'stop') drain();
      });
      // The coordinator is gone: finish the item in hand and stop (our claims stay ours while we run).
      process.on('disconnect', drain);
      const code = await runWorker(cfg, {
        send: (msg: WorkerMessage) => {
          if (process.connected) process.send!(msg);
        },
        draining: () => draining,
        pause: (ms) =>
          new Promise<void>((r) => {
            const t = setTimeout(r, timerDelay(ms));
            wake = () => {
              clearTimeout(t);
              r();
            };
          }),
      });
      process.exitCode = code;
      if (process.connected) process.disconnect();
    });
}
