/** The audit log keeps one append descriptor per file, and follows the path when the file is rotated or removed. */
import { afterAll, describe, expect, test } from '@jest/globals';
import { appendFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendEvent, eventsPath, readEvents } from '../../src/core/events.js';
import { cleanupTemp, startWorker, tempDir, until } from '../helpers.js';

afterAll(cleanupTemp);

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean);
}

function openFds(): number {
  return readdirSync('/proc/self/fd').length;
}

describe('appendEvent', () => {
  test('lines land in the file at the path, whole and in order, with another writer appending too', () => {
    const root = tempDir();
    appendEvent(root, 'one', { n: 1 });
    appendFileSync(eventsPath(root), JSON.stringify({ ts: '', type: 'other', pid: 0, host: '' }) + '\n'); // another process's line
    appendEvent(root, 'two', { n: 2 });
    expect(readEvents(root).map((e) => e.type)).toEqual(['one', 'other', 'two']);
  });

  test('after the file is renamed away (rotated by another writer) the next line goes to a new file at the path', () => {
    const root = tempDir();
    const path = eventsPath(root);
    appendEvent(root, 'before');
    renameSync(path, `${path}.1`);
    appendEvent(root, 'after');
    expect(lines(`${path}.1`).map((l) => JSON.parse(l).type)).toEqual(['before']);
    expect(readEvents(root).map((e) => e.type)).toEqual(['after']);
  });

  test('after the file is removed it is created again', () => {
    const root = tempDir();
    appendEvent(root, 'before');
    rmSync(eventsPath(root));
    appendEvent(root, 'after');
    expect(readEvents(root).map((e) => e.type)).toEqual(['after']);
  });

  test('a file past 16 MiB is rotated to events.jsonl.1 before the next line', () => {
    const root = tempDir();
    const path = eventsPath(root);
    appendEvent(root, 'first');
    truncateSync(path, 16 * 1024 * 1024 + 1); // sparse: cheap to make
    appendEvent(root, 'next');
    expect(statSync(`${path}.1`).size).toBe(16 * 1024 * 1024 + 1);
    expect(readEvents(root).map((e) => e.type)).toEqual(['next']);
  });

  const FULL = 16 * 1024 * 1024 + 1;

  /**
   * Two real processes find the log full at once: the other writer (a worker,
   * paused by a fault between seeing the file full and rotating it) and this
   * one, which rotates first and starts the next file.
   */
  async function rotateTwice(fault: string): Promise<{ previous: number; types: string[]; aside: string[] }> {
    const root = tempDir();
    const path = eventsPath(root);
    appendEvent(root, 'old');
    truncateSync(path, FULL); // sparse: cheap to make
    const mark = tempDir();
    const other = startWorker('event-worker.ts', [root, 'theirs'], { env: { LOCKSTEP_FAULT: fault, LOCKSTEP_FAULT_MARK: mark } });
    const exited = new Promise<number | null>((resolve) => other.on('close', resolve));
    // It has seen the file full and sits in its pause (its mark says so, however long that took).
    await until(() => existsSync(join(mark, 'pause-before-rotate')), 120_000, 'the other writer to pause before rotating');
    appendEvent(root, 'ours'); // rotates: the full file becomes .1, a new file starts
    writeFileSync(join(mark, 'pause-before-rotate.go'), '');
    expect(await exited).toBe(0);
    return {
      previous: statSync(`${path}.1`).size,
      types: readEvents(root).map((e) => e.type).sort(),
      aside: readdirSync(root).filter((f) => f.includes('.rotating.')),
    };
  }

  test('two writers that find the log full at once keep the full generation: the second does not move the new file over it', async () => {
    const r = await rotateTwice('pause-before-rotate:120000');
    expect(r.previous).toBe(FULL);
    expect(r.types).toEqual(['ours', 'theirs']);
    expect(r.aside).toEqual([]);
  });

  test('control: with the plain rename, the second writer moves the new file over the full generation', async () => {
    const r = await rotateTwice('pause-before-rotate:120000,rotate-blind:1');
    expect(r.previous).toBeLessThan(1000); // the 16 MiB generation is gone
  });

  test('writing to many runtimes keeps only a few descriptors open', () => {
    const before = openFds();
    const roots = Array.from({ length: 40 }, () => tempDir());
    for (const root of roots) appendEvent(root, 'x');
    for (const root of roots) appendEvent(root, 'y');
    expect(openFds() - before).toBeLessThanOrEqual(8);
    for (const root of roots) expect(readEvents(root).map((e) => e.type)).toEqual(['x', 'y']);
  });

  test('a runtime that does not exist costs nothing but the line (never an error)', () => {
    expect(() => appendEvent(join(tempDir(), 'gone', 'deeper'), 'x')).not.toThrow();
  });
});
