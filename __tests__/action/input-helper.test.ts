/**
 * The action's inputs, read and validated in one place. `@actions/core` is
 * mocked (its getInput reads a plain object here), the rest is real.
 */
import { afterAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupTemp, tempDir } from '../helpers.js';
import { declared } from './action-yml.js';

let inputs: Record<string, string> = {};
/** Every input name the helper asked for. */
const asked = new Set<string>();
jest.unstable_mockModule('@actions/core', () => ({
  getInput: (name: string) => {
    asked.add(name);
    return inputs[name] ?? '';
  },
}));
const { getInputs, DEFAULT_SEGMENT_MS } = await import('../../src/action/input-helper.js');

afterAll(cleanupTemp);

let workspace = '';
const saved = { ...process.env };

beforeEach(() => {
  inputs = {};
  workspace = tempDir('lockstep-ws-');
  process.env = { ...saved, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: join(workspace, 'runner-temp') };
  delete process.env.GITHUB_EVENT_PATH;
  delete process.env.GITHUB_EVENT_NAME;
});

afterAll(() => {
  process.env = saved;
});

/** The LockstepError getInputs throws, for the assertions on its message. */
function failure(): { code: string; message: string; hint?: string } {
  try {
    getInputs();
  } catch (e) {
    return e as { code: string; message: string; hint?: string };
  }
  throw new Error('getInputs accepted the inputs');
}

describe('defaults', () => {
  test('no inputs: validate the event range in the workspace, fail on errors', () => {
    const s = getInputs();
    expect(s).toMatchObject({
      mode: 'validate',
      failOn: 'error',
      repoPath: workspace,
      range: null,
      eventName: '',
      event: {},
      procs: null,
      iterations: null,
      durationMs: null,
      killRate: null,
      seed: null,
      checkpoint: null,
      segmentMs: null,
      reportDir: join(workspace, 'runner-temp', 'lockstep-reports'),
    });
  });

  test('the event name and payload come from the runner environment', () => {
    const path = join(workspace, 'event.json');
    writeFileSync(path, JSON.stringify({ before: 'a'.repeat(40), after: 'b'.repeat(40), forced: true }));
    process.env.GITHUB_EVENT_PATH = path;
    process.env.GITHUB_EVENT_NAME = 'push';
    const s = getInputs();
    expect(s.eventName).toBe('push');
    expect(s.event).toEqual({ before: 'a'.repeat(40), after: 'b'.repeat(40), forced: true });
  });

  test('surrounding whitespace in an input is ignored', () => {
    inputs = { mode: '  suite \n', procs: ' 3 ' };
    expect(getInputs()).toMatchObject({ mode: 'suite', procs: 3 });
  });
});

describe('every input is read and typed', () => {
  test('validate: range and fail-on', () => {
    inputs = { range: 'origin/main..HEAD', 'fail-on': 'warning' };
    expect(getInputs()).toMatchObject({ mode: 'validate', range: 'origin/main..HEAD', failOn: 'warning' });
    inputs = { range: 'v1.0...feature/x~2', 'fail-on': 'never' };
    expect(getInputs()).toMatchObject({ range: 'v1.0...feature/x~2', failOn: 'never' });
    inputs = { range: 'HEAD' };
    expect(getInputs().range).toBe('HEAD');
    inputs = { range: 'a1b2c3^!' };
    expect(getInputs().range).toBe('a1b2c3^!');
  });

  test('suite: suite, procs, iterations, duration, kill-rate, seed, report-dir', () => {
    inputs = { mode: 'suite', suite: 'commit', procs: '4', iterations: '10', 'kill-rate': '0.05', seed: '42', 'report-dir': 'out/reports' };
    expect(getInputs()).toMatchObject({
      mode: 'suite',
      suite: 'commit',
      procs: 4,
      iterations: 10,
      durationMs: null,
      killRate: 0.05,
      seed: 42,
      reportDir: join(workspace, 'out', 'reports'),
      checkpoint: null,
    });
  });

  test('suite defaults to contention', () => {
    inputs = { mode: 'suite' };
    expect(getInputs().suite).toBe('contention');
  });

  test('soak: checkpoint resolved against the workspace, segment defaults below the 6-hour job limit', () => {
    inputs = { mode: 'soak', checkpoint: 'soak/checkpoint.json', duration: '24h' };
    const s = getInputs();
    expect(s).toMatchObject({ mode: 'soak', suite: 'soak', checkpoint: join(workspace, 'soak', 'checkpoint.json'), durationMs: 86_400_000, segmentMs: DEFAULT_SEGMENT_MS });
    expect(DEFAULT_SEGMENT_MS).toBeLessThan(6 * 3_600_000);
    inputs = { mode: 'soak', checkpoint: '/abs/cp.json', segment: '2s', suite: 'soak' };
    expect(getInputs()).toMatchObject({ checkpoint: '/abs/cp.json', segmentMs: 2000 });
  });

  test('working-directory: a repository below the workspace', () => {
    mkdirSync(join(workspace, 'sub', 'repo'), { recursive: true });
    inputs = { 'working-directory': 'sub/repo' };
    expect(getInputs().repoPath).toBe(join(workspace, 'sub', 'repo'));
  });

  test('the edges of the numeric ranges are accepted', () => {
    inputs = { mode: 'suite', procs: '64', iterations: '1', seed: '0', 'kill-rate': '0.999' };
    expect(getInputs()).toMatchObject({ procs: 64, iterations: 1, seed: 0, killRate: 0.999 });
    inputs = { mode: 'suite', seed: String(2 ** 32 - 1), 'kill-rate': '0', iterations: '100000' };
    expect(getInputs()).toMatchObject({ seed: 2 ** 32 - 1, killRate: 0, iterations: 100_000 });
  });
});

describe('bad inputs fail with a message that names the input', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['unknown mode', { mode: 'deploy' }, 'mode'],
    ['mode in the wrong case', { mode: 'Validate' }, 'mode'],
    ['unknown fail-on', { 'fail-on': 'sometimes' }, 'fail-on'],
    ['negative procs', { mode: 'suite', procs: '-2' }, 'procs'],
    ['zero procs', { mode: 'suite', procs: '0' }, 'procs'],
    ['fractional procs', { mode: 'suite', procs: '1.5' }, 'procs'],
    ['too many procs', { mode: 'suite', procs: '65' }, 'procs'],
    ['too many iterations', { mode: 'suite', iterations: '100001' }, 'iterations'],
    ['procs not a number', { mode: 'suite', procs: 'four' }, 'procs'],
    ['zero iterations', { mode: 'suite', iterations: '0' }, 'iterations'],
    ['negative seed', { mode: 'suite', seed: '-1' }, 'seed'],
    ['seed too big', { mode: 'suite', seed: String(2 ** 32) }, 'seed'],
    ['kill-rate above 1', { mode: 'suite', 'kill-rate': '1.5' }, 'kill-rate'],
    ['kill-rate of 1 (every operation killed: nothing would finish)', { mode: 'suite', 'kill-rate': '1' }, 'kill-rate'],
    ['kill-rate negative', { mode: 'suite', 'kill-rate': '-0.1' }, 'kill-rate'],
    ['kill-rate a percentage', { mode: 'suite', 'kill-rate': '5%' }, 'kill-rate'],
    ['duration without a number', { mode: 'soak', checkpoint: 'cp.json', duration: 'soon' }, 'duration'],
    ['zero duration', { mode: 'soak', checkpoint: 'cp.json', duration: '0s' }, 'duration'],
    ['duration in mode suite (only the soak runs for a time)', { mode: 'suite', duration: '90s' }, 'duration'],
    ['unknown suite', { mode: 'suite', suite: 'everything' }, 'suite'],
    ['soak through mode suite', { mode: 'suite', suite: 'soak' }, 'suite'],
    ['another suite in mode soak', { mode: 'soak', suite: 'commit', checkpoint: 'cp.json' }, 'suite'],
    ['missing checkpoint in mode soak', { mode: 'soak', duration: '1h' }, 'checkpoint'],
    ['bad segment', { mode: 'soak', checkpoint: 'cp.json', segment: '6 hours' }, 'segment'],
    ['range that is an option', { range: '--output=/tmp/x' }, 'range'],
    ['range with a space', { range: 'main ..HEAD' }, 'range'],
    ['range with three sides', { range: 'a..b..c' }, 'range'],
    ['range with an empty side', { range: '..HEAD' }, 'range'],
    ['range with ^! inside it', { range: 'a^!..b' }, 'range'],
    ['range in mode suite', { mode: 'suite', range: 'HEAD~1..HEAD' }, 'range'],
    ['suite input in mode validate', { procs: '4' }, 'procs'],
    ['checkpoint in mode suite', { mode: 'suite', checkpoint: 'cp.json' }, 'checkpoint'],
    ['segment in mode validate', { segment: '1h' }, 'segment'],
    ['working-directory outside the workspace', { 'working-directory': '../elsewhere' }, 'working-directory'],
    ['working-directory that does not exist', { 'working-directory': 'nope' }, 'working-directory'],
  ];
  test.each(cases)('%s', (_what, given, name) => {
    inputs = given;
    const e = failure();
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain(`input "${name}"`);
  });

  test('a checkpoint that names a directory', () => {
    mkdirSync(join(workspace, 'cpdir'));
    inputs = { mode: 'soak', checkpoint: 'cpdir' };
    expect(failure().message).toMatch(/input "checkpoint" .*directory/);
  });

  test('the missing checkpoint message says how to pass it between jobs', () => {
    inputs = { mode: 'soak' };
    expect(failure().hint).toContain('artifact');
  });

  test('outside a runner (no GITHUB_WORKSPACE) it says so', () => {
    delete process.env.GITHUB_WORKSPACE;
    expect(failure()).toMatchObject({ code: 'ENVIRONMENT', message: expect.stringContaining('GITHUB_WORKSPACE') });
  });

  test('an event payload that is not JSON is an environment error, not a crash', () => {
    const path = join(workspace, 'event.json');
    writeFileSync(path, '{not json');
    process.env.GITHUB_EVENT_PATH = path;
    expect(failure()).toMatchObject({ code: 'ENVIRONMENT', message: expect.stringContaining('GITHUB_EVENT_PATH') });
  });
});

describe('action.yml', () => {
  test('declares exactly the inputs the helper reads', () => {
    asked.clear();
    for (const mode of ['validate', 'suite', 'soak']) {
      inputs = { mode, checkpoint: mode === 'soak' ? 'cp.json' : '' };
      getInputs();
    }
    expect([...asked].sort()).toEqual(declared('inputs').sort());
  });
});
