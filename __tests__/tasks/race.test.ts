/**
 * The race from the design's table, with real processes: 4 tasks × 12 rounds,
 * each round appending its own line to a shared TODO.md and writing its own
 * file. Through `lockstep commit --edit` nothing goes wrong; the same run
 * with plain `git add && git commit` shows the violations (so the checker can
 * see them); with only the hooks, every cross-task staging is blocked or
 * reported.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTask } from '../../src/tasks/tasks.js';
import { validateCommitRange } from '../../src/tasks/validate.js';
import { CLI, ROOT, cleanupTemp, git, tempRepo, until } from '../helpers.js';
import { cleanEnv, gitRun, lockstep } from './fixtures.js';

afterAll(cleanupTemp);

const TASKS = ['t1', 't2', 't3', 't4'];

interface Report {
  rounds: number;
  commits: number;
  /** Commits holding another task's file. */
  foreignFileCommits: number;
  /** TODO.md lines that landed in another task's commit. */
  foreignTodoLines: number;
  indexLockFailures: number;
  /** Rounds whose file and TODO.md line are not both in that round's own commit. */
  missedRounds: number;
  /** Commits the pre-commit hook blocked for cross-task staging. */
  blocked: number;
  /** Commits that hold another task's file, by id. */
  foreignCommits: string[];
}

function setup(): { repo: string; base: string } {
  const repo = tempRepo();
  writeFileSync(join(repo, 'TODO.md'), '# TODO\n');
  for (const t of TASKS) {
    mkdirSync(join(repo, 'specs', t), { recursive: true });
    startTask({ cwd: repo, id: t, scope: [`specs/${t}/**`], shared: ['TODO.md'] });
  }
  git(repo, 'add', 'TODO.md');
  git(repo, 'commit', '-q', '-m', 'base');
  return { repo, base: git(repo, 'rev-parse', 'HEAD') };
}

async function race(repo: string, mode: 'protected' | 'plain' | 'hooks', rounds: number): Promise<string[]> {
  const go = join(repo, '.git', 'go');
  const env = { ...process.env, ...cleanEnv() } as NodeJS.ProcessEnv;
  for (const [k, v] of Object.entries(cleanEnv())) if (v === undefined) delete env[k];
  const runs = TASKS.map(
    (t) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn('sh', [join(ROOT, '__tests__', 'workers', 'commit-worker.sh'), mode, repo, t, String(rounds), go, process.execPath, CLI], { env });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`worker ${t} exited ${code}: ${err}`))));
      }),
  );
  // All four start together, however long each takes to get going.
  await until(() => TASKS.every((t) => existsSync(`${go}.${t}.ready`)), 120_000, 'every task to start');
  writeFileSync(go, '');
  return (await Promise.all(runs)).flatMap((o) => o.trim().split('\n').map((l) => l));
}

/** Reads the history the race made and counts what the design's table counts. */
function check(repo: string, base: string, rounds: number, lines: string[]): Report {
  const nonce = 'x7q';
  const raw = gitRun(repo, ['log', `--format=%x1e${nonce}%x00%H%x00%s`, '--name-only', '-z', '--no-renames', `${base}..HEAD`]).stdout;
  const commits = new Map<string, { subject: string; files: string[]; todo: string[] }>();
  for (const rec of raw.split(`\x1e${nonce}\0`).slice(1)) {
    const [hash, subject, ...rest] = rec.split('\0');
    commits.set(hash!, { subject: subject!, files: rest.map((f) => f.replace(/^\n/, '')).filter(Boolean), todo: [] });
  }
  const patch = gitRun(repo, ['log', `--format=%x1e${nonce}%H`, '-p', '--unified=0', '--no-renames', '--no-color', `${base}..HEAD`, '--', 'TODO.md']).stdout;
  for (const rec of patch.split(`\x1e${nonce}`).slice(1)) {
    const hash = rec.slice(0, rec.indexOf('\n'));
    const c = commits.get(hash);
    if (c) c.todo = rec.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')).map((l) => l.slice(1));
  }
  const report: Report = { rounds: TASKS.length * rounds, commits: commits.size, foreignFileCommits: 0, foreignTodoLines: 0, indexLockFailures: 0, missedRounds: 0, blocked: 0, foreignCommits: [] };
  const own = new Map<string, { files: string[]; todo: string[] }>();
  for (const [hash, c] of commits) {
    const m = /^(t\d) round (\d+)$/.exec(c.subject);
    if (!m) continue;
    const task = m[1]!;
    own.set(`${task} ${m[2]}`, c);
    if (c.files.some((f) => f.startsWith('specs/') && !f.startsWith(`specs/${task}/`))) {
      report.foreignFileCommits++;
      report.foreignCommits.push(hash);
    }
    report.foreignTodoLines += c.todo.filter((l) => !l.startsWith(`${task} `)).length;
  }
  for (const t of TASKS) {
    for (let r = 1; r <= rounds; r++) {
      const c = own.get(`${t} ${r}`);
      if (!c || !c.files.includes(`specs/${t}/${r}.txt`) || !c.todo.includes(`${t} ${r}`)) report.missedRounds++;
    }
  }
  for (const l of lines) {
    if (/ fail indexlock| fail blocked-then-indexlock/.test(l)) report.indexLockFailures++;
    if (/ retried-ok| fail blocked/.test(l)) report.blocked++;
  }
  return report;
}

describe('the commit race (4 tasks, real processes)', () => {
  test('through lockstep commit --edit, 4 × 12 rounds: no commit with another task\'s file, no foreign TODO.md line, no index.lock failure, every round in its own commit', async () => {
    const { repo, base } = setup();
    const lines = await race(repo, 'protected', 12);
    const r = check(repo, base, 12, lines);
    expect(lines.filter((l) => !l.endsWith(' ok'))).toEqual([]);
    expect(r).toMatchObject({ rounds: 48, commits: 48, foreignFileCommits: 0, foreignTodoLines: 0, indexLockFailures: 0, missedRounds: 0 });
    const v = await validateCommitRange({ cwd: repo, range: `${base}..HEAD` });
    expect(v.commitsChecked).toBe(48);
    expect(v.violations).toEqual([]);
    expect(git(repo, 'show', 'HEAD:TODO.md').split('\n').filter(Boolean)).toHaveLength(49);
  });

  test('the control: the same run with plain git add && git commit shows the violations', async () => {
    const { repo, base } = setup();
    const lines = await race(repo, 'plain', 12);
    const r = check(repo, base, 12, lines);
    const total = r.foreignFileCommits + r.foreignTodoLines + r.indexLockFailures + r.missedRounds;
    expect(total).toBeGreaterThan(0);
    expect(r.missedRounds).toBeGreaterThan(0);
    process.stderr.write(`control (plain git): ${JSON.stringify({ ...r, foreignCommits: r.foreignCommits.length })}\n`);
  });

  test('hooks only (git add && git commit with LOCKSTEP_TASK): no commit holds another task\'s file or TODO.md line', async () => {
    const { repo, base } = setup();
    expect(lockstep(['init'], repo).code).toBe(0);
    const rounds = 6; // fewer rounds than the others: every hook commit starts node once
    const lines = await race(repo, 'hooks', rounds);
    const r = check(repo, base, rounds, lines);
    // The pre-commit check keeps other tasks' paths and lines out of each commit (src/tasks/staged-split.ts).
    expect(r.foreignFileCommits).toBe(0);
    expect(r.foreignTodoLines).toBe(0);
    const v = await validateCommitRange({ cwd: repo, range: `${base}..HEAD` });
    expect(v.violations).toEqual([]);
    process.stderr.write(`hooks only: ${JSON.stringify({ ...r, foreignCommits: r.foreignCommits.length })}\n`);
  });
});
