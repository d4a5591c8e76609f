/**
 * A validation result as the step's outputs, one error annotation per
 * violation (on the offending file) and a job-summary table.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { asMarkdown, code, mdText, table, type Annotation, type StepOutcome } from './outcome.js';
import type { ValidationResult, Violation } from '../tasks/validate.js';
import type { ResolvedRange } from './range.js';

/** GitHub shows only the first annotations of a step; the summary lists violations up to this many rows. */
export const SUMMARY_ROWS = 500;

/** Violation paths are relative to the repository's top level; annotations want them relative to the workspace. */
export function filePrefix(workspace: string, topLevel: string): string {
  const rel = relative(workspace, topLevel);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return '';
  return rel.split(sep).join('/') + '/';
}

export function violationAnnotation(v: Violation, prefix: string): Annotation {
  return {
    level: 'error',
    title: `lockstep ${v.rule}${v.task ? ` (task ${v.task})` : ''}`,
    // The annotation sits on a file, not a commit: name the commit unless the message already does.
    message: v.message.includes(v.commit.slice(0, 10)) ? v.message : `${v.message} — commit ${v.commit.slice(0, 12)}`,
    ...(v.file ? { file: prefix + v.file } : {}),
    ...(v.file && v.line ? { line: v.line } : {}),
  };
}

/** What each rule's finding is called in a headline; a rule not listed is named by its id. */
const FINDING: Record<string, string> = {
  outside_scope: 'scope violation',
  other_task_scope: 'scope violation',
  other_task_line: 'shared-file violation',
  fence_order: 'out-of-order fence',
  bad_trailer: 'unreadable trailer',
  no_trailers: 'commit without lockstep trailers',
};

/** "2 scope violation(s) and 1 out-of-order fence(s)": each kind of finding by its own name. */
export function describeFindings(violations: readonly Violation[]): string {
  const counts = new Map<string, number>();
  for (const v of violations) {
    const noun = FINDING[v.rule] ?? `${String(v.rule).replace(/_/g, ' ')} finding`;
    counts.set(noun, (counts.get(noun) ?? 0) + 1);
  }
  const parts = [...counts].map(([noun, n]) => `${n} ${noun}(s)`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0] ?? 'no findings';
}

export function renderValidation(result: ValidationResult | null, resolved: ResolvedRange, prefix: string): StepOutcome {
  const violations = result?.violations ?? [];
  const checked = result?.commitsChecked ?? 0;
  const range = result?.range ?? resolved.range;
  const headline =
    violations.length === 0
      ? `${checked} commit(s) checked, no scope violations`
      : `${describeFindings(violations)} in ${new Set(violations.map((v) => v.commit)).size} of ${checked} commit(s) checked`;
  const md = ['## lockstep validate', ''];
  md.push(range ? `Range ${code(range)} — ${mdText(resolved.source)}.` : `${mdText(resolved.source)}.`, '');
  md.push(violations.length === 0 ? `**${checked} commit(s) checked: every commit stays inside its task's scope.**` : `**${headline}.**`, '');
  if (violations.length > 0) {
    const rows = violations.slice(0, SUMMARY_ROWS).map((v) => [asMarkdown(code(v.commit.slice(0, 12))), v.task ?? '—', v.file ? `${prefix}${v.file}${v.line ? `:${v.line}` : ''}` : '—', asMarkdown(code(v.rule)), v.message]);
    md.push(table(['commit', 'task', 'file', 'rule', 'what happened'], rows), '');
    if (violations.length > SUMMARY_ROWS) md.push(`… and ${violations.length - SUMMARY_ROWS} more (run ${code(`lockstep validate ${range} --json`)} for all).`, '');
  }
  return {
    outputs: { violations: String(violations.length), 'commits-checked': String(checked) },
    annotations: violations.map((v) => violationAnnotation(v, prefix)),
    summary: md.join('\n'),
    errors: violations.length,
    warnings: 0,
    headline,
  };
}
