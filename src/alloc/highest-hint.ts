/**
 * The highest number of a root, remembered between allocations so that a
 * large root is not re-read on every one.
 *
 * Reading a root of 1,000 entries costs more than everything else an
 * allocation does under its lock, and the lock serialises that cost across
 * every waiting process. So after its mkdir each allocation records the
 * number it created together with the root directory's identity and change
 * times (device, inode, mtime, ctime, link count — any entry added, removed or
 * renamed changes them); the next one, under the same lock, reuses the number
 * only if the directory is provably unchanged since, and scans otherwise.
 *
 * The hint is deleted before the mkdir and rewritten after it, so a process
 * that dies in between leaves no hint (the next allocation scans) rather than
 * a stale one. Only lock holders write it. A tool that creates entries
 * without taking the lock can produce duplicates with or without the hint;
 * `allocate --verify` reports those.
 */
import { mkdirSync, readFileSync, statSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { unlinkQuiet, writeFileAtomic } from '../core/files.js';
import { highestNumber } from './scan.js';

interface Hint {
  v: 1;
  highest: number;
  dev: string;
  ino: string;
  mtimeNs: string;
  ctimeNs: string;
  nlink: string;
}

export function hintPath(runtimeRoot: string, lockName: string): string {
  return join(runtimeRoot, 'alloc', `${lockName}.json`);
}

function identity(st: BigIntStats): Omit<Hint, 'v' | 'highest'> {
  return { dev: String(st.dev), ino: String(st.ino), mtimeNs: String(st.mtimeNs), ctimeNs: String(st.ctimeNs), nlink: String(st.nlink) };
}

function readHint(file: string): Hint | null {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as Hint;
    return h && h.v === 1 && Number.isSafeInteger(h.highest) && h.highest >= 0 ? h : null;
  } catch {
    return null; // missing or unreadable: scan
  }
}

/** The highest number in `realRoot`: from the hint when the directory is unchanged since it was written, else by scanning. */
export function highestWithHint(realRoot: string, file: string): { highest: number; fromHint: boolean } {
  const h = readHint(file);
  if (h) {
    const now = identity(statSync(realRoot, { bigint: true }));
    if (now.dev === h.dev && now.ino === h.ino && now.mtimeNs === h.mtimeNs && now.ctimeNs === h.ctimeNs && now.nlink === h.nlink) {
      return { highest: h.highest, fromHint: true };
    }
  }
  return { highest: highestNumber(realRoot), fromHint: false };
}

/** Called under the lock before the mkdir. */
export function forgetHighest(file: string): void {
  unlinkQuiet(file);
}

const madeDirs = new Set<string>();

/** Called under the lock after the mkdir. A failure only costs the next allocation a scan. */
export function rememberHighest(realRoot: string, file: string, highest: number): void {
  try {
    const dir = join(file, '..');
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    const hint: Hint = { v: 1, highest, ...identity(statSync(realRoot, { bigint: true })) };
    writeFileAtomic(file, JSON.stringify(hint));
  } catch {
    forgetHighest(file);
  }
}
