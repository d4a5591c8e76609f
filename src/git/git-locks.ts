/**
 * Git's own lock files: `index.lock`, `HEAD.lock`, `refs/…/NAME.lock`,
 * `packed-refs.lock`, `config.lock`. Git creates one (O_EXCL) before it
 * changes the file beside it and removes it when done; a git killed with
 * SIGKILL (an agent killed on a timeout, with its process group) leaves it,
 * and from then on every git that needs that lock fails with "Unable to
 * create '…/index.lock': File exists … remove the file manually". Removing
 * it by hand while a git still works under it breaks that git's operation,
 * and with several agents in one repository somebody usually is working.
 *
 * A lock file names no owner, so the judgement comes from the processes on
 * this machine:
 *  - **open**: a process has the file open (git keeps it open while it writes);
 *  - **older**: a git process that may work on this repository started before
 *    the file last changed — the git that created it must have, so while one
 *    such process lives, the file may be its;
 *  - neither: **stale**. No process that could have made it is still running.
 * Only a stale lock is removed, by renaming it aside and checking that the
 * file moved is the one judged (else it is put back).
 *
 * On Linux the processes come from /proc (start times in clock ticks since
 * boot, working directories, open files). Elsewhere `ps` gives start times to
 * the second and nothing else, so every git process of any repository that
 * started before the file (plus a second) counts as a possible holder.
 * Processes in other containers or on other machines sharing the repository
 * are not visible: the judgement covers this machine only.
 */
import { execFileSync } from 'node:child_process';
import { linkSync, lstatSync, type Stats, readdirSync, readFileSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fsError, LockstepError } from '../core/errors.js';
import { appendEvent } from '../core/events.js';
import { faultPauseSync, faultValue } from '../core/faults.js';
import { randomHex } from '../core/names.js';
import { processInspector, readProcStat } from '../core/process.js';
import { openRuntime } from '../core/runtime.js';

/** Why a process may hold a lock file. */
export interface GitLockHolder {
  pid: number;
  /** The process's command line (or its short name), for people to read. */
  command: string;
  /**
   * `open`: it has the file open; `older`: a git process that started before
   * the file last changed; `unknown`: the processes could not be listed
   * (pid 0), so nothing can be ruled out.
   */
  reason: 'open' | 'older' | 'unknown';
}

export interface GitLockFile {
  /** Absolute path. */
  path: string;
  /** Relative to the common git dir, e.g. `index.lock`, `worktrees/wt1/index.lock`, `refs/heads/main.lock`. */
  name: string;
  /** Since the file last changed. */
  ageMs: number;
  state: 'in-use' | 'stale';
  holders: GitLockHolder[];
  /** Identity of the file judged: a clear removes only this one. */
  dev: number;
  ino: number;
  ctimeMs: number;
}

/** One process as the judgement needs it. */
interface ProcessView {
  pid: number;
  /** Start time in the clock of `fileTimeIn` (ms). */
  startMs: number;
  isGit: boolean;
  /** May it work on this repository? (Unknown counts as yes.) */
  mayUseRepo: boolean;
  command: string;
  /** Absolute paths of the files it has open; null when unknown. */
  open: Set<string> | null;
}

interface ProcessScan {
  /** Null when they could not be listed. */
  processes: ProcessView[] | null;
  /** A file's change time (wall clock, ms) in the clock of `startMs`. */
  fileTimeIn(ctimeMs: number): number;
  /** Start times are this coarse: a process that started within it of the file counts as older. */
  slackMs: number;
}

/** Every file that may be one of git's lock files, in the common dir and each worktree's git dir. Never lockstep's own. */
function findGitLockFiles(commonDir: string): string[] {
  const out: string[] = [];
  const lockFilesIn = (dir: string) => {
    for (const e of safeReaddir(dir)) if (e.isFile() && e.name.endsWith('.lock')) out.push(join(dir, e.name));
  };
  const walkRefs = (dir: string, depth: number) => {
    if (depth > 32) return;
    for (const e of safeReaddir(dir)) {
      if (e.isDirectory()) walkRefs(join(dir, e.name), depth + 1);
      else if (e.isFile() && e.name.endsWith('.lock')) out.push(join(dir, e.name));
    }
  };
  lockFilesIn(commonDir);
  walkRefs(join(commonDir, 'refs'), 0);
  for (const w of safeReaddir(join(commonDir, 'worktrees'))) {
    if (!w.isDirectory()) continue;
    lockFilesIn(join(commonDir, 'worktrees', w.name));
    walkRefs(join(commonDir, 'worktrees', w.name, 'refs'), 0);
  }
  return out.sort();
}

function safeReaddir(dir: string) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** The directories a git process working on this repository runs in: the common dir and every worktree's top. */
function repositoryDirs(commonDir: string): string[] {
  const dirs = [commonDir];
  if (basename(commonDir) === '.git') dirs.push(dirname(commonDir));
  for (const w of safeReaddir(join(commonDir, 'worktrees'))) {
    try {
      // worktrees/<id>/gitdir names the worktree's `.git` file.
      const dotGit = readFileSync(join(commonDir, 'worktrees', w.name, 'gitdir'), 'utf8').trim();
      if (dotGit) dirs.push(dirname(dotGit));
    } catch {
      /* a half-made or pruned worktree */
    }
  }
  return dirs;
}

const within = (dir: string, p: string) => p === dir || p.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/** USER_HZ: /proc start times are in these ticks (100 on every Linux architecture in use). */
const TICKS_PER_SECOND = 100;

function readProcFile(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'latin1');
  } catch {
    return null;
  }
}

function readLink(p: string): string | null {
  try {
    return readlinkSync(p);
  } catch {
    return null;
  }
}

/** Long-running git processes that never take a repository's lock files. */
function isDaemon(args: string[]): boolean {
  return args.some((a) => a === 'daemon' || a.endsWith('--daemon'));
}

/** /proc: every process's start (ticks since boot), command line, working directory and open files. */
function scanProcfs(repoDirs: string[], lockPaths: Set<string>): ProcessScan {
  const processes: ProcessView[] = [];
  let pids: string[];
  try {
    // TEST-ONLY: LOCKSTEP_FAULT=process-listing-fails:1 makes the listing fail.
    if (LOCKSTEP_TEST_BUILD && faultValue('process-listing-fails')) throw new Error('process listing failed (fault)');
    pids = readdirSync('/proc');
  } catch {
    // Not "no processes": a listing that failed rules nothing out. (It did
    // fail: readdir with file types swallowed an error as an empty /proc, and
    // the gitlock suite's protected run then removed live locks.)
    return { processes: null, fileTimeIn: (t) => t, slackMs: 0 };
  }
  for (const name of pids) {
    if (!/^[0-9]+$/.test(name)) continue;
    const pid = Number(name);
    if (pid === process.pid) continue;
    const stat = readProcStat(pid); // null once exited (a zombie holds nothing)
    if (!stat) continue;
    const { comm } = stat;
    const startTicks = Number(stat.start);
    if (!Number.isFinite(startTicks)) continue;
    const args = (readProcFile(pid, 'cmdline') ?? '').split('\0').filter((a) => a !== '');
    const isGit = comm.startsWith('git') && !isDaemon(args);
    const mayUseRepo = isGit ? gitMayUseRepo(pid, args, repoDirs) : true;
    if (mayUseRepo === 'gone') continue;
    let open: Set<string> | null = null;
    const fds = readdirNames(`/proc/${pid}/fd`);
    if (fds) {
      open = new Set();
      for (const fd of fds) {
        const target = readLink(`/proc/${pid}/fd/${fd}`);
        if (target !== null && lockPaths.has(target)) open.add(target);
      }
    }
    processes.push({ pid, startMs: (startTicks * 1000) / TICKS_PER_SECOND, isGit, mayUseRepo, command: args.join(' ').slice(0, 200) || comm, open });
  }
  const uptimeMs = Number((readFileSync('/proc/uptime', 'latin1').split(' ')[0] ?? '0')) * 1000;
  const now = Date.now();
  // Ticks and /proc/uptime count from boot in hundredths of a second.
  return { processes, fileTimeIn: (ctimeMs) => uptimeMs - (now - ctimeMs), slackMs: 50 };
}

/**
 * May the git process `pid` work on the repository in `repoDirs`? Its working
 * directory, or where GIT_DIR and friends or --git-dir/--work-tree point, is
 * inside one of them. What cannot be read counts as yes (another user's
 * process), but only while the process lives: one that exited while it was
 * looked at (its working directory is gone first) works on nothing, and under
 * load plenty of short gits of other repositories do that mid-scan.
 */
export function gitMayUseRepo(pid: number, args: string[], repoDirs: string[]): boolean | 'gone' {
  const cwd = readProcOrGone(pid, 'cwd', (p) => readlinkSync(p));
  const env = readProcOrGone(pid, 'environ', (p) => readFileSync(p, 'latin1'));
  if (cwd === 'gone' || env === 'gone') return 'gone';
  if (cwd === null || env === null) return true;
  const inRepo = (p: string) => repoDirs.some((d) => within(d, canonical(resolve(cwd, p))));
  // Its working directory counts even when pointed elsewhere: GIT_INDEX_FILE alone moves only the index.
  return inRepo(cwd) || [...pointedByEnv(env), ...pointedByArgs(args)].some(inRepo);
}

/** /proc/<pid>/<file> read; `gone` when the process (or, exiting, its working directory) no longer exists; null when not ours to read. */
function readProcOrGone(pid: number, file: string, read: (path: string) => string): string | 'gone' | null {
  try {
    return read(`/proc/${pid}/${file}`);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ESRCH' ? 'gone' : null;
  }
}

/** Where GIT_DIR and friends point git. */
function pointedByEnv(env: string): string[] {
  return env.split('\0').flatMap((kv) => /^GIT_(?:DIR|WORK_TREE|COMMON_DIR|INDEX_FILE)=(.+)$/.exec(kv)?.[1] ?? []);
}

/** Where `--git-dir`/`--work-tree` (`=VALUE` or the next argument) point git. */
function pointedByArgs(args: string[]): string[] {
  return args.flatMap((a, i) => {
    const m = /^--(?:git-dir|work-tree)(?:=(.*))?$/.exec(a);
    if (!m) return [];
    const value = m[1] ?? args[i + 1];
    return value ? [value] : [];
  });
}

function readdirNames(dir: string): string[] | null {
  try {
    return readdirSync(dir);
  } catch {
    return null;
  }
}

/** `ps`: start times to the second, command names; nothing about working directories or open files. */
function scanPs(): ProcessScan {
  const processes: ProcessView[] = [];
  let out: string;
  try {
    out = execFileSync('ps', ['-A', '-o', 'pid=,lstart=,comm='], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, LC_ALL: 'C' } });
  } catch {
    return { processes: null, fileTimeIn: (t) => t, slackMs: 0 }; // no ps (Windows): nothing can be ruled out
  }
  for (const line of out.split('\n')) {
    // "  4242 Mon Nov 23 23:45:01 2026     /usr/bin/git"
    const m = /^\s*(\d+)\s+(\w{3}\s+\w{3}\s+\d+\s+[\d:]{8}\s+\d{4})\s+(.+)$/.exec(line);
    if (!m) continue;
    const pid = Number(m[1]);
    const started = Date.parse(m[2]!);
    if (pid === process.pid || !Number.isFinite(started)) continue;
    const comm = basename(m[3]!.trim());
    processes.push({ pid, startMs: started, isGit: comm.startsWith('git'), mayUseRepo: true, command: m[3]!.trim(), open: null });
  }
  return { processes, fileTimeIn: (ctimeMs) => ctimeMs, slackMs: 1500 };
}

function scanProcesses(repoDirs: string[], lockPaths: Set<string>): ProcessScan {
  return processInspector().kind === 'procfs' ? scanProcfs(repoDirs, lockPaths) : scanPs();
}

/** The path as /proc/<pid>/fd names an open file: its directory's real path. */
function canonical(path: string): string {
  try {
    return join(realpathSync.native(dirname(path)), basename(path));
  } catch {
    return path;
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null; // gone: whoever held it is done
  }
}

/** `st` was taken before the processes were listed (see gitLockFiles). */
function judge(path: string, st: Stats, commonDir: string, scan: ProcessScan): GitLockFile {
  const holders: GitLockHolder[] = [];
  const changedAt = scan.fileTimeIn(st.ctimeMs);
  const real = canonical(path);
  if (scan.processes === null) holders.push({ pid: 0, command: 'the processes of this machine could not be listed', reason: 'unknown' });
  for (const p of scan.processes ?? []) {
    if (p.open?.has(real)) holders.push({ pid: p.pid, command: p.command, reason: 'open' });
    else if (p.isGit && p.mayUseRepo && p.startMs <= changedAt + scan.slackMs) holders.push({ pid: p.pid, command: p.command, reason: 'older' });
  }
  // TEST-ONLY: LOCKSTEP_FAULT=ignore-git-lock-holders:1 judges every lock stale (the control of the tests that show why not).
  if (LOCKSTEP_TEST_BUILD && faultValue('ignore-git-lock-holders')) holders.length = 0;
  return {
    path,
    name: relative(commonDir, path),
    ageMs: Math.max(0, Date.now() - st.ctimeMs),
    state: holders.length ? 'in-use' : 'stale',
    holders,
    dev: st.dev,
    ino: st.ino,
    ctimeMs: st.ctimeMs,
  };
}

/** Git's lock files in the repository whose common git dir is `commonDir`, each judged (see the top of this file). */
export function gitLockFiles(commonDir: string, paths: string[] = findGitLockFiles(commonDir)): GitLockFile[] {
  // Each file is looked at before the processes are listed: the git that
  // made it started before that, so if it still runs, the list has it. (A
  // file made after the look is another file: a clear checks the identity.)
  // TEST-ONLY: LOCKSTEP_FAULT=list-processes-first:1 lists them first (the
  // control of the test that shows why not); pause-between-look-and-list:MS
  // holds the judgement between its two steps.
  const scanFor = (files: string[]) => scanProcesses(repositoryDirs(commonDir).map(canonical), new Set(files.map(canonical)));
  const listFirst = LOCKSTEP_TEST_BUILD && faultValue('list-processes-first') > 0;
  const early = listFirst ? scanFor(paths) : null;
  if (LOCKSTEP_TEST_BUILD && listFirst) faultPauseSync('pause-between-look-and-list');
  const found = paths.map((path) => ({ path, st: statOrNull(path) })).filter((f): f is { path: string; st: Stats } => f.st !== null);
  if (LOCKSTEP_TEST_BUILD && !listFirst) faultPauseSync('pause-between-look-and-list');
  if (!found.length) return [];
  const scan = early ?? scanFor(found.map((f) => f.path));
  return found.map((f) => judge(f.path, f.st, commonDir, scan));
}

export type ClearOutcome = 'cleared' | 'in-use' | 'gone' | 'changed';

/**
 * Removes a lock file judged stale, if it is still the file judged: renamed
 * aside first, checked by identity, then deleted (or put back, should another
 * file have taken its place meanwhile). `changed` means the file at the path
 * is not the one judged: judge it again.
 */
export function removeStaleGitLock(lock: GitLockFile): ClearOutcome {
  if (lock.state !== 'stale') return 'in-use';
  let st;
  try {
    st = lstatSync(lock.path);
  } catch {
    return 'gone';
  }
  if (st.dev !== lock.dev || st.ino !== lock.ino || st.ctimeMs !== lock.ctimeMs) return 'changed';
  const aside = `${lock.path}.lockstep-stale-${process.pid}-${randomHex(4)}`;
  try {
    renameSync(lock.path, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw fsError(e, 'move aside the stale lock file', lock.path);
  }
  try {
    const moved = statSync(aside);
    if (moved.dev !== lock.dev || moved.ino !== lock.ino) {
      // Another file took the path between our look and the rename: it is somebody's. Put it back.
      try {
        linkSync(aside, lock.path);
      } catch {
        /* a newer one is there already: git's O_EXCL keeps it to one, and that one is not ours to touch */
      }
      unlinkSync(aside);
      return 'changed';
    }
    unlinkSync(aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw fsError(e, 'remove the stale lock file (moved aside as)', aside);
  }
  return 'cleared';
}

/**
 * Judges the one lock file at `path` (e.g. a worktree's index.lock that a
 * step found in its way) and removes it when it is stale. Returns what it did
 * and the judgement.
 */
export function clearIfStale(commonDir: string, path: string): { outcome: ClearOutcome; lock: GitLockFile | null } {
  const [lock] = gitLockFiles(commonDir, [path]);
  if (!lock) return { outcome: 'gone', lock: null };
  return { outcome: removeStaleGitLock(lock), lock };
}

/** Appends the `git_lock_cleared` event of a stale lock file that `by` removed, to the runtime at `root`. */
export function recordClearedGitLock(root: string, lock: GitLockFile, by: string): void {
  appendEvent(root, 'git_lock_cleared', { lock: lock.name, path: lock.path, ageMs: Math.round(lock.ageMs), by });
}

/**
 * After a git step failed: if its message names one of this repository's
 * lock files (see lockFileInError) and that file is stale, removes it and
 * records the event. True means the step can run again.
 */
export function clearStaleLockNamedIn(stderr: string, commonDir: string, root: string, by: string): boolean {
  const path = lockFileInError(stderr, commonDir);
  if (!path) return false;
  const { outcome, lock } = clearIfStale(commonDir, path);
  if (outcome !== 'cleared' || !lock) return false;
  recordClearedGitLock(root, lock, by);
  return true;
}

export interface GitLocksReport {
  /** The common git dir looked in. */
  commonDir: string;
  /** Every lock file found, as judged (removed ones included, with state `stale`). */
  locks: GitLockFile[];
  /** The ones removed (with `clear`). */
  cleared: GitLockFile[];
  /** Stale ones still there: found without `clear`, or changed under us while clearing. */
  stale: GitLockFile[];
}

/**
 * Git's lock files in the repository at `cwd`, judged; with `clear`, the
 * stale ones removed (each with a `git_lock_cleared` event).
 */
export function checkGitLocks(opts: { cwd?: string; clear?: boolean; by?: string } = {}): GitLocksReport {
  // A bare repository too: a server's refs can be left locked the same way.
  const rt = openRuntime({ cwd: opts.cwd, allowBare: true });
  const commonDir = rt.repo?.commonDir;
  if (!commonDir) throw new LockstepError('NOT_A_REPO', `${opts.cwd ?? process.cwd()} is not inside a git repository`);
  const locks = gitLockFiles(commonDir);
  const cleared: GitLockFile[] = [];
  const stale: GitLockFile[] = [];
  for (const l of locks) {
    if (l.state !== 'stale') continue;
    const outcome = opts.clear ? removeStaleGitLock(l) : null;
    if (outcome === 'cleared') {
      cleared.push(l);
      recordClearedGitLock(rt.root, l, opts.by ?? 'lockstep git-locks --clear');
    } else if (outcome !== 'gone') stale.push(l);
  }
  return { commonDir, locks, cleared, stale };
}

/**
 * The lock file a failed git step names ("Unable to create '…/HEAD.lock':
 * File exists"), when it is one of this repository's (inside `commonDir`,
 * ending in `.lock`); null otherwise. The path comes from git's message, so
 * nothing else is ever taken from it.
 */
export function lockFileInError(stderr: string, commonDir: string): string | null {
  const m = /Unable to create '([^'\n]+\.lock)': File exists/.exec(stderr);
  if (!m) return null;
  const path = resolve(m[1]!);
  const dir = canonical(commonDir);
  // Where it really is (its directory resolved): a link under .git (refs/heads -> /elsewhere) must not take us outside.
  return within(dir, canonical(path)) ? path : null;
}
