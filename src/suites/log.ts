/**
 * What workers did, as JSONL: one file per worker slot, appended with one
 * write(2) per event on an O_APPEND descriptor, so a line survives a SIGKILL
 * that comes right after it. A replacement worker (after a kill) appends to
 * the same file with the next incarnation number.
 */
import { closeSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export type LogEventType = 'start' | 'ok' | 'fail' | 'kill' | 'end';

export interface LogEvent {
  /** Worker slot. */
  w: number;
  /** Incarnation of the slot: 0 for the first process, +1 after each kill. */
  n: number;
  /** Operation index (schedule position) — -1 for 'end'. */
  i: number;
  op: string;
  ev: LogEventType;
  /** Wall-clock time of the event, epoch ms. */
  t: number;
  /** Duration of the operation (ok / fail). */
  ms?: number;
  /** What the operation did (ok) — the checker's evidence. */
  data?: Record<string, unknown>;
  /** Failure kind and message (fail). */
  kind?: string;
  error?: string;
  /** Where a scheduled kill landed ('kill'). */
  phase?: string;
  /** Time this process spent writing its log ('end'). */
  logMs?: number;
}

export function logPath(dir: string, worker: number): string {
  return join(dir, `w${worker}.jsonl`);
}

export class WorkerLog {
  private readonly fd: number;
  /** Milliseconds spent in write(2) for the log: the logging overhead. */
  spentMs = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'a', 0o644);
  }

  write(e: LogEvent): void {
    const t0 = performance.now();
    writeSync(this.fd, JSON.stringify(e) + '\n');
    this.spentMs += performance.now() - t0;
  }

  close(): void {
    closeSync(this.fd);
  }
}

export interface ReadLogsResult {
  events: LogEvent[];
  /** Lines that did not parse (a write cut short): counted, never silently used. */
  badLines: number;
}

export function readLogs(dir: string): ReadLogsResult {
  const events: LogEvent[] = [];
  let badLines = 0;
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => /^w\d+\.jsonl$/.test(f));
  } catch {
    files = [];
  }
  for (const f of files.sort()) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!line) continue;
      try {
        events.push(JSON.parse(line) as LogEvent);
      } catch {
        badLines++;
      }
    }
  }
  return { events, badLines };
}

/** Acknowledged operations: the 'ok' events. */
export function acknowledged(events: LogEvent[], op?: string): LogEvent[] {
  return events.filter((e) => e.ev === 'ok' && (op === undefined || e.op === op));
}

/**
 * Operations that started but have neither ok nor fail: the worker died
 * during them. Their effect may or may not have happened ("in doubt").
 */
export function inDoubt(events: LogEvent[]): LogEvent[] {
  const closed = new Set(events.filter((e) => e.ev === 'ok' || e.ev === 'fail').map((e) => `${e.w}/${e.n}/${e.i}`));
  return events.filter((e) => e.ev === 'start' && !closed.has(`${e.w}/${e.n}/${e.i}`));
}
