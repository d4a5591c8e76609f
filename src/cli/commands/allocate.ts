import type { Command } from 'commander';
import { LockstepError } from '../../core/errors.js';
import { allocate, DEFAULT_WIDTH, MAX_WIDTH } from '../../alloc/allocate.js';
import { verifyAllocations, type VerifyResult } from '../../alloc/verify.js';
import { BACKEND_HELP, selectBackend } from '../../remote/backend.js';
import { globals } from '../context.js';
import { parsePositiveInt, parseDuration, printJson, printLine, toSafeJson, waitReporter, writeOut } from '../output.js';

function describeVerify(r: VerifyResult): string[] {
  const lines = [`${r.root}: ${r.entries.length} numbered ${r.entries.length === 1 ? 'entry' : 'entries'}, highest ${r.highest}`];
  if (r.duplicates.length === 0) lines.push('  duplicates: none');
  else {
    lines.push(`  duplicates: ${r.duplicates.length} ${r.duplicates.length === 1 ? 'number' : 'numbers'} used more than once`);
    for (const d of r.duplicates) lines.push(`    ${d.number}: ${d.entries.join(', ')}`);
  }
  lines.push(`  gaps: ${r.gaps.length === 0 ? 'none' : r.gaps.map((g) => (g.from === g.to ? String(g.from) : `${g.from}-${g.to}`)).join(', ')}`);
  if (!r.leftoverLock) lines.push(`  lock: free (${r.lock.name})`);
  else {
    const l = r.leftoverLock;
    lines.push(`  lock: ${l.state.toUpperCase()} (${l.name}, token ${l.token}${l.pid ? `, pid ${l.pid}` : ''}${l.since ? ` since ${l.since}` : ''}${l.reason ? `: ${l.reason}` : ''})`);
  }
  lines.push(r.ok ? 'ok' : 'FAILED');
  return lines;
}

export function registerAllocate(program: Command): void {
  program
    .command('allocate')
    .argument('<root>', 'directory that holds the numbered entries (created if missing)')
    .argument('[name]', 'topic name, sanitized to [a-z0-9_]')
    .option('--width <digits>', 'minimum digits of the number; larger numbers widen', String(DEFAULT_WIDTH))
    .option('--timeout <seconds>', "give up once the queue for the root's lock has not moved for this many seconds (exit 3)", '60')
    .option('--verify', 'check ROOT instead: no duplicate numbers, no leftover lock; list gaps (exit 1 when a check fails)')
    .option('--json', 'machine-readable output (allocation prints the same one-line JSON either way)')
    .option('--backend <backend>', BACKEND_HELP)
    .description('create ROOT/<next number>_<name> atomically and print {"topic_number","topic_path"}')
    .action(async (root: string, name: string | undefined, o: { width: string; timeout: string; verify?: boolean; json?: boolean; backend?: string }, cmd: Command) => {
      const { cwd } = globals(cmd);
      if (o.verify) {
        if (name !== undefined) throw new LockstepError('BAD_INPUT', '--verify takes only ROOT, not a name', { hint: 'lockstep allocate --verify ROOT' });
        const r = verifyAllocations({ root, cwd });
        if (o.json) printJson(r);
        else for (const l of describeVerify(r)) printLine(l);
        if (!r.ok) process.exitCode = 1;
        return;
      }
      if (name === undefined) throw new LockstepError('BAD_INPUT', 'missing topic name', { hint: 'lockstep allocate ROOT NAME, e.g. lockstep allocate specs "auth flow"' });
      const width = parsePositiveInt(o.width, '--width', { min: 1, max: MAX_WIDTH });
      const timeoutMs = parseDuration(o.timeout, '--timeout');
      const backend = selectBackend({ cwd, flag: o.backend });
      const a =
        backend.kind === 'remote'
          ? await (await import('../../remote/alloc.js')).allocateRemote({ root, name, cwd, width, timeoutMs, remote: backend.remote })
          : await allocate({ root, name, cwd, width, timeoutMs, onWait: waitReporter() });
      // One line, the field names of the shell function this replaces, so its callers keep working.
      writeOut(1, toSafeJson({ topic_number: a.topicNumber, topic_path: a.topicPath }, 0) + '\n');
    });
}
