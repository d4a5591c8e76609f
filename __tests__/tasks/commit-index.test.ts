/**
 * The temporary index of `lockstep commit` keeps git's racy-clean detection
 * correct: a file rewritten with the same size in the same second as its
 * index entry is still seen as changed.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { copyFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyIndexForTemp } from '../../src/git/temp-index.js';
import { cleanupTemp, tempDir, tempRepo } from '../helpers.js';
import { gitRun, lockstep } from './fixtures.js';

afterAll(cleanupTemp);

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Makes `a`'s index entry racily clean (written, staged and rewritten with
 * the same size within one second), then waits for the next second: a copy
 * of the index made now is later than the entry. Retries when the machine
 * was too slow to stay within the second.
 */
function racyEntry(repo: string): void {
  for (;;) {
    sleepMs(1000 - (Date.now() % 1000) + 5);
    const second = Math.floor(Date.now() / 1000);
    writeFileSync(join(repo, 'a'), 'A1\n');
    expect(gitRun(repo, ['add', 'a']).code).toBe(0);
    writeFileSync(join(repo, 'a'), 'A2\n');
    const sameSecond = [join(repo, 'a'), join(repo, '.git', 'index')].every((p) => Math.floor(statSync(p).mtimeMs / 1000) === second);
    if (sameSecond && Math.floor(Date.now() / 1000) === second) break;
  }
  sleepMs(1000 - (Date.now() % 1000) + 5);
}

/** Whether git, reading the index at `index`, sees `a` as changed in the worktree. */
function seesChange(repo: string, index: string): boolean {
  const r = gitRun(repo, ['diff-files', '--quiet', '--', 'a'], { GIT_INDEX_FILE: index });
  expect([0, 1]).toContain(r.code);
  return r.code === 1;
}

describe('temporary index', () => {
  test('a copy made by copyIndexForTemp sees a racily clean change; a plain copy (the control) does not', () => {
    const repo = tempRepo();
    const dir = tempDir();
    racyEntry(repo);
    const plain = join(dir, 'plain');
    copyFileSync(join(repo, '.git', 'index'), plain);
    const kept = join(dir, 'kept');
    expect(copyIndexForTemp(join(repo, '.git', 'index'), kept)).toBe(true);
    expect(statSync(kept).mtimeMs).toBeLessThanOrEqual(statSync(join(repo, '.git', 'index')).mtimeMs);
    // The control: git trusts the plain copy's stale stat data and misses the change.
    expect(seesChange(repo, plain)).toBe(false);
    expect(seesChange(repo, kept)).toBe(true);
    // The real index itself is judged correctly by git.
    expect(seesChange(repo, join(repo, '.git', 'index'))).toBe(true);
  });

  test('no index yet: nothing is copied', () => {
    const repo = tempRepo({ commit: false });
    expect(copyIndexForTemp(join(repo, '.git', 'index'), join(tempDir(), 'i'))).toBe(false);
  });

  test('lockstep commit of a racily clean file commits its new content (deterministic: mtimes set as a fast machine makes them)', () => {
    const repo = tempRepo();
    // ctime cannot be set; with it ignored, the same-second rewrite is made exact by setting mtimes.
    gitRun(repo, ['config', 'core.trustctime', 'false']);
    expect(lockstep(['task', 'start', 'z', '--scope', '**'], repo).code).toBe(0);
    const past = Math.floor(Date.now() / 1000) - 100;
    const wrong: string[] = [];
    for (let i = 1; i <= 5; i++) {
      // Same size, same mtime as the entry the last commit left in the index, and an index as old as the entry: racily clean.
      writeFileSync(join(repo, 'a'), `A${i}\n`);
      utimesSync(join(repo, 'a'), past, past);
      utimesSync(join(repo, '.git', 'index'), past, past);
      const r = lockstep(['commit', '--task', 'z', '-m', `m${i}`, '--json', '--', 'a'], repo);
      const head = gitRun(repo, ['show', 'HEAD:a']).stdout;
      if (r.code !== 0 || head !== `A${i}\n`) wrong.push(`#${i}: exit ${r.code} HEAD:a ${JSON.stringify(head)} ${r.stderr.trim()}`);
    }
    expect(wrong).toEqual([]);
  });

  // The loop: 200 in `npm run test:slow`; npm test runs 40 (the deterministic test above is the proof).
  const LOOP = Number(process.env.LOCKSTEP_COMMIT_LOOP ?? 20);
  test(`${LOOP} back-to-back lockstep commits of files rewritten with the same size: each commit holds the worktree`, () => {
    const repo = tempRepo();
    expect(lockstep(['task', 'start', 'z', '--scope', '**'], repo).code).toBe(0);
    // One process per commit inside the loop: the race needs a rewrite within the second of the last commit.
    const made: { i: number; code: number; commit: string; files: string; a: string; b: string; stderr: string }[] = [];
    for (let i = 1; i <= LOOP; i++) {
      // `a` keeps its size (3 bytes) and changes every time; `b` grows. Both are in every commit.
      const a = `A${i % 10}\n`;
      const b = `B${' '.repeat(i - 1)}x\n`;
      writeFileSync(join(repo, 'a'), a);
      writeFileSync(join(repo, 'b'), b);
      const r = lockstep(['commit', '--task', 'z', '-m', `m${i}`, '--json', '--', 'a', 'b'], repo);
      const out = r.code === 0 ? (JSON.parse(r.stdout) as { commit: string; files: string[] }) : { commit: '', files: [] };
      made.push({ i, code: r.code, commit: out.commit, files: [...out.files].sort().join(','), a, b, stderr: r.stderr.trim() });
    }
    const ok = made.filter((m) => m.code === 0);
    const blobs = gitRun(repo, ['cat-file', '--batch'], {}, ok.map((m) => `${m.commit}:a\n${m.commit}:b\n`).join('')).stdout;
    const contents: string[] = [];
    for (let at = 0; at < blobs.length; ) {
      const header = blobs.slice(at, blobs.indexOf('\n', at));
      const size = Number(header.split(' ')[2]);
      at += header.length + 1;
      contents.push(blobs.slice(at, at + size));
      at += size + 1;
    }
    const wrong = made
      .map((m) => {
        const k = ok.indexOf(m);
        const [a, b] = k < 0 ? [null, null] : [contents[2 * k], contents[2 * k + 1]];
        return m.code !== 0 || m.files !== 'a,b' || a !== m.a || b !== m.b ? `#${m.i}: exit ${m.code} files [${m.files}] committed a ${JSON.stringify(a)}, worktree a ${JSON.stringify(m.a)} ${m.stderr}` : '';
      })
      .filter(Boolean);
    expect(wrong).toEqual([]);
    expect(gitRun(repo, ['status', '--porcelain', '--', 'a', 'b']).stdout).toBe('');
  });
});
