import { type RemoteOptions } from './transport.js';
export interface CheckStep {
    step: string;
    ms: number;
}
export interface RemoteCheckResult {
    ok: true;
    remote: string;
    url: string;
    steps: CheckStep[];
}
export declare function checkRemote(opts?: RemoteOptions): Promise<RemoteCheckResult>;
