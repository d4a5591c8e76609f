import type { Command } from 'commander';
import { LockstepError } from '../../core/errors.js';
import { runCommitMsg } from '../../hooks/commit-msg.js';
import { runPostCommit } from '../../hooks/post-commit.js';
import { runPreCommit } from '../../hooks/pre-commit.js';
import { globals } from '../context.js';
import { printErr, waitReporter } from '../output.js';

/**
 * `lockstep hook NAME`: what the installed hooks run. pre-commit always runs
 * here; commit-msg and post-commit run in POSIX sh and come here only for
 * what sh does not handle (see docs/tasks-and-hooks.md).
 */
export function registerHook(program: Command): void {
  program
    .command('hook')
    .argument('<name>', 'pre-commit | commit-msg | post-commit')
    .argument('[args...]', 'the arguments git passes to the hook')
    .description('run one of the git hooks (git runs these through the shims lockstep init installs)')
    .action(async (name: string, args: string[], _o: unknown, cmd: Command) => {
      const { cwd } = globals(cmd);
      if (name === 'pre-commit') {
        const r = await runPreCommit({ cwd, onWait: waitReporter() });
        for (const m of r.messages) printErr(m);
        if (r.outcome === 'blocked') process.exitCode = 1;
      } else if (name === 'commit-msg') {
        const file = args[0];
        if (!file) throw new LockstepError('BAD_INPUT', 'lockstep hook commit-msg needs the message file git passes to the hook');
        await runCommitMsg({ cwd, messageFile: file });
      } else if (name === 'post-commit') {
        const r = await runPostCommit({ cwd });
        for (const m of r.messages) printErr(m);
      } else {
        throw new LockstepError('BAD_INPUT', `unknown hook ${JSON.stringify(name)}: lockstep runs pre-commit, commit-msg and post-commit`);
      }
    });
}
