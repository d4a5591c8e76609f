import { describe, expect, test } from '@jest/globals';
import { classifyPaths, compileScope, validateGlob, validateGlobs } from '../../src/tasks/scope.js';
import { decodeGlobs, decodeGlobValues, encodeGlobs, formatFence, parseFence, trailerLines } from '../../src/tasks/trailers.js';

/** The values of `key` among trailer lines, as git would list them. */
function valuesOf(lines: readonly string[], key: string): string[] {
  return lines.filter((l) => l.startsWith(`${key}: `)).map((l) => l.slice(key.length + 2));
}
import { parseConfig } from '../../src/config/config.js';
import { LockstepError } from '../../src/core/errors.js';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof LockstepError) return `${e.code}:${e.exitCode}`;
    throw e;
  }
  return 'OK';
}

describe('globs', () => {
  test('malformed globs are refused with exit 2, and the message says why', () => {
    for (const bad of ['', '/etc/passwd', '../x/**', 'a/../../b', '!secret', '[abc', 'a{b,c', 'x(y', 'a\0b']) {
      expect(code(() => validateGlob(bad))).toBe('BAD_INPUT:2');
    }
    expect(() => validateGlob('[abc')).toThrow(/Missing closing/);
    expect(() => validateGlob('/abs')).toThrow(/relative/);
    expect(code(() => validateGlob(42))).toBe('BAD_INPUT:2');
    expect(code(() => validateGlobs(Array.from({ length: 300 }, (_, i) => `g${i}`)))).toBe('BAD_INPUT:2');
  });

  test('good globs are kept (a leading ./ dropped, duplicates once)', () => {
    expect(validateGlobs(['./specs/307_*/**', 'specs/307_*/**', 'a b, c.md', 'docs/**/*.{md,txt}'])).toEqual(['specs/307_*/**', 'a b, c.md', 'docs/**/*.{md,txt}']);
  });

  test('matching: dot files, spaces, unicode and newlines in names', () => {
    const m = compileScope(['specs/307_*/**', '.github/**', 'a b, c.md', 'ü/*']);
    expect(m('specs/307_plan/x/y.md')).toBe(true);
    expect(m('specs/306_plan/x.md')).toBe(false);
    expect(m('.github/workflows/ci.yml')).toBe(true);
    expect(m('a b, c.md')).toBe(true);
    expect(m('ü/ñ.txt')).toBe(true);
    expect(m('specs/307_x/line\nbreak.md')).toBe(true);
    expect(compileScope([])('anything')).toBe(false);
  });

  test('classifyPaths: own beats overlap, shared is allowed, other tasks are named, the rest is outside', () => {
    const me = { id: '306', scope: ['specs/306_*/**', 'src/**'], shared: ['TODO.md'] };
    const others = [me, { id: '307', scope: ['specs/307_*/**', 'src/b/**'], shared: [] }];
    const c = classifyPaths({ task: me, others, shared: ['state.json'], paths: ['specs/306_a/x', 'src/b/y', 'TODO.md', 'state.json', 'specs/307_b/z', 'README.md'] });
    expect(c.own).toEqual(['specs/306_a/x', 'src/b/y']);
    expect(c.shared).toEqual(['TODO.md', 'state.json']);
    expect(c.otherTask).toEqual([{ path: 'specs/307_b/z', task: '307' }]);
    expect(c.outside).toEqual(['README.md']);
    // No task declared: nothing is own, another task's paths are still named.
    const none = classifyPaths({ task: null, others, paths: ['specs/307_b/z', 'README.md'] });
    expect(none.otherTask).toEqual([{ path: 'specs/307_b/z', task: '307' }]);
    expect(none.outside).toEqual(['README.md']);
  });
});

describe('trailer encoding', () => {
  test('scope globs round-trip through one ASCII line, whatever they hold', () => {
    const globs = ['specs/307_*/**', 'my dir/a, b.txt', 'quote"d', 'back\\slash', 'colon: yes', 'ünï/cødé/**', 'line\nbreak', 'tab\there', '{a,b}/**'];
    const v = encodeGlobs(globs);
    expect(v).toMatch(/^[\x20-\x7e]+$/);
    expect(decodeGlobs(v)).toEqual(globs);
    expect(decodeGlobs('not json')).toBeNull();
    expect(decodeGlobs('[1,2]')).toBeNull();
    const lines = trailerLines({ task: '307', scope: globs, shared: [], fence: '5@abc', parent: null });
    expect(lines.every((l) => !l.includes('\n') && l.length <= 100)).toBe(true);
    expect(lines.some((a) => a.startsWith('Lockstep-Shared'))).toBe(false);
    expect(decodeGlobValues(valuesOf(lines, 'Lockstep-Scope'))).toEqual(globs);
    expect(lines).toContain('Lockstep-Parent: none');
    expect(trailerLines({ task: '307', scope: ['a'], shared: ['TODO.md'], fence: '5', parent: 'abc' })).toEqual(['Lockstep-Task: 307', 'Lockstep-Scope: ["a"]', 'Lockstep-Shared: ["TODO.md"]', 'Lockstep-Fence: 5', 'Lockstep-Parent: abc']);
  });

  test('no trailer line is longer than 100 characters, whatever the scope; the values join into the globs (git trims each value)', () => {
    const long = (c: string, n: number) => `specs/${c.repeat(n)}/**`;
    for (const scope of [
      [long('a', 52), long('b', 52), long('c', 52), long('d', 52), long('e', 52)], // five globs of 60 characters
      [long('x', 400)], // one glob longer than a line
      ['a b/ c /**', ' lead', 'trail ', `${' '.repeat(150)}x`], // spaces at every place a line could end
    ]) {
      const lines = trailerLines({ task: 't', scope, shared: scope, fence: '1@a', parent: 'f'.repeat(64) });
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(100);
      // As git reads them back: each value trimmed.
      const trimmed = (key: string) => valuesOf(lines, key).map((v) => v.trim());
      expect(decodeGlobValues(trimmed('Lockstep-Scope'))).toEqual(scope);
      expect(decodeGlobValues(trimmed('Lockstep-Shared'))).toEqual(scope);
    }
  });

  test('the first format (one Lockstep-Scope with the whole array) still reads; of two sets of trailers the last wins', () => {
    expect(decodeGlobValues(['["specs/307_*/**","docs/a b, c.md"]'])).toEqual(['specs/307_*/**', 'docs/a b, c.md']);
    const two = [...valuesOf(trailerLines({ task: 'a', scope: ['x'.repeat(200)], shared: [], fence: '1', parent: null }), 'Lockstep-Scope'), '["y"]'];
    expect(decodeGlobValues(two)).toEqual(['y']);
    expect(decodeGlobValues(['["a",', 'broken'])).toBeNull();
  });

  test('fences parse with and without a counter id', () => {
    expect(parseFence(formatFence(42, 'abc123'))).toEqual({ token: 42, counter: 'abc123' });
    expect(parseFence('7')).toEqual({ token: 7, counter: null });
    for (const bad of ['', 'x', '-1', '1@', '1@a b', '1.5']) expect(parseFence(bad)).toBeNull();
  });
});

describe('configuration', () => {
  test('values are read and checked', () => {
    const c = parseConfig({ lockTimeout: '90s', lease: 30, shared: ['TODO.md', './state.json'], requireTask: true }, 'x.json');
    expect(c).toMatchObject({ lockTimeoutMs: 90_000, leaseMs: 30_000, shared: ['TODO.md', 'state.json'], requireTask: true, source: 'x.json' });
    expect(parseConfig({ lockTimeout: '500ms' }, 'x').lockTimeoutMs).toBe(500);
    expect(parseConfig({}, 'x').lockTimeoutMs).toBe(60_000);
  });

  test('errors name the file and the bad key', () => {
    const cases: [unknown, RegExp][] = [
      [{ lockTimout: 5 }, /unknown key "lockTimout"/],
      [{ lockTimeout: true }, /key "lockTimeout"/],
      [{ lockTimeout: '5 minutes' }, /key "lockTimeout"/],
      [{ lease: 0.1 }, /key "lease"/],
      [{ shared: 'TODO.md' }, /key "shared"/],
      [{ shared: ['[bad'] }, /key "shared".*Missing closing/],
      [{ requireTask: 'yes' }, /key "requireTask"/],
      [[], /must be a JSON object/],
    ];
    for (const [raw, re] of cases) {
      expect(() => parseConfig(raw, 'lockstep.config.json')).toThrow(re);
      expect(code(() => parseConfig(raw, 'lockstep.config.json'))).toBe('BAD_INPUT:2');
    }
    expect(() => parseConfig({ nope: 1 }, 'lockstep.config.json')).toThrow(/lockstep\.config\.json/);
  });
});
