import type { Command } from 'commander';
import { LockstepError } from '../../core/errors.js';
import { commitTask } from '../../tasks/commit.js';
import { globals } from '../context.js';
import { parseSeconds, printErr, printJson, printLine, waitReporter } from '../output.js';

export function registerCommit(program: Command): void {
  program
    .command('commit')
    .usage('--task ID -m MSG [--edit CMD] [--] PATHS...')
    .description('lock, run the edit, stage exactly PATHS, commit exactly those with the task trailers, validate, release')
    .option('--task <id>', 'the task (default: $LOCKSTEP_TASK)')
    .option('-m, --message <msg>', 'the commit message')
    .option('--edit <cmd>', 'a shell command run under the lock before staging (e.g. the TODO.md update)')
    .option('--timeout <seconds>', 'give up waiting for the commit lock after this many seconds (exit 3; default: config, 60)')
    .option('--json', 'machine-readable output')
    .argument('<paths...>', 'the files to commit, relative to the current directory')
    .action(async (paths: string[], o: { task?: string; message?: string; edit?: string; timeout?: string; json?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const task = o.task ?? process.env.LOCKSTEP_TASK;
      if (!task) throw new LockstepError('BAD_INPUT', 'which task? give --task ID or set LOCKSTEP_TASK');
      if (o.message === undefined) throw new LockstepError('BAD_INPUT', 'a commit message is required: -m MSG');
      const r = await commitTask({
        cwd,
        task,
        message: o.message,
        paths,
        edit: o.edit,
        timeoutMs: o.timeout === undefined ? undefined : parseSeconds(o.timeout, '--timeout'),
        onWait: waitReporter(),
        editStdio: o.json ? 'pipe' : 'inherit',
      });
      if (o.json) printJson({ ok: true, ...r });
      else {
        printLine(r.commit);
        for (const w of r.warnings) printErr(`lockstep: warning: ${w.message}: ${w.paths.join(', ')}`);
      }
    });
}
