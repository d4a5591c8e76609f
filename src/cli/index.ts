/**
 * The lockstep CLI: a thin edge over the library. Parses arguments, calls the
 * library, prints, and maps errors to the documented exit codes:
 *   0 ok · 1 violation found / nothing to claim · 2 bad usage or input ·
 *   3 timed out waiting for a lock · 4 environment problem.
 */
import { Command, CommanderError } from 'commander';
import { reportError } from './output.js';
import { registerLock } from './commands/lock.js';
import { registerRunLocked } from './commands/run-locked.js';
import { registerSuite } from './commands/suite.js';
import { registerAllocate } from './commands/allocate.js';
import { registerState } from './commands/state.js';
import { registerLint } from './commands/lint.js';
import { registerRemote } from './commands/remote.js';
import { registerInit } from './commands/init.js';
import { registerTask } from './commands/task.js';
import { registerHook } from './commands/hook.js';
import { registerCommit } from './commands/commit.js';
import { registerValidate } from './commands/validate.js';
import { registerQueue } from './commands/queue.js';
import { registerWorktree } from './commands/worktree.js';
import { registerMerge } from './commands/merge.js';
import { registerParallel } from './commands/parallel.js';
import { registerMockAgent } from './commands/mock-agent.js';
import { registerStatus } from './commands/status.js';

export const VERSION = '0.1.0';

export function buildProgram(): Command {
  const program = new Command('lockstep')
    .description('race-free concurrent agents and people in one git repository')
    .version(VERSION)
    .option('-C <dir>', 'run as if lockstep was started in <dir>')
    .enablePositionalOptions()
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerLock(program);
  registerRunLocked(program);
  registerSuite(program);
  registerAllocate(program);
  registerState(program);
  registerLint(program);
  registerRemote(program);
  registerInit(program);
  registerTask(program);
  registerHook(program);
  registerCommit(program);
  registerValidate(program);
  registerQueue(program);
  registerWorktree(program);
  registerMerge(program);
  registerParallel(program);
  registerMockAgent(program);
  registerStatus(program);
  for (const c of program.commands) propagate(c);
  return program;
}

function propagate(cmd: Command): void {
  cmd.exitOverride();
  cmd.showHelpAfterError('(run with --help for usage)');
  for (const c of cmd.commands) propagate(c);
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const json = argv.includes('--json');
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

// `lockstep … | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.exitCode = reportError(e);
  },
);
