/**
 * The audit log: `<runtime>/events.jsonl`, one JSON object a line, appended
 * with O_APPEND (each line is one write, so concurrent writers never tear a
 * line). Every acquire, wait, takeover, release, break and violation lands here.
 */
import { closeSync, fstatSync, linkSync, lstatSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openAppend, readFileNoFollow } from './files.js';
import { faultPauseSync, faultValue } from './faults.js';
import { randomHex } from './names.js';
import { hostId } from './process.js';

export type EventType =
  | 'acquire'
  | 'wait'
  | 'takeover'
  | 'release'
  | 'timeout'
  | 'break'
  | 'compromised'
  | 'violation'
  | 'git_commit_validation_warning'
  | (string & {});

export interface LockstepEvent {
  ts: string;
  type: EventType;
  pid: number;
  host: string;
  [key: string]: unknown;
}

/** Rotate at 16 MiB: one previous generation is kept as events.jsonl.1. */
const ROTATE_BYTES = 16 * 1024 * 1024;

export function eventsPath(root: string): string {
  return join(root, 'events.jsonl');
}

/**
 * Open O_APPEND descriptors, one per events file, kept for the life of the
 * process: an open + fstat + close around every line was three of the four
 * system calls of an append. Before each write the path is stat'ed (one call,
 * which also gives the size for rotation) and the descriptor reopened when the
 * path no longer names the file it has open — rotated (renamed to .1) or
 * removed — so lines always go to the file currently at the path, as they did
 * with a fresh open. (While we hold the descriptor its inode cannot be freed,
 * so no other file can carry the same device and inode.) Few are kept: a
 * process that touches many runtimes (a test run) must not run out of them.
 */
interface OpenLog {
  fd: number;
  dev: bigint;
  ino: bigint;
}
const openLogs = new Map<string, OpenLog>();
const MAX_OPEN_LOGS = 8;

function closeLog(path: string): void {
  const log = openLogs.get(path);
  if (!log) return;
  openLogs.delete(path);
  try {
    closeSync(log.fd);
  } catch {
    /* already closed */
  }
}

function openLog(path: string): OpenLog {
  const fd = openAppend(path); // O_NOFOLLOW: a link planted at the path is refused, never appended through
  try {
    const st = fstatSync(fd, { bigint: true });
    const log = { fd, dev: st.dev, ino: st.ino };
    if (openLogs.size >= MAX_OPEN_LOGS) closeLog(openLogs.keys().next().value!);
    openLogs.set(path, log);
    return log;
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** The descriptor to append to `path` with, rotating the file first when it has grown past ROTATE_BYTES. */
function logFor(path: string): OpenLog {
  const st = lstatSync(path, { bigint: true, throwIfNoEntry: false });
  let log = openLogs.get(path);
  if (log && (!st || st.dev !== log.dev || st.ino !== log.ino)) {
    closeLog(path);
    log = undefined;
  }
  if (st && st.size > ROTATE_BYTES) {
    rotate(path, st.ino);
    closeLog(path);
    log = undefined;
  }
  return log ?? openLog(path);
}

/**
 * Moves the full file at `path` (inode `ino`, as this writer saw it) to
 * `.1`, replacing the generation before it. Two writers can see the file
 * full at once: the first moves it to `.1` and the next line starts a new
 * file at the path, so a plain rename by the second would move that new file
 * over `.1`, and the whole full generation would be gone. Instead the file at
 * the path is taken aside under a name of this writer's own, and goes to
 * `.1` only if it is the one seen full; otherwise it is put back, or, if
 * yet another writer has started the path again meanwhile, its lines are
 * added there. (A writer killed in between leaves its lines in
 * `events.jsonl.rotating.*`.)
 */
function rotate(path: string, ino: bigint): void {
  // TEST-ONLY: LOCKSTEP_FAULT=pause-before-rotate:MS lets another writer
  // rotate first; rotate-blind:1 is the plain rename (the control).
  if (LOCKSTEP_TEST_BUILD) faultPauseSync('pause-before-rotate');
  if (LOCKSTEP_TEST_BUILD && faultValue('rotate-blind')) {
    try {
      renameSync(path, `${path}.1`);
    } catch {
      /* gone */
    }
    return;
  }
  const aside = `${path}.rotating.${process.pid}.${randomHex(4)}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // gone: another writer has just taken it
  }
  try {
    if (lstatSync(aside, { bigint: true }).ino === ino) {
      renameSync(aside, `${path}.1`);
      return;
    }
    try {
      linkSync(aside, path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const fd = openAppend(path);
      try {
        writeSync(fd, readFileNoFollow(aside));
      } finally {
        closeSync(fd);
      }
    }
    unlinkSync(aside);
  } catch {
    // The audit log never fails a write: the lines stay in the file aside.
  }
}

export function appendEvent(root: string, type: EventType, fields: Record<string, unknown> = {}): void {
  const path = eventsPath(root);
  const line = JSON.stringify({ ts: new Date().toISOString(), type, pid: process.pid, host: hostId(), ...fields }) + '\n';
  try {
    writeSync(logFor(path).fd, line);
  } catch {
    // The audit log must never turn a successful operation into a failure.
    closeLog(path);
  }
}

export function readEvents(root: string, filter?: (e: LockstepEvent) => boolean): LockstepEvent[] {
  let text: string;
  try {
    text = readFileNoFollow(eventsPath(root));
  } catch {
    return [];
  }
  const out: LockstepEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      const e = JSON.parse(line) as LockstepEvent;
      if (!filter || filter(e)) out.push(e);
    } catch {
      /* a line cut by a crash mid-write is skipped, not fatal */
    }
  }
  return out;
}
