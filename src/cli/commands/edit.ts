import type { Command } from 'commander';
import { LockstepError } from '../../core/errors.js';
import { editShared } from '../../tasks/edits.js';
import { globals } from '../context.js';
import { parseDuration, printJson, waitReporter } from '../output.js';

export function registerEdit(program: Command): void {
  program
    .command('edit')
    .usage('--task ID [options] -- CMD [ARGS...]')
    .description("run a command that edits shared files under the commit lock, and record the lines it changed as the task's (exits with the command's code)")
    .option('--task <id>', 'the task the edit is for (default: $LOCKSTEP_TASK)')
    .option('--timeout <seconds>', 'give up waiting for the commit lock after this many seconds (exit 3)')
    .option('--json', 'print {exitCode, token, recorded} on stdout')
    .option('-q, --quiet', 'do not report waiting on stderr')
    .argument('<cmd...>', 'the command and its arguments')
    .passThroughOptions()
    .action(async (argv: string[], o: { task?: string; timeout?: string; json?: boolean; quiet?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const task = o.task ?? process.env.LOCKSTEP_TASK;
      if (!task) throw new LockstepError('BAD_INPUT', 'lockstep edit needs a task: --task ID or LOCKSTEP_TASK');
      const r = await editShared({ cwd, task, argv, timeoutMs: o.timeout === undefined ? undefined : parseDuration(o.timeout, '--timeout'), onWait: waitReporter(o.quiet) });
      if (o.json) printJson({ exitCode: r.exitCode, token: r.token, recorded: r.recorded });
      process.exitCode = r.exitCode;
    });
}
