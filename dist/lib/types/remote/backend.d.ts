export type Backend = {
    kind: 'file';
} | {
    kind: 'remote';
    remote: string;
};
export declare const BACKEND_ENV = "LOCKSTEP_BACKEND";
export declare const BACKEND_CONFIG = "lockstep.backend";
/** For commands' help texts. */
export declare const BACKEND_HELP = "file (default) or remote[:NAME] to coordinate through the git remote NAME (default origin); default from $LOCKSTEP_BACKEND or git config lockstep.backend";
export declare function parseBackend(spec: string, source?: string): Backend;
export interface SelectBackendOptions {
    /** The directory the command runs in (for the git config lookup). */
    cwd?: string;
    /** The value of `--backend`, if given. */
    flag?: string;
    env?: NodeJS.ProcessEnv;
}
export declare function selectBackend(opts?: SelectBackendOptions): Backend;
/** The remote a `lockstep remote …` command talks to: --remote, else the configured remote backend's, else origin. */
export declare function selectRemote(opts: SelectBackendOptions & {
    remote?: string;
}): string;
