/**
 * The trailers lockstep puts on commits, and their encoding.
 *
 *   Lockstep-Task: 307
 *   Lockstep-Scope: ["specs/307_*\/**","docs/a b, c.md"]
 *   Lockstep-Shared: ["TODO.md"]            (only when the task has shared globs)
 *   Lockstep-Fence: 42@5f0c2a9e1b7d
 *
 * Scope and shared globs are one JSON array of strings, with every
 * character outside printable ASCII escaped (\uXXXX): one line, no
 * separator ambiguity (globs may hold spaces, commas, quotes, colons), the
 * same bytes whatever the commit encoding, and `JSON.parse` gives back
 * exactly the globs that were stored.
 *
 * The fence is the commit lock's token (its generation number) followed by
 * `@` and the id of the lock's counter (see fence.ts): tokens from two
 * clones count independently, so only fences with the same id are compared.
 *
 *   Lockstep-Parent: 1a2b…                  (HEAD when the commit was made; `none` for a first commit)
 *
 * tells `validate` whether the commit still sits where the lock made it (a
 * rebase, cherry-pick or squash gives it another parent).
 *
 * No trailer line is longer than 100 characters (commitlint's default
 * `footer-max-line-length`): a longer scope is split over several
 * `Lockstep-Scope` trailers whose values, joined, are the JSON array (with
 * spaces written `\u0020`, since git trims a trailer value's ends). One
 * trailer holding the whole array (the first format) is the same thing.
 */
import { LockstepError } from '../core/errors.js';
import { quoteInput } from '../core/outside-text.js';

export const TRAILER_TASK = 'Lockstep-Task';
export const TRAILER_SCOPE = 'Lockstep-Scope';
export const TRAILER_SHARED = 'Lockstep-Shared';
export const TRAILER_FENCE = 'Lockstep-Fence';
export const TRAILER_PARENT = 'Lockstep-Parent';

/** The longest trailer line lockstep writes: commitlint's default body and footer limit. */
export const MAX_TRAILER_LINE = 100;

/** JSON with every non-printable-ASCII character escaped, so the value is one ASCII line. */
export function encodeGlobs(globs: readonly string[]): string {
  return JSON.stringify(globs).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The globs of a `Lockstep-Scope`/`Lockstep-Shared` value; null when it is not a JSON array of strings. */
export function decodeGlobs(value: string): string[] | null {
  try {
    const v = JSON.parse(value.trim()) as unknown;
    if (Array.isArray(v) && v.every((g) => typeof g === 'string')) return v as string[];
  } catch {
    /* not ours, or damaged */
  }
  return null;
}

/**
 * The globs of the `Lockstep-Scope` (or `Lockstep-Shared`) values of one
 * commit, in order. They are the parts of one array; when they do not join
 * into one (a message with two sets of trailers, e.g. a squash or an amend by
 * hand), the last set that does is taken, as for the other trailers.
 */
export function decodeGlobValues(values: readonly string[]): string[] | null {
  for (let k = values.length - 1; k >= 0; k--) {
    const globs = decodeGlobs(values.slice(k).join(''));
    if (globs) return globs;
  }
  return null;
}

/** `key: value` lines of at most MAX_TRAILER_LINE characters whose values, joined, are `encoded`. */
export function chunkedTrailer(key: string, encoded: string): string[] {
  const room = MAX_TRAILER_LINE - key.length - 2;
  if (encoded.length <= room) return [`${key}: ${encoded}`];
  // Inside JSON strings only; JSON.stringify puts no space between tokens.
  const value = encoded.replace(/ /g, '\\u0020');
  const lines: string[] = [];
  let pos = 0;
  while (pos < value.length) {
    let end = Math.min(value.length, pos + room);
    if (end < value.length) {
      // Rather after a `",` (one glob per line where they fit) than in the middle of a glob.
      const comma = value.lastIndexOf('",', end - 2);
      if (comma + 2 > pos + room / 2) end = comma + 2;
    }
    lines.push(`${key}: ${value.slice(pos, end)}`);
    pos = end;
  }
  return lines;
}

export interface Fence {
  token: number;
  /** The fence counter's id; null for a bare number. */
  counter: string | null;
}

export function formatFence(token: number, counter: string | null): string {
  return counter ? `${token}@${counter}` : String(token);
}

export function parseFence(value: string): Fence | null {
  const m = /^\s*(\d{1,15})(?:@([A-Za-z0-9]{1,64}))?\s*$/.exec(value);
  if (!m) return null;
  return { token: Number(m[1]), counter: m[2] ?? null };
}

export interface TrailerSet {
  task: string;
  scope: string[];
  shared: string[];
  fence: string;
  /** HEAD when the commit is made ('' or null before the first commit). */
  parent: string | null;
}

/** The trailer lines of a commit, in the order they appear on it. */
export function trailerLines(t: TrailerSet): string[] {
  const lines = [`${TRAILER_TASK}: ${t.task}`, ...chunkedTrailer(TRAILER_SCOPE, encodeGlobs(t.scope))];
  if (t.shared.length) lines.push(...chunkedTrailer(TRAILER_SHARED, encodeGlobs(t.shared)));
  lines.push(`${TRAILER_FENCE}: ${t.fence}`, `${TRAILER_PARENT}: ${t.parent || 'none'}`);
  for (const l of lines) {
    if (/[\r\n]/.test(l)) throw new LockstepError('BAD_INPUT', `a trailer may not span lines: ${quoteInput(l)}`);
  }
  return lines;
}

/** Lockstep's own trailer lines, whatever their values: taken out before new ones go in (an amend). */
export const LOCKSTEP_TRAILER_LINE = /^Lockstep-(Task|Scope|Shared|Fence|Parent):/;

/** `message` without lockstep's trailer lines. */
export function withoutLockstepTrailers(message: string): string {
  return message
    .split('\n')
    .filter((l) => !LOCKSTEP_TRAILER_LINE.test(l))
    .join('\n');
}

/**
 * `git interpret-trailers` arguments that append `lines` to a message
 * stripped of its old lockstep trailers (several lines share a key, so
 * `--if-exists replace` would keep only the last).
 */
export function trailerArgs(t: TrailerSet): string[] {
  return ['--if-exists', 'add', '--if-missing', 'add', ...trailerLines(t).flatMap((l) => ['--trailer', l])];
}
