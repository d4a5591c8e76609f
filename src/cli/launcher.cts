/**
 * The entry point of the CLI (`dist/cli/index.js`) and of the hook runner
 * (`dist/hook/index.js`): runs the bundle beside it (`cli.js`, `hook.js`)
 * through V8's code cache.
 *
 * A CLI call is mostly start-up: agents and hooks call `lockstep allocate`,
 * `lockstep state set` and friends thousands of times, and each call used to
 * parse and compile the same JavaScript again. V8 can serialize the code it
 * compiled (`script.createCachedData()`) and take it back on the next run
 * (`new Script(…, { cachedData })`), skipping the parser and the bytecode
 * compiler for everything the cached run executed. That is what
 * v8-compile-cache did for yarn and eslint, and what Node 22's
 * `module.enableCompileCache()` does; this works on Node 20 too, where ES
 * modules have no such hook (so the bundle is CommonJS).
 *
 * A command called in tight loops can have a bundle of its own (`allocate.js`
 * beside `cli.js`): the launcher picks the bundle by the command word, so that
 * command does not read, check and deserialize the code of all the others.
 *
 * One cache file per command word (or hook name): each holds the functions
 * its own command runs. V8 checks a cache against the source's length only,
 * so a cache used with another bundle of the same length runs the other
 * bundle's code. Files are therefore keyed by the bundle file itself — its
 * device, inode, size, mtime and ctime, read with one fstat of the descriptor
 * the source is then read from — as well as its build-time content hash, the
 * Node version and the architecture. Another checkout's bundle, a rebuilt one
 * (a new inode) or one edited in place (a new ctime, which nobody can set
 * back) gets a cache of its own; hashing the bytes at each start would cost
 * more than the cache saves. V8 also rejects a cache that does not match its
 * version or flags (then it is rebuilt).
 * Written once, atomically (temp file + rename), when a run that did its work
 * exits; the files of other builds are removed then, once a week old.
 * Anything wrong with the cache directory (read-only, missing home) only means
 * no cache: the CLI never fails because of it. The directory is used only if
 * it is a real directory (not a link) of this user that nobody else can write
 * to, so no one else can put a file in it or swap one, and a cache file only
 * if it belongs to this user and nobody else can write it.
 *
 * `NODE_COMPILE_CACHE=DIR` puts the cache in DIR; `NODE_DISABLE_COMPILE_CACHE=1`
 * turns it off (the names Node uses for its own compile cache).
 */
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { commandWord } from './argv.js';

/**
 * The bundles beside the launcher, filled in by scripts/build.mjs: by command
 * word, the bundle's name (`allocate`) and content hash; `*` for every other
 * word (`cli`, `hook`).
 */
declare const LOCKSTEP_BUNDLES: { readonly [word: string]: { readonly name: string; readonly id: string } };

/** The command word (see src/cli/argv.ts), reduced to a safe file-name part. */
function commandKey(argv: readonly string[]): string {
  const word = commandWord(argv);
  return word === null ? 'none' : /^[a-z][a-z-]{0,31}$/.test(word) ? word : 'other';
}

function cacheDirectory(env: NodeJS.ProcessEnv): string | null {
  if (env.NODE_DISABLE_COMPILE_CACHE) return null;
  if (env.NODE_COMPILE_CACHE) return join(env.NODE_COMPILE_CACHE, 'lockstep');
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'lockstep');
  try {
    // os.homedir() is $HOME when set: loading os only to read it would cost every call.
    return join(env.HOME || (require('node:os') as typeof import('node:os')).homedir(), '.cache', 'lockstep');
  } catch {
    return null;
  }
}

/**
 * The cached code, if this user wrote it: V8 runs what a cache holds, so a
 * file another user could have written (or can write) is not used.
 */
function readCache(dir: string | null, file: string | null): Buffer | undefined {
  if (!dir || !file || !ownDir(dir)) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
    const st = fstatSync(fd);
    if ((process.getuid && st.uid !== process.getuid()) || (st.mode & 0o022) !== 0) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The cache directory is this user's alone: a real directory of ours that nobody else can write to. */
function ownDir(dir: string): boolean {
  try {
    const st = lstatSync(dir);
    return st.isDirectory() && (!process.getuid || st.uid === process.getuid()) && (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** The bundle file's identity: another file, or this one changed in any way, has another (see the top of this file). */
function fileStamp(fd: number): string {
  const st = fstatSync(fd, { bigint: true });
  return [st.dev, st.ino, st.size, st.mtimeNs, st.ctimeNs].map((n) => n.toString(36)).join('.');
}

/** Caches of other builds (or Node versions) untouched for this long are removed when a new one is written. */
const STALE_MS = 7 * 24 * 3600_000;

function writeCache(dir: string, file: string, bundleName: string, current: string, script: Script): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!ownDir(dir)) return;
    // 'wx': a name someone placed in the way (a link to elsewhere) is not written through.
    writeFileSync(tmp, script.createCachedData(), { mode: 0o600, flag: 'wx' });
    renameSync(tmp, file);
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      /* never written */
    }
    return;
  }
  // Each upgrade starts a new set of files: drop the old sets. Only old ones,
  // so that two installed versions used side by side do not keep deleting
  // each other's (each file is written once, so its age is its mtime).
  try {
    const now = Date.now();
    for (const name of readdirSync(dir)) {
      if (!name.startsWith(`${bundleName}-`) || !name.endsWith('.v8') || name.startsWith(current)) continue;
      const p = join(dir, name);
      if (now - statSync(p).mtimeMs > STALE_MS) unlinkSync(p);
    }
  } catch {
    /* pruning is housekeeping: never a failure */
  }
}

// Started through the bin's sh lines (see scripts/build.mjs), node ran
// without NODE_EXTRA_CA_CERTS: the processes the CLI starts (agents,
// run-locked's command) get it back as it was.
const savedCaCerts = process.env.LOCKSTEP_SAVED_NODE_EXTRA_CA_CERTS;
if (savedCaCerts !== undefined) {
  process.env.NODE_EXTRA_CA_CERTS = savedCaCerts;
  delete process.env.LOCKSTEP_SAVED_NODE_EXTRA_CA_CERTS;
}

const key = commandKey(process.argv.slice(2));
// (Own keys only: a command word can be `constructor`.)
const { name: bundleName, id: bundleId } = Object.hasOwn(LOCKSTEP_BUNDLES, key) ? LOCKSTEP_BUNDLES[key]! : LOCKSTEP_BUNDLES['*']!;
const bundle = join(__dirname, `${bundleName}.js`);
const bundleFd = openSync(bundle, 'r');
const dir = cacheDirectory(process.env);
const current = `${bundleName}-${bundleId}-${process.version}-${process.arch}-${fileStamp(bundleFd)}-`;
const file = dir && join(dir, `${current}${key}.v8`);
const cachedData = readCache(dir, file);
// The build makes sure the bundle is ASCII, so latin1 reads it exactly, without UTF-8 decoding.
// Read from the descriptor that was stamped: the source is the file the cache's name describes.
const source = readFileSync(bundleFd, 'latin1');
closeSync(bundleFd);
// The same wrapper Node gives a CommonJS module, so the bundle sees require, module, __filename.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
// Written after a run that did its work (exit 0, or 1 for "found something"),
// not after a usage error: the cache keeps the functions its run compiled.
if (dir && file && (cachedData === undefined || script.cachedDataRejected)) process.once('exit', (code) => code <= 1 && writeCache(dir, file, bundleName, current, script));
const mod = { exports: {} };
(script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string) => void)(mod.exports, require, mod, bundle, __dirname);
