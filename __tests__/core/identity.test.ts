/** identityOf: this process's identity is read once; every other pid is read afresh. */
import { describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { identityOf, procfsInspector, psInspector, startStamp, type ProcessInspector } from '../../src/core/process.js';
import { waitExit } from '../helpers.js';

describe.each([
  ['procfs', procfsInspector],
  ['ps', psInspector],
] as [string, ProcessInspector][])('identityOf with the %s inspector', (_name, inspector) => {
  test('this process: the same identity every time, equal to a fresh reading', () => {
    const a = identityOf(process.pid, inspector);
    const b = identityOf(process.pid, inspector);
    expect(a.pidStart).not.toBeNull();
    expect(b).toEqual(a);
    expect(a.pidStart).toBe(startStamp(process.pid, inspector));
    expect(a.uid).toBe(process.geteuid!());
  });

  test('another pid is read afresh: once it exits its identity has no start time', async () => {
    identityOf(process.pid, inspector); // fill whatever cache there is
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    const pid = child.pid!;
    const alive = identityOf(pid, inspector);
    expect(alive.pid).toBe(pid);
    expect(alive.pidStart).not.toBeNull();
    expect(alive.pidStart).toBe(startStamp(pid, inspector));
    expect(alive.pidStart).not.toBe(identityOf(process.pid, inspector).pidStart);
    child.kill('SIGKILL');
    await waitExit(child);
    expect(identityOf(pid, inspector).pidStart).toBeNull();
  });
});
