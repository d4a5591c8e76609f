export const id = 950;
export const ids = [950];
export const modules = {

/***/ 5217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ actor),
/* harmony export */   z: () => (/* binding */ globals)
/* harmony export */ });
function globals(cmd) {
    let root = cmd;
    while (root.parent)
        root = root.parent;
    const o = root.opts();
    return { cwd: o.C ?? process.cwd() };
}
/**
 * Who is acting: --task / --agent when given, else LOCKSTEP_TASK /
 * LOCKSTEP_AGENT (set by `lockstep parallel` and agent harnesses for the
 * commands an agent runs), else nobody.
 */
function actor(o = {}) {
    return { task: o.task ?? process.env.LOCKSTEP_TASK ?? null, agent: o.agent ?? process.env.LOCKSTEP_AGENT ?? null };
}


/***/ }),

/***/ 7842:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JH: () => (/* binding */ eventsPath),
/* harmony export */   Zn: () => (/* binding */ appendEvent),
/* harmony export */   wj: () => (/* binding */ readEvents)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9978);
/**
 * The audit log: `<runtime>/events.jsonl`, one JSON object a line, appended
 * with O_APPEND (each line is one write, so concurrent writers never tear a
 * line). Every acquire, wait, takeover, release, break and violation lands here.
 */



/** Rotate at 16 MiB: one previous generation is kept as events.jsonl.1. */
const ROTATE_BYTES = 16 * 1024 * 1024;
function eventsPath(root) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, 'events.jsonl');
}
const openLogs = new Map();
const MAX_OPEN_LOGS = 8;
function closeLog(path) {
    const log = openLogs.get(path);
    if (!log)
        return;
    openLogs.delete(path);
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(log.fd);
    }
    catch {
        /* already closed */
    }
}
function openLog(path) {
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, 'a', 0o644);
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd, { bigint: true });
        const log = { fd, dev: st.dev, ino: st.ino };
        if (openLogs.size >= MAX_OPEN_LOGS)
            closeLog(openLogs.keys().next().value);
        openLogs.set(path, log);
        return log;
    }
    catch (e) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        throw e;
    }
}
/** The descriptor to append to `path` with, rotating the file first when it has grown past ROTATE_BYTES. */
function logFor(path) {
    const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path, { bigint: true, throwIfNoEntry: false });
    let log = openLogs.get(path);
    if (log && (!st || st.dev !== log.dev || st.ino !== log.ino)) {
        closeLog(path);
        log = undefined;
    }
    if (st && st.size > ROTATE_BYTES) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(path, `${path}.1`);
        }
        catch {
            /* another writer rotated it first */
        }
        closeLog(path);
        log = undefined;
    }
    return log ?? openLog(path);
}
function appendEvent(root, type, fields = {}) {
    const path = eventsPath(root);
    const line = JSON.stringify({ ts: new Date().toISOString(), type, pid: process.pid, host: (0,_process_js__WEBPACK_IMPORTED_MODULE_2__/* .hostId */ .My)(), ...fields }) + '\n';
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(logFor(path).fd, line);
    }
    catch {
        // The audit log must never turn a successful operation into a failure.
        closeLog(path);
    }
}
function readEvents(root, filter) {
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(eventsPath(root), 'utf8');
    }
    catch {
        return [];
    }
    const out = [];
    for (const line of text.split('\n')) {
        if (!line)
            continue;
        try {
            const e = JSON.parse(line);
            if (!filter || filter(e))
                out.push(e);
        }
        catch {
            /* a line cut by a crash mid-write is skipped, not fatal */
        }
    }
    return out;
}


/***/ }),

/***/ 9928:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A0: () => (/* binding */ ensureDir),
/* harmony export */   FD: () => (/* binding */ tempPathFor),
/* harmony export */   JE: () => (/* binding */ readJsonFile),
/* harmony export */   Zf: () => (/* binding */ writeFileAtomic),
/* harmony export */   _f: () => (/* binding */ unlinkQuiet),
/* harmony export */   nB: () => (/* binding */ writeTempIn),
/* harmony export */   qB: () => (/* binding */ tryLink)
/* harmony export */ });
/* unused harmony export writeFileExclusive */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/** Small file-system helpers shared by every kind of run-time state. */




function ensureDir(path) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(path, { recursive: true });
    }
    catch (e) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fsError */ .yi)(e, 'create directory', path);
    }
}
/** A name for a temporary file next to `path`, unique to this process and call. */
function tempPathFor(path) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), `.tmp.${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(path)}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(4).toString('hex')}`);
}
/**
 * Writes `data` to a temp file in the same directory and renames it over
 * `path`: readers see the old content or the new, never a torn write.
 */
function writeFileAtomic(path, data, opts = {}) {
    const tmp = tempPathFor(path);
    try {
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(tmp, 'wx', 0o644);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, data);
            if (opts.fsync)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fsyncSync)(fd);
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        }
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(tmp, path);
    }
    catch (e) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.unlinkSync)(tmp);
        }
        catch {
            /* already gone */
        }
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fsError */ .yi)(e, 'write', path);
    }
}
/** Writes a new file that must not exist yet (O_EXCL). Returns false if it exists. */
function writeFileExclusive(path, data) {
    let fd;
    try {
        fd = openSync(path, 'wx', 0o644);
    }
    catch (e) {
        if (e.code === 'EEXIST')
            return false;
        throw fsError(e, 'create', path);
    }
    try {
        writeSync(fd, data);
    }
    finally {
        closeSync(fd);
    }
    return true;
}
/** Reads and parses a JSON file; undefined when it does not exist; CORRUPT_STATE when it is not JSON. */
function readJsonFile(path, what) {
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fsError */ .yi)(e, 'read', path);
    }
    try {
        return JSON.parse(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('CORRUPT_STATE', `${what} at ${path} is not valid JSON (${text.length} bytes)`, {
            hint: `inspect it, then remove it if it is garbage: rm "${path}"`,
        });
    }
}
function unlinkQuiet(path) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.unlinkSync)(path);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Writes `data` to a new temp file in `dir` (named `.tmp.<pid>.<random>`, so
 * leftovers of dead processes can be recognised) and returns its path: the
 * first half of every "write fully, then link() into place" step.
 */
function writeTempIn(dir, data, what = 'write a record in') {
    const tmp = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, `.tmp.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(6).toString('hex')}`);
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(tmp, 'wx', 0o644);
    }
    catch (e) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fsError */ .yi)(e, what, dir);
    }
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, data);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
    return tmp;
}
/** link(2): true when we created `dest`, false when it exists (or, with `missingOk`, when `src` is gone). */
function tryLink(src, dest, missingOk = false) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.linkSync)(src, dest);
        return true;
    }
    catch (e) {
        const code = e.code;
        if (code === 'EEXIST')
            return false;
        if (missingOk && code === 'ENOENT')
            return false;
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fsError */ .yi)(e, 'create', dest);
    }
}


/***/ }),

/***/ 9978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HC: () => (/* binding */ processInspector),
/* harmony export */   My: () => (/* binding */ hostId),
/* harmony export */   Oz: () => (/* binding */ pidExists),
/* harmony export */   QX: () => (/* binding */ liveness),
/* harmony export */   UY: () => (/* binding */ startStamp),
/* harmony export */   aW: () => (/* binding */ bootId),
/* harmony export */   cu: () => (/* binding */ identityOf)
/* harmony export */ });
/* unused harmony exports procfsInspector, psInspector */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/**
 * Process identity and liveness: the one place that knows how to tell
 * whether the process that wrote an owner record is still the same process.
 *
 * A pid alone is not an identity (pids are reused), so every record carries
 * the pid's start time too. Linux reads it from /proc/<pid>/stat; macOS has
 * no /proc, so there it comes from `ps -o lstart=`. Both sit behind
 * `ProcessInspector` and both are tested (ps exists on Linux too).
 */



/** Parses /proc/<pid>/stat; the command name may hold spaces and parentheses, so split after the last ')'. */
function readProcStat(pid) {
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
    }
    catch {
        return null;
    }
    const open = text.indexOf('(');
    const close = text.lastIndexOf(')');
    if (open < 0 || close < open)
        return null;
    const rest = text.slice(close + 2).split(' ');
    // rest[0] is field 3 (state); ppid is field 4, starttime field 22.
    // A zombie (Z) or dying (X) process has exited: it holds nothing, even though
    // its pid and start time linger until its parent (or init) reaps it.
    if (rest[0] === 'Z' || rest[0] === 'X')
        return null;
    const ppid = Number(rest[1]);
    const start = rest[19];
    if (!Number.isFinite(ppid) || start === undefined)
        return null;
    return { comm: text.slice(open + 1, close), ppid, start };
}
const procfsInspector = {
    kind: 'procfs',
    startTime: (pid) => readProcStat(pid)?.start ?? null,
    parentPid: (pid) => readProcStat(pid)?.ppid ?? null,
    commandName: (pid) => readProcStat(pid)?.comm ?? null,
};
function ps(pid, field) {
    if (!Number.isInteger(pid) || pid <= 0)
        return null;
    try {
        const out = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('ps', ['-o', `${field}=`, '-p', String(pid)], {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
            env: { ...process.env, LC_ALL: 'C' },
        }).trim();
        return out === '' ? null : out;
    }
    catch {
        return null; // ps exits 1 when the pid does not exist
    }
}
/** macOS (and any system without /proc). `lstart` has one-second resolution. */
const psInspector = {
    kind: 'ps',
    startTime: (pid) => ps(pid, 'lstart'),
    parentPid: (pid) => {
        const v = ps(pid, 'ppid');
        return v === null ? null : Number(v);
    },
    commandName: (pid) => {
        const v = ps(pid, 'comm');
        return v === null ? null : (v.split('/').pop() ?? v);
    },
};
let chosen;
let hasProcfs;
/** Whether this system has /proc (checked once: liveness checks ask on every call). */
function procfsAvailable() {
    return (hasProcfs ??= (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)('/proc/self/stat'));
}
/** procfs where /proc exists, ps otherwise; `LOCKSTEP_PROCESS_INSPECTOR=ps|procfs` forces one. */
function processInspector() {
    if (chosen)
        return chosen;
    const forced = process.env.LOCKSTEP_PROCESS_INSPECTOR;
    if (forced === 'ps')
        chosen = psInspector;
    else if (forced === 'procfs')
        chosen = procfsInspector;
    else
        chosen = procfsAvailable() ? procfsInspector : psInspector;
    return chosen;
}
/** True when a process with this pid exists (EPERM means it exists but is not ours). */
function pidExists(pid) {
    if (!Number.isInteger(pid) || pid <= 0)
        return false;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code === 'EPERM';
    }
}
let bootIdCache;
/** Changes on every boot: a record from an earlier boot names processes that are all gone. */
function bootId() {
    if (bootIdCache !== undefined)
        return bootIdCache;
    bootIdCache = null;
    try {
        bootIdCache = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    }
    catch {
        try {
            const out = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('sysctl', ['-n', 'kern.boottime'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
            const m = /sec = (\d+)/.exec(out);
            bootIdCache = m ? `boottime-${m[1]}` : null;
        }
        catch {
            bootIdCache = null;
        }
    }
    return bootIdCache;
}
let euidCache;
/**
 * The effective uid, read once. (os.userInfo().uid is the same number, but
 * it reads /etc/passwd on every call and throws for a uid without an entry
 * there.) Records carry it for people to read; nothing decides on it.
 */
function effectiveUid() {
    if (euidCache === undefined) {
        euidCache = typeof process.geteuid === 'function' ? process.geteuid() : typeof process.getuid === 'function' ? process.getuid() : -1;
    }
    return euidCache;
}
/**
 * This process's start stamp, per inspector: it cannot change while we run,
 * and every lock acquire asks for it. Other pids are always read afresh (a pid
 * can die and be reused at any moment).
 */
const ownStartStamps = new Map();
function identityOf(pid, inspector = processInspector()) {
    let pidStart;
    if (pid === process.pid) {
        pidStart = ownStartStamps.get(inspector) ?? startStamp(pid, inspector);
        if (pidStart !== null)
            ownStartStamps.set(inspector, pidStart);
    }
    else {
        pidStart = startStamp(pid, inspector);
    }
    return { pid, pidStart, bootId: bootId(), host: hostId(), uid: effectiveUid() };
}
/**
 * A start time tagged with the inspector that read it (`procfs:…` or `ps:…`),
 * so a record written by one method is never compared with a reading of the other.
 */
function startStamp(pid, inspector = processInspector()) {
    const raw = inspector.startTime(pid);
    return raw === null ? null : `${inspector.kind}:${raw}`;
}
function inspectorFor(stamp, fallback) {
    if (stamp.startsWith('procfs:'))
        return procfsAvailable() ? procfsInspector : fallback;
    if (stamp.startsWith('ps:'))
        return psInspector;
    return fallback;
}
let hostCache;
/** `LOCKSTEP_HOST_ID` overrides the host name (containers sharing a host name, tests of other hosts). */
function hostId() {
    if (hostCache === undefined || process.env.LOCKSTEP_HOST_ID) {
        hostCache = process.env.LOCKSTEP_HOST_ID || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.hostname)();
    }
    return hostCache;
}
/**
 * Is the process named by (pid, pidStart, bootId, host) still running?
 * `remote` means it runs on another host, where only its lease can tell.
 */
function liveness(owner, inspector = processInspector()) {
    if (owner.host !== hostId())
        return { state: 'remote', reason: `owner runs on host ${owner.host}` };
    const boot = bootId();
    if (owner.bootId && boot && owner.bootId !== boot)
        return { state: 'dead', reason: 'written before this machine last booted' };
    if (!pidExists(owner.pid))
        return { state: 'dead', reason: `pid ${owner.pid} is not running` };
    if (owner.pidStart !== null) {
        const now = startStamp(owner.pid, inspectorFor(owner.pidStart, inspector));
        if (now === null)
            return { state: 'dead', reason: `pid ${owner.pid} is not running` };
        if (now !== owner.pidStart)
            return { state: 'dead', reason: `pid ${owner.pid} was reused by another process` };
    }
    return { state: 'alive' };
}


/***/ }),

/***/ 9199:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LK: () => (/* binding */ validateLockName),
/* harmony export */   fS: () => (/* binding */ openRuntime)
/* harmony export */ });
/* unused harmony exports runtimeAt, LOCK_NAME */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _git_git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(308);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9928);
/**
 * Where lockstep keeps its run-time state: `<git common dir>/lockstep/`, one
 * place for every worktree of a repository, invisible to `git status`.
 */




const cache = new Map();
function openRuntime(opts = {}) {
    const cwd = opts.cwd ?? process.cwd();
    const key = `${cwd}\0${opts.allowBare ? 1 : 0}`;
    const hit = cache.get(key);
    if (hit)
        return hit;
    const repo = (0,_git_git_js__WEBPACK_IMPORTED_MODULE_1__/* .createGit */ .l)(cwd).repoPaths();
    if (repo.bare && !opts.allowBare) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BARE_REPO', `${repo.commonDir} is a bare repository: lockstep coordinates work in checkouts`, {
            hint: 'run lockstep in a clone or worktree of it (git clone, git worktree add)',
        });
    }
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(repo.commonDir, 'lockstep');
    (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .ensureDir */ .A0)(root);
    const rt = { root, repo };
    cache.set(key, rt);
    return rt;
}
/**
 * A runtime rooted at a plain directory, for state that belongs to a
 * directory rather than a repository (e.g. `allocate ROOT` outside any repo).
 */
function runtimeAt(root) {
    ensureDir(root);
    return { root, repo: null };
}
/** Lock names: `[a-z0-9][a-z0-9._-]{0,63}` — they become directory names. */
const LOCK_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
function validateLockName(name) {
    if (typeof name !== 'string' || !LOCK_NAME.test(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_NAME', `invalid lock name ${JSON.stringify(name)}: use 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit`);
    }
    return name;
}


/***/ }),

/***/ 308:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ createGit)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/**
 * The one wrapper around git. Everything in lockstep that runs git goes
 * through `Git` (an interface, so pure logic can be tested with a small
 * object of fakes) built by `createGit`.
 *
 * It calls the git binary directly with argument arrays (never a shell
 * string). We do not use simple-git here: hooks run on every commit and pay
 * for every millisecond of start-up, and simple-git adds module load time and
 * a 50 ms exit timer for nothing we need (see docs/design.md).
 */


const MAX_BUFFER = 256 * 1024 * 1024;
function envFor(opts) {
    const env = { ...process.env, ...(opts?.env ?? {}) };
    if (opts?.readOnly)
        env.GIT_OPTIONAL_LOCKS = '0';
    // Never let git stop to ask a question (credential prompts, editors) inside lockstep.
    env.GIT_TERMINAL_PROMPT = '0';
    return env;
}
function missingGit(e) {
    if (e?.code === 'ENOENT') {
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LockstepError */ .Cj('GIT_MISSING', 'git was not found on PATH', { hint: 'install git (https://git-scm.com) and try again' });
    }
    return null;
}
function failure(args, r) {
    const msg = r.stderr.trim() || r.stdout.trim() || `exit ${r.code}`;
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LockstepError */ .Cj('GIT_FAILED', `git ${args.join(' ')} failed: ${msg}`, { detail: { args, code: r.code, stderr: r.stderr } });
}
function createGit(cwd) {
    const git = {
        cwd,
        run(args, opts) {
            return new Promise((resolve, reject) => {
                const timeout = opts?.timeoutMs && opts.timeoutMs > 0 ? Math.ceil(opts.timeoutMs) : 0;
                const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('git', args, { cwd, env: envFor(opts), maxBuffer: MAX_BUFFER, encoding: 'utf8', timeout, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
                    if (err && typeof err.code === 'string') {
                        reject(missingGit(err) ?? err);
                        return;
                    }
                    const code = err ? (err.code ?? 1) : 0;
                    const timedOut = Boolean(err && timeout && err.killed);
                    resolve({ code: typeof code === 'number' ? code : 1, stdout, stderr, ...(timedOut ? { timedOut } : {}) });
                });
                if (opts?.input !== undefined)
                    child.stdin?.end(opts.input);
                else
                    child.stdin?.end();
            });
        },
        runSync(args, opts) {
            const r = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawnSync)('git', args, { cwd, env: envFor(opts), maxBuffer: MAX_BUFFER, encoding: 'utf8', input: opts?.input });
            if (r.error)
                throw missingGit(r.error) ?? r.error;
            return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
        },
        async exec(args, opts) {
            const r = await git.run(args, opts);
            if (r.code !== 0)
                throw failure(args, r);
            return r.stdout;
        },
        execSync(args, opts) {
            const r = git.runSync(args, opts);
            if (r.code !== 0)
                throw failure(args, r);
            return r.stdout;
        },
        repoPaths() {
            const r = git.runSync(['rev-parse', '--path-format=absolute', '--git-common-dir', '--git-dir', '--is-bare-repository'], { readOnly: true });
            if (r.code !== 0) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LockstepError */ .Cj('NOT_A_REPO', `${cwd} is not inside a git repository`, {
                    hint: 'run lockstep from a git checkout, or create one with `git init`',
                    detail: { stderr: r.stderr.trim() },
                });
            }
            const [commonDir, gitDir, bareFlag] = r.stdout.split('\n');
            const bare = bareFlag === 'true';
            let topLevel = null;
            if (!bare) {
                const t = git.runSync(['rev-parse', '--show-toplevel'], { readOnly: true });
                topLevel = t.code === 0 ? t.stdout.trim() || null : null;
            }
            return { commonDir: commonDir, gitDir: gitDir, topLevel, bare };
        },
    };
    return git;
}


/***/ })

};
