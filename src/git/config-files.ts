/**
 * Whether git's configuration could mention a word, answered by reading the
 * files git would read instead of running `git config` (a process spawn on
 * every CLI call that looks up `lockstep.backend`).
 *
 * The answer is only ever "certainly not" or "maybe": "maybe" sends the caller
 * to git for the real value. It is "certainly not" only when every file git
 * could read — the system file (at /etc and under the prefix of the git found
 * on PATH), the global files, the repository's config and config.worktree —
 * exists or not, is readable, has no include or includeIf, and does not
 * contain the word in any letter case; and no environment variable points git
 * at other configuration (GIT_DIR, GIT_CONFIG_GLOBAL, GIT_CONFIG_COUNT, …).
 * Anything it reads beyond what git would (a checkout git would not discover,
 * a system file this git does not use) can only turn the answer into "maybe".
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { findCheckout } from './discover.js';

/** Environment variables that change which configuration git reads. */
const CONFIG_ENV = ['GIT_DIR', 'GIT_COMMON_DIR', 'GIT_CONFIG', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_COUNT', 'GIT_CONFIG_PARAMETERS'];

const INCLUDE = /^\s*\[\s*include/im;

/** The system config files a git on PATH may use: /etc/gitconfig and <prefix>/etc/gitconfig. */
function systemFiles(env: NodeJS.ProcessEnv): string[] {
  const files = ['/etc/gitconfig'];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      // (Most PATH entries have no git: no exception built for each of them.)
      if (statSync(join(dir, 'git'), { throwIfNoEntry: false })?.isFile()) {
        files.push(join(dirname(resolve(dir)), 'etc', 'gitconfig'));
        break;
      }
    } catch {
      /* not here */
    }
  }
  return files;
}

/** false when no configuration git reads in `cwd` can mention `word`; true when it may. */
export function gitConfigMayMention(cwd: string, word: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (process.platform === 'win32') return true;
  if (CONFIG_ENV.some((k) => env[k] !== undefined)) return true;
  const files = systemFiles(env);
  const home = env.HOME;
  if (home) files.push(join(home, '.gitconfig'));
  const xdg = env.XDG_CONFIG_HOME || (home ? join(home, '.config') : '');
  if (xdg) files.push(join(xdg, 'git', 'config'));
  let real: string;
  try {
    real = realpathSync.native(cwd);
  } catch {
    return true;
  }
  const checkout = findCheckout(real);
  if (checkout) files.push(join(checkout.commonDir, 'config'), join(checkout.gitDir, 'config.worktree'));
  const needle = word.toLowerCase();
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') continue;
      return true; // unreadable: git may still read it (or fail); let git answer
    }
    if (INCLUDE.test(text) || text.toLowerCase().includes(needle)) return true;
  }
  return false;
}
