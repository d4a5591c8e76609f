import type { Command } from 'commander';
import { validateCommitRange, type Violation } from '../../tasks/validate.js';
import { globals } from '../context.js';
import { printJson, printLine } from '../output.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .argument('[range]', 'commits to check (default: upstream..HEAD, or the last commit)')
    .option('--json', 'machine-readable output')
    .description("check commits against their Lockstep trailers: files within the task's scope, none in another task's scope, no other task's lines in a shared file, fences rising (exit 1 on a violation)")
    .action(async (range: string | undefined, o: { json?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const r = await validateCommitRange({ cwd, range });
      const warnings = r.warnings ?? [];
      if (o.json) printJson({ ok: r.violations.length === 0, ...r });
      else {
        for (const v of r.violations) printLine(`${v.commit.slice(0, 12)}  ${v.rule}  ${where(v)}  ${v.message}`);
        for (const v of warnings) printLine(`${v.commit.slice(0, 12)}  ${v.rule} (warning)  ${where(v)}  ${v.message}`);
        printLine(`${r.commitsChecked} commit${r.commitsChecked === 1 ? '' : 's'} checked in ${r.range}${r.tasks.length ? ` (tasks ${r.tasks.join(', ')})` : ''}: ${r.violations.length} violation${r.violations.length === 1 ? '' : 's'}${warnings.length ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : ''}`);
      }
      if (r.violations.length) process.exitCode = 1;
    });
}

/** A finding's file and line as `path:line`, '-' for a commit-level one. */
function where(v: Violation): string {
  return v.file ? `${v.file}${v.line ? `:${v.line}` : ''}` : '-';
}
