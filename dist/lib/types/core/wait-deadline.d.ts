/**
 * When a lock waiter gives up: after `timeoutMs` in which the queue did not
 * move, not after `timeoutMs` in all.
 *
 * Eight `lockstep commit`s that each run lint-staged and commitlint inside the
 * lock make a queue in which the last one waits several times the default
 * 60 s although the queue never stops: a deadline on the whole wait timed out
 * 21 of 48 of them. So the wait moves: each look at the lock that finds a new
 * generation (the holder released, or another took it) or fewer waiters ahead
 * of this one is progress and restarts the clock; a holder that never
 * releases still ends the wait after `timeoutMs`.
 *
 * Timed on the monotonic clock: a step of the wall clock neither ends a wait
 * early nor stretches it.
 */
export declare class WaitDeadline {
    private readonly timeoutMs;
    private readonly started;
    private movedAt;
    private top;
    private ahead;
    /** `timeoutMs` without progress ends the wait; 0: the first check ends it (try once). */
    constructor(timeoutMs: number);
    /** Records a look at the lock: its top generation, and how many waiters are ahead of this one. */
    look(top: number, ahead: number): void;
    /** How long the wait may still go on without progress (0 once it is over). */
    remainingMs(): number;
    expired(): boolean;
    /** Since the wait began. */
    waitedMs(): number;
    /** Since the queue last moved. */
    stillMs(): number;
}
