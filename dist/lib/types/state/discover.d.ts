import { type StateLocation, type StateRecord } from './store.js';
export interface StateListEntry {
    id: string;
    path: string;
    /** Null when the file could not be read as a state record (see `error`). */
    record: StateRecord | null;
    error: string | null;
}
/** Every state file (optionally of one prefix), corrupt ones included with their error. */
export declare function listStates(opts?: StateLocation & {
    prefix?: string;
}): StateListEntry[];
export interface DiscoverOptions extends StateLocation {
    prefix: string;
    owner: string;
}
export interface DiscoverResult {
    /** This owner's state, or null when it has none. */
    found: StateRecord | null;
    path: string | null;
    /** How many states of this prefix belong to this owner (the newest is returned). */
    ownerStates: number;
    /** Corrupt files of this prefix that were skipped (they might have been this owner's). */
    corrupt: string[];
}
export declare function discoverState(opts: DiscoverOptions): DiscoverResult;
