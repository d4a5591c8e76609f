/**
 * Names made without node:crypto (src/core/names.ts): the SHA-1 must be the
 * very digest createHash gives (lock names derive from it, and every process
 * must derive the same one), and random suffixes must be well-formed and unique.
 */
import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { randomHex, sha1Hex } from '../../src/core/names.js';

describe('sha1Hex', () => {
  test('equals createHash("sha1") at every padding boundary, for multi-block and non-ASCII input', () => {
    const inputs = ['', 'abc', '/tmp/ü/日本/😀', '\0\n'];
    for (let n = 50; n <= 130; n++) inputs.push('x'.repeat(n));
    for (let i = 0; i < 200; i++) inputs.push(Array.from({ length: i * 7 }, (_, j) => String.fromCharCode(32 + ((i * 31 + j * 17) % 2000))).join(''));
    for (const s of inputs) expect(sha1Hex(s)).toBe(createHash('sha1').update(s).digest('hex'));
  });
});

describe('randomHex', () => {
  test('the asked number of bytes as lower-case hex, and no repeats', () => {
    for (const bytes of [1, 3, 4, 6, 8, 16]) expect(randomHex(bytes)).toMatch(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
    const seen = new Set(Array.from({ length: 10_000 }, () => randomHex(8)));
    expect(seen.size).toBe(10_000);
  });
});
