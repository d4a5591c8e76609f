/**
 * The shell-command parser (src/core/shell-commands.ts) and the classifier
 * of dangerous git commands built on it (src/core/git-danger.ts), which the
 * linter's git-add-all and remove-git-lock rules and the agent hooks share:
 * every dangerous form is found with its kind, however it is wrapped, and
 * no look-alike (quoted text, a message, a comment, a heredoc body, a
 * read-only or dry-run form) is.
 */
import { describe, expect, test } from '@jest/globals';
import { DANGER_ADVICE, findDangerousGit, type DangerKind } from '../../src/core/git-danger.js';
import { parseCommands } from '../../src/core/shell-commands.js';

const argvs = (command: string) => parseCommands(command).map((c) => c.argv);
const kinds = (command: string) => findDangerousGit(command).map((f) => f.kind);

/** `sh -c STRING` with STRING single-quoted the way a shell-quoting library does it. */
const shC = (command: string) => `sh -c '${command.replace(/'/g, `'\\''`)}'`;

const DANGEROUS: [string, DangerKind][] = [
  // the commands themselves
  ['git add -A', 'add-all'],
  ['git add --all', 'add-all'],
  ['git add .', 'add-all'],
  ['git add ./', 'add-all'],
  ['git add :/', 'add-all'],
  ['git add *', 'add-all'],
  ['git add -u', 'add-all'],
  ['git add --update', 'add-all'],
  ['git add --no-ignore-removal', 'add-all'],
  ['git add -Av', 'add-all'],
  ['git add -- :/', 'add-all'],
  ['git add ..', 'add-all'],
  ["git add -A ':!secret.txt'", 'add-all'],
  ['git add "$(git rev-parse --show-toplevel)"', 'add-all'],
  ['git commit -a', 'commit-all'],
  ['git commit --all -m x', 'commit-all'],
  ['git commit -am "msg"', 'commit-all'],
  ['git commit -qam msg', 'commit-all'],
  ['git commit -m msg .', 'commit-all'],
  ['git commit --amend --no-edit -a', 'commit-all'],
  ['git stash', 'stash'],
  ['git stash push', 'stash'],
  ['git stash save wip', 'stash'],
  ['git stash -u', 'stash'],
  ['git stash pop', 'stash'],
  ['git stash apply', 'stash'],
  ['git stash drop', 'stash'],
  ['git stash clear', 'stash'],
  ['git stash push -- src/a.ts', 'stash'],
  ['git reset --hard', 'reset-hard'],
  ['git reset HEAD~1 --hard', 'reset-hard'],
  ['git reset --hard origin/main', 'reset-hard'],
  ['git checkout -- .', 'checkout-all'],
  ['git checkout .', 'checkout-all'],
  ['git checkout HEAD -- .', 'checkout-all'],
  ['git checkout -f', 'checkout-all'],
  ['git checkout --force main', 'checkout-all'],
  ['git restore .', 'checkout-all'],
  ['git restore --staged --worktree .', 'checkout-all'],
  ['git restore -- .', 'checkout-all'],
  ['git restore -s HEAD~2 :/', 'checkout-all'],
  ['git switch -f main', 'checkout-all'],
  ['git switch --discard-changes main', 'checkout-all'],
  ['git clean -f', 'clean-force'],
  ['git clean -fd', 'clean-force'],
  ['git clean -xfd', 'clean-force'],
  ['git clean --force', 'clean-force'],
  ['git clean -e "*.log" -fdx', 'clean-force'],
  ['git -c clean.requireForce=false clean -d', 'clean-force'],
  ['rm -f .git/index.lock', 'remove-git-lock'],
  ['rm "$(git rev-parse --git-dir)/index.lock"', 'remove-git-lock'],
  ['unlink .git/worktrees/x/index.lock', 'remove-git-lock'],
  ['rm -f HEAD.lock', 'remove-git-lock'],
  ['rm .git/config.lock', 'remove-git-lock'],
  ['rm -f -- "$GIT_DIR/packed-refs.lock"', 'remove-git-lock'],
  ['mv .git/index.lock /tmp/stale', 'remove-git-lock'],
  ['[ -e .git/index.lock ] && rm .git/index.lock', 'remove-git-lock'],
  ['sudo rm -rf .git/index.lock', 'remove-git-lock'],
  // git's global options
  ['git -C dir add -A', 'add-all'],
  ['git -c core.x=y add .', 'add-all'],
  ['git --git-dir=x --work-tree=y add -A', 'add-all'],
  ['git --no-pager -C a -c x=y stash', 'stash'],
  // lists, pipelines, separators
  ['cd x && git add .', 'add-all'],
  ['a; git stash', 'stash'],
  ['a || git reset --hard', 'reset-hard'],
  ['a | git clean -fdx', 'clean-force'],
  ['make & git add -A', 'add-all'],
  ['echo hi\ngit add -A', 'add-all'],
  ['git add \\\n  -A', 'add-all'],
  ['git status;git stash;', 'stash'],
  // assignments and wrappers
  ['FOO=1 GIT_DIR=x git add -A', 'add-all'],
  ['env -i git add -A', 'add-all'],
  ['env -u HOME FOO=bar git add .', 'add-all'],
  ['command git stash', 'stash'],
  ['exec git add -A', 'add-all'],
  ['nice -n 5 git add -A', 'add-all'],
  ['timeout 10 git stash', 'stash'],
  ['timeout -s KILL 5m git reset --hard', 'reset-hard'],
  ['nohup git add . &', 'add-all'],
  ['time git commit -a -m x', 'commit-all'],
  ['sudo -u bob git reset --hard', 'reset-hard'],
  ['xargs git stash', 'stash'],
  ['/usr/bin/env git add -A', 'add-all'],
  // how the command name is written
  ['/usr/bin/git add -A', 'add-all'],
  ['\\git add -A', 'add-all'],
  ['"git" add -A', 'add-all'],
  ["g'i't add \"-A\"", 'add-all'],
  // shell code in strings
  ["sh -c 'git add -A'", 'add-all'],
  ['bash -lc "cd x && git commit -am m"', 'commit-all'],
  ['bash -c "bash -c \'git stash\'"', 'stash'],
  ['bash -e -o pipefail -c "git clean -fd"', 'clean-force'],
  ["zsh -c $'git add -A\\n'", 'add-all'],
  ['eval "git add -A"', 'add-all'],
  ["su -c 'git reset --hard' bob", 'reset-hard'],
  ["xargs -I{} sh -c 'git stash'", 'stash'],
  // substitutions, subshells, compound commands
  ['echo $(git stash)', 'stash'],
  ['echo `git reset --hard`', 'reset-hard'],
  ['echo "result: $(git add -A)"', 'add-all'],
  ['x=$(cd sub && git clean -f)', 'clean-force'],
  ['diff <(git stash show -p) x; git stash drop', 'stash'],
  ['echo $(( $(git stash) + 1 ))', 'stash'],
  ['( git add . )', 'add-all'],
  ['{ git add .; }', 'add-all'],
  ['if true; then git add -A; fi', 'add-all'],
  ['if git diff --quiet; then :; else git stash; fi', 'stash'],
  ['for f in a b; do git add .; done', 'add-all'],
  ['while true; do git stash; break; done', 'stash'],
  ['for ((i = 0; i < 3; i++)); do git stash; done', 'stash'],
  ['case $x in a) git add -A;; esac', 'add-all'],
  ['case $x in\n  (a|b) echo a ;;\n  *) git reset --hard ;;\nesac', 'reset-hard'],
  ['f() { git clean -fd; }', 'clean-force'],
  ['function f { git clean -fd; }', 'clean-force'],
  ['! git stash', 'stash'],
  // heredocs that are code
  ["bash <<'EOF'\ngit add -A\nEOF", 'add-all'],
  ['cat <<EOF\n$(git stash)\nEOF', 'stash'],
  ["bash <<< 'git reset --hard'", 'reset-hard'],
  ["git commit -m \"$(cat <<'EOF'\nmsg\nEOF\n)\" -a", 'commit-all'],
];

const HARMLESS: string[] = [
  'git add src/a.ts',
  'git add -- src/a.ts',
  'git add -p',
  'git add -N file',
  'git add -A src/',
  'git add -u src/a.ts',
  'git add --pathspec-from-file=list.txt',
  'git add -A --dry-run',
  'git add -n .',
  'git add -i',
  'echo "git add -A"',
  "echo 'git stash'",
  'echo git add -A; echo done',
  'echo hi # git stash',
  '# git add -A',
  "printf '%s' \"git clean -f\"",
  "grep 'git reset --hard' notes.md",
  'git commit -m "git add -A"',
  'git commit -m "-a"',
  'git commit -m -a',
  'git commit -ma',
  'git commit --message --all',
  "git commit -m \"$(cat <<'EOF'\nfix: never git add -A; git stash\nEOF\n)\" -- src/a.ts",
  "git commit -F - <<'EOF'\ngit add -A\nEOF",
  'git commit --amend --no-edit',
  'git commit -a --dry-run',
  'git log --all',
  "git log --grep='git add -A'",
  'git stash list',
  'git stash show -p',
  'git stash create',
  'git stash --help',
  'git diff -- .',
  'git diff --stat -- .',
  'git status .',
  "git grep -n 'reset --hard' -- .",
  'git clean -n',
  'git clean --dry-run -fd',
  'git clean -fd build/',
  'git clean -i',
  "git clean -e '*.log' -n",
  'git checkout main',
  'git checkout -b feature',
  'git checkout -f -- src/a.ts',
  'git checkout HEAD -- src/a.ts',
  'git checkout -p .',
  'git switch main',
  'git switch -c feature',
  'git restore src/a.ts',
  'git restore --staged src/a.ts',
  'git restore -p .',
  'git reset --soft HEAD~1',
  'git reset --keep HEAD~1',
  'git reset --merge',
  'git reset HEAD src/a.ts',
  'git rm --cached src/a.ts',
  'cat .git/index.lock',
  'ls .git/index.lock',
  'test -f .git/index.lock && echo locked',
  'rm -f build.lock',
  'rm -f package-lock.json yarn.lock',
  'rm -rf node_modules/.cache/x.lock',
  'mv /tmp/x .git/index.lock.bak',
  'lockstep git-locks --clear',
  'cat <<EOF\ngit add -A\nEOF',
  "cat > notes.md <<'EOF'\nrun git clean -fdx and rm .git/index.lock\nEOF",
  'cat <<-EOF\n\tgit stash\n\tEOF',
  "bash -c 'echo git add -A'",
  'echo "$(echo git stash)"',
  'sh script.sh',
  'command -v git',
  "FOO='git add -A' make",
  "alias ga='git add -A'",
  'x="git stash"',
  'args=(git add -A)',
  "echo 'unbalanced quote git add -A",
  'git commit -m "unterminated git add -A',
  'ssh-add -A',
  'git-lfs add .',
  'digit add -A',
  'echo $((1 << 2))',
];

describe('findDangerousGit: dangerous forms', () => {
  test('there are enough of them', () => {
    expect(DANGEROUS.length).toBeGreaterThanOrEqual(45);
  });

  test.each(DANGEROUS)('%j → %s', (command, kind) => {
    expect(kinds(command)).toEqual([kind]);
  });
});

describe('findDangerousGit: harmless look-alikes', () => {
  test('there are enough of them', () => {
    expect(HARMLESS.length).toBeGreaterThanOrEqual(45);
  });

  test.each(HARMLESS)('%j', (command) => {
    expect(findDangerousGit(command)).toEqual([]);
  });
});

describe('findDangerousGit: findings', () => {
  test('each finding is the simple command as written, in the order the shell runs them', () => {
    expect(findDangerousGit('git status && FOO=1 git add -A; echo $(git stash) | git clean -fd')).toEqual([
      { kind: 'add-all', text: 'FOO=1 git add -A' },
      { kind: 'stash', text: 'git stash' },
      { kind: 'clean-force', text: 'git clean -fd' },
    ]);
    expect(findDangerousGit("bash -c 'git status; git reset --hard HEAD'")).toEqual([{ kind: 'reset-hard', text: 'git reset --hard HEAD' }]);
    expect(findDangerousGit('if x; then git add .; fi')).toEqual([{ kind: 'add-all', text: 'git add .' }]);
  });

  test('cwd: the cd before the command and git -C, joined; a subshell keeps its cd to itself', () => {
    const cwd = (command: string) => findDangerousGit(command).map((f) => f.cwd);
    expect(cwd('cd repo && git add -A')).toEqual(['repo']);
    expect(cwd('cd repo; cd sub && git -C ../other add .')).toEqual(['repo/other']);
    expect(cwd('git -C /abs/repo stash')).toEqual(['/abs/repo']);
    expect(cwd('cd "$REPO" && git reset --hard')).toEqual(['$REPO']);
    expect(cwd('(cd sub && git stash); git stash')).toEqual(['sub', undefined]);
    expect(cwd('cd a && bash -c "cd b && git clean -f"')).toEqual(['a/b']);
    expect(cwd('env -C there git add .; git add .')).toEqual(['there', undefined]);
    expect(cwd('cd x; cd -; git add -A')).toEqual([undefined]);
    expect(cwd('cd w && rm -f .git/index.lock')).toEqual(['w']);
  });

  test('every kind has a reason and the command to use instead', () => {
    for (const advice of Object.values(DANGER_ADVICE)) {
      expect(advice.reason).toMatch(/\w{3}/);
      expect(advice.instead).toMatch(/\w{3}/);
    }
    expect(DANGER_ADVICE['add-all'].instead).toContain('lockstep commit --task ID -m MSG -- PATH…');
    expect(DANGER_ADVICE['remove-git-lock'].instead).toContain('lockstep git-locks --clear');
  });
});

describe('parseCommands', () => {
  test('quote removal: single, double, $\'…\', backslashes, adjacent parts', () => {
    expect(argvs(`echo 'a b' "c d" e\\ f g"h"'i'`)).toEqual([['echo', 'a b', 'c d', 'e f', 'ghi']]);
    expect(argvs(`echo "a \\"b\\" \\$c \\n"`)).toEqual([['echo', 'a "b" $c \\n']]);
    expect(argvs(`echo $'a\\tb\\'c\\x41\\101'`)).toEqual([['echo', "a\tb'cAA"]]);
    expect(argvs(`echo 'it'\\''s'`)).toEqual([['echo', "it's"]]);
    expect(argvs('echo "${HOME}/x" $HOME')).toEqual([['echo', '${HOME}/x', '$HOME']]);
  });

  test('separators, newlines, continuations, comments and redirections', () => {
    expect(argvs('a && b || c | d |& e & f; g\nh')).toEqual([['a'], ['b'], ['c'], ['d'], ['e'], ['f'], ['g'], ['h']]);
    expect(argvs('a \\\n  b # c; d\ne')).toEqual([['a', 'b'], ['e']]);
    expect(argvs('a 2>&1 >out <in &>all 3<>x b')).toEqual([['a', 'b']]);
    expect(argvs('a#b c')).toEqual([['a#b', 'c']]);
  });

  test('$(…), backticks and <(…) run before the command that holds them, which keeps them as written', () => {
    expect(argvs('echo $(date) `whoami` <(ls)')).toEqual([['date'], ['whoami'], ['ls'], ['echo', '$(date)', '`whoami`', '<(ls)']]);
    expect(argvs('echo "$(echo "$(git stash)")"')).toEqual([['git', 'stash'], ['echo', '$(git stash)'], ['echo', '$(echo "$(git stash)")']]);
    expect(argvs('echo `echo \\`git stash\\``')).toEqual([['git', 'stash'], ['echo', '`git stash`'], ['echo', '`echo \\`git stash\\``']]);
  });

  test('sh -c, eval and a script fed to a shell on stdin are parsed; script files are not', () => {
    expect(argvs("sh -c 'git stash' arg0")).toEqual([['sh', '-c', 'git stash', 'arg0'], ['git', 'stash']]);
    expect(argvs('bash -c "echo $(date)"')).toEqual([['date'], ['bash', '-c', 'echo $(date)'], ['echo', '_']]);
    expect(argvs('eval git stash')).toEqual([['eval', 'git', 'stash'], ['git', 'stash']]);
    expect(argvs("bash <<'X'\ngit stash\nX")).toEqual([['bash'], ['git', 'stash']]);
    expect(argvs('bash x.sh <<X\ngit stash\nX')).toEqual([['bash', 'x.sh']]);
  });

  test('heredoc bodies are data; an unquoted one still runs its substitutions; <<- strips tabs', () => {
    expect(argvs("cat <<'EOF' > f\ngit add -A\nEOF\necho after")).toEqual([['cat'], ['echo', 'after']]);
    expect(argvs('cat <<EOF\ntext $(date) `whoami`\nEOF')).toEqual([['cat'], ['date'], ['whoami']]);
    expect(argvs('cat <<-EOF\n\tgit stash\n\tEOF\necho after')).toEqual([['cat'], ['echo', 'after']]);
    expect(argvs('cat <<A <<B\na\nA\nb\nB\necho after')).toEqual([['cat'], ['echo', 'after']]);
    expect(argvs('cat <<EOF\nno end')).toEqual([['cat']]);
  });

  test('assignments, reserved words and wrappers are stripped; a bare assignment and a lookup run nothing', () => {
    expect(argvs('A=1 B="x y" env -i C=2 nice -n 5 timeout -k 1 10 sudo -u me git status')).toEqual([['git', 'status']]);
    expect(argvs('if a; then b; elif c; then d; else e; fi')).toEqual([['a'], ['b'], ['c'], ['d'], ['e']]);
    expect(argvs('for f in a b; do x "$f"; done')).toEqual([['x', '$f']]);
    expect(argvs('X=1; command -v git; arr=(a b)')).toEqual([]);
    expect(parseCommands('/usr/bin/git status')[0]!.name).toBe('git');
  });

  test('function definitions, case statements, arithmetic', () => {
    expect(argvs('f() { a; }; function g { b; }')).toEqual([['a'], ['b']]);
    expect(argvs('case "$1" in a|b) x ;; (c) y ;& *) z ;;& esac; w')).toEqual([['x'], ['y'], ['z'], ['w']]);
    expect(argvs('(( x << 2 ))\necho $((1 << 2)) after')).toEqual([['echo', '$((1 << 2))', 'after']]);
  });

  test('unbalanced quotes, parentheses and substitutions never throw: the rest of the text is one word or one list', () => {
    expect(argvs('echo "abc def')).toEqual([['echo', 'abc def']]);
    expect(argvs("echo 'abc def")).toEqual([['echo', 'abc def']]);
    expect(argvs('echo $(git stash')).toEqual([['git', 'stash'], ['echo', '$(git stash']]);
    expect(argvs('echo `git stash')).toEqual([['git', 'stash'], ['echo', '`git stash']]);
    for (const odd of ['(((', ')))', '"$(', "$'", '${', '`', '\\', 'case x in', 'a <<', '<(', 'a=(', '$((', 'echo "${x', '$"']) {
      expect(() => parseCommands(odd)).not.toThrow();
    }
  });
});

describe('nesting and size stay bounded', () => {
  test('sh -c nested 8 levels deep by real quoting is seen through', () => {
    let command = 'git add -A';
    for (let i = 0; i < 8; i++) command = shC(command);
    expect(command.length).toBeGreaterThan(5000);
    expect(kinds(command)).toEqual(['add-all']);
  });

  test('sh -c "$( … )" nested 50 levels deep finishes and is seen through', () => {
    let command = 'git stash';
    for (let i = 0; i < 50; i++) command = `sh -c "$(${command})"`;
    expect(kinds(command)).toEqual(['stash']);
  });

  test('pathological nesting (5,000 levels of $( and of parentheses, 2,000 evals) ends without throwing', () => {
    expect(() => parseCommands('$('.repeat(5000) + 'git stash' + ')'.repeat(5000))).not.toThrow();
    expect(() => parseCommands('( '.repeat(5000) + 'git stash')).not.toThrow();
    expect(() => parseCommands('eval '.repeat(2000) + 'git stash')).not.toThrow();
    expect(() => parseCommands('"$('.repeat(3000))).not.toThrow();
  });

  test('a 10,000-character command line is parsed whole', () => {
    const command = Array.from({ length: 600 }, (_, i) => `git add "src/f${i}.ts"`).join(' && ') + ' && git commit -am done';
    expect(command.length).toBeGreaterThan(10_000);
    expect(parseCommands(command)).toHaveLength(601);
    expect(kinds(command)).toEqual(['commit-all']);
  });
});
