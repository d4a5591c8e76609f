import type { Command } from 'commander';
import { LockstepError } from '../../core/errors.js';
import { discoverState, listStates } from '../../state/discover.js';
import { gcStates } from '../../state/gc.js';
import { EXPORT_PREFIX, exportLines, planExport } from '../../state/shell-env.js';
import { getState, initState, removeState, setState, valueMap } from '../../state/store.js';
import { globals } from '../context.js';
import { parseDuration, printErr, printJson, printLine, writeOut } from '../output.js';
import { quoteInput } from '../../core/outside-text.js';

/** `KEY=VALUE` → [KEY, VALUE]; the value is everything after the first `=` and may be empty. */
function parseAssignment(a: string): [string, string] {
  const i = a.indexOf('=');
  if (i <= 0) throw new LockstepError('BAD_INPUT', `expected KEY=VALUE, got ${quoteInput(a.length > 80 ? `${a.slice(0, 80)}…` : a)}`, { hint: 'lockstep state set ID PLAN_PATH=/abs/plan.md STEP=2' });
  return [a.slice(0, i), a.slice(i + 1)];
}

function ownerFrom(flag: string | undefined): string | undefined {
  return flag ?? (process.env.LOCKSTEP_OWNER || undefined);
}

export function registerState(program: Command): void {
  const state = program.command('state').description('workflow state: collision-free ids, atomic JSON files, discovery by owner, safe shell export');

  state
    .command('init')
    .argument('<prefix>', 'command name the id starts with ([A-Za-z0-9_-], at most 64)')
    .option('--owner <key>', 'who this state belongs to, for state discover (default: $LOCKSTEP_OWNER)')
    .option('--json', 'machine-readable output')
    .description('create a new workflow id (PREFIX_<ns>_<pid>_<random>) and its state file; print the id')
    .action((prefix: string, o: { owner?: string; json?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const r = initState({ cwd, prefix, owner: ownerFrom(o.owner) ?? null });
      if (o.json) printJson({ ok: true, id: r.id, path: r.path, owner: r.record.owner });
      else printLine(r.id);
    });

  state
    .command('set')
    .argument('<id>', 'workflow id')
    .argument('[assignments...]', 'KEY=VALUE pairs (keys are shell variable names)')
    .option('--unset <key>', 'remove this key (repeat for more)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--json', 'print the state as written')
    .description('set keys of a workflow state (atomic; concurrent sets lose nothing)')
    .action(async (id: string, assignments: string[], o: { unset?: string[]; json?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      if (assignments.length === 0 && !o.unset?.length) throw new LockstepError('BAD_INPUT', 'nothing to set', { hint: `lockstep state set ${id} KEY=VALUE… [--unset KEY]` });
      const values = valueMap();
      for (const a of assignments) {
        const [k, v] = parseAssignment(a);
        values[k] = v;
      }
      const rec = await setState({ cwd, id, values, unset: o.unset });
      if (o.json) printJson({ ok: true, ...rec });
    });

  state
    .command('get')
    .argument('<id>', 'workflow id')
    .argument('[key]', 'print only this value (raw)')
    .option('--json', 'print the whole record')
    .description('print a workflow state: its values as JSON, or one raw value')
    .action((id: string, key: string | undefined, o: { json?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const rec = getState({ cwd, id });
      if (key !== undefined) {
        if (!Object.hasOwn(rec.values, key)) throw new LockstepError('NOT_FOUND', `state ${id} has no key ${quoteInput(key)}`, { hint: `see its keys: lockstep state get ${id}` });
        if (o.json) printJson({ id, key, value: rec.values[key] });
        else writeOut(1, `${rec.values[key]}\n`);
        return;
      }
      printJson(o.json ? rec : rec.values);
    });

  state
    .command('env')
    .argument('<id>', 'workflow id')
    .option('--key <key>', `export this key too (repeat for more); ${EXPORT_PREFIX}* keys are always exported`, (v: string, acc: string[]) => [...acc, v], [] as string[])
    .description(`print export KEY='value' lines for the ${EXPORT_PREFIX}* keys and the --key ones, safe to eval: eval "$(lockstep state env ID)"`)
    .action((id: string, o: { key: string[] }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const { values } = getState({ cwd, id });
      const lines = exportLines(values, o.key);
      if (lines.length) writeOut(1, lines.join('\n') + '\n');
      // Never dropped in silence: a script written before the rule would otherwise just see empty variables.
      const { notExported } = planExport(values, o.key);
      if (notExported.length) {
        // No ready-made command naming them all: one of them may be a key written to switch the shell (GIT_SSH_COMMAND, PAGER…).
        printErr(`lockstep: note: not exported from state ${id}: ${notExported.join(', ')} (state env exports ${EXPORT_PREFIX}* keys and the keys named with --key)\n  fix: name each key your script reads (--key KEY), or store it as ${EXPORT_PREFIX}KEY`);
      }
    });

  state
    .command('discover')
    .argument('<prefix>', 'command prefix given to state init')
    .option('--owner <key>', 'the owner key given to state init (default: $LOCKSTEP_OWNER)')
    .option('--json', 'machine-readable output')
    .description("print the id of this owner's state (never merely the newest file); exit 1 when it has none")
    .action((prefix: string, o: { owner?: string; json?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const owner = ownerFrom(o.owner);
      if (owner === undefined) {
        throw new LockstepError('BAD_INPUT', 'state discover needs an owner key: picking the newest file instead is the race this command exists to avoid', {
          hint: `pass the key given to state init: lockstep state discover ${prefix} --owner KEY (or set LOCKSTEP_OWNER)`,
        });
      }
      const r = discoverState({ cwd, prefix, owner });
      if (o.json) printJson({ ok: r.found !== null, id: r.found?.id ?? null, path: r.path, ownerStates: r.ownerStates, corrupt: r.corrupt, record: r.found });
      else if (r.found) printLine(r.found.id);
      if (!r.found) {
        if (!o.json) {
          printErr(`lockstep: no ${prefix} state belongs to owner ${owner}`);
          printErr(`  fix: create one first: lockstep state init ${prefix} --owner ${JSON.stringify(owner)}`);
        }
        process.exitCode = 1;
      } else if (r.corrupt.length && !o.json) {
        printErr(`lockstep: warning: skipped corrupt state ${r.corrupt.length === 1 ? 'file' : 'files'}: ${r.corrupt.join(', ')}`);
      }
    });

  state
    .command('list')
    .argument('[prefix]', 'only states of this prefix')
    .option('--json', 'machine-readable output')
    .description('list workflow states: id, owner, last change, keys')
    .action((prefix: string | undefined, o: { json?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const list = listStates({ cwd, prefix });
      if (o.json) {
        printJson(list.map((e) => (e.record ? { id: e.id, path: e.path, owner: e.record.owner, createdAt: e.record.createdAt, updatedAt: e.record.updatedAt, keys: Object.keys(e.record.values).sort() } : { id: e.id, path: e.path, corrupt: true, error: e.error })));
        return;
      }
      if (list.length === 0) printLine('no workflow state');
      for (const e of list) {
        if (!e.record) printLine(`${e.id}  CORRUPT: ${e.error}`);
        else printLine(`${e.id}  owner=${e.record.owner ?? '-'}  updated=${e.record.updatedAt}  keys=${Object.keys(e.record.values).sort().join(',') || '-'}`);
      }
    });

  state
    .command('rm')
    .argument('<id>', 'workflow id')
    .option('--json', 'machine-readable output')
    .description('remove a workflow state when its workflow is done')
    .action(async (id: string, o: { json?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const removed = await removeState({ cwd, id });
      if (o.json) printJson({ ok: true, id, removed });
      else if (!removed) printErr(`lockstep: no state with id ${id} (nothing removed)`);
    });

  state
    .command('gc')
    .requiredOption('--ttl <duration>', 'remove states unchanged for longer than this (90s, 15m, 24h, 7d)')
    .option('--dry-run', 'only report what would be removed')
    .option('--json', 'machine-readable output')
    .description('remove workflow states older than the TTL (corrupt files are reported, never removed)')
    .action(async (o: { ttl: string; dryRun?: boolean; json?: boolean }, cmd: Command) => {
      const { cwd } = globals(cmd);
      const r = await gcStates({ cwd, ttlMs: parseDuration(o.ttl, '--ttl', { max: 3650 * 86_400_000 }), dryRun: o.dryRun });
      if (o.json) {
        printJson({ ok: true, ...r });
        return;
      }
      printLine(`${r.dryRun ? 'would remove' : 'removed'} ${r.removed.length}, kept ${r.kept}${r.tempFiles ? `, ${r.tempFiles} leftover temp files` : ''}`);
      for (const id of r.removed) printLine(`  ${r.dryRun ? 'would remove' : 'removed'} ${id}`);
      for (const p of r.corrupt) printErr(`lockstep: warning: corrupt state file left in place: ${p}`);
    });
}
