// Sets KEY.SUBKEY = "done" in a JSON file, written whole (temp file + rename) so that a
// concurrent `git add` never reads half a file:  node state-key.mjs FILE KEY SUBKEY
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
const [file, key, sub] = process.argv.slice(2);
let state = {};
try {
  state = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  /* a first write */
}
state[key] = { ...(state[key] ?? {}), [sub]: 'done' };
const tmp = `${file}.${process.pid}.tmp`;
writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
renameSync(tmp, file);
