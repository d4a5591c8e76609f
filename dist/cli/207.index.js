export const id = 207;
export const ids = [207];
export const modules = {

/***/ 4207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   allocateRemote: () => (/* binding */ allocateRemote),
/* harmony export */   relativeRoot: () => (/* binding */ relativeRoot)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);
/* harmony import */ var _core_events_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7842);
/* harmony import */ var _core_lock_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6336);
/* harmony import */ var _core_process_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9978);
/* harmony import */ var _alloc_allocate_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6341);
/* harmony import */ var _alloc_name_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7942);
/* harmony import */ var _alloc_scan_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(6300);
/* harmony import */ var _observations_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(3875);
/* harmony import */ var _refs_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(1994);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(1124);
/**
 * Numbered allocation coordinated through the git remote: clones on
 * different machines allocating in the same ROOT never get the same number.
 *
 * A number N is taken by one atomic push that
 *   - creates refs/lockstep/alloc/<root>/<N> (expected: absent) pointing to
 *     the allocation record (who, when, which entry), and
 *   - moves refs/lockstep/alloc/<root>/head, the root's counter, from
 *     head(N-1) to head(N) (expected: its current value; absent for the first).
 * Only then is `ROOT/<N>_<name>` created locally.
 *
 * head(N) is a blob whose content depends on root and N only, so every clone
 * can compute its id: a clone that lost a race assumes the winner took N and
 * tries N+1 against head(N) at once, without reading the remote again (and
 * reads it after a few misses). Two clones pushing the same head(N) would
 * look "up to date" to git and skip the head check, but the creation of ref
 * N in the same atomic push still fails for the second.
 *
 * The head is never deleted and only moves forward, so a clone with an old
 * view can never take a number twice, even after `lockstep remote gc`
 * removed the per-number refs below the newest (they are history).
 *
 * <root> is a hash of ROOT's path relative to the checkout's top level, so
 * every clone names the same root the same way wherever it is checked out.
 */














/** ROOT relative to the top level, '/'-separated; refuses roots outside the checkout. */
function relativeRoot(ctx, realRoot) {
    let top = ctx.topLevel;
    try {
        top = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(top);
    }
    catch {
        /* keep it as git said */
    }
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(top, realRoot);
    if (rel === '..' || rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LockstepError */ .Cj('BAD_INPUT', `the allocation root ${realRoot} is outside the checkout ${top}: the remote backend names roots by their path inside the repository, so every clone agrees`, {
            hint: 'use a root inside the repository, or --backend file for a root outside it',
        });
    }
    return rel.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/') || '.';
}
/**
 * The real path of ROOT, which may not exist yet: it is only created once a
 * number has been taken, so an unreachable remote leaves nothing behind.
 */
function realRootPath(abs) {
    const rest = [];
    let dir = abs;
    for (;;) {
        try {
            const real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(dir);
            if (rest.length === 0 && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(real).isDirectory())
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LockstepError */ .Cj('ENVIRONMENT', `the allocation root ${abs} is not a directory`);
            return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(real, ...rest.reverse());
        }
        catch (e) {
            if (e instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LockstepError */ .Cj)
                throw e;
            if (e.code !== 'ENOENT' || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir) === dir)
                throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .fsError */ .yi)(e, 'open allocation root', abs);
            rest.push((0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(dir));
            dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir);
        }
    }
}
function highestIn(root) {
    try {
        return (0,_alloc_scan_js__WEBPACK_IMPORTED_MODULE_10__/* .highestNumber */ .M_)(root);
    }
    catch (e) {
        if (e instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LockstepError */ .Cj && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(root))
            return 0;
        throw e;
    }
}
const headRecord = (hash, number) => ({ v: 1, backend: 'remote', kind: 'alloc-head', root: hash, number });
/** What this process last knew of each root's counter: the next allocation starts from it. */
const known = new Map();
/** The root's counter on the remote: the head ref's id and the number it stands for (0 when none). */
async function remoteCounter(ctx, hash) {
    const refs = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_13__/* .listRemoteRefs */ .R8)(ctx, [`${(0,_refs_js__WEBPACK_IMPORTED_MODULE_12__/* .allocPrefix */ .aL)(hash)}*`], 'read the allocation counter');
    const headOid = refs.get((0,_refs_js__WEBPACK_IMPORTED_MODULE_12__/* .allocHeadRef */ .NO)(hash)) ?? null;
    if (!headOid)
        return { headOid: null, number: 0 };
    // The newest number's ref survives gc, and head(N) has a computable id.
    const numbers = [...refs.keys()].map((r) => Number(r.slice((0,_refs_js__WEBPACK_IMPORTED_MODULE_12__/* .allocPrefix */ .aL)(hash).length))).filter((n) => Number.isSafeInteger(n) && n > 0).sort((a, b) => b - a);
    for (const n of numbers)
        if ((0,_transport_js__WEBPACK_IMPORTED_MODULE_13__/* .recordOid */ .k3)(ctx, headRecord(hash, n)) === headOid)
            return { headOid, number: n };
    const rec = (await (0,_transport_js__WEBPACK_IMPORTED_MODULE_13__/* .readRecords */ .T3)(ctx, [headOid], [(0,_refs_js__WEBPACK_IMPORTED_MODULE_12__/* .allocHeadRef */ .NO)(hash)])).get(headOid);
    if (!rec || rec.kind !== 'alloc-head' || !Number.isSafeInteger(rec.number)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LockstepError */ .Cj('CORRUPT_STATE', `the allocation counter ${(0,_refs_js__WEBPACK_IMPORTED_MODULE_12__/* .allocHeadRef */ .NO)(hash)} on the remote ${ctx.remote} does not point to a lockstep counter`, {
            hint: 'something other than lockstep wrote that ref; inspect it with git ls-remote and fix it by hand',
        });
    }
    return { headOid, number: rec.number };
}
/**
 * Allocates the next number in ROOT through the remote and creates
 * `ROOT/<N>_<name>`. Throws REMOTE_UNREACHABLE (nothing created),
 * REMOTE_REFUSED, or LOCK_TIMEOUT when it keeps losing races past the deadline.
 */
async function allocateRemote(opts) {
    const name = (0,_alloc_name_js__WEBPACK_IMPORTED_MODULE_9__/* .sanitizeTopicName */ .ev)(opts.name);
    const width = (0,_alloc_allocate_js__WEBPACK_IMPORTED_MODULE_8__/* .validateWidth */ .rX)(opts.width ?? _alloc_allocate_js__WEBPACK_IMPORTED_MODULE_8__/* .DEFAULT_WIDTH */ .jz);
    const abs = (0,_alloc_allocate_js__WEBPACK_IMPORTED_MODULE_8__/* .resolveRoot */ .H6)(opts.root, opts.cwd);
    const ctx = (0,_transport_js__WEBPACK_IMPORTED_MODULE_13__/* .openRemote */ .d3)(opts);
    const timeoutMs = opts.timeoutMs ?? _core_lock_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_TIMEOUT_MS */ .t1;
    const deadline = (0,_observations_js__WEBPACK_IMPORTED_MODULE_11__/* .monoNowMs */ ._t)() + timeoutMs;
    const real = realRootPath(abs);
    const rel = relativeRoot(ctx, real);
    const hash = (0,_refs_js__WEBPACK_IMPORTED_MODULE_12__/* .rootHash */ .FU)(rel);
    const key = `${ctx.git.cwd}\0${ctx.remote}\0${hash}`;
    let view = known.get(key) ?? (await remoteCounter(ctx, hash));
    let blind = 0;
    for (let retries = 0;; retries++) {
        const number = Math.max(view.number, highestIn(real)) + 1;
        if (!Number.isSafeInteger(number))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LockstepError */ .Cj('ENVIRONMENT', `no number left after ${number - 1} in ${abs}`);
        const entry = `${(0,_alloc_scan_js__WEBPACK_IMPORTED_MODULE_10__/* .formatNumber */ .ZV)(number, width)}_${name}`;
        const record = { v: 1, backend: 'remote', kind: 'alloc', root: rel, number, entry, host: (0,_core_process_js__WEBPACK_IMPORTED_MODULE_7__/* .hostId */ .My)(), pid: process.pid, nonce: (0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(8).toString('hex'), at: new Date().toISOString() };
        const [oid, headOid] = await Promise.all([(0,_transport_js__WEBPACK_IMPORTED_MODULE_13__/* .writeRecord */ .rh)(ctx, record), (0,_transport_js__WEBPACK_IMPORTED_MODULE_13__/* .writeRecord */ .rh)(ctx, headRecord(hash, number))]);
        const ref = (0,_refs_js__WEBPACK_IMPORTED_MODULE_12__/* .allocNumberRef */ .ys)(hash, number);
        const sentMono = (0,_observations_js__WEBPACK_IMPORTED_MODULE_11__/* .monoNowMs */ ._t)();
        const r = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_13__/* .pushUpdates */ .BI)(ctx, [
            { ref, newOid: oid, expectOid: null },
            { ref: (0,_refs_js__WEBPACK_IMPORTED_MODULE_12__/* .allocHeadRef */ .NO)(hash), newOid: headOid, expectOid: view.headOid },
        ], `take number ${number} in ${rel}`);
        if (r.ok) {
            known.set(key, { headOid, number });
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(real, { recursive: true });
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(real, entry));
            }
            catch (e) {
                // The number is ours on the remote; without its directory it is a gap, never a duplicate.
                if (e.code === 'EEXIST') {
                    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LockstepError */ .Cj('CONFLICT', `${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(abs, entry)} already exists although number ${number} was just taken on the remote: something outside lockstep created it`, { hint: `lockstep allocate --verify ${abs}` });
                }
                throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .fsError */ .yi)(e, 'create', (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(abs, entry));
            }
            (0,_core_events_js__WEBPACK_IMPORTED_MODULE_5__/* .appendEvent */ .Zn)(ctx.runtime.root, 'allocate', { backend: 'remote', remote: ctx.remote, root: real, number, entry, retries });
            return { backend: 'remote', remote: ctx.remote, ref, root: rel, topicNumber: (0,_alloc_scan_js__WEBPACK_IMPORTED_MODULE_10__/* .formatNumber */ .ZV)(number, width), topicPath: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(abs, entry), number, name, token: number, retries };
        }
        known.delete(key);
        if ((0,_observations_js__WEBPACK_IMPORTED_MODULE_11__/* .monoNowMs */ ._t)() >= deadline) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LockstepError */ .Cj('LOCK_TIMEOUT', `gave up allocating in ${abs} after ${retries + 1} pushes lost to other clones within ${(timeoutMs / 1000).toFixed(1)} s`, {
                hint: 'retry, or raise the timeout (--timeout)',
                detail: { root: rel, remote: ctx.remote, retries: retries + 1 },
            });
        }
        // Most likely another clone just took this number: go on from it, reading the remote only after a
        // few misses. The pause (up to a few push times, growing with the misses) keeps 5 clones on 2 cores
        // from all pushing at once for every number, which would slow every push down.
        const pushMs = (0,_observations_js__WEBPACK_IMPORTED_MODULE_11__/* .monoNowMs */ ._t)() - sentMono;
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_3__.setTimeout)(Math.min(deadline - (0,_observations_js__WEBPACK_IMPORTED_MODULE_11__/* .monoNowMs */ ._t)(), Math.random() * pushMs * Math.min(4, 2 ** Math.min(retries, 3))));
        if (++blind <= 2)
            view = { headOid: (0,_transport_js__WEBPACK_IMPORTED_MODULE_13__/* .recordOid */ .k3)(ctx, headRecord(hash, number)), number };
        else {
            blind = 0;
            view = await remoteCounter(ctx, hash);
        }
    }
}


/***/ })

};
