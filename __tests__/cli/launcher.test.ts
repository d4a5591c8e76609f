/**
 * The CLI's launcher (dist/cli/index.js) runs the bundle through V8's code
 * cache. These run the built CLI as a user would: the cache is written once
 * per command, reused as it is, rebuilt when it is garbage, ignored when
 * another user could have written it, and never makes the CLI fail.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { cleanupTemp, CLI, runCli, tempDir, tempRepo } from '../helpers.js';
import { VERSION } from '../../src/cli/program.js';

afterAll(cleanupTemp);

function cacheFiles(dir: string): string[] {
  try {
    return readdirSync(join(dir, 'lockstep')).sort();
  } catch {
    return [];
  }
}

/** A checkout and an empty cache directory, and the CLI run there with that cache on. */
function withCache() {
  const repo = tempRepo();
  const cache = tempDir();
  const env = { NODE_COMPILE_CACHE: cache, NODE_DISABLE_COMPILE_CACHE: undefined };
  const run = (args: string[]) => runCli(args, { cwd: repo, env });
  return { cache, run, allocate: (name: string) => run(['allocate', 'specs', name]) };
}

/** The one cache file a single command has written. */
function onlyCacheFile(cache: string): string {
  return join(cache, 'lockstep', cacheFiles(cache)[0]!);
}

describe('CLI code cache', () => {
  test('written once per command, then reused as it is', () => {
    const { cache, run, allocate } = withCache();
    const first = allocate('first');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ topic_number: '001' });
    const files = cacheFiles(cache);
    expect(files).toHaveLength(1);
    // allocate runs from its own bundle (see the next describe): the cache is that bundle's.
    expect(files[0]).toMatch(/^allocate-[0-9a-f]{16}-v\d+\.\d+\.\d+-[a-z0-9]+-(?:[0-9a-z]+\.){4}[0-9a-z]+-allocate\.v8$/);
    const path = join(cache, 'lockstep', files[0]!);
    const before = statSync(path);
    expect(before.size).toBeGreaterThan(1000);
    expect(before.mode & 0o777).toBe(0o600);

    const second = allocate('second');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ topic_number: '002' });
    expect(statSync(path).ino).toBe(before.ino); // not rewritten

    // Another command gets a cache of its own; a failing one still exits with its code.
    const bad = allocate('../../etc');
    expect(bad.code).toBe(2);
    expect(run(['--version']).code).toBe(0);
    expect(cacheFiles(cache).map((f) => f.replace(/^.*-/, ''))).toEqual(['allocate.v8', 'none.v8']);
  });

  test('a usage error writes no cache (it would hold only the error path); the next good run does', () => {
    const { cache, allocate } = withCache();
    expect(allocate('../../etc').code).toBe(2);
    expect(cacheFiles(cache)).toEqual([]);
    expect(allocate('good').code).toBe(0);
    expect(cacheFiles(cache)).toHaveLength(1);
  });

  test('a corrupted cache is rejected by V8 and rebuilt; the call still works', () => {
    const { cache, allocate } = withCache();
    expect(allocate('a').code).toBe(0);
    const path = onlyCacheFile(cache);
    writeFileSync(path, Buffer.alloc(4096, 0x5a), { mode: 0o600 });
    const r = allocate('b');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ topic_number: '002' });
    expect(readFileSync(path).equals(Buffer.alloc(4096, 0x5a))).toBe(false);
  });

  test('a cache file others can write is not used, and is replaced by one of ours', () => {
    const { cache, allocate } = withCache();
    expect(allocate('a').code).toBe(0);
    const path = onlyCacheFile(cache);
    chmodSync(path, 0o666);
    const ino = statSync(path).ino;
    expect(allocate('b').code).toBe(0);
    const after = statSync(path);
    expect(after.ino).not.toBe(ino);
    expect(after.mode & 0o777).toBe(0o600);
  });

  test("writing a cache removes other builds' caches once they are a week old", () => {
    const { cache, allocate } = withCache();
    mkdirSync(join(cache, 'lockstep'), { recursive: true });
    const old = join(cache, 'lockstep', 'allocate-0123456789abcdef-v20.0.0-x64-allocate.v8');
    const recent = join(cache, 'lockstep', 'allocate-fedcba9876543210-v20.0.0-x64-allocate.v8');
    // Another bundle's files are that bundle's to prune.
    const otherBundle = join(cache, 'lockstep', 'cli-0123456789abcdef-v20.0.0-x64-lock.v8');
    const unrelated = join(cache, 'lockstep', 'notes.txt');
    for (const f of [old, recent, unrelated, otherBundle]) writeFileSync(f, 'x');
    const monthAgo = new Date(Date.now() - 30 * 24 * 3600_000);
    for (const f of [old, unrelated, otherBundle]) utimesSync(f, monthAgo, monthAgo);
    expect(allocate('a').code).toBe(0);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(unrelated)).toBe(true);
    expect(existsSync(otherBundle)).toBe(true);
    expect(cacheFiles(cache).filter((f) => f.endsWith('-allocate.v8'))).toHaveLength(2);
  });

  test('switched off, or with nowhere to write, there is no cache and no failure', () => {
    const repo = tempRepo();
    const cache = tempDir();
    const off = runCli(['allocate', 'specs', 'a'], { cwd: repo, env: { NODE_COMPILE_CACHE: cache, NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(off.code).toBe(0);
    expect(cacheFiles(cache)).toEqual([]);

    const notADir = join(tempDir(), 'file');
    writeFileSync(notADir, '');
    const nowhere = runCli(['allocate', 'specs', 'b'], { cwd: repo, env: { NODE_COMPILE_CACHE: notADir, NODE_DISABLE_COMPILE_CACHE: undefined } });
    expect(nowhere.code).toBe(0);
    expect(JSON.parse(nowhere.stdout)).toMatchObject({ topic_number: '002' });
    expect(nowhere.stderr).toBe('');
  });
});

describe('a cache belongs to one bundle file', () => {
  /** A copy of dist/cli (launcher and bundles) at a new place: another checkout or install. */
  function copyOfDist(): string {
    const to = join(tempDir(), 'cli');
    cpSync(join(CLI, '..'), to, { recursive: true });
    return join(to, 'index.js');
  }
  /** The bundle at `launcher`'s side with its version string replaced by one of the same length, in place. */
  function editSameLength(launcher: string, version: string): void {
    const bundle = join(dirname(launcher), 'cli.js');
    const text = readFileSync(bundle, 'latin1');
    const edited = text.replace(`"${VERSION}"`, `"${version}"`);
    expect(edited).not.toBe(text);
    expect(edited.length).toBe(text.length);
    writeFileSync(bundle, edited, 'latin1');
  }
  const version = (launcher: string, cache: string) => {
    const r = spawnSync(process.execPath, [launcher, '--version'], { encoding: 'utf8', env: { ...process.env, NODE_COMPILE_CACHE: cache, NODE_DISABLE_COMPILE_CACHE: '' } });
    expect(r.status).toBe(0);
    return r.stdout.trim();
  };

  test('two installs whose bundles differ but have the same length each run their own code from one cache directory', () => {
    const cache = tempDir();
    const a = copyOfDist();
    const b = copyOfDist();
    editSameLength(b, '9.9.9');
    expect(version(a, cache)).toBe(VERSION); // writes a's cache
    expect(version(a, cache)).toBe(VERSION); // and reads it
    expect(version(b, cache)).toBe('9.9.9');
    expect(version(b, cache)).toBe('9.9.9');
    expect(version(a, cache)).toBe(VERSION);
    expect(cacheFiles(cache).filter((f) => f.endsWith('-none.v8'))).toHaveLength(2);
  });

  test('a bundle edited in place (same length, even with its mtime put back) runs its new code', () => {
    const cache = tempDir();
    const a = copyOfDist();
    expect(version(a, cache)).toBe(VERSION);
    const bundle = join(dirname(a), 'cli.js');
    const before = statSync(bundle);
    editSameLength(a, '8.8.8');
    utimesSync(bundle, before.atime, before.mtime);
    expect(version(a, cache)).toBe('8.8.8');
  });

  test('a cache directory others can write to, or a link, is not used (and the CLI still works)', () => {
    for (const spoil of ['open', 'link'] as const) {
      const cache = tempDir();
      const real = join(tempDir(), 'elsewhere');
      mkdirSync(real, { mode: 0o700 });
      if (spoil === 'open') {
        mkdirSync(join(cache, 'lockstep'));
        chmodSync(join(cache, 'lockstep'), 0o777);
      } else symlinkSync(real, join(cache, 'lockstep'));
      const a = copyOfDist();
      expect(version(a, cache)).toBe(VERSION);
      expect(version(a, cache)).toBe(VERSION);
      expect(cacheFiles(cache)).toEqual([]);
      expect(readdirSync(real)).toEqual([]);
    }
  });
});

describe('a bundle of its own for allocate', () => {
  const dist = join(CLI, '..');
  /** The whole CLI's bundle run directly, without the launcher (and so without any code cache). */
  const runWhole = (args: string[], cwd: string) => {
    const r = spawnSync(process.execPath, [join(dist, 'cli.js'), ...args], { cwd, encoding: 'utf8' });
    return { code: r.status ?? 128, stdout: r.stdout, stderr: r.stderr };
  };

  test('is a fraction of the whole CLI', () => {
    expect(statSync(join(dist, 'allocate.js')).size * 3).toBeLessThan(statSync(join(dist, 'cli.js')).size);
  });

  test('answers every allocate call as the whole CLI does: help, usage errors, bad names, allocations', () => {
    const { run } = withCache();
    const repo = tempRepo();
    for (const args of [
      ['allocate', '--help'],
      ['allocate'],
      ['allocate', '--bogus', 'specs', 'x'],
      ['allocate', 'specs', '../../etc'],
      ['allocate', 'specs', 'x', '--width', '0'],
      ['allocate', '--verify', 'specs', 'x'],
      ['--json', 'allocate', 'specs', ''],
    ]) {
      expect({ args, ...run(args) }).toEqual({ args, ...runWhole(args, repo) });
    }
    // The launcher's run made 001, the whole CLI's (in another checkout) 001 too.
    expect(JSON.parse(run(['allocate', 'specs', 'x']).stdout)).toMatchObject({ topic_number: '001' });
    expect(JSON.parse(runWhole(['allocate', 'specs', 'x'], repo).stdout)).toMatchObject({ topic_number: '001' });
  });

  test('other words still reach the whole CLI, including ones that name properties of objects', () => {
    const { run } = withCache();
    expect(run(['lock', 'status', '--json']).code).toBe(0);
    for (const word of ['constructor', 'tostring', 'hasownproperty']) {
      const r = run([word]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`unknown command '${word}'`);
    }
  });
});

describe('the bin starts node without NODE_EXTRA_CA_CERTS', () => {
  // Node parses the file at every start and warns when it is missing: the warning shows whether it did.
  const missing = '/nonexistent/lockstep-test-ca.pem';
  /** The bin executed as a shell runs it (through its first lines), with this node first on PATH. */
  const runBin = (bin: string, args: string[], cwd: string, env: Record<string, string | undefined>) => {
    const r = spawnSync(bin, args, { cwd, env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}`, ...env }, encoding: 'utf8' });
    return { code: r.status ?? 128, stdout: r.stdout, stderr: r.stderr };
  };
  const show = ['run-locked', '-q', '--', 'sh', '-c', 'printf "%s|%s" "${NODE_EXTRA_CA_CERTS-unset}" "${LOCKSTEP_SAVED_NODE_EXTRA_CA_CERTS-unset}"'];

  test('node does not parse the bundle, and the commands the CLI starts get the variable back', () => {
    const repo = tempRepo();
    const r = runBin(CLI, show, repo, { NODE_EXTRA_CA_CERTS: missing });
    expect(r.stderr).not.toContain('extra certs');
    expect(r).toMatchObject({ code: 0, stdout: `${missing}|unset` });
    // Control: node started on the same file parses it (and warns).
    const direct = runCli(show, { cwd: repo, env: { NODE_EXTRA_CA_CERTS: missing } });
    expect(direct.stderr).toContain('Ignoring extra certs');
    expect(direct).toMatchObject({ code: 0, stdout: `${missing}|unset` });
  });

  test('unset or empty, it stays as it was', () => {
    const repo = tempRepo();
    expect(runBin(CLI, show, repo, { NODE_EXTRA_CA_CERTS: undefined })).toMatchObject({ code: 0, stdout: 'unset|unset', stderr: '' });
    expect(runBin(CLI, show, repo, { NODE_EXTRA_CA_CERTS: '' })).toMatchObject({ code: 0, stdout: '|unset', stderr: '' });
  });

  test('through a symlink, as node_modules/.bin has it, every argument arrives as given', () => {
    const repo = tempRepo();
    const bin = join(tempDir(), 'lockstep');
    symlinkSync(CLI, bin);
    const odd = ['a b', '$HOME', '*', '"q"', "it's", '-', ''];
    const r = runBin(bin, ['run-locked', '-q', '--', 'sh', '-c', 'for a; do printf "[%s]" "$a"; done', 'sh', ...odd], repo, { NODE_EXTRA_CA_CERTS: missing });
    expect(r).toEqual({ code: 0, stdout: odd.map((a) => `[${a}]`).join(''), stderr: '' });
    expect(runBin(bin, ['--version'], repo, {}).stdout.trim()).toBe(JSON.parse(readFileSync(join(CLI, '..', '..', '..', 'package.json'), 'utf8')).version);
  });
});
