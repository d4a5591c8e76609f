import { type Git } from '../git/git.js';
import { type Runtime } from '../core/runtime.js';
/** A single git network call that takes longer than this is treated as unreachable. */
export declare const DEFAULT_NETWORK_TIMEOUT_MS = 30000;
export interface RemoteOptions {
    /** A directory inside the clone (default: process.cwd()). */
    cwd?: string;
    /** The git remote that coordinates (default: origin). */
    remote?: string;
    /** Cap for each network call in ms (default 30 s). */
    networkTimeoutMs?: number;
}
export interface RemoteContext {
    git: Git;
    remote: string;
    url: string;
    runtime: Runtime;
    /** The top level of the checkout (allocation roots are named relative to it). */
    topLevel: string;
    networkTimeoutMs: number;
}
export interface RefUpdate {
    ref: string;
    /** The new object, or null to delete the ref. */
    newOid: string | null;
    /** The value the ref must have now, or null for "must not exist". */
    expectOid: string | null;
}
export type PushResult = {
    ok: true;
} | {
    ok: false;
    conflict: string[];
};
/** Opens the clone and checks that the named remote exists (no network). */
export declare function openRemote(opts?: RemoteOptions): RemoteContext;
/**
 * The refs under `prefix` on the remote (one `git ls-remote`): ref → object id.
 * Throws REMOTE_UNREACHABLE when the remote cannot be reached.
 */
export declare function listRemoteRefs(ctx: RemoteContext, patterns: string[], what: string): Promise<Map<string, string>>;
/**
 * The id git gives a blob with this content (sha1 or sha256, as the clone
 * uses), computed without git: lets a caller name an object it expects
 * another clone to have written.
 */
export declare function recordOid(ctx: RemoteContext, record: unknown): string;
/**
 * Writes `record` (JSON) as a blob in the local object store (a push needs
 * it there) and returns its id. The loose object is written directly —
 * zlib("blob <size>\\0<content>") to a temp file, then link(2) to its name,
 * exactly as git writes one — because spawning `git hash-object` for every
 * attempt costs more than the push's own client work on a busy machine.
 * With GIT_OBJECT_DIRECTORY set (alternate layouts) it asks git instead.
 */
export declare function writeRecord(ctx: RemoteContext, record: unknown): Promise<string>;
/**
 * Reads records (JSON blobs) by object id. Ids missing from the local object
 * store are fetched from the remote first (by id: protocol v2 serves any
 * object it has; `refs` is the fallback for servers that only serve ref tips).
 * An id the remote no longer has maps to null.
 */
export declare function readRecords<T>(ctx: RemoteContext, oids: string[], refs?: string[]): Promise<Map<string, T | null>>;
/**
 * Pushes `updates` in one atomic compare-and-swap. Returns `{ok:false,
 * conflict}` when another writer won (the caller re-reads and retries);
 * throws REMOTE_REFUSED when the server refuses these refs and
 * REMOTE_UNREACHABLE when it cannot be reached.
 */
export declare function pushUpdates(ctx: RemoteContext, updates: RefUpdate[], what: string, opts?: {
    atomic?: boolean;
}): Promise<PushResult>;
