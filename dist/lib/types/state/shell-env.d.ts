export declare const SHELL_NAME: RegExp;
export declare function isReservedKey(key: string): boolean;
export declare function validateKey(key: string): string;
/** `it's` → `'it'\''s'`: one single-quoted shell word whatever the text holds. */
export declare function shellQuote(value: string): string;
/** `export KEY='value'` lines, keys sorted, for `eval "$(lockstep state env ID)"`. */
export declare function exportLines(values: Record<string, string>): string[];
