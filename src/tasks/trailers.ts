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
 */
import { LockstepError } from '../core/errors.js';
import { quoteInput } from '../core/outside-text.js';

export const TRAILER_TASK = 'Lockstep-Task';
export const TRAILER_SCOPE = 'Lockstep-Scope';
export const TRAILER_SHARED = 'Lockstep-Shared';
export const TRAILER_FENCE = 'Lockstep-Fence';

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
}

/** `--trailer` arguments for `git interpret-trailers`, in the order they appear on a commit. */
export function trailerArgs(t: TrailerSet): string[] {
  const lines = [`${TRAILER_TASK}: ${t.task}`, `${TRAILER_SCOPE}: ${encodeGlobs(t.scope)}`];
  if (t.shared.length) lines.push(`${TRAILER_SHARED}: ${encodeGlobs(t.shared)}`);
  lines.push(`${TRAILER_FENCE}: ${t.fence}`);
  for (const l of lines) {
    if (/[\r\n]/.test(l)) throw new LockstepError('BAD_INPUT', `a trailer may not span lines: ${quoteInput(l)}`);
  }
  return lines.flatMap((l) => ['--trailer', l]);
}
