/**
 * What a step found, as plain data: `main.ts` turns it into outputs,
 * annotations, the job summary and the step's status. Keeping it data lets
 * the logic be tested without the runner.
 */
import { escapeControl } from '../core/outside-text.js';
import { cell, code, mdText } from '../core/markdown-text.js';
import type { FailOn } from './settings.js';

/** How outside text goes into the summary (see src/core/markdown-text.ts). */
export { cell, code, mdText };

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  /** Short text shown as the annotation's heading. */
  title: string;
  message: string;
  /** Path relative to the repository root, so GitHub puts the annotation on the file. */
  file?: string;
  /** 1-based line of `file` the annotation starts at, when one is known. */
  line?: number;
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

/** Markdown lockstep wrote itself (a code span, bold), put in a table cell as it is. */
export interface Markdown {
  md: string;
}

export function asMarkdown(text: string): Markdown {
  return { md: text };
}

/**
 * A markdown table. Plain values are outside text, escaped by cell; a
 * Markdown value is kept, with only its `|` escaped (GitHub splits cells on
 * `|` even inside a code span, and shows `\|` there as `|`).
 */
export function table(columns: string[], rows: (Markdown | string | number | null)[][]): string {
  const one = (v: Markdown | string | number | null) => (v !== null && typeof v === 'object' ? v.md.replace(/\|/g, '\\|') : cell(v));
  return [`| ${columns.join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(one).join(' | ')} |`)].join('\n');
}

/**
 * An annotation as the runner is told it: the runner's log and the
 * annotation view draw escape sequences, so control characters in the title
 * and message are escaped (line breaks too: one annotation, one line).
 */
export function safeAnnotation(a: Annotation): Annotation {
  return { ...a, title: escapeControl(a.title), message: escapeControl(a.message) };
}
