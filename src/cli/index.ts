/**
 * The lockstep CLI (dist/cli/cli.js, run by the launcher dist/cli/index.js):
 * every command. See main.ts for the exit codes.
 */
import { runCli } from './main.js';
import { COMMAND_MODULES } from './program.js';

runCli(COMMAND_MODULES);
