import type { Command } from 'commander';
import { endTask, listTasks, startTask, type Task } from '../../tasks/tasks.js';
import { loadConfig } from '../../config/config.js';
import { openRuntime } from '../../core/runtime.js';
import { hooksInactiveHere } from '../../hooks/install.js';
import { actor, globals } from '../context.js';
import { printErr, printJson, printLine } from '../output.js';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function describe(t: Task): string {
  return `${t.id}  scope: ${t.scope.join(' ')}${t.shared.length ? `  shared: ${t.shared.join(' ')}` : ''}  (since ${t.startedAt})`;
}

export function registerTask(program: Command): void {
  const task = program.command('task').description('declare, end and list tasks and their scopes');

  task
    .command('start')
    .argument('<id>', 'task id: 1-64 of A-Z a-z 0-9 . _ -')
    .requiredOption('--scope <glob>', 'a glob (relative to the top level) the task may commit; repeat for more', collect)
    .option('--shared <glob>', 'a glob the task may commit although others may too (reported, not blocked); repeat for more', collect)
    .option('--replace', 'replace the scope of an active task of the same id')
    .option('--agent <id>', 'agent that started it (default: $LOCKSTEP_AGENT)')
    .option('--json', 'machine-readable output')
    .description('start a task: commits with LOCKSTEP_TASK=ID (or lockstep commit --task ID) are held to its scope')
    .action((id: string, o: { scope: string[]; shared?: string[]; replace?: boolean; agent?: string; json?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const rt = openRuntime({ cwd });
      // Configured shared globs apply to every task at commit time; validate the config now so a bad one is found early.
      if (rt.repo?.topLevel) loadConfig({ topLevel: rt.repo.topLevel });
      const t = startTask({ runtime: rt, id, scope: o.scope, shared: o.shared ?? [], replace: o.replace, agent: actor(o).agent });
      if (o.json) printJson({ ok: true, task: t });
      else printLine(`task ${describe(t)}`);
      const inactive = hooksInactiveHere(cwd);
      if (inactive) printErr(`lockstep: warning: ${inactive}; commits here are not checked until you run: lockstep init`);
    });

  task
    .command('end')
    .argument('<id>', 'task id')
    .option('--json', 'machine-readable output')
    .description('end a task (its scope no longer blocks others)')
    .action((id: string, o: { json?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const r = endTask({ cwd, id });
      if (o.json) printJson({ ok: true, ...r });
      else printLine(`ended task ${r.id}`);
    });

  task
    .command('list')
    .option('--json', 'machine-readable output')
    .description('list the active tasks and their scopes')
    .action((o: { json?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const tasks = listTasks({ cwd });
      if (o.json) printJson(tasks);
      else if (tasks.length === 0) printLine('no active tasks');
      else for (const t of tasks) printLine(describe(t));
    });
}
