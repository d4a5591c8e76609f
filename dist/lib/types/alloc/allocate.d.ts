import { type WaitInfo } from '../core/lock.js';
export declare const DEFAULT_WIDTH = 3;
export declare const MAX_WIDTH = 12;
export interface AllocateOptions {
    /** The allocation root (created when missing); relative paths resolve against `cwd`. */
    root: string;
    /** Free text; sanitized to `[a-z0-9_]`, at most 64 characters. */
    name: string;
    /** Minimum digits of the number (zero-padded); larger numbers widen. Default 3. */
    width?: number;
    /** Base for a relative `root` (default process.cwd()). */
    cwd?: string;
    /** How long to wait for the root's lock (default 60 s); LOCK_TIMEOUT after that. */
    timeoutMs?: number;
    onWait?: (w: WaitInfo) => void;
}
export interface Allocation {
    /** The number as printed, e.g. `042`. */
    topicNumber: string;
    /** Absolute path of the created directory. */
    topicPath: string;
    number: number;
    /** The sanitized name. */
    name: string;
    /** Fencing token of the lock the allocation was made under. */
    token: number;
}
/** Validates `root` and `width` (nothing touches the file system before this passes). */
export declare function resolveRoot(root: string, cwd?: string): string;
export declare function validateWidth(width: number): number;
export declare function allocate(opts: AllocateOptions): Promise<Allocation>;
