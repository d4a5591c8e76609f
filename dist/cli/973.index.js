export const id = 973;
export const ids = [973];
export const modules = {

/***/ 3973:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_CLAIM_LEASE_MS: () => (/* binding */ DEFAULT_CLAIM_LEASE_MS),
/* harmony export */   DEFAULT_MAX_ATTEMPTS: () => (/* binding */ DEFAULT_MAX_ATTEMPTS),
/* harmony export */   claimItemRemote: () => (/* binding */ claimItemRemote),
/* harmony export */   claimNextRemote: () => (/* binding */ claimNextRemote),
/* harmony export */   completeItemRemote: () => (/* binding */ completeItemRemote),
/* harmony export */   failItemRemote: () => (/* binding */ failItemRemote),
/* harmony export */   findClaimRemote: () => (/* binding */ findClaimRemote),
/* harmony export */   listClaimsRemote: () => (/* binding */ listClaimsRemote),
/* harmony export */   queueStatusRemote: () => (/* binding */ queueStatusRemote),
/* harmony export */   reclaimRemote: () => (/* binding */ reclaimRemote),
/* harmony export */   renewAgentClaimsRemote: () => (/* binding */ renewAgentClaimsRemote),
/* harmony export */   renewClaimRemote: () => (/* binding */ renewClaimRemote)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _core_events_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7842);
/* harmony import */ var _core_process_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9978);
/* harmony import */ var _observations_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3875);
/* harmony import */ var _refs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1994);
/* harmony import */ var _queue_names_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8579);
/* harmony import */ var _queue_queue_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4752);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1124);
/**
 * Work-item claims coordinated through the git remote: runners on different
 * machines, each with its own clone and the same list of items, never both
 * work on one item.
 *
 * refs/lockstep/claims/<queue>/<item> points to the item's claim record:
 *
 *   absent      pending: claimable by creating the ref (expected: absent)
 *   claimed     held by one agent until done/failed, or until its lease runs out
 *   reclaimed   its claimer's lease ran out: claimable again by moving the ref
 *               from this record (expected: its id); the attempt count goes on
 *   done/failed finished: never claimed again
 *
 * Every transition is one compare-and-swap push from the record the actor
 * read, so exactly one claimer wins an item, and a claimer whose claim was
 * reclaimed (and maybe claimed by someone else) cannot complete it: its
 * expected id is gone. The generation is the attempt number.
 */










const DEFAULT_CLAIM_LEASE_MS = 120_000;
const DEFAULT_MAX_ATTEMPTS = 3;
/** Claimers start at a random one of the first few pending items, so they do not all race for the same one. */
const SPREAD = 8;
function newRecord(o, queue, item, attempt, state = 'claimed') {
    const leaseMs = o.leaseMs ?? DEFAULT_CLAIM_LEASE_MS;
    if (!Number.isFinite(leaseMs) || leaseMs <= 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `invalid lease ${leaseMs} ms: it must be > 0`);
    const ident = (0,_core_process_js__WEBPACK_IMPORTED_MODULE_4__/* .identityOf */ .cu)(o.ownerPid ?? process.pid);
    return {
        v: 1,
        backend: 'remote',
        kind: 'claim',
        queue,
        item,
        state,
        agent: o.agent,
        host: ident.host,
        pid: ident.pid,
        pidStart: ident.pidStart,
        bootId: ident.bootId,
        nonce: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).toString('hex'),
        attempt,
        leaseMs,
        at: new Date().toISOString(),
    };
}
function isClaimRecord(r) {
    return typeof r === 'object' && r !== null && r.kind === 'claim' && typeof r.state === 'string';
}
/** The handle of `agent`'s claim of `queue`/`item`, whose current record (object `oid`) is `record`; its holder may rely on it until `leaseEndsMono`. */
function heldClaim(ctx, queue, item, agent, oid, record, leaseEndsMono) {
    return { backend: 'remote', remote: ctx.remote, cwd: ctx.git.cwd, queue, item, agent, generation: record.attempt, ref: (0,_refs_js__WEBPACK_IMPORTED_MODULE_6__/* .claimRef */ .Qz)(queue, item), oid, record, leaseEndsMono };
}
/** One compare-and-swap of the item's ref to a fresh claim; null when another claimer won. */
async function tryClaim(ctx, o, queue, item, expectOid, attempt) {
    const record = newRecord(o, queue, item, attempt);
    const oid = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .writeRecord */ .rh)(ctx, record);
    const sentMono = (0,_observations_js__WEBPACK_IMPORTED_MODULE_5__/* .monoNowMs */ ._t)();
    const ref = (0,_refs_js__WEBPACK_IMPORTED_MODULE_6__/* .claimRef */ .Qz)(queue, item);
    const r = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .pushUpdates */ .BI)(ctx, [{ ref, newOid: oid, expectOid }], `claim ${queue}/${item}`);
    if (!r.ok)
        return null;
    (0,_core_events_js__WEBPACK_IMPORTED_MODULE_3__/* .appendEvent */ .Zn)(ctx.runtime.root, 'claim', { backend: 'remote', remote: ctx.remote, queue, item, agent: o.agent, generation: attempt });
    return heldClaim(ctx, queue, item, o.agent, oid, record, sentMono + record.leaseMs);
}
/** Claims one named item. Null when it is already claimed or finished. */
async function claimItemRemote(opts) {
    const queue = (0,_queue_names_js__WEBPACK_IMPORTED_MODULE_7__/* .validateQueueName */ .vL)(opts.queue ?? _queue_names_js__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_QUEUE */ .iD);
    const item = (0,_queue_names_js__WEBPACK_IMPORTED_MODULE_7__/* .validateItemId */ .xs)(opts.item);
    (0,_queue_names_js__WEBPACK_IMPORTED_MODULE_7__/* .validateAgentId */ .zr)(opts.agent);
    const ctx = (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .openRemote */ .d3)(opts);
    const refs = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .listRemoteRefs */ .R8)(ctx, [(0,_refs_js__WEBPACK_IMPORTED_MODULE_6__/* .claimRef */ .Qz)(queue, item)], `read the claim of ${queue}/${item}`);
    const oid = refs.get((0,_refs_js__WEBPACK_IMPORTED_MODULE_6__/* .claimRef */ .Qz)(queue, item)) ?? null;
    if (oid === null)
        return tryClaim(ctx, opts, queue, item, null, 1);
    const rec = (await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .readRecords */ .T3)(ctx, [oid], [(0,_refs_js__WEBPACK_IMPORTED_MODULE_6__/* .claimRef */ .Qz)(queue, item)])).get(oid);
    if (isClaimRecord(rec) && rec.state === 'reclaimed')
        return tryClaim(ctx, opts, queue, item, oid, rec.attempt + 1);
    return null;
}
/**
 * Claims the first claimable item of `items` (their order is the priority):
 * a pending one (no claim ref yet), else one whose claim was reclaimed.
 * Without `items`, the candidates are the items of this clone's file-backend
 * queue of the same name, highest priority first (every clone adds the same
 * items; the remote decides who works on which). Returns null when nothing
 * is left to claim (the CLI exits 1).
 */
async function claimNextRemote(opts) {
    const queue = (0,_queue_names_js__WEBPACK_IMPORTED_MODULE_7__/* .validateQueueName */ .vL)(opts.queue ?? _queue_names_js__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_QUEUE */ .iD);
    (0,_queue_names_js__WEBPACK_IMPORTED_MODULE_7__/* .validateAgentId */ .zr)(opts.agent);
    const ctx = (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .openRemote */ .d3)(opts);
    const items = (opts.items ?? queuedItems(opts.cwd, queue)).map(_queue_names_js__WEBPACK_IMPORTED_MODULE_7__/* .validateItemId */ .xs);
    // What this process knows to be taken (claimed, finished, or lost in a race) since it last listed:
    // consecutive claims reuse it and list the remote again only when it runs out of candidates.
    const key = `${ctx.git.cwd}\0${ctx.remote}\0${queue}`;
    for (let round = 0; round < 1000; round++) {
        let present = takenCache.get(key);
        let fresh = false;
        if (!present || items.every((i) => present.has(i))) {
            present = await listClaims(ctx, queue);
            takenCache.set(key, present);
            fresh = true;
        }
        const pending = items.filter((i) => !present.has(i));
        if (pending.length > 0) {
            // Start at a random one of the first few, then go on in order; a lost race moves to the next item at once.
            const start = Math.floor(Math.random() * Math.min(SPREAD, pending.length));
            for (let k = 0, lost = 0; k < pending.length && lost < SPREAD * 2; k++) {
                const item = pending[(start + k) % pending.length];
                const c = await tryClaim(ctx, opts, queue, item, null, 1);
                present.set(item, c?.oid ?? '');
                if (c)
                    return c;
                lost++;
            }
            takenCache.delete(key);
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_1__.setTimeout)(Math.random() * 20);
            continue; // our view was old: look again
        }
        if (!fresh)
            continue;
        takenCache.delete(key);
        const wanted = new Set(items);
        const oids = [...present].filter(([i]) => wanted.has(i));
        const records = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .readRecords */ .T3)(ctx, oids.map(([, oid]) => oid));
        const reclaimable = oids.filter(([, oid]) => {
            const r = records.get(oid);
            return isClaimRecord(r) && r.state === 'reclaimed';
        });
        if (reclaimable.length === 0)
            return null;
        for (const [item, oid] of reclaimable) {
            const rec = records.get(oid);
            const c = await tryClaim(ctx, opts, queue, item, oid, rec.attempt + 1);
            if (c)
                return c;
        }
    }
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('CONFLICT', `could not claim an item of ${queue}: lost 1000 rounds of races`, { hint: 'retry; if it persists, too many claimers share too few items' });
}
/** The ids of this clone's file-backend queue, in its claim order (priority, then age). */
function queuedItems(cwd, queue) {
    return [...(0,_queue_queue_js__WEBPACK_IMPORTED_MODULE_8__/* .listItems */ .Dw)({ cwd, queue })].sort((a, b) => b.priority - a.priority || (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : a.id < b.id ? -1 : 1)).map((i) => i.id);
}
const takenCache = new Map();
async function listClaims(ctx, queue) {
    const refs = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .listRemoteRefs */ .R8)(ctx, [`${(0,_refs_js__WEBPACK_IMPORTED_MODULE_6__/* .claimPrefix */ .Pq)(queue)}*`], `list the claims of ${queue}`);
    const out = new Map();
    for (const [ref, oid] of refs)
        if (ref.startsWith((0,_refs_js__WEBPACK_IMPORTED_MODULE_6__/* .claimPrefix */ .Pq)(queue)))
            out.set(ref.slice((0,_refs_js__WEBPACK_IMPORTED_MODULE_6__/* .claimPrefix */ .Pq)(queue).length), oid);
    return out;
}
function claimLost(ctx, claim, what) {
    (0,_core_events_js__WEBPACK_IMPORTED_MODULE_3__/* .appendEvent */ .Zn)(ctx.runtime.root, 'claim_lost', { backend: 'remote', remote: ctx.remote, queue: claim.queue, item: claim.item, agent: claim.agent, generation: claim.generation, what });
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('CONFLICT', `refused to ${what} ${claim.queue}/${claim.item}: the claim of agent ${claim.agent} (generation ${claim.generation}) is no longer current — its lease ran out and it was reclaimed`, {
        hint: `see the item now: lockstep remote claims ${claim.queue} --remote ${ctx.remote}`,
        detail: { queue: claim.queue, item: claim.item, agent: claim.agent, generation: claim.generation },
    });
}
async function finish(claim, state, what, reason) {
    const ctx = (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .openRemote */ .d3)({ cwd: claim.cwd, remote: claim.remote });
    const next = { ...claim.record, state, nonce: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).toString('hex'), at: new Date().toISOString(), ...(reason ? { reason } : {}) };
    const oid = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .writeRecord */ .rh)(ctx, next);
    const sentMono = (0,_observations_js__WEBPACK_IMPORTED_MODULE_5__/* .monoNowMs */ ._t)();
    const r = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .pushUpdates */ .BI)(ctx, [{ ref: claim.ref, newOid: oid, expectOid: claim.oid }], `${what} ${claim.queue}/${claim.item}`);
    if (!r.ok)
        throw claimLost(ctx, claim, what);
    (0,_core_events_js__WEBPACK_IMPORTED_MODULE_3__/* .appendEvent */ .Zn)(ctx.runtime.root, what === 'renew' ? 'claim_renew' : `claim_${state}`, { backend: 'remote', remote: ctx.remote, queue: claim.queue, item: claim.item, agent: claim.agent, generation: claim.generation });
    claim.oid = oid;
    claim.record = next;
    claim.leaseEndsMono = sentMono + next.leaseMs;
    return next;
}
/** Marks the item done. Throws CONFLICT when the claim is no longer current. */
function completeItemRemote(claim) {
    return finish(claim, 'done', 'complete');
}
/** Marks the item failed, or (retry) hands it back for another attempt. */
function failItemRemote(claim, opts = {}) {
    return finish(claim, opts.retry ? 'reclaimed' : 'failed', 'fail', opts.reason);
}
/** Pushes a fresh claim record: renews the lease for every observer. */
function renewClaimRemote(claim) {
    return finish(claim, 'claimed', 'renew');
}
/**
 * Finds the current claim of `item` held by `agent` (for a CLI call in a
 * process other than the claimer's). Throws CONFLICT when the agent does not
 * hold it (or holds an older generation than `generation`).
 */
async function findClaimRemote(opts) {
    const queue = (0,_queue_names_js__WEBPACK_IMPORTED_MODULE_7__/* .validateQueueName */ .vL)(opts.queue ?? _queue_names_js__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_QUEUE */ .iD);
    const item = (0,_queue_names_js__WEBPACK_IMPORTED_MODULE_7__/* .validateItemId */ .xs)(opts.item);
    (0,_queue_names_js__WEBPACK_IMPORTED_MODULE_7__/* .validateAgentId */ .zr)(opts.agent);
    const ctx = (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .openRemote */ .d3)(opts);
    const ref = (0,_refs_js__WEBPACK_IMPORTED_MODULE_6__/* .claimRef */ .Qz)(queue, item);
    const oid = (await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .listRemoteRefs */ .R8)(ctx, [ref], `read the claim of ${queue}/${item}`)).get(ref) ?? null;
    const rec = oid ? (await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .readRecords */ .T3)(ctx, [oid], [ref])).get(oid) : null;
    if (!oid || !isClaimRecord(rec) || rec.state !== 'claimed' || rec.agent !== opts.agent || (opts.generation !== undefined && rec.attempt !== opts.generation)) {
        const now = isClaimRecord(rec) ? `it is ${rec.state}${rec.agent ? ` by agent ${rec.agent}` : ''} (generation ${rec.attempt})` : 'nobody has claimed it';
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('CONFLICT', `agent ${opts.agent} does not hold a current claim on ${queue}/${item}${opts.generation !== undefined ? ` with generation ${opts.generation}` : ''}: ${now}`, {
            hint: `see the items: lockstep remote claims ${queue} --remote ${ctx.remote}`,
            detail: { queue, item, agent: opts.agent, current: rec ?? null },
        });
    }
    return heldClaim(ctx, queue, item, opts.agent, oid, rec, (0,_observations_js__WEBPACK_IMPORTED_MODULE_5__/* .monoNowMs */ ._t)());
}
/** Every claim of `queue` on the remote. */
async function listClaimsRemote(opts) {
    const queue = (0,_queue_names_js__WEBPACK_IMPORTED_MODULE_7__/* .validateQueueName */ .vL)(opts.queue ?? _queue_names_js__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_QUEUE */ .iD);
    const ctx = (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .openRemote */ .d3)(opts);
    const present = await listClaims(ctx, queue);
    const records = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .readRecords */ .T3)(ctx, [...present.values()]);
    const observer = new _observations_js__WEBPACK_IMPORTED_MODULE_5__/* .Observer */ .nu(ctx);
    return [...present]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([item, oid]) => {
        const r = records.get(oid);
        if (!isClaimRecord(r))
            return { item, state: 'unknown', agent: null, host: null, generation: 0, expired: false, expiresInMs: null };
        const j = r.state === 'claimed' ? (0,_observations_js__WEBPACK_IMPORTED_MODULE_5__/* .judgeLease */ .Qs)(r, observer.firstSeen((0,_refs_js__WEBPACK_IMPORTED_MODULE_6__/* .claimRef */ .Qz)(queue, item), oid)) : null;
        return { item, state: r.state, agent: r.agent, host: r.host, generation: r.attempt, expired: j?.expired ?? false, expiresInMs: j ? (j.expired ? 0 : j.remainingMs) : null };
    });
}
/**
 * Hands items whose claimer's lease ran out (by this machine's count, see
 * observations.ts) back to the queue, or fails them after `maxAttempts`.
 */
async function reclaimRemote(opts) {
    const queue = (0,_queue_names_js__WEBPACK_IMPORTED_MODULE_7__/* .validateQueueName */ .vL)(opts.queue ?? _queue_names_js__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_QUEUE */ .iD);
    const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    const ctx = (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .openRemote */ .d3)(opts);
    const present = await listClaims(ctx, queue);
    const records = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .readRecords */ .T3)(ctx, [...present.values()]);
    const observer = new _observations_js__WEBPACK_IMPORTED_MODULE_5__/* .Observer */ .nu(ctx);
    const out = { reclaimed: [], failed: [], waiting: [] };
    for (const [item, oid] of present) {
        const r = records.get(oid);
        if (!isClaimRecord(r) || r.state !== 'claimed')
            continue;
        const j = (0,_observations_js__WEBPACK_IMPORTED_MODULE_5__/* .judgeLease */ .Qs)(r, observer.firstSeen((0,_refs_js__WEBPACK_IMPORTED_MODULE_6__/* .claimRef */ .Qz)(queue, item), oid));
        if (!j.expired) {
            out.waiting.push({ item, agent: r.agent, host: r.host, expiresInMs: j.remainingMs });
            continue;
        }
        const state = r.attempt >= maxAttempts ? 'failed' : 'reclaimed';
        const entry = { item, agent: r.agent, host: r.host, generation: r.attempt, reason: j.reason };
        if (!opts.dryRun) {
            const next = { ...r, state, nonce: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).toString('hex'), at: new Date().toISOString(), reason: `${state} by host ${(0,_core_process_js__WEBPACK_IMPORTED_MODULE_4__/* .hostId */ .My)()}: ${j.reason}` };
            const newOid = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .writeRecord */ .rh)(ctx, next);
            const p = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .pushUpdates */ .BI)(ctx, [{ ref: (0,_refs_js__WEBPACK_IMPORTED_MODULE_6__/* .claimRef */ .Qz)(queue, item), newOid, expectOid: oid }], `reclaim ${queue}/${item}`);
            if (!p.ok)
                continue; // renewed or finished meanwhile: not ours to reclaim
            (0,_core_events_js__WEBPACK_IMPORTED_MODULE_3__/* .appendEvent */ .Zn)(ctx.runtime.root, 'reclaim', { backend: 'remote', remote: ctx.remote, queue, item, agent: r.agent, generation: r.attempt, state });
        }
        (state === 'failed' ? out.failed : out.reclaimed).push(entry);
    }
    return out;
}
/**
 * The queue as the remote sees it: this clone's items (in claim order), then
 * items other clones claimed that this clone does not list, each with the
 * state of its claim ref.
 */
async function queueStatusRemote(opts) {
    const queue = (0,_queue_names_js__WEBPACK_IMPORTED_MODULE_7__/* .validateQueueName */ .vL)(opts.queue ?? _queue_names_js__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_QUEUE */ .iD);
    const claims = new Map((await listClaimsRemote({ ...opts, queue })).map((c) => [c.item, c]));
    const local = queuedItems(opts.cwd, queue);
    const ids = [...local, ...[...claims.keys()].filter((id) => !local.includes(id))];
    return ids.map((id) => {
        const c = claims.get(id);
        if (!c)
            return { id, state: 'pending', agent: null, host: null, generation: 0, expired: false };
        // An unreadable record blocks the item like a claim would: it is reported, never silently handed out.
        const state = c.state === 'reclaimed' ? 'pending' : c.state === 'unknown' ? 'claimed' : c.state;
        return { id, state, agent: c.agent, host: c.host, generation: c.generation, expired: c.expired };
    });
}
/**
 * Renews every current claim `agent` holds in `queue` (the remote form of a
 * heartbeat). Throws CONFLICT, after renewing the others, when a claim was
 * lost meanwhile.
 */
async function renewAgentClaimsRemote(opts) {
    const queue = (0,_queue_names_js__WEBPACK_IMPORTED_MODULE_7__/* .validateQueueName */ .vL)(opts.queue ?? _queue_names_js__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_QUEUE */ .iD);
    (0,_queue_names_js__WEBPACK_IMPORTED_MODULE_7__/* .validateAgentId */ .zr)(opts.agent);
    const ctx = (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .openRemote */ .d3)(opts);
    const present = await listClaims(ctx, queue);
    const records = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .readRecords */ .T3)(ctx, [...present.values()]);
    const renewed = [];
    const lost = [];
    for (const [item, oid] of present) {
        const rec = records.get(oid);
        if (!isClaimRecord(rec) || rec.state !== 'claimed' || rec.agent !== opts.agent)
            continue;
        const claim = heldClaim(ctx, queue, item, opts.agent, oid, rec, (0,_observations_js__WEBPACK_IMPORTED_MODULE_5__/* .monoNowMs */ ._t)());
        try {
            await renewClaimRemote(claim);
            renewed.push(claim);
        }
        catch (e) {
            if (e instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj && e.code === 'CONFLICT')
                lost.push(e);
            else
                throw e;
        }
    }
    if (lost.length > 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('CONFLICT', `${lost.length} claim(s) of agent ${opts.agent} were lost before the heartbeat (renewed ${renewed.length}): ${lost.map((e) => e.message).join('; ')}`, { hint: lost[0].hint, detail: { renewed: renewed.map((c) => c.item) } });
    return renewed;
}


/***/ })

};
