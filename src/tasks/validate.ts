/**
 * `lockstep validate`: checks a range of commits by their trailers alone
 * (no runtime state needed, so it runs the same in CI as on a laptop):
 *
 * - `outside_scope`: a task's commit changed a file outside its
 *   Lockstep-Scope (and its Lockstep-Shared globs);
 * - `other_task_scope`: a commit changed a file inside the scope of another
 *   task that has commits in the same range (a task-less commit too);
 * - `fence_order`: along first-parent history the fences (lock tokens of
 *   one counter) go down: a commit made under a lock that had already been
 *   taken over landed after its successor's;
 * - `bad_trailer`: lockstep trailers that cannot be read.
 *
 * One `git log` reads every commit, its parents, trailers and files (NUL
 * separated), so a thousand commits cost one process, not a thousand.
 */
import { LockstepError } from '../core/errors.js';
import { createGit } from '../git/git.js';
import { classifyPaths, showPath, type ScopeOwner } from './scope.js';
import { TASK_ID } from './tasks.js';
import { decodeGlobs, parseFence, TRAILER_FENCE, TRAILER_SCOPE, TRAILER_SHARED, TRAILER_TASK, type Fence } from './trailers.js';
import { randomHex } from '../core/names.js';
import { quoteInput } from '../core/outside-text.js';

export type ViolationRule = 'outside_scope' | 'other_task_scope' | 'fence_order' | 'bad_trailer';

export interface Violation {
  commit: string;
  /** The file concerned, relative to the top level; '' for a commit-level finding (fence, trailer). */
  file: string;
  rule: ViolationRule;
  message: string;
  /** The task the commit declares (null: none). */
  task: string | null;
}

export interface ValidationResult {
  range: string;
  commitsChecked: number;
  /** Tasks with commits in the range. */
  tasks: string[];
  violations: Violation[];
}

export interface CommitRecord {
  commit: string;
  parents: string[];
  task: string | null;
  scope: string[] | null;
  shared: string[];
  fence: Fence | null;
  /** Raw trailer values, for messages about damaged ones. */
  raw: { task: string; scope: string; shared: string; fence: string };
  files: string[];
}

const SEP = '\x1f';

/** The last value of a trailer (a commit amended by hand may carry two). */
function lastValue(v: string): string {
  const parts = v.split(SEP).filter((x) => x.trim() !== '');
  return (parts[parts.length - 1] ?? '').trim();
}

/** Parses `git log -z --name-only` output whose records start with `\x1e<nonce>`. */
export function parseLog(out: string, nonce: string): CommitRecord[] {
  const header = `\x1e${nonce}`;
  const tokens = out.split('\0');
  const records: CommitRecord[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (tokens[i] !== header) {
      i++;
      continue;
    }
    const [commit = '', parents = '', task = '', scope = '', shared = '', fence = ''] = tokens.slice(i + 1, i + 7);
    i += 7;
    const files: string[] = [];
    let first = true;
    while (i < tokens.length && tokens[i] !== header) {
      let name = tokens[i]!;
      // git puts a newline between the formatted header and the first file name.
      if (first && name.startsWith('\n')) name = name.slice(1);
      first = false;
      if (name !== '') files.push(name);
      i++;
    }
    const raw = { task: lastValue(task), scope: lastValue(scope), shared: lastValue(shared), fence: lastValue(fence) };
    records.push({
      commit,
      parents: parents.split(' ').filter(Boolean),
      task: raw.task || null,
      scope: raw.scope ? decodeGlobs(raw.scope) : null,
      shared: raw.shared ? (decodeGlobs(raw.shared) ?? []) : [],
      fence: raw.fence ? parseFence(raw.fence) : null,
      raw,
      files,
    });
  }
  return records;
}

/** Checks parsed commits (newest first, as git log prints them). Pure: the tests feed it records directly. */
export function checkRecords(records: readonly CommitRecord[]): { violations: Violation[]; tasks: string[] } {
  const violations: Violation[] = [];
  const scopes = new Map<string, Set<string>>();
  for (const r of records) {
    if (!r.task || !TASK_ID.test(r.task) || !r.scope) continue;
    const s = scopes.get(r.task) ?? new Set<string>();
    for (const g of r.scope) s.add(g);
    scopes.set(r.task, s);
  }
  const owners: ScopeOwner[] = [...scopes].map(([id, s]) => ({ id, scope: [...s], shared: [] }));

  for (const r of records) {
    const short = r.commit.slice(0, 12);
    let task: ScopeOwner | null = null;
    if (r.task) {
      const bad: string[] = [];
      if (!TASK_ID.test(r.task) || r.task === '.' || r.task === '..') bad.push(`${TRAILER_TASK} ${JSON.stringify(r.raw.task)} is not a task id`);
      if (!r.scope) bad.push(r.raw.scope ? `${TRAILER_SCOPE} is not a JSON list of globs` : `no ${TRAILER_SCOPE} trailer`);
      if (!r.fence) bad.push(r.raw.fence ? `${TRAILER_FENCE} ${JSON.stringify(r.raw.fence)} is not a fence` : `no ${TRAILER_FENCE} trailer`);
      if (r.raw.shared && !decodeGlobs(r.raw.shared)) bad.push(`${TRAILER_SHARED} is not a JSON list of globs`);
      for (const b of bad) violations.push({ commit: r.commit, file: '', rule: 'bad_trailer', task: r.task, message: `commit ${short}: ${b}` });
      if (r.scope) task = { id: r.task, scope: r.scope, shared: r.shared };
    }
    if (r.parents.length > 1) continue; // a merge brings in commits that are checked on their own
    if (r.task && !task) continue; // unreadable scope: reported above
    const c = classifyPaths({ task, others: owners, paths: r.files });
    for (const o of c.otherTask) {
      violations.push({
        commit: r.commit,
        file: o.path,
        rule: 'other_task_scope',
        task: r.task,
        message: `commit ${short}${r.task ? ` (task ${r.task})` : ' (no task)'} changes ${showPath(o.path)}, which is inside the scope of task ${o.task}`,
      });
    }
    if (task) {
      for (const p of c.outside) {
        violations.push({ commit: r.commit, file: p, rule: 'outside_scope', task: r.task, message: `commit ${short} (task ${r.task}) changes ${showPath(p)}, outside its scope ${task.scope.join(' ')}` });
      }
    }
  }

  // Fences along first-parent history, oldest first, per counter.
  const byId = new Map(records.map((r) => [r.commit, r]));
  const isParent = new Set(records.flatMap((r) => r.parents.slice(0, 1)));
  const tips = records.filter((r) => !isParent.has(r.commit));
  const seen = new Set<string>();
  for (const tip of tips) {
    const chain: CommitRecord[] = [];
    for (let c: CommitRecord | undefined = tip; c; c = c.parents[0] ? byId.get(c.parents[0]) : undefined) chain.push(c);
    chain.reverse();
    const last = new Map<string, { token: number; commit: string }>();
    for (const c of chain) {
      if (!c.fence) continue;
      const key = c.fence.counter ?? '';
      const prev = last.get(key);
      if (prev && c.fence.token < prev.token && !seen.has(c.commit)) {
        seen.add(c.commit);
        violations.push({
          commit: c.commit,
          file: '',
          rule: 'fence_order',
          task: c.task,
          message: `commit ${c.commit.slice(0, 12)} has fence ${c.fence.token} but follows commit ${prev.commit.slice(0, 12)} with fence ${prev.token}: it was made under a lock that had already been taken over (or history was rewritten)`,
        });
      }
      if (!prev || c.fence.token >= prev.token) last.set(key, { token: c.fence.token, commit: c.commit });
    }
  }
  return { violations, tasks: [...scopes.keys()].sort() };
}

async function defaultRange(git: ReturnType<typeof createGit>): Promise<string[] | null> {
  const up = await git.run(['rev-parse', '--verify', '-q', '@{upstream}'], { readOnly: true });
  if (up.code === 0) return ['@{upstream}..HEAD'];
  const head = await git.run(['rev-parse', '--verify', '-q', 'HEAD^{commit}'], { readOnly: true });
  if (head.code !== 0) return null;
  return ['-n', '1', 'HEAD'];
}

/** Validates the commits of `range` (default: upstream..HEAD, or the last commit). */
export async function validateCommitRange(opts: { cwd: string; range?: string }): Promise<ValidationResult> {
  const git = createGit(opts.cwd);
  git.repoPaths(); // NOT_A_REPO outside a repository
  let rangeArgs: string[] | null;
  let label: string;
  if (opts.range !== undefined) {
    const range = opts.range.trim();
    if (range === '' || range.startsWith('-') || /[\0\n]/.test(range)) {
      throw new LockstepError('BAD_INPUT', `invalid range ${quoteInput(opts.range)}: give revisions such as main..HEAD or a1b2c3^!`);
    }
    rangeArgs = [range];
    label = range;
  } else {
    rangeArgs = await defaultRange(git);
    label = rangeArgs ? (rangeArgs.length === 1 ? rangeArgs[0]! : 'HEAD (the last commit)') : '(no commits)';
  }
  if (!rangeArgs) return { range: label, commitsChecked: 0, tasks: [], violations: [] };
  const nonce = randomHex(8);
  const trailer = (key: string) => `%(trailers:key=${key},valueonly,unfold,separator=%x1f)`;
  const format = `%x1e${nonce}%x00%H%x00%P%x00${trailer(TRAILER_TASK)}%x00${trailer(TRAILER_SCOPE)}%x00${trailer(TRAILER_SHARED)}%x00${trailer(TRAILER_FENCE)}`;
  const limit = rangeArgs[0] === '-n' ? rangeArgs.slice(0, 2) : [];
  const revs = rangeArgs[0] === '-n' ? rangeArgs.slice(2) : rangeArgs;
  const r = await git.run(['log', `--format=${format}`, '--name-only', '-z', '--no-renames', '--no-ext-diff', ...limit, '--end-of-options', ...revs, '--'], { readOnly: true });
  if (r.code !== 0) {
    throw new LockstepError('BAD_INPUT', `range ${quoteInput(label)} does not name commits in this repository: ${r.stderr.trim().split('\n')[0]}`, {
      hint: 'list commits with git log --oneline; a range looks like origin/main..HEAD',
    });
  }
  const records = parseLog(r.stdout, nonce);
  const { violations, tasks } = checkRecords(records);
  return { range: label, commitsChecked: records.length, tasks, violations };
}
