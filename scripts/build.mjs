// Bundles the CLI (and, when present, the action) with ncc.
//
// ncc does not clean its output directory, so each bundle is built into a
// fresh temp directory; its files then replace the old ones one rename at a
// time, so a test or hook running during a rebuild always sees a whole file.
// `-t` (transpile-only) breaks ESM imports and is deliberately not used.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';

const targets = [
  { entry: 'src/cli/index.ts', out: 'dist/cli', bin: true },
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
  if (t.bin) {
    const file = join(tmp, 'index.js');
    const src = readFileSync(file, 'utf8');
    if (!src.startsWith('#!')) writeFileSync(file, `#!/usr/bin/env node\n${src}`);
    chmodSync(file, 0o755);
  }
  mkdirSync(t.out, { recursive: true });
  const fresh = new Set(readdirSync(tmp));
  for (const f of fresh) renameSync(join(tmp, f), join(t.out, f));
  for (const f of readdirSync(t.out)) if (!fresh.has(f) && statSync(join(t.out, f)).isFile()) rmSync(join(t.out, f));
  rmSync(tmp, { recursive: true, force: true });
}
