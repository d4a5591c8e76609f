export declare const TASK_ID: RegExp;
export declare function validateTaskId(id: unknown): string;
export declare function validateAgentId(agent: unknown): string;
