/**
 * Range resolution from the event payload, against real repositories:
 * clones with an origin, force-pushes, new branches and shallow clones.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGit } from '../../src/git/git.js';
import { resolveRange, type RangeRequest } from '../../src/action/range.js';
import type { EventPayload } from '../../src/action/settings.js';
import { cleanupTemp, git, tempDir, tempRepo } from '../helpers.js';

afterAll(cleanupTemp);

const ZERO = '0'.repeat(40);

function commit(repo: string, file: string, msg = file): string {
  writeFileSync(join(repo, file), `${msg}\n`);
  git(repo, 'add', '--', file);
  git(repo, 'commit', '-q', '-m', msg);
  return git(repo, 'rev-parse', 'HEAD');
}

function request(repo: string, eventName: string, event: EventPayload, explicit: string | null = null): RangeRequest {
  return { git: createGit(repo), explicit, eventName, event };
}

function revList(repo: string, range: string): string[] {
  return git(repo, 'rev-list', range).split('\n').filter(Boolean);
}

/** An "origin" with main (3 commits) and a clone of it, like actions/checkout with fetch-depth 0. */
function originAndClone(): { origin: string; clone: string; main: string } {
  const origin = tempRepo();
  commit(origin, 'a.txt');
  const main = commit(origin, 'b.txt');
  const clone = tempDir('lockstep-clone-');
  git(clone, 'clone', '-q', `file://${origin}`, '.');
  git(clone, 'config', 'user.name', 'Test');
  git(clone, 'config', 'user.email', 'test@example.invalid');
  git(clone, 'config', 'commit.gpgsign', 'false');
  return { origin, clone, main };
}

describe('from the event', () => {
  test('pull_request: base.sha..head.sha, exactly the commits of the pull request', async () => {
    const repo = tempRepo();
    const base = git(repo, 'rev-parse', 'HEAD');
    git(repo, 'checkout', '-q', '-b', 'feature');
    const c1 = commit(repo, 'f1.txt');
    const head = commit(repo, 'f2.txt');
    // The base branch moves on after the branch point: its new commit is not the PR's.
    git(repo, 'checkout', '-q', 'main');
    const moved = commit(repo, 'm.txt');
    const r = await resolveRange(request(repo, 'pull_request', { pull_request: { base: { sha: moved, ref: 'main' }, head: { sha: head, ref: 'feature' }, commits: 2 } }));
    expect(r.range).toBe(`${moved}..${head}`);
    expect(revList(repo, r.range!)).toEqual([head, c1]);
    expect(r.source).toContain('feature');
    expect(base).not.toBe(moved);
  });

  test('push: before..after', async () => {
    const repo = tempRepo();
    const before = git(repo, 'rev-parse', 'HEAD');
    commit(repo, 'x.txt');
    const after = commit(repo, 'y.txt');
    const r = await resolveRange(request(repo, 'push', { before, after, ref: 'refs/heads/main', commits: [{}, {}] }));
    expect(r.range).toBe(`${before}..${after}`);
    expect(revList(repo, r.range!)).toHaveLength(2);
  });

  test('merge_group: base_sha..head_sha', async () => {
    const repo = tempRepo();
    const base = git(repo, 'rev-parse', 'HEAD');
    const head = commit(repo, 'q.txt');
    const r = await resolveRange(request(repo, 'merge_group', { merge_group: { base_sha: base, head_sha: head } }));
    expect(r.range).toBe(`${base}..${head}`);
  });

  test('a new branch: the commits not on the default branch', async () => {
    const { clone } = originAndClone();
    git(clone, 'checkout', '-q', '-b', 'topic');
    commit(clone, 't1.txt');
    const after = commit(clone, 't2.txt');
    const r = await resolveRange(request(clone, 'push', { before: ZERO, after, created: true, ref: 'refs/heads/topic', repository: { default_branch: 'main' }, commits: [{}, {}] }));
    expect(r.range).toBe(`refs/remotes/origin/main..${after}`);
    expect(revList(clone, r.range!)).toHaveLength(2);
    expect(r.source).toContain('not on the default branch');
  });

  test('the first push of the default branch itself: the commits the push lists', async () => {
    const repo = tempRepo();
    commit(repo, 'p1.txt');
    const after = commit(repo, 'p2.txt');
    const r = await resolveRange(request(repo, 'push', { before: ZERO, after, ref: 'refs/heads/main', repository: { default_branch: 'main' }, commits: [{}, {}] }));
    expect(revList(repo, r.range!)).toHaveLength(2);
    // A brand-new repository's whole history (3 commits) when the push lists more than there is.
    const all = await resolveRange(request(repo, 'push', { before: ZERO, after, ref: 'refs/heads/main', commits: new Array(10).fill({}) }));
    expect(revList(repo, all.range!)).toHaveLength(3);
  });

  test('a force-push whose old tip is still here: the commits since the histories parted', async () => {
    const repo = tempRepo();
    const fork = commit(repo, 'shared.txt');
    const before = commit(repo, 'old.txt');
    git(repo, 'reset', '-q', '--hard', fork);
    commit(repo, 'new1.txt');
    const after = commit(repo, 'new2.txt');
    const r = await resolveRange(request(repo, 'push', { before, after, forced: true, ref: 'refs/heads/main' }));
    expect(r.range).toBe(`${fork}..${after}`);
    expect(r.source).toContain('force-push');
  });

  test('a force-push whose old tip was never fetched: falls back to the default-branch base', async () => {
    const { clone } = originAndClone();
    git(clone, 'checkout', '-q', '-b', 'topic');
    const after = commit(clone, 'rewritten.txt');
    const gone = 'f'.repeat(40);
    const r = await resolveRange(request(clone, 'push', { before: gone, after, forced: true, ref: 'refs/heads/topic', repository: { default_branch: 'main' }, commits: [{}] }));
    expect(r.range).toBe(`refs/remotes/origin/main..${after}`);
    expect(r.source).toContain('force-push');
  });

  test('a deleted branch: nothing to validate', async () => {
    const repo = tempRepo();
    const before = git(repo, 'rev-parse', 'HEAD');
    const r = await resolveRange(request(repo, 'push', { before, after: ZERO, ref: 'refs/heads/gone' }));
    expect(r.range).toBeNull();
  });

  test('any other event: the checked-out commit', async () => {
    const repo = tempRepo();
    const head = commit(repo, 'z.txt');
    const r = await resolveRange(request(repo, 'workflow_dispatch', {}));
    expect(revList(repo, r.range!)).toEqual([head]);
    // In a repository with one commit, that commit alone.
    const single = tempRepo();
    const only = await resolveRange(request(single, 'schedule', {}));
    expect(revList(single, only.range!)).toEqual([git(single, 'rev-parse', 'HEAD')]);
  });
});

describe('the range input', () => {
  test('wins over the event', async () => {
    const repo = tempRepo();
    commit(repo, 'r.txt');
    const r = await resolveRange(request(repo, 'push', { before: ZERO, after: ZERO }, 'HEAD~1..HEAD'));
    expect(r).toEqual({ range: 'HEAD~1..HEAD', source: 'the "range" input' });
  });

  test('REV^! names one commit alone', async () => {
    const repo = tempRepo();
    const head = commit(repo, 'one.txt');
    const r = await resolveRange(request(repo, 'workflow_dispatch', {}, 'HEAD^!'));
    expect(revList(repo, r.range!)).toEqual([head]);
    await expect(resolveRange(request(repo, 'workflow_dispatch', {}, 'nope^!'))).rejects.toMatchObject({ message: expect.stringContaining('input "range" names "nope"') });
  });

  test('a commit that does not exist fails naming the input', async () => {
    const repo = tempRepo();
    await expect(resolveRange(request(repo, 'push', {}, 'nosuchbranch..HEAD'))).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('input "range" names "nosuchbranch"'),
    });
    await expect(resolveRange(request(repo, 'push', {}, `HEAD..${'e'.repeat(40)}`))).rejects.toMatchObject({ message: expect.stringContaining('input "range"') });
  });
});

describe('shallow clones', () => {
  function shallowClone(depth: number): { clone: string; shas: string[] } {
    const origin = tempRepo();
    const shas = [git(origin, 'rev-parse', 'HEAD')];
    for (let i = 0; i < 5; i++) shas.push(commit(origin, `s${i}.txt`));
    const clone = tempDir('lockstep-shallow-');
    git(clone, 'clone', '-q', `--depth=${depth}`, `file://${origin}`, '.');
    return { clone, shas };
  }

  test('a push whose before commit is missing fails with the fetch-depth to use', async () => {
    const { clone, shas } = shallowClone(1);
    const before = shas[3]!;
    const after = shas[5]!;
    await expect(resolveRange(request(clone, 'push', { before, after, ref: 'refs/heads/main', commits: [{}, {}] }))).rejects.toMatchObject({
      message: expect.stringContaining('shallow'),
      hint: expect.stringMatching(/fetch-depth: 0.*fetch-depth: 3/),
    });
  });

  test('a range whose history is cut off inside it fails instead of validating a truncated history', async () => {
    const { clone, shas } = shallowClone(2);
    // shas[4] is here (depth 2) but is the shallow boundary: its parent is missing.
    await expect(resolveRange(request(clone, 'workflow_dispatch', {}, `${shas[4]}..${shas[5]}`))).resolves.toMatchObject({ range: `${shas[4]}..${shas[5]}` });
    await expect(resolveRange(request(clone, 'workflow_dispatch', {}, `${shas[5]}`))).rejects.toMatchObject({ message: expect.stringContaining('cut off') });
    await expect(resolveRange(request(clone, 'pull_request', { pull_request: { base: { sha: shas[2]! }, head: { sha: shas[5]! } } }))).rejects.toMatchObject({
      message: expect.stringContaining('shallow'),
      hint: expect.stringContaining('fetch-depth: 0'),
    });
  });

  test('the same push in a full clone resolves', async () => {
    const { clone, shas } = shallowClone(1);
    git(clone, 'fetch', '-q', '--unshallow');
    const r = await resolveRange(request(clone, 'push', { before: shas[3]!, after: shas[5]!, ref: 'refs/heads/main' }));
    expect(revList(clone, r.range!)).toEqual([shas[5], shas[4]]);
  });
});
