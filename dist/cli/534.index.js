export const id = 534;
export const ids = [534];
export const modules = {

/***/ 3534:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerLock: () => (/* binding */ registerLock)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_lock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6336);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5217);
/* harmony import */ var _remote_backend_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7590);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6657);





/** The remote backend's commands, loaded only when a lock command uses that backend. */
const remoteCommands = () => Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(366), __webpack_require__.e(513), __webpack_require__.e(312)]).then(__webpack_require__.bind(__webpack_require__, 1312));
function describeStatus(s) {
    if (s.state === 'free')
        return `${s.name}: free (token ${s.token})`;
    if (!s.holder)
        return `${s.name}: stale (token ${s.token}): ${s.staleReason}`;
    const h = s.holder;
    const age = s.ageMs === null ? '' : `${(s.ageMs / 1000).toFixed(1)} s`;
    const lines = [
        `${s.name}: ${s.state === 'stale' ? 'STALE' : 'held'} (token ${s.token}) for ${age}`,
        `  holder: pid ${h.pid} on ${h.host}${h.task ? `, task ${h.task}` : ''}${h.agent ? `, agent ${h.agent}` : ''}`,
        `  command: ${h.command}`,
        `  cwd: ${h.cwd}`,
        `  acquired: ${h.acquiredAt}, lease ${Math.round(h.leaseMs / 1000)} s`,
    ];
    if (s.waiters)
        lines.push(`  waiters: ${s.waiters}`);
    if (s.state === 'stale')
        lines.push(`  stale: ${s.staleReason} — the next acquire takes it over; or: lockstep lock break ${s.name}`);
    return lines.join('\n');
}
function registerLock(program) {
    const lock = program.command('lock').description('inspect, take, release and break repository locks');
    lock
        .command('status')
        .argument('[name]', 'lock name (default: all locks)')
        .option('--json', 'machine-readable output')
        .option('--backend <backend>', _remote_backend_js__WEBPACK_IMPORTED_MODULE_2__/* .BACKEND_HELP */ .Vh)
        .description('show holder, age, token, task and whether the lock is stale')
        .action(async (name, o, cmd) => {
        const { cwd } = (0,_context_js__WEBPACK_IMPORTED_MODULE_4__/* .globals */ .z)(cmd);
        const backend = (0,_remote_backend_js__WEBPACK_IMPORTED_MODULE_2__/* .selectBackend */ .H_)({ cwd, flag: o.backend });
        if (backend.kind === 'remote')
            return (await remoteCommands()).remoteLockStatusCommand({ cwd, remote: backend.remote, name, json: o.json });
        const list = name ? [(0,_core_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .lockStatus */ .oj)({ cwd, name })] : (0,_core_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .listLocks */ .dB)({ cwd });
        if (o.json)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .printJson */ .Q2)(name ? list[0] : list);
        else if (list.length === 0)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .printLine */ .wi)('no locks');
        else
            for (const s of list)
                (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .printLine */ .wi)(describeStatus(s));
    });
    lock
        .command('acquire')
        .argument('[name]', 'lock name', _core_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_LOCK */ .sR)
        .option('--timeout <seconds>', 'give up after this many seconds (exit 3)', '60')
        .option('--task <id>', 'task the lock is taken for (default: $LOCKSTEP_TASK)')
        .option('--agent <id>', 'agent the lock is taken for (default: $LOCKSTEP_AGENT)')
        .option('--owner-pid <pid>', 'process the lock is held for; it is free once that process exits (default: the parent process, e.g. your shell script)')
        .option('--lease <seconds>', 'lease for holders on other hosts', '120')
        .option('--json', 'machine-readable output')
        .option('--backend <backend>', _remote_backend_js__WEBPACK_IMPORTED_MODULE_2__/* .BACKEND_HELP */ .Vh)
        .description('take the lock on behalf of a process and print its token')
        .action(async (name, o, cmd) => {
        const { cwd } = (0,_context_js__WEBPACK_IMPORTED_MODULE_4__/* .globals */ .z)(cmd);
        const ownerPid = o.ownerPid === undefined ? process.ppid : (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePositiveInt */ .EJ)(o.ownerPid, '--owner-pid');
        const backend = (0,_remote_backend_js__WEBPACK_IMPORTED_MODULE_2__/* .selectBackend */ .H_)({ cwd, flag: o.backend });
        if (backend.kind === 'remote') {
            return (await remoteCommands()).remoteLockAcquireCommand({ cwd, remote: backend.remote, name, ownerPid, json: o.json, reentrant: false, onWait: (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .waitReporter */ .ZU)(), timeoutMs: (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSeconds */ .fL)(o.timeout, '--timeout'), leaseMs: (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSeconds */ .fL)(o.lease, '--lease'), ...(0,_context_js__WEBPACK_IMPORTED_MODULE_4__/* .actor */ .e)(o) });
        }
        const h = await (0,_core_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .acquireLock */ .IZ)({
            cwd,
            name,
            timeoutMs: (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSeconds */ .fL)(o.timeout, '--timeout'),
            leaseMs: (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSeconds */ .fL)(o.lease, '--lease'),
            ...(0,_context_js__WEBPACK_IMPORTED_MODULE_4__/* .actor */ .e)(o),
            ownerPid,
            reentrant: false,
            onWait: (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .waitReporter */ .ZU)(),
        });
        if (o.json)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .printJson */ .Q2)({ ok: true, name: h.name, token: h.token, ownerPid, waitedMs: h.waitedMs, tookOver: h.tookOver });
        else
            (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .printLine */ .wi)(String(h.token));
    });
    lock
        .command('release')
        .argument('[name]', 'lock name', _core_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_LOCK */ .sR)
        .requiredOption('--token <n>', 'the token printed by lock acquire')
        .option('--json', 'machine-readable output')
        .option('--backend <backend>', _remote_backend_js__WEBPACK_IMPORTED_MODULE_2__/* .BACKEND_HELP */ .Vh)
        .description('release a lock you hold (exit 1 "lock compromised" if it was taken away)')
        .action(async (name, o, cmd) => {
        const { cwd } = (0,_context_js__WEBPACK_IMPORTED_MODULE_4__/* .globals */ .z)(cmd);
        const backend = (0,_remote_backend_js__WEBPACK_IMPORTED_MODULE_2__/* .selectBackend */ .H_)({ cwd, flag: o.backend });
        if (backend.kind === 'remote')
            return (await remoteCommands()).remoteLockReleaseCommand({ cwd, remote: backend.remote, name, token: (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePositiveInt */ .EJ)(o.token, '--token'), json: o.json });
        const r = (0,_core_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .releaseLock */ .x_)({ cwd, name, token: (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePositiveInt */ .EJ)(o.token, '--token') });
        if (o.json)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .printJson */ .Q2)({ ok: true, ...r });
    });
    lock
        .command('break')
        .argument('[name]', 'lock name', _core_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_LOCK */ .sR)
        .option('--expect-token <n>', 'only break it if its token is still this one (compare-and-swap)')
        .option('--force', 'break it even though its owner is alive')
        .option('--json', 'machine-readable output')
        .option('--backend <backend>', _remote_backend_js__WEBPACK_IMPORTED_MODULE_2__/* .BACKEND_HELP */ .Vh)
        .description('remove a stale lock (refuses a live one unless --force)')
        .action(async (name, o, cmd) => {
        const { cwd } = (0,_context_js__WEBPACK_IMPORTED_MODULE_4__/* .globals */ .z)(cmd);
        const backend = (0,_remote_backend_js__WEBPACK_IMPORTED_MODULE_2__/* .selectBackend */ .H_)({ cwd, flag: o.backend });
        if (backend.kind === 'remote') {
            return (await remoteCommands()).remoteLockBreakCommand({ cwd, remote: backend.remote, name, force: o.force, json: o.json, expectToken: o.expectToken === undefined ? undefined : (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePositiveInt */ .EJ)(o.expectToken, '--expect-token', { min: 0 }) });
        }
        const r = (0,_core_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .breakLock */ .NP)({ cwd, name, force: o.force, expectToken: o.expectToken === undefined ? undefined : (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePositiveInt */ .EJ)(o.expectToken, '--expect-token', { min: 0 }) });
        if (o.json)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .printJson */ .Q2)({ ok: true, ...r });
        else if (r.broken)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .printLine */ .wi)(`broke the ${r.name} lock (token ${r.token}${r.previous ? `, pid ${r.previous.pid}${r.previous.task ? `, task ${r.previous.task}` : ''}` : ''}): ${r.reason}`);
        else
            (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .printLine */ .wi)(`the ${r.name} lock is free (token ${r.token}): nothing to break`);
    });
    lock
        .command('renew')
        .argument('[name]', 'lock name', _core_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_LOCK */ .sR)
        .requiredOption('--token <n>', 'the token printed by lock acquire')
        .option('--json', 'machine-readable output')
        .option('--backend <backend>', _remote_backend_js__WEBPACK_IMPORTED_MODULE_2__/* .BACKEND_HELP */ .Vh)
        .description('renew the lease of a lock you hold (remote backend: holders on other machines only have their lease)')
        .action(async (name, o, cmd) => {
        const { cwd } = (0,_context_js__WEBPACK_IMPORTED_MODULE_4__/* .globals */ .z)(cmd);
        const backend = (0,_remote_backend_js__WEBPACK_IMPORTED_MODULE_2__/* .selectBackend */ .H_)({ cwd, flag: o.backend });
        if (backend.kind !== 'remote')
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockstepError */ .Cj('BAD_INPUT', 'lock renew is for the remote backend: a file-backend lock lives as long as its owner process', { hint: `lockstep lock renew ${name} --token ${o.token} --backend remote` });
        return (await remoteCommands()).remoteLockRenewCommand({ cwd, remote: backend.remote, name, token: (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePositiveInt */ .EJ)(o.token, '--token'), json: o.json });
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
