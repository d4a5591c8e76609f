/**
 * The fence a commit carries: the commit lock's token plus the id of the
 * counter that issued it. Each clone has its own runtime directory and so
 * its own token counter; the id (random, made once per runtime, kept in
 * `<runtime>/fence-id`) keeps validation from comparing tokens of two
 * clones as if they came from one counter.
 */
import { linkSync, writeFileSync } from 'node:fs';
import { fsError } from '../core/errors.js';
import { join } from 'node:path';
import { readFileNoFollow, tempPathFor, unlinkQuiet } from '../core/files.js';
import { formatFence } from './trailers.js';
import { randomHex } from '../core/names.js';

const ID = /^[a-f0-9]{12}$/;

export function fenceCounterId(root: string): string {
  const path = join(root, 'fence-id');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const id = readFileNoFollow(path).trim();
      if (ID.test(id)) return id;
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw fsError(e, 'read', path); // a planted link: refused
      /* not made yet */
    }
    // Written whole, then linked: exactly one creator wins and nobody reads a half-written id.
    const tmp = tempPathFor(path);
    try {
      writeFileSync(tmp, `${randomHex(6)}\n`, { flag: 'wx' });
      linkSync(tmp, path);
    } catch {
      /* another process linked first: read its id */
    } finally {
      unlinkQuiet(tmp);
    }
  }
  // A damaged id file: fences still work, only cross-clone separation is lost.
  return 'unknown';
}

/** The `Lockstep-Fence` value for a commit made under `token`. */
export function fenceValue(root: string, token: number): string {
  return formatFence(token, fenceCounterId(root));
}
