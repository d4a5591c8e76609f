declare global {
    /** Whether fault points exist: a compile-time constant in every bundle (see above). */
    var LOCKSTEP_TEST_BUILD: boolean;
}
export declare function faultValue(kind: string): number;
/**
 * Blocks this thread for `kind`'s value in ms (a synchronous code path's
 * pause point); returns at once when it is not set. With
 * `LOCKSTEP_FAULT_MARK=DIR` it first creates `DIR/<kind>`, so a test knows
 * the process is there, and then ends the pause early once `DIR/<kind>.go`
 * exists, so a test need not guess how long its own steps take.
 */
export declare function faultPauseSync(kind: string): void;
