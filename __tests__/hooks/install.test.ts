import { afterAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockStatus } from '../../src/core/lock.js';
import { huskyLine } from '../../src/hooks/install.js';
import { startTask } from '../../src/tasks/tasks.js';
import { cleanupTemp, CLI, git, ROOT, tempDir, tempRepo } from '../helpers.js';
import { commitFiles, gitRun, installHusky, lockstep, read, trailers, write } from '../tasks/fixtures.js';

afterAll(cleanupTemp);

const HOOKS = ['pre-commit', 'commit-msg', 'post-commit'];

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) if (!f.endsWith('.sample')) out[f] = readFileSync(join(dir, f), 'utf8');
  return out;
}

function taskCommit(repo: string, file: string, env: Record<string, string | undefined> = {}) {
  write(repo, file, `${file}\n`);
  git(repo, 'add', file);
  return gitRun(repo, ['commit', '-q', '-m', `commit ${file}`], { LOCKSTEP_TASK: 'A', ...env });
}

describe('lockstep init', () => {
  test('writes marked shims that call the bundled CLI by absolute path; running it twice changes nothing; --check agrees', () => {
    const repo = tempRepo();
    const first = lockstep(['init', '--json'], repo);
    expect(first.code).toBe(0);
    const r1 = JSON.parse(first.stdout);
    expect(r1.mode).toBe('hooks-dir');
    expect(r1.entries.map((e: { state: string }) => e.state)).toEqual(['installed', 'installed', 'installed']);
    const dir = join(repo, '.git', 'hooks');
    const before = snapshot(dir);
    for (const h of HOOKS) {
      expect(before[h]).toMatch(/^#!\/bin\/sh\n# lockstep-hook v1/);
      expect(before[h]).toContain(`LOCKSTEP_CLI='${CLI}'`);
      expect(before[h]).toContain(`LOCKSTEP_NODE='${process.execPath}'`);
      expect(before[h]).not.toMatch(/npx/);
    }
    const second = JSON.parse(lockstep(['init', '--json'], repo).stdout);
    expect(second.changed).toBe(false);
    expect(second.entries.map((e: { state: string }) => e.state)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(snapshot(dir)).toEqual(before);
    const check = lockstep(['init', '--check'], repo);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/ok: lockstep hooks are installed and current/);
  });

  test('honours core.hooksPath; --check reports missing and outdated hooks (exit 1)', () => {
    const repo = tempRepo();
    git(repo, 'config', 'core.hooksPath', 'githooks');
    const miss = lockstep(['init', '--check', '--json'], repo);
    expect(miss.code).toBe(1);
    expect(JSON.parse(miss.stdout).entries.map((e: { state: string }) => e.state)).toEqual(['missing', 'missing', 'missing']);
    expect(lockstep(['init'], repo).stdout).not.toMatch(/every repository/);
    for (const h of HOOKS) expect(existsSync(join(repo, 'githooks', h))).toBe(true);
    expect(existsSync(join(repo, '.git', 'hooks', 'pre-commit'))).toBe(false);
    writeFileSync(join(repo, 'githooks', 'commit-msg'), readFileSync(join(repo, 'githooks', 'commit-msg'), 'utf8') + '# edited\n');
    const out = lockstep(['init', '--check'], repo);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/commit-msg\s+outdated/);
    expect(lockstep(['init'], repo).stdout).toMatch(/commit-msg\s+updated/);
    expect(lockstep(['init', '--check'], repo).code).toBe(0);
    // A hooksPath from the global config: said out loud, since those hooks serve every repository.
    const other = tempRepo();
    const globalConfig = join(tempDir(), 'gitconfig');
    writeFileSync(globalConfig, `[core]\n\thooksPath = ${join(tempDir(), 'global-hooks')}\n`);
    const g = lockstep(['init'], other, { GIT_CONFIG_GLOBAL: globalConfig });
    expect(g.code).toBe(0);
    expect(g.stdout).toMatch(new RegExp(`is set in ${globalConfig}: the hooks there run for every repository`));
    startTask({ cwd: repo, id: 'A', scope: ['a/**', 'githooks/**'] });
    expect(taskCommit(repo, 'a/x.txt').code).toBe(0);
    expect(trailers(repo)['Lockstep-Task']).toBe('A');
  });

  test("a foreign hook is never overwritten without --force; --chain keeps it and runs it first; --force keeps a backup", () => {
    const repo = tempRepo();
    startTask({ cwd: repo, id: 'A', scope: ['a/**'] });
    const dir = join(repo, '.git', 'hooks');
    const foreign = '#!/bin/sh\necho "foreign ran" >> "$(git rev-parse --git-dir)/foreign.log"\n[ -f block ] && exit 9\nexit 0\n';
    writeFileSync(join(dir, 'pre-commit'), foreign, { mode: 0o755 });
    const r = lockstep(['init'], repo);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not lockstep's and were left alone: .*pre-commit/);
    expect(r.stderr).toMatch(/--chain/);
    expect(readFileSync(join(dir, 'pre-commit'), 'utf8')).toBe(foreign);
    expect(existsSync(join(dir, 'commit-msg'))).toBe(false); // nothing half-done
    expect(lockstep(['init', '--check'], repo).stdout).toMatch(/pre-commit\s+foreign/);

    const c = lockstep(['init', '--chain'], repo);
    expect(c.code).toBe(0);
    expect(c.stdout).toMatch(/pre-commit\s+chained/);
    expect(readFileSync(join(dir, 'pre-commit.lockstep-chained'), 'utf8')).toBe(foreign);
    expect(taskCommit(repo, 'a/1.txt').code).toBe(0);
    expect(read(repo, '.git/foreign.log')).toBe('foreign ran\n');
    expect(trailers(repo)['Lockstep-Task']).toBe('A');
    write(repo, 'block', '');
    const blocked = taskCommit(repo, 'a/2.txt');
    expect(blocked.code).not.toBe(0); // the chained hook's failure still stops the commit
    // The lock was taken before the chained hook ran; its owner, git, is gone: free to take at once.
    expect(lockStatus({ cwd: repo }).state).not.toBe('held');
    rmSync(join(repo, 'block'));
    expect(lockstep(['init', '--chain'], repo).stdout).toMatch(/nothing changed/);

    const other = tempRepo();
    writeFileSync(join(other, '.git', 'hooks', 'post-commit'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const f = lockstep(['init', '--force'], other);
    expect(f.code).toBe(0);
    expect(f.stdout).toMatch(/post-commit\s+replaced/);
    expect(readFileSync(join(other, '.git', 'hooks', 'post-commit.lockstep-backup'), 'utf8')).toBe('#!/bin/sh\nexit 0\n');
  });

  test('hooks in the common hooks dir work in a linked worktree, sharing one lock', () => {
    const repo = tempRepo();
    startTask({ cwd: repo, id: 'A', scope: ['a/**'] });
    expect(lockstep(['init'], repo).code).toBe(0);
    const wt = join(tempDir(), 'wt');
    git(repo, 'worktree', 'add', '-q', '-b', 'wt', wt);
    expect(lockstep(['init', '--check'], wt).code).toBe(0);
    expect(taskCommit(wt, 'a/wt.txt').code).toBe(0);
    expect(trailers(wt)['Lockstep-Task']).toBe('A');
    const ev = readFileSync(join(repo, '.git', 'lockstep', 'events.jsonl'), 'utf8');
    expect(ev).toMatch(/"type":"release".*"via":"post-commit"/);
  });
});

/**
 * The real lint-staged (this package's devDependency) in `dir`'s
 * node_modules/.bin, as `npm install` puts it there; the project's own
 * node_modules stays a directory of its own, so a test can add to it.
 */
function installLintStaged(dir: string): void {
  const bin = join(dir, 'node_modules', '.bin');
  mkdirSync(bin, { recursive: true });
  symlinkSync(join(ROOT, 'node_modules', 'lint-staged', 'bin', 'lint-staged.js'), join(bin, 'lint-staged'));
}

/** The project's formatter, which lint-staged runs on staged *.txt files (upper-cases them) and whose changes it re-stages. */
const FORMATTER = "import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';\nappendFileSync('.lint.log', 'lint-staged ran\\n');\nfor (const f of process.argv.slice(2)) writeFileSync(f, readFileSync(f, 'utf8').toUpperCase());\n";

describe('husky', () => {
  /** A repository set up the husky + lint-staged way: husky 9's own installer, the real lint-staged running the project's formatter on staged *.txt. */
  function huskyRepo(): string {
    const repo = tempRepo();
    write(repo, 'package.json', JSON.stringify({ name: 'demo', private: true, scripts: { prepare: 'husky' }, 'lint-staged': { '*.txt': 'node format.mjs' } }, null, 2));
    write(repo, 'format.mjs', FORMATTER);
    installHusky(repo);
    installLintStaged(repo);
    write(repo, '.gitignore', 'node_modules/\n.lint.log\n');
    write(repo, '.husky/pre-commit', 'lint-staged\n');
    write(repo, '.husky/commit-msg', 'echo "commitlint ran" >> .lint.log\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'husky');
    rmSync(join(repo, '.lint.log'), { force: true });
    startTask({ cwd: repo, id: 'A', scope: ['a/**'] });
    return repo;
  }

  test('next to husky + lint-staged: a line is appended (idempotently) to each .husky hook; both run; commits succeed; nothing is lost', () => {
    const repo = huskyRepo();
    const before = read(repo, '.husky/pre-commit');
    const r = JSON.parse(lockstep(['init', '--json'], repo).stdout);
    expect(r.mode).toBe('husky');
    expect(r.entries.map((e: { state: string }) => e.state)).toEqual(['appended', 'appended', 'installed', 'installed']);
    const pre = read(repo, '.husky/pre-commit');
    // The lock first, the repository's own steps under it, the check last.
    expect(pre).toBe(`${huskyLine('pre-commit-lock')}\n${before}${huskyLine('pre-commit-check')}\n`);
    expect(pre).toMatch(/lockstep hook pre-commit "\$@"/);
    expect(pre).not.toContain(CLI); // the committed line is the same on every machine
    expect(existsSync(join(repo, '.husky', '_', 'pre-commit.lockstep-chained'))).toBe(false);
    const again = JSON.parse(lockstep(['init', '--json'], repo).stdout);
    expect(again.changed).toBe(false);
    expect(read(repo, '.husky/pre-commit')).toBe(pre);
    // Another task's file staged alongside: blocked by lockstep after lint-staged ran (with foreignChanges
    // "block"; the default, "commit-own", would commit a's part: __tests__/hooks/shared-split.test.ts).
    write(repo, 'lockstep.config.json', JSON.stringify({ foreignChanges: 'block' }));
    write(repo, 'b.txt', 'other\n');
    git(repo, 'add', 'b.txt');
    expect(taskCommit(repo, 'a/blocked.txt').code).not.toBe(0);
    // The blocked commit unstaged the other task's file (left in the worktree), so the next commit can go.
    expect(git(repo, 'diff', '--cached', '--name-only').split('\n')).not.toContain('b.txt');
    expect(read(repo, 'b.txt')).toMatch(/^other\n$/i); // as the repository's formatter left it
    const ok = taskCommit(repo, 'a/one.txt');
    expect(ok.stderr).not.toMatch(/lockstep: (warning|commit blocked)/);
    expect(ok.code).toBe(0);
    expect(gitRun(repo, ['show', 'HEAD:a/one.txt']).stdout).toBe('A/ONE.TXT\n'); // lint-staged's change is in the commit
    expect(read(repo, '.lint.log')).toBe('lint-staged ran\nlint-staged ran\ncommitlint ran\n');
    expect(trailers(repo)['Lockstep-Task']).toBe('A');
    expect(commitFiles(repo)).toEqual(['a/blocked.txt', 'a/one.txt']); // the blocked commit's own file stayed staged: nothing lost
    expect(gitRun(repo, ['status', '--porcelain', '--', 'a']).stdout).toBe('');
    expect(lockStatus({ cwd: repo }).state).toBe('free');
  });

  test('where the machine-local scripts are missing the husky line falls back to `lockstep hook` from PATH', () => {
    const repo = huskyRepo();
    expect(lockstep(['init'], repo).code).toBe(0);
    rmSync(join(repo, '.git', 'lockstep', 'hooks'), { recursive: true });
    const bin = join(repo, 'node_modules', '.bin');
    writeFileSync(join(bin, 'lockstep'), `#!/bin/sh\necho "node lockstep $2" >> .lint.log\nexec "${process.execPath}" "${CLI}" "$@"\n`, { mode: 0o755 });
    const r = taskCommit(repo, 'a/fallback.txt');
    expect(r.code).toBe(0);
    expect(trailers(repo)['Lockstep-Task']).toBe('A');
    expect(read(repo, '.lint.log')).toMatch(/node lockstep pre-commit-lock\nlint-staged ran\nnode lockstep pre-commit\n.*node lockstep commit-msg\n.*node lockstep post-commit/s);
    expect(lockStatus({ cwd: repo }).state).toBe('free');
  });

  test('a plain `git worktree add` turns the hooks on in the new worktree (post-checkout copies husky\'s runner) and says what its own steps need', () => {
    const repo = huskyRepo();
    expect(lockstep(['init'], repo).code).toBe(0);
    git(repo, 'add', '.husky');
    git(repo, 'commit', '-q', '--no-verify', '-m', 'lockstep lines');
    const wt = join(tempDir(), 'wt');
    const added = gitRun(repo, ['worktree', 'add', '-q', '-b', 'wt', wt]);
    expect(added.code).toBe(0);
    expect(existsSync(join(wt, '.husky', '_', 'h'))).toBe(true);
    expect(added.stderr).toMatch(/lockstep: turned on this repository's git hooks in this worktree/);
    expect(added.stderr).toMatch(/this worktree has no node_modules, and its hooks run:\n  lint-staged\n(  .*\n)*  commits here fail until you install them: npm install/);
    expect(lockstep(['init', '--check'], wt).code).toBe(0);
    installLintStaged(wt); // as npm install there would
    expect(gitRun(wt, ['status', '--porcelain']).stdout).toBe(''); // .husky/_ is git-ignored by husky
    const r1 = taskCommit(wt, 'a/auto.txt');
    expect(r1.code).toBe(0);
    expect(trailers(wt)['Lockstep-Task']).toBe('A');

    // Control: a worktree made with hooks off (so no post-checkout ran) has no runner, and commits there are unprotected.
    const bare = join(tempDir(), 'wt2');
    git(repo, '-c', 'core.hooksPath=/dev/null', 'worktree', 'add', '-q', '-b', 'wt2', bare);
    expect(existsSync(join(bare, '.husky', '_'))).toBe(false);
    installLintStaged(bare);
    const started = lockstep(['task', 'start', 'W', '--scope', 'w/**'], bare);
    expect(started.code).toBe(0);
    expect(started.stderr).toMatch(/warning: husky's runner .* is missing in this worktree.*run: lockstep init/);
    const check = lockstep(['init', '--check'], bare);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/husky's runner .* is missing in this worktree: git runs no hooks here/);
    expect(taskCommit(bare, 'a/unprotected.txt').code).toBe(0);
    expect(trailers(bare)).toEqual({});
    const fix = lockstep(['init'], bare);
    expect(fix.code).toBe(0);
    expect(fix.stdout).toMatch(/copied husky's runner into .*wt2/);
    expect(lockstep(['init', '--check'], bare).code).toBe(0);
    const r = taskCommit(bare, 'a/protected.txt');
    expect(r.code).toBe(0);
    expect(trailers(bare)['Lockstep-Task']).toBe('A');
  });
});
