export const id = 366;
export const ids = [366];
export const modules = {

/***/ 3875:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qs: () => (/* binding */ judgeLease),
/* harmony export */   _t: () => (/* binding */ monoNowMs),
/* harmony export */   nu: () => (/* binding */ Observer)
/* harmony export */ });
/* unused harmony exports leaseGraceMs, DEFAULT_FOREIGN_LEASE_MS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9928);
/* harmony import */ var _core_process_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9978);
/**
 * When may a lease on another machine be called expired? Never on one clock's
 * word: the holder's wall clock (acquired-at, renewed-at in its record) may be
 * minutes off ours. The rule lockstep uses:
 *
 *   a record R (one object id) with lease L is expired for machine M once M
 *   has seen the ref at R, unchanged, for L + grace(L) on M's own monotonic
 *   clock — measured from the first time M saw R.
 *
 * Every renewal pushes a new object, so a live holder resets every
 * observer's count. M first saw R after R was pushed, and the holder counts
 * its own lease from before it sent the push, so M can only break R after
 * the holder's own lease has run out on the holder's clock (clock *rates*
 * agree to far better than grace: 2 % of the lease, at least 500 ms).
 *
 * First sightings are kept per clone in `<runtime>/remote/<remote>/seen/`,
 * stamped with CLOCK_MONOTONIC (shared by every process of one boot) and the
 * boot id, so a `lockstep remote gc` run now and again after the lease (or a
 * waiter that started later) counts from the first sighting on this machine.
 * A sighting from an earlier boot is worthless and starts over.
 */




/** Milliseconds on CLOCK_MONOTONIC: comparable between processes of one boot, immune to wall-clock steps. */
function monoNowMs() {
    return Number(process.hrtime.bigint() / 1000000n);
}
/** Extra time an observer waits beyond the lease, for clock-rate differences. */
function leaseGraceMs(leaseMs) {
    return Math.max(500, Math.ceil(leaseMs / 50));
}
class Observer {
    ctx;
    dir;
    memory = new Map();
    constructor(ctx) {
        this.ctx = ctx;
        this.dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(ctx.runtime.root, 'remote', ctx.remote, 'seen');
    }
    file(ref) {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, `${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${this.ctx.url}\0${ref}`).digest('hex').slice(0, 32)}.json`);
    }
    /** The monotonic time this machine first saw `ref` at `oid` (now, if this is the first time). */
    firstSeen(ref, oid) {
        const now = monoNowMs();
        const mem = this.memory.get(ref);
        let earliest = mem && mem.oid === oid ? mem.mono : now;
        const boot = (0,_core_process_js__WEBPACK_IMPORTED_MODULE_3__/* .bootId */ .aW)();
        let stored;
        try {
            stored = (0,_core_files_js__WEBPACK_IMPORTED_MODULE_2__/* .readJsonFile */ .JE)(this.file(ref), 'remote sighting');
        }
        catch {
            stored = undefined; // a damaged sighting only makes us wait longer
        }
        if (stored && stored.oid === oid && stored.boot === boot && stored.ref === ref && Number.isFinite(stored.mono) && stored.mono <= now) {
            earliest = Math.min(earliest, stored.mono);
        }
        else {
            try {
                (0,_core_files_js__WEBPACK_IMPORTED_MODULE_2__/* .ensureDir */ .A0)(this.dir);
                (0,_core_files_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFileAtomic */ .Zf)(this.file(ref), JSON.stringify({ ref, oid, mono: earliest, boot }));
            }
            catch {
                /* without a stored sighting only this process's own count applies */
            }
        }
        this.memory.set(ref, { oid, mono: earliest });
        return earliest;
    }
}
/**
 * Expired or not, by the rule above. A holder on this same host (and boot)
 * whose process is gone is expired at once: that is this machine's own
 * observation, not another clock's.
 */
function judgeLease(holder, firstSeenMono, nowMono = monoNowMs()) {
    const leaseMs = holder && Number.isFinite(holder.leaseMs) && holder.leaseMs >= 0 ? holder.leaseMs : DEFAULT_FOREIGN_LEASE_MS;
    if (holder && holder.host === (0,_core_process_js__WEBPACK_IMPORTED_MODULE_3__/* .hostId */ .My)()) {
        const l = (0,_core_process_js__WEBPACK_IMPORTED_MODULE_3__/* .liveness */ .QX)(holder);
        if (l.state === 'dead')
            return { expired: true, reason: `${l.reason} (same host)` };
    }
    const needed = leaseMs + leaseGraceMs(leaseMs);
    const seen = nowMono - firstSeenMono;
    if (seen >= needed) {
        return { expired: true, reason: `lease of ${fmtS(leaseMs)} ran out: unchanged for ${fmtS(seen)} as seen from host ${(0,_core_process_js__WEBPACK_IMPORTED_MODULE_3__/* .hostId */ .My)()}` };
    }
    return { expired: false, remainingMs: needed - seen, reason: `lease of ${fmtS(leaseMs)}: seen unchanged for ${fmtS(seen)} here` };
}
/** A record lockstep cannot read gets the default lease before it may be removed. */
const DEFAULT_FOREIGN_LEASE_MS = 120_000;
function fmtS(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}


/***/ }),

/***/ 1124:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R8: () => (/* binding */ listRemoteRefs),
  d3: () => (/* binding */ openRemote),
  BI: () => (/* binding */ pushUpdates),
  T3: () => (/* binding */ readRecords),
  k3: () => (/* binding */ recordOid),
  rh: () => (/* binding */ writeRecord)
});

// UNUSED EXPORTS: DEFAULT_NETWORK_TIMEOUT_MS

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./src/git/git.ts
var git_git = __webpack_require__(308);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/runtime.ts
var core_runtime = __webpack_require__(9199);
;// CONCATENATED MODULE: ./src/remote/errors.ts
/**
 * Turning what git says about a remote into errors a person can act on.
 *
 * Three outcomes matter and must never be confused:
 *   - unreachable: nothing was changed (or nothing can be known): exit 4;
 *   - refused: the server will never accept refs/lockstep/* (hidden refs, a
 *     pre-receive hook, no atomic push): exit 4, with what to change;
 *   - conflict: someone else moved the ref first: the caller re-reads and retries.
 */

const UNREACHABLE = [
    /unable to connect/i,
    /connection refused/i,
    /connection reset/i,
    /connection timed out/i,
    /could not read from remote repository/i,
    /could not resolve host/i,
    /unable to access/i,
    /the remote end hung up/i,
    /early EOF/i,
    /network is unreachable/i,
    /no route to host/i,
    /broken pipe/i,
    /unexpected disconnect/i,
    /protocol error/i,
    // The connection cut in the middle of the protocol exchange (server killed mid-call):
    /expected flush/i,
    /expected (?:packfile|response end|wanted-ref|acknowledgments)/i,
    /unexpected end of file/i,
    /bad (?:packet|band|line length)/i,
    /invalid packet/i,
    /eof before pack header/i,
    /does not appear to be a git repository/i,
    /repository .* not found/i,
    /no such remote/i,
];
function looksUnreachable(stderr) {
    return UNREACHABLE.some((re) => re.test(stderr));
}
function unreachableError(remote, url, what, stderr, timedOut = false) {
    const said = firstFatal(stderr);
    const reason = timedOut ? 'it did not answer in time' : said || 'git could not talk to it';
    return new errors/* LockstepError */.Cj('REMOTE_UNREACHABLE', `the git remote ${remote} (${url}) is unreachable while trying to ${what}: ${reason}; nothing was changed by this call`, {
        hint: `check the remote: git ls-remote ${remote}; or run without the remote backend (--backend file) on a single machine`,
        detail: { remote, url, stderr: stderr.trim().slice(0, 2000), timedOut },
    });
}
/** The same as unreachable, but the push may have landed: the caller only knows it did not hear back. */
function ambiguousPushError(remote, url, what, stderr, timedOut) {
    const e = unreachableError(remote, url, what, stderr, timedOut);
    return new errors/* LockstepError */.Cj('REMOTE_UNREACHABLE', e.message.replace('nothing was changed by this call', 'the connection broke while pushing: if the server applied it, the ref expires by its lease (locks, claims) or leaves a gap (allocation), never a duplicate'), {
        hint: e.hint,
        detail: e.detail,
    });
}
function refusedError(remote, url, refs, reason, stderr) {
    const remoteSaid = stderr
        .split('\n')
        .filter((l) => l.startsWith('remote:'))
        .map((l) => l.replace(/^remote:\s*/, '').trim())
        .filter(Boolean)
        .join(' / ');
    return new errors/* LockstepError */.Cj('REMOTE_REFUSED', `the git remote ${remote} (${url}) refuses lockstep's refs (${refs.join(', ')}): ${reason}${remoteSaid ? ` — the server said: ${remoteSaid}` : ''}`, {
        hint: `the remote backend needs the server to accept pushes to refs/lockstep/* (check receive.hideRefs, pre-receive hooks and ref protection rules on the server; test with: lockstep remote check --remote ${remote}), or use --backend file`,
        detail: { remote, url, refs, reason, stderr: stderr.trim().slice(0, 2000) },
    });
}
function firstFatal(stderr) {
    const line = stderr.split('\n').find((l) => /^(fatal|error):/.test(l.trim()));
    return (line ?? stderr.split('\n').find((l) => l.trim()) ?? '').trim().replace(/^(fatal|error):\s*/, '');
}
/**
 * Classifies one `git push --porcelain` status line's summary. "stale info",
 * "atomic transaction failed", "cannot lock ref", "failed to update ref" and
 * the like mean another writer won the race; any other remote rejection
 * (hook declined, hidden ref, funny refname) means the server refuses the ref.
 */
function classifyPushSummary(flag, summary) {
    if (flag !== '!')
        return 'ok';
    const s = summary.toLowerCase();
    if (/stale info|fetch first|non-fast-forward|already exists|atomic push failed|atomic transaction failed|failed to update ref|failed to lock|cannot lock ref|incorrect old value|expected|failed to delete/.test(s))
        return 'conflict';
    return 'refused';
}

// EXTERNAL MODULE: ./src/remote/refs.ts
var refs = __webpack_require__(1994);
;// CONCATENATED MODULE: ./src/remote/transport.ts
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









/** A single git network call that takes longer than this is treated as unreachable. */
const DEFAULT_NETWORK_TIMEOUT_MS = 30_000;
// Never let a background maintenance run or a hook of the user's start inside lockstep's calls.
const QUIET = ['-c', 'gc.auto=0', '-c', 'maintenance.auto=false', '-c', 'fetch.writeCommitGraph=false'];
const contexts = new Map();
/** Opens the clone and checks that the named remote exists (no network). */
function openRemote(opts = {}) {
    const cwd = opts.cwd ?? process.cwd();
    const remote = (0,refs/* validateRemoteName */.i5)(opts.remote ?? refs/* DEFAULT_REMOTE */.dS);
    const networkTimeoutMs = opts.networkTimeoutMs ?? DEFAULT_NETWORK_TIMEOUT_MS;
    const key = `${cwd}\0${remote}\0${networkTimeoutMs}`;
    const hit = contexts.get(key);
    if (hit)
        return hit;
    const runtime = (0,core_runtime/* openRuntime */.fS)({ cwd });
    const git = (0,git_git/* createGit */.l)(cwd);
    const r = git.runSync(['remote', 'get-url', '--push', remote], { readOnly: true });
    if (r.code !== 0) {
        throw new errors/* LockstepError */.Cj('NOT_FOUND', `this clone has no git remote named ${remote}`, {
            hint: `list the remotes (git remote -v) and pick one with --backend remote:NAME, or add it: git remote add ${remote} URL`,
            detail: { remote, stderr: r.stderr.trim() },
        });
    }
    const topLevel = runtime.repo?.topLevel ?? cwd;
    const ctx = { git, remote, url: r.stdout.trim(), runtime, topLevel, networkTimeoutMs };
    contexts.set(key, ctx);
    return ctx;
}
/**
 * The refs under `prefix` on the remote (one `git ls-remote`): ref → object id.
 * Throws REMOTE_UNREACHABLE when the remote cannot be reached.
 */
async function listRemoteRefs(ctx, patterns, what) {
    const r = await ctx.git.run([...QUIET, 'ls-remote', '--refs', ctx.remote, ...patterns], { readOnly: true, timeoutMs: ctx.networkTimeoutMs });
    if (r.code !== 0 || r.timedOut)
        throw networkFailure(ctx, what, r.stderr, r.timedOut);
    const out = new Map();
    for (const line of r.stdout.split('\n')) {
        const tab = line.indexOf('\t');
        if (tab <= 0)
            continue;
        out.set(line.slice(tab + 1), line.slice(0, tab));
    }
    return out;
}
function networkFailure(ctx, what, stderr, timedOut = false) {
    if (timedOut || looksUnreachable(stderr) || stderr.trim() === '')
        return unreachableError(ctx.remote, ctx.url, what, stderr, timedOut);
    return new errors/* LockstepError */.Cj('GIT_FAILED', `git failed while trying to ${what} on the remote ${ctx.remote} (${ctx.url}): ${stderr.trim().split('\n').slice(-3).join(' / ')}`, {
        detail: { remote: ctx.remote, stderr: stderr.trim().slice(0, 2000) },
    });
}
/**
 * The id git gives a blob with this content (sha1 or sha256, as the clone
 * uses), computed without git: lets a caller name an object it expects
 * another clone to have written.
 */
function recordOid(ctx, record) {
    const body = Buffer.from(JSON.stringify(record) + '\n', 'utf8');
    return (0,external_node_crypto_.createHash)(objectFormat(ctx)).update(`blob ${body.length}\0`).update(body).digest('hex');
}
const formats = new Map();
function objectFormat(ctx) {
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
async function writeRecord(ctx, record) {
    const text = JSON.stringify(record) + '\n';
    const objects = ctx.runtime.repo ? (0,external_node_path_.join)(ctx.runtime.repo.commonDir, 'objects') : null;
    if (objects && !process.env.GIT_OBJECT_DIRECTORY) {
        const oid = recordOid(ctx, record);
        const dir = (0,external_node_path_.join)(objects, oid.slice(0, 2));
        const path = (0,external_node_path_.join)(dir, oid.slice(2));
        if ((0,external_node_fs_.existsSync)(path))
            return oid;
        const body = Buffer.from(text, 'utf8');
        const data = (0,external_node_zlib_.deflateSync)(Buffer.concat([Buffer.from(`blob ${body.length}\0`, 'utf8'), body]));
        try {
            (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
            const tmp = (0,external_node_path_.join)(dir, `tmp_obj_lockstep_${process.pid}_${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`);
            (0,external_node_fs_.writeFileSync)(tmp, data, { mode: 0o444 });
            try {
                (0,external_node_fs_.linkSync)(tmp, path);
            }
            catch (e) {
                if (e.code !== 'EEXIST')
                    throw e;
            }
            finally {
                (0,external_node_fs_.unlinkSync)(tmp);
            }
            return oid;
        }
        catch {
            /* fall back to git below */
        }
    }
    const r = await ctx.git.run(['hash-object', '-w', '--stdin'], { input: text });
    if (r.code !== 0)
        throw new errors/* LockstepError */.Cj('GIT_FAILED', `git hash-object failed: ${r.stderr.trim()}`);
    return r.stdout.trim();
}
/**
 * Reads records (JSON blobs) by object id. Ids missing from the local object
 * store are fetched from the remote first (by id: protocol v2 serves any
 * object it has; `refs` is the fallback for servers that only serve ref tips).
 * An id the remote no longer has maps to null.
 */
async function readRecords(ctx, oids, refs = []) {
    const want = [...new Set(oids)];
    const out = new Map();
    if (want.length === 0)
        return out;
    let found = await catBlobs(ctx, want);
    const missing = want.filter((o) => !found.has(o));
    if (missing.length > 0) {
        const f = await ctx.git.run([...QUIET, 'fetch', '--no-write-fetch-head', '--no-tags', '--no-recurse-submodules', '--quiet', ctx.remote, ...missing], { timeoutMs: ctx.networkTimeoutMs });
        if (f.code !== 0 || f.timedOut) {
            if (f.timedOut || looksUnreachable(f.stderr))
                throw unreachableError(ctx.remote, ctx.url, 'read lock records', f.stderr, f.timedOut);
            if (refs.length) {
                const g = await ctx.git.run([...QUIET, 'fetch', '--no-write-fetch-head', '--no-tags', '--no-recurse-submodules', '--quiet', ctx.remote, ...refs], { timeoutMs: ctx.networkTimeoutMs });
                if (g.timedOut || (g.code !== 0 && looksUnreachable(g.stderr)))
                    throw unreachableError(ctx.remote, ctx.url, 'read lock records', g.stderr, g.timedOut);
            }
        }
        const more = await catBlobs(ctx, missing);
        found = new Map([...found, ...more]);
    }
    for (const o of want)
        out.set(o, found.get(o) ?? null);
    return out;
}
/** `git cat-file --batch` over the ids; ids absent locally are left out of the result. */
async function catBlobs(ctx, oids) {
    const r = await ctx.git.run(['cat-file', '--batch'], { input: oids.join('\n') + '\n', readOnly: true });
    const out = new Map();
    if (r.code !== 0)
        return out;
    // Output: "<oid> <type> <size>\n<content>\n" or "<oid> missing\n", in input order.
    const buf = Buffer.from(r.stdout, 'utf8');
    let pos = 0;
    while (pos < buf.length) {
        const nl = buf.indexOf(10, pos);
        if (nl < 0)
            break;
        const header = buf.subarray(pos, nl).toString('utf8').split(' ');
        pos = nl + 1;
        if (header[1] === 'missing' || header.length < 3)
            continue;
        const size = Number(header[2]);
        const body = buf.subarray(pos, pos + size).toString('utf8');
        pos += size + 1;
        try {
            out.set(header[0], JSON.parse(body));
        }
        catch {
            out.set(header[0], null); // not a lockstep record: callers treat it as foreign
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
async function pushUpdates(ctx, updates, what, opts = {}) {
    if (updates.length === 0)
        return { ok: true };
    const args = [...QUIET, 'push', '--porcelain', '--no-verify', '--quiet'];
    if (opts.atomic !== false)
        args.push('--atomic');
    args.push(ctx.remote);
    for (const u of updates)
        args.push(`--force-with-lease=${u.ref}:${u.expectOid ?? ''}`);
    for (const u of updates)
        args.push(`${u.newOid ?? ''}:${u.ref}`);
    const r = await ctx.git.run(args, { timeoutMs: ctx.networkTimeoutMs });
    const lines = parsePorcelain(r.stdout);
    if (r.timedOut)
        throw ambiguousPushError(ctx.remote, ctx.url, what, r.stderr, true);
    if (r.code === 0 && lines.every((l) => l.flag !== '!'))
        return { ok: true };
    if (lines.length === 0) {
        if (/does not support --atomic/i.test(r.stderr)) {
            throw refusedError(ctx.remote, ctx.url, updates.map((u) => u.ref), 'the server does not support atomic pushes (git 2.4 or later is needed on the server)', r.stderr);
        }
        // No status lines: the push never got to the ref updates (or the connection broke mid-way).
        if (looksUnreachable(r.stderr) || r.stderr.trim() === '') {
            throw neverConnected(r.stderr) ? unreachableError(ctx.remote, ctx.url, what, r.stderr) : ambiguousPushError(ctx.remote, ctx.url, what, r.stderr, false);
        }
        throw new errors/* LockstepError */.Cj('GIT_FAILED', `git push to ${ctx.remote} failed while trying to ${what}: ${r.stderr.trim().split('\n').slice(-3).join(' / ')}`, {
            detail: { remote: ctx.remote, stderr: r.stderr.trim().slice(0, 2000) },
        });
    }
    const refused = lines.filter((l) => classifyPushSummary(l.flag, l.summary) === 'refused');
    if (refused.length > 0) {
        throw refusedError(ctx.remote, ctx.url, refused.map((l) => l.ref), refused[0].summary.replace(/^\[remote rejected\]\s*/, '').replace(/^\(|\)$/g, ''), r.stderr);
    }
    return { ok: false, conflict: lines.filter((l) => l.flag === '!').map((l) => `${l.ref} ${l.summary}`) };
}
/** Failures that happen before any command reaches the server: certainly nothing changed. */
function neverConnected(stderr) {
    return /unable to connect|connection refused|could not resolve host|network is unreachable|no route to host|does not appear to be a git repository|unable to access/i.test(stderr);
}
function parsePorcelain(stdout) {
    const out = [];
    for (const line of stdout.split('\n')) {
        const parts = line.split('\t');
        if (parts.length < 3 || parts[0].length !== 1)
            continue;
        const refspec = parts[1];
        out.push({ flag: parts[0], ref: refspec.slice(refspec.lastIndexOf(':') + 1), summary: parts.slice(2).join('\t') });
    }
    return out;
}


/***/ })

};
