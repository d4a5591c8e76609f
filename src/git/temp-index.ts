/**
 * A temporary index made from a copy of the real one, so that git can reuse
 * the real index's stat data (nothing is rehashed) without git's racy-clean
 * detection being fooled.
 *
 * git trusts an entry's cached stat data only when the file's mtime is
 * earlier than the index file's own mtime; an entry as new as the index is
 * "racily clean" and its content is compared. A plain copy gets a new mtime,
 * later than the original's, so an entry that was racily clean in the real
 * index looks safely clean in the copy: a file rewritten with the same size
 * in the same second as its entry is then taken as unchanged (committed
 * stale, or "nothing to commit"). The copy therefore gets the original's
 * mtime floored to its second: every entry racy in the original stays racy
 * in the copy (a few more may be compared, which costs only a read).
 */
import { closeSync, fstatSync, openSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { fsError } from '../core/errors.js';

/**
 * Copies the index at `index` to `to` (which must not exist) with a
 * modification time no later than the original's. Returns false, creating
 * nothing, when there is no index yet (before the first `git add`).
 */
export function copyIndexForTemp(index: string, to: string): boolean {
  let fd: number;
  try {
    fd = openSync(index, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw fsError(e, 'read', index);
  }
  let data: Buffer;
  let mtimeSec: number;
  try {
    // git replaces the index by renaming index.lock over it: the open file's
    // bytes and its mtime belong together even if git writes a new one now.
    const st = fstatSync(fd);
    mtimeSec = Math.floor(st.mtimeMs / 1000);
    data = readFileSync(fd);
  } catch (e) {
    throw fsError(e, 'read', index);
  } finally {
    closeSync(fd);
  }
  try {
    writeFileSync(to, data, { flag: 'wx', mode: 0o644 });
    utimesSync(to, mtimeSec, mtimeSec);
  } catch (e) {
    throw fsError(e, 'write', to);
  }
  return true;
}
