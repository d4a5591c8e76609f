/**
 * A line diff (Myers' O(ND) algorithm) for splitting a staged shared file
 * into the committing task's changes and the rest. It runs in the pre-commit
 * hook, so it avoids a git process: a 5,000-line TODO.md with a few dozen
 * changed lines takes about a millisecond (bench/hooks.bench.ts).
 */
/** Lines of `text`, each with its own line end, so `lines.join('')` gives `text` back exactly. */
export declare function splitLines(text: string): string[];
/** Lines `aStart..aEnd` of the old version replaced by lines `bStart..bEnd` of the new one (ends exclusive). */
export interface Hunk {
    aStart: number;
    aEnd: number;
    bStart: number;
    bEnd: number;
}
/** The hunks that turn `a` into `b`, in order. */
export declare function diffLines(a: readonly string[], b: readonly string[]): Hunk[];
