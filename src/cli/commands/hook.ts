import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { runHook } from '../../hooks/run-hook.js';
import { globals } from '../context.js';
import { printErr, waitReporter } from '../output.js';

/**
 * `lockstep hook NAME`: what the installed hooks run when the hook bundle
 * (dist/hook/index.js, the same code without the rest of the CLI) is
 * missing, and what a husky line runs from PATH. pre-commit always runs in
 * node; commit-msg and post-commit run in POSIX sh and come here only for
 * what sh does not handle (see docs/tasks-and-hooks.md).
 */
export function registerHook(program: Command): void {
  program
    .command('hook')
    .argument('<name>', 'pre-commit-lock | pre-commit | commit-msg | post-commit')
    .argument('[args...]', 'the arguments git passes to the hook')
    .description('run one of the git hooks (git runs these through the shims lockstep init installs)')
    .action(async (name: string, args: string[], _o: unknown, cmd: Command) => {
      const { cwd } = globals(cmd);
      const r = await runHook({ name, args, cwd, onWait: waitReporter(), readInput: () => readFileSync(0, 'utf8') });
      for (const m of r.messages) printErr(m);
      if (r.exitCode) process.exitCode = r.exitCode;
    });
}
