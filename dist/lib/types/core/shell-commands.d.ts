export interface SimpleCommand {
    /** Its words after quote removal, with leading assignments, reserved words and wrappers stripped. */
    argv: string[];
    /** `argv[0]` without its directory: `git` for `/usr/bin/git`. */
    name: string;
    /** The simple command as written, wrappers and assignments included. */
    text: string;
    /** The directory it runs in when a `cd` before it (or `env -C`) says so, relative to where the line starts. */
    cwd?: string;
}
/** Substitutions, subshells and nested shell strings deeper than this are not looked into. */
export declare const MAX_DEPTH = 100;
/** The simple commands `command` runs, in the order the shell starts them. */
export declare function parseCommands(command: string): SimpleCommand[];
