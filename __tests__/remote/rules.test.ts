/**
 * The remote backend's pure rules: the lease/skew rule, backend selection,
 * the classification of push outcomes, ref-name validation, and the object
 * ids lockstep computes without git (checked against git itself).
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { judgeLease, leaseGraceMs } from '../../src/remote/observations.js';
import { parseBackend, selectBackend } from '../../src/remote/backend.js';
import { classifyPushSummary, looksUnreachable } from '../../src/remote/errors.js';
import { rootHash, validateRemoteLockName } from '../../src/remote/refs.js';
import { progressDeadline } from '../../src/remote/alloc.js';
import { openRemote, recordOid, writeRecord } from '../../src/remote/transport.js';
import { LockstepError } from '../../src/core/errors.js';
import { hostId } from '../../src/core/process.js';
import { gitConfigMayMention } from '../../src/git/config-files.js';
import { cleanupTemp, deadPid, git, tempDir, tempRepo } from '../helpers.js';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

afterAll(cleanupTemp);

describe('the lease rule: never on the holder\'s clock', () => {
  const other = { host: 'some-other-machine', pid: 1, pidStart: null, bootId: null, leaseMs: 10_000 };

  test('another host: expired only after lease + grace of this machine\'s own observation', () => {
    const firstSeen = 1_000_000;
    const notYet = judgeLease(other, firstSeen, firstSeen + 10_000 + leaseGraceMs(10_000) - 1);
    expect(notYet.expired).toBe(false);
    expect(notYet.expired === false && notYet.remainingMs).toBe(1);
    expect(judgeLease(other, firstSeen, firstSeen + 10_000 + leaseGraceMs(10_000)).expired).toBe(true);
    // Whatever the record's own timestamps say does not enter the rule at all.
    expect(judgeLease({ ...other, acquiredAtMs: 0, renewedAtMs: 0 } as typeof other, firstSeen, firstSeen + 1).expired).toBe(false);
  });

  test('grace: 2 % of the lease, at least 500 ms', () => {
    expect(leaseGraceMs(1000)).toBe(500);
    expect(leaseGraceMs(120_000)).toBe(2400);
  });

  test('same host with its process gone: expired at once; alive: the lease applies', () => {
    const dead = judgeLease({ host: hostId(), pid: deadPid(), pidStart: null, bootId: null, leaseMs: 60_000 }, 0, 1);
    expect(dead.expired).toBe(true);
    expect(dead.expired && dead.reason).toMatch(/not running .*same host/);
    expect(judgeLease({ host: hostId(), pid: process.pid, pidStart: null, bootId: null, leaseMs: 60_000 }, 0, 1).expired).toBe(false);
  });

  test('an unreadable record gets the default lease', () => {
    expect(judgeLease(null, 0, 60_000).expired).toBe(false);
    expect(judgeLease(null, 0, 200_000).expired).toBe(true);
  });
});

describe('backend selection', () => {
  test('flag, then LOCKSTEP_BACKEND, then git config lockstep.backend, else file', () => {
    const repo = tempRepo();
    expect(selectBackend({ cwd: repo, env: {} })).toEqual({ kind: 'file' });
    git(repo, 'config', 'lockstep.backend', 'remote:upstream');
    expect(selectBackend({ cwd: repo, env: {} })).toEqual({ kind: 'remote', remote: 'upstream' });
    expect(selectBackend({ cwd: repo, env: { LOCKSTEP_BACKEND: 'remote' } })).toEqual({ kind: 'remote', remote: 'origin' });
    expect(selectBackend({ cwd: repo, env: { LOCKSTEP_BACKEND: 'remote' }, flag: 'file' })).toEqual({ kind: 'file' });
  });

  test('configuration is read without git only when no file git reads can mention lockstep', () => {
    // Soundness: whenever git itself finds lockstep.backend, the scan must say "maybe".
    const repo = tempRepo();
    const home = tempDir();
    const base = { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, 'xdg') };
    const check = (env: NodeJS.ProcessEnv, cwd: string, expected: boolean) => {
      const viaGit = spawnSync('git', ['config', '--get', 'lockstep.backend'], { cwd, env, encoding: 'utf8' }).stdout.trim();
      const scan = gitConfigMayMention(cwd, 'lockstep', env);
      if (viaGit) expect(scan).toBe(true);
      expect(scan).toBe(expected);
    };
    check(base, repo, false);
    git(repo, 'config', 'user.name', 'someone else'); // unrelated settings change nothing
    check(base, repo, false);

    writeFileSync(join(home, '.gitconfig'), '[LockStep]\n\tbackend = remote\n');
    check(base, repo, true);
    writeFileSync(join(home, '.gitconfig'), '');
    mkdirSync(join(home, 'xdg', 'git'), { recursive: true });
    writeFileSync(join(home, 'xdg', 'git', 'config'), '[lockstep]\n\tbackend = remote\n');
    check(base, repo, true);
    writeFileSync(join(home, 'xdg', 'git', 'config'), '');
    check(base, repo, false);

    // An include can pull in anything: git decides.
    const extra = join(home, 'extra.cfg');
    writeFileSync(extra, '[lockstep]\n\tbackend = remote:upstream\n');
    git(repo, 'config', 'include.path', extra);
    check(base, repo, true);
    git(repo, 'config', '--unset', 'include.path');
    check(base, repo, false);

    // A linked worktree's own config.worktree.
    git(repo, 'config', 'extensions.worktreeConfig', 'true');
    const wt = join(tempDir(), 'wt');
    git(repo, 'worktree', 'add', '-q', wt);
    check(base, wt, false);
    git(wt, 'config', '--worktree', 'lockstep.backend', 'remote');
    check(base, wt, true);
    check(base, repo, false);

    // Configuration from the environment.
    check({ ...base, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'lockstep.backend', GIT_CONFIG_VALUE_0: 'remote' }, repo, true);
    check({ ...base, GIT_CONFIG_GLOBAL: extra }, repo, true);
    check({ ...base, GIT_CONFIG_NOSYSTEM: '0' }, repo, true); // a boolean to git: "0" still reads the system file
  });

  test('selectBackend runs git only when the configuration may name a backend', () => {
    const repo = tempRepo();
    const saved = { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };
    const home = tempDir();
    const withoutGit = <T>(fn: () => T): T => {
      Object.assign(process.env, { PATH: tempDir(), HOME: home, XDG_CONFIG_HOME: join(home, 'xdg') });
      try {
        return fn();
      } finally {
        for (const [k, v] of Object.entries(saved)) {
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
        }
      }
    };
    // No git on PATH, and nothing to ask it: the answer comes from the files.
    expect(withoutGit(() => selectBackend({ cwd: repo, env: {} }))).toEqual({ kind: 'file' });
    // Control: once the repository's config mentions lockstep, git is asked (and, missing, says so).
    git(repo, 'config', 'lockstep.backend', 'remote');
    expect(withoutGit(() => {
      try {
        selectBackend({ cwd: repo, env: {} });
        return 'OK';
      } catch (e) {
        return (e as LockstepError).code;
      }
    })).toBe('GIT_MISSING');
    expect(selectBackend({ cwd: repo, env: {} })).toEqual({ kind: 'remote', remote: 'origin' });
  });

  test('bad values are usage errors', () => {
    for (const v of ['remote:', 'remote:-x', 'remote:a/b', 'cloud', 'remote:..']) {
      expect(() => parseBackend(v)).toThrow(LockstepError);
      try {
        parseBackend(v);
      } catch (e) {
        expect((e as LockstepError).exitCode).toBe(2);
      }
    }
  });
});

describe('push outcomes', () => {
  test('someone else won vs. the server refuses', () => {
    expect(classifyPushSummary('!', '[rejected] (stale info)')).toBe('conflict');
    expect(classifyPushSummary('!', '[remote rejected] (atomic transaction failed)')).toBe('conflict');
    expect(classifyPushSummary('!', '[rejected] (atomic push failed)')).toBe('conflict');
    expect(classifyPushSummary('!', "[remote rejected] (cannot lock ref 'refs/lockstep/locks/x': is at 1 but expected 2)")).toBe('conflict');
    expect(classifyPushSummary('!', '[remote rejected] (pre-receive hook declined)')).toBe('refused');
    expect(classifyPushSummary('!', '[remote rejected] (deny updating a hidden ref)')).toBe('refused');
    expect(classifyPushSummary('*', '[new reference]')).toBe('ok');
  });

  test('unreachable remotes are recognised', () => {
    expect(looksUnreachable('fatal: unable to connect to 127.0.0.1:\n127.0.0.1[0: 127.0.0.1]: errno=Connection refused')).toBe(true);
    expect(looksUnreachable("fatal: 'nope' does not appear to be a git repository")).toBe(true);
    expect(looksUnreachable('error: failed to push some refs')).toBe(false);
  });

  test('a connection cut mid-protocol (server killed during the call) is unreachable, not a git failure', () => {
    // Seen in CI when the daemon died between the ref advertisement and the flush packet.
    expect(looksUnreachable('fatal: expected flush after ref listing')).toBe(true);
    expect(looksUnreachable('fatal: protocol error: bad line length character: fata')).toBe(true);
    expect(looksUnreachable('error: git upload-pack: expected response end packet after ref listing')).toBe(true);
    expect(looksUnreachable('fatal: the remote end hung up unexpectedly')).toBe(true);
  });
});

describe('names and ids', () => {
  test('lock names git would refuse as refs are refused up front', () => {
    for (const n of ['a..b', 'x.lock', 'end.']) expect(() => validateRemoteLockName(n)).toThrow(/git ref names/);
    expect(validateRemoteLockName('commit')).toBe('commit');
  });

  test('root hashes depend on the path inside the repository only', () => {
    expect(rootHash('specs')).toBe(rootHash('specs'));
    expect(rootHash('specs')).not.toBe(rootHash('docs/specs'));
    expect(rootHash('specs')).toMatch(/^[0-9a-f]{16}$/);
  });

  test('record ids computed without git match git, and written records read back with git', async () => {
    const repo = tempRepo();
    git(repo, 'remote', 'add', 'origin', 'git://127.0.0.1:9/none.git');
    const ctx = openRemote({ cwd: repo });
    const rec = { kind: 'probe', text: 'ünïcode "quotes" \\ and\nnewline' };
    const oid = await writeRecord(ctx, rec);
    expect(oid).toBe(recordOid(ctx, rec));
    expect(JSON.parse(git(repo, 'cat-file', 'blob', oid))).toEqual(rec);
    git(repo, 'fsck', '--no-dangling');
  });
});

describe("an allocation's deadline", () => {
  test('counts the time without progress: while other clones take numbers it moves on; with the counter still, it passes', () => {
    let now = 0;
    const d = progressDeadline(1000, () => now);
    d.saw(5);
    for (const n of [6, 9, 12]) {
      now += 800; // more than the timeout in all, each rise within it
      d.saw(n);
      expect(d.passed()).toBe(false);
    }
    now += 900;
    d.saw(12); // the same counter: no progress
    expect(d.passed()).toBe(false);
    expect(d.leftMs()).toBe(100);
    now += 100;
    d.saw(11); // an older view is not progress either
    expect(d.passed()).toBe(true);
  });
});
