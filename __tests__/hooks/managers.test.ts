/**
 * lockstep next to the hook managers people run, each installed for real
 * (husky 9's binary, lint-staged 16 with prettier, commitlint 20, lefthook,
 * simple-git-hooks, Debian's pre-commit): the whole commit runs inside the
 * commit lock, a clone without lockstep still commits, a plain
 * `git worktree add` is protected, `uninstall` restores every byte, and
 * `doctor` tells a good set-up from each bad one.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { huskyLine } from '../../src/hooks/install.js';
import { cleanupTemp, CLI, git, ROOT, tempDir, tempRepo } from '../helpers.js';
import { gitRun, lockstep, read, write } from '../tasks/fixtures.js';

afterAll(cleanupTemp);

const BIN = join(ROOT, 'node_modules', '.bin');

/**
 * A step of a hook manager that records, from inside the hook, who holds the
 * commit lock (`lockstep lock status --json`) and its own ancestor pids.
 */
function probeScript(): string {
  const file = join(tempDir('lockstep-probe-'), 'probe.mjs');
  writeFileSync(
    file,
    `import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
const [out, step] = process.argv.slice(2);
const anc = [];
for (let p = process.pid; p > 1; p = Number(readFileSync('/proc/' + p + '/stat', 'utf8').split(') ')[1].split(' ')[1])) anc.push(p);
const status = JSON.parse(execFileSync(process.execPath, [${JSON.stringify(CLI)}, 'lock', 'status', '--json'], { encoding: 'utf8' }));
const lock = (Array.isArray(status) ? status : [status]).find((l) => l && l.name === 'commit') ?? null;
appendFileSync(out, JSON.stringify({ step, anc, state: lock ? lock.state : 'free', holder: lock && lock.holder ? lock.holder.pid : null }) + '\\n');
`,
  );
  return file;
}

interface Seen {
  step: string;
  anc: number[];
  state: string;
  holder: number | null;
}

function seen(log: string): Seen[] {
  return existsSync(log) ? read(log, '').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Seen) : [];
}

/** The step ran under the commit lock, held for the git process of this very commit (one of the step's ancestors). */
function underLock(s: Seen): boolean {
  return s.state === 'held' && s.holder !== null && s.anc.includes(s.holder);
}

function linkModules(dir: string): void {
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
}

/** husky 9 (its own binary), lint-staged 16 running prettier on *.{md,json} plus the probe, commitlint 20 with config-conventional. */
function huskyRepo(log: string, probe: string): string {
  const repo = tempRepo();
  linkModules(repo);
  write(repo, '.gitignore', 'node_modules\n');
  const step = `node ${probe} ${log}`;
  write(repo, 'package.json', JSON.stringify({ name: 'demo', private: true, type: 'module', 'lint-staged': { '*.{md,json}': [`${step} lint-staged`, 'prettier --write'] } }, null, 2) + '\n');
  write(repo, 'commitlint.config.js', "export default { extends: ['@commitlint/config-conventional'] };\n");
  const init = spawnSync(join(BIN, 'husky'), ['init'], { cwd: repo, encoding: 'utf8', env: { ...process.env, PATH: `${BIN}:${process.env.PATH}` } });
  expect(init.status).toBe(0);
  expect(git(repo, 'config', 'core.hooksPath')).toBe('.husky/_');
  write(repo, '.husky/pre-commit', 'npx lint-staged\n');
  write(repo, '.husky/commit-msg', `${step} commitlint\nnpx --no -- commitlint --edit "$1"\n`);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '--no-verify', '-m', 'chore: husky');
  return repo;
}

function commitJson(repo: string, name: string, env: Record<string, string | undefined> = {}) {
  write(repo, name, '{"a":1,   "b":[1,2]}\n');
  git(repo, 'add', name);
  return gitRun(repo, ['commit', '-q', '-m', `feat: add ${name}`], env);
}

describe('the whole commit inside the lock', () => {
  test('husky 9 + lint-staged + commitlint: lint-staged (stash, prettier, re-stage) and commitlint run under the commit lock of this git process', () => {
    const log = join(tempDir(), 'seen.log');
    const repo = huskyRepo(log, probeScript());
    expect(lockstep(['init'], repo).code).toBe(0);
    const pre = read(repo, '.husky/pre-commit');
    expect(pre).toBe(`${huskyLine('pre-commit-lock')}\nnpx lint-staged\n${huskyLine('pre-commit-check')}\n`);
    const r = commitJson(repo, 'x.json');
    expect(r.stderr).not.toMatch(/lockstep: (warning|commit blocked)/);
    expect(r.code).toBe(0);
    expect(gitRun(repo, ['show', 'HEAD:x.json']).stdout).toBe('{ "a": 1, "b": [1, 2] }\n'); // prettier's result is what was committed
    const s = seen(log);
    expect(s.map((x) => x.step)).toEqual(['lint-staged', 'commitlint']);
    for (const x of s) expect(underLock(x)).toBe(true);
    expect(s[0]!.holder).toBe(s[1]!.holder);
    expect(JSON.parse(lockstep(['lock', 'status', '--json'], repo).stdout)).not.toMatchObject({ state: 'held' });
    // commitlint still rejects a bad message, and the lock does not outlive the aborted commit.
    write(repo, 'y.json', '{}\n');
    git(repo, 'add', 'y.json');
    expect(gitRun(repo, ['commit', '-q', '-m', 'bad message']).code).not.toBe(0);
    expect(commitJson(repo, 'z.json').code).toBe(0);
  });

  test('control: with lockstep only at the end of .husky/pre-commit (the layout init wrote before), lint-staged runs outside the lock', () => {
    const log = join(tempDir(), 'seen.log');
    const repo = huskyRepo(log, probeScript());
    expect(lockstep(['init'], repo).code).toBe(0);
    write(repo, '.husky/pre-commit', `npx lint-staged\n${huskyLine('pre-commit-check')}\n`);
    expect(commitJson(repo, 'x.json').code).toBe(0);
    const s = seen(log).find((x) => x.step === 'lint-staged')!;
    expect(underLock(s)).toBe(false);
  });

  test('lefthook (installed with its binary): init chains its hook; its pre-commit command runs under the lock', () => {
    const log = join(tempDir(), 'seen.log');
    const probe = probeScript();
    const repo = tempRepo();
    linkModules(repo);
    write(repo, '.gitignore', 'node_modules\n');
    write(repo, 'lefthook.yml', `pre-commit:\n  commands:\n    probe:\n      run: node ${probe} ${log} lefthook\n`);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'lefthook');
    expect(spawnSync(join(BIN, 'lefthook'), ['install'], { cwd: repo }).status).toBe(0);
    const init = lockstep(['init'], repo);
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/pre-commit\s+chained \(takes the lock, runs .*pre-commit\.lockstep-chained \(lefthook\) under it, then checks\)/);
    expect(commitJson(repo, 'x.json').code).toBe(0);
    const s = seen(log);
    expect(s.map((x) => x.step)).toEqual(['lefthook']);
    expect(underLock(s[0]!)).toBe(true);
  });

  test('simple-git-hooks (installed with its binary): its pre-commit command runs under the lock', () => {
    const log = join(tempDir(), 'seen.log');
    const probe = probeScript();
    const repo = tempRepo();
    linkModules(repo);
    write(repo, '.gitignore', 'node_modules\n');
    write(repo, 'package.json', JSON.stringify({ name: 'demo', 'simple-git-hooks': { 'pre-commit': `node ${probe} ${log} simple-git-hooks` } }));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'sgh');
    expect(spawnSync(join(BIN, 'simple-git-hooks'), [], { cwd: repo }).status).toBe(0);
    expect(lockstep(['init'], repo).stdout).toMatch(/chained .*\(simple-git-hooks\)/);
    expect(commitJson(repo, 'x.json').code).toBe(0);
    const s = seen(log);
    expect(s.map((x) => x.step)).toEqual(['simple-git-hooks']);
    expect(underLock(s[0]!)).toBe(true);
  });

  test('the pre-commit framework (pre-commit install, a repo: local hook): its hook runs under the lock', () => {
    const log = join(tempDir(), 'seen.log');
    const probe = probeScript();
    const repo = tempRepo();
    write(repo, '.pre-commit-config.yaml', `repos:\n- repo: local\n  hooks:\n  - id: probe\n    name: probe\n    entry: ${process.execPath} ${probe} ${log} pre-commit\n    language: system\n    always_run: true\n    pass_filenames: false\n`);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'pre-commit');
    const inst = spawnSync('pre-commit', ['install'], { cwd: repo, encoding: 'utf8' });
    expect(inst.status).toBe(0);
    expect(lockstep(['init'], repo).stdout).toMatch(/chained .*\(pre-commit\)/);
    expect(commitJson(repo, 'x.json').code).toBe(0);
    const s = seen(log);
    expect(s.map((x) => x.step)).toEqual(['pre-commit']);
    expect(underLock(s[0]!)).toBe(true);
  });

  test('a plain hook in core.hooksPath, chained with --chain: it runs under the lock', () => {
    const log = join(tempDir(), 'seen.log');
    const probe = probeScript();
    const repo = tempRepo();
    git(repo, 'config', 'core.hooksPath', 'githooks');
    write(repo, 'githooks/pre-commit', `#!/bin/sh\nnode ${probe} ${log} plain\n`);
    spawnSync('chmod', ['+x', join(repo, 'githooks/pre-commit')]);
    expect(lockstep(['init', '--chain'], repo).code).toBe(0);
    expect(commitJson(repo, 'x.json').code).toBe(0);
    const s = seen(log);
    expect(s.map((x) => x.step)).toEqual(['plain']);
    expect(underLock(s[0]!)).toBe(true);
  });
});

describe('teammates and CI without lockstep', () => {
  function cloneWithoutLockstep(repo: string): string {
    const clone = join(tempDir(), 'clone');
    git(repo, 'clone', '-q', repo, clone);
    git(clone, 'config', 'user.name', 'T');
    git(clone, 'config', 'user.email', 't@example.invalid');
    linkModules(clone);
    expect(spawnSync(process.execPath, [join(ROOT, 'node_modules', 'husky', 'bin.js')], { cwd: clone }).status).toBe(0);
    return clone;
  }
  /** PATH without any lockstep on it (node_modules/.bin of the package itself has none). */
  const noLockstep = { PATH: (process.env.PATH ?? '').split(':').filter((d) => !existsSync(join(d, 'lockstep'))).join(':') };

  test('a clone with the committed .husky/ and no lockstep commits through husky (lint-staged still runs), with one line; strict mode fails with the install hint', () => {
    const log = join(tempDir(), 'seen.log');
    const repo = huskyRepo(log, probeScript());
    expect(lockstep(['init'], repo).code).toBe(0);
    git(repo, 'add', '.husky');
    git(repo, 'commit', '-q', '--no-verify', '-m', 'chore: lockstep lines');
    const clone = cloneWithoutLockstep(repo);
    expect(existsSync(join(clone, '.git', 'lockstep'))).toBe(false);
    const r = commitJson(clone, 'x.json', noLockstep);
    expect(r.code).toBe(0);
    expect(gitRun(clone, ['show', 'HEAD:x.json']).stdout).toBe('{ "a": 1, "b": [1, 2] }\n'); // lint-staged + prettier ran
    const mine = r.stderr.split('\n').filter((l) => l.startsWith('lockstep'));
    expect(mine).toEqual(['lockstep: not installed here, committing without the commit lock (to install: npm install --save-dev lockstep, then lockstep init)']);
    // LOCKSTEP_SKIP=1 skips only lockstep: quiet, and commitlint still runs (and rejects).
    write(clone, 'y.json', '{}\n');
    git(clone, 'add', 'y.json');
    const skipped = gitRun(clone, ['commit', '-q', '-m', 'feat: y'], { ...noLockstep, LOCKSTEP_SKIP: '1' });
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).not.toMatch(/^lockstep/m);
    expect(gitRun(clone, ['commit', '-q', '--allow-empty', '-m', 'not conventional'], { ...noLockstep, LOCKSTEP_SKIP: '1' }).code).not.toBe(0);
    // Strict: requireHooks in the repository's configuration.
    write(clone, 'lockstep.config.json', '{ "requireHooks": true }\n');
    const strict = commitJson(clone, 'z.json', noLockstep);
    expect(strict.code).not.toBe(0);
    expect(strict.stderr).toMatch(/lockstep: this repository requires lockstep's commit hooks \(requireHooks\) and lockstep is not installed here; fix: npm install --save-dev lockstep, then lockstep init/);
    expect(gitRun(clone, ['rev-list', '--count', 'HEAD']).stdout.trim()).toBe(String(Number(git(repo, 'rev-list', '--count', 'HEAD')) + 2));
  });
});

describe('worktrees', () => {
  test('a plain `git worktree add` worktree is protected: husky\'s runner is turned on there, what its steps need is said, lint-staged runs under the lock', () => {
    const log = join(tempDir(), 'seen.log');
    const repo = huskyRepo(log, probeScript());
    expect(lockstep(['init'], repo).code).toBe(0);
    git(repo, 'add', '.husky');
    git(repo, 'commit', '-q', '--no-verify', '-m', 'chore: lockstep lines');
    const wt = join(tempDir(), 'wt');
    const added = gitRun(repo, ['worktree', 'add', '-q', '-b', 'wt', wt]);
    expect(added.code).toBe(0);
    expect(existsSync(join(wt, '.husky', '_', 'h'))).toBe(true);
    expect(added.stderr).toMatch(/this worktree has no node_modules, and its hooks run:\n  npx lint-staged\n/);
    const doc = JSON.parse(lockstep(['doctor', '--json'], repo).stdout);
    expect(doc.findings).toContainEqual(expect.objectContaining({ level: 'problem', worktree: wt, what: expect.stringMatching(/has no node_modules/) }));
    linkModules(wt);
    const r = commitJson(wt, 'w.json');
    expect(r.code).toBe(0);
    const s = seen(log);
    expect(s.map((x) => x.step)).toEqual(['lint-staged', 'commitlint']);
    for (const x of s) expect(underLock(x)).toBe(true);
  });
});

/** Every file under each dir (recursively) and each file given: bytes and mode. */
function snapshot(paths: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      out[p + '/'] = (st.mode & 0o7777).toString(8);
      for (const f of readdirSync(p)) walk(join(p, f));
    } else out[p] = `${(st.mode & 0o7777).toString(8)} ${readFileSync(p).toString('base64')}`;
  };
  for (const p of paths) walk(p);
  return out;
}

describe('lockstep uninstall', () => {
  test('husky with custom hooks, init run twice and a worktree made since: every file and the git config byte for byte as before', () => {
    const log = join(tempDir(), 'seen.log');
    const repo = huskyRepo(log, probeScript());
    write(repo, '.husky/post-commit', '#!/bin/sh\necho done'); // no final newline, on purpose
    spawnSync('chmod', ['750', join(repo, '.husky/post-commit')]);
    const wt = join(tempDir(), 'wt');
    git(repo, 'worktree', 'add', '-q', '-b', 'wt', wt); // before init: no runner there
    const watched = [join(repo, '.husky'), join(repo, '.git', 'hooks'), join(repo, '.git', 'config'), join(repo, '.git', 'lockstep', 'hooks'), join(wt, '.husky')];
    const before = snapshot(watched);
    expect(lockstep(['init'], repo).code).toBe(0);
    expect(existsSync(join(wt, '.husky', '_', 'h'))).toBe(true); // init turned it on in the existing worktree
    expect(lockstep(['init'], repo).code).toBe(0);
    expect(snapshot(watched)).not.toEqual(before);
    const u = lockstep(['uninstall', '--json'], repo);
    expect(u.code).toBe(0);
    const r = JSON.parse(u.stdout);
    expect(r.ok).toBe(true);
    expect(r.entries.map((e: { action: string }) => e.action)).toContain('restored');
    expect(snapshot(watched)).toEqual(before);
    expect(JSON.parse(lockstep(['uninstall', '--json'], repo).stdout).recorded).toBe(false);
  });

  test('a plain repository with a foreign hook chained: the foreign hook is back under its name, with its mode', () => {
    const repo = tempRepo();
    const hooks = join(repo, '.git', 'hooks');
    writeFileSync(join(hooks, 'pre-commit'), '#!/bin/sh\necho mine\n', { mode: 0o700 });
    const before = snapshot([hooks, join(repo, '.git', 'config')]);
    expect(lockstep(['init', '--chain'], repo).code).toBe(0);
    expect(existsSync(join(hooks, 'pre-commit.lockstep-chained'))).toBe(true);
    expect(lockstep(['uninstall'], repo).code).toBe(0);
    expect(snapshot([hooks, join(repo, '.git', 'config')])).toEqual(before);
  });

  test('core.hooksPath: the directory init filled is as before; an edit made since init is kept, lockstep\'s part removed', () => {
    const repo = tempRepo();
    git(repo, 'config', 'core.hooksPath', 'githooks');
    const before = snapshot([join(repo, 'githooks'), join(repo, '.git', 'config')]);
    expect(lockstep(['init'], repo).code).toBe(0);
    expect(lockstep(['uninstall'], repo).code).toBe(0);
    expect(snapshot([join(repo, 'githooks'), join(repo, '.git', 'config')])).toEqual(before);
    // husky file edited after init: uninstall keeps the edit and takes out only lockstep's lines.
    const h = tempRepo();
    expect(spawnSync(process.execPath, [join(ROOT, 'node_modules', 'husky', 'bin.js')], { cwd: h }).status).toBe(0);
    write(h, '.husky/pre-commit', 'echo one\n');
    expect(lockstep(['init'], h).code).toBe(0);
    write(h, '.husky/pre-commit', read(h, '.husky/pre-commit') + 'echo two\n');
    const u = JSON.parse(lockstep(['uninstall', '--json'], h).stdout);
    expect(u.entries).toContainEqual(expect.objectContaining({ path: join(h, '.husky/pre-commit'), action: 'unmarked' }));
    expect(read(h, '.husky/pre-commit')).toBe('echo one\necho two\n');
  });
});

describe('lockstep doctor', () => {
  test('a correct set-up is OK in every worktree (dry run reaches lockstep first, runs none of the repository\'s steps); each bad one is flagged with its fix', () => {
    const log = join(tempDir(), 'seen.log');
    const repo = huskyRepo(log, probeScript());
    expect(lockstep(['init'], repo).code).toBe(0);
    const wt = join(tempDir(), 'wt');
    git(repo, 'worktree', 'add', '-q', '-b', 'wt', wt);
    linkModules(wt);
    // The lines are not committed yet: the new worktree's checkout of .husky/pre-commit has none.
    const uncommitted = JSON.parse(lockstep(['doctor', '--json'], repo).stdout);
    expect(uncommitted.findings).toContainEqual(expect.objectContaining({ level: 'problem', worktree: wt, what: expect.stringMatching(/\.husky\/pre-commit has no lockstep line: commits are not locked/) }));
    git(repo, 'add', '.husky');
    git(repo, 'commit', '-q', '--no-verify', '-m', 'chore: lockstep lines');
    git(wt, 'merge', '-q', '--ff-only', 'main');
    write(repo, 'x.json', '{"a":1,   "b":2}\n');
    git(repo, 'add', 'x.json'); // staged: a dry run must not touch it
    const good = lockstep(['doctor', '--json'], repo);
    const g = JSON.parse(good.stdout);
    expect(g.worktrees.map((w: { fired: boolean }) => w.fired)).toEqual([true, true]);
    expect(g.ok).toBe(true);
    expect(good.code).toBe(0);
    expect(g.findings.map((f: { level: string; what: string }) => f.level + ' ' + f.what)).toEqual([expect.stringMatching(/^warning lint-staged hides the unstaged changes/)]);
    expect(seen(log)).toEqual([]); // lint-staged never ran
    expect(read(repo, 'x.json')).toBe('{"a":1,   "b":2}\n');
    expect(gitRun(repo, ['diff', '--cached', '--name-only']).stdout).toBe('x.json\n');

    // lockstep's line after lint-staged (the old layout).
    const pre = read(repo, '.husky/pre-commit');
    write(repo, '.husky/pre-commit', `npx lint-staged\n${huskyLine('pre-commit-lock')}\n${huskyLine('pre-commit-check')}\n`);
    const late = lockstep(['doctor'], repo);
    expect(late.code).toBe(1);
    expect(late.stdout).toMatch(/problem: .*lockstep's lock is not the first step of .*pre-commit: the steps before it \(lint-staged's stash and re-stage, formatters\) run outside the commit lock\n  fix: lockstep init/);
    write(repo, '.husky/pre-commit', pre);

    // A worktree where no hook fires (made with hooks off: no runner).
    const off = join(tempDir(), 'off');
    git(repo, '-c', 'core.hooksPath=/dev/null', 'worktree', 'add', '-q', '-b', 'off', off);
    const d2 = JSON.parse(lockstep(['doctor', '--json'], repo).stdout);
    expect(d2.ok).toBe(false);
    expect(d2.findings).toContainEqual(expect.objectContaining({ level: 'problem', worktree: off, what: expect.stringMatching(/husky's runner .* is missing: git runs no hooks in this worktree/), fix: `lockstep init (in ${off})` }));
    expect(d2.findings).toContainEqual(expect.objectContaining({ level: 'problem', worktree: off, what: expect.stringMatching(/has no node_modules/) }));
    rmSync(off, { recursive: true });
    git(repo, 'worktree', 'prune');

    // A dry run that does not reach lockstep: the runner is there but the stub does not run (not executable).
    spawnSync('chmod', ['-x', join(wt, '.husky', '_', 'pre-commit')]);
    const d3 = JSON.parse(lockstep(['doctor', '--json'], repo).stdout);
    expect(d3.findings).toContainEqual(expect.objectContaining({ level: 'problem', worktree: wt }));
    spawnSync('chmod', ['+x', join(wt, '.husky', '_', 'pre-commit')]);
    expect(JSON.parse(lockstep(['doctor', '--json'], repo).stdout).ok).toBe(true);
  });

  test('another manager re-installed over lockstep\'s shim (lefthook install after init) is flagged', () => {
    const repo = tempRepo();
    linkModules(repo);
    write(repo, '.gitignore', 'node_modules\n');
    write(repo, 'lefthook.yml', 'pre-commit:\n  commands:\n    hi:\n      run: echo hi\n');
    expect(spawnSync(join(BIN, 'lefthook'), ['install'], { cwd: repo }).status).toBe(0);
    expect(lockstep(['init'], repo).code).toBe(0);
    expect(JSON.parse(lockstep(['doctor', '--json'], repo).stdout).ok).toBe(true);
    rmSync(join(repo, '.git', 'hooks', 'pre-commit'));
    expect(spawnSync(join(BIN, 'lefthook'), ['install', '--force'], { cwd: repo }).status).toBe(0);
    const d = lockstep(['doctor'], repo);
    expect(d.code).toBe(1);
    expect(d.stdout).toMatch(/problem: .*pre-commit is not lockstep's \(lefthook wrote it after lockstep init\): commits are not locked\n  fix: lockstep init/);
  });
});

