import type { Command } from 'commander';
import { DEFAULT_LOCK } from '../../core/lock.js';
import { runLocked } from '../../core/run-locked.js';
import { LockstepError } from '../../core/errors.js';
import { actor, globals } from '../context.js';
import { parseDuration, printErr, waitReporter } from '../output.js';

export function registerRunLocked(program: Command): void {
  program
    .command('run-locked')
    .usage('[options] -- CMD [ARGS...]')
    .description("hold a lock for the whole of a command (like flock(1)); exits with the command's code, 3 on lock timeout")
    .option('--name <name>', 'lock name', DEFAULT_LOCK)
    .option('--timeout <seconds>', "give up once the lock's queue has not moved for this many seconds (exit 3)", '60')
    .option('--task <id>', 'task the lock is taken for (default: $LOCKSTEP_TASK)')
    .option('--agent <id>', 'agent the lock is taken for (default: $LOCKSTEP_AGENT)')
    .option('--lease <seconds>', 'lease for holders on other hosts (renewed while the command runs)', '120')
    .option('-q, --quiet', 'do not report waiting on stderr')
    .argument('<cmd...>', 'the command and its arguments')
    .passThroughOptions()
    .action(async (argv: string[], o: { name: string; timeout: string; task?: string; agent?: string; lease: string; quiet?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      if (argv.length === 0) throw new LockstepError('BAD_INPUT', 'run-locked needs a command: lockstep run-locked -- CMD [ARGS...]');
      const r = await runLocked({
        cwd,
        name: o.name,
        timeoutMs: parseDuration(o.timeout, '--timeout'),
        leaseMs: parseDuration(o.lease, '--lease', { min: 1 }),
        ...actor(o),
        argv,
        onWait: waitReporter(o.quiet),
      });
      if (r.failedToStart) printErr(`lockstep: ${r.failedToStart}`);
      if (r.releaseError) {
        printErr(`lockstep: ${r.releaseError.message}`);
        process.exitCode = r.exitCode === 0 ? 1 : r.exitCode;
        return;
      }
      process.exitCode = r.exitCode;
    });
}
