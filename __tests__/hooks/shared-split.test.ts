/**
 * The pre-commit check keeps another task's work out of a plain `git
 * commit` without losing it: foreign paths are unstaged, a shared file keeps
 * only the committer's lines (or JSON keys), and everything else stays in
 * the worktree. Real git, the installed hooks, the built CLI.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTask } from '../../src/tasks/tasks.js';
import { splitByJsonKeys, splitByLines, taskNamer } from '../../src/tasks/attribution.js';
import { diffLines, splitLines } from '../../src/tasks/line-diff.js';
import { cleanupTemp, git, tempRepo } from '../helpers.js';
import { commitFiles, gitRun, lockstep, read, write } from '../tasks/fixtures.js';

afterAll(cleanupTemp);

function show(repo: string, rev: string, path: string): string {
  return gitRun(repo, ['show', `${rev}:${path}`]).stdout;
}

/** The seed-002 repository: tasks 306 and 307 share TODO.md (and state.json), hooks installed. */
function seedRepo(config?: object): string {
  const repo = tempRepo();
  write(repo, 'TODO.md', '# TODO\n\n- 300 done\n');
  write(repo, 'state.json', '{\n  "300": "done"\n}\n');
  if (config) writeFileSync(join(repo, 'lockstep.config.json'), JSON.stringify(config));
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'seed');
  startTask({ cwd: repo, id: '306', scope: ['specs/306_*/**'], shared: ['TODO.md', 'state.json'] });
  startTask({ cwd: repo, id: '307', scope: ['specs/307_*/**'], shared: ['TODO.md', 'state.json'] });
  expect(lockstep(['init'], repo).code).toBe(0);
  return repo;
}

describe('seed 002: another task\'s line in a shared file', () => {
  test("307's line is not in 306's commit, stays in the worktree, and is in 307's next commit", () => {
    const repo = seedRepo();
    write(repo, 'TODO.md', `${read(repo, 'TODO.md')}- 307 write the API spec\n`); // 307 appends its line
    write(repo, 'specs/306_auth/plan.md', 'plan\n');
    write(repo, 'TODO.md', `${read(repo, 'TODO.md')}- 306 write the auth plan\n`); // 306 appends its own
    git(repo, 'add', 'specs/306_auth/plan.md', 'TODO.md');
    const r = gitRun(repo, ['commit', '-q', '-m', '306: auth plan'], { LOCKSTEP_TASK: '306' });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/TODO\.md: 1 changed line of task 307 left in the worktree/);
    expect(commitFiles(repo).sort()).toEqual(['TODO.md', 'specs/306_auth/plan.md']);
    expect(show(repo, 'HEAD', 'TODO.md')).toBe('# TODO\n\n- 300 done\n- 306 write the auth plan\n');
    expect(read(repo, 'TODO.md')).toBe('# TODO\n\n- 300 done\n- 307 write the API spec\n- 306 write the auth plan\n');
    // Once committed, 307's line is staged again, as 306 staged it: only 307's change is left in the index.
    expect(gitRun(repo, ['diff', '--cached', '--unified=0', 'TODO.md']).stdout).toMatch(/^\+- 307 write the API spec$/m);
    expect(gitRun(repo, ['diff', '--cached', '--unified=0', 'TODO.md']).stdout).not.toMatch(/^\+- 306/m);
    // 307 commits with plain git: its line goes in, nothing is lost.
    write(repo, 'specs/307_api/spec.md', 'spec\n');
    git(repo, 'add', '-A');
    const r2 = gitRun(repo, ['commit', '-q', '-m', '307: api spec'], { LOCKSTEP_TASK: '307' });
    expect(r2.code).toBe(0);
    expect(commitFiles(repo).sort()).toEqual(['TODO.md', 'specs/307_api/spec.md']);
    expect(show(repo, 'HEAD', 'TODO.md')).toBe(read(repo, 'TODO.md'));
    expect(gitRun(repo, ['status', '--porcelain']).stdout).toBe('');
    expect(lockstep(['validate', 'HEAD~2..HEAD'], repo).code).toBe(0);
  });

  test('control: with lockstep skipped, 307\'s line lands in 306\'s commit', () => {
    const repo = seedRepo();
    write(repo, 'TODO.md', `${read(repo, 'TODO.md')}- 307 write the API spec\n- 306 write the auth plan\n`);
    write(repo, 'specs/306_auth/plan.md', 'plan\n');
    git(repo, 'add', 'specs/306_auth/plan.md', 'TODO.md');
    expect(gitRun(repo, ['commit', '-q', '-m', '306'], { LOCKSTEP_TASK: '306', LOCKSTEP_SKIP: '1' }).code).toBe(0);
    expect(show(repo, 'HEAD', 'TODO.md')).toMatch(/307/);
  });

  test("state.json keyed by task: only the committer's key is committed, the other's stays in the worktree", () => {
    const repo = seedRepo();
    write(repo, 'state.json', '{\n  "300": "done",\n  "307": { "round": 1 },\n  "306": { "round": 4 }\n}\n');
    write(repo, 'specs/306_auth/plan.md', 'plan\n');
    git(repo, 'add', '-A');
    const r = gitRun(repo, ['commit', '-q', '-m', '306'], { LOCKSTEP_TASK: '306' });
    expect(r.code).toBe(0);
    expect(JSON.parse(show(repo, 'HEAD', 'state.json'))).toEqual({ 300: 'done', 306: { round: 4 } });
    expect(JSON.parse(read(repo, 'state.json'))).toEqual({ 300: 'done', 306: { round: 4 }, 307: { round: 1 } });
  });

  test('a changed line that names no task blocks the commit, naming the line; the index keeps only what is attributable', () => {
    const repo = seedRepo();
    write(repo, 'TODO.md', `${read(repo, 'TODO.md')}- fix the typo in the README\n- 306 mine\n`);
    write(repo, 'specs/306_auth/plan.md', 'plan\n');
    git(repo, 'add', '-A');
    const head = git(repo, 'rev-parse', 'HEAD');
    const r = gitRun(repo, ['commit', '-q', '-m', '306'], { LOCKSTEP_TASK: '306' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/TODO\.md: added line 4: "- fix the typo in the README" names no task/);
    expect(r.stderr).toMatch(/lockstep edit --task 306/);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(read(repo, 'TODO.md')).toMatch(/fix the typo/);
  });

  test('lockstep edit records its lines for the task: a line naming no task is then committed by that task alone', () => {
    const repo = seedRepo();
    const e = lockstep(['edit', '--task', '306', '--', 'sh', '-c', 'echo "- fix the typo in the README" >> TODO.md'], repo);
    expect(e.stderr).toBe('');
    expect(e.code).toBe(0);
    write(repo, 'TODO.md', `${read(repo, 'TODO.md')}- something else nobody recorded\n`);
    write(repo, 'specs/307_api/spec.md', 'spec\n');
    git(repo, 'add', '-A');
    // 307 may not take 306's recorded line, and the unrecorded line blocks it.
    const r307 = gitRun(repo, ['commit', '-q', '-m', '307'], { LOCKSTEP_TASK: '307' });
    expect(r307.code).not.toBe(0);
    expect(r307.stderr).toMatch(/1 changed line of task 306/);
    expect(r307.stderr).toMatch(/something else nobody recorded/);
    write(repo, 'TODO.md', read(repo, 'TODO.md').replace('- something else nobody recorded\n', ''));
    write(repo, 'specs/306_auth/plan.md', 'plan\n');
    git(repo, 'add', '-A');
    const r = gitRun(repo, ['commit', '-q', '-m', '306'], { LOCKSTEP_TASK: '306' });
    expect(r.code).toBe(0);
    expect(show(repo, 'HEAD', 'TODO.md')).toMatch(/fix the typo/);
    expect(commitFiles(repo).sort()).toEqual(['TODO.md', 'specs/306_auth/plan.md']);
    expect(existsSync(join(repo, '.git', 'lockstep', 'edits', '306.json'))).toBe(false); // used once
  });
});

describe('staging too much still makes progress', () => {
  test('git add -A with another task\'s file: the task commits its own; the other file stays out of the commit and is staged again after it', () => {
    const repo = seedRepo();
    write(repo, 'specs/306_auth/plan.md', 'plan\n');
    write(repo, 'specs/307_api/spec.md', 'spec\n');
    write(repo, 'stray.txt', 'nobody\'s\n');
    git(repo, 'add', '-A');
    const r = gitRun(repo, ['commit', '-q', '-m', '306'], { LOCKSTEP_TASK: '306' });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/specs\/307_api\/spec\.md belongs to active task 307: unstaged, left in the worktree/);
    expect(commitFiles(repo)).toEqual(['specs/306_auth/plan.md']);
    // What was taken out is staged again once the commit is made: a commit of 307 waiting behind keeps it.
    expect(gitRun(repo, ['diff', '--cached', '--name-only']).stdout).toBe('specs/307_api/spec.md\nstray.txt\n');
    expect(read(repo, 'specs/307_api/spec.md')).toBe('spec\n');
    git(repo, 'restore', '--staged', 'stray.txt');
    // 307 is not blocked by what 306 staged.
    expect(gitRun(repo, ['commit', '-q', '-m', '307'], { LOCKSTEP_TASK: '307' }).code).toBe(0);
    expect(commitFiles(repo)).toEqual(['specs/307_api/spec.md']);
  });

  test('foreignChanges "block": nothing is committed, and the foreign paths are unstaged so every task can still commit', () => {
    const repo = seedRepo({ foreignChanges: 'block' });
    write(repo, 'specs/306_auth/plan.md', 'plan\n');
    write(repo, 'specs/307_api/spec.md', 'spec\n');
    git(repo, 'add', '-A');
    const head = git(repo, 'rev-parse', 'HEAD');
    const r = gitRun(repo, ['commit', '-q', '-m', '306'], { LOCKSTEP_TASK: '306' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/commit blocked for task 306/);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(gitRun(repo, ['diff', '--cached', '--name-only']).stdout).toBe('specs/306_auth/plan.md\n');
    expect(gitRun(repo, ['commit', '-q', '-m', '306 again'], { LOCKSTEP_TASK: '306' }).code).toBe(0);
    git(repo, 'add', '-A');
    expect(gitRun(repo, ['commit', '-q', '-m', '307'], { LOCKSTEP_TASK: '307' }).code).toBe(0);
    expect(commitFiles(repo)).toEqual(['specs/307_api/spec.md']);
  });

  test('only another task\'s paths staged: blocked (git would make an empty commit), and unstaged', () => {
    const repo = seedRepo();
    write(repo, 'specs/307_api/spec.md', 'spec\n');
    git(repo, 'add', '-A');
    const head = git(repo, 'rev-parse', 'HEAD');
    const r = gitRun(repo, ['commit', '-q', '-m', '306'], { LOCKSTEP_TASK: '306' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/nothing of task 306's is staged/);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(gitRun(repo, ['diff', '--cached', '--name-only']).stdout).toBe('');
  });

  test('git commit -a: the same split, in the index git holds itself', () => {
    const repo = seedRepo();
    write(repo, 'TODO.md', `${read(repo, 'TODO.md')}- 307 theirs\n- 306 mine\n`);
    const r = gitRun(repo, ['commit', '-q', '-a', '-m', '306'], { LOCKSTEP_TASK: '306' });
    expect(r.code).toBe(0);
    expect(show(repo, 'HEAD', 'TODO.md')).toBe('# TODO\n\n- 300 done\n- 306 mine\n');
    expect(gitRun(repo, ['diff', '--name-only']).stdout).toBe('TODO.md\n');
    expect(existsSync(join(repo, '.git', 'index.lock'))).toBe(false);
  });
});

describe('attribution (pure)', () => {
  test('ids are named where no letter or digit touches them; the longer of two ids at one place wins', () => {
    const name = taskNamer(['t1', 't12', '306']);
    expect(name('- t12 round 3')).toBe('t12');
    expect(name('- t1: x')).toBe('t1');
    expect(name('specs/306_auth')).toBe('306');
    expect(name('t123 and 3061')).toBeNull();
  });

  test('a line in a Markdown section headed by a task, and blank lines, go with that task', () => {
    const base = '# TODO\n';
    const staged = '# TODO\n\n## 306 auth\n- write the plan\n\n## 307 api\n- write the spec\n';
    const r = splitByLines({ base, staged, committer: '306', ids: ['306', '307'] });
    expect(r.unattributable).toEqual([]);
    expect(r.own).toBe('# TODO\n\n## 306 auth\n- write the plan\n\n');
    expect(Object.fromEntries(r.otherTasks)).toEqual({ 307: 2 });
  });

  test('a line removed by another task stays; one removed by the committer goes', () => {
    const base = '- 306 a\n- 307 b\n- 308 c\n';
    const r = splitByLines({ base, staged: '- 308 c\n', committer: '306', ids: ['306', '307', '308'] });
    expect(r.own).toBe('- 307 b\n- 308 c\n');
  });

  test('JSON: a change outside every task key is unattributable; keys at depth are found', () => {
    const r = splitByJsonKeys({ base: '{"v":1,"tasks":{"a":1}}', staged: '{"v":2,"tasks":{"a":1,"b":2,"c":3}}', committer: 'b', ids: ['a', 'b', 'c'] })!;
    expect(r.unattributable.map((u) => u.text)).toEqual(['$.v']);
    expect(JSON.parse(r.own)).toEqual({ v: 1, tasks: { a: 1, b: 2 } });
  });

  test('the line diff gives hunks that rebuild the new version', () => {
    const a = splitLines(Array.from({ length: 200 }, (_, i) => `line ${i}\n`).join(''));
    const b = [...a];
    b.splice(150, 1, 'changed\n', 'added\n');
    b.splice(20, 2);
    b.splice(5, 0, 'inserted\n');
    const out: string[] = [];
    let pos = 0;
    for (const h of diffLines(a, b)) {
      out.push(...a.slice(pos, h.aStart), ...b.slice(h.bStart, h.bEnd));
      pos = h.aEnd;
    }
    out.push(...a.slice(pos));
    expect(out).toEqual(b);
    expect(diffLines(a, b)).toHaveLength(3);
  });
});
