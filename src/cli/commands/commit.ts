import type { Command } from 'commander';
import { LockstepError } from '../../core/errors.js';
import { commitTask, type OrphanedChange } from '../../tasks/commit.js';
import { showPath } from '../../tasks/scope.js';
import { globals } from '../context.js';
import { parseDuration, printErr, printJson, printLine, waitReporter } from '../output.js';

export function registerCommit(program: Command): void {
  program
    .command('commit')
    .usage('--task ID -m MSG [--edit CMD] [--] PATHS...')
    .description('lock, run the edit, stage exactly PATHS, commit exactly those with the task trailers, validate, release')
    .option('--task <id>', 'the task (default: $LOCKSTEP_TASK)')
    .option('-m, --message <msg>', 'the commit message')
    .option('--edit <cmd>', 'a shell command run under the lock before staging (e.g. the TODO.md update); a change already in a shared PATH is not this commit\'s and is moved aside first (saved, reported)')
    .option('--timeout <seconds>', "give up once the commit lock's queue has not moved for this many seconds (exit 3; default: config, 60)")
    .option('--json', 'machine-readable output')
    .argument('<paths...>', 'the files to commit, relative to the current directory')
    .action(async (paths: string[], o: { task?: string; message?: string; edit?: string; timeout?: string; json?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const task = o.task ?? process.env.LOCKSTEP_TASK;
      if (!task) throw new LockstepError('BAD_INPUT', 'which task? give --task ID or set LOCKSTEP_TASK');
      if (o.message === undefined) throw new LockstepError('BAD_INPUT', 'a commit message is required: -m MSG');
      const r = await commitTask({
        cwd,
        task,
        message: o.message,
        paths,
        edit: o.edit,
        timeoutMs: o.timeout === undefined ? undefined : parseDuration(o.timeout, '--timeout'),
        onWait: waitReporter(),
        editStdio: o.json ? 'pipe' : 'inherit',
      });
      if (o.json) printJson({ ok: true, ...r });
      else {
        printLine(r.commit);
        for (const w of r.warnings) printErr(`lockstep: warning: ${w.message}: ${w.paths.join(', ')}`);
      }
      // Also with --json (stdout stays machine-readable): a moved-aside change must not go unnoticed.
      for (const o of r.orphaned) printErr(orphanWarning(o));
    });
}

/** A word for sh: as it is when plain, else single-quoted. */
function shellWord(s: string): string {
  return /^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function orphanWarning(o: OrphanedChange): string {
  const who = o.fromTask ? `probably left by task ${o.fromTask}, whose lockstep commit died holding the lock` : 'made outside this lockstep commit';
  const restored = o.base ? 'restored it from HEAD' : 'removed it (HEAD does not have it)';
  const head = `lockstep: warning: ${showPath(o.path)} held a change that was not this commit's (${who}): `;
  if (!o.savedTo) return `${head}it had been deleted; ${restored} before the edit ran`;
  const look = o.base ? `git show ${shellWord(`${o.base}:${o.path}`)} | diff -u - ${shellWord(o.savedTo)}` : `cat ${shellWord(o.savedTo)}`;
  const staged = o.stagedSavedTo ? ` (its staged version: ${o.stagedSavedTo})` : '';
  return `${head}moved it aside to ${o.savedTo}${staged} and ${restored} before the edit ran; see it: ${look}`;
}
