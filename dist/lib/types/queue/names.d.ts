export declare const DEFAULT_QUEUE = "default";
export declare function validateItemId(id: string): string;
export { validateAgentId } from '../core/actor.js';
export declare function validateQueueName(name: string): string;
export declare const MIN_PRIORITY = -1000000;
export declare const MAX_PRIORITY = 1000000;
export declare function validatePriority(p: number): number;
