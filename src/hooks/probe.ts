/**
 * The dry run `lockstep doctor` makes of a worktree's pre-commit: git runs
 * the hook as for a commit (`git hook run pre-commit`), with PROBE_ENV naming
 * a file. Lockstep's phases then only append `lock <dir>` / `check <dir>`
 * to it and do nothing else, and lockstep's shim or husky line stops the
 * hook right after its lock phase, so none of the repository's own steps run.
 * The sh hooks do the same without node (hooks/lib.sh).
 */
import { appendFileSync } from 'node:fs';

export const PROBE_ENV = 'LOCKSTEP_DOCTOR_PROBE';

/** Records `phase` when this is a dry run; false (do the real work) when it is not. */
export function recordProbe(env: NodeJS.ProcessEnv, phase: 'lock' | 'check', cwd = process.cwd()): boolean {
  const file = env[PROBE_ENV];
  if (!file) return false;
  appendFileSync(file, `${phase} ${cwd}\n`);
  return true;
}
