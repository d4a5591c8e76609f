/**
 * `validate` on real history made with the installed hooks: rebase,
 * cherry-pick, merge, squash and revert of lockstep commits give no false
 * positives; a commit made with --no-verify is noticed by post-commit and is
 * its own finding in validate. Trailers pass commitlint whatever the scope.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEvents } from '../../src/core/events.js';
import { startTask } from '../../src/tasks/tasks.js';
import { validateCommitRange } from '../../src/tasks/validate.js';
import { cleanupTemp, git, ROOT, tempRepo } from '../helpers.js';
import { commitFiles, gitRun, installHusky, lockstep, trailers, write } from '../tasks/fixtures.js';

afterAll(cleanupTemp);

function hooked(): { repo: string; base: string } {
  const repo = tempRepo();
  startTask({ cwd: repo, id: 'A', scope: ['a/**'] });
  startTask({ cwd: repo, id: 'B', scope: ['b/**'] });
  expect(lockstep(['init'], repo).code).toBe(0);
  return { repo, base: git(repo, 'rev-parse', 'HEAD') };
}

function commitAs(repo: string, task: string, path: string): string {
  write(repo, path, `${path}\n`);
  git(repo, 'add', path);
  const r = gitRun(repo, ['commit', '-q', '-m', `${task}: ${path}`], { LOCKSTEP_TASK: task });
  if (r.code !== 0) throw new Error(r.stderr);
  return git(repo, 'rev-parse', 'HEAD');
}

describe('validate on rewritten history', () => {
  test('rebase, merge --no-ff of the rebased branch, cherry-pick, squash and revert: no violation', async () => {
    const { repo, base } = hooked();
    // B's branch is made first (lower fences), main moves on (higher fences), then B's commits are replayed on top.
    git(repo, 'checkout', '-q', '-b', 'feat');
    commitAs(repo, 'B', 'b/1');
    commitAs(repo, 'B', 'b/2');
    git(repo, 'checkout', '-q', 'main');
    commitAs(repo, 'A', 'a/1');
    commitAs(repo, 'A', 'a/2');
    git(repo, 'checkout', '-q', 'feat');
    expect(gitRun(repo, ['rebase', '-q', 'main']).code).toBe(0);
    const rebased = await validateCommitRange({ cwd: repo, range: `${base}..HEAD` });
    expect(rebased.violations).toEqual([]);
    // A new commit on the rebased branch sits where its lock made it, and is judged: its fence is the highest.
    commitAs(repo, 'B', 'b/3');
    expect(trailers(repo)['Lockstep-Parent']).toBe(git(repo, 'rev-parse', 'HEAD^'));
    git(repo, 'checkout', '-q', 'main');
    expect(gitRun(repo, ['merge', '-q', '--no-ff', '-m', 'merge feat', 'feat']).code).toBe(0);
    // cherry-pick of an older commit of B onto the newer main.
    git(repo, 'checkout', '-q', '-b', 'pick', base);
    const old = commitAs(repo, 'B', 'b/old');
    git(repo, 'checkout', '-q', 'main');
    commitAs(repo, 'A', 'a/3');
    expect(gitRun(repo, ['cherry-pick', old]).code).toBe(0);
    // squash the last two of A's commits (two sets of trailers in one message).
    commitAs(repo, 'A', 'a/4');
    commitAs(repo, 'A', 'a/5');
    expect(gitRun(repo, ['rebase', '-q', '-i', 'HEAD~2'], { GIT_SEQUENCE_EDITOR: "sed -i '2s/^pick/squash/'", GIT_EDITOR: 'true' }).code).toBe(0);
    expect(commitFiles(repo).sort()).toEqual(['a/4', 'a/5']);
    // revert of a task's commit (git revert runs no pre-commit: the revert has no trailers).
    expect(gitRun(repo, ['revert', '--no-edit', 'HEAD~1']).code).toBe(0);
    const r = await validateCommitRange({ cwd: repo, range: `${base}..HEAD` });
    expect(r.violations).toEqual([]);
    expect(r.warnings?.map((w) => w.rule)).toEqual(['no_trailers']);
    expect(r.warnings?.[0]?.message).toMatch(/changes files of task B/);
    const cli = lockstep(['validate', `${base}..HEAD`], repo);
    expect(cli.code).toBe(0);
  });

  test('control: the first-parent fence rule of before (every fence compared) fires on the same rebase', async () => {
    const { repo, base } = hooked();
    git(repo, 'checkout', '-q', '-b', 'feat');
    commitAs(repo, 'B', 'b/1');
    git(repo, 'checkout', '-q', 'main');
    commitAs(repo, 'A', 'a/1');
    git(repo, 'checkout', '-q', 'feat');
    expect(gitRun(repo, ['rebase', '-q', 'main']).code).toBe(0);
    // Strip Lockstep-Parent, i.e. judge the rebased commit as if it were in place: the fence falls.
    const msg = git(repo, 'log', '-1', '--format=%B').replace(/^Lockstep-Parent: .*$/m, `Lockstep-Parent: ${git(repo, 'rev-parse', 'HEAD^')}`);
    expect(gitRun(repo, ['commit', '-q', '--amend', '--no-verify', '-m', msg]).code).toBe(0);
    const r = await validateCommitRange({ cwd: repo, range: `${base}..HEAD` });
    expect(r.violations.map((v) => v.rule)).toEqual(['fence_order']);
  });
});

describe('a commit made with --no-verify', () => {
  test('post-commit says which of its files belong to another task and records it; validate reports it as no_trailers (an error by configuration)', async () => {
    const { repo } = hooked();
    commitAs(repo, 'A', 'a/1');
    write(repo, 'b/theirs', 'x\n');
    git(repo, 'add', 'b/theirs');
    const r = gitRun(repo, ['commit', '-q', '--no-verify', '-m', 'sneak'], { LOCKSTEP_TASK: 'A' });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/was made without lockstep's checks \(git commit --no-verify\)/);
    expect(r.stderr).toMatch(/b\/theirs belongs to active task B/);
    const w = readEvents(join(repo, '.git', 'lockstep'), (e) => e.type === 'git_commit_validation_warning');
    expect(w).toMatchObject([{ commit: git(repo, 'rev-parse', 'HEAD'), unchecked: true, otherTask: [{ path: 'b/theirs', task: 'B' }] }]);
    const v = lockstep(['validate', 'HEAD^..HEAD'], repo);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/no_trailers \(warning\)/);
    writeFileSync(join(repo, 'lockstep.config.json'), '{"untrailedCommits":"error"}');
    const strict = lockstep(['validate', 'HEAD^..HEAD'], repo);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/no_trailers/);
  });

  test('rebase and cherry-pick (post-commit without pre-commit, not `git commit`) say nothing', () => {
    const { repo, base } = hooked();
    git(repo, 'checkout', '-q', '-b', 'side');
    const b = commitAs(repo, 'B', 'b/1');
    git(repo, 'checkout', '-q', 'main');
    commitAs(repo, 'A', 'a/1');
    const r = gitRun(repo, ['cherry-pick', b], { LOCKSTEP_TASK: 'A' });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/without lockstep's checks/);
    expect(gitRun(repo, ['rebase', '-q', 'main', 'side'], { LOCKSTEP_TASK: 'A' }).stderr).not.toMatch(/without lockstep's checks/);
    expect(git(repo, 'log', '--format=%s', `${base}..HEAD`)).toMatch(/B: b\/1/);
  });
});

describe('trailers and commitlint', () => {
  test('a task with 5 globs of 60 characters commits under @commitlint/cli + config-conventional, also with --amend --no-edit', () => {
    const repo = tempRepo();
    symlinkSync(join(ROOT, 'node_modules'), join(repo, 'node_modules'));
    writeFileSync(join(repo, '.gitignore'), 'node_modules\n');
    writeFileSync(join(repo, 'commitlint.config.mjs'), "export default { extends: ['@commitlint/config-conventional'] };\n");
    installHusky(repo);
    writeFileSync(join(repo, '.husky', 'commit-msg'), 'npx --no -- commitlint --edit "$1"\n');
    writeFileSync(join(repo, '.husky', 'pre-commit'), '');
    git(repo, 'add', '-A');
    expect(gitRun(repo, ['commit', '-q', '-m', 'chore: base']).code).toBe(0);
    const globs = ['a', 'b', 'c', 'd', 'e'].map((c) => `specs/${c.repeat(51)}/**`);
    expect(globs.every((g) => g.length === 60)).toBe(true);
    startTask({ cwd: repo, id: 'long', scope: globs, shared: ['TODO.md'] });
    expect(lockstep(['init'], repo).code).toBe(0);
    write(repo, `specs/${'a'.repeat(51)}/x.md`, 'x\n');
    git(repo, 'add', 'specs');
    const r = gitRun(repo, ['commit', '-q', '-m', 'feat: long scope'], { LOCKSTEP_TASK: 'long' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const body = git(repo, 'log', '-1', '--format=%B');
    expect(body.split('\n').every((l) => l.length <= 100)).toBe(true);
    expect(body.match(/^Lockstep-Scope: /gm)!.length).toBeGreaterThan(1);
    const amend = gitRun(repo, ['commit', '-q', '--amend', '--no-edit'], { LOCKSTEP_TASK: 'long' });
    expect(amend.stderr).toBe('');
    expect(amend.code).toBe(0);
    const after = git(repo, 'log', '-1', '--format=%B');
    expect(after.match(/^Lockstep-Task: /gm)).toHaveLength(1); // replaced, not added again
    expect(lockstep(['validate', 'HEAD^..HEAD', '--json'], repo).code).toBe(0);
    // The first format (one Lockstep-Scope line with the whole array) still validates.
    const old = `feat: old format\n\nLockstep-Task: long\nLockstep-Scope: ${JSON.stringify(globs)}\nLockstep-Fence: 1@abcabcabcabc\n`;
    write(repo, `specs/${'b'.repeat(51)}/y.md`, 'y\n');
    git(repo, 'add', 'specs');
    expect(gitRun(repo, ['commit', '-q', '--no-verify', '-m', old]).code).toBe(0);
    const v = JSON.parse(lockstep(['validate', 'HEAD^..HEAD', '--json'], repo).stdout) as { violations: unknown[]; tasks: string[] };
    expect(v.violations).toEqual([]);
    expect(v.tasks).toEqual(['long']);
  });

  test('control: the first format, one Lockstep-Scope line, is rejected by commitlint', () => {
    const repo = tempRepo();
    symlinkSync(join(ROOT, 'node_modules'), join(repo, 'node_modules'));
    writeFileSync(join(repo, 'commitlint.config.mjs'), "export default { extends: ['@commitlint/config-conventional'] };\n");
    const globs = ['a', 'b', 'c', 'd', 'e'].map((c) => `specs/${c.repeat(51)}/**`);
    const msg = `feat: x\n\nLockstep-Task: long\nLockstep-Scope: ${JSON.stringify(globs)}\nLockstep-Fence: 1@abcabcabcabc\n`;
    const cl = spawnCommitlint(repo, msg);
    expect(cl.code).not.toBe(0);
    expect(cl.out).toMatch(/max-line-length/);
  });
});

function spawnCommitlint(cwd: string, message: string): { code: number; out: string } {
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'commitlint'), [], { cwd, input: message, encoding: 'utf8' });
  return { code: r.status ?? 1, out: `${r.stdout}${r.stderr}` };
}
