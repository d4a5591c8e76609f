/** false when no configuration git reads in `cwd` can mention `word`; true when it may. */
export declare function gitConfigMayMention(cwd: string, word: string, env?: NodeJS.ProcessEnv): boolean;
