// Bundles the CLI, the action, the hook runner and the library.
//
// The CLI and the hook runner are bundled with esbuild as CommonJS
// (dist/cli/cli.js, dist/hook/hook.js), each behind a small launcher
// (index.js, from src/cli/launcher.cts) that runs it through V8's code cache:
// on Node 20, ES modules have no compile cache, and a CLI call or a hook is
// mostly start-up. The CLI's commands' modules are still evaluated only on
// demand (src/cli/program.ts). The action is bundled with ncc. The library
// (dist/lib, what `import … from "lockstep"` loads) is one ES module by
// esbuild, with declarations by tsc.
//
// Fault injection (src/core/faults.ts) is test-only: every bundle here is
// built with LOCKSTEP_TEST_BUILD defined as false, so the minifier removes the
// fault points with their names and the reading of LOCKSTEP_FAULT, and
// LOCKSTEP_FAULT does nothing in what users run. The CLI and the hook runner
// are built a second time with it true into build/test/ (git-ignored), for
// the tests that start a bundle with faults on. The action's own sources go
// through esbuild first (for the define; ncc has none), then ncc bundles that
// with the packages.
//
// ncc does not clean its output directory, so each bundle is built into a
// fresh temp directory; its files then replace the old ones one rename at a
// time, so a test or hook running during a rebuild always sees a whole file.
// `-t` (transpile-only) breaks ESM imports and is deliberately not used.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { build } from 'esbuild';

/**
 * The launcher's first two lines: a sh script that starts node on the same
 * file, and for node a string and a comment. Node parses the certificate
 * bundle NODE_EXTRA_CA_CERTS names at every start, before any JavaScript runs
 * (about 50 ms, on any machine behind a TLS-intercepting proxy), and the CLI
 * opens no TLS connection: so the bin starts node without it, and passes the
 * value on in LOCKSTEP_SAVED_NODE_EXTRA_CA_CERTS, which the launcher puts back
 * for the processes the CLI starts (src/cli/launcher.cts). `node index.js`
 * runs the file as plain JavaScript, as the hooks do.
 */
const LAUNCHER_SHEBANG = [
  '#!/bin/sh',
  '":" //; [ -z "$NODE_EXTRA_CA_CERTS" ] || { LOCKSTEP_SAVED_NODE_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS; NODE_EXTRA_CA_CERTS=; export LOCKSTEP_SAVED_NODE_EXTRA_CA_CERTS NODE_EXTRA_CA_CERTS; }; exec node "$0" "$@"',
].join('\n');

/**
 * Node built-ins that only some commands need, loaded on first use instead of
 * at start-up: child_process (with net and stream under it, ~5 ms) is needed
 * by every command that runs git but not by `allocate` or `state`, and
 * commander requires it at load for stand-alone executable subcommands, which
 * lockstep does not have. Each becomes a module of functions that load the
 * real one when first called. The names are listed here: an import of any
 * other name fails the build ("No matching export"), so none can go missing.
 */
const LAZY_BUILTINS = {
  child_process: ['spawn', 'spawnSync', 'execFile', 'execFileSync'],
  crypto: ['createHash', 'randomInt'],
};
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: /^(node:)?(child_process|crypto)$/ }, (a) => (a.namespace === 'lazy-builtin' ? undefined : { path: a.path.replace(/^node:/, ''), namespace: 'lazy-builtin' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (a) => ({
      loader: 'js',
      contents: [
        `let real;`,
        `const load = () => (real ??= require('node:${a.path}'));`,
        ...LAZY_BUILTINS[a.path].map((n) => `export function ${n}(...args) { return load().${n}(...args); }`),
      ].join('\n'),
    }));
  },
};

const targets = [
  // esbuild writes no licenses.txt: the CLI's lists every package the CLI's sources import (the hooks' are among them).
  // `lockstep allocate` also gets a bundle of its own (src/cli/allocate.ts): shell loops call it thousands of times.
  { entry: 'src/cli/index.ts', out: 'dist/cli', launched: 'cli', ownBundles: { allocate: 'src/cli/allocate.ts' }, licensesFrom: { dir: 'src', except: ['src/action'] } },
  { entry: 'src/action/index.ts', out: 'dist/action' },
  { entry: 'src/hooks/entry.ts', out: 'dist/hook', launched: 'hook', licensesFrom: { dir: 'src', except: ['src/action'] } },
  // The library (`import … from "lockstep"`): one ES module and its types.
  { entry: 'src/index.ts', out: 'dist/lib', library: true, licensesFrom: { dir: 'src', except: ['src/action', 'src/cli'] } },
];

/** The test build: where it goes, beside nothing users get. */
const TEST_BUILD_DIR = join('build', 'test');

for (const t of targets) await buildTarget(t, t.out, false);
for (const t of targets.filter((x) => x.launched)) await buildTarget({ ...t, licensesFrom: undefined }, join(TEST_BUILD_DIR, basename(t.out)), true);
await buildTestWorkers(join(TEST_BUILD_DIR, 'workers'));

/**
 * The tests' worker processes (__tests__/workers/*.ts), each bundled once
 * here (faults compiled in) rather than compiled by tsx at every start: the
 * suite starts them hundreds of times, and tsx costs about half a second of
 * CPU a start. __tests__/helpers.ts starts these, or the source through tsx
 * when the bundle is missing or older than its worker. A tree without the
 * tests (the packed tarball) has nothing to build here.
 */
async function buildTestWorkers(out) {
  const dir = join('__tests__', 'workers');
  if (!existsSync(dir)) return;
  const entryPoints = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
  const tmp = `${out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  await build({ entryPoints, outdir: tmp, outExtension: { '.js': '.mjs' }, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', define: { LOCKSTEP_TEST_BUILD: 'true' } });
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(tmp)) renameSync(join(tmp, f), join(out, f));
  rmSync(tmp, { recursive: true, force: true });
}

/** Builds one target into `out` (faults compiled in only when `testBuild`), replacing the old files one rename at a time. */
async function buildTarget(t, out, testBuild) {
  if (!existsSync(t.entry)) return;
  const tmp = `${out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const define = { LOCKSTEP_TEST_BUILD: String(testBuild) };
  try {
    if (t.launched) await buildLaunched(t.entry, tmp, t.launched, t.ownBundles ?? {}, define);
    else if (t.library) await buildLibrary(t.entry, tmp, define);
    else await buildAction(t.entry, tmp, define);
    if (t.licensesFrom) writeFileSync(join(tmp, 'licenses.txt'), licenses(importedPackages(t.licensesFrom.dir, t.licensesFrom.except)));
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    console.error(`build: ${e.message}`);
    process.exit(1);
  }
  mkdirSync(out, { recursive: true });
  const fresh = new Set(readdirSync(tmp));
  // The files the entry loads first (a launcher's bundle, ncc's chunks), the
  // entry last: a process starting mid-rebuild gets the old entry with its old
  // files or the new with new.
  const order = [...fresh].sort((a, b) => Number(a === 'index.js') - Number(b === 'index.js'));
  for (const f of order) {
    // A directory (the library's types) is replaced whole.
    if (statSync(join(tmp, f)).isDirectory()) rmSync(join(out, f), { recursive: true, force: true });
    renameSync(join(tmp, f), join(out, f));
  }
  for (const f of readdirSync(out)) if (!fresh.has(f) && statSync(join(out, f)).isFile()) rmSync(join(out, f));
  rmSync(tmp, { recursive: true, force: true });
}

/**
 * dist/action: the action's own sources as one ES module by esbuild (with the
 * define; packages left as imports), at a fixed path so that ncc's output
 * does not depend on the build's pid, then bundled with its packages by ncc.
 */
async function buildAction(entry, out, define) {
  const src = join('build', 'action-src');
  rmSync(src, { recursive: true, force: true });
  try {
    await build({ entryPoints: [entry], outfile: join(src, 'index.js'), bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', legalComments: 'none', minifySyntax: true, define });
    const r = spawnSync(process.execPath, ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', join(src, 'index.js'), '-o', out, '--minify', '--no-source-map-register', '-q', '--license', 'licenses.txt'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`ncc failed (exit ${r.status})`);
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
}

/**
 * dist/cli and dist/hook: the bundle (NAME.js, CommonJS), the bundles of the
 * commands that have their own (WORD.js), the launcher that runs them through
 * the code cache (index.js, with each bundle's name and hash in it) and a
 * package.json that makes them all CommonJS inside this ESM package.
 */
async function buildLaunched(entry, out, name, ownBundles, define) {
  mkdirSync(out, { recursive: true });
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', legalComments: 'none' };
  const bundleOne = async (from, as) => {
    await build({
      ...common,
      entryPoints: [from],
      outfile: join(out, `${as}.js`),
      minify: true,
      plugins: [lazyBuiltins],
      // src/hooks/install.ts finds the package from import.meta.url. Worked
      // out when asked: pathToFileURL, cold, cost every call a few tenths of a ms.
      define: { ...define, 'import.meta.url': '__lockstepImportMeta.url' },
      banner: { js: "var __lockstepImportMeta={get url(){return require('url').pathToFileURL(__filename).href}};" },
    });
    const code = readFileSync(join(out, `${as}.js`));
    // The launcher reads a bundle as latin1 (a plain copy, no UTF-8 decoding):
    // esbuild escapes non-ASCII in strings, but not in String.raw templates.
    const at = code.findIndex((b) => b > 0x7f);
    if (at >= 0) throw new Error(`${as}.js has a non-ASCII character near "${code.subarray(Math.max(0, at - 40), at + 10).toString()}": write it as a \\u escape in the source`);
    return { name: as, id: createHash('sha256').update(code).digest('hex').slice(0, 16) };
  };
  const bundles = { '*': await bundleOne(entry, name) };
  for (const [word, from] of Object.entries(ownBundles)) {
    if (!/^[a-z][a-z-]{0,31}$/.test(word) || word === name || word === 'index') throw new Error(`build: ${word} cannot name a bundle of its own`);
    bundles[word] = await bundleOne(from, word);
  }
  await build({
    ...common,
    entryPoints: ['src/cli/launcher.cts'],
    outfile: join(out, 'index.js'),
    define: { LOCKSTEP_BUNDLES: JSON.stringify(bundles) },
    banner: { js: LAUNCHER_SHEBANG },
  });
  chmodSync(join(out, 'index.js'), 0o755);
  writeFileSync(join(out, 'package.json'), '{\n  "type": "commonjs"\n}\n');
}

/**
 * dist/lib: the library as one ES module (index.js) with its dependencies
 * inside, so a program can import it from a clone or a git dependency without
 * installing anything, and its declarations (types/, by tsc from
 * tsconfig.lib.json). CommonJS dependencies inside an ES module call
 * require(), hence the createRequire banner.
 */
async function buildLibrary(entry, out, define) {
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [entry],
    outfile: join(out, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    legalComments: 'none',
    // Folds the define (and removes the fault points) while the module stays readable.
    minifySyntax: true,
    define,
    banner: { js: "import { createRequire as __lockstepCreateRequire } from 'node:module';\nconst require = __lockstepCreateRequire(import.meta.url);" },
  });
  const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.lib.json', '--outDir', join(out, 'types')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('tsc could not write the library\'s declarations');
}

/** The npm packages the TypeScript files under `dir` import (statically or with import()). */
function importedPackages(dir, except) {
  const found = new Set();
  const walk = (d) => {
    if (except.includes(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        // An import or export statement's `from '…'` (at the start of a line), or `import('…')`: not any word "from" before a quote.
        for (const m of readFileSync(p, 'utf8').matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*'([^'.][^']*)'|\bimport\(\s*'([^'.][^']*)'/gm)) {
          const spec = m[1] ?? m[2];
          if (spec.startsWith('node:')) continue;
          const parts = spec.split('/');
          found.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
        }
      }
    }
  };
  walk(dir);
  return [...found].sort();
}

/** licenses.txt in ncc's format: name, license, the license text, for each package. */
function licenses(packages) {
  const out = [];
  for (const name of packages) {
    const dir = join('node_modules', name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
    if (!file) throw new Error(`build: ${name} has no license file to ship`);
    out.push(`${name}\n${pkg.license ?? ''}\n${readFileSync(join(dir, file), 'utf8').trim()}\n`);
  }
  return out.join('\n');
}
