/** What a suite's worker processes inherit (src/suites/runner.ts workerEnv). */
import { afterEach, describe, expect, test } from '@jest/globals';
import { workerEnv } from '../../src/suites/runner.js';

const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

describe('suite workers', () => {
  test('inherit no lock token, task, agent, backend, git dir or node options, and no CA bundle for node to parse at each start', () => {
    Object.assign(process.env, { LOCKSTEP_LOCK_TOKEN: 'commit=3', LOCKSTEP_TASK: 'T', GIT_DIR: '/x/.git', NODE_OPTIONS: '--inspect', NODE_EXTRA_CA_CERTS: '/etc/proxy-ca.pem', KEEP_ME: '1' });
    const env = workerEnv('file', 0);
    for (const k of ['LOCKSTEP_LOCK_TOKEN', 'LOCKSTEP_TASK', 'GIT_DIR', 'NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS']) expect(env[k]).toBeUndefined();
    expect(env.KEEP_ME).toBe('1');
    expect(workerEnv('remote', 2).LOCKSTEP_HOST_ID).toBeTruthy();
  });
});
