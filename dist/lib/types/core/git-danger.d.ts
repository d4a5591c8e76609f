/**
 * Which commands of a shell command line would touch other agents' work in
 * a shared worktree: git invocations that stage, commit, stash, reset,
 * overwrite or delete every change rather than the caller's own paths, and
 * the removal of git's lock files. One implementation for the linter's rules
 * and the agent hooks (PreToolUse): the line is parsed (shell-commands), so
 * `echo "git add -A"`, a commit message, a comment or a heredoc body is never
 * a finding, and `sh -c '…'`, `$(…)`, `cd x && …`, `env`/`sudo`/`timeout`
 * wrappers are seen through.
 *
 * Decisions: a dry run (`-n`/`--dry-run`) and an interactive form
 * (`-p`/`-i`/`-e`) are harmless; `--pathspec-from-file` is not judged. A
 * pathspec covers the whole tree when it is `.`, `*`, `:/`, `:(top)`, `..`,
 * `$(git rev-parse --show-toplevel)` or only exclusions (`:!x`); a named
 * path or directory (`git add -A src/`, `git clean -f build/`) is the
 * caller's to name. `git reset --merge`/`--keep` are not flagged: both
 * refuse to overwrite uncommitted changes. `git checkout -f` is flagged
 * unless the paths after `--` are narrow. Every stash that writes the stash
 * list is flagged (the list is shared by all worktrees of a repository); only
 * `list`, `show` and `create` are not. Option abbreviations (`--har`) are not
 * recognised.
 */
import { type SimpleCommand } from './shell-commands.js';
export type DangerKind = 'add-all' | 'commit-all' | 'stash' | 'reset-hard' | 'checkout-all' | 'clean-force' | 'remove-git-lock';
export interface DangerousCommand {
    kind: DangerKind;
    /** The offending simple command as written. */
    text: string;
    /** The directory it runs in, when a `cd` before it or `git -C` says so (relative to where the line starts). */
    cwd?: string;
}
export interface DangerAdvice {
    /** What the command does to other tasks' work; reads after the command: "`git add -A` stages …". */
    reason: string;
    /** What to run instead. */
    instead: string;
}
export declare const DANGER_ADVICE: Readonly<Record<DangerKind, DangerAdvice>>;
/** Every dangerous git (or lock-removal) command `command` runs, in the order the shell starts them. */
export declare function findDangerousGit(command: string): DangerousCommand[];
/** The danger of one simple command, or null. */
export declare function classifyCommand(c: SimpleCommand): DangerousCommand | null;
/** Git's lock files: index.lock, HEAD.lock, packed-refs.lock, config.lock, …, and any *.lock inside a git dir. */
export declare const GIT_LOCK: RegExp;
