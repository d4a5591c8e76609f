export const id = 752;
export const ids = [752];
export const modules = {

/***/ 5881:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D1: () => (/* binding */ agentLeaseEnd),
/* harmony export */   VU: () => (/* binding */ markAgent),
/* harmony export */   jQ: () => (/* binding */ heartbeat),
/* harmony export */   s7: () => (/* binding */ agentProcessAlive),
/* harmony export */   si: () => (/* binding */ readAgent),
/* harmony export */   vc: () => (/* binding */ listAgents),
/* harmony export */   zC: () => (/* binding */ removeAgentRecord)
/* harmony export */ });
/* unused harmony exports DEFAULT_AGENT_LEASE_MS, agentPath */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9928);
/* harmony import */ var _core_process_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9978);
/* harmony import */ var _core_runtime_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9199);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4296);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8579);
/**
 * Agent records: `<runtime>/agents/<agent>.json`, one per agent, renewed by
 * heartbeats. A record names the agent's process (pid + start time + boot id
 * + host, so a reused pid is not mistaken for the agent) and its lease.
 *
 * A heartbeat extends the lease of every claim the agent holds. In the
 * runner the heartbeats come from the coordinator, not from the agent
 * command: CPU load on the agent cannot starve them, and a live agent keeps
 * its claims anyway because reclaim also requires its process to be gone.
 */







const DEFAULT_AGENT_LEASE_MS = 60_000;
function agentsDir(rt) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(rt.root, 'agents');
}
function agentPath(rt, agent) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(agentsDir(rt), `${agent}.json`);
}
function parseAgent(text) {
    try {
        const r = JSON.parse(text);
        return r && typeof r.agent === 'string' && typeof r.renewedAtMs === 'number' ? r : null;
    }
    catch {
        return null;
    }
}
function readAgent(rt, agent) {
    try {
        return parseAgent((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(agentPath(rt, agent), 'utf8'));
    }
    catch {
        return null;
    }
}
/** Renews (or starts) the agent's lease. Returns the record written. */
function heartbeat(opts) {
    const agent = (0,_names_js__WEBPACK_IMPORTED_MODULE_6__/* .validateAgentId */ .zr)(opts.agent);
    const rt = opts.runtime ?? (0,_core_runtime_js__WEBPACK_IMPORTED_MODULE_4__/* .openRuntime */ .fS)({ cwd: opts.cwd });
    const leaseMs = opts.leaseMs ?? DEFAULT_AGENT_LEASE_MS;
    if (!Number.isFinite(leaseMs) || leaseMs <= 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LockstepError */ .Cj('BAD_INPUT', `invalid lease ${leaseMs} ms: it must be > 0`);
    const pid = opts.ownerPid ?? process.pid;
    const ident = (0,_core_process_js__WEBPACK_IMPORTED_MODULE_3__/* .identityOf */ .cu)(pid);
    if (ident.pidStart === null && pid !== process.pid) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LockstepError */ .Cj('BAD_INPUT', `owner pid ${pid} is not a running process`);
    }
    (0,_core_files_js__WEBPACK_IMPORTED_MODULE_2__/* .ensureDir */ .A0)(agentsDir(rt));
    const prev = readAgent(rt, agent);
    const same = prev && prev.pid === pid && prev.pidStart === ident.pidStart && prev.host === ident.host;
    const now = Date.now();
    // Fields not given are kept from the same process's previous heartbeat.
    const keep = (v, old) => (v !== undefined ? v : same ? (old ?? null) : null);
    const rec = {
        v: 1,
        agent,
        pid,
        pidStart: ident.pidStart,
        bootId: ident.bootId,
        host: ident.host,
        startedAt: same ? prev.startedAt : new Date(now).toISOString(),
        startedAtMs: same ? prev.startedAtMs : now,
        renewedAt: new Date(now).toISOString(),
        renewedAtMs: now,
        leaseMs,
        state: keep(opts.state, prev?.state),
        queue: keep(opts.queue, prev?.queue),
        item: keep(opts.item, prev?.item),
        generation: keep(opts.generation, prev?.generation),
        worktree: keep(opts.worktree, prev?.worktree),
        runId: keep(opts.runId, prev?.runId),
    };
    (0,_core_files_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFileAtomic */ .Zf)(agentPath(rt, agent), JSON.stringify(rec));
    return rec;
}
function listAgents(opts = {}) {
    const rt = opts.runtime ?? (0,_core_runtime_js__WEBPACK_IMPORTED_MODULE_4__/* .openRuntime */ .fS)({ cwd: opts.cwd });
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(agentsDir(rt));
    }
    catch {
        return [];
    }
    const out = [];
    for (const n of names.sort()) {
        if (!n.endsWith('.json') || n.startsWith('.'))
            continue;
        try {
            const r = parseAgent((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(agentsDir(rt), n), 'utf8'));
            if (r)
                out.push(r);
        }
        catch {
            /* removed while listing */
        }
    }
    return out;
}
/** When the agent's lease runs out (ms since the epoch). */
function agentLeaseEnd(rec) {
    return rec.renewedAtMs + rec.leaseMs;
}
/**
 * Is the agent's process still there? On another host only its lease can
 * tell, so there "alive" means "lease not run out".
 */
function agentProcessAlive(rec, now = Date.now()) {
    const l = (0,_core_process_js__WEBPACK_IMPORTED_MODULE_3__/* .liveness */ .QX)(rec);
    if (l.state === 'remote')
        return now <= agentLeaseEnd(rec);
    return l.state === 'alive';
}
/** Changes the recorded state without renewing the lease (a dead agent's lease must run out, not be extended). */
function markAgent(rt, agent, state) {
    const prev = readAgent(rt, (0,_names_js__WEBPACK_IMPORTED_MODULE_6__/* .validateAgentId */ .zr)(agent));
    if (!prev)
        return null;
    const next = { ...prev, state };
    (0,_core_files_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFileAtomic */ .Zf)(agentPath(rt, agent), JSON.stringify(next));
    return next;
}
function removeAgentRecord(rt, agent) {
    return (0,_core_files_js__WEBPACK_IMPORTED_MODULE_2__/* .unlinkQuiet */ ._f)(agentPath(rt, (0,_names_js__WEBPACK_IMPORTED_MODULE_6__/* .validateAgentId */ .zr)(agent)));
}


/***/ }),

/***/ 8579:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TY: () => (/* binding */ validatePriority),
/* harmony export */   iD: () => (/* binding */ DEFAULT_QUEUE),
/* harmony export */   vL: () => (/* binding */ validateQueueName),
/* harmony export */   xs: () => (/* binding */ validateItemId),
/* harmony export */   zr: () => (/* binding */ validateAgentId)
/* harmony export */ });
/* unused harmony exports MIN_PRIORITY, MAX_PRIORITY */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/**
 * Names that come from outside and become file names (and, for agents, git
 * branch names): item ids, agent ids and queue names. Each is validated here
 * before it touches the file system or git.
 */

/** Item ids: letters, digits, '.', '_', '-' (no '@': it separates id and generation in file names). */
const ITEM_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** Agent ids also name the branch `lockstep/<agent>`, so no dots at all (no `..`, no `.lock`). */
const AGENT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const QUEUE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const DEFAULT_QUEUE = 'default';
function validateItemId(id) {
    if (typeof id !== 'string' || !ITEM_ID.test(id) || id.includes('..') || id.endsWith('.') || id.endsWith('.lock')) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockstepError */ .Cj('BAD_NAME', `invalid item id ${JSON.stringify(id)}: use 1-128 characters of A-Z, a-z, 0-9, '.', '_' or '-', starting with a letter or digit (no '..', not ending in '.' or '.lock')`);
    }
    return id;
}
function validateAgentId(agent) {
    if (typeof agent !== 'string' || !AGENT_ID.test(agent)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockstepError */ .Cj('BAD_NAME', `invalid agent id ${JSON.stringify(agent)}: use 1-64 characters of A-Z, a-z, 0-9, '_' or '-', starting with a letter or digit`);
    }
    return agent;
}
function validateQueueName(name) {
    if (typeof name !== 'string' || !QUEUE_NAME.test(name)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockstepError */ .Cj('BAD_NAME', `invalid queue name ${JSON.stringify(name)}: use 1-64 characters of a-z, 0-9, '_' or '-', starting with a letter or digit`);
    }
    return name;
}
const MIN_PRIORITY = -1_000_000;
const MAX_PRIORITY = 1_000_000;
function validatePriority(p) {
    if (!Number.isSafeInteger(p) || p < MIN_PRIORITY || p > MAX_PRIORITY) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockstepError */ .Cj('BAD_INPUT', `invalid priority ${JSON.stringify(p)}: use a whole number from ${MIN_PRIORITY} to ${MAX_PRIORITY} (higher is claimed first)`);
    }
    return p;
}


/***/ }),

/***/ 4752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ar: () => (/* binding */ listClaims),
/* harmony export */   B5: () => (/* binding */ addItem),
/* harmony export */   Df: () => (/* binding */ completeItem),
/* harmony export */   Dw: () => (/* binding */ listItems),
/* harmony export */   Gz: () => (/* binding */ DEFAULT_MAX_ATTEMPTS),
/* harmony export */   WM: () => (/* binding */ queueCounts),
/* harmony export */   XT: () => (/* binding */ DEFAULT_CLAIM_LEASE_MS),
/* harmony export */   Ym: () => (/* binding */ claimNext),
/* harmony export */   bP: () => (/* binding */ listQueues),
/* harmony export */   e9: () => (/* binding */ currentClaim),
/* harmony export */   mf: () => (/* binding */ failItem),
/* harmony export */   sd: () => (/* binding */ reclaim)
/* harmony export */ });
/* unused harmony exports EMPTY_CLAIM_GRACE_MS, claimStats, claimLeaseEnd */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _core_events_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7842);
/* harmony import */ var _core_files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9928);
/* harmony import */ var _core_process_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9978);
/* harmony import */ var _core_runtime_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9199);
/* harmony import */ var _agents_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5881);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8579);
/**
 * The work queue: items claimed by exactly one agent at a time, with leases,
 * reclaim of abandoned work, and generations that fence stale completions.
 *
 * State lives in `<runtime>/queue/<name>/` (name `default` unless given):
 *
 *   items/<id>.json         the item (priority, payload, order); written once
 *   payloads/<id>           a copy of the payload file given to `add`
 *   pending/<key>@<g>       empty file: the item waits for its claim number g
 *                           (key = priority, then order added, then id: a plain
 *                           name sort gives the claim order)
 *   pending.added           grows by a byte per new pending entry (see below)
 *   claimed/<id>@<g>        claim g: who holds it (agent, process, lease)
 *   resolved/<id>@<g>       how claim g ended (done, failed, retry, reclaimed)
 *   done/<id>, failed/<id>  final state (hard links of the deciding resolution)
 *
 * Exactly-once rests on two link(2) races, each with one winner:
 *
 * - Claim g of an item = link(pending/…@g → claimed/<id>@g): the pending
 *   entry's own inode becomes the claim, and the winner then writes its
 *   record into it. EEXIST (somebody holds it) or ENOENT (somebody took the
 *   entry) means another claimer won. A claim file is only ever removed after
 *   its resolution exists, so a claimer that links a name freed that way sees
 *   resolved/<id>@g right after and backs off: a generation is never owned twice.
 * - The end of claim g = link(resolution → resolved/<id>@g). `done`, `fail` and
 *   `reclaim` all race for that one name, so a completion from a claim that
 *   was reclaimed (or a reclaim of a claim that just completed) finds it taken
 *   and is refused. Only the winner's next step (done/, failed/, or
 *   pending/…@g+1) happens, and it is idempotent, so anybody may finish a
 *   transition a crashed process left half done.
 */











const DEFAULT_CLAIM_LEASE_MS = 60_000;
const DEFAULT_MAX_ATTEMPTS = 3;
/**
 * A won claim is written microseconds after its link; one still empty after
 * this long belongs to a claimer that died in between (its owner is unknown,
 * so this stands in for owner + lease).
 */
const EMPTY_CLAIM_GRACE_MS = 5_000;
const made = new Set();
function queueDirs(rt, queue) {
    const name = (0,_names_js__WEBPACK_IMPORTED_MODULE_9__/* .validateQueueName */ .vL)(queue ?? _names_js__WEBPACK_IMPORTED_MODULE_9__/* .DEFAULT_QUEUE */ .iD);
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(rt.root, 'queue', name);
    const d = {
        root: rt.root,
        name,
        dir,
        items: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'items'),
        payloads: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'payloads'),
        pending: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'pending'),
        claimed: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'claimed'),
        resolved: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'resolved'),
        done: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'done'),
        failed: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'failed'),
    };
    if (!made.has(dir)) {
        for (const p of [d.items, d.payloads, d.pending, d.claimed, d.resolved, d.done, d.failed])
            (0,_core_files_js__WEBPACK_IMPORTED_MODULE_5__/* .ensureDir */ .A0)(p);
        made.add(dir);
    }
    return d;
}
function existingQueueDirs(rt, queue) {
    const name = (0,_names_js__WEBPACK_IMPORTED_MODULE_9__/* .validateQueueName */ .vL)(queue ?? _names_js__WEBPACK_IMPORTED_MODULE_9__/* .DEFAULT_QUEUE */ .iD);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(rt.root, 'queue', name, 'items')))
        return null;
    return queueDirs(rt, name);
}
/** Names of the queues that exist in this repository. */
function listQueues(opts = {}) {
    const rt = opts.runtime ?? (0,_core_runtime_js__WEBPACK_IMPORTED_MODULE_7__/* .openRuntime */ .fS)({ cwd: opts.cwd });
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(rt.root, 'queue'))
            .filter((n) => /^[a-z0-9][a-z0-9_-]{0,63}$/.test(n) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(rt.root, 'queue', n, 'items')))
            .sort();
    }
    catch {
        return [];
    }
}
/** Higher priority sorts first: the key is 1e6 - priority, zero-padded. */
function priorityKey(priority) {
    return String(1_000_000 - priority).padStart(7, '0');
}
function pendingName(item, generation) {
    return `${priorityKey(item.priority)}.${item.seq}.${item.id}@${generation}`;
}
function parsePending(name) {
    if (name.length < 28 || name[7] !== '.' || name[24] !== '.')
        return null;
    const at = name.lastIndexOf('@');
    if (at < 26)
        return null;
    const generation = Number(name.slice(at + 1));
    if (!Number.isSafeInteger(generation) || generation < 1)
        return null;
    return { name, id: name.slice(25, at), generation, priority: 1_000_000 - Number(name.slice(0, 7)) };
}
function parseClaimName(name) {
    if (name.startsWith('.'))
        return null;
    const at = name.lastIndexOf('@');
    if (at < 1)
        return null;
    const generation = Number(name.slice(at + 1));
    if (!Number.isSafeInteger(generation) || generation < 1)
        return null;
    return { id: name.slice(0, at), generation };
}
/**
 * Claimers racing for the head of the list would each lose to one another
 * nine times out of ten. After a lost race, a claimer picks its next
 * candidate at random among the first CLAIM_SPREAD entries of the same
 * priority: strict order while it claims alone, first-in-first-out within a
 * small window while it competes — never across priorities.
 */
const CLAIM_SPREAD = 16;
const SPREAD_FOR_MS = 1000;
/** Per-process counters of the claim loop (for benchmarks and diagnosis). */
const claimStats = { won: 0, lost: 0, listings: 0 };
function nextCandidate(view) {
    const { names } = view;
    const head = view.next;
    if (Date.now() - view.lostAt < SPREAD_FOR_MS) {
        const prio = names[head].slice(0, 7);
        let span = 1;
        while (span < CLAIM_SPREAD && head + span < names.length && names[head + span].startsWith(prio))
            span++;
        const j = head + Math.floor(Math.random() * span);
        [names[head], names[j]] = [names[j], names[head]];
    }
    view.next++;
    return names[head];
}
const views = new Map();
function addedSignature(d) {
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.dir, 'pending.added'));
        return `${st.ino}:${st.size}`;
    }
    catch {
        return 'none';
    }
}
function noteNewPending(d) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.dir, 'pending.added'), '+');
    }
    catch {
        /* claimers still re-list when their listing runs out */
    }
}
function freshView(d) {
    const sig = addedSignature(d); // before listing: an entry added after this changes the signature
    claimStats.listings++;
    const view = { sig, names: listDir(d.pending).sort(), next: 0, lostAt: views.get(d.pending)?.lostAt ?? 0 };
    views.set(d.pending, view);
    return view;
}
let seqCounter = 0;
function nextSeq() {
    seqCounter = (seqCounter + 1) % 1000;
    return `${String(Date.now()).padStart(13, '0')}${String(seqCounter).padStart(3, '0')}`;
}
// --- small file pieces -----------------------------------------------------------
function linkOutcome(src, dest) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.linkSync)(src, dest);
        return 'linked';
    }
    catch (e) {
        const code = e.code;
        if (code === 'EEXIST')
            return 'exists';
        if (code === 'ENOENT')
            return 'gone';
        throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fsError */ .yi)(e, 'create', dest);
    }
}
/** Creates an empty file; false when it exists. */
function createEmpty(path) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, 'wx', 0o644));
        return true;
    }
    catch (e) {
        if (e.code === 'EEXIST')
            return false;
        throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fsError */ .yi)(e, 'create', path);
    }
}
function readJson(path) {
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
    }
    catch {
        return null;
    }
}
function listDir(dir) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir).filter((n) => !n.startsWith('.'));
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return [];
        throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fsError */ .yi)(e, 'read', dir);
    }
}
function removeDeadTemps(dir) {
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir);
    }
    catch {
        return;
    }
    for (const n of names) {
        if (!n.startsWith('.tmp.'))
            continue;
        const pid = Number(n.split('.')[2]);
        if (Number.isInteger(pid) && pid !== process.pid && !(0,_core_process_js__WEBPACK_IMPORTED_MODULE_6__/* .pidExists */ .Oz)(pid))
            (0,_core_files_js__WEBPACK_IMPORTED_MODULE_5__/* .unlinkQuiet */ ._f)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, n));
    }
}
function readItem(d, id) {
    return readJson((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.items, `${id}.json`));
}
function readClaim(d, id, generation) {
    const r = readJson((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.claimed, `${id}@${generation}`));
    return r && typeof r.agent === 'string' ? { ...r, id, queue: d.name, generation } : null;
}
function readResolution(d, id, generation) {
    return readJson((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.resolved, `${id}@${generation}`));
}
function resolve_(opts) {
    return opts.runtime ?? (0,_core_runtime_js__WEBPACK_IMPORTED_MODULE_7__/* .openRuntime */ .fS)({ cwd: opts.cwd });
}
function addItem(opts) {
    const id = (0,_names_js__WEBPACK_IMPORTED_MODULE_9__/* .validateItemId */ .xs)(opts.id);
    const priority = (0,_names_js__WEBPACK_IMPORTED_MODULE_9__/* .validatePriority */ .TY)(opts.priority ?? 0);
    const rt = resolve_(opts);
    const d = queueDirs(rt, opts.queue);
    let payloadTmp = null;
    if (opts.payloadFile !== undefined) {
        const src = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(opts.payloadFile) ? opts.payloadFile : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(opts.cwd ?? process.cwd(), opts.payloadFile);
        let st;
        try {
            st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(src);
        }
        catch {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('BAD_INPUT', `payload file ${src} does not exist`);
        }
        if (!st.isFile())
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('BAD_INPUT', `payload ${src} is not a regular file`);
        payloadTmp = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.payloads, `.tmp.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(6).toString('hex')}`);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.copyFileSync)(src, payloadTmp);
        }
        catch (e) {
            throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fsError */ .yi)(e, 'copy payload', src);
        }
    }
    const now = Date.now();
    const item = {
        v: 1,
        id,
        queue: d.name,
        priority,
        payload: payloadTmp ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.payloads, id) : null,
        seq: nextSeq(),
        addedAt: new Date(now).toISOString(),
        addedAtMs: now,
    };
    const tmp = (0,_core_files_js__WEBPACK_IMPORTED_MODULE_5__/* .writeTempIn */ .nB)(d.items, JSON.stringify(item));
    try {
        if (!(0,_core_files_js__WEBPACK_IMPORTED_MODULE_5__/* .tryLink */ .qB)(tmp, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.items, `${id}.json`))) {
            if (payloadTmp)
                (0,_core_files_js__WEBPACK_IMPORTED_MODULE_5__/* .unlinkQuiet */ ._f)(payloadTmp);
            const existing = readItem(d, id);
            if (opts.ifAbsent && existing)
                return { added: false, item: existing };
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('BAD_INPUT', `item ${id} already exists in queue ${d.name}${existing ? ` (added ${existing.addedAt})` : ''}`, {
                hint: `see it with: lockstep queue list${d.name === _names_js__WEBPACK_IMPORTED_MODULE_9__/* .DEFAULT_QUEUE */ .iD ? '' : ` --queue ${d.name}`}; add it only if absent with --if-absent`,
            });
        }
    }
    finally {
        (0,_core_files_js__WEBPACK_IMPORTED_MODULE_5__/* .unlinkQuiet */ ._f)(tmp);
    }
    if (payloadTmp)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(payloadTmp, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.payloads, id));
    createEmpty((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.pending, pendingName(item, 1)));
    noteNewPending(d);
    (0,_core_events_js__WEBPACK_IMPORTED_MODULE_4__/* .appendEvent */ .Zn)(rt.root, 'queue_add', { queue: d.name, item: id, priority });
    return { added: true, item };
}
function snapshot(d, withItems) {
    const items = new Map();
    if (withItems) {
        for (const n of listDir(d.items)) {
            if (!n.endsWith('.json'))
                continue;
            const it = readJson((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.items, n));
            if (it)
                items.set(it.id, it);
        }
    }
    const done = new Set(listDir(d.done));
    const failed = new Set(listDir(d.failed));
    const resolvedSet = new Set(listDir(d.resolved));
    const pending = new Map();
    for (const n of listDir(d.pending)) {
        const p = parsePending(n);
        if (!p || resolvedSet.has(`${p.id}@${p.generation}`))
            continue;
        pending.set(p.id, Math.max(pending.get(p.id) ?? 0, p.generation));
    }
    const claims = new Map();
    for (const n of listDir(d.claimed)) {
        const c = parseClaimName(n);
        if (!c || resolvedSet.has(n))
            continue;
        const list = claims.get(c.id) ?? [];
        list.push({ generation: c.generation, name: n });
        claims.set(c.id, list);
    }
    return { items, pending, claims, resolvedSet, done, failed };
}
/** Counts of items per state (cheap: directory listings only). */
function queueCounts(opts = {}) {
    const rt = resolve_(opts);
    const d = existingQueueDirs(rt, opts.queue);
    const name = (0,_names_js__WEBPACK_IMPORTED_MODULE_9__/* .validateQueueName */ .vL)(opts.queue ?? _names_js__WEBPACK_IMPORTED_MODULE_9__/* .DEFAULT_QUEUE */ .iD);
    if (!d)
        return { queue: name, pending: 0, claimed: 0, done: 0, failed: 0 };
    const s = snapshot(d, false);
    let pending = 0;
    let claimed = 0;
    for (const [id, g] of s.pending) {
        if (s.done.has(id) || s.failed.has(id))
            continue;
        const c = s.claims.get(id);
        if (c && c.some((x) => x.generation >= g))
            continue;
        pending++;
    }
    for (const id of s.claims.keys())
        if (!s.done.has(id) && !s.failed.has(id))
            claimed++;
    return { queue: name, pending, claimed, done: s.done.size, failed: s.failed.size };
}
function listItems(opts = {}) {
    const rt = resolve_(opts);
    const d = existingQueueDirs(rt, opts.queue);
    if (!d)
        return [];
    const s = snapshot(d, true);
    const out = [];
    for (const it of s.items.values()) {
        const view = {
            id: it.id,
            queue: d.name,
            priority: it.priority,
            payload: it.payload,
            addedAt: it.addedAt,
            state: 'pending',
            generation: 1,
            attempts: 0,
            agent: null,
            claimedAt: null,
            leaseEndsAtMs: null,
            lastReason: null,
        };
        const final = s.done.has(it.id) ? 'done' : s.failed.has(it.id) ? 'failed' : null;
        if (final) {
            const r = readJson((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(final === 'done' ? d.done : d.failed, it.id));
            view.state = final;
            if (r) {
                view.generation = r.generation;
                view.agent = r.agent;
                view.attempts = final === 'done' ? r.generation - 1 : r.generation;
                view.lastReason = r.reason;
            }
        }
        else {
            const claims = (s.claims.get(it.id) ?? []).sort((a, b) => b.generation - a.generation);
            if (claims[0]) {
                view.state = 'claimed';
                view.generation = claims[0].generation;
                const live = readClaim(d, it.id, claims[0].generation); // null for a moment while the winner writes it
                if (live) {
                    view.agent = live.agent;
                    view.claimedAt = live.claimedAt;
                    view.leaseEndsAtMs = claimLeaseEnd(live, (0,_agents_js__WEBPACK_IMPORTED_MODULE_8__/* .readAgent */ .si)(rt, live.agent));
                }
            }
            else {
                view.state = 'pending';
                view.generation = s.pending.get(it.id) ?? 1;
            }
            view.attempts = view.generation - 1;
            if (view.generation > 1)
                view.lastReason = readResolution(d, it.id, view.generation - 1)?.reason ?? null;
        }
        if (!opts.state || opts.state === view.state)
            out.push(view);
    }
    const order = { claimed: 0, pending: 1, failed: 2, done: 3 };
    return out.sort((a, b) => order[a.state] - order[b.state] || b.priority - a.priority || (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : a.id < b.id ? -1 : 1));
}
/**
 * Claims the highest-priority pending item (first added first among equals).
 * Exactly one claimer wins each item generation.
 */
function claimNext(opts) {
    const agent = (0,_names_js__WEBPACK_IMPORTED_MODULE_9__/* .validateAgentId */ .zr)(opts.agent);
    const leaseMs = opts.leaseMs ?? DEFAULT_CLAIM_LEASE_MS;
    if (!Number.isFinite(leaseMs) || leaseMs <= 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('BAD_INPUT', `invalid lease ${leaseMs} ms: it must be > 0`);
    const rt = resolve_(opts);
    const d = queueDirs(rt, opts.queue);
    const ownerPid = opts.ownerPid ?? process.pid;
    const ident = ownerPid === process.pid ? ownIdentity() : (0,_core_process_js__WEBPACK_IMPORTED_MODULE_6__/* .identityOf */ .cu)(ownerPid);
    if (ident.pidStart === null && ownerPid !== process.pid)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('BAD_INPUT', `owner pid ${ownerPid} is not a running process`);
    let view = views.get(d.pending);
    if (!view || view.sig !== addedSignature(d))
        view = freshView(d);
    for (let pass = 0; pass < 2; pass++) {
        if (pass === 1)
            view = freshView(d); // used up: never say "nothing" from an old listing
        while (view.next < view.names.length) {
            const name = nextCandidate(view);
            const p = parsePending(name);
            if (!p)
                continue;
            const key = `${p.id}@${p.generation}`;
            const target = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.claimed, key);
            const source = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.pending, name);
            // Taken since we listed? A lookup is cheap and lock-free; a link takes the directory's lock.
            const won = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(source) ? linkOutcome(source, target) : 'gone';
            if (won !== 'linked') {
                // Somebody holds (or held) this generation ('exists'), or took the entry already ('gone'): it is spent.
                if (won === 'exists')
                    (0,_core_files_js__WEBPACK_IMPORTED_MODULE_5__/* .unlinkQuiet */ ._f)(source);
                view.lostAt = Date.now();
                claimStats.lost++;
                continue;
            }
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.resolved, key))) {
                // The generation already ended and its claim file was cleaned up: not ours.
                (0,_core_files_js__WEBPACK_IMPORTED_MODULE_5__/* .unlinkQuiet */ ._f)(target);
                (0,_core_files_js__WEBPACK_IMPORTED_MODULE_5__/* .unlinkQuiet */ ._f)(source);
                continue;
            }
            const now = Date.now();
            const record = {
                v: 1,
                agent,
                nonce: (0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(8).toString('hex'),
                pid: ownerPid,
                pidStart: ident.pidStart,
                bootId: ident.bootId,
                host: ident.host,
                claimedAt: new Date(now).toISOString(),
                claimedAtMs: now,
                leaseMs,
            };
            if (!writeRecordInto(target, JSON.stringify(record)) || (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.resolved, key))) {
                // We stalled between the link and the write for longer than EMPTY_CLAIM_GRACE_MS and the empty
                // claim was reclaimed meanwhile: not ours any more.
                (0,_core_files_js__WEBPACK_IMPORTED_MODULE_5__/* .unlinkQuiet */ ._f)(source);
                view.lostAt = Date.now();
                continue;
            }
            (0,_core_files_js__WEBPACK_IMPORTED_MODULE_5__/* .unlinkQuiet */ ._f)(source);
            const item = readItem(d, p.id);
            if (!item) {
                // An entry without an item record can only come from outside lockstep.
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('CORRUPT_STATE', `queue ${d.name} has a pending entry for ${p.id} but no item record ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.items, `${p.id}.json`)}`, {
                    hint: `remove the claim: rm "${target}"`,
                });
            }
            (0,_core_events_js__WEBPACK_IMPORTED_MODULE_4__/* .appendEvent */ .Zn)(rt.root, 'queue_claim', { queue: d.name, item: p.id, generation: p.generation, agent, owner: ownerPid });
            claimStats.won++;
            return { claimed: true, item, generation: p.generation, claim: { ...record, id: p.id, queue: d.name, generation: p.generation } };
        }
    }
    return { claimed: false, queue: d.name };
}
/**
 * Fills the (empty) claim file we just won with our record, in one write.
 * Until then readers find it unreadable and treat it as not yet there; a
 * claim left empty by a claimer that died in between is reclaimed after
 * EMPTY_CLAIM_GRACE_MS (see `reclaim`). False when the claim vanished.
 */
function writeRecordInto(path, data) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, 'r+');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return false;
        throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fsError */ .yi)(e, 'write the claim record', path);
    }
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.ftruncateSync)(fd, 0);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, data);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
    return true;
}
let own = null;
function ownIdentity() {
    own ??= (0,_core_process_js__WEBPACK_IMPORTED_MODULE_6__/* .identityOf */ .cu)(process.pid);
    return own;
}
/** When a claim's lease runs out: its own lease, extended by heartbeats of the same agent process. */
function claimLeaseEnd(claim, agent) {
    let end = claim.claimedAtMs + claim.leaseMs;
    if (agent && agent.agent === claim.agent && agent.pid === claim.pid && agent.pidStart === claim.pidStart && agent.host === claim.host) {
        end = Math.max(end, agent.renewedAtMs + agent.leaseMs);
    }
    return end;
}
/** The live (unresolved) claim on an item, or null. */
function currentClaim(opts) {
    const id = (0,_names_js__WEBPACK_IMPORTED_MODULE_9__/* .validateItemId */ .xs)(opts.id);
    const rt = resolve_(opts);
    const d = existingQueueDirs(rt, opts.queue);
    if (!d)
        return null;
    return liveClaim(d, id);
}
function liveClaim(d, id) {
    const prefix = `${id}@`;
    let best = null;
    for (const n of listDir(d.claimed)) {
        if (!n.startsWith(prefix))
            continue;
        const c = parseClaimName(n);
        if (!c || c.id !== id || (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.resolved, n)))
            continue;
        const rec = readClaim(d, id, c.generation);
        if (rec && (!best || rec.generation > best.generation))
            best = rec;
    }
    return best;
}
function describeEnd(r) {
    const how = r.outcome === 'reclaimed' ? `reclaimed${r.reason ? ` (${r.reason})` : ''}` : r.outcome === 'retry' ? 'failed and was retried' : r.outcome === 'done' ? `done by agent ${r.agent}` : `failed${r.reason ? ` (${r.reason})` : ''}`;
    return `${how} at ${r.at}`;
}
function refuse(d, id, agent, generation, why) {
    (0,_core_events_js__WEBPACK_IMPORTED_MODULE_4__/* .appendEvent */ .Zn)(d.root, 'queue_refused', { queue: d.name, item: id, agent, generation, why });
    const live = liveClaim(d, id);
    const isDone = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.done, id));
    const now = live ? `; it is now claim ${live.generation}, held by agent ${live.agent}` : isDone ? '; it is done' : '';
    const list = `lockstep queue list${d.name === _names_js__WEBPACK_IMPORTED_MODULE_9__/* .DEFAULT_QUEUE */ .iD ? '' : ` --queue ${d.name}`}`;
    const hint = live || isDone || generation !== null
        ? `the work done under that claim must not count (another claim owns the item now); see it with: ${list}`
        : `claim an item first (lockstep queue claim --agent ${agent}), or see the queue: ${list}`;
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('CONFLICT', `refused: ${why}${now}`, {
        hint,
        detail: { item: id, agent, generation, current: live?.generation ?? null, holder: live?.agent ?? null },
    });
}
/** Finds the claim `agent` finishes; throws CONFLICT / NOT_FOUND explaining why there is none. */
function claimToFinish(d, id, agent, generation) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.items, `${id}.json`))) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('NOT_FOUND', `no item ${id} in queue ${d.name}`, { hint: `list the items: lockstep queue list${d.name === _names_js__WEBPACK_IMPORTED_MODULE_9__/* .DEFAULT_QUEUE */ .iD ? '' : ` --queue ${d.name}`}` });
    }
    if (generation !== undefined) {
        if (!Number.isSafeInteger(generation) || generation < 1)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('BAD_INPUT', `invalid generation ${generation}: generations are whole numbers from 1`);
        const ended = readResolution(d, id, generation);
        if (ended)
            throw refuse(d, id, agent, generation, `claim ${generation} of ${id} already ended: ${describeEnd(ended)}`);
        const c = readClaim(d, id, generation);
        if (!c)
            throw refuse(d, id, agent, generation, `${id} has no claim ${generation}`);
        if (c.agent !== agent)
            throw refuse(d, id, agent, generation, `claim ${generation} of ${id} belongs to agent ${c.agent}, not ${agent}`);
        return c;
    }
    const live = liveClaim(d, id);
    if (!live) {
        const final = readJson((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.done, id)) ?? readJson((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.failed, id));
        throw refuse(d, id, agent, null, final ? `${id} is not claimed: it was ${describeEnd(final)}` : `${id} is not claimed by anyone`);
    }
    if (live.agent !== agent)
        throw refuse(d, id, agent, null, `${id} is claimed by agent ${live.agent} (claim ${live.generation}), not ${agent}`);
    return live;
}
/**
 * Ends claim `generation` of `id`: links the resolution (the one race that
 * decides), then carries out its next step. Returns null when somebody else
 * ended the claim first.
 */
function resolveClaim(d, c, outcome, next, reason) {
    const now = Date.now();
    const res = {
        v: 1,
        id: c.id,
        generation: c.generation,
        outcome,
        next,
        agent: c.agent,
        by: { pid: process.pid, host: (0,_core_process_js__WEBPACK_IMPORTED_MODULE_6__/* .hostId */ .My)() },
        at: new Date(now).toISOString(),
        atMs: now,
        reason,
    };
    const tmp = (0,_core_files_js__WEBPACK_IMPORTED_MODULE_5__/* .writeTempIn */ .nB)(d.resolved, JSON.stringify(res));
    try {
        if (!(0,_core_files_js__WEBPACK_IMPORTED_MODULE_5__/* .tryLink */ .qB)(tmp, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.resolved, `${c.id}@${c.generation}`)))
            return null;
    }
    finally {
        (0,_core_files_js__WEBPACK_IMPORTED_MODULE_5__/* .unlinkQuiet */ ._f)(tmp);
    }
    carryOut(d, res);
    return res;
}
/** The step after a resolution. Idempotent: any process may (re)do it. */
function carryOut(d, res) {
    const key = `${res.id}@${res.generation}`;
    const src = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.resolved, key);
    if (res.next === 'done')
        (0,_core_files_js__WEBPACK_IMPORTED_MODULE_5__/* .tryLink */ .qB)(src, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.done, res.id), true);
    else if (res.next === 'failed')
        (0,_core_files_js__WEBPACK_IMPORTED_MODULE_5__/* .tryLink */ .qB)(src, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.failed, res.id), true);
    else if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.done, res.id)) && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.failed, res.id)) && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.claimed, `${res.id}@${res.generation + 1}`))) {
        // A late duplicate of this entry is harmless: claim g+1 is still decided by one link.
        const item = readItem(d, res.id);
        if (item && createEmpty((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.pending, pendingName(item, res.generation + 1))))
            noteNewPending(d);
    }
    (0,_core_files_js__WEBPACK_IMPORTED_MODULE_5__/* .unlinkQuiet */ ._f)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.claimed, key));
}
function completeItem(opts) {
    const id = (0,_names_js__WEBPACK_IMPORTED_MODULE_9__/* .validateItemId */ .xs)(opts.id);
    const agent = (0,_names_js__WEBPACK_IMPORTED_MODULE_9__/* .validateAgentId */ .zr)(opts.agent);
    const rt = resolve_(opts);
    const d = queueDirs(rt, opts.queue);
    const c = claimToFinish(d, id, agent, opts.generation);
    const res = resolveClaim(d, c, 'done', 'done', null);
    if (!res) {
        const ended = readResolution(d, id, c.generation);
        throw refuse(d, id, agent, c.generation, `claim ${c.generation} of ${id} ended before this completion: ${ended ? describeEnd(ended) : 'ended'}`);
    }
    (0,_core_events_js__WEBPACK_IMPORTED_MODULE_4__/* .appendEvent */ .Zn)(rt.root, 'queue_done', { queue: d.name, item: id, generation: c.generation, agent, heldMs: res.atMs - c.claimedAtMs });
    return { id, queue: d.name, generation: c.generation, agent, outcome: 'done', next: 'done' };
}
function failItem(opts) {
    const id = (0,_names_js__WEBPACK_IMPORTED_MODULE_9__/* .validateItemId */ .xs)(opts.id);
    const agent = (0,_names_js__WEBPACK_IMPORTED_MODULE_9__/* .validateAgentId */ .zr)(opts.agent);
    const max = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (!Number.isSafeInteger(max) || max < 1)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('BAD_INPUT', `invalid max attempts ${max}: use a whole number >= 1`);
    const rt = resolve_(opts);
    const d = queueDirs(rt, opts.queue);
    const c = claimToFinish(d, id, agent, opts.generation);
    const retry = Boolean(opts.retry) && c.generation < max;
    let reason = opts.reason?.trim() || 'failed';
    if (opts.retry && !retry)
        reason += ` (no attempts left: ${c.generation} of ${max} used)`;
    const res = resolveClaim(d, c, retry ? 'retry' : 'failed', retry ? 'pending' : 'failed', reason);
    if (!res) {
        const ended = readResolution(d, id, c.generation);
        throw refuse(d, id, agent, c.generation, `claim ${c.generation} of ${id} ended before this failure report: ${ended ? describeEnd(ended) : 'ended'}`);
    }
    (0,_core_events_js__WEBPACK_IMPORTED_MODULE_4__/* .appendEvent */ .Zn)(rt.root, 'queue_fail', { queue: d.name, item: id, generation: c.generation, agent, retry, reason: res.reason });
    return { id, queue: d.name, generation: c.generation, agent, outcome: res.outcome, next: res.next };
}
/**
 * Returns abandoned claims to pending: only when the claim's lease ran out
 * AND its owner process is gone (same host: pid + start time; another host:
 * the lease alone). A slow but live agent keeps its item.
 */
function reclaim(opts = {}) {
    const max = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (!Number.isSafeInteger(max) || max < 1)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('BAD_INPUT', `invalid max attempts ${max}: use a whole number >= 1`);
    const rt = resolve_(opts);
    const names = opts.queue !== undefined ? [(0,_names_js__WEBPACK_IMPORTED_MODULE_9__/* .validateQueueName */ .vL)(opts.queue)] : listQueues({ runtime: rt });
    const out = { reclaimed: [], finished: 0, repaired: [], held: 0 };
    for (const name of names) {
        const d = existingQueueDirs(rt, name);
        if (!d)
            continue;
        removeDeadTemps(d.claimed);
        removeDeadTemps(d.resolved);
        removeDeadTemps(d.items);
        const agents = new Map();
        for (const n of listDir(d.claimed)) {
            const c = parseClaimName(n);
            if (!c)
                continue;
            const ended = readResolution(d, c.id, c.generation);
            if (ended) {
                carryOut(d, ended);
                out.finished++;
                continue;
            }
            const now = opts.now ?? Date.now();
            let claim = readClaim(d, c.id, c.generation);
            if (!claim) {
                // Gone (finished while we looked), or won but not yet written — or never written by a claimer that died.
                let ctimeMs;
                try {
                    ctimeMs = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.claimed, n)).ctimeMs;
                }
                catch {
                    continue;
                }
                if (now - ctimeMs < EMPTY_CLAIM_GRACE_MS) {
                    out.held++;
                    continue;
                }
                claim = { v: 1, agent: 'unknown', nonce: '', pid: 0, pidStart: null, bootId: null, host: (0,_core_process_js__WEBPACK_IMPORTED_MODULE_6__/* .hostId */ .My)(), claimedAt: new Date(ctimeMs).toISOString(), claimedAtMs: ctimeMs, leaseMs: EMPTY_CLAIM_GRACE_MS, id: c.id, queue: d.name, generation: c.generation };
            }
            if (!agents.has(claim.agent))
                agents.set(claim.agent, (0,_agents_js__WEBPACK_IMPORTED_MODULE_8__/* .readAgent */ .si)(rt, claim.agent));
            const leaseEnd = claimLeaseEnd(claim, agents.get(claim.agent) ?? null);
            const l = (0,_core_process_js__WEBPACK_IMPORTED_MODULE_6__/* .liveness */ .QX)(claim);
            if (now <= leaseEnd || l.state === 'alive') {
                out.held++;
                continue;
            }
            const gone = claim.pid === 0 ? 'its claimer stopped before writing its claim record' : l.state === 'remote' ? `its owner on host ${claim.host} sent no heartbeat` : l.reason;
            const reason = `abandoned by agent ${claim.agent}: lease ran out ${((now - leaseEnd) / 1000).toFixed(1)} s ago and ${gone}`;
            const next = c.generation >= max ? 'failed' : 'pending';
            const res = resolveClaim(d, claim, 'reclaimed', next, next === 'failed' ? `${reason}; ${c.generation} of ${max} attempts used` : reason);
            if (!res)
                continue; // completed or reclaimed by somebody else first
            (0,_core_events_js__WEBPACK_IMPORTED_MODULE_4__/* .appendEvent */ .Zn)(rt.root, 'queue_reclaim', { queue: d.name, item: c.id, generation: c.generation, agent: claim.agent, next, reason: res.reason });
            out.reclaimed.push({ queue: d.name, id: c.id, generation: c.generation, agent: claim.agent, reason: res.reason, next });
        }
        out.repaired.push(...repairOrphans(d, opts.now ?? Date.now()));
    }
    return out;
}
/** An item with no trace in any state directory, older than a minute: its `add` died half way. */
function repairOrphans(d, now) {
    const seen = new Set([...listDir(d.done), ...listDir(d.failed)]);
    for (const n of listDir(d.pending)) {
        const p = parsePending(n);
        if (p)
            seen.add(p.id);
    }
    for (const dir of [d.claimed, d.resolved]) {
        for (const n of listDir(dir)) {
            const c = parseClaimName(n);
            if (c)
                seen.add(c.id);
        }
    }
    const out = [];
    for (const n of listDir(d.items)) {
        if (!n.endsWith('.json') || seen.has(n.slice(0, -5)))
            continue;
        const item = readItem(d, n.slice(0, -5));
        if (!item || now - item.addedAtMs < 60_000)
            continue;
        if (createEmpty((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.pending, pendingName(item, 1)))) {
            noteNewPending(d);
            (0,_core_events_js__WEBPACK_IMPORTED_MODULE_4__/* .appendEvent */ .Zn)(d.root, 'queue_repair', { queue: d.name, item: item.id });
            out.push(item.id);
        }
    }
    return out;
}
/** Live claims (optionally of one agent) across queues. */
function listClaims(opts = {}) {
    const rt = resolve_(opts);
    const names = opts.queue !== undefined ? [(0,_names_js__WEBPACK_IMPORTED_MODULE_9__/* .validateQueueName */ .vL)(opts.queue)] : listQueues({ runtime: rt });
    const out = [];
    for (const name of names) {
        const d = existingQueueDirs(rt, name);
        if (!d)
            continue;
        for (const n of listDir(d.claimed)) {
            const c = parseClaimName(n);
            if (!c || (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d.resolved, n)))
                continue;
            const claim = readClaim(d, c.id, c.generation);
            if (!claim || (opts.agent && claim.agent !== opts.agent))
                continue;
            const l = (0,_core_process_js__WEBPACK_IMPORTED_MODULE_6__/* .liveness */ .QX)(claim);
            out.push({ ...claim, leaseEndsAtMs: claimLeaseEnd(claim, (0,_agents_js__WEBPACK_IMPORTED_MODULE_8__/* .readAgent */ .si)(rt, claim.agent)), ownerAlive: l.state === 'alive' });
        }
    }
    return out;
}


/***/ })

};
