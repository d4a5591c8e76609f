export const id = 942;
export const ids = [942];
export const modules = {

/***/ 9942:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerQueue: () => (/* binding */ registerQueue)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _queue_agents_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5881);
/* harmony import */ var _queue_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8579);
/* harmony import */ var _queue_queue_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4752);
/* harmony import */ var _remote_backend_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7590);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5217);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6657);







const STATES = ['pending', 'claimed', 'done', 'failed'];
function agentOf(o) {
    const a = o.agent ?? process.env.LOCKSTEP_AGENT;
    if (!a)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockstepError */ .Cj('BAD_INPUT', 'no agent: pass --agent ID (or set LOCKSTEP_AGENT)');
    return a;
}
/** The process a claim or heartbeat is held for: --owner-pid, else the caller (our parent, e.g. the agent's shell script). */
function ownerPid(o) {
    return o.ownerPid === undefined ? process.ppid : (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .parsePositiveInt */ .EJ)(o.ownerPid, '--owner-pid');
}
function generationOf(o) {
    return o.generation === undefined ? undefined : (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .parsePositiveInt */ .EJ)(o.generation, '--generation');
}
/** The remote backend's claims, loaded only when a queue command uses that backend. */
const remoteClaims = () => Promise.all(/* import() */[__webpack_require__.e(366), __webpack_require__.e(973)]).then(__webpack_require__.bind(__webpack_require__, 3973));
function backendOf(cmd, o) {
    const { cwd } = (0,_context_js__WEBPACK_IMPORTED_MODULE_6__/* .globals */ .z)(cmd);
    return { cwd, backend: (0,_remote_backend_js__WEBPACK_IMPORTED_MODULE_4__/* .selectBackend */ .H_)({ cwd, flag: o.backend }) };
}
/**
 * With the remote backend the items are still this clone's queue (every clone
 * adds the same items); the remote only decides who works on which, through
 * refs/lockstep/claims/<queue>/<item>.
 */
function registerQueue(program) {
    const queue = program
        .command('queue')
        .description('a work queue: atomic claims with leases, reclaim of abandoned work, stale completions refused');
    queue
        .command('add')
        .argument('<id>', 'item id (letters, digits, . _ -)')
        .option('--priority <n>', 'higher is claimed first', '0')
        .option('--payload <file>', 'a file copied into the queue and handed to the agent (LOCKSTEP_PAYLOAD)')
        .option('--queue <name>', 'queue name', _queue_names_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_QUEUE */ .iD)
        .option('--if-absent', 'do nothing (exit 0) when the item exists')
        .option('--json', 'machine-readable output')
        .description('add a work item')
        .action((id, o, cmd) => {
        const { cwd } = (0,_context_js__WEBPACK_IMPORTED_MODULE_6__/* .globals */ .z)(cmd);
        const priority = Number(o.priority);
        if (!/^-?\d+$/.test(o.priority.trim()))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockstepError */ .Cj('BAD_INPUT', `--priority takes a whole number, not ${JSON.stringify(o.priority)}`);
        const r = (0,_queue_queue_js__WEBPACK_IMPORTED_MODULE_3__/* .addItem */ .B5)({ cwd, queue: o.queue, id, priority, payloadFile: o.payload, ifAbsent: o.ifAbsent });
        if (o.json)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printJson */ .Q2)({ ok: true, ...r });
        else
            (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printLine */ .wi)(r.added ? `added ${r.item.id} to queue ${r.item.queue} (priority ${r.item.priority})` : `${r.item.id} is already in queue ${r.item.queue}`);
    });
    queue
        .command('list')
        .option('--queue <name>', 'queue name', _queue_names_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_QUEUE */ .iD)
        .option('--state <state>', `only items in this state (${STATES.join(', ')})`)
        .option('--backend <backend>', _remote_backend_js__WEBPACK_IMPORTED_MODULE_4__/* .BACKEND_HELP */ .Vh)
        .option('--json', 'machine-readable output')
        .description('list items with their state, claim and attempts')
        .action(async (o, cmd) => {
        const { cwd, backend } = backendOf(cmd, o);
        if (o.state !== undefined && !STATES.includes(o.state))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockstepError */ .Cj('BAD_INPUT', `--state takes one of ${STATES.join(', ')}, not ${JSON.stringify(o.state)}`);
        if (backend.kind === 'remote') {
            const items = await (await remoteClaims()).queueStatusRemote({ cwd, remote: backend.remote, queue: o.queue });
            const shown = o.state === undefined ? items : items.filter((i) => i.state === o.state);
            const counts = { pending: 0, claimed: 0, done: 0, failed: 0 };
            for (const i of items)
                counts[i.state]++;
            if (o.json) {
                (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printJson */ .Q2)({ queue: o.queue, backend: 'remote', remote: backend.remote, counts, items: shown });
                return;
            }
            (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printLine */ .wi)(`queue ${o.queue} on ${backend.remote}: ${counts.pending} pending · ${counts.claimed} claimed · ${counts.done} done · ${counts.failed} failed`);
            for (const it of shown) {
                const extra = [];
                if (it.state === 'claimed')
                    extra.push(`agent ${it.agent} on ${it.host}, claim ${it.generation}${it.expired ? ', lease ran out as seen from here' : ''}`);
                else if (it.generation > 0)
                    extra.push(`${it.generation} claim(s) so far`);
                (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printLine */ .wi)(`  ${it.state.padEnd(7)} ${it.id}${extra.length ? `  (${extra.join('; ')})` : ''}`);
            }
            return;
        }
        const items = (0,_queue_queue_js__WEBPACK_IMPORTED_MODULE_3__/* .listItems */ .Dw)({ cwd, queue: o.queue, state: o.state });
        const counts = (0,_queue_queue_js__WEBPACK_IMPORTED_MODULE_3__/* .queueCounts */ .WM)({ cwd, queue: o.queue });
        if (o.json) {
            (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printJson */ .Q2)({ queue: o.queue, counts, items });
            return;
        }
        (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printLine */ .wi)(`queue ${o.queue}: ${counts.pending} pending · ${counts.claimed} claimed · ${counts.done} done · ${counts.failed} failed`);
        const now = Date.now();
        for (const it of items) {
            const extra = [];
            if (it.priority)
                extra.push(`priority ${it.priority}`);
            if (it.state === 'claimed') {
                extra.push(`agent ${it.agent}, claim ${it.generation}`);
                if (it.leaseEndsAtMs !== null)
                    extra.push(it.leaseEndsAtMs >= now ? `lease ${((it.leaseEndsAtMs - now) / 1000).toFixed(0)} s left` : `lease ran out ${((now - it.leaseEndsAtMs) / 1000).toFixed(0)} s ago`);
            }
            if (it.attempts)
                extra.push(`${it.attempts} earlier attempt(s)`);
            if (it.lastReason && it.state !== 'done')
                extra.push(it.lastReason);
            (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printLine */ .wi)(`  ${it.state.padEnd(7)} ${it.id}${extra.length ? `  (${extra.join('; ')})` : ''}`);
        }
    });
    queue
        .command('claim')
        .option('--agent <id>', 'the claiming agent (default: $LOCKSTEP_AGENT)')
        .option('--lease <seconds>', 'how long the claim outlives its owner process; heartbeats extend it', String(_queue_queue_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_CLAIM_LEASE_MS */ .XT / 1000))
        .option('--owner-pid <pid>', 'the process holding the claim: it is never reclaimed while that process runs (default: the calling process)')
        .option('--queue <name>', 'queue name', _queue_names_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_QUEUE */ .iD)
        .option('--backend <backend>', _remote_backend_js__WEBPACK_IMPORTED_MODULE_4__/* .BACKEND_HELP */ .Vh)
        .option('--json', 'machine-readable output')
        .description('claim the highest-priority pending item and print its id (exit 1 when there is none)')
        .action(async (o, cmd) => {
        const { cwd, backend } = backendOf(cmd, o);
        if (backend.kind === 'remote') {
            const c = await (await remoteClaims()).claimNextRemote({ cwd, remote: backend.remote, queue: o.queue, agent: agentOf(o), leaseMs: (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .parseSeconds */ .fL)(o.lease, '--lease'), ownerPid: ownerPid(o) });
            if (!c) {
                if (o.json)
                    (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printJson */ .Q2)({ claimed: false, queue: o.queue, backend: 'remote', remote: backend.remote });
                process.exitCode = 1;
                return;
            }
            const local = (0,_queue_queue_js__WEBPACK_IMPORTED_MODULE_3__/* .listItems */ .Dw)({ cwd, queue: o.queue }).find((i) => i.id === c.item);
            if (o.json)
                (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printJson */ .Q2)({ claimed: true, id: c.item, generation: c.generation, priority: local?.priority ?? 0, payload: local?.payload ?? null, queue: c.queue, agent: c.agent, leaseMs: c.record.leaseMs, backend: 'remote', remote: c.remote });
            else
                (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printLine */ .wi)(c.item);
            return;
        }
        const r = (0,_queue_queue_js__WEBPACK_IMPORTED_MODULE_3__/* .claimNext */ .Ym)({ cwd, queue: o.queue, agent: agentOf(o), leaseMs: (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .parseSeconds */ .fL)(o.lease, '--lease'), ownerPid: ownerPid(o) });
        if (!r.claimed) {
            if (o.json)
                (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printJson */ .Q2)({ claimed: false, queue: r.queue });
            process.exitCode = 1;
            return;
        }
        if (o.json)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printJson */ .Q2)({ claimed: true, id: r.item.id, generation: r.generation, priority: r.item.priority, payload: r.item.payload, queue: r.item.queue, agent: r.claim.agent, leaseMs: r.claim.leaseMs });
        else
            (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printLine */ .wi)(r.item.id);
    });
    queue
        .command('done')
        .argument('<id>', 'item id')
        .option('--agent <id>', 'the agent that holds the claim (default: $LOCKSTEP_AGENT)')
        .option('--generation <n>', 'the claim being finished (from claim --json); a claim that already ended is refused')
        .option('--queue <name>', 'queue name', _queue_names_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_QUEUE */ .iD)
        .option('--backend <backend>', _remote_backend_js__WEBPACK_IMPORTED_MODULE_4__/* .BACKEND_HELP */ .Vh)
        .option('--json', 'machine-readable output')
        .description('mark a claimed item done (exit 1 when the claim is not yours any more)')
        .action(async (id, o, cmd) => {
        const { cwd, backend } = backendOf(cmd, o);
        if (backend.kind === 'remote') {
            const rc = await remoteClaims();
            const c = await rc.findClaimRemote({ cwd, remote: backend.remote, queue: o.queue, item: id, agent: agentOf(o), generation: generationOf(o) });
            await rc.completeItemRemote(c);
            if (o.json)
                (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printJson */ .Q2)({ ok: true, id, queue: o.queue, agent: c.agent, generation: c.generation, state: 'done', backend: 'remote', remote: c.remote });
            else
                (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printLine */ .wi)(`${id} done (claim ${c.generation}, agent ${c.agent}, on ${c.remote})`);
            return;
        }
        const r = (0,_queue_queue_js__WEBPACK_IMPORTED_MODULE_3__/* .completeItem */ .Df)({ cwd, queue: o.queue, id, agent: agentOf(o), generation: generationOf(o) });
        if (o.json)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printJson */ .Q2)({ ok: true, ...r });
        else
            (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printLine */ .wi)(`${r.id} done (claim ${r.generation}, agent ${r.agent})`);
    });
    queue
        .command('fail')
        .argument('<id>', 'item id')
        .option('--agent <id>', 'the agent that holds the claim (default: $LOCKSTEP_AGENT)')
        .option('--retry', 'put it back to pending (until --max-attempts claims have ended)')
        .option('--reason <text>', 'why it failed')
        .option('--max-attempts <n>', 'claims an item gets before it fails for good', String(_queue_queue_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_MAX_ATTEMPTS */ .Gz))
        .option('--generation <n>', 'the claim being finished; a claim that already ended is refused')
        .option('--queue <name>', 'queue name', _queue_names_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_QUEUE */ .iD)
        .option('--backend <backend>', _remote_backend_js__WEBPACK_IMPORTED_MODULE_4__/* .BACKEND_HELP */ .Vh)
        .option('--json', 'machine-readable output')
        .description('report a claimed item as failed (exit 1 when the claim is not yours any more)')
        .action(async (id, o, cmd) => {
        const { cwd, backend } = backendOf(cmd, o);
        if (backend.kind === 'remote') {
            const rc = await remoteClaims();
            const maxAttempts = (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .parsePositiveInt */ .EJ)(o.maxAttempts, '--max-attempts');
            const c = await rc.findClaimRemote({ cwd, remote: backend.remote, queue: o.queue, item: id, agent: agentOf(o), generation: generationOf(o) });
            // Retrying hands the item back (the next claim is generation + 1) until its claims are used up, as with the file backend.
            const retry = o.retry === true && c.generation < maxAttempts;
            const rec = await rc.failItemRemote(c, { retry, reason: o.reason });
            const next = rec.state === 'reclaimed' ? 'pending' : 'failed';
            if (o.json)
                (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printJson */ .Q2)({ ok: true, id, queue: o.queue, agent: c.agent, generation: c.generation, next, backend: 'remote', remote: c.remote });
            else
                (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printLine */ .wi)(next === 'pending' ? `${id} goes back to pending (claim ${c.generation} failed)` : `${id} failed (claim ${c.generation})`);
            return;
        }
        const r = (0,_queue_queue_js__WEBPACK_IMPORTED_MODULE_3__/* .failItem */ .mf)({ cwd, queue: o.queue, id, agent: agentOf(o), retry: o.retry, reason: o.reason, maxAttempts: (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .parsePositiveInt */ .EJ)(o.maxAttempts, '--max-attempts'), generation: generationOf(o) });
        if (o.json)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printJson */ .Q2)({ ok: true, ...r });
        else
            (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printLine */ .wi)(r.next === 'pending' ? `${r.id} goes back to pending (claim ${r.generation} failed)` : `${r.id} failed (claim ${r.generation})`);
    });
    queue
        .command('heartbeat')
        .option('--agent <id>', 'the agent (default: $LOCKSTEP_AGENT)')
        .option('--lease <seconds>', 'lease from now', '60')
        .option('--owner-pid <pid>', 'the agent process; must be the one its claims name (default: the calling process)')
        .option('--queue <name>', 'remote backend: the queue whose claims to renew (the file backend renews the agent in every queue)', _queue_names_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_QUEUE */ .iD)
        .option('--backend <backend>', _remote_backend_js__WEBPACK_IMPORTED_MODULE_4__/* .BACKEND_HELP */ .Vh)
        .option('--json', 'machine-readable output')
        .description("renew the agent's lease (extends every claim it holds)")
        .action(async (o, cmd) => {
        const { cwd, backend } = backendOf(cmd, o);
        if (backend.kind === 'remote') {
            // A remote claim's lease is the one it was claimed with; renewing pushes a fresh record, which restarts it for every observer.
            const renewed = await (await remoteClaims()).renewAgentClaimsRemote({ cwd, remote: backend.remote, queue: o.queue, agent: agentOf(o) });
            if (o.json)
                (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printJson */ .Q2)({ ok: true, agent: agentOf(o), queue: o.queue, backend: 'remote', remote: backend.remote, renewed: renewed.map((c) => ({ id: c.item, generation: c.generation })) });
            return;
        }
        const rec = (0,_queue_agents_js__WEBPACK_IMPORTED_MODULE_1__/* .heartbeat */ .jQ)({ cwd, agent: agentOf(o), leaseMs: (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .parseSeconds */ .fL)(o.lease, '--lease'), ownerPid: ownerPid(o) });
        if (o.json)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printJson */ .Q2)({ ok: true, agent: rec });
    });
    queue
        .command('reclaim')
        .option('--queue <name>', 'one queue (default: all)')
        .option('--max-attempts <n>', 'after this many ended claims an abandoned item fails for good', String(_queue_queue_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_MAX_ATTEMPTS */ .Gz))
        .option('--backend <backend>', _remote_backend_js__WEBPACK_IMPORTED_MODULE_4__/* .BACKEND_HELP */ .Vh)
        .option('--json', 'machine-readable output')
        .description('return items whose lease ran out and whose agent is gone to pending')
        .action(async (o, cmd) => {
        const { cwd, backend } = backendOf(cmd, o);
        if (backend.kind === 'remote') {
            const queue = o.queue ?? _queue_names_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_QUEUE */ .iD;
            const r = await (await remoteClaims()).reclaimRemote({ cwd, remote: backend.remote, queue, maxAttempts: (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .parsePositiveInt */ .EJ)(o.maxAttempts, '--max-attempts') });
            if (o.json) {
                (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printJson */ .Q2)({ ok: true, backend: 'remote', remote: backend.remote, queue, reclaimed: r.reclaimed.map((x) => ({ ...x, queue, id: x.item, next: 'pending' })), failed: r.failed.map((x) => ({ ...x, queue, id: x.item, next: 'failed' })), waiting: r.waiting });
                return;
            }
            if (r.reclaimed.length + r.failed.length === 0)
                (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printLine */ .wi)(`nothing to reclaim on ${backend.remote} (${r.waiting.length} claim(s) held)`);
            for (const x of r.reclaimed)
                (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printLine */ .wi)(`${queue}/${x.item} (claim ${x.generation}, agent ${x.agent ?? '?'}) → pending: ${x.reason}`);
            for (const x of r.failed)
                (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printLine */ .wi)(`${queue}/${x.item} (claim ${x.generation}, agent ${x.agent ?? '?'}) → failed: ${x.reason}`);
            return;
        }
        const r = (0,_queue_queue_js__WEBPACK_IMPORTED_MODULE_3__/* .reclaim */ .sd)({ cwd, queue: o.queue, maxAttempts: (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .parsePositiveInt */ .EJ)(o.maxAttempts, '--max-attempts') });
        if (o.json) {
            (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printJson */ .Q2)({ ok: true, ...r });
            return;
        }
        if (r.reclaimed.length === 0)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printLine */ .wi)(`nothing to reclaim (${r.held} claim(s) held)`);
        for (const x of r.reclaimed)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .printLine */ .wi)(`${x.queue}/${x.id} (claim ${x.generation}, agent ${x.agent}) → ${x.next}: ${x.reason}`);
    });
}


/***/ }),

/***/ 7590:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H_: () => (/* binding */ selectBackend),
/* harmony export */   LI: () => (/* binding */ selectRemote),
/* harmony export */   Vh: () => (/* binding */ BACKEND_HELP)
/* harmony export */ });
/* unused harmony exports BACKEND_ENV, BACKEND_CONFIG, parseBackend */
/* harmony import */ var _git_git_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(308);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _refs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1994);
/**
 * Which backend coordinates locks, allocation and claims:
 *
 *   file            the default: state in <git common dir>/lockstep/ (one machine)
 *   remote[:NAME]   refs on the git remote NAME (default origin): many machines
 *
 * Chosen by, first match wins: the `--backend` flag, the LOCKSTEP_BACKEND
 * environment variable, the git config `lockstep.backend`, else `file`.
 */




const BACKEND_ENV = 'LOCKSTEP_BACKEND';
const BACKEND_CONFIG = 'lockstep.backend';
/** For commands' help texts. */
const BACKEND_HELP = `file (default) or remote[:NAME] to coordinate through the git remote NAME (default ${_refs_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_REMOTE */ .dS}); default from $${BACKEND_ENV} or git config ${BACKEND_CONFIG}`;
function parseBackend(spec, source = '--backend') {
    const s = spec.trim();
    if (s === 'file')
        return { kind: 'file' };
    if (s === 'remote')
        return { kind: 'remote', remote: _refs_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_REMOTE */ .dS };
    if (s.startsWith('remote:')) {
        const name = s.slice('remote:'.length);
        try {
            return { kind: 'remote', remote: (0,_refs_js__WEBPACK_IMPORTED_MODULE_2__/* .validateRemoteName */ .i5)(name) };
        }
        catch (e) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LockstepError */ .Cj('BAD_INPUT', `${source}: ${e.message}`, { hint: 'list the remotes of this clone: git remote -v' });
        }
    }
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LockstepError */ .Cj('BAD_INPUT', `${source} takes "file", "remote" or "remote:NAME", not ${JSON.stringify(spec)}`);
}
function selectBackend(opts = {}) {
    if (opts.flag !== undefined)
        return parseBackend(opts.flag, '--backend');
    const env = opts.env ?? process.env;
    const fromEnv = env[BACKEND_ENV];
    if (fromEnv)
        return parseBackend(fromEnv, BACKEND_ENV);
    const r = (0,_git_git_js__WEBPACK_IMPORTED_MODULE_0__/* .createGit */ .l)(opts.cwd ?? process.cwd()).runSync(['config', '--get', BACKEND_CONFIG], { readOnly: true });
    if (r.code === 0 && r.stdout.trim())
        return parseBackend(r.stdout.trim(), `git config ${BACKEND_CONFIG}`);
    return { kind: 'file' };
}
/** The remote a `lockstep remote …` command talks to: --remote, else the configured remote backend's, else origin. */
function selectRemote(opts) {
    if (opts.remote !== undefined)
        return (0,_refs_js__WEBPACK_IMPORTED_MODULE_2__/* .validateRemoteName */ .i5)(opts.remote);
    try {
        const b = selectBackend({ cwd: opts.cwd, env: opts.env });
        if (b.kind === 'remote')
            return b.remote;
    }
    catch {
        /* a broken backend setting is reported by the commands that use it */
    }
    return _refs_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_REMOTE */ .dS;
}


/***/ }),

/***/ 1994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dw: () => (/* binding */ REF_ROOT),
/* harmony export */   FU: () => (/* binding */ rootHash),
/* harmony export */   NN: () => (/* binding */ lockRef),
/* harmony export */   NO: () => (/* binding */ allocHeadRef),
/* harmony export */   Pq: () => (/* binding */ claimPrefix),
/* harmony export */   Pv: () => (/* binding */ validateRemoteLockName),
/* harmony export */   Qz: () => (/* binding */ claimRef),
/* harmony export */   Xo: () => (/* binding */ fenceRef),
/* harmony export */   aL: () => (/* binding */ allocPrefix),
/* harmony export */   dS: () => (/* binding */ DEFAULT_REMOTE),
/* harmony export */   i5: () => (/* binding */ validateRemoteName),
/* harmony export */   ys: () => (/* binding */ allocNumberRef)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _core_runtime_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9199);
/**
 * The ref namespace the remote backend owns on the git server, and the
 * validation of every name that becomes part of a ref.
 *
 *   refs/lockstep/locks/<lock>          the current owner record of a held lock (absent = free)
 *   refs/lockstep/fence/<lock>          the fencing counter: the record that took the last token (never deleted)
 *   refs/lockstep/alloc/<root>/head     the allocation counter of one root (never deleted)
 *   refs/lockstep/alloc/<root>/<N>      number N of that root was taken (the record says by whom)
 *   refs/lockstep/claims/<queue>/<item> the claim of one work item (claimed, done, failed or reclaimed)
 */



/** The remote a remote-backend command talks to when none is named. */
const DEFAULT_REMOTE = 'origin';
const REF_ROOT = 'refs/lockstep/';
const lockRef = (name) => `refs/lockstep/locks/${name}`;
const fenceRef = (name) => `refs/lockstep/fence/${name}`;
const allocPrefix = (rootHash) => `refs/lockstep/alloc/${rootHash}/`;
const allocHeadRef = (rootHash) => `${allocPrefix(rootHash)}head`;
const allocNumberRef = (rootHash, n) => `${allocPrefix(rootHash)}${n}`;
const claimPrefix = (queue) => `refs/lockstep/claims/${queue}/`;
const claimRef = (queue, item) => `${claimPrefix(queue)}${item}`;
/**
 * git refuses some names a lock name allows (`a..b`, `x.lock`, a trailing
 * dot): say so before anything touches the remote.
 */
function refSafe(name, what) {
    if (name.includes('..') || name.endsWith('.') || name.endsWith('.lock')) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LockstepError */ .Cj('BAD_NAME', `invalid ${what} ${JSON.stringify(name)} for the remote backend: git ref names may not contain "..", end with "." or end with ".lock"`, {
            hint: `pick another ${what}, e.g. ${JSON.stringify(name.replace(/\.\.+/g, '.').replace(/\.lock$/, '-lock').replace(/\.$/, ''))}`,
        });
    }
    return name;
}
function validateRemoteLockName(name) {
    return refSafe((0,_core_runtime_js__WEBPACK_IMPORTED_MODULE_2__/* .validateLockName */ .LK)(name), 'lock name');
}
/** Remote names as git allows them in practice (no option-like or path-like names). */
function validateRemoteName(name) {
    if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name) || name.includes('..') || name.endsWith('.lock')) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LockstepError */ .Cj('BAD_NAME', `invalid git remote name ${JSON.stringify(name)}`, { hint: 'list the remotes of this clone: git remote -v' });
    }
    return name;
}
/**
 * The allocation root's id on the remote: a hash of its path relative to the
 * repository's top level, so every clone (wherever it is checked out) names
 * the same root the same way.
 */
function rootHash(relativeRoot) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`lockstep-alloc-root\0${relativeRoot}`).digest('hex').slice(0, 16);
}


/***/ })

};
