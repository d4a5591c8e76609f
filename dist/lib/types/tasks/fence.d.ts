export declare function fenceCounterId(root: string): string;
/** The `Lockstep-Fence` value for a commit made under `token`. */
export declare function fenceValue(root: string, token: number): string;
