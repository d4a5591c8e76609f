/**
 * The CLI's edge: printing results and turning errors into exit codes.
 * Library code never prints or exits; everything that does lives here.
 *
 * Every line printed for people passes through escapeControl (see
 * src/core/outside-text.ts): names, paths, lock records and git output come
 * from outside, and must neither repaint the terminal nor forge a line.
 * printLine and printErr take one line, so a newline inside it is escaped
 * too; printText keeps the newlines of text lockstep laid out itself.
 * JSON stays JSON, with the characters JSON.stringify leaves raw escaped.
 */
import { writeSync } from 'node:fs';
import { ExitCode, LockstepError, isLockstepError } from '../core/errors.js';
import { escapeControl, quoteInput } from '../core/outside-text.js';

/** Which of stdout (1) and stderr (2) have gone over to their stream (see `writeOut`). */
const viaStream = new Set<1 | 2>();

/** A reader that closed the pipe early (`lockstep … | head`) chose to stop: exit quietly, with the code so far. */
function readerGone(): never {
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
}

function streamOf(fd: 1 | 2): NodeJS.WriteStream {
  const stream = fd === 1 ? process.stdout : process.stderr;
  if (!viaStream.has(fd)) {
    viaStream.add(fd);
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') readerGone();
      throw e;
    });
  }
  return stream;
}

/**
 * Writes to stdout (1) or stderr (2). Node builds process.stdout on first use
 * (loading its stream modules, and net for a pipe): ~4 ms of a CLI call that
 * prints one line. So text goes straight to the file descriptor; only if that
 * would block (a non-blocking pipe that is full) does the rest go through the
 * stream, and everything after it too, so the order holds.
 */
export function writeOut(fd: 1 | 2, text: string): void {
  if (viaStream.has(fd)) {
    streamOf(fd).write(text);
    return;
  }
  const buf = Buffer.from(text);
  let off = 0;
  try {
    while (off < buf.length) off += writeSync(fd, buf, off);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') readerGone();
    if (code !== 'EAGAIN') throw e;
    streamOf(fd).write(buf.subarray(off));
  }
}

/**
 * JSON.stringify escapes U+0000–U+001F but leaves DEL, the C1 controls, the
 * line separators and the bidi controls raw; inside a JSON string each may be
 * written as \uXXXX instead (JSON's structure is ASCII, so they occur nowhere else).
 */
const JSON_RAW = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `value` as JSON that is safe on a terminal too; `indent` 0 gives one line. */
export function toSafeJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function printJson(value: unknown): void {
  writeOut(1, toSafeJson(value) + '\n');
}

/** One line on stdout: any control character in it, a newline too, is escaped. */
export function printLine(text = ''): void {
  writeOut(1, escapeControl(text) + '\n');
}

/** One line on stderr: any control character in it, a newline too, is escaped. */
export function printErr(text: string): void {
  writeOut(2, escapeControl(text) + '\n');
}

/**
 * Text of several lines that lockstep laid out (its outside parts escaped
 * where they were put in): the newlines stay, every other control character
 * is escaped.
 */
export function printText(fd: 1 | 2, text: string): void {
  writeOut(fd, escapeControl(text, { keepNewlines: true }) + '\n');
}

/** Prints a user error (no stack trace) and returns its exit code. */
export function reportError(e: unknown, json = false): number {
  if (isLockstepError(e)) {
    if (json) {
      printJson({ ok: false, error: { code: e.code, message: e.message, hint: e.hint ?? null, ...(e.detail ? { detail: e.detail } : {}) } });
    }
    // A message may span lines (git's output under it); the input it echoes was quoted where it was built.
    printText(2, `lockstep: ${e.message}`);
    if (e.hint) printText(2, `  fix: ${e.hint}`);
    return e.exitCode;
  }
  // A bug in lockstep, not a user error: keep the stack so it can be reported.
  printText(2, `lockstep: internal error: ${(e as Error)?.stack ?? String(e)}`);
  printErr('  this is a bug in lockstep: please report it with the command you ran');
  return ExitCode.environment;
}

/** Every duration option of every command is read by the one rule in src/core/duration.ts. */
export { parseDuration } from '../core/duration.js';

export function parsePositiveInt(value: string, flag: string, { min = 1, max = Number.MAX_SAFE_INTEGER } = {}): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new LockstepError('BAD_INPUT', `${flag} takes a whole number from ${min} to ${max}, not ${quoteInput(value)}`);
  }
  return n;
}

/** The "waiting for the lock held by …" line, printed once the wait passes a second and then each second. */
export function waitReporter(quiet = false): ((w: { name: string; waitedMs: number; holder: { pid: number; task: string | null } | null }) => void) | undefined {
  if (quiet) return undefined;
  return (w) => {
    if (w.waitedMs < 1000) return;
    const who = w.holder ? `${w.holder.task ? `task ${w.holder.task}, ` : ''}pid ${w.holder.pid}` : 'another process';
    printErr(`lockstep: waiting for the ${w.name} lock held by ${who}, ${(w.waitedMs / 1000).toFixed(1)} s`);
  };
}
