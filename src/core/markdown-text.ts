import { escapeControl } from './outside-text.js';

/**
 * Outside text in markdown. A job summary is markdown, and GitHub renders
 * the HTML in it too. File names, task ids, branch names and violation
 * messages come from whoever pushed: `lib/<img src=x onerror=alert(1)>.py` must show as that name, not
 * as an image, and `__init__` must not turn bold. So every piece of outside
 * text goes through mdText (inline text) or cell (a table cell), or into a
 * code span through code; only lockstep's own markup is written raw. Used
 * by the action's summary and by the suites' markdown report.
 */

/** The characters markdown gives a meaning inline (GitHub's `$` starts math), each escaped with a backslash. */
const MD_SPECIAL = /[\\`*_[\]#|~$!]/g;
const HTML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Outside text as inline markdown that shows literally: no markup, no HTML, line breaks flattened, control characters escaped. */
export function mdText(value: string): string {
  return escapeControl(value.replace(/\r\n|\r|\n/g, ' '))
    .replace(/[&<>]/g, (c) => HTML_SPECIAL[c]!)
    .replace(MD_SPECIAL, (c) => `\\${c}`);
}

/** A markdown table cell of outside text (or a number): as mdText, whose escaped `|` cannot split the row. */
export function cell(value: unknown): string {
  return mdText(String(value ?? ''));
}

/**
 * Outside text as an inline code span, which shows everything in it
 * literally (HTML too): fenced with more backticks than it holds in a row,
 * line breaks flattened, control characters escaped.
 */
export function code(value: string): string {
  const text = escapeControl(value.replace(/\r\n|\r|\n/g, ' '));
  const fence = '`'.repeat(longestRun(text) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** The longest run of backticks in `text`: a fence (of a code span or block) must be longer. */
export function longestRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}
