export const id = 336;
export const ids = [336];
export const modules = {

/***/ 6336:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ER: () => (/* binding */ tokenEnvFor),
/* harmony export */   Fg: () => (/* binding */ ownerFields),
/* harmony export */   IZ: () => (/* binding */ acquireLock),
/* harmony export */   NP: () => (/* binding */ breakLock),
/* harmony export */   dB: () => (/* binding */ listLocks),
/* harmony export */   kK: () => (/* binding */ withLock),
/* harmony export */   o4: () => (/* binding */ TOKEN_ENV),
/* harmony export */   oj: () => (/* binding */ lockStatus),
/* harmony export */   sR: () => (/* binding */ DEFAULT_LOCK),
/* harmony export */   sV: () => (/* binding */ DEFAULT_LEASE_MS),
/* harmony export */   t1: () => (/* binding */ DEFAULT_TIMEOUT_MS),
/* harmony export */   tn: () => (/* binding */ updateLock),
/* harmony export */   x_: () => (/* binding */ releaseLock)
/* harmony export */ });
/* unused harmony exports MAX_LOCK_DATA_BYTES, ownerLiveness */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9928);
/* harmony import */ var _events_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7842);
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9978);
/* harmony import */ var _runtime_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9199);
/**
 * The repository lock.
 *
 * A lock is a directory `<runtime>/locks/<name>/` holding numbered
 * generation files. Generation N is created with link(2) from a fully
 * written temp file, so exactly one process creates each N and nobody ever
 * reads a half-written record. The highest N is the lock's state:
 *
 *   N holds an owner record (state "held")   → held by that owner
 *   N holds a "released" or "broken" marker   → free
 *
 * Acquiring = link(N+1) after judging N free or stale. Releasing = link(N+1)
 * of a "released" marker. Takeover of a stale owner is the same link(N+1):
 * there is no delete-then-recreate step, so two processes that judge the
 * same owner stale at once can never both win (the race proper-lockfile has,
 * its issue #121). The generation number is the fencing token: it only
 * rises, and a holder whose generation is no longer the top has lost the
 * lock ("lock compromised").
 *
 * Old generations are compacted away (in ascending order) by each holder
 * after its release — or, for a lock freed by other means (the shell hooks
 * link the marker themselves), by the acquirer once a few pile up. A process
 * whose view was so old that the name it links had already been compacted
 * re-reads the directory after linking and backs off unless its generation
 * is the top.
 *
 * Waiters take numbered tickets (`w.<n>`, also by link) and the lock goes to
 * the lowest live ticket: first come, first served, so nobody starves. A
 * waiter watches its own ticket (inotify) and the releaser touches the next
 * one, so the lock changes hands without anyone polling; polling remains as
 * the safety net for a holder that dies and for releases that wake nobody.
 */









const DEFAULT_LOCK = 'commit';
const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_LEASE_MS = 120_000;
/** Environment variable through which a holder passes its lock(s) to child processes. */
const TOKEN_ENV = 'LOCKSTEP_LOCK_TOKEN';
const SCHEMA = 1;
/** How long a waiter trusts what it read of an unchanged top generation (see acquireLock). */
const RECHECK_MS = 25;
/** Upper bound on the JSON size of release data: it is read on every acquire. */
const MAX_LOCK_DATA_BYTES = 4096;
// --- small pieces ---------------------------------------------------------
function lockDir(rt, name) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(rt.root, 'locks', name);
}
/** Lock directories this process has created or found: mkdir -p is two system calls per acquire otherwise. */
const knownLockDirs = new Set();
function ensureLockDir(dir) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true });
    }
    catch (e) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .fsError */ .yi)(e, 'create lock directory', dir);
    }
    if (knownLockDirs.size >= 1024)
        knownLockDirs.clear();
    knownLockDirs.add(dir);
}
/**
 * The fields of an owner record that say who holds a lock (the same for the
 * file and the remote backend): the owner process and its identity, and what
 * it is doing. Throws BAD_INPUT for an `ownerPid` that is not running.
 */
function ownerFields(name, opts, leaseMs) {
    const ownerPid = opts.ownerPid ?? process.pid;
    const ident = (0,_process_js__WEBPACK_IMPORTED_MODULE_7__/* .identityOf */ .cu)(ownerPid);
    if (ident.pidStart === null && ownerPid !== process.pid) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LockstepError */ .Cj('BAD_INPUT', `owner pid ${ownerPid} is not a running process`);
    }
    return {
        v: SCHEMA,
        lock: name,
        state: 'held',
        pid: ownerPid,
        pidStart: ident.pidStart,
        bootId: ident.bootId,
        host: ident.host,
        uid: ident.uid,
        task: opts.task ?? null,
        agent: opts.agent ?? null,
        cwd: opts.cwd ?? process.cwd(),
        command: opts.command ?? process.argv.slice(1).join(' ').slice(0, 500),
        leaseMs,
    };
}
/**
 * Writes this acquire's owner record to a temp file in the lock directory,
 * creating the directory the first time. Should it have been removed since
 * (a wiped runtime), it is created again and the write retried.
 */
function writeOwnerTemp(dir, data) {
    if (!knownLockDirs.has(dir))
        ensureLockDir(dir);
    try {
        return (0,_files_js__WEBPACK_IMPORTED_MODULE_5__/* .writeTempIn */ .nB)(dir, data);
    }
    catch {
        knownLockDirs.delete(dir);
        ensureLockDir(dir);
        return (0,_files_js__WEBPACK_IMPORTED_MODULE_5__/* .writeTempIn */ .nB)(dir, data);
    }
}
function checkLockData(data) {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LockstepError */ .Cj('BAD_INPUT', 'lock release data must be a JSON object');
    }
    const size = JSON.stringify(data).length;
    if (size > MAX_LOCK_DATA_BYTES)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LockstepError */ .Cj('BAD_INPUT', `lock release data is ${size} bytes of JSON; at most ${MAX_LOCK_DATA_BYTES} are kept`);
    return data;
}
/** The data on a released marker, when it is a well-formed object. */
function releasedData(rec) {
    if (rec.state !== 'released')
        return null;
    const d = rec.data;
    return typeof d === 'object' && d !== null && !Array.isArray(d) ? d : null;
}
function readView(dir) {
    let entries;
    try {
        entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return { top: 0, generations: 0, tickets: [], entries: [] };
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .fsError */ .yi)(e, 'read lock directory', dir);
    }
    let top = 0;
    let generations = 0;
    const tickets = [];
    for (const e of entries) {
        const c = e.charCodeAt(0);
        if (c >= 48 && c <= 57) {
            const n = Number(e);
            generations++;
            if (Number.isSafeInteger(n) && n > top)
                top = n;
        }
        else if (e.startsWith('w.')) {
            const n = Number(e.slice(2));
            if (Number.isSafeInteger(n))
                tickets.push(n);
        }
    }
    tickets.sort((a, b) => a - b);
    return { top, generations, tickets, entries };
}
const recordBuf = Buffer.allocUnsafe(16 * 1024);
/**
 * A record's text from one read(2): readFileSync reads a second time to see
 * the end of the file, and records are a few hundred bytes. The caller only
 * trusts it when it parses — no proper prefix of a JSON object is one — and
 * reads the file whole otherwise.
 */
function readRecordOnce(path) {
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, 'r');
    try {
        const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, recordBuf, 0, recordBuf.length, 0);
        return recordBuf.toString('utf8', 0, n);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
function parseRecord(text) {
    try {
        return { rec: JSON.parse(text) };
    }
    catch {
        return null;
    }
}
/** Reads generation `n`; null when it no longer exists; a "corrupt" result for garbage. */
function readGeneration(dir, n) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, String(n));
    let text;
    let parsed;
    try {
        text = readRecordOnce(path);
        parsed = parseRecord(text);
        if (!parsed) {
            // Cut short (or garbage): judge the whole file.
            text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
            parsed = parseRecord(text);
        }
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return null;
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .fsError */ .yi)(e, 'read lock record', path);
    }
    if (!parsed)
        return { corrupt: text.length === 0 ? 'empty record' : `not JSON: ${JSON.stringify(text.slice(0, 40))}` };
    const rec = parsed.rec;
    if (rec && (rec.state === 'held' || rec.state === 'released' || rec.state === 'broken'))
        return rec;
    return { corrupt: `unexpected record ${text.slice(0, 80)}` };
}
function isCorrupt(r) {
    return typeof r === 'object' && r !== null && 'corrupt' in r;
}
/** Alive, or why not. A holder on another host is judged by its lease only. */
function ownerLiveness(rec, now = Date.now()) {
    const main = (0,_process_js__WEBPACK_IMPORTED_MODULE_7__/* .liveness */ .QX)(rec);
    if (main.state === 'remote') {
        const expires = rec.renewedAtMs + rec.leaseMs;
        return now > expires ? { state: 'dead', reason: `lease of host ${rec.host} ran out ${Math.round((now - expires) / 1000)} s ago` } : main;
    }
    if (main.state === 'alive')
        return main;
    for (const extra of rec.extraOwners ?? []) {
        if ((0,_process_js__WEBPACK_IMPORTED_MODULE_7__/* .liveness */ .QX)({ ...extra, bootId: rec.bootId, host: rec.host }).state === 'alive')
            return { state: 'alive' };
    }
    return main;
}
function unlinkQuiet(p) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.unlinkSync)(p);
    }
    catch {
        /* gone already */
    }
}
function describeHolder(rec) {
    if (!rec)
        return 'nobody';
    const who = [rec.task ? `task ${rec.task}` : null, rec.agent ? `agent ${rec.agent}` : null, `pid ${rec.pid}`, rec.host !== (0,_process_js__WEBPACK_IMPORTED_MODULE_7__/* .hostId */ .My)() ? `host ${rec.host}` : null]
        .filter(Boolean)
        .join(', ');
    return who;
}
function parseTokenEnv(env) {
    const out = new Map();
    const raw = env[TOKEN_ENV];
    if (!raw)
        return out;
    for (const part of raw.split(',')) {
        const i = part.lastIndexOf(':');
        if (i <= 0)
            continue;
        const n = Number(part.slice(i + 1));
        if (Number.isSafeInteger(n) && n > 0)
            out.set(part.slice(0, i), n);
    }
    return out;
}
/** The value of LOCKSTEP_LOCK_TOKEN that passes `handle` (and any inherited locks) to a child. */
function tokenEnvFor(handle, env = process.env) {
    const m = parseTokenEnv(env);
    m.set(handle.name, handle.token);
    return [...m].map(([k, v]) => `${k}:${v}`).join(',');
}
function faultPauseMs(kind) {
    const spec = process.env.LOCKSTEP_FAULT;
    if (!spec)
        return 0;
    for (const part of spec.split(',')) {
        const [k, v] = part.split(':');
        if (k === kind)
            return Number(v) || 0;
    }
    return 0;
}
/**
 * Deletes generations well below `mine`, and leftover temp files of dead
 * processes. Generations go in ascending order: releaseLock relies on a
 * generation never outliving the one after it.
 */
function compact(dir, view, mine) {
    const old = [];
    for (const e of view.entries) {
        const c = e.charCodeAt(0);
        if (c >= 48 && c <= 57) {
            const n = Number(e);
            if (n < mine - 2)
                old.push(n);
        }
        else if (e.startsWith('.tmp.') && mine % 8 === 0) {
            // Every waiter keeps a temp file here while it waits; checking all their
            // pids on every acquire was most of the kill(2)s under contention, and a
            // dead process's leftover can wait a few generations to be removed.
            const pid = Number(e.split('.')[2]);
            if (pid !== process.pid && Number.isInteger(pid) && !pidAlive(pid))
                unlinkQuiet((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, e));
        }
    }
    old.sort((a, b) => a - b);
    for (const n of old)
        unlinkQuiet((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, String(n)));
}
function pidAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code === 'EPERM';
    }
}
/** Tickets below `mine` whose owner died are removed so they never block the queue. */
function dropDeadTickets(dir, tickets, below) {
    const live = [];
    for (const t of tickets) {
        if (t >= below)
            continue;
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, `w.${t}`);
        let rec = null;
        try {
            rec = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
        }
        catch {
            rec = null;
        }
        if (rec && ownerLiveness(rec).state === 'alive')
            live.push(t);
        else
            unlinkQuiet(path);
    }
    return live;
}
// --- acquire ----------------------------------------------------------------
function resolveRuntime(opts) {
    return opts.runtime ?? (0,_runtime_js__WEBPACK_IMPORTED_MODULE_8__/* .openRuntime */ .fS)({ cwd: opts.cwd });
}
function reentrantHandle(rt, name, dir, token) {
    const view = readView(dir);
    if (view.top !== token)
        return null;
    const rec = readGeneration(dir, token);
    if (!rec || isCorrupt(rec) || rec.state !== 'held')
        return null;
    if (ownerLiveness(rec).state !== 'alive')
        return null;
    return { name, token, nonce: rec.nonce, reentrant: true, dir, root: rt.root, acquiredAtMs: rec.acquiredAtMs, waitedMs: 0, tookOver: null, record: rec, previousData: null };
}
/**
 * Acquires the named lock, waiting up to `timeoutMs`. Throws LOCK_TIMEOUT
 * (naming the holder) when the deadline passes.
 */
async function acquireLock(opts = {}) {
    const name = (0,_runtime_js__WEBPACK_IMPORTED_MODULE_8__/* .validateLockName */ .LK)(opts.name ?? DEFAULT_LOCK);
    const rt = resolveRuntime(opts);
    const dir = lockDir(rt, name);
    const env = opts.env ?? process.env;
    if (opts.reentrant !== false) {
        const inherited = parseTokenEnv(env).get(name);
        if (inherited !== undefined) {
            const h = reentrantHandle(rt, name, dir, inherited);
            if (h)
                return h;
        }
    }
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LockstepError */ .Cj('BAD_INPUT', `invalid lock timeout ${timeoutMs}`);
    const now = Date.now();
    const record = {
        ...ownerFields(name, opts, opts.leaseMs ?? DEFAULT_LEASE_MS),
        nonce: (0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(8).toString('hex'),
        acquiredAt: new Date(now).toISOString(),
        acquiredAtMs: now,
        renewedAtMs: now,
    };
    const tmp = writeOwnerTemp(dir, JSON.stringify(record));
    const started = Date.now();
    const deadline = started + timeoutMs;
    let ticket = 0;
    let lastHolder = null;
    let lastToken = 0;
    let nextWaitReport = 0;
    let spins = 0;
    let firstTop = -1;
    let lastTop = -1;
    let topSince = started;
    let last = null;
    let waker = null;
    try {
        for (;;) {
            if (opts.signal?.aborted)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LockstepError */ .Cj('LOCK_TIMEOUT', `gave up waiting for the ${name} lock (aborted)`);
            const view = readView(dir);
            if (firstTop < 0)
                firstTop = view.top;
            if (view.top !== lastTop) {
                lastTop = view.top;
                topSince = Date.now();
            }
            // A waiter polls the same top many times. A generation's record never
            // changes once linked (but for its holder's own renewals), so within a
            // short while it is not re-read, nor a live holder re-judged: that only
            // delays noticing a dead holder by at most RECHECK_MS.
            const prev = last;
            const seen = prev && prev.top === view.top && Date.now() - prev.at < RECHECK_MS ? prev : null;
            const cur = view.top === 0 ? null : seen ? seen.rec : readGeneration(dir, view.top);
            let free = false;
            let handed = null;
            let stale = null;
            if (view.top === 0 || cur === null) {
                free = view.top === 0;
                if (cur === null && view.top !== 0)
                    continue; // compacted under us: re-read
            }
            else if (isCorrupt(cur)) {
                // A garbage record can only come from outside lockstep (or a disk fault):
                // treat it as stale so the repository is not blocked forever, and say so.
                stale = { token: view.top, rec: null, reason: `corrupt record (${cur.corrupt})` };
            }
            else if (cur.state !== 'held') {
                free = true;
                handed = releasedData(cur);
            }
            else {
                lastHolder = cur;
                // A holder on this host that acquired (or renewed) within RECHECK_MS
                // was alive a moment ago: a waiter with time to wait judges it on a
                // later look instead of checking its process on every hand-off.
                const fresh = timeoutMs > 0 && cur.host === (0,_process_js__WEBPACK_IMPORTED_MODULE_7__/* .hostId */ .My)() && Math.abs(Date.now() - cur.renewedAtMs) < RECHECK_MS;
                const l = seen || fresh ? { state: 'alive' } : ownerLiveness(cur);
                if (l.state === 'dead')
                    stale = { token: view.top, rec: cur, reason: l.reason };
            }
            if (!seen && cur && !isCorrupt(cur) && !stale)
                last = { top: view.top, rec: cur, at: Date.now() };
            lastToken = view.top;
            if (free || stale) {
                // Fairness: the lowest live ticket goes first. Without a ticket we may
                // only go when nobody is queued.
                let mayGo = ticket === 0 ? view.tickets.length === 0 : view.tickets[0] === ticket || view.tickets.length === 0;
                if (!mayGo && Date.now() - topSince > 20) {
                    // The queue has not moved for a while: drop tickets of dead waiters.
                    const live = dropDeadTickets(dir, view.tickets, ticket === 0 ? Number.MAX_SAFE_INTEGER : ticket);
                    mayGo = live.length === 0;
                }
                if (mayGo) {
                    if (stale) {
                        const pause = faultPauseMs('pause-before-takeover');
                        if (pause > 0)
                            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_3__.setTimeout)(pause);
                    }
                    const mine = view.top + 1;
                    const target = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, String(mine));
                    if ((0,_files_js__WEBPACK_IMPORTED_MODULE_5__/* .tryLink */ .qB)(tmp, target)) {
                        const after = readView(dir);
                        if (after.top !== mine) {
                            // Our view was stale and the name had been compacted: not ours.
                            unlinkQuiet(target);
                            continue;
                        }
                        const acquiredAtMs = Date.now();
                        if (ticket)
                            unlinkQuiet((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, `w.${ticket}`));
                        const queued = ticket ? after.tickets.filter((t) => t !== ticket) : after.tickets;
                        // Compaction normally runs after the release (off the critical
                        // path); a lock released by other means (the shell hooks' ln) is
                        // compacted here once enough generations pile up.
                        if (after.generations > 16)
                            compact(dir, after, mine);
                        const waitedMs = acquiredAtMs - started;
                        const tookOver = stale
                            ? { token: stale.token, pid: stale.rec?.pid ?? 0, host: stale.rec?.host ?? '', reason: stale.reason, task: stale.rec?.task ?? null }
                            : null;
                        if (tookOver)
                            (0,_events_js__WEBPACK_IMPORTED_MODULE_6__/* .appendEvent */ .Zn)(rt.root, 'takeover', { lock: name, token: mine, from: tookOver });
                        (0,_events_js__WEBPACK_IMPORTED_MODULE_6__/* .appendEvent */ .Zn)(rt.root, 'acquire', { lock: name, token: mine, owner: record.pid, task: record.task, agent: record.agent, waitedMs });
                        const handle = { name, token: mine, nonce: record.nonce, reentrant: false, dir, root: rt.root, acquiredAtMs, waitedMs, tookOver, record, previousData: handed };
                        acquiredViews.set(handle, { ...after, tickets: queued });
                        return handle;
                    }
                    spins = 0;
                    continue; // somebody else linked first: look again at once
                }
            }
            // Held (or not our turn): wait.
            const t = Date.now();
            if (t >= deadline) {
                (0,_events_js__WEBPACK_IMPORTED_MODULE_6__/* .appendEvent */ .Zn)(rt.root, 'timeout', { lock: name, token: lastToken, waitedMs: t - started, heldBy: lastHolder?.pid ?? null });
                const holderText = describeHolder(lastHolder);
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LockstepError */ .Cj('LOCK_TIMEOUT', `timed out after ${((t - started) / 1000).toFixed(1)} s waiting for the ${name} lock held by ${holderText}${lastHolder ? ` since ${lastHolder.acquiredAt}` : ''}`, {
                    hint: lastHolder ? `see who holds it: lockstep lock status ${name}; if that process is gone, lockstep lock break ${name}` : `lockstep lock status ${name}`,
                    detail: { lock: name, token: lastToken, holder: lastHolder },
                });
            }
            if (ticket === 0 && timeoutMs > 0) {
                ticket = takeTicket(dir, tmp, view.tickets);
                (0,_events_js__WEBPACK_IMPORTED_MODULE_6__/* .appendEvent */ .Zn)(rt.root, 'wait', { lock: name, token: view.top, ticket, heldBy: lastHolder?.pid ?? null, heldByTask: lastHolder?.task ?? null });
                if (ticket) {
                    // Ask to be woken, then — first in line — look again before
                    // sleeping: a release that happened before the ticket existed
                    // could not wake us. Behind others, their turns come first.
                    waker = ticketWaker((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, `w.${ticket}`));
                    if (view.tickets.length === 0)
                        continue;
                }
            }
            if (opts.onWait && t >= nextWaitReport) {
                nextWaitReport = t + 1000;
                opts.onWait({ name, waitedMs: t - started, holder: lastHolder, token: lastToken, waiters: view.tickets.length });
            }
            // With a waker, the releaser wakes the head of the queue directly, so
            // polling is only the safety net (a holder that dies, a release by the
            // shell hooks, a file system without inotify): the head looks every few
            // ms, the rest rarely. Without one, the head polls tightly (it is next)
            // and the rest back off with jitter, timed by how long one hand-off
            // takes, learned from how fast the generations advance (two per holder:
            // acquire and release).
            const cycles = (view.top - firstTop) / 2;
            const cycleMs = cycles >= 1 ? (t - started) / cycles : 2;
            const position = ticket === 0 ? view.tickets.length : Math.max(0, view.tickets.indexOf(ticket));
            spins++;
            let delay;
            if (waker) {
                // TEST-ONLY: LOCKSTEP_FAULT=wait-poll-ms:MS stretches the safety net,
                // to show a waiter is woken by the release and not by its own polling.
                delay = faultPauseMs('wait-poll-ms') || (position === 0 ? 2 : 20 + Math.random() * 30);
            }
            else if (position === 0) {
                delay = spins < 200 ? 0 : Math.min(4, 1 + (spins >> 8));
            }
            else {
                // Wake well before our turn (half the expected wait, with jitter), so
                // the next in line is already polling when the lock is released.
                const expected = position * cycleMs;
                delay = Math.min(50, expected * (0.3 + Math.random() * 0.2));
                if (delay < 1)
                    delay = 0;
            }
            delay = Math.min(delay, Math.max(0, deadline - Date.now()));
            if (waker)
                await waker.wait(delay);
            else if (delay === 0)
                await new Promise((r) => setImmediate(r));
            else
                await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_3__.setTimeout)(delay);
        }
    }
    finally {
        waker?.close();
        unlinkQuiet(tmp);
        if (ticket)
            unlinkQuiet((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, `w.${ticket}`));
    }
}
function ticketWaker(path) {
    let pending = false;
    let wakeUp = null;
    let watcher;
    try {
        watcher = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.watch)(path, { persistent: false }, () => {
            pending = true;
            wakeUp?.();
        });
    }
    catch {
        return null; // no inotify (or out of watches): poll as before
    }
    watcher.on('error', () => {
        /* the ticket went away (dropped as dead, or acquired): the timer still runs */
    });
    return {
        wait(ms) {
            if (pending) {
                pending = false;
                return Promise.resolve();
            }
            return new Promise((resolve) => {
                const done = () => {
                    clearTimeout(timer);
                    wakeUp = null;
                    pending = false;
                    resolve();
                };
                const timer = setTimeout(done, ms);
                wakeUp = done;
            });
        },
        close() {
            wakeUp = null;
            watcher.close();
        },
    };
}
/**
 * Wakes the next waiter after a release: the lowest ticket among those the
 * holder saw queued when it acquired (a waiter queued later looks again
 * after taking its ticket, so it either saw this release or is in that list
 * by the next one) — or, when none were queued, `w.1`, the ticket the first
 * waiter of an empty queue takes. One system call when there is nobody to wake.
 */
function wakeNext(dir, queued) {
    const now = new Date();
    for (const t of queued.length ? queued : [1]) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.utimesSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, `w.${t}`), now, now);
            return;
        }
        catch {
            /* that waiter is gone: the next */
        }
    }
}
/** The directory as each holder saw it right after acquiring: who was queued, and what to compact after the release. */
const acquiredViews = new WeakMap();
function takeTicket(dir, tmp, known) {
    let n = (known.length ? known[known.length - 1] : 0) + 1;
    for (let i = 0; i < 1000; i++, n++) {
        if ((0,_files_js__WEBPACK_IMPORTED_MODULE_5__/* .tryLink */ .qB)(tmp, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, `w.${n}`)))
            return n;
    }
    return 0; // could not queue: we still compete, just without a place in line
}
function compromised(rt, name, token, dir, why) {
    const view = readView(dir);
    const cur = view.top ? readGeneration(dir, view.top) : null;
    const now = cur && !isCorrupt(cur) && cur.state === 'held' ? `it is now held by ${describeHolder(cur)} (token ${view.top})` : `its current token is ${view.top}`;
    (0,_events_js__WEBPACK_IMPORTED_MODULE_6__/* .appendEvent */ .Zn)(rt.root, 'compromised', { lock: name, token, current: view.top, why });
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LockstepError */ .Cj('LOCK_COMPROMISED', `lock compromised: the ${name} lock with token ${token} is no longer held by its owner (${why}); ${now}`, {
        hint: `work done under token ${token} may have raced another holder; check it with lockstep validate and lockstep lock status ${name}`,
        detail: { lock: name, token, current: view.top },
    });
}
/** Links the marker that frees the lock after generation `ended`, then wakes the next waiter (`queued`: see wakeNext). */
function writeFreeMarker(dir, name, ended, state, queued, reason, data) {
    const marker = { v: SCHEMA, lock: name, state, by: { pid: process.pid, host: (0,_process_js__WEBPACK_IMPORTED_MODULE_7__/* .hostId */ .My)() }, at: new Date().toISOString(), ended, ...(reason ? { reason } : {}), ...(data ? { data } : {}) };
    const tmp = (0,_files_js__WEBPACK_IMPORTED_MODULE_5__/* .writeTempIn */ .nB)(dir, JSON.stringify(marker));
    try {
        if (!(0,_files_js__WEBPACK_IMPORTED_MODULE_5__/* .tryLink */ .qB)(tmp, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, String(ended + 1))))
            return false;
        wakeNext(dir, queued);
        return true;
    }
    finally {
        unlinkQuiet(tmp);
    }
}
/**
 * Releases a lock held with `token`. Throws LOCK_COMPROMISED when the lock
 * was taken away (a loud error, never a silent success).
 *
 * For a handle from this process's own acquireLock the directory is not
 * read again: the record under `token` must still be ours and the release
 * marker's link of `token + 1` must succeed. Every way of losing the lock —
 * a takeover, a break — links `token + 1` itself, so the link fails; and
 * compaction removes generations in ascending order, so `token + 1` cannot
 * have been compacted away while `token` is still there.
 */
function releaseLock(handle, opts = {}) {
    const name = (0,_runtime_js__WEBPACK_IMPORTED_MODULE_8__/* .validateLockName */ .LK)(handle.name);
    const data = opts.data === undefined ? undefined : checkLockData(opts.data);
    if (handle.reentrant)
        return { name, token: handle.token, heldMs: 0, reentrant: true };
    if (!Number.isSafeInteger(handle.token) || handle.token <= 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LockstepError */ .Cj('BAD_INPUT', `invalid token ${JSON.stringify(handle.token)}: tokens are positive integers`);
    const rt = handle.root ? { root: handle.root } : resolveRuntime(handle);
    const dir = handle.dir ?? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(rt.root, 'locks', name);
    const acquiredView = acquiredViews.get(handle);
    let cur;
    if (acquiredView) {
        // This process's own acquisition (see above).
        cur = readGeneration(dir, handle.token);
        if (!isOurs(cur, handle.nonce))
            throw notReleased(rt, name, handle.token, dir);
        if (!writeFreeMarker(dir, name, handle.token, 'released', acquiredView.tickets, undefined, data))
            throw notReleased(rt, name, handle.token, dir);
        compact(dir, acquiredView, handle.token);
    }
    else {
        // A handle rebuilt from a token (the CLI, a hook): a token that is not
        // the top must not be linked above, so look before linking.
        const view = readView(dir);
        if (view.top !== handle.token)
            throw notReleased(rt, name, handle.token, dir);
        cur = readGeneration(dir, handle.token);
        if (!isOurs(cur, handle.nonce))
            throw notReleased(rt, name, handle.token, dir);
        if (!writeFreeMarker(dir, name, handle.token, 'released', view.tickets, undefined, data))
            throw compromised(rt, name, handle.token, dir, 'taken over while releasing');
    }
    const heldMs = Date.now() - cur.acquiredAtMs;
    (0,_events_js__WEBPACK_IMPORTED_MODULE_6__/* .appendEvent */ .Zn)(rt.root, 'release', { lock: name, token: handle.token, heldMs, task: cur.task });
    return { name, token: handle.token, heldMs, reentrant: false };
}
function isOurs(cur, nonce) {
    return !!cur && !isCorrupt(cur) && cur.state === 'held' && (!nonce || cur.nonce === nonce);
}
/** Why `token` cannot be released: already released (LOCK_NOT_HELD), or lost — or never this holder's (the top, but not its record). */
function notReleased(rt, name, token, dir) {
    const view = readView(dir);
    const next = view.top > token ? readGeneration(dir, token + 1) : null;
    if (next && !isCorrupt(next) && next.state === 'released') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LockstepError */ .Cj('LOCK_NOT_HELD', `the ${name} lock with token ${token} was already released (at ${next.at})`, {
            hint: `see the lock now: lockstep lock status ${name}`,
            detail: { lock: name, token, current: view.top },
        });
    }
    const why = next && !isCorrupt(next) && next.state === 'broken'
        ? `broken by pid ${next.by.pid}: ${next.reason ?? 'no reason given'}`
        : view.top > token
            ? 'a later owner took it over'
            : view.top === token
                ? 'the record under this token is not ours'
                : 'no such token';
    return compromised(rt, name, token, dir, why);
}
/**
 * Rewrites the holder's record in place (rename over its own generation):
 * renews the lease and optionally adds owner processes. Throws LOCK_COMPROMISED if no longer held.
 */
function updateLock(handle, change = {}) {
    if (handle.reentrant)
        return handle.record;
    const view = readView(handle.dir);
    const cur = readGeneration(handle.dir, handle.token);
    if (view.top !== handle.token || !cur || isCorrupt(cur) || cur.state !== 'held' || cur.nonce !== handle.nonce) {
        throw compromised({ root: handle.root }, handle.name, handle.token, handle.dir, 'lost before renewal');
    }
    const next = { ...cur };
    if (change.renew !== false)
        next.renewedAtMs = Date.now();
    if (change.addOwners?.length) {
        next.extraOwners = [...(cur.extraOwners ?? []), ...change.addOwners.map((pid) => ({ pid, pidStart: (0,_process_js__WEBPACK_IMPORTED_MODULE_7__/* .startStamp */ .UY)(pid) }))];
    }
    const tmp = (0,_files_js__WEBPACK_IMPORTED_MODULE_5__/* .writeTempIn */ .nB)(handle.dir, JSON.stringify(next));
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(tmp, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(handle.dir, String(handle.token)));
    }
    catch (e) {
        unlinkQuiet(tmp);
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .fsError */ .yi)(e, 'renew lock record', handle.dir);
    }
    handle.record = next;
    return next;
}
function lockStatus(opts = {}) {
    const name = (0,_runtime_js__WEBPACK_IMPORTED_MODULE_8__/* .validateLockName */ .LK)(opts.name ?? DEFAULT_LOCK);
    const rt = resolveRuntime(opts);
    const dir = lockDir(rt, name);
    for (let attempt = 0;; attempt++) {
        const view = readView(dir);
        const base = { name, token: view.top, path: dir, waiters: view.tickets.length };
        if (view.top === 0)
            return { ...base, state: 'free', holder: null, ageMs: null, staleReason: null };
        const cur = readGeneration(dir, view.top);
        if (cur === null && attempt < 5)
            continue;
        if (cur === null)
            return { ...base, state: 'free', holder: null, ageMs: null, staleReason: null };
        if (isCorrupt(cur))
            return { ...base, state: 'stale', holder: null, ageMs: null, staleReason: `corrupt record (${cur.corrupt})` };
        if (cur.state !== 'held')
            return { ...base, state: 'free', holder: null, ageMs: null, staleReason: null };
        const l = ownerLiveness(cur);
        return { ...base, state: l.state === 'dead' ? 'stale' : 'held', holder: cur, ageMs: Date.now() - cur.acquiredAtMs, staleReason: l.state === 'dead' ? l.reason : null };
    }
}
/** All locks that exist in this repository's runtime (held or not). */
function listLocks(opts = {}) {
    const rt = resolveRuntime(opts);
    let names = [];
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(rt.root, 'locks')).filter((n) => /^[a-z0-9][a-z0-9._-]{0,63}$/.test(n));
    }
    catch {
        names = [];
    }
    return names.sort().map((name) => lockStatus({ runtime: rt, name }));
}
function breakLock(opts = {}) {
    const name = (0,_runtime_js__WEBPACK_IMPORTED_MODULE_8__/* .validateLockName */ .LK)(opts.name ?? DEFAULT_LOCK);
    const rt = resolveRuntime(opts);
    const st = lockStatus({ runtime: rt, name });
    if (opts.expectToken !== undefined && st.token !== opts.expectToken) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LockstepError */ .Cj('CONFLICT', `the ${name} lock is at token ${st.token}, not ${opts.expectToken}: nothing broken`, {
            hint: `look again: lockstep lock status ${name}`,
            detail: { lock: name, token: st.token, expected: opts.expectToken },
        });
    }
    if (st.state === 'free')
        return { broken: false, name, token: st.token, reason: 'free' };
    if (st.state === 'held' && !opts.force) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LockstepError */ .Cj('LOCK_HELD', `the ${name} lock is held by ${describeHolder(st.holder)} (token ${st.token}), which is still running: not broken`, {
            hint: `wait for it, stop that process, or break it anyway: lockstep lock break ${name} --expect-token ${st.token} --force`,
            detail: { lock: name, token: st.token, holder: st.holder },
        });
    }
    const reason = st.state === 'stale' ? (st.staleReason ?? 'stale') : 'forced';
    if (!writeFreeMarker(st.path, name, st.token, 'broken', readView(st.path).tickets, reason)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LockstepError */ .Cj('CONFLICT', `the ${name} lock changed while breaking it (token ${st.token} is no longer current): nothing broken`, {
            hint: `look again: lockstep lock status ${name}`,
        });
    }
    (0,_events_js__WEBPACK_IMPORTED_MODULE_6__/* .appendEvent */ .Zn)(rt.root, 'break', { lock: name, token: st.token, reason, previous: st.holder?.pid ?? null, task: st.holder?.task ?? null });
    return { broken: true, name, token: st.token, previous: st.holder, reason };
}
/** Runs `fn` holding the lock; releases it however `fn` ends. */
async function withLock(opts, fn) {
    const h = await acquireLock(opts);
    try {
        return await fn(h);
    }
    finally {
        releaseLock(h);
    }
}


/***/ })

};
