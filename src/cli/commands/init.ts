import type { Command } from 'commander';
import { realpathSync } from 'node:fs';
import { runDoctor, type DoctorResult } from '../../hooks/doctor.js';
import { installHooks, type InstallResult } from '../../hooks/install.js';
import { uninstallHooks, type UninstallResult } from '../../hooks/uninstall.js';
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
  registerUninstallAndDoctor(program);
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

/** Paths and hook text come from outside: control characters are shown escaped, never sent to the terminal. */
function escapeText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
}

function describeUninstall(r: UninstallResult): string[] {
  if (!r.recorded) return ['nothing to undo: lockstep init left no record here'];
  const lines = r.entries.map((e) => `  ${e.action.padEnd(9)} ${e.path}${e.detail ? ` (${e.detail})` : ''}`);
  for (const d of r.dirs) lines.push(`  removed   ${d}/`);
  lines.push(r.ok ? 'ok: every file lockstep init changed is as it was before' : 'not all restored: the files marked kept were changed since lockstep init and left as they are');
  return lines.map(escapeText);
}

function describeDoctor(r: DoctorResult): string[] {
  const lines = r.worktrees.map((w) => `  ${w.fired ? 'ok      ' : w.skipped ? 'not run ' : 'FAILED  '} ${w.path}${w.fired ? ': a dry-run commit reaches lockstep first' : ''}`);
  for (const f of r.findings) {
    lines.push(`${f.level}: ${f.worktree ? `${f.worktree}: ` : ''}${f.what}`, `  fix: ${f.fix}`);
  }
  lines.push(r.ok ? 'ok: commits in every worktree run under the commit lock' : 'not ok: see the problems above');
  return lines.map((l) => escapeText(l));
}

/** `lockstep uninstall` and `lockstep doctor`, which undo and check what init does. */
export function registerUninstallAndDoctor(program: Command): void {
  program
    .command('uninstall')
    .description('put back every hook file lockstep init changed, byte for byte')
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }, cmd: Command) => {
      const r = uninstallHooks({ cwd: globals(cmd).cwd });
      if (o.json) printJson(r);
      else for (const l of describeUninstall(r)) printLine(l);
      if (!r.ok) process.exitCode = 1;
    });
  program
    .command('doctor')
    .description("prove in each worktree that commits go through lockstep's hooks, lock first; warn about set-ups that lose work")
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }, cmd: Command) => {
      const r = runDoctor({ cwd: globals(cmd).cwd });
      if (o.json) printJson(r);
      else for (const l of describeDoctor(r)) printLine(l);
      if (!r.ok) process.exitCode = 1;
    });
}
