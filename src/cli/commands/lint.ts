import type { Command } from 'commander';
import { LockstepError } from '../../core/errors.js';
import { formatFinding, lintPaths } from '../../lint/lint.js';
import type { RuleId } from '../../lint/rule.js';
import { RULES } from '../../lint/rules/index.js';
import { globals } from '../context.js';
import { printErr, printJson, printLine, printText } from '../output.js';
import { quoteInput } from '../../core/outside-text.js';

export function registerLint(program: Command): void {
  program
    .command('lint')
    .argument('[paths...]', 'shell scripts, markdown command files, or directories to walk (default: .)')
    .option('--rule <id>', 'only this rule (repeat for more)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--list-rules', 'print the rules and exit')
    .option('--json', 'machine-readable output')
    .description('find concurrency anti-patterns in agent command files and shell scripts (exit 1 when any is found)')
    .action((paths: string[], o: { rule?: string[]; listRules?: boolean; json?: boolean }, cmd: Command) => {
      if (o.listRules) {
        if (o.json) printJson(RULES.map((r) => ({ id: r.id, summary: r.summary, fix: r.fix })));
        else for (const r of RULES) printText(1, `${r.id}: ${r.summary}\n  fix: ${r.fix}`);
        return;
      }
      const known = new Set<string>(RULES.map((r) => r.id));
      for (const r of o.rule ?? []) {
        if (!known.has(r)) throw new LockstepError('BAD_INPUT', `unknown rule ${quoteInput(r)}`, { hint: `rules: ${[...known].join(', ')} (lockstep lint --list-rules)` });
      }
      const { cwd } = globals(cmd);
      const r = lintPaths({ cwd, paths, rules: o.rule?.length ? (o.rule as RuleId[]) : undefined });
      if (o.json) printJson(r);
      else {
        for (const f of r.findings) printLine(formatFinding(f));
        printErr(`lockstep lint: ${r.findings.length} ${r.findings.length === 1 ? 'finding' : 'findings'} in ${r.filesScanned} ${r.filesScanned === 1 ? 'file' : 'files'}`);
      }
      if (!r.ok) process.exitCode = 1;
    });
}
