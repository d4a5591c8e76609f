/**
 * Which backend coordinates locks, allocation and claims:
 *
 *   file            the default: state in <git common dir>/lockstep/ (one machine)
 *   remote[:NAME]   refs on the git remote NAME (default origin): many machines
 *
 * Chosen by, first match wins: the `--backend` flag, the LOCKSTEP_BACKEND
 * environment variable, the git config `lockstep.backend`, else `file`.
 */
import { gitConfigMayMention } from '../git/config-files.js';
import { createGit } from '../git/git.js';
import { LockstepError } from '../core/errors.js';
import { DEFAULT_REMOTE } from './refs.js';
import { validateRemoteName } from './refs.js';
import { quoteInput } from '../core/outside-text.js';

export type Backend = { kind: 'file' } | { kind: 'remote'; remote: string };

export const BACKEND_ENV = 'LOCKSTEP_BACKEND';
export const BACKEND_CONFIG = 'lockstep.backend';
/** For commands' help texts. */
export const BACKEND_HELP = `file (default) or remote[:NAME] to coordinate through the git remote NAME (default ${DEFAULT_REMOTE}); default from $${BACKEND_ENV} or git config ${BACKEND_CONFIG}`;

export function parseBackend(spec: string, source = '--backend'): Backend {
  const s = spec.trim();
  if (s === 'file') return { kind: 'file' };
  if (s === 'remote') return { kind: 'remote', remote: DEFAULT_REMOTE };
  if (s.startsWith('remote:')) {
    const name = s.slice('remote:'.length);
    try {
      return { kind: 'remote', remote: validateRemoteName(name) };
    } catch (e) {
      throw new LockstepError('BAD_INPUT', `${source}: ${(e as Error).message}`, { hint: 'list the remotes of this clone: git remote -v' });
    }
  }
  throw new LockstepError('BAD_INPUT', `${source} takes "file", "remote" or "remote:NAME", not ${quoteInput(spec)}`);
}

export interface SelectBackendOptions {
  /** The directory the command runs in (for the git config lookup). */
  cwd?: string;
  /** The value of `--backend`, if given. */
  flag?: string;
  env?: NodeJS.ProcessEnv;
}

export function selectBackend(opts: SelectBackendOptions = {}): Backend {
  if (opts.flag !== undefined) return parseBackend(opts.flag, '--backend');
  const env = opts.env ?? process.env;
  const fromEnv = env[BACKEND_ENV];
  if (fromEnv) return parseBackend(fromEnv, BACKEND_ENV);
  const cwd = opts.cwd ?? process.cwd();
  // Most repositories never mention lockstep in their configuration: then there is no git to run.
  if (!gitConfigMayMention(cwd, 'lockstep')) return { kind: 'file' };
  const r = createGit(cwd).runSync(['config', '--get', BACKEND_CONFIG], { readOnly: true });
  if (r.code === 0 && r.stdout.trim()) return parseBackend(r.stdout.trim(), `git config ${BACKEND_CONFIG}`);
  return { kind: 'file' };
}

/** The remote a `lockstep remote …` command talks to: --remote, else the configured remote backend's, else origin. */
export function selectRemote(opts: SelectBackendOptions & { remote?: string }): string {
  if (opts.remote !== undefined) return validateRemoteName(opts.remote);
  try {
    const b = selectBackend({ cwd: opts.cwd, env: opts.env });
    if (b.kind === 'remote') return b.remote;
  } catch {
    /* a broken backend setting is reported by the commands that use it */
  }
  return DEFAULT_REMOTE;
}
