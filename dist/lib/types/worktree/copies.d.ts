/** Validates and normalizes copy paths against the checkout they come from. */
export declare function validateCopies(sourceTop: string, paths: string[]): string[];
/** Copies each path from `sourceTop` to the same place under `destTop`, replacing what was there. */
export declare function applyCopies(sourceTop: string, destTop: string, rels: string[]): void;
/** True when `path` (relative to the worktree top, '/'-separated as git prints it) is one of the copies or inside one. */
export declare function isCopied(path: string, rels: string[]): boolean;
