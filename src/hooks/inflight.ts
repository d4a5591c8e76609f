/**
 * What pre-commit hands to the later hooks of the same commit: a small
 * `key=value` file `<runtime>/inflight/<git pid>` (plus `<git pid>.paths`,
 * the staged list exactly as git printed it, NUL-separated).
 *
 * The later hooks are POSIX sh (see hooks/ and docs/tasks-and-hooks.md): they
 * read this file with `read`, never `eval` or `.`, so a value is never code.
 * No value may hold a newline; when one would (a repository path with a
 * newline in it), `fast=0` sends the later hooks to node instead.
 */
import { readdirSync } from 'node:fs';
import { fsError } from '../core/errors.js';
import { join } from 'node:path';
import { checkDirIn, ensureDirIn, readFileNoFollow, unlinkQuiet, writeFileAtomic } from '../core/files.js';
import { pidExists } from '../core/process.js';

export interface Inflight {
  v: 1;
  /** The git process the commit runs in (the lock's owner unless inherited). */
  gitPid: number;
  /** That process's start stamp (startStamp), so a reused pid is never mistaken for it. */
  gitStart: string;
  lock: string;
  lockDir: string;
  token: number;
  nonce: string;
  /** The lock came from a parent (`lockstep commit`, `run-locked`): post-commit must not release it. */
  inherited: boolean;
  acquiredMs: number;
  /** HEAD when pre-commit ran ('' before the first commit): tells an amend from an ordinary commit. */
  head: string;
  /** A merge was being concluded: file checks do not apply. */
  merge: boolean;
  task: string | null;
  /** JSON of the host name, for the release marker the sh hook writes. */
  hostJson: string;
  /** 0 when a value could not be written safely for sh: the later hooks run in node. */
  fast: boolean;
  /** Trailer values (empty when no task is declared). */
  trailerTask: string;
  trailerScope: string;
  trailerShared: string;
  trailerFence: string;
  /** git's index.lock the check holds for this commit ('' when none; see index-hold.ts), and the marker line in it. */
  indexLock: string;
  indexMarker: string;
}

export function inflightDir(root: string): string {
  return join(root, 'inflight');
}

export function inflightPath(root: string, gitPid: number): string {
  return join(inflightDir(root), String(gitPid));
}

function line(k: string, v: string): string {
  return `${k}=${v}\n`;
}

const safe = (v: string) => !/[\n\r\0]/.test(v);

/** `trailers`: the commit's trailer lines for commit-msg (`<git pid>.trailers`, one per line). */
/**
 * `restore`: `git update-index -z --index-info` input that post-commit
 * applies once the commit is made (`<git pid>.restore`): the other tasks'
 * staged entries the check took out, put back (see hooks/post-commit).
 */
export function writeInflight(root: string, s: Inflight, stagedRaw: string, trailers: readonly string[] = [], restore = ''): void {
  ensureDirIn(root, inflightDir(root));
  const values: [string, string][] = [
    ['v', '1'],
    ['gitpid', String(s.gitPid)],
    ['gitstart', s.gitStart],
    ['lock', s.lock],
    ['lockdir', s.lockDir],
    ['token', String(s.token)],
    ['nonce', s.nonce],
    ['inherited', s.inherited ? '1' : '0'],
    ['acquiredms', String(s.acquiredMs)],
    ['head', s.head],
    ['merge', s.merge ? '1' : '0'],
    ['task', s.task ?? ''],
    ['taskjson', JSON.stringify(s.task)],
    ['hostjson', s.hostJson],
    ['trailer_task', s.trailerTask],
    ['trailer_scope', s.trailerScope],
    ['trailer_shared', s.trailerShared],
    ['trailer_fence', s.trailerFence],
    ['indexlock', s.indexLock],
    ['indexmarker', s.indexMarker],
  ];
  const fast = s.fast && values.every(([, v]) => safe(v));
  const text = values.map(([k, v]) => line(k, safe(v) ? v : '')).join('') + line('fast', fast ? '1' : '0');
  const path = inflightPath(root, s.gitPid);
  // The list first: a reader that finds the state file always finds its list.
  writeFileAtomic(`${path}.paths`, stagedRaw);
  writeFileAtomic(`${path}.trailers`, trailers.map((l) => `${l}\n`).join(''));
  if (restore) writeFileAtomic(`${path}.restore`, restore);
  writeFileAtomic(path, text);
  if (!fast) writeFileAtomic(`${path}.json`, JSON.stringify(s));
}

/** The trailer lines pre-commit left for commit-msg. */
export function readInflightTrailers(root: string, gitPid: number): string[] {
  try {
    return readFileNoFollow(`${inflightPath(root, gitPid)}.trailers`).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

export function readInflight(root: string, gitPid: number): { state: Inflight; stagedRaw: string } | null {
  const path = inflightPath(root, gitPid);
  if (!checkDirIn(root, inflightDir(root))) return null; // a link there is refused (UNSAFE_PATH), never read through
  let text: string;
  try {
    text = readFileNoFollow(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw fsError(e, 'read', path);
    return null;
  }
  let state: Inflight | null = null;
  const kv = new Map<string, string>();
  for (const l of text.split('\n')) {
    const i = l.indexOf('=');
    if (i > 0) kv.set(l.slice(0, i), l.slice(i + 1));
  }
  if (kv.get('v') !== '1') return null;
  if (kv.get('fast') === '0') {
    try {
      state = JSON.parse(readFileNoFollow(`${path}.json`)) as Inflight;
    } catch {
      return null;
    }
  } else {
    const taskJson = kv.get('taskjson') ?? 'null';
    state = {
      v: 1,
      gitPid: Number(kv.get('gitpid')),
      gitStart: kv.get('gitstart') ?? '',
      lock: kv.get('lock') ?? 'commit',
      lockDir: kv.get('lockdir') ?? '',
      token: Number(kv.get('token')),
      nonce: kv.get('nonce') ?? '',
      inherited: kv.get('inherited') === '1',
      acquiredMs: Number(kv.get('acquiredms')),
      head: kv.get('head') ?? '',
      merge: kv.get('merge') === '1',
      task: JSON.parse(taskJson) as string | null,
      hostJson: kv.get('hostjson') ?? '""',
      fast: true,
      trailerTask: kv.get('trailer_task') ?? '',
      trailerScope: kv.get('trailer_scope') ?? '',
      trailerShared: kv.get('trailer_shared') ?? '',
      trailerFence: kv.get('trailer_fence') ?? '',
      indexLock: kv.get('indexlock') ?? '',
      indexMarker: kv.get('indexmarker') ?? '',
    };
  }
  let stagedRaw = '';
  try {
    stagedRaw = readFileNoFollow(`${path}.paths`);
  } catch {
    stagedRaw = '';
  }
  return { state, stagedRaw };
}

export function removeInflight(root: string, gitPid: number): void {
  const path = inflightPath(root, gitPid);
  if (!checkDirIn(root, inflightDir(root))) return;
  for (const suffix of ['', '.paths', '.json', '.got', '.held', '.trailers', '.restore']) unlinkQuiet(path + suffix);
}

/** Removes what commits that died after pre-commit left behind (their git process is gone). */
export function sweepInflight(root: string): number {
  let names: string[];
  if (!checkDirIn(root, inflightDir(root))) return 0; // a link there is refused, never swept through
  try {
    names = readdirSync(inflightDir(root));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const n of names) {
    const pid = Number(n.split('.')[0]);
    if (!Number.isSafeInteger(pid) || pid <= 0) continue;
    if (!pidExists(pid)) {
      unlinkQuiet(join(inflightDir(root), n));
      removed++;
    }
  }
  return removed;
}
