import type { LockData } from '../core/lock.js';
export interface HighestHint {
    v: 1;
    highest: number;
    dev: string;
    ino: string;
    mtimeNs: string;
    ctimeNs: string;
    nlink: string;
}
/** The hint inside a lock's release data, or null when there is none or it is malformed. */
export declare function hintFromData(data: LockData | null | undefined): HighestHint | null;
/** The highest number in `realRoot`: from the hint when the directory is unchanged since it was taken, else by scanning. */
export declare function highestWithHint(realRoot: string, hint: HighestHint | null): {
    highest: number;
    fromHint: boolean;
};
/**
 * Called under the lock after the mkdir of `highest`: the release data that
 * hands it to the next allocation. Null when the root cannot be stat'ed (the
 * next allocation then scans).
 */
export declare function hintData(realRoot: string, highest: number): LockData | null;
