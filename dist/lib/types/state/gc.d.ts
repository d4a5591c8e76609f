import { type StateLocation } from './store.js';
export interface GcOptions extends StateLocation {
    ttlMs: number;
    /** Report what would go without removing anything. */
    dryRun?: boolean;
    now?: number;
    timeoutMs?: number;
}
export interface GcResult {
    removed: string[];
    kept: number;
    corrupt: string[];
    /** Leftover temp files of dead writers that were removed. */
    tempFiles: number;
    dryRun: boolean;
}
export declare function gcStates(opts: GcOptions): Promise<GcResult>;
