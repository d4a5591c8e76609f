/** The audit log keeps one append descriptor per file, and follows the path when the file is rotated or removed. */
import { afterAll, describe, expect, test } from '@jest/globals';
import { appendFileSync, readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { appendEvent, eventsPath, readEvents } from '../../src/core/events.js';
import { cleanupTemp, tempDir } from '../helpers.js';

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
