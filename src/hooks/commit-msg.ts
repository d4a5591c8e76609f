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
import { readFileSync, writeFileSync } from 'node:fs';
import { startStamp } from '../core/process.js';
import { createGit } from '../git/git.js';
import { withoutLockstepTrailers } from '../tasks/trailers.js';
import { findGitProcess } from './git-process.js';
import { hookRuntime } from './hook-runtime.js';
import { readInflight, readInflightTrailers } from './inflight.js';
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
  const message = readFileSync(opts.messageFile, 'utf8');
  if (!messageHasText(message)) return { added: false };
  const lines = readInflightTrailers(rt.root, gitPid);
  if (lines.length === 0) return { added: false };
  // Old lockstep trailers out (an amend), then the new ones in: several share a key, so --if-exists replace would keep one.
  writeFileSync(opts.messageFile, withoutLockstepTrailers(message));
  await createGit(rt.repo?.topLevel ?? opts.cwd).exec(['interpret-trailers', '--in-place', '--if-exists', 'add', '--if-missing', 'add', ...lines.flatMap((l) => ['--trailer', l]), opts.messageFile]);
  return { added: true };
}
