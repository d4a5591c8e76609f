import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, cleanupTemp, runCli, tempDir, tempRepo, type Run } from '../helpers.js';

afterAll(cleanupTemp);

function sh(shell: string, script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(shell, ['-c', script, 'script', ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? 128, stdout, stderr }));
  });
}

/** `lockstep` for the shell scripts below. */
const LOCKSTEP = `lockstep() { "${process.execPath}" "${CLI}" "$@"; }`;

describe('lockstep state (CLI)', () => {
  test('init / set / get / env / discover / list / rm, with their exit codes', () => {
    const repo = tempRepo();
    const init = runCli(['state', 'init', 'create-plan', '--owner', 'session-1'], { cwd: repo });
    expect(init.code).toBe(0);
    const id = init.stdout.trim();
    expect(id).toMatch(/^create-plan_\d{19}_\d+_[0-9a-f]{8}$/);
    expect(runCli(['state', 'set', id, 'PLAN=/abs/plan.md', 'STEP=1', 'EQ=a=b'], { cwd: repo }).code).toBe(0);
    expect(runCli(['state', 'get', id, 'EQ'], { cwd: repo }).stdout).toBe('a=b\n');
    expect(JSON.parse(runCli(['state', 'get', id], { cwd: repo }).stdout)).toEqual({ PLAN: '/abs/plan.md', STEP: '1', EQ: 'a=b' });
    expect(JSON.parse(runCli(['state', 'get', id, '--json'], { cwd: repo }).stdout)).toMatchObject({ id, owner: 'session-1', prefix: 'create-plan' });
    expect(runCli(['state', 'get', id, 'NOPE'], { cwd: repo }).code).toBe(2);
    expect(runCli(['state', 'env', id, '--key', 'PLAN', '--key', 'STEP', '--key', 'EQ'], { cwd: repo }).stdout).toBe(`export EQ='a=b'\nexport PLAN='/abs/plan.md'\nexport STEP='1'\n`);
    expect(runCli(['state', 'discover', 'create-plan', '--owner', 'session-1'], { cwd: repo }).stdout).toBe(`${id}\n`);
    expect(runCli(['state', 'discover', 'create-plan'], { cwd: repo, env: { LOCKSTEP_OWNER: 'session-1' } }).stdout).toBe(`${id}\n`);
    const none = runCli(['state', 'discover', 'create-plan', '--owner', 'someone-else'], { cwd: repo });
    expect([none.code, none.stdout]).toEqual([1, '']);
    expect(none.stderr).toContain('no create-plan state belongs to owner someone-else');
    const noOwner = runCli(['state', 'discover', 'create-plan'], { cwd: repo, env: { LOCKSTEP_OWNER: '' } });
    expect(noOwner.code).toBe(2);
    expect(noOwner.stderr).toContain('needs an owner key');
    expect(runCli(['state', 'set', id, 'PATH=/evil'], { cwd: repo }).code).toBe(2);
    expect(runCli(['state', 'get', '../../etc/passwd'], { cwd: repo }).code).toBe(2);
    expect(runCli(['state', 'list'], { cwd: repo }).stdout).toContain(`${id}  owner=session-1`);
    expect(runCli(['state', 'gc', '--ttl', '1h'], { cwd: repo }).stdout).toContain('removed 0, kept 1');
    expect(runCli(['state', 'rm', id], { cwd: repo }).code).toBe(0);
    expect(runCli(['state', 'get', id], { cwd: repo }).code).toBe(2);
    expect(runCli(['state', 'init', 'x'], { cwd: tempDir() }).code).toBe(4); // not a repository
  });

  test("a value with $(…), backticks, quotes and newlines round-trips through state env + eval in bash and sh, executing nothing", async () => {
    const repo = tempRepo();
    const dir = tempDir();
    const marker = join(dir, 'executed');
    const nasty = [
      `$(touch ${marker}-1)`,
      `\`touch ${marker}-2\``,
      `'; touch ${marker}-3; echo '`,
      `"; touch ${marker}-4; echo "`,
      `$'\\n' \\$HOME \${HOME} $((1+1)) !! *`,
      `line one\nline two\n\n`,
      `'\\''`,
      `trailing backslash \\`,
    ].join(' | ');
    const id = runCli(['state', 'init', 'evil', '--owner', 'o'], { cwd: repo }).stdout.trim();
    expect(runCli(['state', 'set', id, `WORKFLOW_NASTY=${nasty}`, 'WORKFLOW_PLAIN=ok'], { cwd: repo }).code).toBe(0);
    for (const shell of ['bash', 'sh']) {
      const out = join(dir, `out-${shell}`);
      const script = `${LOCKSTEP}\neval "$(lockstep -C "$1" state env "$2")" || exit 9\nprintf '%s' "$WORKFLOW_NASTY" > "$3"\n[ "$WORKFLOW_PLAIN" = ok ] || exit 8`;
      const r = await sh(shell, script, [repo, id, out]);
      expect([shell, r.code, r.stderr]).toEqual([shell, 0, '']);
      expect(readFileSync(out, 'utf8')).toBe(nasty);
    }
    expect(readdirSync(dir).filter((f) => f.startsWith('executed'))).toEqual([]);
    // The proof that the check can fail: the seed's way — a state file of
    // `export KEY="value"` lines that is `source`d — runs such values.
    const sourced = join(dir, 'workflow_evil.sh');
    writeFileSync(sourced, `export A="$(touch ${marker}-1)"\nexport B="\`touch ${marker}-2\`"\n`);
    await sh('bash', `. "$1"`, [sourced]);
    expect(readdirSync(dir).filter((f) => f.startsWith('executed')).sort()).toEqual(['executed-1', 'executed-2']);
  });

  test('two concurrent instances of one command each discover only their own state — newest-file discovery picks the other one', async () => {
    const repo = tempRepo();
    const sync = tempDir();
    const stateDir = join(repo, '.git', 'lockstep', 'state');
    // Instance A initializes first; B initializes after it (so B's file is newer); then both look their state up again.
    const script = `${LOCKSTEP}
      set -e
      me=$1; other=$2
      wait_for() { i=0; while [ ! -e "$SYNC/$1" ]; do sleep 0.01; i=$((i+1)); [ $i -lt 3000 ] || exit 7; done; }
      [ "$me" = B ] && wait_for A.init
      ID=$(lockstep -C "$REPO" state init create-plan --owner "instance-$me")
      lockstep -C "$REPO" state set "$ID" INSTANCE="$me"
      touch "$SYNC/$me.init"
      wait_for "$other.init"
      OWN=$(lockstep -C "$REPO" state discover create-plan --owner "instance-$me")
      NEWEST=$(basename "$(ls -t "$STATE_DIR"/create-plan_*.json | head -1)" .json)
      eval "$(lockstep -C "$REPO" state env "$OWN" --key INSTANCE)"
      echo "$ID $OWN $NEWEST $INSTANCE"`;
    const env = { REPO: repo, SYNC: sync, STATE_DIR: stateDir };
    const [a, b] = await Promise.all([sh('bash', script, ['A', 'B'], env), sh('bash', script, ['B', 'A'], env)]);
    expect([a!.code, a!.stderr, b!.code, b!.stderr]).toEqual([0, '', 0, '']);
    const [aId, aOwn, aNewest, aInstance] = a!.stdout.trim().split(' ');
    const [bId, bOwn, bNewest, bInstance] = b!.stdout.trim().split(' ');
    expect(aId).not.toBe(bId);
    expect([aOwn, aInstance]).toEqual([aId, 'A']);
    expect([bOwn, bInstance]).toEqual([bId, 'B']);
    // The control: "newest state file wins" hands A the state of B.
    expect(aNewest).toBe(bId);
    expect(bNewest).toBe(bId);
  }, 300_000);

  test('concurrent CLI sets from 4 shell loops lose no key', async () => {
    const repo = tempRepo();
    const id = runCli(['state', 'init', 'loop'], { cwd: repo }).stdout.trim();
    const script = `${LOCKSTEP}\nfor i in 1 2 3; do lockstep -C "$1" state set "$2" "A_$3_$i=$i" "B_$3_$i=x" || exit 1; done`;
    const runs = await Promise.all(Array.from({ length: 4 }, (_, w) => sh('sh', script, [repo, id, String(w)])));
    for (const r of runs) expect([r.code, r.stderr]).toEqual([0, '']);
    const values = JSON.parse(runCli(['state', 'get', id], { cwd: repo }).stdout);
    expect(Object.keys(values)).toHaveLength(24);
  }, 300_000);

  test("keys named like an object's own members (__proto__, constructor, toString, hasOwnProperty) round-trip through set, get, env and --unset", () => {
    const repo = tempRepo();
    const id = runCli(['state', 'init', 'proto'], { cwd: repo }).stdout.trim();
    const keys = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
    const set = runCli(['state', 'set', id, ...keys.map((k) => `${k}=v-${k}`)], { cwd: repo });
    expect([set.code, set.stderr]).toEqual([0, '']);
    expect(JSON.parse(runCli(['state', 'get', id], { cwd: repo }).stdout)).toEqual(Object.fromEntries(keys.map((k) => [k, `v-${k}`])));
    for (const k of keys) expect([k, runCli(['state', 'get', id, k], { cwd: repo }).stdout]).toEqual([k, `v-${k}\n`]);
    // Read back from the file and written again by a later set: still there.
    expect(runCli(['state', 'set', id, 'WORKFLOW_LATER=1'], { cwd: repo }).code).toBe(0);
    const env = runCli(['state', 'env', id, ...keys.flatMap((k) => ['--key', k])], { cwd: repo });
    expect(env.stdout).toBe(`export WORKFLOW_LATER='1'\n${keys.sort().map((k) => `export ${k}='v-${k}'\n`).join('')}`);
    expect(runCli(['state', 'set', id, '--unset', '__proto__', '--unset', 'constructor'], { cwd: repo }).code).toBe(0);
    expect(Object.keys(JSON.parse(runCli(['state', 'get', id], { cwd: repo }).stdout)).sort()).toEqual(['WORKFLOW_LATER', 'hasOwnProperty', 'toString', 'valueOf']);
    // A key the state never held is not found, even when every object has a member of that name.
    const missing = runCli(['state', 'get', id, 'constructor'], { cwd: repo });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`state ${id} has no key "constructor"`);
  });

  test('state env exports only WORKFLOW_* keys and the keys named with --key; the others are named on stderr, never run, never switch lockstep off', async () => {
    const repo = tempRepo();
    const dir = tempDir();
    const marker = join(dir, 'ran');
    const program = join(dir, 'program.sh');
    writeFileSync(program, `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
    // Names that make git, a pager, an editor, an interpreter or lockstep do something else; a deny list misses one of them.
    const switches = ['GIT_EXTERNAL_DIFF', 'GIT_SSH_COMMAND', 'GIT_PAGER', 'PAGER', 'EDITOR', 'GIT_EDITOR', 'GIT_EXEC_PATH', 'GIT_ASKPASS', 'SSH_ASKPASS', 'PERL5LIB', 'PYTHONPATH', 'NODE_PATH', 'LESSOPEN', 'ZDOTDIR', 'TMPDIR', 'HUSKY', 'LOCKSTEP_SKIP', 'LOCKSTEP_TASK'];
    const id = runCli(['state', 'init', 'env-rule'], { cwd: repo }).stdout.trim();
    const set = runCli(['state', 'set', id, ...switches.map((k) => `${k}=${program}`), 'WORKFLOW_PLAN=/abs/plan.md', 'STEP=2'], { cwd: repo });
    expect([set.code, set.stderr]).toEqual([0, '']);
    expect(runCli(['state', 'set', id, 'NODE_OPTIONS=--require=/x'], { cwd: repo }).code).toBe(2); // refused outright, as before

    const env = runCli(['state', 'env', id], { cwd: repo });
    expect(env.code).toBe(0);
    expect(env.stdout).toBe(`export WORKFLOW_PLAN='/abs/plan.md'\n`);
    // Reported, not dropped in silence: a script from before the rule learns why STEP is empty.
    expect(env.stderr).toContain(`lockstep: note: not exported from state ${id}: ${[...switches, 'STEP'].sort().join(', ')}`);
    expect(env.stderr).toContain('fix: name each key your script reads (--key KEY), or store it as WORKFLOW_KEY');
    const named = runCli(['state', 'env', id, '--key', 'STEP'], { cwd: repo });
    expect(named.stdout).toBe(`export STEP='2'\nexport WORKFLOW_PLAN='/abs/plan.md'\n`);
    expect(named.stderr).not.toMatch(/not exported: .*STEP/);
    for (const refused of ['LOCKSTEP_SKIP', 'PATH', 'not a name']) {
      const r = runCli(['state', 'env', id, '--key', refused], { cwd: repo });
      expect([refused, r.code, r.stdout]).toEqual([refused, 2, '']);
    }

    // What a shell that evals it does afterwards: git diff runs no external program, lockstep is not switched off.
    writeFileSync(join(repo, 'README.md'), 'changed\n');
    const script = (keys: string) => `${LOCKSTEP}\nunset ${switches.join(' ')}\neval "$(lockstep -C "$1" state env "$2" ${keys} 2>/dev/null)" || exit 9\ngit -C "$1" diff >/dev/null\nenv | grep -E '^(${switches.join('|')})=' || true`;
    const clean = {};
    const r = await sh('bash', script(''), [repo, id], clean);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout.split('\n').filter((l) => l.includes(program))).toEqual([]);
    expect(existsSync(marker)).toBe(false);
    // The control: the same shell with GIT_EXTERNAL_DIFF exported (named on purpose) runs the program, so the check above can fail.
    const control = await sh('bash', script('--key GIT_EXTERNAL_DIFF'), [repo, id], clean);
    expect(control.stdout).toContain(`GIT_EXTERNAL_DIFF=${program}`);
    expect(existsSync(marker)).toBe(true);
  });

  test('a corrupted state file: exit 4 with a clear message; it and everything else stay untouched', () => {
    const repo = tempRepo();
    const good = runCli(['state', 'init', 'cmd', '--owner', 'g'], { cwd: repo }).stdout.trim();
    const bad = runCli(['state', 'init', 'cmd', '--owner', 'b'], { cwd: repo }).stdout.trim();
    runCli(['state', 'set', good, 'K=v'], { cwd: repo });
    const dir = join(repo, '.git', 'lockstep', 'state');
    const badPath = join(dir, `${bad}.json`);
    const goodPath = join(dir, `${good}.json`);
    for (const garbage of ['{"v":1,"id":', JSON.stringify({ v: 1, id: bad, prefix: 'cmd', owner: 'b', createdAtMs: 1, updatedAtMs: 1, values: { 'NOT A NAME': 'x' } })]) {
      writeFileSync(badPath, garbage);
      const before = { bad: readFileSync(badPath), good: readFileSync(goodPath), goodMtime: statSync(goodPath).mtimeMs, files: readdirSync(dir).sort() };
      const rt = join(repo, '.git', 'lockstep');
      const runtimeBefore = { top: readdirSync(rt).sort(), locks: readdirSync(join(rt, 'locks')).sort(), events: readFileSync(join(rt, 'events.jsonl'), 'utf8') };
      for (const args of [['state', 'get', bad], ['state', 'set', bad, 'X=1'], ['state', 'env', bad], ['state', 'discover', 'cmd', '--owner', 'b']]) {
        const r = runCli(args, { cwd: repo });
        expect([args[1], r.code]).toEqual([args[1], 4]);
        expect(r.stderr).toMatch(args[1] === 'discover' ? /no readable cmd state of owner b, and 1 corrupt state file/ : /the state file \S+ is corrupt/);
        expect(r.stderr).toContain(badPath);
        expect(r.stderr).toContain('fix: inspect it');
        expect(r.stderr).not.toMatch(/^\s+at /m);
      }
      expect(readFileSync(badPath)).toEqual(before.bad);
      expect(readFileSync(goodPath)).toEqual(before.good);
      expect(statSync(goodPath).mtimeMs).toBe(before.goodMtime);
      expect(readdirSync(dir).sort()).toEqual(before.files);
      expect({ top: readdirSync(rt).sort(), locks: readdirSync(join(rt, 'locks')).sort(), events: readFileSync(join(rt, 'events.jsonl'), 'utf8') }).toEqual(runtimeBefore);
    }
    // Other states keep working; list shows the corrupt one; gc leaves it in place.
    expect(runCli(['state', 'discover', 'cmd', '--owner', 'g'], { cwd: repo }).stdout.trim()).toBe(good);
    const list = runCli(['state', 'list', 'cmd'], { cwd: repo });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(`${bad}  CORRUPT`);
    const gc = runCli(['state', 'gc', '--ttl', '0s'], { cwd: repo });
    expect(gc.code).toBe(0);
    expect(gc.stderr).toContain(`corrupt state file left in place: ${badPath}`);
    expect(existsSync(badPath)).toBe(true);
  });
});
