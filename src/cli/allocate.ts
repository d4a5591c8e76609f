/**
 * `lockstep allocate` on its own (dist/cli/allocate.js): the launcher runs
 * this bundle instead of the whole CLI's when the command word is `allocate`
 * (see launcher.cts). The program is the one the whole CLI builds for that
 * word — it loads only the allocate module either way — but the bundle is a
 * fraction of the size, and reading, checking and deserializing the whole
 * CLI's code was a tenth of a call.
 */
import { runCli } from './main.js';
import { ALLOCATE_MODULE } from './program.js';

runCli([ALLOCATE_MODULE]);
