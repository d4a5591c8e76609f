export const id = 43;
export const ids = [43];
export const modules = {

/***/ 43:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerStatus: () => (/* binding */ registerStatus)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/core/lock.ts
var lock = __webpack_require__(6336);
// EXTERNAL MODULE: ./src/core/events.ts
var events = __webpack_require__(7842);
// EXTERNAL MODULE: ./src/core/runtime.ts
var runtime = __webpack_require__(9199);
// EXTERNAL MODULE: ./src/queue/agents.ts
var queue_agents = __webpack_require__(5881);
// EXTERNAL MODULE: ./src/queue/queue.ts
var queue = __webpack_require__(4752);
// EXTERNAL MODULE: ./src/merge/merge-queue.ts
var merge_queue = __webpack_require__(6366);
// EXTERNAL MODULE: ./src/tasks/tasks.ts
var tasks_tasks = __webpack_require__(6464);
// EXTERNAL MODULE: ./src/worktree/worktree.ts
var worktree = __webpack_require__(7544);
;// CONCATENATED MODULE: ./src/status/status.ts
/**
 * `lockstep status`: one read-only view of everything lockstep coordinates in
 * a repository — locks (holder, age, waiters), active tasks, queues, agents
 * (lease age, current item), the merge queue, and recent violations from the
 * audit log. Nothing here takes a lock or writes (except dropping merge-queue
 * entries of processes that are gone).
 */









/** Event types shown as violations. */
const VIOLATION_TYPES = new Set(['violation', 'git_commit_validation_warning', 'compromised', 'queue_refused']);
/** The last `maxBytes` of the audit log, parsed (a torn first line is skipped). */
function readRecentEvents(root, maxBytes = 512 * 1024) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)((0,events/* eventsPath */.JH)(root), 'r');
    }
    catch {
        return [];
    }
    try {
        const size = (0,external_node_fs_.fstatSync)(fd).size;
        const start = Math.max(0, size - maxBytes);
        const buf = Buffer.alloc(size - start);
        (0,external_node_fs_.readSync)(fd, buf, 0, buf.length, start);
        const lines = buf.toString('utf8').split('\n');
        if (start > 0)
            lines.shift();
        const out = [];
        for (const l of lines) {
            if (!l)
                continue;
            try {
                out.push(JSON.parse(l));
            }
            catch {
                /* a line cut by a crash */
            }
        }
        return out;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function mergeSummary(e, now) {
    return { branch: e.branch, into: e.into, agent: e.agent, pid: e.pid, ageMs: now - (e.state === 'merging' && e.startedAtMs ? e.startedAtMs : e.enqueuedAtMs) };
}
function collectStatus(opts = {}) {
    const rt = opts.runtime ?? (0,runtime/* openRuntime */.fS)({ cwd: opts.cwd });
    const now = opts.now ?? Date.now();
    const recentN = opts.recent ?? 10;
    const warnings = [];
    let tasks = [];
    try {
        tasks = (0,tasks_tasks/* listTasks */.Vk)({ runtime: rt }).map((t) => ({ id: t.id, scope: t.scope, shared: t.shared, startedAt: t.startedAt, agent: t.startedBy?.agent ?? null }));
    }
    catch (e) {
        warnings.push(`tasks: ${e.message}`);
    }
    const queues = (0,queue/* listQueues */.bP)({ runtime: rt }).map((name) => {
        const c = (0,queue/* queueCounts */.WM)({ runtime: rt, queue: name });
        const claims = (0,queue/* listClaims */.Ar)({ runtime: rt, queue: name })
            .map((x) => ({ id: x.id, generation: x.generation, agent: x.agent, ageMs: now - x.claimedAtMs, leaseLeftMs: x.leaseEndsAtMs - now, ownerAlive: x.ownerAlive }))
            .sort((a, b) => b.ageMs - a.ageMs);
        return { name, pending: c.pending, claimed: c.claimed, done: c.done, failed: c.failed, claims };
    });
    const agents = (0,queue_agents/* listAgents */.vc)({ runtime: rt }).map((a) => ({
        agent: a.agent,
        state: a.state,
        pid: a.pid,
        host: a.host,
        alive: (0,queue_agents/* agentProcessAlive */.s7)(a, now),
        leaseAgeMs: now - a.renewedAtMs,
        leaseLeftMs: (0,queue_agents/* agentLeaseEnd */.D1)(a) - now,
        queue: a.queue,
        item: a.item,
        generation: a.generation,
        runId: a.runId,
        worktree: a.worktree,
    }));
    const mq = (0,merge_queue/* listMergeQueue */.Ey)({ runtime: rt });
    const activeEntry = mq.find((e) => e.state === 'merging') ?? null;
    const events = readRecentEvents(rt.root);
    const recent = events
        .filter((e) => e.type === 'merge' || e.type === 'merge_conflict')
        .slice(-recentN)
        .reverse()
        .map((e) => ({ ts: e.ts, branch: String(e.branch ?? ''), into: String(e.into ?? ''), status: String(e.status ?? (e.type === 'merge_conflict' ? 'conflict' : '')), commit: typeof e.commit === 'string' ? e.commit : null, ms: typeof e.ms === 'number' ? e.ms : null }));
    const violations = events.filter((e) => VIOLATION_TYPES.has(e.type)).slice(-recentN).reverse();
    return {
        at: new Date(now).toISOString(),
        repo: { commonDir: rt.repo?.commonDir ?? null, topLevel: rt.repo?.topLevel ?? null },
        locks: (0,lock/* listLocks */.dB)({ runtime: rt }),
        tasks,
        queues,
        agents,
        worktrees: (0,worktree/* listManifests */.po)(rt).map((m) => ({ agent: m.agent, path: m.path, branch: m.branch, base: m.base })),
        merges: {
            active: activeEntry ? mergeSummary(activeEntry, now) : null,
            waiting: mq.filter((e) => e !== activeEntry).map((e) => mergeSummary(e, now)),
            recent,
        },
        violations,
        warnings,
    };
}

;// CONCATENATED MODULE: ./src/status/render.ts
function secs(ms) {
    const s = Math.abs(ms) / 1000;
    if (s < 60)
        return `${s.toFixed(1)} s`;
    if (s < 3600)
        return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
    return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}
function render_short(sha) {
    return sha ? sha.slice(0, 10) : '';
}
function renderStatus(s) {
    const out = [];
    out.push(`lockstep status — ${s.repo.topLevel ?? s.repo.commonDir ?? ''} at ${s.at}`);
    out.push('', `Locks (${s.locks.length})`);
    if (s.locks.length === 0)
        out.push('  none taken yet');
    for (const l of s.locks) {
        const waiters = l.waiters ? `, ${l.waiters} waiting` : '';
        if (l.state === 'free')
            out.push(`  ${l.name}: free (token ${l.token})${waiters}`);
        else if (!l.holder)
            out.push(`  ${l.name}: STALE (token ${l.token}): ${l.staleReason}${waiters}`);
        else {
            const h = l.holder;
            const who = [h.task ? `task ${h.task}` : null, h.agent ? `agent ${h.agent}` : null, `pid ${h.pid}`].filter(Boolean).join(', ');
            out.push(`  ${l.name}: ${l.state === 'stale' ? 'STALE' : 'held'} by ${who} for ${secs(l.ageMs ?? 0)} (token ${l.token})${waiters}`);
            out.push(`    ${h.command.slice(0, 100)}`);
            if (l.state === 'stale')
                out.push(`    stale: ${l.staleReason}`);
        }
    }
    out.push('', `Tasks (${s.tasks.length})`);
    if (s.tasks.length === 0)
        out.push('  no active tasks');
    for (const t of s.tasks) {
        out.push(`  ${t.id}: ${t.scope.join(' ')}${t.shared.length ? ` (shared: ${t.shared.join(' ')})` : ''}${t.agent ? `, agent ${t.agent}` : ''}`);
    }
    out.push('', `Queues (${s.queues.length})`);
    if (s.queues.length === 0)
        out.push('  no queues');
    for (const q of s.queues) {
        out.push(`  ${q.name}: ${q.pending} pending · ${q.claimed} claimed · ${q.done} done · ${q.failed} failed`);
        for (const c of q.claims.slice(0, 20)) {
            const lease = c.leaseLeftMs >= 0 ? `lease ${secs(c.leaseLeftMs)} left` : `lease ran out ${secs(c.leaseLeftMs)} ago`;
            out.push(`    ${c.id} (claim ${c.generation}): agent ${c.agent}, ${secs(c.ageMs)}, ${lease}${c.ownerAlive ? '' : ', owner gone'}`);
        }
        if (q.claims.length > 20)
            out.push(`    … ${q.claims.length - 20} more`);
    }
    out.push('', `Agents (${s.agents.length})`);
    if (s.agents.length === 0)
        out.push('  no agents');
    for (const a of s.agents) {
        const doing = a.item ? `${a.state ?? 'working'} ${a.item}${a.generation ? ` (claim ${a.generation})` : ''}` : (a.state ?? 'no item');
        const lease = a.leaseLeftMs >= 0 ? `heartbeat ${secs(a.leaseAgeMs)} ago` : `lease ran out ${secs(a.leaseLeftMs)} ago`;
        out.push(`  ${a.agent}: ${doing}; pid ${a.pid} ${a.alive ? 'alive' : 'GONE'}, ${lease}`);
    }
    if (s.worktrees.length) {
        out.push('', `Agent worktrees (${s.worktrees.length})`);
        for (const w of s.worktrees)
            out.push(`  ${w.agent}: ${w.path} (${w.branch} → ${w.base})`);
    }
    const m = s.merges;
    out.push('', `Merge queue (${(m.active ? 1 : 0) + m.waiting.length})`);
    if (!m.active && m.waiting.length === 0)
        out.push('  empty');
    if (m.active)
        out.push(`  merging ${m.active.branch} → ${m.active.into}${m.active.agent ? ` (agent ${m.active.agent})` : ''} for ${secs(m.active.ageMs)}`);
    m.waiting.forEach((w, i) => out.push(`  ${i + 1}. ${w.branch} → ${w.into}${w.agent ? ` (agent ${w.agent})` : ''}, waiting ${secs(w.ageMs)}`));
    if (m.recent.length) {
        out.push('  recent:');
        for (const r of m.recent.slice(0, 5))
            out.push(`    ${r.ts} ${r.branch} → ${r.into}: ${r.status}${r.commit ? ` ${render_short(r.commit)}` : ''}`);
    }
    out.push('', `Recent violations (${s.violations.length})`);
    if (s.violations.length === 0)
        out.push('  none');
    for (const v of s.violations) {
        const rest = Object.entries(v)
            .filter(([k]) => !['ts', 'type', 'pid', 'host'].includes(k))
            .map(([k, val]) => `${k}=${typeof val === 'string' ? val : JSON.stringify(val)}`)
            .join(' ');
        out.push(`  ${v.ts} ${v.type}: ${rest.slice(0, 200)}`);
    }
    if (s.warnings.length) {
        out.push('', 'Warnings');
        for (const w of s.warnings)
            out.push(`  ${w}`);
    }
    return out.join('\n');
}

// EXTERNAL MODULE: ./src/cli/context.ts
var context = __webpack_require__(5217);
// EXTERNAL MODULE: ./src/cli/output.ts
var output = __webpack_require__(6657);
;// CONCATENATED MODULE: ./src/cli/commands/status.ts




function registerStatus(program) {
    program
        .command('status')
        .option('--json', 'machine-readable output')
        .option('--watch', 'refresh until interrupted (redraws in place on a terminal)')
        .option('--interval <seconds>', 'refresh interval for --watch', '1')
        .description('locks, waiters, tasks, queues, agents, the merge queue and recent violations in one view')
        .action(async (o, cmd) => {
        const { cwd } = (0,context/* globals */.z)(cmd);
        const show = () => {
            const s = collectStatus({ cwd });
            if (o.json)
                (0,output/* printJson */.Q2)(s);
            else
                return renderStatus(s);
            return null;
        };
        if (!o.watch) {
            const text = show();
            if (text !== null)
                (0,output/* printLine */.wi)(text);
            return;
        }
        const every = Math.max(100, (0,output/* parseSeconds */.fL)(o.interval, '--interval'));
        const tty = Boolean(process.stdout.isTTY) && !o.json;
        let stop = false;
        let wake = () => { };
        const onInt = () => {
            stop = true;
            wake();
        };
        process.on('SIGINT', onInt);
        process.on('SIGTERM', onInt);
        if (tty)
            process.stdout.write('\x1b[2J\x1b[?25l'); // clear once, hide the cursor while redrawing
        try {
            while (!stop) {
                const text = show();
                if (text !== null) {
                    // On a terminal: home, draw, clear the rest (no flicker from a full clear). Elsewhere: one snapshot after another.
                    if (tty)
                        process.stdout.write(`\x1b[H${text.split('\n').map((l) => `${l}\x1b[K`).join('\n')}\n\x1b[J`);
                    else
                        (0,output/* printLine */.wi)(`${text}\n`);
                }
                await new Promise((r) => {
                    const t = setTimeout(r, every);
                    wake = () => {
                        clearTimeout(t);
                        r();
                    };
                });
            }
        }
        finally {
            if (tty)
                process.stdout.write('\x1b[?25h');
            process.off('SIGINT', onInt);
            process.off('SIGTERM', onInt);
        }
    });
}


/***/ }),

/***/ 6366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ey: () => (/* binding */ listMergeQueue),
/* harmony export */   NP: () => (/* binding */ markMerging),
/* harmony export */   VL: () => (/* binding */ enqueueMerge),
/* harmony export */   ZJ: () => (/* binding */ dequeueMerge)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9928);
/* harmony import */ var _core_process_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9978);
/* harmony import */ var _core_runtime_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9199);
/**
 * The visible side of the merge queue: each `mergeBranch` call files an entry
 * in `<runtime>/merge/queue/` while it waits for (and then holds) the
 * repository lock, so `lockstep status` can show who is merging and who is
 * next. The order itself comes from the lock's FIFO tickets; these entries
 * only describe it.
 */






function queueDir(rt) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(rt.root, 'merge', 'queue');
}
function enqueueMerge(rt, fields) {
    (0,_core_files_js__WEBPACK_IMPORTED_MODULE_3__/* .ensureDir */ .A0)(queueDir(rt));
    const id = (0,_core_process_js__WEBPACK_IMPORTED_MODULE_4__/* .identityOf */ .cu)(process.pid);
    const now = Date.now();
    const entry = { v: 1, ...fields, pid: id.pid, pidStart: id.pidStart, bootId: id.bootId, host: id.host, enqueuedAtMs: now, state: 'waiting', startedAtMs: null };
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(queueDir(rt), `${String(now).padStart(13, '0')}-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(3).toString('hex')}.json`);
    (0,_core_files_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomic */ .Zf)(path, JSON.stringify(entry));
    return { path, entry };
}
function markMerging(path, entry) {
    entry.state = 'merging';
    entry.startedAtMs = Date.now();
    try {
        (0,_core_files_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomic */ .Zf)(path, JSON.stringify(entry));
    }
    catch {
        /* status only */
    }
}
function dequeueMerge(path) {
    (0,_core_files_js__WEBPACK_IMPORTED_MODULE_3__/* .unlinkQuiet */ ._f)(path);
}
/** Entries in arrival order; entries of processes that are gone are dropped (and removed). */
function listMergeQueue(opts = {}) {
    const rt = opts.runtime ?? (0,_core_runtime_js__WEBPACK_IMPORTED_MODULE_5__/* .openRuntime */ .fS)({ cwd: opts.cwd });
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(queueDir(rt));
    }
    catch {
        return [];
    }
    const out = [];
    for (const n of names.sort()) {
        if (!n.endsWith('.json') || n.startsWith('.'))
            continue;
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(queueDir(rt), n);
        let e;
        try {
            e = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
        }
        catch {
            continue;
        }
        if ((0,_core_process_js__WEBPACK_IMPORTED_MODULE_4__/* .liveness */ .QX)(e).state === 'dead') {
            (0,_core_files_js__WEBPACK_IMPORTED_MODULE_3__/* .unlinkQuiet */ ._f)(path);
            continue;
        }
        out.push(e);
    }
    return out;
}


/***/ }),

/***/ 9846:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P8: () => (/* binding */ showPath),
/* harmony export */   Sx: () => (/* binding */ validateGlobs),
/* harmony export */   jN: () => (/* binding */ classifyPaths)
/* harmony export */ });
/* unused harmony exports validateGlob, compileScope */
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/**
 * Task scopes: the globs naming what a task may commit, matched with
 * picomatch (never by hand). Globs are relative to the repository's top
 * level with `/` separators; they are checked before they are stored.
 */


/** `dot`: `.github/**` must match; `s`: paths may hold newlines; strict brackets make `[abc` an error, not a literal. */
const MATCH_OPTIONS = { dot: true, strictBrackets: true, flags: 's', windows: false };
const MAX_GLOBS = 256;
const MAX_GLOB_LENGTH = 1024;
const checked = new Set();
/** Checks one glob and returns it in its stored form (a leading `./` dropped). */
function validateGlob(glob) {
    if (typeof glob === 'string' && checked.has(glob))
        return glob;
    if (typeof glob !== 'string')
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockstepError */ .Cj('BAD_INPUT', `invalid glob ${JSON.stringify(glob)}: globs are strings`);
    let g = glob;
    while (g.startsWith('./'))
        g = g.slice(2);
    const show = JSON.stringify(glob);
    if (g.length === 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockstepError */ .Cj('BAD_INPUT', `invalid glob ${show}: it is empty`);
    if (g.length > MAX_GLOB_LENGTH)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockstepError */ .Cj('BAD_INPUT', `invalid glob ${show.slice(0, 60)}…: longer than ${MAX_GLOB_LENGTH} characters`);
    if (g.includes('\0'))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockstepError */ .Cj('BAD_INPUT', `invalid glob ${show}: it contains a NUL byte`);
    if (g.startsWith('/'))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockstepError */ .Cj('BAD_INPUT', `invalid glob ${show}: globs are relative to the repository's top level, not absolute`, { hint: `drop the leading /: ${JSON.stringify(g.replace(/^\/+/, ''))}` });
    if (g.startsWith('!'))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockstepError */ .Cj('BAD_INPUT', `invalid glob ${show}: negated globs are not supported in a scope; list what the task may touch`);
    if (g.split('/').some((seg) => seg === '..'))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockstepError */ .Cj('BAD_INPUT', `invalid glob ${show}: '..' would reach outside the repository`);
    try {
        picomatch__WEBPACK_IMPORTED_MODULE_1___default()(g, MATCH_OPTIONS);
    }
    catch (e) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockstepError */ .Cj('BAD_INPUT', `invalid glob ${show}: ${e.message}`);
    }
    if (g === glob && checked.size < 10_000)
        checked.add(g);
    return g;
}
function validateGlobs(globs) {
    if (globs.length > MAX_GLOBS)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockstepError */ .Cj('BAD_INPUT', `too many globs (${globs.length}); at most ${MAX_GLOBS}`);
    const out = [];
    for (const g of globs) {
        const v = validateGlob(g);
        if (!out.includes(v))
            out.push(v);
    }
    return out;
}
const cache = new Map();
/** A matcher for a list of globs (true when any matches); an empty list matches nothing. */
function compileScope(globs) {
    const key = globs.join('\0');
    let m = cache.get(key);
    if (!m) {
        if (globs.length === 0)
            m = () => false;
        else {
            const inner = picomatch__WEBPACK_IMPORTED_MODULE_1___default()([...globs], MATCH_OPTIONS);
            m = (p) => inner(p);
        }
        if (cache.size > 1000)
            cache.clear();
        cache.set(key, m);
    }
    return m;
}
/**
 * Sorts `paths` for a commit by `task` (null: no task declared) against the
 * other tasks. A path in the committer's own scope is its own even when
 * another task's scope overlaps; shared globs come next.
 */
function classifyPaths(opts) {
    const own = opts.task ? compileScope(opts.task.scope) : () => false;
    const shared = compileScope([...(opts.task?.shared ?? []), ...(opts.shared ?? [])]);
    const others = opts.others.filter((t) => t.id !== opts.task?.id).map((t) => ({ id: t.id, match: compileScope(t.scope) }));
    const out = { own: [], shared: [], otherTask: [], outside: [] };
    for (const p of opts.paths) {
        if (own(p))
            out.own.push(p);
        else if (shared(p))
            out.shared.push(p);
        else {
            const owner = others.find((o) => o.match(p));
            if (owner)
                out.otherTask.push({ path: p, task: owner.id });
            else
                out.outside.push(p);
        }
    }
    return out;
}
/** A path as shown to a person: plain when it is plain, JSON-quoted when it holds spaces, quotes or control characters. */
function showPath(p) {
    return /^[\w./@+-]+$/.test(p) ? p : JSON.stringify(p);
}


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vk: () => (/* binding */ listTasks),
/* harmony export */   ZJ: () => (/* binding */ endTask),
/* harmony export */   gc: () => (/* binding */ startTask),
/* harmony export */   gg: () => (/* binding */ getTask),
/* harmony export */   w9: () => (/* binding */ TASK_ID),
/* harmony export */   zI: () => (/* binding */ validateTaskId)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _core_events_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7842);
/* harmony import */ var _core_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9928);
/* harmony import */ var _core_process_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9978);
/* harmony import */ var _core_runtime_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9199);
/* harmony import */ var _scope_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9846);
/**
 * Active tasks: an id plus the globs it may commit, one JSON file each in
 * `<runtime>/tasks/<id>.json`, shared by every worktree of the repository.
 * A new task file is written whole and then linked into place, so two
 * `task start` calls for one id never both win and nobody reads half a file.
 */








const TASK_ID = /^[A-Za-z0-9._-]{1,64}$/;
function validateTaskId(id) {
    if (typeof id !== 'string' || !TASK_ID.test(id) || id === '.' || id === '..') {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_NAME', `invalid task id ${JSON.stringify(id)}: use 1-64 characters of A-Z, a-z, 0-9, '.', '_' or '-' (not "." or "..")`);
    }
    return id;
}
function tasksDir(rt) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(rt.root, 'tasks');
}
function taskPath(rt, id) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(tasksDir(rt), `${id}.json`);
}
function runtimeOf(opts) {
    return opts.runtime ?? (0,_core_runtime_js__WEBPACK_IMPORTED_MODULE_6__/* .openRuntime */ .fS)({ cwd: opts.cwd });
}
/** Parses and checks a task file; CORRUPT_STATE names the file and the command that clears it. */
function parseTask(text, path, id) {
    const corrupt = (why) => new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('CORRUPT_STATE', `the task file of task ${id} at ${path} is damaged (${why})`, {
        hint: `look at it, then remove it: lockstep task end ${id}; start the task again with lockstep task start ${id} --scope …`,
        detail: { task: id, path },
    });
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        throw corrupt(text.length === 0 ? 'empty' : 'not JSON');
    }
    const t = raw;
    if (!t || typeof t !== 'object' || t.id !== id)
        throw corrupt('its id does not match its file name');
    if (!Array.isArray(t.scope) || !t.scope.every((g) => typeof g === 'string'))
        throw corrupt('"scope" is not a list of globs');
    if (!Array.isArray(t.shared) || !t.shared.every((g) => typeof g === 'string'))
        throw corrupt('"shared" is not a list of globs');
    try {
        (0,_scope_js__WEBPACK_IMPORTED_MODULE_7__/* .validateGlobs */ .Sx)(t.scope);
        (0,_scope_js__WEBPACK_IMPORTED_MODULE_7__/* .validateGlobs */ .Sx)(t.shared);
    }
    catch (e) {
        throw corrupt(e.message);
    }
    return {
        v: 1,
        id,
        scope: t.scope,
        shared: t.shared,
        startedAt: typeof t.startedAt === 'string' ? t.startedAt : '',
        startedBy: t.startedBy && typeof t.startedBy === 'object' ? t.startedBy : { pid: 0, host: '', agent: null },
    };
}
function readTaskFile(rt, id) {
    const path = taskPath(rt, id);
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT' || e.code === 'ENOTDIR')
            return null;
        throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fsError */ .yi)(e, 'read task file', path);
    }
    return parseTask(text, path, id);
}
function sameGlobs(a, b) {
    return a.length === b.length && a.every((g, i) => g === b[i]);
}
/**
 * Starts (declares) a task. Starting it again with the same scope is a
 * no-op; with another scope it is refused unless `replace`.
 */
function startTask(opts) {
    const id = validateTaskId(opts.id);
    if (!Array.isArray(opts.scope) || opts.scope.length === 0) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `task ${id} needs a scope: at least one --scope GLOB naming what it may commit`);
    }
    const scope = (0,_scope_js__WEBPACK_IMPORTED_MODULE_7__/* .validateGlobs */ .Sx)(opts.scope);
    const shared = (0,_scope_js__WEBPACK_IMPORTED_MODULE_7__/* .validateGlobs */ .Sx)(opts.shared ?? []);
    const rt = runtimeOf(opts);
    const dir = tasksDir(rt);
    (0,_core_files_js__WEBPACK_IMPORTED_MODULE_4__/* .ensureDir */ .A0)(dir);
    const existing = readTaskFile(rt, id);
    if (existing && sameGlobs(existing.scope, scope) && sameGlobs(existing.shared, shared))
        return existing;
    if (existing && !opts.replace) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('CONFLICT', `task ${id} is already active with another scope (${existing.scope.join(' ')})`, {
            hint: `end it first (lockstep task end ${id}) or replace its scope: lockstep task start ${id} --replace --scope …`,
            detail: { task: existing },
        });
    }
    const task = {
        v: 1,
        id,
        scope,
        shared,
        startedAt: new Date().toISOString(),
        startedBy: { pid: process.pid, host: (0,_core_process_js__WEBPACK_IMPORTED_MODULE_5__/* .hostId */ .My)(), agent: opts.agent ?? null },
    };
    const path = taskPath(rt, id);
    const tmp = (0,_core_files_js__WEBPACK_IMPORTED_MODULE_4__/* .tempPathFor */ .FD)(path);
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(tmp, JSON.stringify(task, null, 2) + '\n', { flag: 'wx' });
        if (existing)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(tmp, path);
        else {
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.linkSync)(tmp, path);
            }
            catch (e) {
                if (e.code !== 'EEXIST')
                    throw e;
                // Another start of the same id won the race: agree with it or say so.
                const now = readTaskFile(rt, id);
                if (now && sameGlobs(now.scope, scope) && sameGlobs(now.shared, shared))
                    return now;
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('CONFLICT', `task ${id} was started at the same moment with another scope`, { hint: `lockstep task list` });
            }
        }
    }
    catch (e) {
        if (e instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj)
            throw e;
        throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fsError */ .yi)(e, 'write task file', path);
    }
    finally {
        (0,_core_files_js__WEBPACK_IMPORTED_MODULE_4__/* .unlinkQuiet */ ._f)(tmp);
    }
    (0,_core_events_js__WEBPACK_IMPORTED_MODULE_3__/* .appendEvent */ .Zn)(rt.root, 'task_start', { task: id, scope, shared, replaced: Boolean(existing) });
    return task;
}
/** Ends a task (removes it, even when its file is damaged). NOT_FOUND when no such task is active. */
function endTask(opts) {
    const id = validateTaskId(opts.id);
    const rt = runtimeOf(opts);
    const path = taskPath(rt, id);
    let task = null;
    try {
        task = readTaskFile(rt, id);
        if (!task) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('NOT_FOUND', `no active task ${id}`, { hint: 'see the active tasks: lockstep task list' });
        }
    }
    catch (e) {
        if (!(e instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj) || e.code !== 'CORRUPT_STATE')
            throw e;
    }
    if (!(0,_core_files_js__WEBPACK_IMPORTED_MODULE_4__/* .unlinkQuiet */ ._f)(path))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('NOT_FOUND', `no active task ${id}`, { hint: 'see the active tasks: lockstep task list' });
    (0,_core_events_js__WEBPACK_IMPORTED_MODULE_3__/* .appendEvent */ .Zn)(rt.root, 'task_end', { task: id });
    return { id, task };
}
function getTask(opts) {
    const id = validateTaskId(opts.id);
    return readTaskFile(runtimeOf(opts), id);
}
/** Every active task, sorted by id. A damaged task file is an error (CORRUPT_STATE) naming it. */
function listTasks(opts = {}) {
    const rt = runtimeOf(opts);
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(tasksDir(rt));
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return [];
        throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fsError */ .yi)(e, 'read', tasksDir(rt));
    }
    const out = [];
    for (const n of names.sort()) {
        if (!n.endsWith('.json'))
            continue; // temp files end in their random suffix
        const id = n.slice(0, -5);
        if (!TASK_ID.test(id))
            continue;
        const t = readTaskFile(rt, id);
        if (t)
            out.push(t);
    }
    return out;
}


/***/ })

};
