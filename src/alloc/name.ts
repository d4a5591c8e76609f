/**
 * Topic names: what a caller passes to `allocate` becomes part of a directory
 * name, so it is reduced to a small safe alphabet before it touches the file
 * system. Anything that tries to point somewhere else (a path separator,
 * `..`) or cannot be a name (control characters, nothing left after
 * sanitizing, absurd length) is refused rather than silently rewritten.
 */
import { LockstepError } from '../core/errors.js';
import { quoteInput } from '../core/outside-text.js';

/** Sanitized names are cut to this many characters. */
export const MAX_NAME_LENGTH = 64;
/** Longer input is refused outright: no file name is longer, so it is not a topic name. */
export const MAX_INPUT_LENGTH = 255;

function bad(message: string, input: string): LockstepError {
  return new LockstepError('BAD_NAME', message, {
    hint: 'use a short descriptive name such as "auth flow" (letters, digits, spaces, - and _)',
    detail: { name: input.length > 80 ? `${input.slice(0, 80)}…` : input },
  });
}

/**
 * Lower-cases `input`, folds accented letters to their base letter, turns
 * every run of other characters into one `_`, trims `_` at both ends and cuts
 * the result to MAX_NAME_LENGTH. Throws BAD_NAME (exit 2) for input that
 * holds a path separator, `..`, a control character, is longer than
 * MAX_INPUT_LENGTH, or leaves nothing behind.
 */
export function sanitizeTopicName(input: string): string {
  if (typeof input !== 'string') throw bad('the topic name must be a string', String(input));
  if (input.length > MAX_INPUT_LENGTH) {
    throw bad(`the topic name is ${input.length} characters long; at most ${MAX_INPUT_LENGTH} are accepted`, input);
  }
  if (input.includes('/') || input.includes('\\')) {
    throw bad(`the topic name ${quoteInput(input)} contains a path separator: a name is not a path`, input);
  }
  if (input.includes('..')) throw bad(`the topic name ${quoteInput(input)} contains "..": a name cannot point outside its root`, input);
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u001f\u007f-\u009f]/.exec(input);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(4, '0');
    throw bad(`the topic name contains a control character (U+${code}${control[0] === '\n' ? ', a newline' : ''}) at position ${control.index}`, input);
  }
  const folded = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  let name = folded.replace(/[^a-z0-9_]+/g, '_').replace(/_+/g, '_').replace(/^_+|_+$/g, '');
  if (name.length > MAX_NAME_LENGTH) name = name.slice(0, MAX_NAME_LENGTH).replace(/_+$/, '');
  if (name === '') {
    throw bad(
      input.trim() === ''
        ? 'the topic name is empty'
        : `the topic name ${quoteInput(input)} has no letters or digits a-z/0-9 left after sanitizing`,
      input,
    );
  }
  return name;
}

/**
 * Whether `name` is one sanitizeTopicName returns unchanged: 1–64 of
 * `[a-z0-9]` in runs joined by single `_`. (A holder checks each queued
 * request with it, in its hold: the test is the same, without the work.)
 */
export function isSanitizedTopicName(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && SANITIZED.test(name);
}
const SANITIZED = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;
