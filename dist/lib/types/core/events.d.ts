export type EventType = 'acquire' | 'wait' | 'takeover' | 'release' | 'timeout' | 'break' | 'compromised' | 'violation' | 'git_commit_validation_warning' | (string & {});
export interface LockstepEvent {
    ts: string;
    type: EventType;
    pid: number;
    host: string;
    [key: string]: unknown;
}
export declare function eventsPath(root: string): string;
export declare function appendEvent(root: string, type: EventType, fields?: Record<string, unknown>): void;
export declare function readEvents(root: string, filter?: (e: LockstepEvent) => boolean): LockstepEvent[];
