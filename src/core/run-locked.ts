/**
 * Runs a command holding a lock for its whole life, like flock(1).
 *
 * The child is registered as an extra owner of the lock, so if this process
 * is SIGKILLed the lock stays held exactly while the child still runs (as
 * with flock, whose descriptor the child inherits) and is free the moment
 * both are gone: never blocking others after the work is over, never
 * releasing it while the work is still going.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { acquireLock, releaseLock, tokenEnvFor, updateLock, type AcquireOptions, type LockHandle } from './lock.js';
import { LockstepError, isLockstepError } from './errors.js';
import { spawnFailureMessage } from './spawn-error.js';
import { timerDelay } from './duration.js';

export interface RunLockedOptions extends Omit<AcquireOptions, 'ownerPid' | 'command'> {
  argv: string[];
  /** Extra environment for the child. */
  childEnv?: Record<string, string>;
  /** stdio for the child (default inherit). */
  stdio?: 'inherit' | 'ignore' | 'pipe';
}

export interface RunLockedResult {
  exitCode: number;
  signal: NodeJS.Signals | null;
  token: number;
  waitedMs: number;
  heldMs: number;
  /** Set when the lock was lost while the command ran (the command's work may have raced). */
  releaseError: LockstepError | null;
  /** Why the command could not be started (exit code 127 or 126), or null. */
  failedToStart: string | null;
}

const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const GATE = 'IFS= read -r _ <&3 || exit 125; exec 3<&-; exec "$@"';

/** The path `cmd` resolves to through PATH (or as a path), or null. */
export function findExecutable(cmd: string, pathEnv: string, cwd: string): string | null {
  const candidates = cmd.includes('/') ? [resolve(cwd, cmd)] : pathEnv.split(delimiter).filter(Boolean).map((d) => join(d, cmd));
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      if (statSync(c).isFile()) return c;
    } catch {
      /* not here */
    }
  }
  return null;
}

export async function runLocked(opts: RunLockedOptions): Promise<RunLockedResult> {
  if (opts.argv.length === 0) throw new LockstepError('BAD_INPUT', 'no command to run');
  const handle: LockHandle = await acquireLock({ ...opts, command: opts.argv.join(' ').slice(0, 500) });
  const started = Date.now();
  const env: NodeJS.ProcessEnv = { ...process.env, ...(opts.childEnv ?? {}), LOCKSTEP_LOCK_TOKEN: tokenEnvFor(handle) };
  if (opts.task) env.LOCKSTEP_TASK = opts.task;
  if (opts.agent) env.LOCKSTEP_AGENT = opts.agent;

  const missing = findExecutable(opts.argv[0]!, env.PATH ?? '', opts.cwd ?? process.cwd()) === null;
  if (missing) {
    releaseLock(handle);
    return { exitCode: 127, signal: null, token: handle.token, waitedMs: handle.waitedMs, heldMs: 0, releaseError: null, failedToStart: `command not found: ${opts.argv[0]}` };
  }
  let spawnError: Error | null = null;
  // The command starts only after it is registered as an owner of the lock:
  // a gate shell waits for one line on fd 3, then execs the command (same pid).
  // If we are killed before the line is written, the pipe closes and the
  // command never runs — so there is no moment where it runs unregistered.
  const std = opts.stdio ?? 'inherit';
  let child: ChildProcess;
  try {
    child = spawn('sh', ['-c', GATE, 'lockstep-run-locked', ...opts.argv], { cwd: opts.cwd, env, stdio: [std, std, std, 'pipe'] });
  } catch (e) {
    // spawn throws, rather than reports, some errors of a bad cwd (ENOTDIR, ENAMETOOLONG)
    releaseLock(handle);
    return { exitCode: 126, signal: null, token: handle.token, waitedMs: handle.waitedMs, heldMs: 0, releaseError: null, failedToStart: spawnFailureMessage(opts.argv[0]!, opts.cwd, e) };
  }
  const gate = child.stdio[3] as import('node:stream').Writable | null;
  gate?.on('error', () => undefined);
  const forward = (sig: NodeJS.Signals) => () => {
    child.kill(sig);
  };
  const handlers = FORWARDED.map((sig) => [sig, forward(sig)] as const);
  for (const [sig, h] of handlers) process.on(sig, h);
  let renewTimer: NodeJS.Timeout | null = null;
  try {
    if (child.pid !== undefined) {
      try {
        updateLock(handle, { addOwners: [child.pid] });
        gate?.end('go\n');
      } catch {
        gate?.destroy(); // lost the lock before the command started: it never runs
      }
      const every = Math.max(1000, Math.floor(handle.record.leaseMs / 3));
      renewTimer = setInterval(() => {
        try {
          updateLock(handle, { renew: true });
        } catch {
          /* reported at release */
        }
      }, timerDelay(every));
      renewTimer.unref();
    }
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.once('error', (e) => {
        spawnError = e;
        resolve({ code: null, signal: null });
      });
      child.once('close', (c, s) => resolve({ code: c, signal: s }));
    });
    let exitCode = code ?? (signal ? 128 + signalNumber(signal) : 1);
    if (spawnError) {
      const enoent = (spawnError as NodeJS.ErrnoException).code === 'ENOENT';
      exitCode = enoent ? 127 : 126;
    }
    let releaseError: LockstepError | null = null;
    try {
      releaseLock(handle);
    } catch (e) {
      if (isLockstepError(e)) releaseError = e;
      else throw e;
    }
    const failedToStart = spawnError ? spawnFailureMessage(opts.argv[0]!, opts.cwd, spawnError) : null;
    return { exitCode, signal, token: handle.token, waitedMs: handle.waitedMs, heldMs: Date.now() - started, releaseError, failedToStart };
  } finally {
    if (renewTimer) clearInterval(renewTimer);
    for (const [sig, h] of handlers) process.off(sig, h);
  }
}

function signalNumber(sig: NodeJS.Signals): number {
  const table: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15, SIGPIPE: 13, SIGABRT: 6, SIGSEGV: 11 };
  return table[sig] ?? 1;
}
