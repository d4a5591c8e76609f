/** Sanitized names are cut to this many characters. */
export declare const MAX_NAME_LENGTH = 64;
/** Longer input is refused outright: no file name is longer, so it is not a topic name. */
export declare const MAX_INPUT_LENGTH = 255;
/**
 * Lower-cases `input`, folds accented letters to their base letter, turns
 * every run of other characters into one `_`, trims `_` at both ends and cuts
 * the result to MAX_NAME_LENGTH. Throws BAD_NAME (exit 2) for input that
 * holds a path separator, `..`, a control character, is longer than
 * MAX_INPUT_LENGTH, or leaves nothing behind.
 */
export declare function sanitizeTopicName(input: string): string;
/**
 * Whether `name` is one sanitizeTopicName returns unchanged: 1–64 of
 * `[a-z0-9]` in runs joined by single `_`. (A holder checks each queued
 * request with it, in its hold: the test is the same, without the work.)
 */
export declare function isSanitizedTopicName(name: string): boolean;
