/**
 * File contents at revisions (`REV:PATH`) read through one `git cat-file
 * --batch`: a range of a thousand commits costs one git process, not two
 * thousand. The batch speaks in bytes, so its output is parsed as a Buffer.
 */
import { spawn } from 'node:child_process';
import { envFor, spawnFailed, type Git } from './git.js';

/** The contents of each `REV:PATH` (UTF-8), null where the revision has no such file (or it is not a blob). */
export async function readBlobs(git: Git, specs: readonly string[]): Promise<(string | null)[]> {
  // cat-file reads one spec per line: a path with a line break is read on its own.
  const batched = specs.filter((s) => !/[\r\n]/.test(s));
  const out = new Map<string, string | null>();
  if (batched.length > 0) {
    const data = await catFileBatch(git.cwd, batched.join('\n') + '\n');
    let at = 0;
    for (const spec of batched) {
      const nl = data.indexOf(0x0a, at);
      if (nl < 0) throw new Error(`git cat-file --batch stopped before ${spec}`);
      const header = data.subarray(at, nl).toString('utf8');
      at = nl + 1;
      const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
      if (!m) {
        out.set(spec, null); // "<spec> missing", "ambiguous"
        continue;
      }
      const size = Number(m[2]);
      out.set(spec, m[1] === 'blob' ? data.subarray(at, at + size).toString('utf8') : null);
      at += size + 1;
    }
  }
  for (const spec of specs) {
    if (out.has(spec)) continue;
    const r = await git.run(['cat-file', 'blob', spec], { readOnly: true });
    out.set(spec, r.code === 0 ? r.stdout : null);
  }
  return specs.map((s) => out.get(s) ?? null);
}

function catFileBatch(cwd: string, input: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn('git', ['cat-file', '--batch'], { cwd, env: envFor({ readOnly: true }), stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (e) {
      reject(spawnFailed(e, cwd));
      return;
    }
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e) => reject(spawnFailed(e, cwd)));
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`git cat-file --batch exited ${code}: ${stderr.trim()}`))));
    child.stdin.on('error', () => undefined); // git gone early: reported by 'close'
    child.stdin.end(input);
  });
}
