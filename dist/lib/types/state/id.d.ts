export declare const PREFIX: RegExp;
export interface ParsedStateId {
    prefix: string;
    /** Creation time in nanoseconds since the epoch, as a decimal string. */
    ns: string;
    pid: number;
    random: string;
}
export declare function validatePrefix(prefix: string): string;
export declare function parseStateId(id: string): ParsedStateId | null;
/** Checks an id from outside before it becomes part of a path. */
export declare function validateStateId(id: string): ParsedStateId;
export declare function nowNs(): bigint;
export declare function newStateId(prefix: string): string;
