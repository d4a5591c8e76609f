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
export function randomHex(bytes: number): string {
  let out = '';
  while (out.length < bytes * 2) out += Math.floor(Math.random() * 0x1_0000_0000).toString(16).padStart(8, '0');
  return out.slice(0, bytes * 2);
}

/** SHA-1 of the UTF-8 bytes of `text`, as hex: the same digest as createHash('sha1'), for names derived from paths. */
export function sha1Hex(text: string): string {
  // Plain typed-array arithmetic: a CLI call hashes one path, in code V8 has
  // not warmed up, where each Buffer read or write method was a call of its own.
  const msg = Buffer.from(text, 'utf8');
  const len = msg.length;
  const buf = new Uint8Array(Math.ceil((len + 9) / 64) * 64);
  buf.set(msg);
  buf[len] = 0x80;
  const hi = Math.floor(len / 0x2000_0000); // the bit length (len * 8) is hi * 2^32 + lo
  const lo = (len * 8) >>> 0;
  const end = buf.length;
  buf[end - 8] = hi >>> 24;
  buf[end - 7] = (hi >>> 16) & 0xff;
  buf[end - 6] = (hi >>> 8) & 0xff;
  buf[end - 5] = hi & 0xff;
  buf[end - 4] = lo >>> 24;
  buf[end - 3] = (lo >>> 16) & 0xff;
  buf[end - 2] = (lo >>> 8) & 0xff;
  buf[end - 1] = lo & 0xff;
  let h0 = 0x67452301;
  let h1 = 0xefcdab89;
  let h2 = 0x98badcfe;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0;
  const w = new Int32Array(80);
  for (let off = 0; off < buf.length; off += 64) {
    for (let i = 0, p = off; i < 16; i++, p += 4) w[i] = (buf[p]! << 24) | (buf[p + 1]! << 16) | (buf[p + 2]! << 8) | buf[p + 3]!;
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let i = 0; i < 80; i++) {
      const f = i < 20 ? (b & c) | (~b & d) : i < 40 ? b ^ c ^ d : i < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  return [h0, h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}
