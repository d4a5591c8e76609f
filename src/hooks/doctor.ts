/**
 * `lockstep doctor`: proves, in each worktree of the repository, that a
 * commit there goes through lockstep's hooks with the lock taken first, and
 * warns about set-ups that lose work when several agents share a worktree —
 * each with the fix.
 *
 * The proof is a dry run: git runs the worktree's pre-commit as for a commit
 * (`git hook run pre-commit`), against a temporary index holding HEAD (so
 * nothing is staged) and with PROBE_ENV set, so lockstep's part records that
 * it fired and then ends the hook (src/hooks/probe.ts). It is only run when
 * the hook file says lockstep comes first: nothing of the repository's own
 * steps is ever run by doctor.
 */
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { LockstepError } from '../core/errors.js';
import { openRuntime } from '../core/runtime.js';
import { createGit } from '../git/git.js';
import { LINE_MARKER } from './install-record.js';
import { huskyLine, managerOf, missingForSteps, SHIM_MARKER } from './install.js';
import { PROBE_ENV } from './probe.js';

export type FindingLevel = 'problem' | 'warning';

export interface Finding {
  level: FindingLevel;
  /** The worktree it concerns, or null for the whole repository. */
  worktree: string | null;
  what: string;
  fix: string;
}

export interface WorktreeReport {
  path: string;
  /** The pre-commit file git runs there. */
  hook: string;
  /** The dry run reached lockstep's lock phase (and, where lockstep's shim is the hook, its check phase). */
  fired: boolean;
  /** Why the dry run was not made, when it was not. */
  skipped: string | null;
}

export interface DoctorResult {
  worktrees: WorktreeReport[];
  findings: Finding[];
  /** No problem found (warnings do not count). */
  ok: boolean;
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Steps of a hook file: its lines that run something (no blank lines, comments, shebang). */
function steps(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#') && !/^\.\s.*husky\.sh"?$/.test(l));
}

/** How lockstep sits in the pre-commit git runs in `wt`: null when lockstep comes first and checks last, else what is wrong. */
function orderProblem(hookFile: string, huskyDir: string | null): string | null {
  const text = readOrEmpty(hookFile);
  if (!text) return `there is no pre-commit hook at ${hookFile}`;
  if (!executable(hookFile)) return `${hookFile} is not executable: git skips it`;
  if (text.split('\n', 3).some((l) => l.startsWith(SHIM_MARKER))) return null;
  if (!huskyDir) return `${hookFile} is not lockstep's${managerOf(text) ? ` (${managerOf(text)} wrote it after lockstep init)` : ''}: commits are not locked`;
  const s = steps(readOrEmpty(join(huskyDir, 'pre-commit')));
  if (!s.some((l) => l.endsWith(LINE_MARKER))) return `${join(huskyDir, 'pre-commit')} has no lockstep line: commits are not locked`;
  if (s[0] !== huskyLine('pre-commit-lock')) return `lockstep's lock is not the first step of ${join(huskyDir, 'pre-commit')}: the steps before it (lint-staged's stash and re-stage, formatters) run outside the commit lock`;
  if (s[s.length - 1] !== huskyLine('pre-commit-check')) return `lockstep's check is not the last step of ${join(huskyDir, 'pre-commit')}: what the steps after it stage is not checked`;
  return null;
}

/** Runs the worktree's pre-commit as git would, in dry-run mode; the phases that fired. */
function probe(wt: string): string[] {
  const tmp = mkdtempSync(join(tmpdir(), 'lockstep-doctor-'));
  try {
    const marks = join(tmp, 'probe');
    const env = { GIT_INDEX_FILE: join(tmp, 'index'), [PROBE_ENV]: marks, LOCKSTEP_SKIP: undefined, HUSKY: undefined };
    const git = createGit(wt);
    const head = git.runSync(['rev-parse', '-q', '--verify', 'HEAD^{tree}'], { readOnly: true });
    git.runSync(['read-tree', ...(head.code === 0 ? [head.stdout.trim()] : ['--empty'])], { env });
    git.runSync(['hook', 'run', '--ignore-missing', 'pre-commit'], { env });
    return readOrEmpty(marks).split('\n').filter(Boolean).map((l) => l.split(' ')[0]!);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function lintStagedFindings(texts: string[], top: string): Finding[] {
  const pkg = readOrEmpty(join(top, 'package.json'));
  const uses = texts.some((t) => /lint-staged/.test(t));
  if (!uses) return [];
  const hides = texts.some((t) => /lint-staged(?![^\n]*--no-hide-partially-staged)/.test(t)) && !/--no-hide-partially-staged/.test(pkg);
  if (!hides) return [];
  return [
    {
      level: 'warning',
      worktree: null,
      what: "lint-staged hides the unstaged changes of partly staged files while it runs (it writes the staged version into the file and restores the rest afterwards): an agent editing the same file in this worktree meanwhile loses its edit — the commit lock stops other commits, not edits",
      fix: 'give each agent its own worktree (git worktree add; lockstep protects it too), or run lint-staged --no-hide-partially-staged (it then formats and stages whole files)',
    },
  ];
}

export function runDoctor(opts: { cwd: string; probe?: boolean }): DoctorResult {
  const rt = openRuntime({ cwd: opts.cwd });
  const top = rt.repo?.topLevel;
  if (!top) throw new LockstepError('ENVIRONMENT', `${opts.cwd} has no worktree: lockstep doctor checks the hooks of a checkout`);
  const git = createGit(top);
  const list = git.runSync(['worktree', 'list', '--porcelain'], { readOnly: true });
  const tops = list.stdout.split('\n').filter((l) => l.startsWith('worktree ')).map((l) => l.slice('worktree '.length)).filter((p) => existsSync(p));
  const findings: Finding[] = [];
  const worktrees: WorktreeReport[] = [];
  const hookTexts: string[] = [];
  for (const wt of tops.length ? tops : [top]) {
    const g = createGit(wt);
    const hooksDir = g.runSync(['rev-parse', '--path-format=absolute', '--git-path', 'hooks'], { readOnly: true }).stdout.trim();
    const hooksPath = g.runSync(['config', 'core.hooksPath'], { readOnly: true }).stdout.trim();
    const husky = /(^|\/)\.husky\/_\/?$/.test(hooksPath) ? dirname(isAbsolute(hooksPath) ? hooksPath : resolve(wt, hooksPath.replace(/\/+$/, ''))) : null;
    const hook = join(hooksDir, 'pre-commit');
    hookTexts.push(readOrEmpty(hook), readOrEmpty(`${hook}.lockstep-chained`), husky ? readOrEmpty(join(husky, 'pre-commit')) : '');
    let problem = husky && !existsSync(join(hooksDir, 'h')) ? `husky's runner ${hooksDir} is missing: git runs no hooks in this worktree` : orderProblem(hook, husky);
    const report: WorktreeReport = { path: wt, hook, fired: false, skipped: null };
    if (problem) report.skipped = problem;
    else if (opts.probe !== false) {
      const fired = probe(wt);
      const shim = readOrEmpty(hook).includes(SHIM_MARKER);
      report.fired = fired[0] === 'lock' && (!shim || fired.includes('check'));
      if (!report.fired) problem = `a dry run of the pre-commit hook did not reach lockstep (${fired.length ? `got: ${fired.join(', ')}` : 'it never ran'})`;
    }
    if (problem) findings.push({ level: 'problem', worktree: wt, what: problem, fix: husky ? `lockstep init (in ${wt})` : 'lockstep init' });
    if (husky) {
      const missing = missingForSteps(husky, wt);
      if (missing) findings.push({ level: 'problem', worktree: wt, what: missing, fix: `cd ${wt} && npm install` });
    }
    worktrees.push(report);
  }
  findings.push(...lintStagedFindings(hookTexts, top));
  return { worktrees, findings, ok: findings.every((f) => f.level !== 'problem') };
}
