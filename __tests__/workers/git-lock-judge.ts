/**
 * Judges one git lock file by path and clears it if stale, as `lockstep
 * commit` does for the index.lock in its way. Args: COMMON_DIR LOCK_PATH.
 * Prints {"outcome", "state"} (state null when the file was not there).
 */
import { clearIfStale } from '../../src/git/git-locks.js';

const [commonDir, lock] = process.argv.slice(2) as [string, string];
const r = clearIfStale(commonDir, lock);
process.stdout.write(JSON.stringify({ outcome: r.outcome, state: r.lock?.state ?? null }) + '\n');
