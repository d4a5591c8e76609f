/**
 * A real process that appends one audit-log line: `event-worker.ts ROOT TYPE`.
 * Prints "ready" just before it appends, and exits when the line is written.
 */
import { appendEvent } from '../../src/core/events.js';

const [root, type] = process.argv.slice(2) as [string, string];
process.stdout.write('ready\n');
appendEvent(root, type);
