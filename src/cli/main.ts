/**
 * Runs the lockstep CLI over a table of command modules: a thin edge over the
 * library. Parses arguments, calls the library, prints, and maps errors to
 * the documented exit codes:
 *   0 ok · 1 violation found / nothing to claim · 2 bad usage or input ·
 *   3 timed out waiting for a lock · 4 environment problem.
 */
import { CommanderError } from 'commander';
import { buildProgram, type CommandModule } from './program.js';
import { reportError } from './output.js';

export async function main(argv: string[], modules: readonly CommandModule[]): Promise<number> {
  const program = await buildProgram(argv, modules);
  // Errors print as JSON when lockstep's own arguments ask for it (not a command's after `--`).
  const end = argv.indexOf('--');
  const json = (end < 0 ? argv : argv.slice(0, end)).includes('--json');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2; // commander already printed the usage error
    }
    return reportError(e, json);
  }
}

/** The process's exit code is the CLI's. */
export function runCli(modules: readonly CommandModule[]): void {
  main(process.argv.slice(2), modules).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.exitCode = reportError(e);
    },
  );
}
