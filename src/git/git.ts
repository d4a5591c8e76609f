/**
 * The one wrapper around git. Everything in lockstep that runs git goes
 * through `Git` (an interface, so pure logic can be tested with a small
 * object of fakes) built by `createGit`.
 *
 * It calls the git binary directly with argument arrays (never a shell
 * string). We do not use simple-git here: hooks run on every commit and pay
 * for every millisecond of start-up, and simple-git adds module load time and
 * a 50 ms exit timer for nothing we need (see docs/design.md).
 */
import { execFile, spawnSync } from 'node:child_process';
import { LockstepError } from '../core/errors.js';
import { badCwdError } from '../core/spawn-error.js';
import { timerDelay } from '../core/duration.js';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Set when git was killed because `timeoutMs` passed. */
  timedOut?: boolean;
}

export interface GitRunOptions {
  /** Extra environment (merged over process.env). */
  env?: Record<string, string | undefined>;
  /** Data for stdin. */
  input?: string;
  /** Read-only calls set GIT_OPTIONAL_LOCKS=0 so lockstep never takes git's own locks for a read. */
  readOnly?: boolean;
  /** Kill git (SIGKILL) after this many ms; the result then has `timedOut: true`. */
  timeoutMs?: number;
}

export interface RepoPaths {
  /** Absolute path of the common git dir (shared by all worktrees). */
  commonDir: string;
  /** Absolute path of this worktree's git dir. */
  gitDir: string;
  /** Absolute path of this worktree's top level, or null in a bare repository. */
  topLevel: string | null;
  bare: boolean;
}

export interface Git {
  readonly cwd: string;
  /** Runs git; never throws for a non-zero exit (see `code`). */
  run(args: string[], opts?: GitRunOptions): Promise<GitResult>;
  runSync(args: string[], opts?: GitRunOptions): GitResult;
  /** Runs git and throws GIT_FAILED with git's own message on a non-zero exit. */
  exec(args: string[], opts?: GitRunOptions): Promise<string>;
  execSync(args: string[], opts?: GitRunOptions): string;
  /** Where this repository keeps its git dirs; throws NOT_A_REPO outside a repository. */
  repoPaths(): RepoPaths;
}

const MAX_BUFFER = 256 * 1024 * 1024;

export function envFor(opts: GitRunOptions | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...(opts?.env ?? {}) };
  if (opts?.readOnly) env.GIT_OPTIONAL_LOCKS = '0';
  // Never let git stop to ask a question (credential prompts, editors) inside lockstep.
  env.GIT_TERMINAL_PROMPT = '0';
  return env;
}

/** Why git did not start: the directory it was to run in (see spawn-error.ts), or git itself missing. */
export function spawnFailed(e: unknown, cwd: string): unknown {
  const badCwd = badCwdError('git', cwd);
  if (badCwd) return badCwd;
  if ((e as NodeJS.ErrnoException)?.code === 'ENOENT') {
    return new LockstepError('GIT_MISSING', 'git was not found on PATH', { hint: 'install git (https://git-scm.com) and try again' });
  }
  return e;
}

function failure(args: string[], r: GitResult): LockstepError {
  const msg = r.stderr.trim() || r.stdout.trim() || `exit ${r.code}`;
  return new LockstepError('GIT_FAILED', `git ${args.join(' ')} failed: ${msg}`, { detail: { args, code: r.code, stderr: r.stderr } });
}

export function createGit(cwd: string): Git {
  const git: Git = {
    cwd,
    run(args, opts) {
      return new Promise((resolve, reject) => {
        const timeout = opts?.timeoutMs && opts.timeoutMs > 0 ? timerDelay(opts.timeoutMs) : 0;
        const done = (err: Error | null, stdout: string, stderr: string) => {
          if (err && typeof (err as NodeJS.ErrnoException).code === 'string') {
            reject(spawnFailed(err, cwd));
            return;
          }
          const code = err ? ((err as { code?: number }).code ?? 1) : 0;
          const timedOut = Boolean(err && timeout && (err as { killed?: boolean }).killed);
          resolve({ code: typeof code === 'number' ? code : 1, stdout, stderr, ...(timedOut ? { timedOut } : {}) });
        };
        let child;
        try {
          child = execFile('git', args, { cwd, env: envFor(opts), maxBuffer: MAX_BUFFER, encoding: 'utf8', timeout, killSignal: 'SIGKILL' }, done);
        } catch (e) {
          // spawn throws, rather than reports, some errors of a bad cwd (ENOTDIR, ENAMETOOLONG)
          reject(spawnFailed(e, cwd));
          return;
        }
        if (opts?.input !== undefined) child.stdin?.end(opts.input);
        else child.stdin?.end();
      });
    },
    runSync(args, opts) {
      const r = spawnSync('git', args, { cwd, env: envFor(opts), maxBuffer: MAX_BUFFER, encoding: 'utf8', input: opts?.input });
      if (r.error) throw spawnFailed(r.error, cwd);
      return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
    },
    async exec(args, opts) {
      const r = await git.run(args, opts);
      if (r.code !== 0) throw failure(args, r);
      return r.stdout;
    },
    execSync(args, opts) {
      const r = git.runSync(args, opts);
      if (r.code !== 0) throw failure(args, r);
      return r.stdout;
    },
    repoPaths() {
      const r = git.runSync(['rev-parse', '--path-format=absolute', '--git-common-dir', '--git-dir', '--is-bare-repository'], { readOnly: true });
      if (r.code !== 0) {
        throw new LockstepError('NOT_A_REPO', `${cwd} is not inside a git repository`, {
          hint: 'run lockstep from a git checkout, or create one with `git init`',
          detail: { stderr: r.stderr.trim() },
        });
      }
      const [commonDir, gitDir, bareFlag] = r.stdout.split('\n');
      const bare = bareFlag === 'true';
      let topLevel: string | null = null;
      if (!bare) {
        const t = git.runSync(['rev-parse', '--show-toplevel'], { readOnly: true });
        topLevel = t.code === 0 ? t.stdout.trim() || null : null;
      }
      return { commonDir: commonDir!, gitDir: gitDir!, topLevel, bare };
    },
  };
  return git;
}
