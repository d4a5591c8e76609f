import type { Command } from 'commander';
import { LockstepError } from '../../core/errors.js';
import { runMockAgent } from '../../parallel/mock-agent.js';
import { parsePositiveInt, parseDuration, printLine } from '../output.js';
import { quoteInput } from '../../core/outside-text.js';

function rate(v: string, flag: string): number {
  const n = Number(v);
  if (!/^\d*\.?\d+$/.test(v.trim()) || !(n >= 0 && n <= 1)) throw new LockstepError('BAD_INPUT', `${flag} takes a probability from 0 to 1, not ${quoteInput(v)}`);
  return n;
}

export function registerMockAgent(program: Command): void {
  program
    .command('mock-agent')
    .option('--sleep <seconds>', 'run time per item, counted from the process start', '1')
    .option('--jitter <seconds>', 'up to this much extra time per item', '0')
    .option('--files <n>', 'files written under mock/<item>/', '1')
    .option('--shared <path>', 'append a line per item to this file (makes concurrent agents conflict on purpose)')
    .option('--fail-rate <p>', 'probability of exiting 1', '0')
    .option('--crash-rate <p>', 'probability of crashing (SIGKILL) halfway', '0')
    .option('--cpu', 'burn CPU instead of sleeping')
    .option('--seed <n>', 'deterministic: the same seed, item and claim give the same behaviour')
    .option('--item <id>', 'item id (default: $LOCKSTEP_ITEM)')
    .description('a stand-in agent for tests and demos: sleeps, writes files, fails or crashes at given rates (run by lockstep parallel)')
    .action(async (o: { sleep: string; jitter: string; files: string; shared?: string; failRate: string; crashRate: string; cpu?: boolean; seed?: string; item?: string }) => {
      const item = o.item ?? process.env.LOCKSTEP_ITEM;
      if (!item) throw new LockstepError('BAD_INPUT', 'no item: run it under lockstep parallel, or pass --item ID');
      const generation = Number(process.env.LOCKSTEP_GENERATION ?? '1') || 1;
      const r = await runMockAgent(
        {
          cwd: process.cwd(),
          item,
          agent: process.env.LOCKSTEP_AGENT ?? 'mock',
          generation,
          sleepMs: parseDuration(o.sleep, '--sleep'),
          jitterMs: parseDuration(o.jitter, '--jitter'),
          files: parsePositiveInt(o.files, '--files', { min: 0, max: 10_000 }),
          shared: o.shared ?? null,
          failRate: rate(o.failRate, '--fail-rate'),
          crashRate: rate(o.crashRate, '--crash-rate'),
          cpu: o.cpu,
          seed: o.seed === undefined ? null : parsePositiveInt(o.seed, '--seed', { min: 0, max: 0xffffffff }),
          startedAtMs: Math.round(performance.timeOrigin),
        },
        () => process.kill(process.pid, 'SIGKILL'),
      );
      printLine(`mock-agent: ${item} (claim ${generation}): ${r.outcome} after ${(r.sleepMs / 1000).toFixed(1)} s, wrote ${r.written.length} file(s)`);
      if (r.outcome === 'fail') process.exitCode = 1;
    });
}
