/**
 * TEST-ONLY fault injection. `LOCKSTEP_FAULT=kind:value,kind:value` makes the
 * code at a named point pause (a value in ms) or take a known-broken branch
 * (a flag, value 1), so a test can put a process exactly where a race
 * happens, or show that a protection's test fails without it. Every point
 * says what its kind does where it reads it. 0 when the kind is not set.
 */
export declare function faultValue(kind: string): number;
/** Blocks this thread for `kind`'s value in ms (a synchronous code path's pause point); returns at once when it is not set. */
export declare function faultPauseSync(kind: string): void;
