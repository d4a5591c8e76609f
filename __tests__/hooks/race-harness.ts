/**
 * The shared-file race of agents in one worktree, with the tools users run:
 * husky 9, lint-staged 16 (prettier --check) and commitlint 20
 * (config-conventional) in the hooks, lockstep's lines appended by
 * `lockstep init` as it is. N tasks × R rounds; each round writes its own
 * file, its own line of TODO.md and its own key of state.json, then commits
 * (see __tests__/workers/shared-race-worker.sh). The checker reads the
 * history and the worktree and counts what must be zero.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTask } from '../../src/tasks/tasks.js';
import { CLI, ROOT, git, tempRepo } from '../helpers.js';
import { cleanEnv, gitRun, installHusky, lockstep } from '../tasks/fixtures.js';

export type RaceMode = 'add-all' | 'add-own' | 'edit' | 'commit-edit';

export interface RaceReport {
  tasks: number;
  rounds: number;
  commits: number;
  /** Commits holding another task's file. */
  foreignFiles: number;
  /** TODO.md lines added in another task's commit. */
  foreignTodoLines: number;
  /** state.json keys changed in another task's commit. */
  foreignStateKeys: number;
  /** Rounds whose file, line and key are all in commits of their own task. */
  ownRounds: number;
  /** Rounds whose change is neither in their own commits nor in the worktree at the end. */
  lost: number;
  /** Rounds a worker gave up on after 2 minutes of retries. */
  gaveUp: number;
  /** Attempts (git add + git commit, or lockstep commit) over all rounds. */
  attempts: number;
  ms: number;
}

export function raceRepo(n: number): { repo: string; base: string; tasks: string[] } {
  const repo = tempRepo();
  const tasks = Array.from({ length: n }, (_, i) => `t${i + 1}`);
  // The tools come from this package's node_modules, as `npm install` would put them in the project.
  symlinkSync(join(ROOT, 'node_modules'), join(repo, 'node_modules'));
  writeFileSync(join(repo, '.gitignore'), 'node_modules\n');
  writeFileSync(join(repo, 'package.json'), `${JSON.stringify({ name: 'race', private: true, 'lint-staged': { '*.{md,json}': 'prettier --check' } }, null, 2)}\n`);
  writeFileSync(join(repo, 'commitlint.config.mjs'), "export default { extends: ['@commitlint/config-conventional'] };\n");
  writeFileSync(join(repo, 'TODO.md'), '# TODO\n\n- t0 seed\n');
  writeFileSync(join(repo, 'state.json'), '{}\n');
  installHusky(repo);
  writeFileSync(join(repo, '.husky', 'pre-commit'), 'npx lint-staged\n');
  writeFileSync(join(repo, '.husky', 'commit-msg'), 'npx --no -- commitlint --edit "$1"\n');
  git(repo, 'add', '-A');
  const c = gitRun(repo, ['commit', '-q', '-m', 'chore: base']);
  if (c.code !== 0) throw new Error(`base commit failed: ${c.stderr}`);
  for (const t of tasks) {
    mkdirSync(join(repo, 'specs', t), { recursive: true });
    startTask({ cwd: repo, id: t, scope: [`specs/${t}/**`], shared: ['TODO.md', 'state.json'] });
  }
  const init = lockstep(['init'], repo);
  if (init.code !== 0) throw new Error(`lockstep init failed: ${init.stderr}`);
  // The lines init appended to .husky/ are committed, as a project would.
  git(repo, 'add', '.husky');
  const h = gitRun(repo, ['commit', '-q', '-m', 'chore: lockstep hooks']);
  if (h.code !== 0) throw new Error(`committing the hooks failed: ${h.stderr}`);
  return { repo, base: git(repo, 'rev-parse', 'HEAD'), tasks };
}

export async function runRace(opts: { repo: string; tasks: string[]; mode: RaceMode; rounds: number; skip?: boolean }): Promise<{ lines: string[]; ms: number }> {
  const go = join(opts.repo, '.git', 'go');
  const env = { ...process.env } as NodeJS.ProcessEnv;
  for (const [k, v] of Object.entries(cleanEnv(opts.skip ? { LOCKSTEP_SKIP: '1' } : {}))) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const started = Date.now();
  const runs = opts.tasks.map(
    (t) =>
      new Promise<string>((resolve, reject) => {
        const args = [join(ROOT, '__tests__', 'workers', 'shared-race-worker.sh'), opts.mode, opts.repo, t, String(opts.rounds), go, process.execPath, CLI, join(ROOT, '__tests__', 'workers', 'state-key.mjs')];
        const child = spawn('sh', args, { env });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`worker ${t} exited ${code}: ${err}`))));
      }),
  );
  await new Promise((r) => setTimeout(r, 100));
  writeFileSync(go, '');
  const lines = (await Promise.all(runs)).flatMap((o, i) => o.trim().split('\n').map((l) => `${opts.tasks[i]} ${l}`));
  return { lines, ms: Date.now() - started };
}

type Json = Record<string, Record<string, string>>;

function parseState(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return {};
  }
}

/** Reads the history the race made and the worktree it left. */
export function checkRace(repo: string, base: string, tasks: string[], rounds: number, run: { lines: string[]; ms: number }): RaceReport {
  const commits = gitRun(repo, ['rev-list', '--reverse', `${base}..HEAD`]).stdout.split('\n').filter(Boolean);
  const r: RaceReport = { tasks: tasks.length, rounds: tasks.length * rounds, commits: commits.length, foreignFiles: 0, foreignTodoLines: 0, foreignStateKeys: 0, ownRounds: 0, lost: 0, gaveUp: 0, attempts: 0, ms: run.ms };
  const owned = new Set<string>(); // "t1 3 file" / "t1 3 line" / "t1 3 key": in a commit of t1
  for (const c of commits) {
    const subject = gitRun(repo, ['log', '-1', '--format=%s', c]).stdout.trim();
    const task = /^chore\((t\d+)\): round \d+$/.exec(subject)?.[1];
    if (!task) continue;
    const files = gitRun(repo, ['diff-tree', '-r', '--no-commit-id', '--name-only', '--no-renames', c]).stdout.split('\n').filter(Boolean);
    for (const f of files) {
      const m = /^specs\/(t\d+)\/(\d+)\.txt$/.exec(f);
      if (!m) continue;
      if (m[1] !== task) r.foreignFiles++;
      else owned.add(`${task} ${m[2]} file`);
    }
    const added = gitRun(repo, ['diff', '--unified=0', '--no-color', `${c}^`, c, '--', 'TODO.md']).stdout.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++'));
    for (const l of added) {
      const m = /^\+- (t\d+) round (\d+)$/.exec(l);
      if (!m || m[1] !== task) r.foreignTodoLines++;
      else owned.add(`${task} ${m[2]} line`);
    }
    const before = parseState(gitRun(repo, ['show', `${c}^:state.json`]).stdout);
    const after = parseState(gitRun(repo, ['show', `${c}:state.json`]).stdout);
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (JSON.stringify(before[k]) === JSON.stringify(after[k])) continue;
      if (k !== task) r.foreignStateKeys++;
      else for (const sub of Object.keys(after[k] ?? {})) if (!before[k]?.[sub]) owned.add(`${task} ${sub.slice(1)} key`);
    }
  }
  const todo = readFileSync(join(repo, 'TODO.md'), 'utf8').split('\n');
  const state = parseState(readFileSync(join(repo, 'state.json'), 'utf8'));
  for (const t of tasks) {
    for (let i = 1; i <= rounds; i++) {
      const parts = ['file', 'line', 'key'].map((p) => owned.has(`${t} ${i} ${p}`));
      if (parts.every(Boolean)) r.ownRounds++;
      let inTree = true;
      try {
        inTree = readFileSync(join(repo, 'specs', t, `${i}.txt`), 'utf8') === `${t} ${i}\n`;
      } catch {
        inTree = false;
      }
      inTree = inTree && todo.includes(`- ${t} round ${i}`) && state[t]?.[`r${i}`] === 'done';
      if (!parts.every(Boolean) && !inTree) r.lost++;
    }
  }
  for (const l of run.lines) {
    const m = /^t\d+ \d+ (ok|gave-up) (\d+)$/.exec(l);
    if (m?.[1] === 'gave-up') r.gaveUp++;
    r.attempts += Number(m?.[2] ?? 0);
  }
  return r;
}
