import type { GitResult } from '../git/git.js';
export declare function indexLocked(r: GitResult): boolean;
/** Runs a git step that takes the real index's lock, retrying while another git process holds index.lock (until `deadlineMs`). */
export declare function withIndexRetry(run: () => Promise<GitResult>, deadlineMs: number): Promise<GitResult>;
