/** Both ways of reading a process's start time: /proc (Linux) and ps (macOS; present on Linux too). */
import { describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { liveness, procfsInspector, psInspector, startStamp, identityOf, type ProcessInspector } from '../../src/core/process.js';
import { deadPid } from '../helpers.js';

describe.each([
  ['procfs', procfsInspector],
  ['ps', psInspector],
] as [string, ProcessInspector][])('%s inspector', (_name, inspector) => {
  test('reads a stable start time, the parent and the command of a live process', () => {
    const a = inspector.startTime(process.pid);
    expect(a).not.toBeNull();
    expect(inspector.startTime(process.pid)).toBe(a);
    expect(inspector.parentPid(process.pid)).toBe(process.ppid);
    expect(inspector.commandName(process.pid)).toMatch(/node|jest/);
  });

  test('a dead pid has no start time', () => {
    const pid = deadPid();
    expect(inspector.startTime(pid)).toBeNull();
    expect(inspector.parentPid(pid)).toBeNull();
  });

  test('two processes started at different times differ', async () => {
    // Two children a tick of the inspector's clock apart: procfs counts
    // clock ticks (10 ms), ps prints whole seconds.
    const first = spawn('sleep', ['10']);
    await new Promise((r) => setTimeout(r, inspector.kind === 'procfs' ? 50 : 1100));
    const second = spawn('sleep', ['10']);
    try {
      const [a, b] = [inspector.startTime(first.pid!), inspector.startTime(second.pid!)];
      expect(a).not.toBeNull();
      expect(b).not.toBeNull();
      expect(a).not.toBe(b);
    } finally {
      first.kill();
      second.kill();
    }
  });

  test('liveness: alive, dead, reused, and another host', () => {
    const stamp = startStamp(process.pid, inspector);
    const me = identityOf(process.pid, inspector);
    expect(liveness({ ...me, pidStart: stamp }, inspector).state).toBe('alive');
    expect(liveness({ ...me, pid: deadPid(), pidStart: stamp }, inspector).state).toBe('dead');
    const reused = liveness({ ...me, pidStart: `${inspector.kind}:not-the-start-time` }, inspector);
    expect(reused.state).toBe('dead');
    expect(reused.state === 'dead' && reused.reason).toContain('reused');
    expect(liveness({ ...me, host: 'elsewhere' }, inspector).state).toBe('remote');
  });
});
