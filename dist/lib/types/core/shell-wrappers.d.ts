/** One word of a simple command as the parser read it. */
export interface Word {
    /** After quote removal; a command substitution stays as written (`$(git rev-parse --git-dir)/index.lock`). */
    value: string;
    /** `value` with every substitution this shell runs replaced by `_`: what a nested shell given this word as its script sees. */
    expanded: string;
    /** Has quoting or an escape in it: then it is never a reserved word. */
    quoted: boolean;
    /** The word as written. */
    raw: string;
}
export interface Resolved {
    /** The command run, wrappers stripped; null when none runs (a bare assignment, `for x in …`, `command -v git`, a lone `fi`). */
    argv: string[] | null;
    /** Index of the first word after the leading reserved words: where the command as written starts. */
    first: number;
    /** The directory this command runs in (`env -C`/`sudo -D` change it for this command only). */
    cwd: string | undefined;
    /** The directory later commands of the same list run in (changed by `cd`, `pushd`, `popd`). */
    cwdAfter: string | undefined;
    /** Shell code this command runs from a string: `sh -c STRING`, `su -c STRING`, `eval WORDS`. */
    script?: string;
    /** A shell reading its script from stdin: a heredoc or here-string given to it is code. */
    stdinScript: boolean;
}
/** `argv[0]` without its directory: `git` for `/usr/bin/git`. */
export declare function commandName(word: string): string;
/** The directory after `cd target` from `cwd` (undefined: not known). */
export declare function changeDir(cwd: string | undefined, target: string | undefined): string | undefined;
/** The words read so far are `[reserved words] case WORD in`: case patterns follow. */
export declare function opensCase(words: Word[]): boolean;
/** What the simple command made of `words` runs, from directory `cwd`. */
export declare function resolveCommand(words: Word[], cwd: string | undefined): Resolved;
