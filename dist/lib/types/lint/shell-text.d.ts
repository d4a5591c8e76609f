/**
 * Just enough shell lexing for the linter: turns physical lines into logical
 * lines of code with their real line numbers — comments removed (quote-aware),
 * backslash continuations and multi-line quotes joined, heredoc bodies
 * skipped (they are data, not commands) — and reads
 * `# lockstep-lint: ignore[rule,…]` markers.
 */
export interface PhysicalLine {
    /** 1-based line number in the file. */
    line: number;
    text: string;
}
export interface CodeLine {
    /** Line number of the first physical line. */
    line: number;
    /** The code with comments removed; continuation lines joined. */
    code: string;
    /** `code` with literal quoted text blanked out (same length), for finding commands and operators. */
    masked: string;
    /** Rules suppressed on this line: 'all', a set of rule ids, or null. */
    suppress: 'all' | Set<string> | null;
}
export declare function toCodeLines(lines: PhysicalLine[]): CodeLine[];
/**
 * Splits a command line into words from `start` up to the first unquoted
 * command separator (`;`, `&`, `|`, `)`, newline). Quotes are removed;
 * `$(…)` and backtick substitutions stay inside their word.
 */
export declare function wordsFrom(code: string, start: number): {
    words: string[];
    end: number;
};
/** Index of the `)` that closes the `(` at `open` (quote-aware, nested). */
export declare function skipParens(code: string, open: number): number;
/**
 * Positions where `name` stands as a command word: at the start, or after a
 * separator, `$(`, a backtick, `!`, `{`, or a keyword such as `then`/`do`.
 */
export declare function commandPositions(code: string, name: string): number[];
/**
 * Blanks the literal text inside quotes (keeping the quote characters and
 * any `$(…)`/backtick substitution inside double quotes, which is code), so
 * `echo "then git add -A"` is not mistaken for a command. Same length as
 * `code`, so positions carry over.
 */
export declare function maskLiterals(code: string): string;
