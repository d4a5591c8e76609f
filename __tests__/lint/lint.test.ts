import { afterAll, describe, expect, test } from '@jest/globals';
import { chmodSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lintPaths, lintText } from '../../src/lint/lint.js';
import { cleanupTemp, ROOT, runCli, tempDir } from '../helpers.js';

afterAll(cleanupTemp);

const FIXTURES = resolve(ROOT, '__tests__', 'lint', 'fixtures');

/** Lints a shell snippet and returns "line rule" strings. */
function hits(code: string): string[] {
  const lines = code.split('\n').map((text, i) => ({ line: i + 1, text }));
  return lintText([lines]).map((f) => `${f.line} ${f.rule}`);
}

describe('lint on fixtures built from the seeds', () => {
  test('command-singleton.md (seed 001, before its migration): the state-id file and the second-precision id, at real file lines', () => {
    const r = lintPaths({ paths: [join(FIXTURES, 'command-singleton.md')], cwd: ROOT });
    expect(r.findings.map((f) => `${f.line} ${f.rule}`)).toEqual(['6 second-precision-id', '9 singleton-state-file']);
    expect(r.findings[1]!.message).toContain('$STATE_ID_FILE (= ${CLAUDE_PROJECT_DIR}/.claude/tmp/command_state_id.txt)');
    expect(r.findings[1]!.message).toContain('read back at line 23');
    expect(r.findings[1]!.file).toBe('__tests__/lint/fixtures/command-singleton.md');
  });

  test('command-migrated.md (seed 001, after its migration): newest-file discovery and sourcing the state file remain', () => {
    const r = lintPaths({ paths: [join(FIXTURES, 'command-migrated.md')], cwd: ROOT });
    expect(r.findings.map((f) => `${f.line} ${f.rule}`)).toEqual(['13 newest-file-discovery', '18 source-state-file', '29 newest-file-discovery']);
  });

  test('agent-step.sh: every rule fires where the pattern is', () => {
    const r = lintPaths({ paths: [join(FIXTURES, 'agent-step.sh')], cwd: ROOT });
    expect(r.findings.map((f) => `${f.line} ${f.rule}`)).toEqual([
      '5 second-precision-id',
      '6 second-precision-id',
      '7 second-precision-id',
      '9 singleton-state-file',
      '12 newest-file-discovery',
      '13 source-state-file',
      '14 source-state-file',
      '15 newest-file-discovery',
      '18 git-add-all',
      '19 git-add-all',
      '20 git-add-all',
      '21 git-add-all',
      '22 git-add-all',
      '25 remove-git-lock',
    ]);
    for (const f of r.findings) expect(f.fix).toMatch(/lockstep (state|commit|git-locks)/);
  });

  test('the clean fixture (lockstep equivalents and lookalikes) has zero findings', () => {
    const r = lintPaths({ paths: [join(FIXTURES, 'clean')], cwd: ROOT });
    expect(r.filesScanned).toBe(2);
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
  });
});

describe('rules on snippets', () => {
  test('git-add-all', () => {
    expect(hits('git add -A')).toEqual(['1 git-add-all']);
    expect(hits('git add --all')).toEqual(['1 git-add-all']);
    expect(hits('git -C "$dir" add .')).toEqual(['1 git-add-all']);
    expect(hits('cd x && git add -Av')).toEqual(['1 git-add-all']);
    expect(hits('git commit -qam msg')).toEqual(['1 git-add-all']);
    expect(hits('if true; then git commit -a -m x; fi')).toEqual(['1 git-add-all']);
    // The rule shares the hooks' parser: code in sh -c strings and substitutions is seen, quoted text is not.
    expect(hits("bash -lc 'cd x && git add -A'\necho \"$(git commit -am m)\"")).toEqual(['1 git-add-all', '2 git-add-all']);
    expect(hits("printf '%s' \"git add -A\"\ngit add -A --dry-run")).toEqual([]);
    expect(hits('git add -- a.txt\ngit add -A sub/\ngit commit -m "-a"\ngit commit -ma\ngit add -p\necho git add -A\ngit status')).toEqual([]);
  });

  test('remove-git-lock', () => {
    expect(hits('rm -f .git/index.lock')).toEqual(['1 remove-git-lock']);
    expect(hits('rm "$(git rev-parse --git-dir)/index.lock"')).toEqual(['1 remove-git-lock']);
    expect(hits('[ -e .git/index.lock ] && rm .git/index.lock')).toEqual(['1 remove-git-lock']);
    expect(hits('unlink "$REPO/.git/refs/heads/main.lock"')).toEqual(['1 remove-git-lock']);
    expect(hits('rm -f "$GIT_DIR/HEAD.lock"')).toEqual(['1 remove-git-lock']);
    expect(hits('sh -c "sudo rm -f .git/index.lock"')).toEqual(['1 remove-git-lock']);
    expect(hits('rm -f package-lock.json yarn.lock\nrm -rf node_modules/.cache/x.lock\necho rm .git/index.lock\nlockstep git-locks --clear')).toEqual([]);
  });

  test('second-precision-id', () => {
    expect(hits('WORKFLOW_ID="command_$(date +%s)"')).toEqual(['1 second-precision-id']);
    expect(hits('export RUN_ID=$(date +%s)')).toEqual(['1 second-precision-id']);
    expect(hits('f=/tmp/x_`date +%s`.log')).toEqual(['1 second-precision-id']);
    expect(hits('START=$(date +%s)\nnow=$(date -u +%FT%TZ)\nID="c_$(date +%s%N)"\nID=$(date +%s%3N)_x')).toEqual([]);
  });

  test('source-state-file', () => {
    expect(hits('source "$STATE_FILE"')).toEqual(['1 source-state-file']);
    expect(hits('. ~/.claude/tmp/workflow_cmd.sh')).toEqual(['1 source-state-file']);
    expect(hits('[ -f "$S" ] && source "${STATE_FILE}"')).toEqual(['1 source-state-file']);
    expect(hits('source .claude/lib/core/state-persistence.sh\n. ./env.sh\nsource <(lockstep state env "$ID")\neval "$(lockstep state env "$ID")"')).toEqual([]);
  });

  test('newest-file-discovery', () => {
    expect(hits('F=$(ls -t dir/*.json | head -1)')).toEqual(['1 newest-file-discovery']);
    expect(hits('ls -1t dir | head -n 1')).toEqual(['1 newest-file-discovery']);
    expect(hits('ls -tr dir | tail -n1')).toEqual(['1 newest-file-discovery']);
    expect(hits('ls -t dir \\\n  | head -1')).toEqual(['1 newest-file-discovery']);
    expect(hits('S=$(discover_latest_state_file "cmd")')).toEqual(['1 newest-file-discovery']);
    expect(hits('ls -lt dir | head -5\nls dir | head -1\necho "ls -t | head -1"\nLATEST_STATE_FILE=x')).toEqual([]);
  });

  test('singleton-state-file', () => {
    expect(hits('F="$HOME/.cache/id.txt"\necho "$ID" > "$F"\nID=$(cat "$F")')).toEqual(['2 singleton-state-file']);
    expect(hits('echo "$ID" > /tmp/the_id\nread -r ID < /tmp/the_id')).toEqual(['1 singleton-state-file']);
    expect(hits('echo x | tee "${STATE_DIR}/current.id" >/dev/null\nX=$(head -1 "${STATE_DIR}/current.id")')).toEqual(['1 singleton-state-file']);
    // Per-instance paths, write-only files and /dev targets are fine.
    expect(hits('F="/tmp/id_$$"\necho 1 > "$F"\ncat "$F"')).toEqual([]);
    expect(hits('F="$TMPDIR/id_${WORKFLOW_ID}.txt"\necho 1 > "$F"\ncat "$F"')).toEqual([]);
    expect(hits('F=$(mktemp)\necho 1 > "$F"\ncat "$F"')).toEqual([]);
    expect(hits('echo log >> /tmp/build.log\necho x > /dev/stderr\ncat /dev/null')).toEqual([]);
    // A directory variable that is itself per-instance makes its paths per-instance.
    expect(hits('tmp_dir=$(mktemp -d)\nF="$tmp_dir/state.txt"\necho 1 > "$F"\ncat "$F"\necho 2 > "$tmp_dir/x.id"\ncat "$tmp_dir/x.id"')).toEqual([]);
    expect(hits('run_dir="$HOME/runs/$1"\necho 1 > "$run_dir/id.txt"\ncat "$run_dir/id.txt"')).toEqual([]);
    // `cat > FILE` writes FILE; it does not read it.
    expect(hits('cat > /etc/x.list <<EOF\nline\nEOF\ncat >> /etc/x.list <<EOF\nmore\nEOF')).toEqual([]);
    expect(hits('cat > /etc/x.list <<EOF\nline\nEOF\ngrep -q line /etc/x.list')).toEqual(['1 singleton-state-file']);
    // Several writes of one path: one finding, at the first.
    const many = lintText([['echo a > /tmp/shared.txt', 'echo b >> /tmp/shared.txt', 'cat /tmp/shared.txt'].map((text, i) => ({ line: i + 1, text }))]);
    expect(many.map((f) => f.line)).toEqual([1]);
    expect(many[0]!.message).toContain('written here (also written at line 2), read back at line 3');
  });

  test('comments, heredoc bodies and markers are not code', () => {
    expect(hits('# git add -A\necho hi # git add -A')).toEqual([]);
    expect(hits("cat <<'EOF'\ngit add -A\nEOF\ngit add -A")).toEqual(['4 git-add-all']);
    expect(hits('cat <<-EOF\n\tgit add -A\n\tEOF\necho done')).toEqual([]);
    expect(hits('git add -A # lockstep-lint: ignore\n# lockstep-lint: ignore[git-add-all]\ngit add .\ngit add -u # lockstep-lint: ignore[source-state-file]')).toEqual(['4 git-add-all']);
    expect(hits('echo "multi\ngit add -A\nline"')).toEqual([]);
  });
});

describe('lockstep lint (CLI)', () => {
  test('file:line rule-id message — fix: …, exit 1; --json; exit 0 when clean; exit 2 for a missing path', () => {
    const r = runCli(['lint', '__tests__/lint/fixtures/command-singleton.md'], { cwd: ROOT });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^__tests__\/lint\/fixtures\/command-singleton\.md:9 singleton-state-file .+ — fix: lockstep state init PREFIX --owner KEY/);
    expect(r.stderr).toContain('2 findings in 1 file');
    const j = runCli(['lint', '--json', join(FIXTURES, 'agent-step.sh')], { cwd: ROOT });
    expect(j.code).toBe(1);
    const parsed = JSON.parse(j.stdout);
    expect(parsed).toMatchObject({ ok: false, filesScanned: 1 });
    expect(parsed.findings).toHaveLength(14);
    expect(parsed.findings[0]).toEqual({ file: '__tests__/lint/fixtures/agent-step.sh', line: 5, rule: 'second-precision-id', message: expect.any(String), fix: expect.any(String) });
    const only = runCli(['lint', '--json', '--rule', 'git-add-all', join(FIXTURES, 'agent-step.sh')], { cwd: ROOT });
    expect(JSON.parse(only.stdout).findings).toHaveLength(5);
    expect(runCli(['lint', '--rule', 'nope', FIXTURES]).code).toBe(2);
    const clean = runCli(['lint', join(FIXTURES, 'clean')]);
    expect([clean.code, clean.stdout]).toEqual([0, '']);
    expect(runCli(['lint', join(FIXTURES, 'does-not-exist')]).code).toBe(2);
    expect(runCli(['lint', '--list-rules']).stdout).toContain('singleton-state-file:');
  });

  test('directories are walked: node_modules and .git skipped, shell shebangs found, other files ignored', () => {
    const dir = tempDir();
    cpSync(FIXTURES, join(dir, 'fixtures'), { recursive: true });
    for (const skip of ['node_modules/pkg', '.git/hooks']) {
      mkdirSync(join(dir, skip), { recursive: true });
      writeFileSync(join(dir, skip, 'bad.sh'), 'git add -A\n');
    }
    writeFileSync(join(dir, 'hook'), '#!/bin/sh\ngit commit -a -m x\n');
    chmodSync(join(dir, 'hook'), 0o755);
    writeFileSync(join(dir, 'notes.txt'), 'git add -A\n');
    const r = runCli(['lint', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout) as { filesScanned: number; findings: { file: string }[] };
    expect(found.filesScanned).toBe(6);
    expect([...new Set(found.findings.map((f) => f.file))].sort()).toEqual(['fixtures/agent-step.sh', 'fixtures/command-migrated.md', 'fixtures/command-singleton.md', 'hook']);
  });
});
