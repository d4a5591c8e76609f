import { afterAll, describe, expect, test } from '@jest/globals';
import { parseLog, validateCommitRange } from '../../src/tasks/validate.js';
import { encodeGlobs } from '../../src/tasks/trailers.js';
import { startTask } from '../../src/tasks/tasks.js';
import { commitTask } from '../../src/tasks/commit.js';
import { cleanupTemp, git, tempDir, tempRepo } from '../helpers.js';
import { gitRun, lockstep, write } from './fixtures.js';

afterAll(cleanupTemp);

/** A commit with hand-written lockstep trailers (as a hook or lockstep commit would have written them, or a forger). */
function commitWith(repo: string, files: Record<string, string>, subject: string, t: { task?: string; scope?: string[] | string; shared?: string[]; fence?: string; parent?: string | null } = {}): string {
  // By default a commit sits where it was made: Lockstep-Parent is HEAD (null: the trailer of the first format, without it).
  const parent = t.parent === undefined ? git(repo, 'rev-parse', 'HEAD') : t.parent;
  for (const [p, text] of Object.entries(files)) write(repo, p, text);
  git(repo, 'add', '-A', '--', ...Object.keys(files));
  const lines = [subject, ''];
  if (t.task !== undefined) lines.push(`Lockstep-Task: ${t.task}`);
  if (t.scope !== undefined) lines.push(`Lockstep-Scope: ${typeof t.scope === 'string' ? t.scope : encodeGlobs(t.scope)}`);
  if (t.shared) lines.push(`Lockstep-Shared: ${encodeGlobs(t.shared)}`);
  if (t.fence !== undefined) lines.push(`Lockstep-Fence: ${t.fence}`);
  if (t.task !== undefined && parent !== null) lines.push(`Lockstep-Parent: ${parent}`);
  git(repo, 'commit', '-q', '--no-verify', '-m', lines.join('\n'));
  return git(repo, 'rev-parse', 'HEAD');
}

describe('validate', () => {
  test('finds files outside the scope, files in another task of the range, falling fences and unreadable trailers', async () => {
    const repo = tempRepo();
    const base = git(repo, 'rev-parse', 'HEAD');
    const ok = commitWith(repo, { 'a/1': '1', 'TODO.md': 'a' }, 'A ok', { task: 'A', scope: ['a/**'], shared: ['TODO.md'], fence: '5@aaaaaaaaaaaa' });
    const outside = commitWith(repo, { 'a/2': '2', 'README.md': 'x' }, 'A outside', { task: 'A', scope: ['a/**'], fence: '7@aaaaaaaaaaaa' });
    const b = commitWith(repo, { 'b/1': '1' }, 'B ok', { task: 'B', scope: ['b/**'], fence: '8@aaaaaaaaaaaa' });
    const sweep = commitWith(repo, { 'a/3': '3', 'b/2': '2' }, 'A sweeps B', { task: 'A', scope: ['a/**'], fence: '9@aaaaaaaaaaaa' });
    const stale = commitWith(repo, { 'a/4': '4' }, 'A under a lost lock', { task: 'A', scope: ['a/**'], fence: '6@aaaaaaaaaaaa' });
    const otherClone = commitWith(repo, { 'a/5': '5' }, 'A from another clone', { task: 'A', scope: ['a/**'], fence: '2@bbbbbbbbbbbb' });
    const noTask = commitWith(repo, { 'b/3': '3' }, 'no task touches B');
    const broken = commitWith(repo, { 'a/6': '6' }, 'A broken trailers', { task: 'A', scope: 'a/**', fence: 'x' });
    const r = await validateCommitRange({ cwd: repo, range: `${base}..HEAD` });
    expect(r.commitsChecked).toBe(8);
    expect(r.tasks).toEqual(['A', 'B']);
    const found = r.violations.map((v) => `${v.commit}|${v.rule}|${v.file}`).sort();
    expect(found).toEqual(
      [
        `${outside}|outside_scope|README.md`,
        `${sweep}|other_task_scope|b/2`,
        `${stale}|fence_order|`,
        `${broken}|bad_trailer|`,
        `${broken}|bad_trailer|`,
      ].sort(),
    );
    expect(r.violations.find((v) => v.commit === sweep)?.message).toMatch(/inside the scope of task B/);
    expect(r.violations.find((v) => v.rule === 'fence_order')?.message).toMatch(/fence 6, but its ancestor .* has fence 9/);
    // A commit without trailers is its own finding, a warning by default, naming the task whose files it changes.
    expect(r.warnings?.map((v) => [v.commit, v.rule])).toEqual([[noTask, 'no_trailers']]);
    expect(r.warnings?.[0]?.message).toMatch(/changes files of task B: b\/3/);
    for (const c of [ok, b, otherClone]) expect(r.violations.filter((v) => v.commit === c)).toEqual([]);

    const cli = lockstep(['validate', `${base}..HEAD`, '--json'], repo);
    expect(cli.code).toBe(1);
    expect(JSON.parse(cli.stdout)).toMatchObject({ ok: false, commitsChecked: 8 });
    const text = lockstep(['validate', `${base}..HEAD`], repo);
    expect(text.stdout).toMatch(/8 commits checked .*: 5 violations, 1 warning/);
    write(repo, 'lockstep.config.json', '{"untrailedCommits":"error"}');
    const strict = await validateCommitRange({ cwd: repo, range: `${base}..HEAD` });
    expect(strict.violations.filter((v) => v.rule === 'no_trailers').map((v) => v.commit)).toEqual([noTask]);
  });

  test('a shared file: another task\'s lines (named by its id, its section or its JSON key) in a commit are found, with the line; the task\'s own are not', async () => {
    const repo = tempRepo();
    commitWith(repo, { 'TODO.md': '# Tasks\n- [x] 100 setup\n', 'state.json': '{\n  "100": { "done": true }\n}\n' }, 'base');
    const base = git(repo, 'rev-parse', 'HEAD');
    const shared = ['TODO.md', 'state.json'];
    // (Multi-byte text: the blobs are read through one git cat-file --batch, which counts bytes.)
    const own = commitWith(repo, { 's306/a': '1', 'TODO.md': '# Tasks\n- [x] 100 setup\n- [ ] 306 auth\n' }, '306 own line', { task: '306', scope: ['s306/**'], shared, fence: '1@aaaaaaaaaaaa' });
    // Seed 002: 307 appended its line; 306 staged TODO.md whole and committed it with its own.
    const sweep = commitWith(repo, { 's306/b': '2', 'TODO.md': '# Tasks\n- [x] 100 setup\n- [x] 306 auth\n- [ ] 307 billing — café\n' }, '306 sweeps 307\'s line', { task: '306', scope: ['s306/**'], shared, fence: '2@aaaaaaaaaaaa' });
    const theirs = commitWith(repo, { 's307/a': '1', 'TODO.md': '# Tasks\n- [x] 100 setup\n- [x] 306 auth\n- [ ] 307 billing — café\n\n## 306\n- note\n' }, '307 writes in 306\'s section', { task: '307', scope: ['s307/**'], shared, fence: '3@aaaaaaaaaaaa' });
    const json = commitWith(repo, { 's307/b': '2', 'state.json': '{\n  "100": { "done": true },\n  "306": { "done": true },\n  "307": { "step": 1 }\n}\n' }, '307 sets 306\'s key', { task: '307', scope: ['s307/**'], shared, fence: '4@aaaaaaaaaaaa' });
    const r = await validateCommitRange({ cwd: repo, range: `${base}..HEAD` });
    const found = r.violations.map((v) => `${v.commit}|${v.rule}|${v.file}|${v.line}`).sort();
    expect(found).toEqual([`${sweep}|other_task_line|TODO.md|4`, `${theirs}|other_task_line|TODO.md|5`, `${json}|other_task_line|state.json|3`].sort());
    expect(r.violations.find((v) => v.commit === sweep)?.message).toMatch(/\(task 306\) changes 1 line of the shared file TODO\.md that belong to task 307 \(first at line 4\)/);
    expect(r.violations.find((v) => v.commit === theirs)?.message).toMatch(/changes 3 lines .* task 306 \(first at line 5\)/);
    expect(r.violations.filter((v) => v.commit === own)).toEqual([]);
    // (The blank line before 306's heading goes with the heading: line 5.) The CLI prints file:line.
    const cli = lockstep(['validate', `${base}..HEAD`], repo);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`${sweep.slice(0, 12)}  other_task_line  TODO.md:4  `);
  });

  test('file findings carry the first line their commit changed in the file', async () => {
    const repo = tempRepo();
    commitWith(repo, { 'README.md': 'one\ntwo\nthree\nfour\n' }, 'base');
    const base = git(repo, 'rev-parse', 'HEAD');
    const outside = commitWith(repo, { 'a/1': 'x', 'README.md': 'one\ntwo\nTHREE\nfour\n' }, 'A outside', { task: 'A', scope: ['a/**'], fence: '1@aaaaaaaaaaaa' });
    const removal = commitWith(repo, { 'a/2': 'x', 'README.md': 'one\ntwo\nTHREE\n' }, 'A removes a line', { task: 'A', scope: ['a/**'], fence: '2@aaaaaaaaaaaa' });
    const r = await validateCommitRange({ cwd: repo, range: `${base}..HEAD` });
    expect(r.violations.map((v) => `${v.commit}|${v.file}|${v.line}`).sort()).toEqual([`${outside}|README.md|3`, `${removal}|README.md|3`].sort());
  });

  test('merge commits are not judged by their files; fences compare with the ancestors of a commit in place, per counter', async () => {
    const repo = tempRepo();
    const base = git(repo, 'rev-parse', 'HEAD');
    commitWith(repo, { 'a/1': '1' }, 'A', { task: 'A', scope: ['a/**'], fence: '3@cccccccccccc' });
    git(repo, 'checkout', '-q', '-b', 'side', base);
    commitWith(repo, { 'b/1': '1' }, 'B', { task: 'B', scope: ['b/**'], fence: '1@dddddddddddd' });
    git(repo, 'checkout', '-q', 'main');
    git(repo, 'merge', '-q', '--no-ff', '--no-verify', '-m', 'merge side', 'side');
    commitWith(repo, { 'a/2': '2' }, 'A2', { task: 'A', scope: ['a/**'], fence: '4@cccccccccccc' });
    const r = await validateCommitRange({ cwd: repo, range: `${base}..HEAD` });
    expect(r.commitsChecked).toBe(4);
    expect(r.violations).toEqual([]);
    const late = commitWith(repo, { 'a/3': '3' }, 'A3', { task: 'A', scope: ['a/**'], fence: '2@cccccccccccc' });
    const r2 = await validateCommitRange({ cwd: repo, range: `${base}..HEAD` });
    expect(r2.violations.map((v) => [v.commit, v.rule])).toEqual([[late, 'fence_order']]);
  });

  test('names with newlines, NULs of git output, and a name that imitates the record separator are parsed exactly', async () => {
    const repo = tempRepo();
    const base = git(repo, 'rev-parse', 'HEAD');
    const names = ['a/new\nline', 'a/\x1eimpostor', 'a/ünï cødé, yes', 'a/\nleading'];
    const files = Object.fromEntries(names.map((n) => [n, 'x']));
    commitWith(repo, files, 'odd', { task: 'A', scope: ['a/**'], fence: '1@eeeeeeeeeeee' });
    commitWith(repo, { 'b/x': 'x' }, 'B', { task: 'B', scope: ['b/**'], fence: '2@eeeeeeeeeeee' });
    const nonce = 'n0nce';
    const out = gitRun(repo, ['log', `--format=%x1e${nonce}%x00%H%x00%P%x00%x00%x00%x00%x00`, '--name-only', '-z', '--no-renames', `${base}..HEAD`]).stdout;
    const recs = parseLog(out, nonce);
    expect(recs.map((r) => r.files.sort())).toEqual([['b/x'], [...names].sort()]);
    const r = await validateCommitRange({ cwd: repo, range: `${base}..HEAD` });
    expect(r.violations).toEqual([]);
  });

  test('scopes written by lockstep commit round-trip through git (spaces, commas, quotes, unicode)', async () => {
    const repo = tempRepo();
    const scope = ['docs/a b, c/**', 'q"uote/**', 'ünï/**'];
    startTask({ cwd: repo, id: 'S', scope });
    write(repo, 'docs/a b, c/x.md', 'x');
    write(repo, 'ünï/y', 'y');
    await commitTask({ cwd: repo, task: 'S', message: 'S', paths: ['docs/a b, c/x.md', 'ünï/y'] });
    const r = await validateCommitRange({ cwd: repo, range: 'HEAD^!' });
    expect(r.tasks).toEqual(['S']);
    expect(r.violations).toEqual([]);
  });

  test('ranges: the default is upstream..HEAD, else the last commit; bad ranges exit 2; a bare repository can be validated', async () => {
    const origin = tempRepo();
    const clone = tempDir('lockstep-clone-');
    git(clone, 'clone', '-q', origin, '.');
    git(clone, 'config', 'user.email', 't@example.invalid');
    git(clone, 'config', 'user.name', 'T');
    commitWith(clone, { 'a/1': '1' }, 'one', { task: 'A', scope: ['a/**'], fence: '1@ffffffffffff' });
    commitWith(clone, { 'a/2': '2' }, 'two', { task: 'A', scope: ['a/**'], fence: '2@ffffffffffff' });
    const d = await validateCommitRange({ cwd: clone });
    expect(d.range).toBe('@{upstream}..HEAD');
    expect(d.commitsChecked).toBe(2);
    const lone = tempRepo();
    expect((await validateCommitRange({ cwd: lone })).commitsChecked).toBe(1);
    for (const bad of ['--output=/tmp/pwned', 'no-such-ref..HEAD', '', 'a\nb']) {
      const r = lockstep(['validate', bad], clone);
      expect({ bad, code: r.code }).toEqual({ bad, code: 2 });
    }
    const bare = tempDir('lockstep-bare-');
    git(bare, 'clone', '-q', '--bare', clone, '.');
    const b = lockstep(['validate', 'HEAD~2..HEAD', '--json'], bare);
    expect(b.code).toBe(0);
    expect(JSON.parse(b.stdout).commitsChecked).toBe(2);
  });
});
