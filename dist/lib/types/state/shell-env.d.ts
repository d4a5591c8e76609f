export declare const SHELL_NAME: RegExp;
export declare function isReservedKey(key: string): boolean;
export declare function validateKey(key: string): string;
/** `it's` → `'it'\''s'`: one single-quoted shell word whatever the text holds. */
export declare function shellQuote(value: string): string;
/**
 * What `state env` exports, by rule rather than by a list of dangerous names
 * (such a list always misses one: GIT_SSH_COMMAND, PAGER, NODE_PATH,
 * LOCKSTEP_SKIP…): every key under EXPORT_PREFIX, a namespace no shell, tool
 * or lockstep itself reads, plus the keys the caller names. The caller is the
 * script that evals the lines; whoever wrote the state (any process in the
 * repository) cannot widen the set.
 */
export declare const EXPORT_PREFIX = "WORKFLOW_";
/** A key a caller names for export: a state key, and never one of lockstep's own switches. */
export declare function validateExportKey(key: string): string;
export interface ExportPlan {
    /** Sorted: every key under EXPORT_PREFIX and every named key the values hold. */
    exported: string[];
    /** Sorted: the other keys, which the caller should report (they are kept in the state, only not exported). */
    notExported: string[];
}
/** Splits the keys of `values` by the export rule; `named` are the keys the caller asks for besides the prefix. */
export declare function planExport(values: Record<string, string>, named?: readonly string[]): ExportPlan;
/** `export KEY='value'` lines for the keys `planExport` exports, keys sorted, for `eval "$(lockstep state env ID)"`. */
export declare function exportLines(values: Record<string, string>, named?: readonly string[]): string[];
