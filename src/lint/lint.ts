/**
 * `lockstep lint`: finds the known concurrency anti-patterns in agent command
 * files (markdown with bash blocks) and shell scripts. Heuristic by nature —
 * it reads shell text, it does not run it — so every finding names its rule,
 * and a line can opt out with `# lockstep-lint: ignore[rule-id]` (on the line
 * or the line above).
 */
import { relative, resolve, isAbsolute } from 'node:path';
import type { RuleId } from './rule.js';
import { RULES } from './rules/index.js';
import { toCodeLines, type CodeLine } from './shell-text.js';
import { collectSources, readSource } from './sources.js';

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

function suppressed(l: CodeLine | undefined, rule: RuleId): boolean {
  if (!l?.suppress) return false;
  return l.suppress === 'all' || l.suppress.has(rule);
}

function display(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** Lints the shell code of one file's blocks (exported for tests on strings). */
export function lintText(blocks: { line: number; text: string }[][], rules = RULES): { line: number; rule: RuleId; message: string; fix: string }[] {
  // Each block is lexed on its own (a heredoc or quote never spans blocks); the
  // rules then see all blocks of the file together (a state file written in
  // block 1 is read back in block 3).
  const lines = blocks.flatMap((b) => toCodeLines(b));
  const byLine = new Map(lines.map((l) => [l.line, l]));
  const out: { line: number; rule: RuleId; message: string; fix: string }[] = [];
  for (const rule of rules) {
    for (const hit of rule.check(lines)) {
      if (suppressed(byLine.get(hit.line), rule.id)) continue;
      out.push({ line: hit.line, rule: rule.id, message: hit.message, fix: rule.fix });
    }
  }
  return out.sort((a, b) => a.line - b.line || RULES.findIndex((r) => r.id === a.rule) - RULES.findIndex((r) => r.id === b.rule));
}

export function lintPaths(opts: LintOptions = {}): LintResult {
  const cwd = opts.cwd ?? process.cwd();
  const paths = (opts.paths?.length ? opts.paths : ['.']).map((p) => resolve(cwd, p));
  const rules = opts.rules ? RULES.filter((r) => opts.rules!.includes(r.id)) : RULES;
  const files = collectSources(paths);
  const findings: Finding[] = [];
  for (const f of files) {
    const shown = display(f.path, cwd);
    for (const h of lintText(readSource(f), rules)) findings.push({ file: shown, ...h });
  }
  return { ok: findings.length === 0, filesScanned: files.length, findings };
}

/** `file:line rule-id message — fix: …` */
export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line} ${f.rule} ${f.message} — fix: ${f.fix}`;
}
