/**
 * Reads every input of the action (and the runner's environment) in one
 * place, validates it, and returns one typed `ActionSettings`. A bad input
 * fails here, before anything touches git or the file system, with a
 * message that names the input.
 */
import * as core from '@actions/core';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { LockstepError } from '../core/errors.js';
import { parseDuration } from '../core/duration.js';
import { WORKLOAD_NAMES } from '../suites/workload.js';
import { FAIL_ON, MODES, type ActionSettings, type EventPayload, type FailOn, type Mode } from './settings.js';

/** The suites `lockstep suite` knows (docs/suites.md); `soak` is reached through `mode: soak`. */
export const SUITES: readonly string[] = ['contention', 'all', ...WORKLOAD_NAMES];

/** A GitHub-hosted job stops at 6 hours; a segment leaves time for checkout, set-up and the artifact upload. */
export const DEFAULT_SEGMENT_MS = (5 * 60 + 40) * 60_000;

const SUITE_ONLY = ['suite', 'procs', 'iterations', 'kill-rate', 'seed', 'report-dir'] as const;
/** `lockstep suite` takes a duration, a segment and a checkpoint only for the soak. */
const SOAK_ONLY = ['duration', 'checkpoint', 'segment'] as const;

function bad(input: string, message: string, hint?: string): LockstepError {
  return new LockstepError('BAD_INPUT', `input "${input}" ${message}`, { hint });
}

function input(name: string): string {
  return core.getInput(name).trim();
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const v = input(name);
  if (v === '') return fallback;
  if (!(allowed as readonly string[]).includes(v)) throw bad(name, `must be one of ${allowed.join(', ')}, not ${JSON.stringify(v)}`);
  return v as T;
}

function wholeNumber(name: string, min: number, max: number): number | null {
  const v = input(name);
  if (v === '') return null;
  const n = Number(v);
  if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw bad(name, `must be a whole number from ${min} to ${max}, not ${JSON.stringify(v)}`);
  }
  return n;
}

function duration(name: string): number | null {
  const v = input(name);
  if (v === '') return null;
  return parseDuration(v, `input "${name}"`, { min: 1 });
}

function rate(name: string): number | null {
  const v = input(name);
  if (v === '') return null;
  const n = Number(v);
  if (!/^\d*\.?\d+$/.test(v) || !(n >= 0 && n < 1)) throw bad(name, `must be a probability from 0 to below 1 (e.g. 0.02), not ${JSON.stringify(v)}`);
  return n;
}

/** A path input resolved against the workspace; `inside` keeps it from escaping the workspace. */
function pathInput(name: string, workspace: string, opts: { inside?: boolean } = {}): string | null {
  const v = input(name);
  if (v === '') return null;
  if (v.includes('\0')) throw bad(name, 'must not contain a NUL character');
  const abs = resolve(workspace, v);
  const rel = relative(workspace, abs);
  if (opts.inside && (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))) {
    throw bad(name, `must be inside the workspace ${workspace}, not ${JSON.stringify(v)}`);
  }
  return abs;
}

/** `A..B`, `A...B` or one revision (`REV^!` for one commit alone); each side a revision git can parse, never an option. */
const REVISION = /^[A-Za-z0-9_][A-Za-z0-9_./@{}~^+-]*(\^!)?$/;

export function checkRangeSyntax(range: string): string {
  const sides = range.includes('...') ? range.split('...') : range.split('..');
  if (sides.length > 2 || sides.some((s) => !REVISION.test(s) || s.includes('..') || (sides.length === 2 && s.endsWith('^!')))) {
    throw bad('range', `must be A..B, A...B, REV (and its history) or REV^! (that commit alone), with commit ids, branch or tag names, not ${JSON.stringify(range)}`);
  }
  return range;
}

function readEvent(): EventPayload {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as EventPayload) : {};
  } catch (e) {
    throw new LockstepError('ENVIRONMENT', `the event payload ${path} (GITHUB_EVENT_PATH) is not valid JSON: ${(e as Error).message}`);
  }
}

function rejectInputs(names: readonly string[], mode: Mode, appliesTo: string): void {
  for (const n of names) if (input(n) !== '') throw bad(n, `applies to ${appliesTo}, not to mode ${mode}`, `remove "${n}" from the step's "with:" or set "mode"`);
}

export function getInputs(): ActionSettings {
  const workspace = process.env.GITHUB_WORKSPACE;
  if (!workspace) throw new LockstepError('ENVIRONMENT', 'GITHUB_WORKSPACE is not set: the action runs inside a GitHub Actions job');

  const mode = oneOf('mode', MODES, 'validate');
  const failOn = oneOf<FailOn>('fail-on', FAIL_ON, 'error');

  const repoPath = pathInput('working-directory', workspace, { inside: true }) ?? resolve(workspace);
  if (!existsSync(repoPath) || !statSync(repoPath).isDirectory()) {
    throw bad('working-directory', `names ${repoPath}, which is not a directory`, 'check out the repository first (actions/checkout) or fix the path');
  }

  if (mode === 'validate') rejectInputs(SUITE_ONLY, mode, 'mode suite or soak');
  else if (input('range') !== '') throw bad('range', `applies to mode validate, not to mode ${mode}`);
  if (mode !== 'soak') rejectInputs(SOAK_ONLY, mode, 'mode soak');

  const range = input('range') === '' ? null : checkRangeSyntax(input('range'));

  let suite = mode === 'soak' ? 'soak' : 'contention';
  if (input('suite') !== '') {
    const s = input('suite');
    if (mode === 'soak' && s !== 'soak') throw bad('suite', `must be soak (or empty) in mode soak, not ${JSON.stringify(s)}`);
    if (mode === 'suite' && s === 'soak') throw bad('suite', 'soak is run with "mode: soak" (it needs a checkpoint), not with mode suite');
    if (mode === 'suite' && !SUITES.includes(s)) throw bad('suite', `must be one of ${SUITES.join(', ')}, not ${JSON.stringify(s)}`);
    suite = s;
  }

  let checkpoint: string | null = null;
  let segmentMs: number | null = null;
  if (mode === 'soak') {
    checkpoint = pathInput('checkpoint', workspace);
    if (checkpoint === null) {
      throw bad('checkpoint', 'is required in mode soak: the file the soak resumes from and writes its progress to', 'add e.g. "checkpoint: soak/checkpoint.json" and pass that file between jobs as an artifact');
    }
    if (existsSync(checkpoint) && statSync(checkpoint).isDirectory()) throw bad('checkpoint', `names ${checkpoint}, which is a directory, not a checkpoint file`);
    segmentMs = duration('segment') ?? DEFAULT_SEGMENT_MS;
  }

  return {
    mode,
    repoPath,
    range,
    eventName: process.env.GITHUB_EVENT_NAME ?? '',
    event: readEvent(),
    suite,
    procs: wholeNumber('procs', 1, 64),
    iterations: wholeNumber('iterations', 1, 100_000),
    durationMs: duration('duration'),
    killRate: rate('kill-rate'),
    seed: wholeNumber('seed', 0, 2 ** 32 - 1),
    checkpoint,
    segmentMs,
    reportDir: pathInput('report-dir', workspace) ?? join(process.env.RUNNER_TEMP || tmpdir(), 'lockstep-reports'),
    failOn,
  };
}
