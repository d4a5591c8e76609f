/**
 * The library as another program gets it: `import … from "lockstep"` through
 * package.json "exports", from a copy of the package with no node_modules of
 * its own (the bundle carries its dependencies), and its declarations as a
 * TypeScript program sees them.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupTemp, ROOT, tempDir, tempRepo } from '../helpers.js';

afterAll(cleanupTemp);

/** A project whose node_modules/lockstep is a copy of this package: package.json and dist/lib only. */
function consumerProject(): string {
  const dir = tempDir();
  const pkg = join(dir, 'node_modules', 'lockstep');
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
  cpSync(join(ROOT, 'dist', 'lib'), join(pkg, 'dist', 'lib'), { recursive: true });
  return dir;
}

describe('the library package', () => {
  test('a program imports it by name and allocates, locks, keeps state, claims work, lints and gets typed errors, and nothing is printed', () => {
    const project = consumerProject();
    const repo = tempRepo();
    writeFileSync(
      join(project, 'use.mjs'),
      `import { allocate, withLock, initState, getState, verifyAllocations, addItem, claimNext, completeItem, lintPaths, lockStatus, LockstepError, ExitCode } from 'lockstep';
import { writeFileSync } from 'node:fs';
const first = await allocate({ root: 'specs', name: 'auth flow' });
const second = await allocate({ root: 'specs', name: 'billing' });
const token = await withLock({ name: 'deploy' }, (h) => h.token);
const s = initState({ prefix: 'plan', owner: 'agent-1', values: { step: 'research' } });
let bad = null;
try {
  await allocate({ root: 'specs', name: '../../etc' });
} catch (e) {
  bad = e instanceof LockstepError ? { code: e.code, exit: e.exitCode === ExitCode.usage } : String(e);
}
addItem({ id: 'item-1' });
const claim = claimNext({ agent: 'a1' });
const done = claim.claimed ? completeItem({ id: claim.item.id, agent: 'a1', generation: claim.generation }).outcome : null;
writeFileSync('step.sh', 'git add -A\\n');
const rules = lintPaths({ paths: ['step.sh'] }).findings.map((f) => f.rule);
const lock = lockStatus({ name: 'deploy' }).state;
console.log(JSON.stringify({ first, second: second.topicNumber, token, values: getState({ id: s.id }).values, bad, ok: verifyAllocations({ root: 'specs' }).ok, done, rules, lock }));
`,
    );
    const r = spawnSync(process.execPath, [join(project, 'use.mjs')], { cwd: repo, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.first).toMatchObject({ topicNumber: '001', name: 'auth_flow' });
    expect(out.first.topicPath).toMatch(/specs\/001_auth_flow$/);
    expect(out.second).toBe('002');
    expect(out.token).toBeGreaterThan(0);
    expect(out.values).toEqual({ step: 'research' });
    expect(out.bad).toEqual({ code: 'BAD_NAME', exit: true });
    expect(out.ok).toBe(true);
    expect(out.done).toBe('done');
    expect(out.rules.length).toBeGreaterThan(0);
    expect(out.lock).toBe('free');
    expect(r.stdout.trim().split('\n')).toHaveLength(1); // the program's own line, nothing from the library
  });

  test('its declarations type-check a correct program and reject a wrong one', () => {
    const project = consumerProject();
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')] },
        include: ['*.ts'],
      }),
    );
    const tsc = (file: string, text: string) => {
      writeFileSync(join(project, file), text);
      const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { encoding: 'utf8' });
      return { code: r.status, out: r.stdout };
    };
    const good = tsc(
      'good.ts',
      `import { allocate, acquireLock, releaseLock, type Allocation, type LockHandle } from 'lockstep';
export async function f(): Promise<string> {
  const a: Allocation = await allocate({ root: 'specs', name: 'x', width: 4 });
  const h: LockHandle = await acquireLock({ name: 'deploy', timeoutMs: 1000 });
  releaseLock(h);
  return a.topicPath;
}
`,
    );
    expect(good).toEqual({ code: 0, out: '' });
    const bad = tsc('bad.ts', `import { allocate } from 'lockstep';\nexport const p = allocate({ root: 42, name: 'x' });\n`);
    expect(bad.code).not.toBe(0);
    expect(bad.out).toMatch(/bad\.ts.*error TS2322/);
  });
});
