import type { Command } from 'commander';
import { realpathSync } from 'node:fs';
import { installHooks, type InstallResult } from '../../hooks/install.js';
import { globals } from '../context.js';
import { printJson, printLine } from '../output.js';

/** The bundled CLI that runs this command: the hooks call it directly (never npx). */
function thisCli(): string | undefined {
  const argv1 = process.argv[1];
  if (!argv1) return undefined;
  try {
    return realpathSync(argv1);
  } catch {
    return undefined;
  }
}

function describe(r: InstallResult, check: boolean): string[] {
  const lines = [`hooks: ${r.mode === 'husky' ? `husky (${r.huskyDir})` : r.hooksDir}`];
  for (const e of r.entries) lines.push(`  ${e.name.padEnd(12)} ${e.state}${e.detail ? ` (${e.detail})` : ''}  ${e.path}`);
  for (const n of r.notes) lines.push(`note: ${n}`);
  for (const p of r.problems) lines.push(`problem: ${p}`);
  if (check) lines.push(r.ok ? 'ok: lockstep hooks are installed and current' : 'not ok: run lockstep init to install or update them');
  else if (!r.changed) lines.push('nothing changed: already installed');
  return lines;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description("install lockstep's git hooks (pre-commit, commit-msg, post-commit), husky-aware")
    .option('--force', "replace hooks that are not lockstep's (each kept as <hook>.lockstep-backup)")
    .option('--chain', "keep hooks that are not lockstep's and run them first (moved to <hook>.lockstep-chained)")
    .option('--check', 'only report what is installed and what is missing (exit 1 if anything is)')
    .option('--json', 'machine-readable output')
    .action((o: { force?: boolean; chain?: boolean; check?: boolean; json?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const r = installHooks({ cwd, force: o.force, chain: o.chain, check: o.check, cli: thisCli(), node: process.execPath });
      if (o.json) printJson(r);
      else for (const l of describe(r, Boolean(o.check))) printLine(l);
      if (o.check && !r.ok) process.exitCode = 1;
    });
}
