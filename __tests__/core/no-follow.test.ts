/**
 * Links are never followed: a symbolic link planted at any place lockstep
 * creates, writes, lists or deletes under `<git common dir>/lockstep` (or an
 * allocation root's `.lockstep`), or committed in a base branch a worktree is
 * made from, points at an outside directory full of sentinel files. The
 * command that touches the place must refuse (UNSAFE_PATH, exit 4, naming
 * the link) and leave the outside directory exactly as it was.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LockstepError } from '../../src/core/errors.js';
import { refreshAgentWorktree } from '../../src/worktree/worktree.js';
import { cleanupTemp, git, runCli, tempDir, tempRepo, type Run } from '../helpers.js';

afterAll(cleanupTemp);

/** An outside directory whose names look like lockstep's own (numbered generations, a log, temp files of dead processes). */
function outsideDir(): string {
  const d = tempDir('lockstep-outside-');
  for (const n of ['1', '2', '3', '7', 'events.jsonl', 'sentinel', 'pending.added', '.tmp.4000000.dead', 't1.json', 'a1.json']) writeFileSync(join(d, n), `outside ${n}\n`);
  mkdirSync(join(d, 'deep'));
  writeFileSync(join(d, 'deep', 'secret'), 'outside secret\n');
  return d;
}

/** Every name under `dir` with its content (links by their target): what "untouched" compares. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const n of readdirSync(join(dir, rel)).sort()) {
      const r = join(rel, n);
      const st = lstatSync(join(dir, r));
      if (st.isDirectory()) {
        out[`${r}/`] = '';
        walk(r);
      } else out[r] = st.isSymbolicLink() ? `-> ${readFileSync(join(dir, r), 'utf8')}` : readFileSync(join(dir, r), 'utf8');
    }
  };
  walk('');
  return out;
}

function link(target: string, at: string): void {
  mkdirSync(dirname(at), { recursive: true });
  symlinkSync(target, at);
}

function expectRefused(r: Run, path: string, code: number | 'nonzero' = 4): void {
  if (code === 'nonzero') expect(r.code).not.toBe(0);
  else expect({ code: r.code, stderr: r.stderr }).toEqual({ code, stderr: expect.stringContaining(path) });
  expect(r.stderr).toContain('symbolic link');
  expect(r.stderr).not.toMatch(/\n\s+at /); // a user error, not a stack trace
}

interface Site {
  /** Where the link goes, relative to `<repo>/.git/lockstep`. */
  at: string;
  /** A directory link (to the outside dir) or a file link (to its sentinel). */
  to: 'dir' | 'file';
  /** What is needed before the link is planted (run in the repo). */
  prepare?: (repo: string) => void;
  /** The command that touches the site. */
  args: string[];
  env?: Record<string, string>;
  /** Expected exit: 4 (UNSAFE_PATH) unless git's own exit wraps it. */
  code?: number | 'nonzero';
}

const task = (repo: string) => expect(runCli(['task', 'start', 't1', '--scope', 'a/**'], { cwd: repo }).code).toBe(0);
const fileToCommit = (repo: string) => {
  task(repo);
  mkdirSync(join(repo, 'a'), { recursive: true });
  writeFileSync(join(repo, 'a', 'x'), 'x\n');
};
const branchToMerge = (repo: string) => {
  git(repo, 'checkout', '-q', '-b', 'feature');
  writeFileSync(join(repo, 'f'), 'f\n');
  git(repo, 'add', 'f');
  git(repo, 'commit', '-q', '-m', 'f');
  git(repo, 'checkout', '-q', 'main');
};
const hooksAndTask = (repo: string) => {
  expect(runCli(['init'], { cwd: repo }).code).toBe(0);
  fileToCommit(repo);
  git(repo, 'add', 'a/x');
};
const run = ['run-locked', '--', 'true'];

const SITES: Record<string, Site> = {
  'the runtime root itself': { at: '.', to: 'dir', args: run },
  'the audit log (appended to)': { at: 'events.jsonl', to: 'file', args: run },
  'locks/ (compaction deletes numbered files)': { at: 'locks', to: 'dir', args: run },
  'locks/ (listed by lock status)': { at: 'locks', to: 'dir', args: ['lock', 'status'] },
  'a lock directory': { at: 'locks/commit', to: 'dir', args: run },
  'the lock temp directory': { at: 'locks/.tmp', to: 'dir', args: run },
  'a lock generation record': { at: 'locks/commit/1', to: 'file', args: run },
  'the lock directory of an allocation in the repository': { at: 'locks', to: 'dir', prepare: (r) => mkdirSync(join(r, 'specs')), args: ['allocate', 'specs', 'topic'] },
  'tasks/': { at: 'tasks', to: 'dir', args: ['task', 'start', 't1', '--scope', 'a/**'] },
  'a task file': { at: 'tasks/t1.json', to: 'file', args: ['task', 'list'] },
  'state/': { at: 'state', to: 'dir', args: ['state', 'init', 'p'] },
  'queue/': { at: 'queue', to: 'dir', args: ['queue', 'add', 'i1'] },
  'a queue directory': { at: 'queue/default/pending', to: 'dir', prepare: (r) => mkdirSync(join(r, '.git/lockstep/queue/default'), { recursive: true }), args: ['queue', 'add', 'i1'] },
  'agents/': { at: 'agents', to: 'dir', args: ['queue', 'heartbeat', '--agent', 'a1'] },
  'worktrees/ (a leftover there is removed)': { at: 'worktrees', to: 'dir', args: ['worktree', 'add', 'a1'] },
  'a leftover at a worktree path (worktrees/a1)': { at: 'worktrees/a1', to: 'dir', args: ['worktree', 'add', 'a1'] },
  'tmp/ (lockstep commit)': { at: 'tmp', to: 'dir', prepare: fileToCommit, args: ['commit', '--task', 't1', '-m', 'x', 'a/x'] },
  'fence-id': { at: 'fence-id', to: 'file', prepare: fileToCommit, args: ['commit', '--task', 't1', '-m', 'x', 'a/x'] },
  'merge/': { at: 'merge', to: 'dir', prepare: branchToMerge, args: ['merge', 'feature', '--into', 'main'] },
  'merge/queue': { at: 'merge/queue', to: 'dir', prepare: (r) => (branchToMerge(r), mkdirSync(join(r, '.git/lockstep/merge'), { recursive: true })), args: ['merge', 'feature', '--into', 'main'] },
  'inflight/ (the pre-commit hook)': { at: 'inflight', to: 'dir', prepare: hooksAndTask, args: [], env: { LOCKSTEP_TASK: 't1' }, code: 'nonzero' },
};

describe('a link planted under <git common dir>/lockstep is refused, never followed', () => {
  test.each(Object.entries(SITES))('%s', (_name, site) => {
    const repo = tempRepo();
    const outside = outsideDir();
    const before = snapshot(outside);
    site.prepare?.(repo);
    const rt = join(repo, '.git', 'lockstep');
    mkdirSync(rt, { recursive: true });
    const at = site.at === '.' ? rt : join(rt, site.at);
    if (site.at === '.') rmSync(rt, { recursive: true });
    if (existsSync(at)) rmSync(at, { recursive: true });
    link(site.to === 'dir' ? outside : join(outside, 'sentinel'), at);
    const r = site.args.length ? runCli(site.args, { cwd: repo, env: site.env }) : gitCommit(repo, site.env);
    expect(snapshot(outside)).toEqual(before);
    expectRefused(r, at, site.code);
  });

  test('an allocation root outside any repository: a link at ROOT/.lockstep is refused', () => {
    const root = join(tempDir(), 'specs');
    mkdirSync(root);
    const outside = outsideDir();
    const before = snapshot(outside);
    link(outside, join(root, '.lockstep'));
    const r = runCli(['allocate', root, 'topic']);
    expect(snapshot(outside)).toEqual(before);
    expectRefused(r, join(root, '.lockstep'));
    expect(readdirSync(root)).toEqual(['.lockstep']); // nothing allocated either
  });
});

function gitCommit(repo: string, env: Record<string, string> = {}): Run {
  const g = spawnSync('git', ['commit', '-q', '-m', 'x'], { cwd: repo, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { code: g.status ?? 128, stdout: g.stdout, stderr: g.stderr };
}

describe('the post-commit shell hook writes nothing through a link', () => {
  test('links planted between pre-commit and post-commit (at inflight/<pid>.got and at the audit log) are not written through', () => {
    const repo = tempRepo();
    const outside = outsideDir();
    const before = snapshot(outside);
    // A commit-msg hook of the user's own, chained by init: it runs after pre-commit wrote
    // inflight/<git pid> and before post-commit, and plants the links then.
    const plant = join(repo, '.git', 'hooks', 'commit-msg');
    writeFileSync(
      plant,
      `#!/bin/sh\nfor f in "${join(repo, '.git/lockstep/inflight')}"/*; do case $f in *.*) ;; *) ln -s "${join(outside, 'sentinel')}" "$f.got" ;; esac; done\n` +
        `[ -n "$PLANT_LOG" ] && ln -sf "${join(outside, 'events.jsonl')}" "${join(repo, '.git/lockstep/events.jsonl')}"\nexit 0\n`,
    );
    chmodSync(plant, 0o755);
    expect(runCli(['init', '--chain'], { cwd: repo }).code).toBe(0);
    fileToCommit(repo);
    git(repo, 'add', 'a/x');
    const first = gitCommit(repo, { LOCKSTEP_TASK: 't1' });
    expect(first.code).toBe(0);
    expect(snapshot(outside)).toEqual(before);
    // The lock was released by the shell: the next commit needs no takeover.
    writeFileSync(join(repo, 'a', 'x'), 'y\n');
    git(repo, 'add', 'a/x');
    const second = gitCommit(repo, { LOCKSTEP_TASK: 't1', PLANT_LOG: '1' });
    expect(second.code).toBe(0);
    expect(snapshot(outside)).toEqual(before);
  });
});

describe('worktree add --copy never follows a link out of the new worktree', () => {
  /** A repository whose branch `evil` commits `name -> target`; the main checkout has `copy` as real, ignored files. */
  function repoWithLinkedBranch(name: string, target: string, copy: string): string {
    const repo = tempRepo();
    writeFileSync(join(repo, '.gitignore'), `${copy.split('/')[0]}\n`);
    git(repo, 'add', '.gitignore');
    git(repo, 'commit', '-q', '-m', 'ignore');
    git(repo, 'checkout', '-q', '-b', 'evil');
    symlinkSync(target, join(repo, name));
    git(repo, 'add', '-f', name);
    git(repo, 'commit', '-q', '-m', 'a link');
    git(repo, 'checkout', '-q', 'main');
    return repo;
  }

  test('a committed link on the way to the destination (cfg -> outside, --copy cfg/data): refused, outside untouched', () => {
    const outside = outsideDir();
    mkdirSync(join(outside, 'data'));
    writeFileSync(join(outside, 'data', 'precious'), 'outside data\n');
    const before = snapshot(outside);
    const repo = repoWithLinkedBranch('cfg', outside, 'cfg/data');
    mkdirSync(join(repo, 'cfg', 'data'), { recursive: true });
    writeFileSync(join(repo, 'cfg', 'data', 'mine'), 'the user data\n');
    const r = runCli(['worktree', 'add', 'agent1', '--base', 'evil', '--copy', 'cfg/data'], { cwd: repo });
    expect(snapshot(outside)).toEqual(before);
    expectRefused(r, join(repo, '.git', 'lockstep', 'worktrees', 'agent1', 'cfg'));
  });

  test('a committed link at the destination itself (.env -> outside file): refused, the outside file not overwritten', () => {
    const outside = outsideDir();
    const before = snapshot(outside);
    const repo = repoWithLinkedBranch('.env', join(outside, 'sentinel'), '.env');
    writeFileSync(join(repo, '.env'), 'TOKEN=mine\n');
    const r = runCli(['worktree', 'add', 'agent1', '--base', 'evil', '--copy', '.env'], { cwd: repo });
    expect(snapshot(outside)).toEqual(before);
    expectRefused(r, join(repo, '.git', 'lockstep', 'worktrees', 'agent1', '.env'));
  });

  test('a source that has become a link out of the checkout is refused at refresh, not read from outside', async () => {
    const outside = outsideDir();
    const repo = tempRepo();
    writeFileSync(join(repo, '.gitignore'), 'conf/\n');
    git(repo, 'add', '.gitignore');
    git(repo, 'commit', '-q', '-m', 'ignore');
    mkdirSync(join(repo, 'conf', 'deep'), { recursive: true });
    writeFileSync(join(repo, 'conf', 'deep', 'x'), 'mine\n');
    const add = runCli(['worktree', 'add', 'agent1', '--copy', 'conf/deep', '--json'], { cwd: repo });
    expect(add.code).toBe(0);
    const wt = (JSON.parse(add.stdout) as { path: string }).path;
    rmSync(join(repo, 'conf'), { recursive: true });
    symlinkSync(outside, join(repo, 'conf'));
    writeFileSync(join(wt, 'work'), 'uncommitted work of the agent\n');
    // (refresh is the parallel runner's per-item reset: a library call, no CLI command)
    const err = await refreshAgentWorktree({ cwd: repo, agent: 'agent1' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(LockstepError);
    expect({ code: (err as LockstepError).code, message: (err as LockstepError).message }).toEqual({ code: 'BAD_INPUT', message: expect.stringContaining('outside the checkout') });
    expect(existsSync(join(wt, 'conf', 'deep', 'secret'))).toBe(false);
    expect(readFileSync(join(wt, 'work'), 'utf8')).toBe('uncommitted work of the agent\n'); // refused before the reset
  });
});
