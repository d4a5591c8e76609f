/**
 * Every duration option of every command is read by one rule
 * (src/core/duration.ts): decimal seconds or a number with a unit, a whole
 * number of ms, from the option's minimum to 24 days. Values Node would turn
 * into a 1 ms timer (over 2^31 ms), forms that were guessed at (1e3, 0x10),
 * a lease rounded to 0, and overflow to Infinity/null are refused, exit 2,
 * naming the option and the range. Through the real CLI.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { durationFromSeconds, MAX_DURATION_MS, parseDuration, timerDelay } from '../../src/core/duration.js';
import { parseConfig } from '../../src/config/config.js';
import { cleanupTemp, runCliAsync, tempRepo } from '../helpers.js';

afterAll(cleanupTemp);

/** Each command and option that takes a duration, as argv with V where the value goes; and its minimum. */
const OPTIONS: Array<[string[], string, 'zero' | 'positive']> = [
  [['lock', 'acquire', '--timeout', 'V'], '--timeout', 'zero'],
  [['lock', 'acquire', '--lease', 'V'], '--lease', 'positive'],
  [['run-locked', '--timeout', 'V', '--', 'true'], '--timeout', 'zero'],
  [['run-locked', '--lease', 'V', '--', 'true'], '--lease', 'positive'],
  [['allocate', 'specs', 'x', '--timeout', 'V'], '--timeout', 'zero'],
  [['worktree', 'add', 'a1', '--timeout', 'V'], '--timeout', 'zero'],
  [['worktree', 'remove', 'a1', '--timeout', 'V'], '--timeout', 'zero'],
  [['worktree', 'prune', '--timeout', 'V'], '--timeout', 'zero'],
  [['queue', 'claim', '--agent', 'a', '--lease', 'V'], '--lease', 'positive'],
  [['queue', 'heartbeat', '--agent', 'a', '--lease', 'V'], '--lease', 'positive'],
  [['status', '--interval', 'V'], '--interval', 'zero'],
  [['merge', 'topic', '--check-timeout', 'V'], '--check-timeout', 'positive'],
  [['merge', 'topic', '--timeout', 'V'], '--timeout', 'zero'],
  [['commit', '--task', 'T-1', '-m', 'x', '--timeout', 'V', '--', 'a.txt'], '--timeout', 'zero'],
  [['mock-agent', '--item', 'x', '--sleep', 'V'], '--sleep', 'zero'],
  [['mock-agent', '--item', 'x', '--jitter', 'V'], '--jitter', 'zero'],
  [['parallel', '--agents', '1', '--lease', 'V', '--', 'true'], '--lease', 'positive'],
  [['parallel', '--agents', '1', '--item-timeout', 'V', '--', 'true'], '--item-timeout', 'positive'],
  [['remote', 'gc', '--wait', 'V'], '--wait', 'zero'],
  [['remote', 'allocate', 'specs', 'x', '--timeout', 'V'], '--timeout', 'zero'],
  [['remote', 'claim', 'q', '--agent', 'a', '--lease', 'V'], '--lease', 'positive'],
  [['suite', 'soak', '--checkpoint', 'cp.json', '--duration', 'V'], '--duration', 'positive'],
  [['suite', 'soak', '--checkpoint', 'cp.json', '--segment', 'V'], '--segment', 'positive'],
  [['suite', 'soak', '--checkpoint', 'cp.json', '--sample-every', 'V'], '--sample-every', 'positive'],
  [['suite', 'contention', '--duration', 'V'], '--duration', 'positive'],
];

/** Forms every duration option refuses: over 24 days (or Node's 2^31 ms), guessed-at notations, finer than 1 ms, signs, junk. */
const BAD = ['99999999999', '1e20', '1e308', '25d', '1e3', '0x10', '0.0001', '-1', '+5', '.5', 'soon', '', '1.5 s', 'Infinity'];

/** What each option is shown to refuse through the real CLI (one of each kind: over the range, a guessed notation, finer than 1 ms, junk); every form of BAD goes through the rule itself below. */
const BAD_THROUGH_CLI = ['99999999999', '1e3', '0.0001', 'soon'];

describe('every duration option of every command', () => {
  const repo = tempRepo();
  test.each(OPTIONS)('%j refuses bad forms with exit 2, naming %s and the range', async (argv, flag, min) => {
    const bad = min === 'positive' ? [...BAD_THROUGH_CLI, '0ms'] : BAD_THROUGH_CLI;
    const runs = await Promise.all(bad.map((v) => runCliAsync(argv.map((a) => (a === 'V' ? v : a)), { cwd: repo })));
    runs.forEach((r, i) => {
      const what = { value: bad[i], code: r.code, stderr: r.stderr };
      expect(what).toMatchObject({ code: 2 });
      expect(r.stderr).toContain(`${flag} takes a duration from ${min === 'positive' ? '1 ms' : '0'} to 24 days`);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    });
  });

  test('the state gc time-to-live, not a timer, goes to 10 years by the same syntax', async () => {
    const repo2 = tempRepo();
    const over = await runCliAsync(['state', 'gc', '--ttl', '3651d'], { cwd: repo2 });
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('--ttl takes a duration from 0 to 3650 days');
    expect((await runCliAsync(['state', 'gc', '--ttl', '1e3'], { cwd: repo2 })).code).toBe(2);
    expect((await runCliAsync(['state', 'gc', '--ttl', '400d', '--dry-run'], { cwd: repo2 })).code).toBe(0);
  });
});

describe('the rule', () => {
  test.each([
    ['30', 30_000],
    ['1.5', 1500],
    ['0', 0],
    ['0.001', 1],
    ['500ms', 500],
    ['90s', 90_000],
    ['2m', 120_000],
    ['1.5h', 5_400_000],
    ['1d', 86_400_000],
    ['24d', MAX_DURATION_MS],
    [' 7 ', 7000],
  ])('%j is %d ms', (text, ms) => {
    expect(parseDuration(text, '--x')).toBe(ms);
  });

  test.each(BAD)('%j is refused, naming the option and the range', (text) => {
    expect(() => parseDuration(text, '--x')).toThrow(/--x takes a duration from 0 to 24 days/);
  });

  test('config files use it too: numbers are seconds, strings the same syntax, the same range', () => {
    expect(parseConfig({ lockTimeout: 1.5, lease: '2m' }, 'c.json')).toMatchObject({ lockTimeoutMs: 1500, leaseMs: 120_000 });
    for (const lockTimeout of [1e308, 99999999999, -1, 0.0001, '1e3', '0x10', true]) {
      expect(() => parseConfig({ lockTimeout }, 'c.json')).toThrow(/c\.json: key "lockTimeout" takes a duration from 0 to 24 days/);
    }
    expect(() => parseConfig({ lease: 0.5 }, 'c.json')).toThrow(/key "lease" takes a duration from 1 s to 24 days/);
    expect(() => durationFromSeconds(Number.NaN, 'x')).toThrow(/x takes a duration/);
  });

  test('timers: a computed delay is clamped to 1 ms .. 24 days, never handed to Node over 2^31 ms', () => {
    expect(timerDelay(1e20)).toBe(MAX_DURATION_MS);
    expect(timerDelay(Infinity)).toBe(MAX_DURATION_MS);
    expect(timerDelay(2 ** 31)).toBe(MAX_DURATION_MS);
    expect(timerDelay(0)).toBe(1);
    expect(timerDelay(-5)).toBe(1);
    expect(timerDelay(1.2)).toBe(2);
    expect(MAX_DURATION_MS).toBeLessThan(2 ** 31 - 1);
  });
});
