export interface AllocationEntry {
    number: number;
    /** The entry's name, e.g. `042_auth_flow`. */
    entry: string;
    path: string;
}
/** The highest number in use in `root` (0 when none). The hot path of every allocation. */
export declare function highestNumber(root: string): number;
/** Every numbered entry of `root`, sorted by number then name. */
export declare function scanAllocations(root: string): AllocationEntry[];
/** `42` at width 3 → `042`; numbers longer than the width widen (`1000`) instead of wrapping. */
export declare function formatNumber(n: number, width: number): string;
