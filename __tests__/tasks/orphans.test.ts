/**
 * A change to a shared path left by a killed `lockstep commit` (or made
 * outside lockstep) must not be swept into the next task's commit: it is moved
 * aside (saved under <runtime>/orphans/, recorded, the path restored to HEAD)
 * before the edit runs. The control shows the sweep the old behaviour made.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitTask } from '../../src/tasks/commit.js';
import { startTask } from '../../src/tasks/tasks.js';
import { readEvents } from '../../src/core/events.js';
import { lockStatus } from '../../src/core/lock.js';
import { parseStatusV2 } from '../../src/tasks/orphans.js';
import { cleanupTemp, git, tempRepo } from '../helpers.js';
import { cleanEnv, cliArgv, commitFiles, gitRun, killGroup, lockstep, read, startGroup, until, write } from './fixtures.js';

afterAll(cleanupTemp);

const env = () => ({ ...process.env, ...cleanEnv() }) as NodeJS.ProcessEnv;

function twoTasks(): string {
  const repo = tempRepo();
  startTask({ cwd: repo, id: 'A', scope: ['a/**'], shared: ['TODO.md', 'shared/**'] });
  startTask({ cwd: repo, id: 'B', scope: ['b/**'], shared: ['TODO.md', 'shared/**'] });
  write(repo, 'TODO.md', '# todo\n');
  write(repo, 'shared/notes.md', 'notes\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'base');
  return repo;
}

/** The TODO.md lines a commit added: what the suites' foreign_todo_line check reads. */
function addedTodoLines(repo: string, rev = 'HEAD'): string[] {
  const diff = gitRun(repo, ['show', '--format=', '-U0', '--no-color', rev, '--', 'TODO.md']).stdout;
  return diff.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')).map((l) => l.slice(1));
}

function orphanEvents(repo: string) {
  return readEvents(join(repo, '.git', 'lockstep'), (e) => e.type === 'orphaned_change');
}

function indexEntries(repo: string, prefix: string): string[] {
  return gitRun(repo, ['ls-files', '-s', '-z', '--', prefix]).stdout.split('\0').filter(Boolean);
}

describe('lockstep commit --edit moves aside changes to shared paths that are not its own', () => {
  test("a leftover foreign TODO.md line is saved under orphans/, recorded, and kept out of the commit; other paths' staged entries stay", async () => {
    const repo = twoTasks();
    // What a lockstep commit of task A killed mid-edit leaves behind; A also has unrelated work staged.
    write(repo, 'TODO.md', '# todo\ntask A line\n');
    write(repo, 'a/staged.txt', 'A staged\n');
    git(repo, 'add', 'a/staged.txt');
    const before = indexEntries(repo, 'a');
    write(repo, 'b/own.txt', 'B own, written before the commit\n');
    const r = await commitTask({ cwd: repo, task: 'B', message: 'B', paths: ['TODO.md', 'b/own.txt'], edit: "printf 'task B line\\n' >> TODO.md", editStdio: 'pipe', env: env() });
    expect(addedTodoLines(repo)).toEqual(['task B line']);
    expect(gitRun(repo, ['show', 'HEAD:TODO.md']).stdout).toBe('# todo\ntask B line\n');
    // A file of the task's own scope changed before the commit is its own work: committed, not moved aside.
    expect(commitFiles(repo).sort()).toEqual(['TODO.md', 'b/own.txt']);
    expect(r.orphaned).toHaveLength(1);
    const o = r.orphaned[0]!;
    expect(o).toMatchObject({ path: 'TODO.md', deleted: false, stagedSavedTo: null, base: git(repo, 'rev-parse', 'HEAD^'), fromTask: null });
    expect(o.savedTo).toMatch(new RegExp(`^${join(repo, '.git', 'lockstep', 'orphans').replace(/[.]/g, '\\.')}/\\d{8}T\\d{6}\\.\\d{3}Z-B-TODO\\.md$`));
    expect(readFileSync(o.savedTo!, 'utf8')).toBe('# todo\ntask A line\n');
    const ev = orphanEvents(repo);
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ task: 'B', path: 'TODO.md', savedTo: o.savedTo, fromTask: null, token: r.fence });
    // The worktree holds what was committed; A's staged entries are byte-identical.
    expect(read(repo, 'TODO.md')).toBe('# todo\ntask B line\n');
    expect(indexEntries(repo, 'a')).toEqual(before);
    expect(gitRun(repo, ['diff', '--cached', '--name-only']).stdout.trim()).toBe('a/staged.txt');
    expect(lockStatus({ cwd: repo }).state).toBe('free');
  });

  test('control: the old behaviour (stage and commit the dirty file as it is) sweeps the foreign line into the commit', async () => {
    const repo = twoTasks();
    write(repo, 'TODO.md', '# todo\ntask A line\n');
    // The protection applies only with --edit: without it, lockstep commit commits the file as it is — the old behaviour.
    write(repo, 'TODO.md', `${read(repo, 'TODO.md')}task B line\n`);
    const r = await commitTask({ cwd: repo, task: 'B', message: 'B', paths: ['TODO.md'], editStdio: 'pipe', env: env() });
    expect(r.orphaned).toEqual([]);
    const added = addedTodoLines(repo);
    expect(added).toContain('task B line');
    expect(added).toContain('task A line'); // detected: the foreign line is in B's commit
    // And the same sweep with plain git add + commit.
    write(repo, 'TODO.md', `${read(repo, 'TODO.md')}task A line 2\ntask B line 2\n`);
    git(repo, 'add', 'TODO.md');
    git(repo, 'commit', '-q', '-m', 'B 2');
    expect(addedTodoLines(repo)).toEqual(['task A line 2', 'task B line 2']);
    expect(orphanEvents(repo)).toEqual([]);
  });

  test('paths with spaces, unicode and newlines; a file HEAD lacks is removed; a partly staged change keeps both versions; a deletion is undone', async () => {
    const repo = twoTasks();
    const odd = 'shared/a b\nü "q".md';
    write(repo, odd, 'new, not in HEAD\n');
    // Partly staged: the index has one version, the worktree another.
    write(repo, 'shared/notes.md', 'notes\nstaged\n');
    git(repo, 'add', 'shared/notes.md');
    write(repo, 'shared/notes.md', 'notes\nstaged\nworktree\n');
    write(repo, 'TODO.md', '# todo\n');
    gitRun(repo, ['rm', '-q', 'TODO.md']);
    const r = lockstep(['commit', '--task', 'A', '-m', 'A', '--json', '--edit', "printf 'mine\\n' > TODO.md && mkdir -p a && printf 'x\\n' > a/x.txt", '--', 'TODO.md', 'shared', 'a/x.txt'], repo);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const by = new Map<string, Record<string, unknown>>(out.orphaned.map((o: { path: string }) => [o.path, o]));
    expect([...by.keys()].sort()).toEqual(['TODO.md', odd, 'shared/notes.md'].sort());
    expect(by.get('TODO.md')).toMatchObject({ deleted: true, savedTo: null });
    expect(readFileSync(by.get(odd)!.savedTo as string, 'utf8')).toBe('new, not in HEAD\n');
    expect(by.get(odd)!.base).toBeNull();
    expect(readFileSync(by.get('shared/notes.md')!.savedTo as string, 'utf8')).toBe('notes\nstaged\nworktree\n');
    expect(readFileSync(by.get('shared/notes.md')!.stagedSavedTo as string, 'utf8')).toBe('notes\nstaged\n');
    // The commit holds only the edit's work; the moved-aside paths are back to HEAD in the worktree and the index.
    expect(commitFiles(repo).sort()).toEqual(['TODO.md', 'a/x.txt']);
    expect(gitRun(repo, ['show', 'HEAD:TODO.md']).stdout).toBe('mine\n');
    expect(existsSync(join(repo, odd))).toBe(false);
    expect(read(repo, 'shared/notes.md')).toBe('notes\n');
    expect(gitRun(repo, ['status', '--porcelain', '-uall']).stdout).toBe('');
    // One warning line per path on stderr, naming the path, the saved copy and how to look at it.
    const lines = r.stderr.split('\nlockstep: ').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(r.stderr).toContain(`shared/notes.md held a change that was not this commit's`);
    expect(r.stderr).toContain(`moved it aside to ${by.get('shared/notes.md')!.savedTo as string} (its staged version: ${by.get('shared/notes.md')!.stagedSavedTo as string})`);
    expect(r.stderr).toContain(`see it: git show ${git(repo, 'rev-parse', 'HEAD^')}:shared/notes.md | diff -u - ${by.get('shared/notes.md')!.savedTo as string}\n`);
    expect(r.stderr).toMatch(/TODO\.md held a change .*it had been deleted; restored it from HEAD/);
    expect(orphanEvents(repo)).toHaveLength(3);
  });

  test('a lockstep commit SIGKILLed in the middle of its edit: the next task commits its own line only, the dead one is saved and named', async () => {
    const repo = twoTasks();
    const a = startGroup(cliArgv(['commit', '--task', 'A', '-m', 'A', '--edit', 'echo line-A >> TODO.md; sleep 600', '--', 'TODO.md']), repo);
    try {
      await until(() => read(repo, 'TODO.md').includes('line-A'), 20_000, "A's edit");
    } finally {
      killGroup(a); // lockstep commit, its sh and the sleep: the lock's holder and owners are all gone
    }
    await new Promise((r) => a.once('close', r));
    const b = lockstep(['commit', '--task', 'B', '-m', 'B', '--edit', 'echo line-B >> TODO.md', '--', 'TODO.md'], repo);
    expect(b.code).toBe(0);
    expect(addedTodoLines(repo)).toEqual(['line-B']);
    expect(gitRun(repo, ['show', 'HEAD:TODO.md']).stdout).not.toContain('line-A');
    expect(git(repo, 'log', '-1', '--format=%s')).toBe('B');
    const ev = orphanEvents(repo);
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ task: 'B', path: 'TODO.md', fromTask: 'A' });
    const saved = ev[0]!.savedTo as string;
    expect(readFileSync(saved, 'utf8')).toBe('# todo\nline-A\n');
    expect(b.stderr).toContain(`lockstep: warning: TODO.md held a change that was not this commit's (probably left by task A, whose lockstep commit died holding the lock): moved it aside to ${saved}`);
    expect(lockStatus({ cwd: repo }).state).toBe('free');
  });
});

describe('parseStatusV2', () => {
  test('reads ordinary, untracked, removed-but-present and renamed entries; skips unmerged entries and submodules', () => {
    const raw = [
      '1 .M N... 100644 100644 100644 aaaa aaaa TODO.md',
      '1 A. N... 000000 100644 100644 0000 bbbb new file.md',
      '1 D. N... 100644 000000 000000 cccc 0000 gone.md',
      '? gone.md',
      '? un\ntracked.md',
      '2 R. N... 100644 100644 100644 dddd dddd R100 to.md',
      'from.md',
      'u UU N... 100644 100644 100644 100644 e f g conflict.md',
      '1 .M SC.. 160000 160000 160000 h h sub',
    ].join('\0') + '\0';
    expect(parseStatusV2(raw)).toEqual([
      { path: 'TODO.md', inHead: true, inIndex: true, indexDiffers: false, worktreeDiffers: true },
      { path: 'new file.md', inHead: false, inIndex: true, indexDiffers: true, worktreeDiffers: false },
      { path: 'gone.md', inHead: true, inIndex: false, indexDiffers: true, worktreeDiffers: true },
      { path: 'un\ntracked.md', inHead: false, inIndex: false, indexDiffers: false, worktreeDiffers: true },
      { path: 'to.md', inHead: true, inIndex: true, indexDiffers: true, worktreeDiffers: false },
    ]);
  });
});
