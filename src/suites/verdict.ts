/** The closing lines of a side-by-side suite run, as `lockstep suite contention` prints them. */
import type { SuiteReport } from './report.js';
import { VIOLATION_MEANING, type ViolationKind } from './violations.js';

/** What the side-by-side runs proved, in a sentence, and each violation kind seen in one line. */
export function verdictLines(rep: SuiteReport): string[] {
  const sum = (pick: (c: SuiteReport['comparison'][number]) => number) => rep.comparison.reduce((n, c) => n + pick(c), 0);
  const prevented = sum((c) => c.control.violations);
  const leaked = sum((c) => c.protected.violations);
  const silent = rep.comparison.filter((c) => c.control.violations === 0).map((c) => c.suite);
  const lines: string[] = [];
  if (leaked > 0) lines.push(`lockstep did NOT prevent everything: its protected runs had ${leaked} violation(s) (below), against ${prevented} without it.`);
  else lines.push(`lockstep prevented all ${prevented} violations that the same workload produced without it.`);
  if (silent.length) lines.push(`The control run of ${silent.join(', ')} found no violation: too small a run to show the race (raise --procs or --iterations).`);
  const kinds = new Set<ViolationKind>();
  for (const c of rep.comparison) for (const [k, n] of [...Object.entries(c.control.byKind), ...Object.entries(c.protected.byKind)]) if (n > 0) kinds.add(k as ViolationKind);
  const w = Math.max(0, ...[...kinds].map((k) => k.length));
  for (const k of [...kinds].sort()) lines.push(`  ${k.padEnd(w)}  ${VIOLATION_MEANING[k] ?? ''}`);
  if (kinds.size) lines.push('(each kind is explained in docs/suites.md)');
  return lines;
}
