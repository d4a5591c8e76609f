/**
 * commit — the design's table (seed 002): T tasks × R rounds, each round
 * appends its own line to a shared TODO.md, writes its own file, and commits.
 * Protected: `lockstep commit --task T --edit '…' -- paths` (lock around
 * edit + stage + commit). Control: plain `git add` + `git commit` in the same
 * checkout with no lock, which sweeps other tasks' work into the wrong commit.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGit } from '../../git/git.js';
import { commitTask } from '../../tasks/commit.js';
import { startTask } from '../../tasks/tasks.js';
import { violation, type Violation } from '../violations.js';
import { OpFailure, type Workload, type WorkerContext } from '../workload.js';

/** Everything the workload writes lives under this directory of the repository. */
export const WORK_DIR = 'lockstep-suite';
const TODO = 'TODO.md';

export const taskId = (w: number) => `t${w}`;
const ownFile = (w: number, i: number) => `${WORK_DIR}/${taskId(w)}/r${i}.txt`;
const todoLine = (w: number, i: number) => `task ${taskId(w)} round ${i}`;
const MESSAGE = /^task (t\d+) round (\d+)$/;

function failureKind(stderr: string): 'index_lock_failure' | 'operation_failed' {
  return /index\.lock/.test(stderr) ? 'index_lock_failure' : 'operation_failed';
}

async function commitProtected(ctx: WorkerContext, i: number): Promise<Record<string, unknown>> {
  const w = ctx.worker;
  // A constant-shaped shell command built only from numbers: nothing from outside is interpolated.
  const edit = `printf '%s\\n' '${todoLine(w, i)}' >> ${TODO} && mkdir -p ${WORK_DIR}/${taskId(w)} && printf '%s\\n' 'round ${i}' > ${ownFile(w, i)}`;
  try {
    const r = await commitTask({ cwd: ctx.repo, task: taskId(w), message: todoLine(w, i), paths: [TODO, ownFile(w, i)], edit, editStdio: 'ignore', timeoutMs: 120_000 });
    return { commit: r.commit, fence: r.fence };
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    throw new OpFailure(failureKind(msg), `lockstep commit failed: ${msg.slice(0, 500)}`);
  }
}

async function commitUnprotected(ctx: WorkerContext, i: number): Promise<Record<string, unknown>> {
  const w = ctx.worker;
  appendFileSync(join(ctx.repo, TODO), todoLine(w, i) + '\n');
  mkdirSync(join(ctx.repo, WORK_DIR, taskId(w)), { recursive: true });
  writeFileSync(join(ctx.repo, ownFile(w, i)), `round ${i}\n`);
  const git = createGit(ctx.repo);
  const add = await git.run(['add', TODO, ownFile(w, i)]);
  if (add.code !== 0) throw new OpFailure(failureKind(add.stderr), `git add exited ${add.code}: ${add.stderr.trim().split('\n')[0]!.slice(0, 300)}`);
  const commit = await git.run(['commit', '-q', '-m', todoLine(w, i)]);
  // "nothing to commit": another task's commit already swept this round up — the checker counts that.
  if (commit.code !== 0 && !/nothing (added )?to commit/.test(commit.stdout + commit.stderr)) {
    throw new OpFailure(failureKind(commit.stderr), `git commit exited ${commit.code}: ${commit.stderr.trim().split('\n')[0]!.slice(0, 300)}`);
  }
  return { committed: commit.code === 0 };
}

export const commitWorkload: Workload = {
  name: 'commit',
  op: 'commit',
  summary: {
    protected: 'lockstep commit --task T --edit (append TODO.md line, write own file) -- paths',
    control: 'append TODO.md line, write own file, git add + git commit with no lock',
  },
  defaults: { procs: 4, iterations: 8 },
  maxDelayMs: 5,
  opsPerWorker: (_p, iterations) => iterations,
  totalOps: (procs, iterations) => procs * iterations,
  describe: (procs, iterations) => `${procs} tasks × ${iterations} rounds, each a TODO.md line + its own file in one commit`,

  async setup(ctx) {
    const git = createGit(ctx.repo);
    writeFileSync(join(ctx.repo, TODO), '# TODO\n');
    await git.exec(['add', TODO]);
    await git.exec(['commit', '-q', '-m', 'suite: shared TODO.md']);
    const start = (await git.exec(['rev-parse', 'HEAD'])).trim();
    if (ctx.mode === 'protected') {
      for (let w = 0; w < ctx.procs; w++) startTask({ cwd: ctx.repo, id: taskId(w), scope: [`${WORK_DIR}/${taskId(w)}/**`], shared: [TODO] });
    }
    return { start };
  },

  async run(ctx, op) {
    return { data: ctx.mode === 'protected' ? await commitProtected(ctx, op.i) : await commitUnprotected(ctx, op.i) };
  },

  async check(ctx) {
    const killed = new Set(ctx.events.filter((e) => e.ev === 'kill').map((e) => `${e.w}/${e.i}`));
    const attempted = new Set<string>();
    for (const e of ctx.events) if (e.ev === 'start' && !killed.has(`${e.w}/${e.i}`)) attempted.add(`${e.w}/${e.i}`);
    const commits = await readCommits(ctx.repo, `${ctx.params.start as string}..HEAD`);
    return checkCommits(commits, attempted, { fences: ctx.mode === 'protected', killed });
  },
};

export interface CommitFacts {
  sha: string;
  subject: string;
  files: string[];
  /** TODO.md lines this commit added. */
  todoAdded: string[];
  fence: number | null;
}

/** The commits of `range` in first-parent order, oldest first, with files and added TODO.md lines. */
export async function readCommits(repo: string, range: string): Promise<CommitFacts[]> {
  const git = createGit(repo);
  const log = await git.exec(['log', '--first-parent', '--reverse', '--no-renames', '--format=%x1e%H%x1f%s%x1f%(trailers:key=Lockstep-Fence,valueonly,separator=%x2c)%x1f', '--name-only', range], { readOnly: true });
  const commits: CommitFacts[] = [];
  const bySha = new Map<string, CommitFacts>();
  for (const rec of log.split('\x1e').slice(1)) {
    const [sha, subject, fence, rest] = rec.split('\x1f');
    const files = (rest ?? '').split('\n').map((f) => f.trim()).filter(Boolean);
    // Lockstep-Fence is "<token>" or "<token>@<counter id>".
    const fm = /^\s*(\d+)/.exec(fence ?? '');
    const c: CommitFacts = { sha: sha!, subject: subject!, files, todoAdded: [], fence: fm ? Number(fm[1]) : null };
    commits.push(c);
    bySha.set(c.sha, c);
  }
  const diff = await git.exec(['log', '--first-parent', '--no-color', '-p', '-U0', '--format=%x1e%H', range, '--', TODO], { readOnly: true });
  for (const rec of diff.split('\x1e').slice(1)) {
    const lines = rec.split('\n');
    const c = bySha.get(lines[0]!.trim());
    if (!c) continue;
    for (const l of lines.slice(1)) if (l.startsWith('+') && !l.startsWith('+++')) c.todoAdded.push(l.slice(1));
  }
  return commits;
}

/**
 * The commit invariants: every commit holds only its own task's files and
 * TODO.md lines; every attempted round (`w/i`) is in its own commit, whole;
 * fences rise along first-parent history.
 */
export function checkCommits(commits: CommitFacts[], attempted: Set<string>, opts: { fences: boolean; killed?: Set<string> }): Violation[] {
  const out: Violation[] = [];
  const own = new Map<string, CommitFacts>();
  let lastFence = -Infinity;
  for (const c of commits) {
    const m = MESSAGE.exec(c.subject);
    if (!m) continue;
    const task = m[1]!;
    own.set(`${task}/${m[2]}`, c);
    for (const f of c.files) {
      const fm = new RegExp(`^${WORK_DIR}/(t\\d+)/`).exec(f);
      if (fm && fm[1] !== task) out.push(violation('foreign_file', `commit ${c.sha.slice(0, 10)} of task ${task} holds ${f}, which belongs to task ${fm[1]}`, { commit: c.sha, task, file: f, owner: fm[1] }));
    }
    for (const line of c.todoAdded) {
      const lm = MESSAGE.exec(line);
      if (lm && lm[1] !== task) {
        // A line of a round whose worker was killed mid-operation: its edit was left in the worktree and swept up.
        const ownerKilled = opts.killed?.has(`${lm[1]!.slice(1)}/${lm[2]}`) ?? false;
        out.push(
          violation('foreign_todo_line', `commit ${c.sha.slice(0, 10)} of task ${task} adds the TODO.md line "${line}" of task ${lm[1]}${ownerKilled ? ' (that round’s worker was killed mid-operation and left its edit in the worktree)' : ''}`, {
            commit: c.sha,
            task,
            line,
            owner: lm[1],
            ownerKilled,
          }),
        );
      }
    }
    if (opts.fences) {
      if (c.fence === null) out.push(violation('fence_not_rising', `commit ${c.sha.slice(0, 10)} has no Lockstep-Fence trailer`, { commit: c.sha }));
      else if (c.fence <= lastFence) out.push(violation('fence_not_rising', `commit ${c.sha.slice(0, 10)} has fence ${c.fence}, not above the previous ${lastFence}`, { commit: c.sha, fence: c.fence, previous: lastFence }));
      if (c.fence !== null) lastFence = Math.max(lastFence, c.fence);
    }
  }
  for (const key of [...attempted].sort()) {
    const [w, i] = key.split('/').map(Number) as [number, number];
    const c = own.get(`${taskId(w)}/${i}`);
    const missing: string[] = [];
    if (!c) missing.push('its commit');
    else {
      if (!c.files.includes(ownFile(w, i))) missing.push(ownFile(w, i));
      if (!c.todoAdded.includes(todoLine(w, i))) missing.push(`TODO.md line "${todoLine(w, i)}"`);
    }
    if (missing.length) out.push(violation('missing_round', `round ${i} of task ${taskId(w)} is not whole in its own commit: missing ${missing.join(', ')}`, { task: taskId(w), round: i, commit: c?.sha ?? null, missing }));
  }
  return out;
}
