/**
 * TEST-ONLY fault injection. `LOCKSTEP_FAULT=kind:value,kind:value` makes the
 * code at a named point pause (a value in ms) or take a known-broken branch
 * (a flag, value 1), so a test can put a process exactly where a race
 * happens, or show that a protection's test fails without it. Every point
 * says what its kind does where it reads it. 0 when the kind is not set.
 *
 * Only in the test build. Every point is written
 * `LOCKSTEP_TEST_BUILD && faultValue(…)` or
 * `if (LOCKSTEP_TEST_BUILD) faultPauseSync(…)`, and scripts/build.mjs
 * defines that global as `false` in what users run (dist/): the minifier then
 * removes the points, their kinds and this file's reading of the
 * environment, so LOCKSTEP_FAULT does nothing there. The test build
 * (build/test/) defines it as `true`. Code run from source (ts-jest, tsx
 * workers) has no define: this module sets it to true before any module
 * that imports it runs. A global, not an exported const: a const imported
 * into a module that the CLI bundle loads on demand is not inlined, and
 * would leave the points (and their names) in the bundle.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

declare global {
  /** Whether fault points exist: a compile-time constant in every bundle (see above). */
  // eslint-disable-next-line no-var
  var LOCKSTEP_TEST_BUILD: boolean;
}
if (typeof LOCKSTEP_TEST_BUILD === 'undefined') globalThis.LOCKSTEP_TEST_BUILD = true;

export function faultValue(kind: string): number {
  if (!LOCKSTEP_TEST_BUILD) return 0;
  const spec = process.env.LOCKSTEP_FAULT;
  if (!spec) return 0;
  for (const part of spec.split(',')) {
    const [k, v] = part.split(':');
    if (k === kind) return Number(v) || 0;
  }
  return 0;
}

/**
 * Blocks this thread for `kind`'s value in ms (a synchronous code path's
 * pause point); returns at once when it is not set. With
 * `LOCKSTEP_FAULT_MARK=DIR` it first creates `DIR/<kind>`, so a test knows
 * the process is there, and then ends the pause early once `DIR/<kind>.go`
 * exists, so a test need not guess how long its own steps take.
 */
export function faultPauseSync(kind: string): void {
  if (!LOCKSTEP_TEST_BUILD) return;
  const ms = faultValue(kind);
  if (ms <= 0) return;
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const mark = process.env.LOCKSTEP_FAULT_MARK;
  if (!mark) {
    Atomics.wait(cell, 0, 0, ms);
    return;
  }
  writeFileSync(join(mark, kind), '');
  for (const end = Date.now() + ms; Date.now() < end && !existsSync(join(mark, `${kind}.go`)); ) Atomics.wait(cell, 0, 0, 5);
}
