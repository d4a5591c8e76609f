/**
 * Copies the index at `index` to `to` (which must not exist) with a
 * modification time no later than the original's. Returns false, creating
 * nothing, when there is no index yet (before the first `git add`).
 */
export declare function copyIndexForTemp(index: string, to: string): boolean;
