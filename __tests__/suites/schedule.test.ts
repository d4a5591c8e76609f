import { describe, expect, test } from '@jest/globals';
import { buildSchedule, scheduledKills } from '../../src/suites/schedule.js';
import { deriveSeed, mulberry32, parseSeed } from '../../src/suites/prng.js';
import { createProgress } from '../../src/suites/progress.js';

const params = { suite: 'allocate', seed: 42, procs: 4, ops: 50, killRate: 0.1, maxDelayMs: 5 };

describe('seeded schedules', () => {
  test('the same seed gives the same schedule', () => {
    const a = buildSchedule(params);
    const b = buildSchedule({ ...params });
    expect(b).toEqual(a);
    expect(b.digest).toBe(a.digest);
    expect(scheduledKills(a)).toBeGreaterThan(0);
  });

  test('another seed, or another suite, gives another schedule', () => {
    const a = buildSchedule(params);
    expect(buildSchedule({ ...params, seed: 43 }).digest).not.toBe(a.digest);
    expect(buildSchedule({ ...params, suite: 'commit' }).digest).not.toBe(a.digest);
    const delays = (s: typeof a) => s.workers.map((w) => w.ops.map((o) => o.delayMs));
    expect(delays(buildSchedule({ ...params, seed: 43 }))).not.toEqual(delays(a));
  });

  test('changing the kill rate changes only which operations are killed', () => {
    const a = buildSchedule(params);
    const b = buildSchedule({ ...params, killRate: 0 });
    expect(b.workers.map((w) => w.ops.map((o) => o.delayMs))).toEqual(a.workers.map((w) => w.ops.map((o) => o.delayMs)));
    expect(scheduledKills(b)).toBe(0);
  });

  test('mulberry32 and deriveSeed are deterministic and spread', () => {
    const r1 = mulberry32(7);
    const r2 = mulberry32(7);
    const xs = Array.from({ length: 1000 }, () => r1());
    expect(Array.from({ length: 1000 }, () => r2())).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(new Set(xs).size).toBeGreaterThan(990);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
    expect(deriveSeed('a', 1)).toBe(deriveSeed('a', 1));
    expect(deriveSeed('a', 1)).not.toBe(deriveSeed('a', 2));
  });

  test('parseSeed refuses what is not a 32-bit whole number', () => {
    expect(parseSeed('123')).toBe(123);
    for (const bad of ['-1', '1.5', 'abc', '', '4294967296']) expect(() => parseSeed(bad)).toThrow(/--seed/);
  });
});

describe('progress', () => {
  const sink = (tty: boolean) => {
    const out: string[] = [];
    return { out, stream: { isTTY: tty, columns: 200, write: (s: string) => out.push(s) } };
  };

  test('without a terminal: one plain line per 10 %', () => {
    let t = 0;
    const s = sink(false);
    const p = createProgress({ stream: s.stream, label: 'suite', now: () => t });
    for (let d = 0; d <= 200; d++) {
      t = d * 10;
      p.update(d, 200);
    }
    p.finish();
    expect(s.out).toHaveLength(11);
    expect(s.out[0]).toMatch(/^suite: 0% \(0\/200 ops/);
    expect(s.out[10]).toMatch(/^suite: 100% \(200\/200 ops · 100\.0\/s · ETA 0s\)\n$/);
    expect(s.out.join('')).not.toContain('\r');
  });

  test('on a terminal: a bar redrawn in place with rate and ETA', () => {
    let t = 0;
    const s = sink(true);
    const p = createProgress({ stream: s.stream, label: 'suite', now: () => t });
    t = 1000;
    p.update(50, 100);
    t = 2000;
    p.update(100, 100);
    p.finish();
    expect(s.out[0]).toMatch(/^\r\x1b\[2Ksuite \[#{12}-{12}\]  50% 50\/100 ops · 50\.0\/s · ETA \?$/);
    expect(s.out[1]).toContain('100%');
    expect(s.out[2]).toBe('\n');
  });

  test('the ETA comes from the pace after the first operation, not from the start-up before it', () => {
    // 30 s of start-up (scratch repositories, worker start-ups), then 10 ops/s for 600 ops.
    let t = 0;
    const s = sink(true);
    const p = createProgress({ stream: s.stream, label: 'suite', now: () => t });
    const etas: string[] = [];
    for (let d = 1; d <= 600; d++) {
      t = 30_000 + (d - 1) * 100;
      p.update(d, 600);
      const m = / ETA (\S+)$/.exec(s.out.at(-1) ?? '');
      if (m && etas.at(-1) !== m[1]) etas.push(m[1]!);
    }
    // First "?" (no pace yet), then about a minute, never the 30 minutes the start-up would extrapolate to.
    expect(etas[0]).toBe('?');
    expect(etas[1]).toMatch(/^(59|1m0\d)s?/);
    const secs = (e: string) => {
      const m = /^(?:(\d+)m)?(\d+)s$/.exec(e);
      return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : NaN;
    };
    expect(Math.max(...etas.slice(1).map(secs))).toBeLessThanOrEqual(60);
  });
});
