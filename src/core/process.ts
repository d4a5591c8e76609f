/**
 * Process identity and liveness: the one place that knows how to tell
 * whether the process that wrote an owner record is still the same process.
 *
 * A pid alone is not an identity (pids are reused), so every record carries
 * the pid's start time too. Linux reads it from /proc/<pid>/stat; macOS has
 * no /proc, so there it comes from `ps -o lstart=`. Both sit behind
 * `ProcessInspector` and both are tested (ps exists on Linux too).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';

export interface ProcessInspector {
  readonly kind: 'procfs' | 'ps';
  /** An opaque string naming this incarnation of `pid`, or null when no such process exists. */
  startTime(pid: number): string | null;
  /** The parent pid, or null when no such process exists. */
  parentPid(pid: number): number | null;
  /** The short command name (e.g. `git`), or null when no such process exists. */
  commandName(pid: number): string | null;
}

/**
 * Parses /proc/<pid>/stat; the command name may hold spaces and parentheses,
 * so split after the last ')'. `start` is field 22, the start time in clock
 * ticks since boot. Null for a process that does not exist or has exited.
 */
export function readProcStat(pid: number): { comm: string; ppid: number; start: string } | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const rest = text.slice(close + 2).split(' ');
  // rest[0] is field 3 (state); ppid is field 4, starttime field 22.
  // A zombie (Z) or dying (X) process has exited: it holds nothing, even though
  // its pid and start time linger until its parent (or init) reaps it.
  if (rest[0] === 'Z' || rest[0] === 'X') return null;
  const ppid = Number(rest[1]);
  const start = rest[19];
  if (!Number.isFinite(ppid) || start === undefined) return null;
  return { comm: text.slice(open + 1, close), ppid, start };
}

export const procfsInspector: ProcessInspector = {
  kind: 'procfs',
  startTime: (pid) => readProcStat(pid)?.start ?? null,
  parentPid: (pid) => readProcStat(pid)?.ppid ?? null,
  commandName: (pid) => readProcStat(pid)?.comm ?? null,
};

function ps(pid: number, field: string): string | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    const out = execFileSync('ps', ['-o', `${field}=`, '-p', String(pid)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, LC_ALL: 'C' },
    }).trim();
    return out === '' ? null : out;
  } catch {
    return null; // ps exits 1 when the pid does not exist
  }
}

/** macOS (and any system without /proc). `lstart` has one-second resolution. */
export const psInspector: ProcessInspector = {
  kind: 'ps',
  startTime: (pid) => ps(pid, 'lstart'),
  parentPid: (pid) => {
    const v = ps(pid, 'ppid');
    return v === null ? null : Number(v);
  },
  commandName: (pid) => {
    const v = ps(pid, 'comm');
    return v === null ? null : (v.split('/').pop() ?? v);
  },
};

let chosen: ProcessInspector | undefined;

let hasProcfs: boolean | undefined;

/** Whether this system has /proc (checked once: liveness checks ask on every call). */
function procfsAvailable(): boolean {
  return (hasProcfs ??= existsSync('/proc/self/stat'));
}

/** procfs where /proc exists, ps otherwise; `LOCKSTEP_PROCESS_INSPECTOR=ps|procfs` forces one. */
export function processInspector(): ProcessInspector {
  if (chosen) return chosen;
  const forced = process.env.LOCKSTEP_PROCESS_INSPECTOR;
  if (forced === 'ps') chosen = psInspector;
  else if (forced === 'procfs') chosen = procfsInspector;
  else chosen = procfsAvailable() ? procfsInspector : psInspector;
  return chosen;
}

/** True when a process with this pid exists (EPERM means it exists but is not ours). */
export function pidExists(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let bootIdCache: string | null | undefined;

/** Changes on every boot: a record from an earlier boot names processes that are all gone. */
export function bootId(): string | null {
  if (bootIdCache !== undefined) return bootIdCache;
  bootIdCache = null;
  try {
    bootIdCache = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    try {
      const out = execFileSync('sysctl', ['-n', 'kern.boottime'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      const m = /sec = (\d+)/.exec(out);
      bootIdCache = m ? `boottime-${m[1]}` : null;
    } catch {
      bootIdCache = null;
    }
  }
  return bootIdCache;
}

export interface ProcessIdentity {
  pid: number;
  pidStart: string | null;
  bootId: string | null;
  host: string;
  uid: number;
}

let euidCache: number | undefined;

/**
 * The effective uid, read once. (os.userInfo().uid is the same number, but
 * it reads /etc/passwd on every call and throws for a uid without an entry
 * there.) Records carry it for people to read; nothing decides on it.
 */
function effectiveUid(): number {
  if (euidCache === undefined) {
    euidCache = typeof process.geteuid === 'function' ? process.geteuid() : typeof process.getuid === 'function' ? process.getuid() : -1;
  }
  return euidCache;
}

/**
 * This process's start stamp, per inspector: it cannot change while we run,
 * and every lock acquire asks for it. Other pids are always read afresh (a pid
 * can die and be reused at any moment).
 */
const ownStartStamps = new Map<ProcessInspector, string>();

export function identityOf(pid: number, inspector: ProcessInspector = processInspector()): ProcessIdentity {
  let pidStart: string | null;
  if (pid === process.pid) {
    pidStart = ownStartStamps.get(inspector) ?? startStamp(pid, inspector);
    if (pidStart !== null) ownStartStamps.set(inspector, pidStart);
  } else {
    pidStart = startStamp(pid, inspector);
  }
  return { pid, pidStart, bootId: bootId(), host: hostId(), uid: effectiveUid() };
}

/**
 * A start time tagged with the inspector that read it (`procfs:…` or `ps:…`),
 * so a record written by one method is never compared with a reading of the other.
 */
export function startStamp(pid: number, inspector: ProcessInspector = processInspector()): string | null {
  const raw = inspector.startTime(pid);
  return raw === null ? null : `${inspector.kind}:${raw}`;
}

function inspectorFor(stamp: string, fallback: ProcessInspector): ProcessInspector {
  if (stamp.startsWith('procfs:')) return procfsAvailable() ? procfsInspector : fallback;
  if (stamp.startsWith('ps:')) return psInspector;
  return fallback;
}

let hostCache: string | undefined;
/** `LOCKSTEP_HOST_ID` overrides the host name (containers sharing a host name, tests of other hosts). */
export function hostId(): string {
  if (hostCache === undefined || process.env.LOCKSTEP_HOST_ID) {
    hostCache = process.env.LOCKSTEP_HOST_ID || hostname();
  }
  return hostCache;
}

export type Liveness =
  | { state: 'alive' }
  | { state: 'dead'; reason: string }
  | { state: 'remote'; reason: string };

/**
 * Is the process named by (pid, pidStart, bootId, host) still running?
 * `remote` means it runs on another host, where only its lease can tell.
 */
export function liveness(owner: { pid: number; pidStart: string | null; bootId: string | null; host: string }, inspector: ProcessInspector = processInspector()): Liveness {
  if (owner.host !== hostId()) return { state: 'remote', reason: `owner runs on host ${owner.host}` };
  const boot = bootId();
  if (owner.bootId && boot && owner.bootId !== boot) return { state: 'dead', reason: 'written before this machine last booted' };
  if (!pidExists(owner.pid)) return { state: 'dead', reason: `pid ${owner.pid} is not running` };
  if (owner.pidStart !== null) {
    const now = startStamp(owner.pid, inspectorFor(owner.pidStart, inspector));
    if (now === null) return { state: 'dead', reason: `pid ${owner.pid} is not running` };
    if (now !== owner.pidStart) return { state: 'dead', reason: `pid ${owner.pid} was reused by another process` };
  }
  return { state: 'alive' };
}
