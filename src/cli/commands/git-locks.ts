import type { Command } from 'commander';
import { checkGitLocks, type GitLockFile } from '../../git/git-locks.js';
import { globals } from '../context.js';
import { printErr, printJson, printLine } from '../output.js';

function age(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 120 ? `${s} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${Math.round(s / 3600)} h`;
}

function why(l: GitLockFile): string {
  if (l.state === 'stale') return 'no process has it open, and no git process that could have made it is running';
  return l.holders.map((h) => (h.reason === 'unknown' ? `${h.command}: it may be in use` : `${h.reason === 'open' ? 'open in' : 'may be held by'} ${h.command} (pid ${h.pid})`)).join('; ');
}

export function registerGitLocks(program: Command): void {
  program
    .command('git-locks')
    .option('--clear', 'remove the stale ones (never one a live process may hold)')
    .option('--json', 'machine-readable output')
    .description("git's own lock files (index.lock, HEAD.lock, refs/…/*.lock) in this repository: which are in use, which a killed git left behind (exit 1 when a stale one remains)")
    .action((o: { clear?: boolean; json?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const r = checkGitLocks({ cwd, clear: o.clear });
      if (o.json) printJson({ ok: r.stale.length === 0, ...r });
      else {
        const cleared = new Set(r.cleared);
        for (const l of r.locks) {
          if (cleared.has(l)) printLine(`removed ${l.name} (stale, ${age(l.ageMs)} old)`);
          else printLine(`${l.name}  ${l.state}  ${age(l.ageMs)} old: ${why(l)}`);
        }
        if (r.stale.length) printErr(`lockstep git-locks: ${r.stale.length} stale lock file${r.stale.length === 1 ? '' : 's'}; remove with: lockstep git-locks --clear`);
        else if (!r.locks.length) printLine(`no git lock files in ${r.commonDir}`);
      }
      if (r.stale.length) process.exitCode = 1;
    });
}
