export const id = 623;
export const ids = [623];
export const modules = {

/***/ 1122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z9: () => (/* binding */ loadConfig)
/* harmony export */ });
/* unused harmony exports CONFIG_FILE, DEFAULT_CONFIG, parseConfig */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _core_lock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6336);
/* harmony import */ var _tasks_scope_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9846);
/**
 * Repository configuration: defaults for the commit lock and task scopes,
 * read from `lockstep.config.json` at the top of the worktree or from the
 * `lockstep` key of its `package.json` (never both: two sources of truth for
 * a lock timeout is one too many). Every value is checked and an error names
 * the file and the key. Command-line flags override what is read here.
 */





const CONFIG_FILE = 'lockstep.config.json';
const DEFAULT_CONFIG = {
    lockTimeoutMs: _core_lock_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_TIMEOUT_MS */ .t1,
    leaseMs: _core_lock_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_LEASE_MS */ .sV,
    shared: [],
    requireTask: false,
    source: null,
};
const KEYS = ['lockTimeout', 'lease', 'shared', 'requireTask'];
function readText(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT' || e.code === 'ENOTDIR')
            return null;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('ENVIRONMENT', `cannot read ${path}: ${e.message}`);
    }
}
function parseJson(text, path) {
    try {
        return JSON.parse(text);
    }
    catch (e) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `${path} is not valid JSON: ${e.message}`, { hint: `fix the file, or check it with: node -e 'JSON.parse(require("fs").readFileSync("${path}","utf8"))'` });
    }
}
/** "60", 60, "90s", "2m", "500ms" → milliseconds. */
function durationMs(value, where) {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0)
        return Math.round(value * 1000);
    if (typeof value === 'string') {
        const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
        if (m)
            return Math.round(Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? 's']);
    }
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `${where}: expected a number of seconds or a duration such as "90s" or "2m", got ${JSON.stringify(value)}`);
}
/** Checks a parsed config object; `where` names the file (and key prefix) in errors. */
function parseConfig(raw, where) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `${where}: the lockstep configuration must be a JSON object, got ${Array.isArray(raw) ? 'an array' : JSON.stringify(raw)}`);
    }
    const obj = raw;
    for (const key of Object.keys(obj)) {
        if (!KEYS.includes(key)) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `${where}: unknown key ${JSON.stringify(key)} (known keys: ${KEYS.join(', ')})`);
        }
    }
    const cfg = { ...DEFAULT_CONFIG, shared: [], source: where };
    if (obj.lockTimeout !== undefined)
        cfg.lockTimeoutMs = durationMs(obj.lockTimeout, `${where}: key "lockTimeout"`);
    if (obj.lease !== undefined) {
        cfg.leaseMs = durationMs(obj.lease, `${where}: key "lease"`);
        if (cfg.leaseMs < 1000)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `${where}: key "lease" must be at least 1 s, got ${JSON.stringify(obj.lease)}`);
    }
    if (obj.shared !== undefined) {
        if (!Array.isArray(obj.shared) || !obj.shared.every((g) => typeof g === 'string')) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `${where}: key "shared" must be an array of glob strings, got ${JSON.stringify(obj.shared)}`);
        }
        try {
            cfg.shared = (0,_tasks_scope_js__WEBPACK_IMPORTED_MODULE_4__/* .validateGlobs */ .Sx)(obj.shared);
        }
        catch (e) {
            if (e instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj)
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `${where}: key "shared": ${e.message}`);
            throw e;
        }
    }
    if (obj.requireTask !== undefined) {
        if (typeof obj.requireTask !== 'boolean')
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `${where}: key "requireTask" must be true or false, got ${JSON.stringify(obj.requireTask)}`);
        cfg.requireTask = obj.requireTask;
    }
    return cfg;
}
/**
 * Loads the configuration of the worktree whose top level is `topLevel`.
 * Missing files give the defaults; a bad file is an error (exit 2).
 */
function loadConfig(opts) {
    const filePath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(opts.topLevel, CONFIG_FILE);
    const pkgPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(opts.topLevel, 'package.json');
    const fileText = readText(filePath);
    const pkgText = readText(pkgPath);
    let fromPkg;
    if (pkgText !== null) {
        const pkg = parseJson(pkgText, pkgPath);
        if (pkg && typeof pkg === 'object' && !Array.isArray(pkg))
            fromPkg = pkg.lockstep;
    }
    if (fileText !== null && fromPkg !== undefined) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `lockstep is configured twice: in ${filePath} and in the "lockstep" key of ${pkgPath}`, {
            hint: 'keep one of them',
        });
    }
    if (fileText !== null)
        return parseConfig(parseJson(fileText, filePath), filePath);
    if (fromPkg !== undefined)
        return parseConfig(fromPkg, `${pkgPath} "lockstep"`);
    return { ...DEFAULT_CONFIG, shared: [] };
}


/***/ }),

/***/ 9699:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ fenceValue)
/* harmony export */ });
/* unused harmony export fenceCounterId */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9928);
/* harmony import */ var _trailers_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7796);
/**
 * The fence a commit carries: the commit lock's token plus the id of the
 * counter that issued it. Each clone has its own runtime directory and so
 * its own token counter; the id (random, made once per runtime, kept in
 * `<runtime>/fence-id`) keeps validation from comparing tokens of two
 * clones as if they came from one counter.
 */





const ID = /^[a-f0-9]{12}$/;
function fenceCounterId(root) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, 'fence-id');
    for (let attempt = 0; attempt < 2; attempt++) {
        try {
            const id = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8').trim();
            if (ID.test(id))
                return id;
            break;
        }
        catch {
            /* not made yet */
        }
        // Written whole, then linked: exactly one creator wins and nobody reads a half-written id.
        const tmp = (0,_core_files_js__WEBPACK_IMPORTED_MODULE_3__/* .tempPathFor */ .FD)(path);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(tmp, `${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(6).toString('hex')}\n`);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.linkSync)(tmp, path);
        }
        catch {
            /* another process linked first: read its id */
        }
        finally {
            (0,_core_files_js__WEBPACK_IMPORTED_MODULE_3__/* .unlinkQuiet */ ._f)(tmp);
        }
    }
    // A damaged id file: fences still work, only cross-clone separation is lost.
    return 'unknown';
}
/** The `Lockstep-Fence` value for a commit made under `token`. */
function fenceValue(root, token) {
    return (0,_trailers_js__WEBPACK_IMPORTED_MODULE_4__/* .formatFence */ .vM)(token, fenceCounterId(root));
}


/***/ }),

/***/ 659:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dx: () => (/* binding */ stagedPaths),
/* harmony export */   K5: () => (/* binding */ splitNul),
/* harmony export */   Qo: () => (/* binding */ headCommit),
/* harmony export */   ZQ: () => (/* binding */ commitParents),
/* harmony export */   cH: () => (/* binding */ commitPaths)
/* harmony export */ });
/* unused harmony exports STAGED_ARGS, commitPathArgs */
/** Options shared by both lists: no renames (both sides of a move are touched), no config-dependent output. */
const COMMON = ['--name-only', '-z', '--no-renames', '--no-ext-diff', '--no-textconv'];
const STAGED_ARGS = ['diff', '--cached', ...COMMON, '--no-relative', '--ita-invisible-in-index'];
function commitPathArgs(commit) {
    return ['diff-tree', '-r', '--no-commit-id', '--root', ...COMMON, commit];
}
function splitNul(raw) {
    const parts = raw.split('\0');
    if (parts.length && parts[parts.length - 1] === '')
        parts.pop();
    return parts;
}
/** Paths staged in the index git uses (GIT_INDEX_FILE from `env` or the environment), against HEAD (or nothing, before the first commit). */
async function stagedPaths(git, env) {
    const raw = await git.exec(STAGED_ARGS, { readOnly: true, env });
    return { raw, paths: splitNul(raw) };
}
/** Paths a (non-merge) commit changed against its first parent; a root commit's files. */
async function commitPaths(git, commit) {
    const raw = await git.exec(commitPathArgs(commit), { readOnly: true });
    return { raw, paths: splitNul(raw) };
}
/** The commit's parents, or null when `rev` does not name a commit (e.g. HEAD before the first commit). */
async function commitParents(git, rev) {
    const r = await git.run(['rev-list', '--parents', '-n', '1', '--end-of-options', rev], { readOnly: true });
    if (r.code !== 0)
        return null;
    const [commit, ...parents] = r.stdout.trim().split(' ');
    return commit ? { commit, parents } : null;
}
/** HEAD's commit id, or null before the first commit. */
async function headCommit(git) {
    const r = await git.run(['rev-parse', '--verify', '-q', 'HEAD^{commit}'], { readOnly: true });
    return r.code === 0 ? r.stdout.trim() : null;
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


/***/ }),

/***/ 7796:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CL: () => (/* binding */ TRAILER_FENCE),
/* harmony export */   Fe: () => (/* binding */ trailerArgs),
/* harmony export */   Hz: () => (/* binding */ parseFence),
/* harmony export */   Kr: () => (/* binding */ encodeGlobs),
/* harmony export */   Mf: () => (/* binding */ TRAILER_SHARED),
/* harmony export */   ad: () => (/* binding */ decodeGlobs),
/* harmony export */   kB: () => (/* binding */ TRAILER_TASK),
/* harmony export */   r8: () => (/* binding */ TRAILER_SCOPE),
/* harmony export */   vM: () => (/* binding */ formatFence)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/**
 * The trailers lockstep puts on commits, and their encoding.
 *
 *   Lockstep-Task: 307
 *   Lockstep-Scope: ["specs/307_*\/**","docs/a b, c.md"]
 *   Lockstep-Shared: ["TODO.md"]            (only when the task has shared globs)
 *   Lockstep-Fence: 42@5f0c2a9e1b7d
 *
 * Scope and shared globs are one JSON array of strings, with every
 * character outside printable ASCII escaped (\uXXXX): one line, no
 * separator ambiguity (globs may hold spaces, commas, quotes, colons), the
 * same bytes whatever the commit encoding, and `JSON.parse` gives back
 * exactly the globs that were stored.
 *
 * The fence is the commit lock's token (its generation number) followed by
 * `@` and the id of the lock's counter (see fence.ts): tokens from two
 * clones count independently, so only fences with the same id are compared.
 */

const TRAILER_TASK = 'Lockstep-Task';
const TRAILER_SCOPE = 'Lockstep-Scope';
const TRAILER_SHARED = 'Lockstep-Shared';
const TRAILER_FENCE = 'Lockstep-Fence';
/** JSON with every non-printable-ASCII character escaped, so the value is one ASCII line. */
function encodeGlobs(globs) {
    return JSON.stringify(globs).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** The globs of a `Lockstep-Scope`/`Lockstep-Shared` value; null when it is not a JSON array of strings. */
function decodeGlobs(value) {
    try {
        const v = JSON.parse(value.trim());
        if (Array.isArray(v) && v.every((g) => typeof g === 'string'))
            return v;
    }
    catch {
        /* not ours, or damaged */
    }
    return null;
}
function formatFence(token, counter) {
    return counter ? `${token}@${counter}` : String(token);
}
function parseFence(value) {
    const m = /^\s*(\d{1,15})(?:@([A-Za-z0-9]{1,64}))?\s*$/.exec(value);
    if (!m)
        return null;
    return { token: Number(m[1]), counter: m[2] ?? null };
}
/** `--trailer` arguments for `git interpret-trailers`, in the order they appear on a commit. */
function trailerArgs(t) {
    const lines = [`${TRAILER_TASK}: ${t.task}`, `${TRAILER_SCOPE}: ${encodeGlobs(t.scope)}`];
    if (t.shared.length)
        lines.push(`${TRAILER_SHARED}: ${encodeGlobs(t.shared)}`);
    lines.push(`${TRAILER_FENCE}: ${t.fence}`);
    for (const l of lines) {
        if (/[\r\n]/.test(l))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockstepError */ .Cj('BAD_INPUT', `a trailer may not span lines: ${JSON.stringify(l)}`);
    }
    return lines.flatMap((l) => ['--trailer', l]);
}


/***/ })

};
