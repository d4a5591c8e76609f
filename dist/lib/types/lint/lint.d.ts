import type { RuleId } from './rule.js';
export interface Finding {
    /** As given or relative to cwd. */
    file: string;
    line: number;
    rule: RuleId;
    message: string;
    fix: string;
}
export interface LintResult {
    ok: boolean;
    filesScanned: number;
    findings: Finding[];
}
export interface LintOptions {
    /** Files and directories (default: cwd). */
    paths?: string[];
    cwd?: string;
    /** Only these rules (default: all). */
    rules?: RuleId[];
}
/** Lints the shell code of one file's blocks (exported for tests on strings). */
export declare function lintText(blocks: {
    line: number;
    text: string;
}[][], rules?: readonly import("./rule.js").Rule[]): {
    line: number;
    rule: RuleId;
    message: string;
    fix: string;
}[];
export declare function lintPaths(opts?: LintOptions): LintResult;
/** `file:line rule-id message — fix: …` */
export declare function formatFinding(f: Finding): string;
