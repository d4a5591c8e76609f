import type { Command } from 'commander';
import { createScratchRepo } from '../../suites/scratch.js';
import { runCounter } from '../../suites/counter.js';
import { parsePositiveInt, printJson, printLine } from '../output.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('lock demo on a scratch repository: N processes increment a shared counter with and without `lockstep run-locked`')
    .option('--procs <n>', 'concurrent processes', '8')
    .option('--iterations <n>', 'increments per process', '25')
    .option('--json', 'machine-readable output')
    .action(async (o: { procs: string; iterations: string; json?: boolean }) => {
      const procs = parsePositiveInt(o.procs, '--procs', { max: 64 });
      const iterations = parsePositiveInt(o.iterations, '--iterations', { max: 10_000 });
      const repo = createScratchRepo('lockstep-demo-');
      const cli = [process.execPath, process.argv[1]!];
      try {
        if (!o.json) printLine(`scratch repository: ${repo.path}\n${procs} processes x ${iterations} increments of one counter file (read, sleep 2 ms, write + 1)\n`);
        const bare = await runCounter({ repo: repo.path, procs, iterations, cli, protect: false });
        const locked = await runCounter({ repo: repo.path, procs, iterations, cli, protect: true });
        if (o.json) {
          printJson({ unprotected: bare, protected: locked });
        } else {
          const row = (label: string, r: typeof bare) => `${label.padEnd(26)} ${String(r.final).padStart(6)} / ${r.expected}   lost updates: ${String(r.lostUpdates).padStart(5)}   ${(r.ms / 1000).toFixed(1)} s`;
          printLine(row('without a lock', bare));
          printLine(row('with lockstep run-locked', locked));
          printLine(locked.lostUpdates === 0 && bare.lostUpdates > 0 ? '\nthe lock prevented every lost update' : '');
        }
        process.exitCode = locked.lostUpdates === 0 && locked.failures === 0 ? 0 : 1;
      } finally {
        repo.dispose();
      }
    });
}
