/**
 * The commit-msg hook, node side (the sh hook does the same without node;
 * this one runs when the inflight state could not be written for sh, and
 * for `lockstep hook commit-msg` from a husky line without the sh scripts).
 *
 * Trailers go on in commit-msg, after the editor, not in
 * prepare-commit-msg: a message emptied in the editor must still abort the
 * commit, and git aborts only a message with nothing in it — trailers added
 * before the editor would be something. So: a message with no text of its
 * own is left alone (git aborts it); any other gets the trailers.
 */
import { readFileSync } from 'node:fs';
import { startStamp } from '../core/process.js';
import { createGit } from '../git/git.js';
import { decodeGlobs, trailerArgs } from '../tasks/trailers.js';
import { findGitProcess } from './git-process.js';
import { hookRuntime } from './hook-runtime.js';
import { readInflight } from './inflight.js';
import { hooksSkipped, type HookOptions } from './pre-commit.js';

const SCISSORS = /^# -+ >8 -+$/;

/** True when the message has text besides comments, the verbose diff and lockstep's own trailers. */
export function messageHasText(message: string): boolean {
  for (const line of message.split('\n')) {
    if (SCISSORS.test(line)) return false;
    if (line.startsWith('#')) continue;
    if (/^Lockstep-[A-Za-z-]+:/.test(line)) continue;
    if (/\S/.test(line)) return true;
  }
  return false;
}

export async function runCommitMsg(opts: HookOptions & { messageFile: string }): Promise<{ added: boolean }> {
  const env = opts.env ?? process.env;
  if (hooksSkipped(env)) return { added: false };
  const gitPid = opts.gitPid ?? findGitProcess();
  if (gitPid === null) return { added: false };
  const rt = hookRuntime(opts.cwd, env);
  const found = readInflight(rt.root, gitPid);
  if (!found || found.state.gitStart !== (startStamp(gitPid) ?? '') || !found.state.trailerTask) return { added: false };
  if (!messageHasText(readFileSync(opts.messageFile, 'utf8'))) return { added: false };
  const s = found.state;
  const args = trailerArgs({ task: s.trailerTask, scope: decodeGlobs(s.trailerScope) ?? [], shared: decodeGlobs(s.trailerShared) ?? [], fence: s.trailerFence });
  await createGit(rt.repo?.topLevel ?? opts.cwd).exec(['interpret-trailers', '--in-place', '--if-exists', 'replace', ...args, opts.messageFile]);
  return { added: true };
}
