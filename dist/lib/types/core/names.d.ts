/**
 * Random and derived parts of names: temp-file suffixes, record nonces, the
 * hash in a lock's name. None is a secret; each only has to be unique (or, for
 * the hash, the same in every process).
 *
 * They are made without node:crypto on purpose: loading it (with the stream
 * modules under it) is ~4 ms of every CLI call and hook that would otherwise
 * not need it, a tenth of what lockstep adds to node's start-up.
 * Math.random is seeded per process from the OS's entropy, which is all a
 * unique suffix needs.
 */
/** `bytes` random bytes as lower-case hex (2 characters a byte). */
export declare function randomHex(bytes: number): string;
/** SHA-1 of the UTF-8 bytes of `text`, as hex: the same digest as createHash('sha1'), for names derived from paths. */
export declare function sha1Hex(text: string): string;
