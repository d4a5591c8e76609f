/**
 * `lockstep validate`: checks a range of commits by their trailers alone
 * (no runtime state needed, so it runs the same in CI as on a laptop):
 *
 * - `outside_scope`: a task's commit changed a file outside its
 *   Lockstep-Scope (and its Lockstep-Shared globs);
 * - `other_task_scope`: a commit changed a file inside the scope of another
 *   task that has commits in the same range (a task-less commit too);
 * - `fence_order`: a commit that still sits where the lock made it (its
 *   Lockstep-Parent is its parent) has an ancestor with a higher fence of
 *   the same counter: that ancestor existed when the commit was made, so its
 *   token had been issued, so the commit's lock had already been taken over.
 *   A rebased, cherry-picked or squashed commit has another parent and
 *   proves nothing about the lock: it is not judged (nor are commits made
 *   before the Lockstep-Parent trailer existed);
 * - `other_task_line`: a task's commit of a shared file (its Lockstep-Shared
 *   globs) adds or removes lines that belong to another task of the range by
 *   the file's attribution rule (attribution.ts): a line naming the other
 *   task, its section, its JSON key. Lines no rule gives to a task are not
 *   judged here (the hooks judged them at commit time, with the edits
 *   recorded then), nor are files under the `whole` rule;
 * - `bad_trailer`: lockstep trailers that cannot be read;
 * - `no_trailers`: a commit (not a merge) without lockstep trailers where
 *   lockstep is in use (the range, or history before it, has lockstep
 *   commits): made with the hooks skipped (`--no-verify`), without a task,
 *   or by a revert or a tool. A warning unless the configuration's
 *   `untrailedCommits` is "error"; such a commit is not judged by other
 *   tasks' scopes (a revert of a task's commit touches its files by design),
 *   but the warning names the tasks whose files it changes.
 *
 * One `git log` reads every commit, its parents, trailers and files (NUL
 * separated), so a thousand commits cost one process, not a thousand.
 */
import { LockstepError } from '../core/errors.js';
import { createGit } from '../git/git.js';
import { classifyPaths, compileScope, showPath, type ScopeOwner } from './scope.js';
import { splitShared, type AttributionRule, type OtherLine } from './attribution.js';
import { readBlobs } from '../git/blobs.js';
import { ruleFor } from './staged-split.js';
import { TASK_ID } from './tasks.js';
import { DEFAULT_CONFIG, loadConfig, type LockstepConfig } from '../config/config.js';
import { decodeGlobs, decodeGlobValues, parseFence, TRAILER_FENCE, TRAILER_PARENT, TRAILER_SCOPE, TRAILER_SHARED, TRAILER_TASK, type Fence } from './trailers.js';
import { randomHex } from '../core/names.js';
import { quoteInput } from '../core/outside-text.js';

export type ViolationRule = 'outside_scope' | 'other_task_scope' | 'other_task_line' | 'fence_order' | 'bad_trailer' | 'no_trailers';

export interface Violation {
  commit: string;
  /** The file concerned, relative to the top level; '' for a commit-level finding (fence, trailer). */
  file: string;
  /** The 1-based line of `file` in the commit's version where the finding starts, when one is known (the first changed line, the first foreign line). */
  line?: number;
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
  /** Findings that do not fail validation (`no_trailers`, unless configured as an error); always set by validateCommitRange. */
  warnings?: Violation[];
}

export interface CommitRecord {
  commit: string;
  parents: string[];
  task: string | null;
  scope: string[] | null;
  shared: string[];
  fence: Fence | null;
  /** The commit's first parent when it was made (Lockstep-Parent; '' for `none`), null without the trailer. */
  madeOn: string | null;
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

/** Every value of a trailer, in order. */
function allValues(v: string): string[] {
  return v.split(SEP).map((x) => x.trim()).filter((x) => x !== '');
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
    const [commit = '', parents = '', task = '', scope = '', shared = '', fence = '', parent = ''] = tokens.slice(i + 1, i + 8);
    i += 8;
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
    const raw = { task: lastValue(task), scope: allValues(scope).join(''), shared: allValues(shared).join(''), fence: lastValue(fence) };
    const madeOn = lastValue(parent);
    records.push({
      commit,
      parents: parents.split(' ').filter(Boolean),
      task: raw.task || null,
      scope: raw.scope ? decodeGlobValues(allValues(scope)) : null,
      shared: raw.shared ? (decodeGlobValues(allValues(shared)) ?? []) : [],
      fence: raw.fence ? parseFence(raw.fence) : null,
      madeOn: madeOn === '' ? null : madeOn === 'none' ? '' : madeOn,
      raw,
      files,
    });
  }
  return records;
}

/** Checks parsed commits (newest first, as git log prints them). Pure: the tests feed it records directly. */
export function checkRecords(records: readonly CommitRecord[], opts: { lockstepInUse?: boolean; untrailed?: 'warning' | 'error' } = {}): { violations: Violation[]; warnings: Violation[]; tasks: string[] } {
  const violations: Violation[] = [];
  const warnings: Violation[] = [];
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
      if (r.raw.shared && r.shared.length === 0 && !decodeGlobs(r.raw.shared)) bad.push(`${TRAILER_SHARED} is not a JSON list of globs`);
      for (const b of bad) violations.push({ commit: r.commit, file: '', rule: 'bad_trailer', task: r.task, message: `commit ${short}: ${b}` });
      if (r.scope) task = { id: r.task, scope: r.scope, shared: r.shared };
    }
    if (r.parents.length > 1) continue; // a merge brings in commits that are checked on their own
    if (r.task && !task) continue; // unreadable scope: reported above
    const c = classifyPaths({ task, others: owners, paths: r.files });
    if (!r.task) {
      if (!(opts.lockstepInUse ?? owners.length > 0)) continue;
      const touched = [...new Set(c.otherTask.map((o) => o.task))];
      (opts.untrailed === 'error' ? violations : warnings).push({
        commit: r.commit,
        file: '',
        rule: 'no_trailers',
        task: null,
        message: `commit ${short} has no lockstep trailers (made with the hooks skipped, e.g. --no-verify, without a task, or by a revert or another tool)${touched.length ? `; it changes files of task${touched.length > 1 ? 's' : ''} ${touched.join(', ')}: ${c.otherTask.slice(0, 3).map((o) => showPath(o.path)).join(', ')}${c.otherTask.length > 3 ? ' …' : ''}` : ''}`,
      });
      continue;
    }
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

  violations.push(...fenceViolations(records));
  return { violations, warnings, tasks: [...scopes.keys()].sort() };
}

type FenceMax = Map<string, { token: number; commit: string }>;

/**
 * `fence_order`, judged only for commits still where the lock made them (see
 * the top of this file). `records` must list children before parents
 * (`git log --topo-order`); ancestors outside the range are not looked at.
 */
function fenceViolations(records: readonly CommitRecord[]): Violation[] {
  const out: Violation[] = [];
  const byId = new Map(records.map((r) => [r.commit, r]));
  /** Per commit: the highest fence per counter among its ancestors in the range. */
  const above = new Map<string, FenceMax>();
  for (let n = records.length - 1; n >= 0; n--) {
    const r = records[n]!;
    const max: FenceMax = new Map();
    for (const p of r.parents) {
      const pr = byId.get(p);
      if (!pr) continue;
      for (const [k, v] of above.get(p) ?? []) if (!max.has(k) || max.get(k)!.token < v.token) max.set(k, v);
      if (pr.fence) {
        const k = pr.fence.counter ?? '';
        if (!max.has(k) || max.get(k)!.token < pr.fence.token) max.set(k, { token: pr.fence.token, commit: pr.commit });
      }
    }
    above.set(r.commit, max);
    const inPlace = r.madeOn !== null && r.madeOn === (r.parents[0] ?? '');
    if (!r.fence || !inPlace) continue;
    const prev = max.get(r.fence.counter ?? '');
    if (prev && prev.token > r.fence.token) {
      out.push({
        commit: r.commit,
        file: '',
        rule: 'fence_order',
        task: r.task,
        message: `commit ${r.commit.slice(0, 12)} has fence ${r.fence.token}, but its ancestor ${prev.commit.slice(0, 12)}, which existed when it was made, has fence ${prev.token}: it was made under a lock that had already been taken over`,
      });
    }
  }
  return out;
}

async function defaultRange(git: ReturnType<typeof createGit>): Promise<string[] | null> {
  const up = await git.run(['rev-parse', '--verify', '-q', '@{upstream}'], { readOnly: true });
  if (up.code === 0) return ['@{upstream}..HEAD'];
  const head = await git.run(['rev-parse', '--verify', '-q', 'HEAD^{commit}'], { readOnly: true });
  if (head.code !== 0) return null;
  return ['-n', '1', 'HEAD'];
}

/** Validates the commits of `range` (default: upstream..HEAD, or the last commit). */
export async function validateCommitRange(opts: { cwd: string; range?: string; untrailed?: 'warning' | 'error' }): Promise<ValidationResult> {
  const git = createGit(opts.cwd);
  const repo = git.repoPaths(); // NOT_A_REPO outside a repository
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
  if (!rangeArgs) return { range: label, commitsChecked: 0, tasks: [], violations: [], warnings: [] };
  const nonce = randomHex(8);
  const trailer = (key: string) => `%(trailers:key=${key},valueonly,unfold,separator=%x1f)`;
  const format = `%x1e${nonce}%x00%H%x00%P%x00${trailer(TRAILER_TASK)}%x00${trailer(TRAILER_SCOPE)}%x00${trailer(TRAILER_SHARED)}%x00${trailer(TRAILER_FENCE)}%x00${trailer(TRAILER_PARENT)}`;
  const limit = rangeArgs[0] === '-n' ? rangeArgs.slice(0, 2) : [];
  const revs = rangeArgs[0] === '-n' ? rangeArgs.slice(2) : rangeArgs;
  const r = await git.run(['log', '--topo-order', `--format=${format}`, '--name-only', '-z', '--no-renames', '--no-ext-diff', ...limit, '--end-of-options', ...revs, '--'], { readOnly: true });
  if (r.code !== 0) {
    throw new LockstepError('BAD_INPUT', `range ${quoteInput(label)} does not name commits in this repository: ${r.stderr.trim().split('\n')[0]}`, {
      hint: 'list commits with git log --oneline; a range looks like origin/main..HEAD',
    });
  }
  const records = parseLog(r.stdout, nonce);
  const config = repo.topLevel ? loadConfig({ topLevel: repo.topLevel }) : DEFAULT_CONFIG;
  const untrailed = opts.untrailed ?? config.untrailedCommits;
  const { violations, warnings, tasks } = checkRecords(records, { lockstepInUse: await lockstepInUse(git, records), untrailed });
  violations.push(...(await sharedLineViolations(git, records, config, tasks)));
  await addFirstLines(git, violations);
  return { range: label, commitsChecked: records.length, tasks, violations, warnings };
}

/** `other_task_line` (see the top of this file): one finding per commit, shared file and other task, at that task's first line. */
async function sharedLineViolations(git: ReturnType<typeof createGit>, records: readonly CommitRecord[], config: Pick<LockstepConfig, 'attribution'>, ids: readonly string[]): Promise<Violation[]> {
  const judged: { r: CommitRecord & { task: string }; file: string; rule: AttributionRule }[] = [];
  for (const r of records) {
    if (r.parents.length > 1 || !r.task || !r.scope || r.shared.length === 0) continue;
    const isShared = compileScope(r.shared);
    for (const file of r.files) {
      const rule = isShared(file) ? ruleFor(file, config) : 'whole';
      if (rule !== 'whole') judged.push({ r: r as CommitRecord & { task: string }, file, rule });
    }
  }
  if (judged.length === 0) return [];
  // Both versions of every judged file, through one git process.
  const specs = judged.flatMap(({ r, file }) => [r.parents[0] ? `${r.parents[0]}:${file}` : '', `${r.commit}:${file}`]);
  const blobs = await readBlobs(git, specs.filter((s) => s !== ''));
  const at = new Map(specs.filter((s) => s !== '').map((s, i) => [s, blobs[i] ?? null]));
  const out: Violation[] = [];
  for (const [k, { r, file, rule }] of judged.entries()) {
    const after = at.get(specs[2 * k + 1]!) ?? null;
    if (after === null) continue; // deleted: the file is gone for every task alike
    const split = splitShared({ rule, base: at.get(specs[2 * k]!) ?? '', staged: after, committer: r.task, ids });
    const first = new Map<string, OtherLine>();
    for (const o of split.otherLines) if (!first.has(o.task)) first.set(o.task, o);
    for (const [other, o] of first) {
      const n = split.otherTasks.get(other) ?? 1;
      const where = o.side === 'removed' ? `line ${o.line} of the parent's version` : o.line > 0 ? `line ${o.line}` : 'a JSON member';
      out.push({
        commit: r.commit,
        file,
        ...(o.side !== 'removed' && o.line > 0 ? { line: o.line } : {}),
        rule: 'other_task_line',
        task: r.task,
        message: `commit ${r.commit.slice(0, 12)} (task ${r.task}) changes ${n} line${n === 1 ? '' : 's'} of the shared file ${showPath(file)} that belong to task ${other} (first at ${where})`,
      });
    }
  }
  return out;
}

/** The most file findings given a line by a diff of their own: a range with more is reported, just without lines past these. */
const LINE_LOOKUPS = 200;

/** Gives file findings without a line the first line their commit changed in that file (`git show -U0`, against the first parent). */
async function addFirstLines(git: ReturnType<typeof createGit>, violations: Violation[]): Promise<void> {
  for (const v of violations.filter((x) => x.file && x.line === undefined).slice(0, LINE_LOOKUPS)) {
    const r = await git.run(['show', '-U0', '--format=', '--no-ext-diff', '--no-renames', '--no-color', v.commit, '--', `:(literal)${v.file}`], { readOnly: true });
    const hunk = r.code === 0 ? /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/m.exec(r.stdout) : null;
    // A hunk that only removes lines names the line before them (0 at the top); a deleted file has no hunk with a line.
    if (hunk && !(hunk[1] === '0' && hunk[2] === '0')) v.line = Math.max(1, Number(hunk[1]));
  }
}

/**
 * Whether lockstep is used where these commits are: one of them has
 * lockstep trailers, or a commit before them does (the newest such is
 * found by one `git log --grep`, which stops at the first match).
 */
async function lockstepInUse(git: ReturnType<typeof createGit>, records: readonly CommitRecord[]): Promise<boolean> {
  if (records.length === 0) return false;
  if (records.some((r) => r.task)) return true;
  const r = await git.run(['log', '-1', '--format=%H', '-E', `--grep=^${TRAILER_TASK}: `, '--end-of-options', ...records.map((x) => x.commit), '--'], { readOnly: true });
  return r.code === 0 && r.stdout.trim() !== '';
}
