/**
 * The audit log: `<runtime>/events.jsonl`, one JSON object a line, appended
 * with O_APPEND (each line is one write, so concurrent writers never tear a
 * line). Every acquire, wait, takeover, release, break and violation lands here.
 */
import { closeSync, fstatSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
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

export function appendEvent(root: string, type: EventType, fields: Record<string, unknown> = {}): void {
  const path = eventsPath(root);
  const line = JSON.stringify({ ts: new Date().toISOString(), type, pid: process.pid, host: hostId(), ...fields }) + '\n';
  try {
    const fd = openSync(path, 'a', 0o644);
    try {
      if (fstatSync(fd).size > ROTATE_BYTES) {
        try {
          renameSync(path, `${path}.1`);
        } catch {
          /* another writer rotated it first */
        }
      }
      writeSync(fd, line);
    } finally {
      closeSync(fd);
    }
  } catch {
    // The audit log must never turn a successful operation into a failure.
  }
}

export function readEvents(root: string, filter?: (e: LockstepEvent) => boolean): LockstepEvent[] {
  let text: string;
  try {
    text = readFileSync(eventsPath(root), 'utf8');
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
