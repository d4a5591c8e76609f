/**
 * `rm -f .git/index.lock` (what git's own message suggests, and what agents
 * do when a commit fails on it) removes the lock whether or not a git process
 * is still working under it. With several agents in one repository one
 * usually is, and its operation then breaks: its index or ref update is lost.
 */
import type { Rule, RuleHit } from '../rule.js';
import { commandPositions, wordsFrom } from '../shell-text.js';

/** Git's lock files: index.lock, HEAD.lock, packed-refs.lock, config.lock, …, and any *.lock inside a git dir. */
const GIT_LOCK = /(^|\/)(index|HEAD|ORIG_HEAD|FETCH_HEAD|MERGE_HEAD|packed-refs|config|shallow)\.lock$|(^|\/)\.git\/.*\.lock$|git-dir\)\/.*\.lock$|GIT_DIR\}?\/.*\.lock$/;

export const removeGitLock: Rule = {
  id: 'remove-git-lock',
  summary: "removes git's lock file whether or not a git process still works under it, breaking that operation",
  fix: 'lockstep git-locks --clear (removes only a lock file no live git process can hold)',
  check(lines) {
    const hits: RuleHit[] = [];
    for (const l of lines) {
      for (const cmd of ['rm', 'unlink']) {
        for (const pos of commandPositions(l.masked, cmd)) {
          const target = wordsFrom(l.code, pos).words.find((w) => !w.startsWith('-') && GIT_LOCK.test(w));
          if (target) hits.push({ line: l.line, message: `\`${cmd} ${target}\` removes git's lock even while a git process holds it` });
        }
      }
    }
    return hits;
  },
};
