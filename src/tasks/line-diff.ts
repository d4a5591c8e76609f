/**
 * A line diff (Myers' O(ND) algorithm) for splitting a staged shared file
 * into the committing task's changes and the rest. It runs in the pre-commit
 * hook, so it avoids a git process: a 5,000-line TODO.md with a few dozen
 * changed lines takes about a millisecond (bench/hooks.bench.ts).
 */

/** Lines of `text`, each with its own line end, so `lines.join('')` gives `text` back exactly. */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) break;
    out.push(text.slice(start, nl + 1));
    start = nl + 1;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** Lines `aStart..aEnd` of the old version replaced by lines `bStart..bEnd` of the new one (ends exclusive). */
export interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Above this many differences the middle is one hunk: the trace would cost O(D·(N+M)) memory. */
const MAX_EDITS = 4000;

/** The hunks that turn `a` into `b`, in order. */
export function diffLines(a: readonly string[], b: readonly string[]): Hunk[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0) return [{ aStart: pre, aEnd: pre + n, bStart: pre, bEnd: pre + m }];
  // The lines are compared as strings: interning them as numbers first cost
  // more than the whole search (bench/hooks.bench.ts, the split row).
  const ops = myers(a, b, pre, n, m);
  if (!ops) return [{ aStart: pre, aEnd: pre + n, bStart: pre, bEnd: pre + m }];
  return toHunks(ops, pre);
}

/**
 * Lines `pre..pre+n` of `a` against `pre..pre+m` of `b`: 0 = equal, 1 =
 * delete a line of a, 2 = insert a line of b; null when there are more than
 * MAX_EDITS differences.
 */
function myers(a: readonly string[], b: readonly string[], pre: number, n: number, m: number): Uint8Array | null {  const max = Math.min(n + m, MAX_EDITS);
  const off = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    const next = v;
    for (let k = -d; k <= d; k += 2) {
      let i = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let j = i - k;
      while (i < n && j < m && a[pre + i] === b[pre + j]) {
        i++;
        j++;
      }
      next[off + k] = i;
      if (i >= n && j >= m) return backtrack(trace, d, n, m);
    }
    v = next;
  }
  return null;
}

function backtrack(trace: Int32Array[], dEnd: number, n: number, m: number): Uint8Array {
  const ops: number[] = [];
  let i = n;
  let j = m;
  for (let d = dEnd; d > 0; d--) {
    const t = trace[d]!; // V before step d, indexed from k = -d-1
    const at = (k: number) => t[k + d + 1]!;
    const k = i - j;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const pk = down ? k + 1 : k - 1;
    const pi = at(pk);
    const pj = pi - pk;
    const si = down ? pi : pi + 1;
    while (i > si) {
      ops.push(0);
      i--;
      j--;
    }
    ops.push(down ? 2 : 1);
    i = pi;
    j = pj;
  }
  while (i > 0) {
    ops.push(0);
    i--;
  }
  return Uint8Array.from(ops.reverse());
}

function toHunks(ops: Uint8Array, pre: number): Hunk[] {
  const hunks: Hunk[] = [];
  let i = pre;
  let j = pre;
  let cur: Hunk | null = null;
  for (const op of ops) {
    if (op === 0) {
      if (cur) hunks.push(cur);
      cur = null;
      i++;
      j++;
      continue;
    }
    cur ??= { aStart: i, aEnd: i, bStart: j, bEnd: j };
    if (op === 1) cur.aEnd = ++i;
    else cur.bEnd = ++j;
  }
  if (cur) hunks.push(cur);
  return hunks;
}
