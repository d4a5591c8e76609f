/**
 * The hook bundle (dist/hook/index.js): `node dist/hook/index.js NAME ARGS…`
 * does what `lockstep hook NAME ARGS…` does, loading only the hooks' code.
 * The full CLI bundle (every command, commander, the suites) takes about
 * twice as long to start, and pre-commit starts node on every commit; see
 * docs/tasks-and-hooks.md.
 */
import { readFileSync } from 'node:fs';
import { printErr, reportError, waitReporter } from '../cli/output.js';
import { LockstepError } from '../core/errors.js';
import { runHook, type RunHookResult } from './run-hook.js';

async function main(argv: string[]): Promise<RunHookResult> {
  const [name, ...args] = argv;
  if (!name) throw new LockstepError('BAD_INPUT', 'the hook bundle needs a hook name: pre-commit-lock, pre-commit, commit-msg or post-commit', {
      hint: 'git runs it through the hooks lockstep init installs; by hand: node dist/hook/index.js NAME [ARGS…]',
    });
  return runHook({ name, args, cwd: process.cwd(), onWait: waitReporter(), readInput: () => readFileSync(0, 'utf8') });
}

main(process.argv.slice(2)).then(
  (r) => {
    for (const m of r.messages) printErr(m);
    process.exitCode = r.exitCode;
  },
  (e) => {
    process.exitCode = reportError(e);
  },
);
