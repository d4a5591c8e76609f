/**
 * Turning state values into shell variables without ever running them.
 *
 * A state file that is `source`d is code: a value holding `$(…)` or a
 * backtick runs. `state env` prints `export KEY='value'` lines instead, where
 * the value sits in single quotes (inside which a POSIX shell expands
 * nothing) and each `'` becomes `'\''`. That is safe to `eval` for every
 * string a value can hold (NUL is refused at `set`: no shell variable can hold it).
 */
import { LockstepError } from '../core/errors.js';
import { quoteInput } from '../core/outside-text.js';

export const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Variables a shell or the dynamic loader acts on by themselves: exporting one
 * from workflow state would run code (BASH_ENV, PROMPT_COMMAND, LD_PRELOAD…)
 * or change what every later command means (PATH, IFS).
 */
const RESERVED = new Set([
  'PATH', 'IFS', 'ENV', 'BASH_ENV', 'PROMPT_COMMAND', 'PS0', 'PS1', 'PS2', 'PS3', 'PS4', 'SHELLOPTS', 'BASHOPTS', 'CDPATH', 'GLOBIGNORE',
  'HOME', 'SHELL', 'NODE_OPTIONS', 'PYTHONSTARTUP', 'PERL5OPT', 'RUBYOPT', 'GIT_DIR', 'GIT_WORK_TREE', 'LOCKSTEP_LOCK_TOKEN',
]);
const RESERVED_PREFIX = /^(BASH_|LD_|DYLD_|GIT_CONFIG|BASH_FUNC_)/;

export function isReservedKey(key: string): boolean {
  return RESERVED.has(key) || RESERVED_PREFIX.test(key);
}

export function validateKey(key: string): string {
  if (typeof key !== 'string' || !SHELL_NAME.test(key) || key.length > 128) {
    throw new LockstepError('BAD_INPUT', `invalid state key ${quoteInput(key)}: keys are shell variable names (A-Z, a-z, 0-9, '_', not starting with a digit, at most 128)`, {
      hint: 'e.g. lockstep state set ID PLAN_PATH=/abs/plan.md',
    });
  }
  if (isReservedKey(key)) {
    throw new LockstepError('BAD_INPUT', `state key ${key} is reserved: exporting it into a shell would change how that shell runs commands`, {
      hint: `use a name of your own, e.g. WORKFLOW_${key}`,
    });
  }
  return key;
}

/** `it's` → `'it'\''s'`: one single-quoted shell word whatever the text holds. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * What `state env` exports, by rule rather than by a list of dangerous names
 * (such a list always misses one: GIT_SSH_COMMAND, PAGER, NODE_PATH,
 * LOCKSTEP_SKIP…): every key under EXPORT_PREFIX, a namespace no shell, tool
 * or lockstep itself reads, plus the keys the caller names. The caller is the
 * script that evals the lines; whoever wrote the state (any process in the
 * repository) cannot widen the set.
 */
export const EXPORT_PREFIX = 'WORKFLOW_';

/** A key a caller names for export: a state key, and never one of lockstep's own switches. */
export function validateExportKey(key: string): string {
  validateKey(key);
  if (key.startsWith('LOCKSTEP_')) {
    throw new LockstepError('BAD_INPUT', `${key} cannot be exported from state: LOCKSTEP_ variables switch lockstep itself (off, among others)`, {
      hint: `store it under a name of your own, e.g. ${EXPORT_PREFIX}${key.slice('LOCKSTEP_'.length)}`,
    });
  }
  return key;
}

export interface ExportPlan {
  /** Sorted: every key under EXPORT_PREFIX and every named key the values hold. */
  exported: string[];
  /** Sorted: the other keys, which the caller should report (they are kept in the state, only not exported). */
  notExported: string[];
}

/** Splits the keys of `values` by the export rule; `named` are the keys the caller asks for besides the prefix. */
export function planExport(values: Record<string, string>, named: readonly string[] = []): ExportPlan {
  const asked = new Set(named.map(validateExportKey));
  const plan: ExportPlan = { exported: [], notExported: [] };
  for (const k of Object.keys(values).sort()) (k.startsWith(EXPORT_PREFIX) || asked.has(k) ? plan.exported : plan.notExported).push(k);
  return plan;
}

/** `export KEY='value'` lines for the keys `planExport` exports, keys sorted, for `eval "$(lockstep state env ID)"`. */
export function exportLines(values: Record<string, string>, named: readonly string[] = []): string[] {
  return planExport(values, named).exported.map((k) => `export ${validateKey(k)}=${shellQuote(values[k]!)}`);
}
