export const id = 590;
export const ids = [590];
export const modules = {

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
