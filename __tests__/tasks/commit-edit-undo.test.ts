/**
 * A `lockstep commit --edit` that fails after its edit ran puts the named
 * paths back as they were (worktree and index), and says what it could not.
 * And the README's example runs as written on a fresh repository.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { chmodSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupTemp, CLI, ROOT, tempDir, tempRepo } from '../helpers.js';
import { gitRun, lockstep, write } from './fixtures.js';
import { spawnSync } from 'node:child_process';

afterAll(cleanupTemp);

const TODO = '# todo\n- [ ] 306 auth flow\n- [ ] 307 auth research\n';
const EDIT = 'sed -i "s/^- \\[ \\] 307/- [x] 307/" TODO.md';

function readmeRepo(): string {
  const repo = tempRepo();
  write(repo, 'TODO.md', TODO);
  gitRun(repo, ['add', 'TODO.md']);
  gitRun(repo, ['commit', '-q', '-m', 'todo']);
  expect(lockstep(['init'], repo).code).toBe(0);
  expect(lockstep(['task', 'start', '306', '--scope', 'specs/306_*/**', '--shared', 'TODO.md'], repo).code).toBe(0);
  expect(lockstep(['task', 'start', '307', '--scope', 'specs/307_*/**', '--shared', 'TODO.md'], repo).code).toBe(0);
  return repo;
}

const indexOf = (repo: string) => gitRun(repo, ['ls-files', '-s']).stdout;

describe('lockstep commit --edit that fails', () => {
  test("the README's commit before its report exists: exit 2, TODO.md back byte for byte; the next commit finds nothing foreign", () => {
    const repo = readmeRepo();
    const index = indexOf(repo);
    const r = lockstep(['commit', '-m', 'research done', '--edit', EDIT, '--', 'specs/307_auth/report.md', 'TODO.md'], repo, { LOCKSTEP_TASK: '307' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing to stage.*the edit's changes to TODO\.md were undone/);
    expect(readFileSync(join(repo, 'TODO.md'), 'utf8')).toBe(TODO);
    expect(indexOf(repo)).toBe(index);
    expect(gitRun(repo, ['status', '--porcelain', '--untracked-files=all']).stdout).toBe('');
    // Written now, the report commits with the edit; nothing is called foreign.
    write(repo, 'specs/307_auth/report.md', '# auth research\n');
    const ok = lockstep(['commit', '-m', 'research done', '--json', '--edit', EDIT, '--', 'specs/307_auth/report.md', 'TODO.md'], repo, { LOCKSTEP_TASK: '307' });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).orphaned).toEqual([]);
    expect(gitRun(repo, ['show', 'HEAD:TODO.md']).stdout).toBe(TODO.replace('- [ ] 307', '- [x] 307'));
    expect(existsSync(join(repo, '.git', 'lockstep', 'orphans')) ? readdirSync(join(repo, '.git', 'lockstep', 'orphans')) : []).toEqual([]);
  });

  test('an edit that creates directories, stages its change and then fails: worktree, index and directories as before', () => {
    const repo = readmeRepo();
    const index = indexOf(repo);
    const edit = `mkdir -p specs/307_auth/notes && echo draft > specs/307_auth/notes/a.md && ${EDIT} && git add TODO.md && exit 3`;
    const r = lockstep(['commit', '-m', 'm', '--edit', edit, '--', 'specs/307_auth/notes/a.md', 'TODO.md'], repo, { LOCKSTEP_TASK: '307' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the edit command failed (exit 3)');
    expect(readFileSync(join(repo, 'TODO.md'), 'utf8')).toBe(TODO);
    expect(indexOf(repo)).toBe(index);
    expect(existsSync(join(repo, 'specs'))).toBe(false);
    expect(gitRun(repo, ['status', '--porcelain', '--untracked-files=all']).stdout).toBe('');
  });

  test('a hook that refuses the commit: the edit is undone, a named directory included; a file the edit did not touch keeps its bytes', () => {
    const repo = readmeRepo();
    write(repo, 'specs/307_auth/keep.md', 'keep\n');
    write(repo, 'specs/307_auth/old.md', 'old\n');
    // A user's own commit-msg hook, chained behind lockstep's by `lockstep init`.
    const hooksDir = gitRun(repo, ['rev-parse', '--git-path', 'hooks']).stdout.trim();
    writeFileSync(join(repo, hooksDir, 'commit-msg.lockstep-chained'), '#!/bin/sh\necho "refused by policy" >&2\nexit 1\n');
    chmodSync(join(repo, hooksDir, 'commit-msg.lockstep-chained'), 0o755);
    const edit = `${EDIT} && echo new > specs/307_auth/old.md && echo more > specs/307_auth/more.md`;
    const r = lockstep(['commit', '-m', 'm', '--edit', edit, '--', 'specs/307_auth', 'TODO.md'], repo, { LOCKSTEP_TASK: '307' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('refused by policy');
    expect(r.stderr).toMatch(/undone/);
    expect(readFileSync(join(repo, 'TODO.md'), 'utf8')).toBe(TODO);
    expect(readFileSync(join(repo, 'specs/307_auth/old.md'), 'utf8')).toBe('old\n');
    expect(readFileSync(join(repo, 'specs/307_auth/keep.md'), 'utf8')).toBe('keep\n');
    expect(existsSync(join(repo, 'specs/307_auth/more.md'))).toBe(false);
    expect(gitRun(repo, ['log', '-1', '--format=%s']).stdout.trim()).toBe('todo');
  });

  test('what cannot be put back is named, and nothing is written through a link out of the worktree', () => {
    const repo = readmeRepo();
    const outside = tempDir();
    write(repo, 'specs/307_auth/report.md', 'mine\n');
    // The edit swaps the directory for a link outside, then fails.
    const edit = `rm -rf specs/307_auth && ln -s ${JSON.stringify(outside)} specs/307_auth && exit 4`;
    const r = lockstep(['commit', '-m', 'm', '--edit', edit, '--', 'specs/307_auth/report.md'], repo, { LOCKSTEP_TASK: '307' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/NOT undone.*specs\/307_auth\/report\.md \(.*is no longer a directory\)/);
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe('README', () => {
  test("the developer's example runs as written on a fresh repository", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /## A developer with five agents on a laptop\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const lines = block!.split('\n');
    // The install and the cd are the reader's own set-up: a `lockstep` on PATH and the repository below.
    expect(lines[0]).toMatch(/^npm install -g lockstep /);
    expect(lines[1]).toMatch(/^cd ~\/src\/your-repo/);
    const bin = tempDir();
    writeFileSync(join(bin, 'lockstep'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} "$@"\n`);
    chmodSync(join(bin, 'lockstep'), 0o755);
    const repo = tempRepo();
    write(repo, 'TODO.md', TODO);
    gitRun(repo, ['add', 'TODO.md']);
    gitRun(repo, ['commit', '-q', '-m', 'todo']);
    const script = ['set -e', ...lines.slice(2)].join('\n');
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env.PATH}`, NODE_OPTIONS: '' };
    for (const k of ['LOCKSTEP_TASK', 'LOCKSTEP_LOCK_TOKEN', 'LOCKSTEP_AGENT', 'GIT_DIR', 'GIT_INDEX_FILE', 'GIT_WORK_TREE']) delete env[k];
    const r = spawnSync('sh', ['-c', script], { cwd: repo, encoding: 'utf8', env });
    expect(r.stderr).not.toMatch(/lockstep: /);
    expect(r.status).toBe(0);
    expect(gitRun(repo, ['log', '-1', '--format=%s']).stdout.trim()).toBe('research done');
    expect(gitRun(repo, ['show', 'HEAD:TODO.md']).stdout).toBe(TODO.replace('- [ ] 307', '- [x] 307'));
    expect(gitRun(repo, ['show', 'HEAD:specs/307_auth/report.md']).stdout).toBe('# auth research\n');
  });
});
