/**
 * Outside text made safe to show. Names, paths, lock records, git output and
 * error input come from whoever wrote them; printed raw, an escape sequence
 * in one can repaint the terminal and a newline can forge a line of output
 * ("holder: pid 1 on trusted-host"). Everything lockstep prints for people
 * goes through `escapeControl`; every error that echoes input quotes it with
 * `quoteInput`, which also cuts it to a readable length.
 */
/**
 * `text` with every control character written as a visible escape (`\e`,
 * `\n`, `\r`, `\x07`, `\u{202e}`). With `keepNewlines`, newlines stay: for
 * text whose lines lockstep itself laid out and whose outside parts were
 * escaped already.
 */
export declare function escapeControl(text: string, { keepNewlines }?: {
    keepNewlines?: boolean | undefined;
}): string;
/** How much of an echoed value an error shows, in characters. */
export declare const QUOTE_MAX_CHARS = 160;
/**
 * A value from outside, for an error message: in double quotes, control
 * characters escaped, and cut to `max` characters with its full size added
 * (`"aaaa…" (102400 bytes)`), so a 100 kB bad value gives a one-line error.
 * Non-strings are shown as JSON (`undefined` as such).
 */
export declare function quoteInput(value: unknown, max?: number): string;
