import { type Runtime } from '../core/runtime.js';
/** One value may hold at most this many characters. */
export declare const MAX_VALUE_LENGTH: number;
export declare const MAX_OWNER_LENGTH = 256;
export interface StateRecord {
    v: number;
    id: string;
    prefix: string;
    /** Who this workflow belongs to (set at init); discovery matches on it. */
    owner: string | null;
    createdAt: string;
    createdAtMs: number;
    updatedAt: string;
    updatedAtMs: number;
    pid: number;
    host: string;
    values: Record<string, string>;
}
export interface StateLocation {
    /** A directory inside the repository (default process.cwd()). */
    cwd?: string;
    runtime?: Runtime;
}
export declare function stateDir(loc: StateLocation): string;
export declare function statePath(dir: string, id: string): string;
/** `state-0` … `state-f`: a fixed set of lock names, so ids that come and go leave no lock directories behind. */
export declare function stateLockName(id: string): string;
export declare function validateOwner(owner: string): string;
/**
 * An empty map of values. Keys are any shell names, `__proto__`,
 * `constructor` and `toString` among them: on a plain object
 * `values.__proto__ = 'x'` sets nothing and `values.constructor` is there
 * before anyone set it, so values never live in one.
 */
export declare function valueMap(): Record<string, string>;
/** Checks that parsed JSON is a state record for `id`; CORRUPT_STATE otherwise. */
export declare function checkRecord(raw: unknown, id: string, path: string): StateRecord;
/** Reads a state file; null when it does not exist. */
export declare function readStateFile(dir: string, id: string): StateRecord | null;
/** Writes a complete record in place of the old one (temp file + rename). */
export declare function writeStateFile(dir: string, rec: StateRecord): void;
export interface InitOptions extends StateLocation {
    prefix: string;
    owner?: string | null;
    /** Initial values. */
    values?: Record<string, string>;
}
export interface InitResult {
    id: string;
    path: string;
    record: StateRecord;
}
export declare function initState(opts: InitOptions): InitResult;
export interface GetOptions extends StateLocation {
    id: string;
}
export declare function getState(opts: GetOptions): StateRecord;
export interface SetOptions extends StateLocation {
    id: string;
    values: Record<string, string>;
    /** Keys to remove. */
    unset?: string[];
    timeoutMs?: number;
}
/** Merges `values` into the state under the id's lock; returns the record as written. */
export declare function setState(opts: SetOptions): Promise<StateRecord>;
export interface RemoveOptions extends StateLocation {
    id: string;
    timeoutMs?: number;
}
/** Deletes a state file (under its lock, so a concurrent set cannot resurrect half of it). */
export declare function removeState(opts: RemoveOptions): Promise<boolean>;
/** The id's parts, for listings (null when the file name is not an id). */
export declare function idOfFile(file: string): string | null;
