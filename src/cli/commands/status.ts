import type { Command } from 'commander';
import { collectStatus } from '../../status/status.js';
import { renderStatus } from '../../status/render.js';
import { globals } from '../context.js';
import { parseDuration, printJson, printText } from '../output.js';
import { timerDelay } from '../../core/duration.js';

export function registerStatus(program: Command): void {
  program
    .command('status')
    .option('--json', 'machine-readable output')
    .option('--watch', 'refresh until interrupted (redraws in place on a terminal)')
    .option('--interval <seconds>', 'refresh interval for --watch', '1')
    .description('locks, waiters, tasks, queues, agents, the merge queue and recent violations in one view')
    .action(async (o: { json?: boolean; watch?: boolean; interval: string }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const show = () => {
        const s = collectStatus({ cwd });
        if (o.json) printJson(s);
        else return renderStatus(s);
        return null;
      };
      // Read even without --watch: a bad value is refused, not ignored.
      const every = Math.max(100, parseDuration(o.interval, '--interval'));
      if (!o.watch) {
        const text = show();
        if (text !== null) printText(1, text);
        return;
      }
      const tty = Boolean(process.stdout.isTTY) && !o.json;
      let stop = false;
      let wake: () => void = () => {};
      const onInt = () => {
        stop = true;
        wake();
      };
      process.on('SIGINT', onInt);
      process.on('SIGTERM', onInt);
      if (tty) process.stdout.write('\x1b[2J\x1b[?25l'); // clear once, hide the cursor while redrawing
      try {
        while (!stop) {
          const text = show();
          if (text !== null) {
            // On a terminal: home, draw, clear the rest (no flicker from a full clear). Elsewhere: one snapshot after another.
            if (tty) process.stdout.write(`\x1b[H${text.split('\n').map((l) => `${l}\x1b[K`).join('\n')}\n\x1b[J`);
            else printText(1, `${text}\n`);
          }
          await new Promise<void>((r) => {
            const t = setTimeout(r, timerDelay(every));
            wake = () => {
              clearTimeout(t);
              r();
            };
          });
        }
      } finally {
        if (tty) process.stdout.write('\x1b[?25h');
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onInt);
      }
    });
}
