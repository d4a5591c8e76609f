/** The remote a remote-backend command talks to when none is named. */
export declare const DEFAULT_REMOTE = "origin";
export declare const REF_ROOT = "refs/lockstep/";
export declare const lockRef: (name: string) => string;
export declare const fenceRef: (name: string) => string;
export declare const allocPrefix: (rootHash: string) => string;
export declare const allocHeadRef: (rootHash: string) => string;
export declare const allocNumberRef: (rootHash: string, n: number) => string;
export declare const claimPrefix: (queue: string) => string;
export declare const claimRef: (queue: string, item: string) => string;
export declare function validateRemoteLockName(name: string): string;
/** Remote names as git allows them in practice (no option-like or path-like names). */
export declare function validateRemoteName(name: string): string;
/**
 * The allocation root's id on the remote: a hash of its path relative to the
 * repository's top level, so every clone (wherever it is checked out) names
 * the same root the same way.
 */
export declare function rootHash(relativeRoot: string): string;
