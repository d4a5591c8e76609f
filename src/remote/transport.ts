/**
 * Everything the remote backend asks of git, named by intent: list refs on
 * the remote, read the records they point to, write a record, and push a set
 * of compare-and-swap ref updates.
 *
 * Why `git push --atomic --force-with-lease=<ref>:<expected>`: the client
 * refuses a lease that no longer matches the advertisement, and the command
 * it sends carries the old value, which receive-pack checks under the ref's
 * lock, so the server decides — one writer wins, the others get a rejection.
 * `--atomic` makes a multi-ref update (lock + fencing counter, number +
 * allocation counter) all-or-nothing. `--porcelain` gives one status line per
 * ref to tell "someone else won" from "the server refuses this ref".
 * Records are blobs (JSON): small, no commit metadata, nothing to check out.
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, unlinkSync, writeFileSync } from 'node:fs';
import { ensureDirIn } from '../core/files.js';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { createGit, type Git } from '../git/git.js';
import { LockstepError } from '../core/errors.js';
import { openRuntime, type Runtime } from '../core/runtime.js';
import { ambiguousPushError, classifyPushSummary, looksUnreachable, refusedError, unreachableError } from './errors.js';
import { DEFAULT_REMOTE, validateRemoteName } from './refs.js';
import { randomHex } from '../core/names.js';

/** A single git network call that takes longer than this is treated as unreachable. */
export const DEFAULT_NETWORK_TIMEOUT_MS = 30_000;

// Never let a background maintenance run or a hook of the user's start inside lockstep's calls.
const QUIET = ['-c', 'gc.auto=0', '-c', 'maintenance.auto=false', '-c', 'fetch.writeCommitGraph=false'];

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

export type PushResult =
  | { ok: true }
  | { ok: false; conflict: string[] };

const contexts = new Map<string, RemoteContext>();

/** Opens the clone and checks that the named remote exists (no network). */
export function openRemote(opts: RemoteOptions = {}): RemoteContext {
  const cwd = opts.cwd ?? process.cwd();
  const remote = validateRemoteName(opts.remote ?? DEFAULT_REMOTE);
  const networkTimeoutMs = opts.networkTimeoutMs ?? DEFAULT_NETWORK_TIMEOUT_MS;
  const key = `${cwd}\0${remote}\0${networkTimeoutMs}`;
  const hit = contexts.get(key);
  if (hit) return hit;
  const runtime = openRuntime({ cwd });
  const git = createGit(cwd);
  const r = git.runSync(['remote', 'get-url', '--push', remote], { readOnly: true });
  if (r.code !== 0) {
    throw new LockstepError('NOT_FOUND', `this clone has no git remote named ${remote}`, {
      hint: `list the remotes (git remote -v) and pick one with --backend remote:NAME, or add it: git remote add ${remote} URL`,
      detail: { remote, stderr: r.stderr.trim() },
    });
  }
  const topLevel = runtime.repo?.topLevel ?? cwd;
  const ctx: RemoteContext = { git, remote, url: r.stdout.trim(), runtime, topLevel, networkTimeoutMs };
  contexts.set(key, ctx);
  return ctx;
}

/**
 * The refs under `prefix` on the remote (one `git ls-remote`): ref → object id.
 * Throws REMOTE_UNREACHABLE when the remote cannot be reached.
 */
export async function listRemoteRefs(ctx: RemoteContext, patterns: string[], what: string): Promise<Map<string, string>> {
  const r = await ctx.git.run([...QUIET, 'ls-remote', '--refs', ctx.remote, ...patterns], { readOnly: true, timeoutMs: ctx.networkTimeoutMs });
  if (r.code !== 0 || r.timedOut) throw networkFailure(ctx, what, r.stderr, r.timedOut);
  const out = new Map<string, string>();
  for (const line of r.stdout.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    out.set(line.slice(tab + 1), line.slice(0, tab));
  }
  return out;
}

function networkFailure(ctx: RemoteContext, what: string, stderr: string, timedOut = false): LockstepError {
  if (timedOut || looksUnreachable(stderr) || stderr.trim() === '') return unreachableError(ctx.remote, ctx.url, what, stderr, timedOut);
  return new LockstepError('GIT_FAILED', `git failed while trying to ${what} on the remote ${ctx.remote} (${ctx.url}): ${stderr.trim().split('\n').slice(-3).join(' / ')}`, {
    detail: { remote: ctx.remote, stderr: stderr.trim().slice(0, 2000) },
  });
}

/**
 * The id git gives a blob with this content (sha1 or sha256, as the clone
 * uses), computed without git: lets a caller name an object it expects
 * another clone to have written.
 */
export function recordOid(ctx: RemoteContext, record: unknown): string {
  const body = Buffer.from(JSON.stringify(record) + '\n', 'utf8');
  return createHash(objectFormat(ctx)).update(`blob ${body.length}\0`).update(body).digest('hex');
}

const formats = new Map<string, 'sha1' | 'sha256'>();

function objectFormat(ctx: RemoteContext): 'sha1' | 'sha256' {
  let f = formats.get(ctx.git.cwd);
  if (!f) {
    const r = ctx.git.runSync(['rev-parse', '--show-object-format'], { readOnly: true });
    f = r.code === 0 && r.stdout.trim() === 'sha256' ? 'sha256' : 'sha1';
    formats.set(ctx.git.cwd, f);
  }
  return f;
}

/**
 * Writes `record` (JSON) as a blob in the local object store (a push needs
 * it there) and returns its id. The loose object is written directly —
 * zlib("blob <size>\\0<content>") to a temp file, then link(2) to its name,
 * exactly as git writes one — because spawning `git hash-object` for every
 * attempt costs more than the push's own client work on a busy machine.
 * With GIT_OBJECT_DIRECTORY set (alternate layouts) it asks git instead.
 */
export async function writeRecord(ctx: RemoteContext, record: unknown): Promise<string> {
  const text = JSON.stringify(record) + '\n';
  const objects = ctx.runtime.repo ? join(ctx.runtime.repo.commonDir, 'objects') : null;
  if (objects && !process.env.GIT_OBJECT_DIRECTORY) {
    const oid = recordOid(ctx, record);
    const dir = join(objects, oid.slice(0, 2));
    const path = join(dir, oid.slice(2));
    if (existsSync(path)) return oid;
    const body = Buffer.from(text, 'utf8');
    const data = deflateSync(Buffer.concat([Buffer.from(`blob ${body.length}\0`, 'utf8'), body]));
    try {
      ensureDirIn(objects, dir); // a link at objects/xx: refused here, and git below writes the object instead
      const tmp = join(dir, `tmp_obj_lockstep_${process.pid}_${randomHex(4)}`);
      writeFileSync(tmp, data, { mode: 0o444, flag: 'wx' });
      try {
        linkSync(tmp, path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      } finally {
        unlinkSync(tmp);
      }
      return oid;
    } catch {
      /* fall back to git below */
    }
  }
  const r = await ctx.git.run(['hash-object', '-w', '--stdin'], { input: text });
  if (r.code !== 0) throw new LockstepError('GIT_FAILED', `git hash-object failed: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

/**
 * Reads records (JSON blobs) by object id. Ids missing from the local object
 * store are fetched from the remote first (by id: protocol v2 serves any
 * object it has; `refs` is the fallback for servers that only serve ref tips).
 * An id the remote no longer has maps to null.
 */
export async function readRecords<T>(ctx: RemoteContext, oids: string[], refs: string[] = []): Promise<Map<string, T | null>> {
  const want = [...new Set(oids)];
  const out = new Map<string, T | null>();
  if (want.length === 0) return out;
  let found = await catBlobs<T>(ctx, want);
  const missing = want.filter((o) => !found.has(o));
  if (missing.length > 0) {
    const f = await ctx.git.run([...QUIET, 'fetch', '--no-write-fetch-head', '--no-tags', '--no-recurse-submodules', '--quiet', ctx.remote, ...missing], { timeoutMs: ctx.networkTimeoutMs });
    if (f.code !== 0 || f.timedOut) {
      if (f.timedOut || looksUnreachable(f.stderr)) throw unreachableError(ctx.remote, ctx.url, 'read lock records', f.stderr, f.timedOut);
      if (refs.length) {
        const g = await ctx.git.run([...QUIET, 'fetch', '--no-write-fetch-head', '--no-tags', '--no-recurse-submodules', '--quiet', ctx.remote, ...refs], { timeoutMs: ctx.networkTimeoutMs });
        if (g.timedOut || (g.code !== 0 && looksUnreachable(g.stderr))) throw unreachableError(ctx.remote, ctx.url, 'read lock records', g.stderr, g.timedOut);
      }
    }
    const more = await catBlobs<T>(ctx, missing);
    found = new Map([...found, ...more]);
  }
  for (const o of want) out.set(o, found.get(o) ?? null);
  return out;
}

/** `git cat-file --batch` over the ids; ids absent locally are left out of the result. */
async function catBlobs<T>(ctx: RemoteContext, oids: string[]): Promise<Map<string, T | null>> {
  const r = await ctx.git.run(['cat-file', '--batch'], { input: oids.join('\n') + '\n', readOnly: true });
  const out = new Map<string, T | null>();
  if (r.code !== 0) return out;
  // Output: "<oid> <type> <size>\n<content>\n" or "<oid> missing\n", in input order.
  const buf = Buffer.from(r.stdout, 'utf8');
  let pos = 0;
  while (pos < buf.length) {
    const nl = buf.indexOf(10, pos);
    if (nl < 0) break;
    const header = buf.subarray(pos, nl).toString('utf8').split(' ');
    pos = nl + 1;
    if (header[1] === 'missing' || header.length < 3) continue;
    const size = Number(header[2]);
    const body = buf.subarray(pos, pos + size).toString('utf8');
    pos += size + 1;
    try {
      out.set(header[0]!, JSON.parse(body) as T);
    } catch {
      out.set(header[0]!, null); // not a lockstep record: callers treat it as foreign
    }
  }
  return out;
}

/**
 * Pushes `updates` in one atomic compare-and-swap. Returns `{ok:false,
 * conflict}` when another writer won (the caller re-reads and retries);
 * throws REMOTE_REFUSED when the server refuses these refs and
 * REMOTE_UNREACHABLE when it cannot be reached.
 */
export async function pushUpdates(ctx: RemoteContext, updates: RefUpdate[], what: string, opts: { atomic?: boolean } = {}): Promise<PushResult> {
  if (updates.length === 0) return { ok: true };
  const args = [...QUIET, 'push', '--porcelain', '--no-verify', '--quiet'];
  if (opts.atomic !== false) args.push('--atomic');
  args.push(ctx.remote);
  for (const u of updates) args.push(`--force-with-lease=${u.ref}:${u.expectOid ?? ''}`);
  for (const u of updates) args.push(`${u.newOid ?? ''}:${u.ref}`);
  const r = await ctx.git.run(args, { timeoutMs: ctx.networkTimeoutMs });
  const lines = parsePorcelain(r.stdout);
  if (r.timedOut) throw ambiguousPushError(ctx.remote, ctx.url, what, r.stderr, true);
  if (r.code === 0 && lines.every((l) => l.flag !== '!')) return { ok: true };
  if (lines.length === 0) {
    if (/does not support --atomic/i.test(r.stderr)) {
      throw refusedError(ctx.remote, ctx.url, updates.map((u) => u.ref), 'the server does not support atomic pushes (git 2.4 or later is needed on the server)', r.stderr);
    }
    // No status lines: the push never got to the ref updates (or the connection broke mid-way).
    if (looksUnreachable(r.stderr) || r.stderr.trim() === '') {
      throw neverConnected(r.stderr) ? unreachableError(ctx.remote, ctx.url, what, r.stderr) : ambiguousPushError(ctx.remote, ctx.url, what, r.stderr, false);
    }
    throw new LockstepError('GIT_FAILED', `git push to ${ctx.remote} failed while trying to ${what}: ${r.stderr.trim().split('\n').slice(-3).join(' / ')}`, {
      detail: { remote: ctx.remote, stderr: r.stderr.trim().slice(0, 2000) },
    });
  }
  const refused = lines.filter((l) => classifyPushSummary(l.flag, l.summary) === 'refused');
  if (refused.length > 0) {
    throw refusedError(ctx.remote, ctx.url, refused.map((l) => l.ref), refused[0]!.summary.replace(/^\[remote rejected\]\s*/, '').replace(/^\(|\)$/g, ''), r.stderr);
  }
  return { ok: false, conflict: lines.filter((l) => l.flag === '!').map((l) => `${l.ref} ${l.summary}`) };
}

/** Failures that happen before any command reaches the server: certainly nothing changed. */
function neverConnected(stderr: string): boolean {
  return /unable to connect|connection refused|could not resolve host|network is unreachable|no route to host|does not appear to be a git repository|unable to access/i.test(stderr);
}

interface PorcelainLine {
  flag: string;
  ref: string;
  summary: string;
}

function parsePorcelain(stdout: string): PorcelainLine[] {
  const out: PorcelainLine[] = [];
  for (const line of stdout.split('\n')) {
    const parts = line.split('\t');
    if (parts.length < 3 || parts[0]!.length !== 1) continue;
    const refspec = parts[1]!;
    out.push({ flag: parts[0]!, ref: refspec.slice(refspec.lastIndexOf(':') + 1), summary: parts.slice(2).join('\t') });
  }
  return out;
}
