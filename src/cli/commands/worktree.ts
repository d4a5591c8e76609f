import type { Command } from 'commander';
import { addAgentWorktree, listAgentWorktrees, pruneWorktrees, removeAgentWorktree } from '../../worktree/worktree.js';
import { globals } from '../context.js';
import { parsePositiveInt, parseDuration, printErr, printJson, printLine, waitReporter } from '../output.js';

function collect(v: string, prev: string[]): string[] {
  return [...prev, v];
}

export function registerWorktree(program: Command): void {
  const wt = program.command('worktree').description('agent worktrees: created, refreshed and removed as one sequence under the repository lock');

  wt.command('add')
    .argument('<agent>', 'agent id (its branch is lockstep/<agent>)')
    .option('--base <branch>', 'branch to start from and merge into (default: the current branch)')
    .option('--copy <path>', 'copy this file or directory from the checkout into the worktree (repeatable)', collect, [])
    .option('--owner-pid <pid>', '`worktree prune` removes the worktree once this process is gone')
    .option('--timeout <seconds>', "give up once the repository lock's queue has not moved for this long (exit 3)", '600')
    .option('--json', 'machine-readable output')
    .description('create an agent worktree (locked with `git worktree lock`) and print its path')
    .action(async (agent: string, o: { base?: string; copy: string[]; ownerPid?: string; timeout: string; json?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const r = await addAgentWorktree({
        cwd,
        agent,
        base: o.base,
        copy: o.copy,
        ownerPid: o.ownerPid === undefined ? null : parsePositiveInt(o.ownerPid, '--owner-pid'),
        timeoutMs: parseDuration(o.timeout, '--timeout'),
        onWait: waitReporter(Boolean(o.json)),
      });
      if (o.json) printJson({ ok: true, ...r });
      else printLine(r.path);
      if (r.hooks.warning) printErr(`lockstep: warning: ${r.hooks.warning}`);
    });

  wt.command('remove')
    .argument('<agent>', 'agent id')
    .option('--force', 'remove it even with a live lease, uncommitted changes or unmerged commits (the branch is kept if unmerged)')
    .option('--timeout <seconds>', "give up once the repository lock's queue has not moved for this long (exit 3)", '600')
    .option('--json', 'machine-readable output')
    .description('remove an agent worktree (refused, exit 1, while it has a live lease, uncommitted changes or unmerged commits)')
    .action(async (agent: string, o: { force?: boolean; timeout: string; json?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const r = await removeAgentWorktree({ cwd, agent, force: o.force, timeoutMs: parseDuration(o.timeout, '--timeout'), onWait: waitReporter(Boolean(o.json)) });
      if (o.json) printJson({ ok: true, ...r });
      else {
        printLine(`removed ${r.path}`);
        if (r.branchDeleted) printLine(`deleted branch ${r.branch} (fully merged)`);
        else if (r.unmergedCommits) printLine(`kept branch ${r.branch}: ${r.unmergedCommits} commit(s) not merged`);
        if (r.discarded.length) printLine(`threw away ${r.discarded.length} uncommitted change(s)`);
      }
    });

  wt.command('prune')
    .option('--force', 'also remove worktrees of dead agents that have uncommitted changes')
    .option('--dry-run', 'only say what would be removed')
    .option('--timeout <seconds>', "give up once the repository lock's queue has not moved for this long (exit 3)", '600')
    .option('--json', 'machine-readable output')
    .description('clean up after dead agents: their worktrees (unmerged branches are kept), half-built worktrees, old agent records')
    .action(async (o: { force?: boolean; dryRun?: boolean; timeout: string; json?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const r = await pruneWorktrees({ cwd, force: o.force, dryRun: o.dryRun, timeoutMs: parseDuration(o.timeout, '--timeout'), onWait: waitReporter(Boolean(o.json)) });
      if (o.json) {
        printJson({ ok: true, ...r });
        return;
      }
      const verb = r.dryRun ? 'would remove' : 'removed';
      for (const x of r.removed) printLine(`${verb} ${x.agent}: ${x.path}${x.unmergedCommits ? ` (branch ${x.branch} kept: ${x.unmergedCommits} unmerged commit(s))` : ''}`);
      for (const p of r.halfBuilt) printLine(`${verb} half-built worktree ${p}`);
      for (const a of r.agentRecords) printLine(`${verb} agent record ${a}`);
      for (const k of r.kept) printLine(`kept ${k.agent}: ${k.reason}`);
      if (!r.removed.length && !r.halfBuilt.length && !r.agentRecords.length && !r.kept.length) printLine('nothing to prune');
    });

  wt.command('list')
    .option('--json', 'machine-readable output')
    .description('list agent worktrees')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const list = await listAgentWorktrees({ cwd });
      if (o.json) {
        printJson(list);
        return;
      }
      if (list.length === 0) printLine('no agent worktrees');
      for (const w of list) {
        printLine(`${w.agent}: ${w.path} (${w.branch} → ${w.base})${w.exists ? '' : ' MISSING'}${w.locked === null ? ' unlocked' : ''}`);
        printLine(`  ${w.active ? `active: ${w.activity.join('; ')}` : 'idle'}`);
      }
    });
}
