/**
 * What a step found, as plain data: `main.ts` turns it into outputs,
 * annotations, the job summary and the step's status. Keeping it data lets
 * the logic be tested without the runner.
 */
import type { FailOn } from './settings.js';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  /** Short text shown as the annotation's heading. */
  title: string;
  message: string;
  /** Path relative to the repository root, so GitHub puts the annotation on the file. */
  file?: string;
}

export interface StepOutcome {
  /** Values for the step's outputs (see action.yml); every output of the mode is set, even when zero. */
  outputs: Record<string, string>;
  annotations: Annotation[];
  /** Markdown appended to the job summary. */
  summary: string;
  /** Findings that fail the step under `fail-on: error` (and `warning`). */
  errors: number;
  /** Findings that fail the step only under `fail-on: warning`. */
  warnings: number;
  /** The sentence that says what was found, used as the failure message. */
  headline: string;
}

/** The failure message for the step, or null when `fail-on` lets it pass. */
export function failureFor(outcome: StepOutcome, failOn: FailOn): string | null {
  if (failOn === 'never') return null;
  if (outcome.errors > 0) return outcome.headline;
  if (failOn === 'warning' && outcome.warnings > 0) return `${outcome.headline} (failing on warnings: fail-on is "warning")`;
  return null;
}

/** A markdown table cell: pipes escaped, line breaks flattened. */
export function cell(value: unknown): string {
  return String(value ?? '').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');
}

/** Inline code in markdown that survives backticks in the text. */
export function code(value: string): string {
  const fence = value.includes('`') ? '``' : '`';
  return `${fence}${value.includes('`') ? ` ${value} ` : value}${fence}`;
}

export function table(columns: string[], rows: unknown[][]): string {
  return [`| ${columns.join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}
