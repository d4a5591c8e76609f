// Bundles the CLI (and, when present, the action) with ncc. The CLI loads each
// command's module on demand (src/cli/program.ts), so ncc splits it into chunks.
//
// ncc does not clean its output directory, so each bundle is built into a
// fresh temp directory; its files then replace the old ones one rename at a
// time, so a test or hook running during a rebuild always sees a whole file.
// `-t` (transpile-only) breaks ESM imports and is deliberately not used.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';

const targets = [
  // The CLI is split into chunks, and ncc then lists only some chunks' licenses: ours lists every package the CLI's sources import.
  { entry: 'src/cli/index.ts', out: 'dist/cli', bin: true, licensesFrom: { dir: 'src', except: ['src/action'] } },
  { entry: 'src/action/index.ts', out: 'dist/action', bin: false },
  { entry: 'src/hooks/entry.ts', out: 'dist/hook', bin: false },
];

for (const t of targets) {
  if (!existsSync(t.entry)) continue;
  const tmp = `${t.out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const r = spawnSync(process.execPath, ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', t.entry, '-o', tmp, '--minify', '--no-source-map-register', '-q', '--license', 'licenses.txt'], { stdio: 'inherit' });
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    process.exit(r.status ?? 1);
  }
  if (t.licensesFrom) writeFileSync(join(tmp, 'licenses.txt'), licenses(importedPackages(t.licensesFrom.dir, t.licensesFrom.except)));
  if (t.bin) {
    const file = join(tmp, 'index.js');
    const src = readFileSync(file, 'utf8');
    if (!src.startsWith('#!')) writeFileSync(file, `#!/usr/bin/env node\n${src}`);
    chmodSync(file, 0o755);
  }
  mkdirSync(t.out, { recursive: true });
  const fresh = new Set(readdirSync(tmp));
  // The chunks the entry loads on demand first, the entry last: a process
  // starting mid-rebuild gets the old entry with its old chunks or the new with new.
  const order = [...fresh].sort((a, b) => Number(a === 'index.js') - Number(b === 'index.js'));
  for (const f of order) renameSync(join(tmp, f), join(t.out, f));
  for (const f of readdirSync(t.out)) if (!fresh.has(f) && statSync(join(t.out, f)).isFile()) rmSync(join(t.out, f));
  rmSync(tmp, { recursive: true, force: true });
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
        for (const m of readFileSync(p, 'utf8').matchAll(/(?:from|import\()\s*'([^'.][^']*)'/g)) {
          const spec = m[1];
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
