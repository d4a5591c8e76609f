import type { Command } from 'commander';
import { mergeBranch } from '../../merge/merge.js';
import { actor, globals } from '../context.js';
import { parseDuration, printErr, printJson, printLine, waitReporter } from '../output.js';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .argument('<branch>', 'the branch to merge')
    .option('--into <base>', 'the base branch (default: the current branch)')
    .option('--check <cmd>', 'a shell command run in a scratch worktree holding the merge result; the merge lands only if it exits 0')
    .option('--check-timeout <seconds>', 'kill the check after this long (the merge does not land)')
    .option('-m, --message <subject>', 'the merge commit subject')
    .option('--timeout <seconds>', 'wait for the merge queue at most this long (exit 3)', '600')
    .option('--json', 'machine-readable output')
    .description("merge a branch through the merge queue: first come first served, never in your checkout, base moved by compare-and-swap (exit 1 on conflict or failed check)")
    .action(async (branch: string, o: { into?: string; check?: string; checkTimeout?: string; message?: string; timeout: string; json?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const r = await mergeBranch({
        cwd,
        branch,
        into: o.into,
        check: o.check,
        checkTimeoutMs: o.checkTimeout === undefined ? undefined : parseDuration(o.checkTimeout, '--check-timeout', { min: 1 }),
        message: o.message,
        timeoutMs: parseDuration(o.timeout, '--timeout'),
        ...actor(),
        onWait: waitReporter(Boolean(o.json)),
      });
      const ok = r.status === 'merged' || r.status === 'up-to-date' || r.status === 'already-merged';
      if (!ok) process.exitCode = 1;
      if (o.json) {
        printJson({ ok, ...r });
        return;
      }
      switch (r.status) {
        case 'merged':
          printLine(`merged ${r.branch} into ${r.into}: ${r.commit}${r.attempts > 1 ? ` (${r.into} moved meanwhile; ${r.attempts} attempts)` : ''}`);
          for (const u of r.unsynced) printErr(`lockstep: warning: ${u.path} has ${r.into} checked out and could not be brought up to date: ${u.reason}`);
          break;
        case 'up-to-date':
          printLine(`${r.branch} is already merged into ${r.into}`);
          break;
        case 'already-merged':
          printLine(`${r.into} already holds this work (${r.commit})`);
          break;
        case 'conflict':
          printErr(`lockstep: ${r.branch} conflicts with ${r.into} in ${r.files.length} file(s); nothing changed, ${r.branch} is intact:`);
          for (const f of r.files) printErr(`  ${f}`);
          printErr(`  fix: merge ${r.into} into ${r.branch} and resolve (git merge ${r.into}), then lockstep merge ${r.branch} again`);
          break;
        case 'check-failed':
          printErr(`lockstep: the check failed (${r.timedOut ? 'timed out' : r.signal ? `killed by ${r.signal}` : `exit ${r.exitCode}`}); ${r.into} was not moved`);
          if (r.output.trim()) for (const l of r.output.trimEnd().split('\n').slice(-20)) printErr(`  | ${l}`);
          break;
        case 'blocked':
          printErr(`lockstep: ${r.into} is checked out at ${r.checkout} with local changes the merge would overwrite (${r.reason}); nothing changed`);
          printErr(`  fix: commit or stash them there (or check out another branch), then merge again`);
          break;
      }
    });
}
