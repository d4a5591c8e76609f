/**
 * `git add -A` / `git add .` / `git add -u` / `git commit -a` in an agent
 * step stage whatever is in the worktree — including the files another task
 * is editing at that moment — so its work lands in the wrong commit.
 */
import type { Rule, RuleHit } from '../rule.js';
import { commandPositions, wordsFrom } from '../shell-text.js';

/** Global options of git that take a separate value. */
const VALUED_GLOBALS = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env']);
/** Short options of `git commit` that take a value (the rest of a cluster is that value). */
const COMMIT_VALUED = new Set(['m', 'F', 'c', 'C', 't', 'u', 'S']);
const BROAD_PATHSPECS = new Set(['.', './', ':/', ':/:', '*', ':(top)']);

function subcommand(words: string[]): { sub: string; args: string[] } | null {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (VALUED_GLOBALS.has(w)) i++;
    else if (!w.startsWith('-')) return { sub: w, args: words.slice(i + 1) };
  }
  return null;
}

function broadAdd(args: string[]): string | null {
  const paths: string[] = [];
  let all: string | null = null;
  let afterDashes = false;
  for (const a of args) {
    if (!afterDashes && a === '--') afterDashes = true;
    else if (!afterDashes && a.startsWith('-')) {
      if (a === '--all' || a === '--no-ignore-removal' || a === '--update' || (/^-[A-Za-z]+$/.test(a) && /[Au]/.test(a))) all = a;
    } else paths.push(a);
  }
  const broad = paths.find((p) => BROAD_PATHSPECS.has(p));
  if (broad) return `git add ${broad}`;
  if (all && paths.length === 0) return `git add ${all}`;
  return null;
}

function broadCommit(args: string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return null;
    if (a === '--all') return 'git commit --all';
    if (/^-[A-Za-z]+$/.test(a)) {
      for (const ch of a.slice(1)) {
        if (ch === 'a') return `git commit ${a}`;
        if (COMMIT_VALUED.has(ch)) break;
      }
      if (a.length === 2 && COMMIT_VALUED.has(a[1]!) && a !== '-u' && a !== '-S') i++; // skip the option's value word
    }
  }
  return null;
}

export const gitAddAll: Rule = {
  id: 'git-add-all',
  summary: 'stages everything in the worktree, including files other tasks are editing',
  fix: 'stage and commit exactly your own paths: lockstep commit --task ID -m MSG -- PATH…',
  check(lines) {
    const hits: RuleHit[] = [];
    for (const l of lines) {
      for (const pos of commandPositions(l.masked, 'git')) {
        const s = subcommand(wordsFrom(l.code, pos).words);
        if (!s) continue;
        const what = s.sub === 'add' ? broadAdd(s.args) : s.sub === 'commit' ? broadCommit(s.args) : null;
        if (!what) continue;
        hits.push({
          line: l.line,
          message: s.sub === 'add' ? `\`${what}\` stages every change in the worktree, other tasks' files included` : `\`${what}\` commits every modified tracked file, other tasks' edits included`,
        });
      }
    }
    return hits;
  },
};
