/**
 * Fault injection (src/core/faults.ts) is test-only: the bundles users run
 * (dist/) have no fault point, and LOCKSTEP_FAULT does nothing there; the
 * test build (build/test/, by `npm run build`) has them all.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CLI, cleanupTemp, ROOT, runCli, TEST_CLI, tempRepo } from '../helpers.js';

afterAll(cleanupTemp);

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p, ext) : p.endsWith(ext) ? [p] : [];
  });
}

/** Every fault kind the sources name at a fault point. */
function faultKinds(): string[] {
  const kinds = new Set<string>();
  for (const f of filesUnder(join(ROOT, 'src'), '.ts')) {
    for (const m of readFileSync(f, 'utf8').matchAll(/fault(?:Value|PauseSync)\('([a-z0-9-]+)'\)/g)) kinds.add(m[1]!);
  }
  return [...kinds].sort();
}

/** The fault kinds and switches found in a file. */
function faultNamesIn(file: string, kinds: string[]): string[] {
  const text = readFileSync(file, 'latin1');
  return [...kinds, 'LOCKSTEP_FAULT', 'LOCKSTEP_TEST_BUILD'].filter((k) => text.includes(k));
}

describe('fault injection only in the test build', () => {
  test('the shipped bundles (CLI, hook runner, library, action) contain no fault point; the test build contains every one', () => {
    const kinds = faultKinds();
    expect(kinds.length).toBeGreaterThanOrEqual(20); // the scan finds them (it cannot pass by finding none)
    const shipped = filesUnder(join(ROOT, 'dist'), '.js');
    for (const part of ['cli/cli.js', 'cli/allocate.js', 'hook/hook.js', 'lib/index.js', 'action/index.js']) expect(shipped).toContain(join(ROOT, 'dist', part));
    for (const f of shipped) expect([relative(ROOT, f), faultNamesIn(f, kinds)]).toEqual([relative(ROOT, f), []]);
    // The same scan on the test build finds them: every kind the CLI's sources name.
    expect(faultNamesIn(join(ROOT, 'build', 'test', 'cli', 'cli.js'), kinds)).toEqual([...kinds, 'LOCKSTEP_FAULT']);
    expect(faultNamesIn(join(ROOT, 'build', 'test', 'hook', 'hook.js'), kinds)).toContain('trust-staged-listing');
  });

  test('LOCKSTEP_FAULT changes what the test build does and nothing in dist/cli/index.js', () => {
    const repo = tempRepo();
    writeFileSync(join(repo, '.git', 'index.lock'), ''); // left behind: no process has it
    const fault = { LOCKSTEP_FAULT: 'process-listing-fails:1' };
    const judged = (cli: string, env: Record<string, string> = {}) => JSON.parse(runCli(['git-locks', '--json'], { cwd: repo, env, cli }).stdout).locks[0].state as string;
    expect(judged(CLI)).toBe('stale');
    expect(judged(CLI, fault)).toBe('stale'); // ignored
    expect(judged(TEST_CLI)).toBe('stale');
    expect(judged(TEST_CLI, fault)).toBe('in-use'); // the listing "failed": nothing ruled out
  });
});
