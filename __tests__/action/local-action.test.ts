/**
 * Suite mode as an action author debugs it: GitHub's `@github/local-action`
 * runs the action's TypeScript source (src/action/main.ts, through the project's tsx, so from the checkout), not
 * the bundle, so the CLI must be found from src/action/ too (in the
 * checkout's dist/cli/).
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundledCli, cliCandidates } from '../../src/action/suite.js';
import { cleanupTemp, ROOT, tempDir } from '../helpers.js';

afterAll(cleanupTemp);

describe('the CLI is found wherever the action runs from', () => {
  test('from the bundle (dist/action/index.js) and from the source (src/action/suite.ts)', () => {
    const cli = join(ROOT, 'dist', 'cli', 'index.js');
    expect(bundledCli(pathToFileURL(join(ROOT, 'dist', 'action', 'index.js')).href)).toBe(cli);
    expect(bundledCli(pathToFileURL(join(ROOT, 'src', 'action', 'suite.ts')).href)).toBe(cli);
  });

  test('nowhere: null, and the places looked in are the ones the error names', () => {
    const dir = tempDir();
    const url = pathToFileURL(join(dir, 'a', 'b', 'suite.js')).href;
    expect(bundledCli(url)).toBeNull();
    expect(cliCandidates(url)).toEqual([join(dir, 'a', 'cli', 'index.js'), join(dir, 'dist', 'cli', 'index.js')]);
  });
});

describe('@github/local-action', () => {
  test('runs suite mode from the TypeScript source', () => {
    const dir = tempDir('lockstep-local-action-');
    const envFile = join(dir, '.env');
    const reports = join(dir, 'reports');
    writeFileSync(envFile, ['INPUT_MODE=suite', 'INPUT_SUITE=counter', 'INPUT_PROCS=2', 'INPUT_ITERATIONS=5', 'INPUT_SEED=7', `INPUT_REPORT-DIR=${reports}`, `GITHUB_WORKSPACE=${dir}`, ''].join('\n'));
    const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'local-action'), ['run', ROOT, 'src/action/main.ts', envFile], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, timeout: 280_000 });
    const out = `${r.stdout}${r.stderr}`;
    if (r.status !== 0) throw new Error(`local-action exited ${r.status}\n${out.slice(-3000)}`);
    expect(out).not.toContain('::error');
    const report = JSON.parse(readFileSync(join(reports, 'lockstep-counter.json'), 'utf8')) as { runs: { mode: string; violations: { total: number } }[] };
    expect(report.runs.map((x) => [x.mode, x.violations.total])).toEqual([['protected', 0]]);
    expect(existsSync(join(reports, 'lockstep-counter.html'))).toBe(true);
    expect(out).toMatch(/'violations'\s*│\s*'0'/);
  }, 300_000);
});
