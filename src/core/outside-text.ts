/**
 * Outside text made safe to show. Names, paths, lock records, git output and
 * error input come from whoever wrote them; printed raw, an escape sequence
 * in one can repaint the terminal and a newline can forge a line of output
 * ("holder: pid 1 on trusted-host"). Everything lockstep prints for people
 * goes through `escapeControl`; every error that echoes input quotes it with
 * `quoteInput`, which also cuts it to a readable length.
 */

/**
 * What is escaped: C0 controls (except tab) and DEL, C1 controls (U+0080–U+009F:
 * U+009B is a one-character CSI on some terminals), the line and paragraph
 * separators, and the bidirectional overrides and isolates, which reorder
 * what the reader sees.
 */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_BUT_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\u001b': '\\e' };

function escapeOne(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`);
}

/**
 * `text` with every control character written as a visible escape (`\e`,
 * `\n`, `\r`, `\x07`, `\u{202e}`). With `keepNewlines`, newlines stay: for
 * text whose lines lockstep itself laid out and whose outside parts were
 * escaped already.
 */
export function escapeControl(text: string, { keepNewlines = false } = {}): string {
  return text.replace(keepNewlines ? CONTROL_BUT_NEWLINE : CONTROL, escapeOne);
}

/** How much of an echoed value an error shows, in characters. */
export const QUOTE_MAX_CHARS = 160;

/**
 * A value from outside, for an error message: in double quotes, control
 * characters escaped, and cut to `max` characters with its full size added
 * (`"aaaa…" (102400 bytes)`), so a 100 kB bad value gives a one-line error.
 * Non-strings are shown as JSON (`undefined` as such).
 */
export function quoteInput(value: unknown, max = QUOTE_MAX_CHARS): string {
  const text = typeof value === 'string' ? value : value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
  const chars = Array.from(text); // by code point: never half a surrogate pair
  const cut = chars.length > max;
  const shown = cut ? chars.slice(0, max).join('') : text;
  const quoted = typeof value === 'string' ? JSON.stringify(shown) : shown;
  return `${escapeControl(quoted)}${cut ? `… (${Buffer.byteLength(text)} bytes)` : ''}`;
}
