export type AttributionRule = 'lines' | 'json-keys' | 'whole';
/** Lines an edit recorded for a task (see edits.ts): texts added and removed (without line ends), per path. */
export interface RecordedLines {
    task: string;
    added: readonly string[];
    removed: readonly string[];
}
export interface Unattributable {
    /** 1-based line in the staged version (an added line) or in HEAD's (a removed one); 0 for a JSON change. */
    line: number;
    side: 'added' | 'removed' | 'json';
    /** The line's text without its line end, or the JSON path. */
    text: string;
}
/** A changed line (or JSON member) that belongs to another task than the committer. */
export interface OtherLine {
    task: string;
    /** 1-based line in the staged version (an added line, a JSON member) or in HEAD's (a removed one). */
    line: number;
    side: 'added' | 'removed' | 'json';
}
export interface SplitResult {
    /** HEAD's version with only the committer's changes. */
    own: string;
    /** True when the staged version holds changes that are not the committer's (own !== staged). */
    foreign: boolean;
    /** Changed lines (or keys) per other task. */
    otherTasks: Map<string, number>;
    /** Where each of them is, in file order (a JSON key's line is where the key is written, 0 when not found). */
    otherLines: OtherLine[];
    /** Changes no rule gives to a task: the commit is blocked naming them. */
    unattributable: Unattributable[];
}
/** Finds the leftmost task id a line names (an id where no letter or digit touches it). */
export declare function taskNamer(ids: readonly string[]): (line: string) => string | null;
/**
 * Splits a `lines`-rule file. `ids` are the active tasks' ids (the
 * committer's among them), `records` what edits recorded for this path.
 */
export declare function splitByLines(opts: {
    base: string;
    staged: string;
    committer: string;
    ids: readonly string[];
    records?: readonly RecordedLines[];
}): SplitResult;
/**
 * Splits a `json-keys`-rule file. Returns null when either version is not
 * JSON (the caller falls back to the `lines` rule).
 */
export declare function splitByJsonKeys(opts: {
    base: string;
    staged: string;
    committer: string;
    ids: readonly string[];
}): SplitResult | null;
/** Splits `staged` against `base` for `committer` by `rule`; `whole` keeps the staged version. */
export declare function splitShared(opts: {
    rule: AttributionRule;
    base: string;
    staged: string;
    committer: string;
    ids: readonly string[];
    records?: readonly RecordedLines[];
}): SplitResult;
