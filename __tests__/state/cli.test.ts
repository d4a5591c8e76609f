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
    expect(runCli(['state', 'env', id], { cwd: repo }).stdout).toBe(`export EQ='a=b'\nexport PLAN='/abs/plan.md'\nexport STEP='1'\n`);
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
    expect(runCli(['state', 'set', id, `NASTY=${nasty}`, 'PLAIN=ok'], { cwd: repo }).code).toBe(0);
    for (const shell of ['bash', 'sh']) {
      const out = join(dir, `out-${shell}`);
      const script = `${LOCKSTEP}\neval "$(lockstep -C "$1" state env "$2")" || exit 9\nprintf '%s' "$NASTY" > "$3"\n[ "$PLAIN" = ok ] || exit 8`;
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
      eval "$(lockstep -C "$REPO" state env "$OWN")"
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
