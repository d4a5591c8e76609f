export const id = 513;
export const ids = [513,207,973];
export const modules = {

/***/ 6341:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  jz: () => (/* binding */ DEFAULT_WIDTH),
  g_: () => (/* binding */ MAX_WIDTH),
  CN: () => (/* binding */ allocate),
  H6: () => (/* binding */ resolveRoot),
  rX: () => (/* binding */ validateWidth)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/events.ts
var events = __webpack_require__(7842);
// EXTERNAL MODULE: ./src/core/lock.ts
var lock = __webpack_require__(6336);
// EXTERNAL MODULE: ./src/alloc/lock-target.ts
var lock_target = __webpack_require__(8922);
// EXTERNAL MODULE: ./src/alloc/name.ts
var alloc_name = __webpack_require__(7942);
// EXTERNAL MODULE: ./src/alloc/scan.ts
var scan = __webpack_require__(6300);
;// CONCATENATED MODULE: ./src/alloc/highest-hint.ts
/**
 * The highest number of a root, handed from one allocation to the next so
 * that a large root is not re-read on every one.
 *
 * Reading a root of 1,000 entries costs more than everything else an
 * allocation does under its lock, and the lock serialises that cost across
 * every waiting process. So after its mkdir each allocation records the
 * number it created together with the root directory's identity and change
 * times (device, inode, mtime, ctime, link count — any entry added, removed or
 * renamed changes them); the next one, under the same lock, reuses the number
 * only if the directory is provably unchanged since, and scans otherwise.
 *
 * The record travels on the lock itself: the holder releases with it
 * (`releaseLock(h, {data})`) and the lock hands it to the next acquirer only
 * when that acquirer took the lock straight from this clean release. A holder
 * that dies before releasing leaves a held record, which the next allocation
 * takes over — and a takeover (or a broken lock) carries no hint, so that
 * allocation scans. Only lock holders write it. A tool that creates entries
 * without taking the lock can produce duplicates with or without the hint;
 * `allocate --verify` reports those.
 */


function identity(st) {
    return { dev: String(st.dev), ino: String(st.ino), mtimeNs: String(st.mtimeNs), ctimeNs: String(st.ctimeNs), nlink: String(st.nlink) };
}
/** The hint inside a lock's release data, or null when there is none or it is malformed. */
function hintFromData(data) {
    const h = data?.highest;
    if (!h || typeof h !== 'object' || h.v !== 1 || !Number.isSafeInteger(h.highest) || h.highest < 0)
        return null;
    for (const k of ['dev', 'ino', 'mtimeNs', 'ctimeNs', 'nlink'])
        if (typeof h[k] !== 'string')
            return null;
    return h;
}
/** The highest number in `realRoot`: from the hint when the directory is unchanged since it was taken, else by scanning. */
function highestWithHint(realRoot, hint) {
    if (hint) {
        const now = identity((0,external_node_fs_.statSync)(realRoot, { bigint: true }));
        if (now.dev === hint.dev && now.ino === hint.ino && now.mtimeNs === hint.mtimeNs && now.ctimeNs === hint.ctimeNs && now.nlink === hint.nlink) {
            return { highest: hint.highest, fromHint: true };
        }
    }
    return { highest: (0,scan/* highestNumber */.M_)(realRoot), fromHint: false };
}
/**
 * Called under the lock after the mkdir of `highest`: the release data that
 * hands it to the next allocation. Null when the root cannot be stat'ed (the
 * next allocation then scans).
 */
function hintData(realRoot, highest) {
    try {
        const hint = { v: 1, highest, ...identity((0,external_node_fs_.statSync)(realRoot, { bigint: true })) };
        return { highest: hint };
    }
    catch {
        return null;
    }
}

;// CONCATENATED MODULE: ./src/alloc/allocate.ts
/**
 * Atomic numbered allocation: `allocate({root, name})` creates
 * `ROOT/<N+1>_<name>` where N is the highest number in ROOT, and nobody else
 * can get the same number.
 *
 * The whole scan → next number → mkdir sequence runs under one lock, and the
 * directory exists before the lock is released. Releasing first (handing out
 * a number and creating the directory later) is the race that gave 66–83 %
 * duplicate numbers with 5–10 processes: the next process scans before the
 * directory appears and picks the same number.
 */









const DEFAULT_WIDTH = 3;
const MAX_WIDTH = 12;
/** Validates `root` and `width` (nothing touches the file system before this passes). */
function resolveRoot(root, cwd) {
    if (typeof root !== 'string' || root.trim() === '')
        throw new errors/* LockstepError */.Cj('BAD_INPUT', 'the allocation root is empty', { hint: 'lockstep allocate ROOT NAME, e.g. lockstep allocate specs "auth flow"' });
    if (root.includes('\0'))
        throw new errors/* LockstepError */.Cj('BAD_INPUT', 'the allocation root contains a NUL byte');
    return (0,external_node_path_.resolve)(cwd ?? process.cwd(), root);
}
function validateWidth(width) {
    if (!Number.isSafeInteger(width) || width < 1 || width > MAX_WIDTH) {
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `the number width must be a whole number from 1 to ${MAX_WIDTH}, not ${JSON.stringify(width)}`);
    }
    return width;
}
/** Creates ROOT (and its parents) if needed and returns its real path. */
function ensureRoot(abs) {
    let isDir;
    try {
        isDir = (0,external_node_fs_.statSync)(abs).isDirectory();
    }
    catch (e) {
        if (e.code !== 'ENOENT')
            throw (0,errors/* fsError */.yi)(e, 'open allocation root', abs);
        try {
            (0,external_node_fs_.mkdirSync)(abs, { recursive: true });
        }
        catch (e2) {
            throw (0,errors/* fsError */.yi)(e2, 'create allocation root', abs);
        }
        isDir = true;
    }
    if (!isDir)
        throw new errors/* LockstepError */.Cj('ENVIRONMENT', `the allocation root ${abs} is not a directory`, { hint: `move the file out of the way or choose another root` });
    try {
        return external_node_fs_.realpathSync.native(abs);
    }
    catch (e) {
        throw (0,errors/* fsError */.yi)(e, 'open allocation root', abs);
    }
}
/** mkdir of the new entry; false when something (not made by lockstep) already took that name. */
function makeEntry(path) {
    try {
        (0,external_node_fs_.mkdirSync)(path);
        return true;
    }
    catch (e) {
        if (e.code === 'EEXIST')
            return false;
        throw (0,errors/* fsError */.yi)(e, 'create', path);
    }
}
async function allocate(opts) {
    const name = (0,alloc_name/* sanitizeTopicName */.ev)(opts.name);
    const width = validateWidth(opts.width ?? DEFAULT_WIDTH);
    const abs = resolveRoot(opts.root, opts.cwd);
    const timeoutMs = opts.timeoutMs ?? lock/* DEFAULT_TIMEOUT_MS */.t1;
    const real = ensureRoot(abs);
    const target = (0,lock_target/* allocationLockFor */.bk)(real);
    const handle = await (0,lock/* acquireLock */.IZ)({
        runtime: target.runtime,
        name: target.name,
        timeoutMs,
        cwd: abs,
        command: `allocate ${abs} ${name}`,
        onWait: opts.onWait,
    });
    let number = 0;
    let entry = '';
    // Handed to the next allocation on the release marker; stays null unless
    // the mkdir succeeded (then the next one scans).
    let handOn = null;
    try {
        // A name can only be taken under our feet by something that does not use
        // this lock (a person, another tool); then we simply look again.
        const hint = hintFromData(handle.previousData);
        for (let attempt = 0;; attempt++) {
            number = (attempt === 0 ? highestWithHint(real, hint).highest : (0,scan/* highestNumber */.M_)(real)) + 1;
            if (!Number.isSafeInteger(number))
                throw new errors/* LockstepError */.Cj('ENVIRONMENT', `no number left after ${number - 1} in ${abs}`);
            entry = `${(0,scan/* formatNumber */.ZV)(number, width)}_${name}`;
            if (makeEntry((0,external_node_path_.join)(real, entry)))
                break;
            if (attempt >= 100)
                throw new errors/* LockstepError */.Cj('CONFLICT', `${(0,external_node_path_.join)(abs, entry)} keeps appearing while allocating: something outside lockstep is creating entries in ${abs}`);
        }
        handOn = hintData(real, number);
    }
    finally {
        (0,lock/* releaseLock */.x_)(handle, handOn ? { data: handOn } : {});
    }
    (0,events/* appendEvent */.Zn)(target.runtime.root, 'allocate', { root: real, number, entry, token: handle.token });
    return { topicNumber: (0,scan/* formatNumber */.ZV)(number, width), topicPath: (0,external_node_path_.join)(abs, entry), number, name, token: handle.token };
}


/***/ }),

/***/ 8922:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bk: () => (/* binding */ allocationLockFor)
/* harmony export */ });
/* unused harmony exports checkoutCommonDir, allocationLockName, forgetAllocationLocks */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/**
 * Which lock guards an allocation root.
 *
 * Every process allocating into one ROOT must pick the very same lock, so the
 * choice is a pure function of ROOT's real path: when ROOT lies inside a git
 * checkout the lock lives in that repository's runtime
 * (`<common dir>/lockstep/locks/alloc-<hash>`), where `lockstep lock status`
 * shows it; otherwise in `ROOT/.lockstep/locks/alloc-<hash>`.
 *
 * The checkout is found by reading `.git` entries on the way up (a directory,
 * or a `gitdir:` file with an optional `commondir` for worktrees), not by
 * running `git rev-parse`: git's answer depends on the environment (GIT_DIR is
 * set inside hooks), on who runs it (safe.directory refuses repositories owned
 * by another user) and on git being installed at all — any of which would let
 * two processes allocating into the same ROOT pick different locks. It also
 * saves a process spawn on every allocation.
 */



/** 'dir', 'file' or null (missing, or anything else): one stat per path. */
function kindOf(p) {
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(p, { throwIfNoEntry: false });
        if (!st)
            return null;
        return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : null;
    }
    catch {
        return null;
    }
}
function readCommonDir(gitDir) {
    try {
        const rel = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(gitDir, 'commondir'), 'utf8').trim();
        return rel ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(gitDir, rel) : gitDir;
    }
    catch {
        return gitDir; // no commondir file (a main repository's git dir), or unreadable
    }
}
/** The git dir that `.git` at `dotGit` stands for, or null when it is not one. */
function gitDirOf(dotGit) {
    const kind = kindOf(dotGit);
    if (kind === 'dir')
        return kindOf((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dotGit, 'HEAD')) === 'file' ? dotGit : null;
    if (kind !== 'file')
        return null;
    try {
        const m = /^gitdir:\s*(.+?)\s*$/m.exec((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(dotGit, 'utf8'));
        if (!m)
            return null;
        const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dotGit), m[1]);
        return kindOf(dir) === 'dir' ? dir : null;
    }
    catch {
        return null;
    }
}
/** The common git dir of the checkout that contains `realDir`, or null. */
function checkoutCommonDir(realDir) {
    for (let d = realDir;;) {
        const gitDir = gitDirOf((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(d, '.git'));
        if (gitDir)
            return readCommonDir(gitDir);
        const up = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(d);
        if (up === d)
            return null;
        d = up;
    }
}
function allocationLockName(realRoot) {
    return `alloc-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(realRoot).digest('hex').slice(0, 12)}`;
}
/**
 * The lock for `realRoot` (which must be a real path). Creates nothing on
 * disk (so `--verify` can use it too): acquireLock creates the lock's
 * directory, with its parents, when it is first taken.
 */
function allocationLockFor(realRoot) {
    const hit = known.get(realRoot);
    if (hit)
        return hit;
    const name = allocationLockName(realRoot);
    const commonDir = checkoutCommonDir(realRoot);
    const root = commonDir ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(commonDir, 'lockstep') : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(realRoot, '.lockstep');
    const lock = { runtime: { root, repo: null }, name, commonDir };
    if (known.size >= KNOWN_MAX)
        known.clear();
    known.set(realRoot, lock);
    return lock;
}
/**
 * The answer for each real root this process has asked about. Finding the
 * checkout costs a stat per directory level (and more inside one), on every
 * allocation; the answer only changes if a repository is created or removed
 * around ROOT, which a running allocator does not have to follow (see
 * docs/allocate.md). Bounded so that a long-lived process allocating into
 * very many roots does not grow without limit.
 */
const known = new Map();
const KNOWN_MAX = 256;
/** Forgets the remembered locks (tests that build a repository around an existing root). */
function forgetAllocationLocks() {
    known.clear();
}


/***/ }),

/***/ 7942:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ev: () => (/* binding */ sanitizeTopicName)
/* harmony export */ });
/* unused harmony exports MAX_NAME_LENGTH, MAX_INPUT_LENGTH */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/**
 * Topic names: what a caller passes to `allocate` becomes part of a directory
 * name, so it is reduced to a small safe alphabet before it touches the file
 * system. Anything that tries to point somewhere else (a path separator,
 * `..`) or cannot be a name (control characters, nothing left after
 * sanitizing, absurd length) is refused rather than silently rewritten.
 */

/** Sanitized names are cut to this many characters. */
const MAX_NAME_LENGTH = 64;
/** Longer input is refused outright: no file name is longer, so it is not a topic name. */
const MAX_INPUT_LENGTH = 255;
function bad(message, input) {
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockstepError */ .Cj('BAD_NAME', message, {
        hint: 'use a short descriptive name such as "auth flow" (letters, digits, spaces, - and _)',
        detail: { name: input.length > 80 ? `${input.slice(0, 80)}…` : input },
    });
}
/**
 * Lower-cases `input`, folds accented letters to their base letter, turns
 * every run of other characters into one `_`, trims `_` at both ends and cuts
 * the result to MAX_NAME_LENGTH. Throws BAD_NAME (exit 2) for input that
 * holds a path separator, `..`, a control character, is longer than
 * MAX_INPUT_LENGTH, or leaves nothing behind.
 */
function sanitizeTopicName(input) {
    if (typeof input !== 'string')
        throw bad('the topic name must be a string', String(input));
    if (input.length > MAX_INPUT_LENGTH) {
        throw bad(`the topic name is ${input.length} characters long; at most ${MAX_INPUT_LENGTH} are accepted`, input);
    }
    if (input.includes('/') || input.includes('\\')) {
        throw bad(`the topic name ${JSON.stringify(input)} contains a path separator: a name is not a path`, input);
    }
    if (input.includes('..'))
        throw bad(`the topic name ${JSON.stringify(input)} contains "..": a name cannot point outside its root`, input);
    // eslint-disable-next-line no-control-regex
    const control = /[\u0000-\u001f\u007f-\u009f]/.exec(input);
    if (control) {
        const code = control[0].charCodeAt(0).toString(16).padStart(4, '0');
        throw bad(`the topic name contains a control character (U+${code}${control[0] === '\n' ? ', a newline' : ''}) at position ${control.index}`, input);
    }
    const folded = input
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();
    let name = folded.replace(/[^a-z0-9_]+/g, '_').replace(/_+/g, '_').replace(/^_+|_+$/g, '');
    if (name.length > MAX_NAME_LENGTH)
        name = name.slice(0, MAX_NAME_LENGTH).replace(/_+$/, '');
    if (name === '') {
        throw bad(input.trim() === ''
            ? 'the topic name is empty'
            : `the topic name ${JSON.stringify(input)} has no letters or digits a-z/0-9 left after sanitizing`, input);
    }
    return name;
}


/***/ }),

/***/ 6300:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M_: () => (/* binding */ highestNumber),
/* harmony export */   ZV: () => (/* binding */ formatNumber),
/* harmony export */   pn: () => (/* binding */ scanAllocations)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/**
 * Reading an allocation root: every entry named `<digits>_<rest>` holds the
 * number its digits spell; everything else (`.lockstep`, README.md, notes)
 * is ignored.
 */



const ALLOCATED = /^(\d+)_/;
function parseNumber(digits, entry, root) {
    const n = Number(digits);
    if (!Number.isSafeInteger(n)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('ENVIRONMENT', `${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, entry)} carries a number too large to continue from`, {
            hint: `rename or remove it: mv "${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, entry)}" …`,
        });
    }
    return n;
}
function list(root) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(root);
    }
    catch (e) {
        throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fsError */ .yi)(e, 'read allocation root', root);
    }
}
/** The highest number in use in `root` (0 when none). The hot path of every allocation. */
function highestNumber(root) {
    let max = 0;
    for (const e of list(root)) {
        const c = e.charCodeAt(0);
        if (c < 48 || c > 57)
            continue;
        const m = ALLOCATED.exec(e);
        if (!m)
            continue;
        const n = parseNumber(m[1], e, root);
        if (n > max)
            max = n;
    }
    return max;
}
/** Every numbered entry of `root`, sorted by number then name. */
function scanAllocations(root) {
    const out = [];
    for (const e of list(root)) {
        const m = ALLOCATED.exec(e);
        if (m)
            out.push({ number: parseNumber(m[1], e, root), entry: e, path: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, e) });
    }
    return out.sort((a, b) => a.number - b.number || (a.entry < b.entry ? -1 : a.entry > b.entry ? 1 : 0));
}
/** `42` at width 3 → `042`; numbers longer than the width widen (`1000`) instead of wrapping. */
function formatNumber(n, width) {
    return String(n).padStart(width, '0');
}


/***/ }),

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


/***/ }),

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


/***/ }),

/***/ 1739:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gd: () => (/* binding */ remoteLockStatus),
/* harmony export */   Hq: () => (/* binding */ releaseRemoteLockByToken),
/* harmony export */   K1: () => (/* binding */ acquireRemoteLock),
/* harmony export */   L2: () => (/* binding */ releaseRemoteLock),
/* harmony export */   UV: () => (/* binding */ withRemoteLock),
/* harmony export */   XV: () => (/* binding */ breakRemoteLock),
/* harmony export */   tT: () => (/* binding */ renewRemoteLockByToken),
/* harmony export */   xg: () => (/* binding */ listRemoteLocks)
/* harmony export */ });
/* unused harmony exports renewRemoteLock, remoteLeaseValid */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _core_events_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7842);
/* harmony import */ var _core_files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9928);
/* harmony import */ var _core_lock_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6336);
/* harmony import */ var _observations_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3875);
/* harmony import */ var _refs_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1994);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1124);
/**
 * The repository lock, coordinated through the git remote (for clones on
 * different machines).
 *
 *   refs/lockstep/locks/<name>  → the holder's owner record (absent = free)
 *   refs/lockstep/fence/<name>  → the record that took the latest token
 *
 * Acquire = one atomic push: the lock ref from "absent" (or from the expired
 * record's id) to our record, and the fence ref from the record it names now
 * to our record, whose token is that record's token + 1. Both compare-and-swap
 * on the server, so exactly one contender wins each token, and tokens only
 * rise: the fence ref is never deleted (not by release, not by gc), so no
 * stale view can ever hand out a token twice. Release = delete the lock ref,
 * expecting our record. Renewal = move both refs to a fresh record (new
 * object id, so every observer's lease count starts over).
 *
 * Expiry follows the rule in observations.ts: never on the holder's clock.
 */










// --- small pieces -----------------------------------------------------------------
/** Tokens of records this process has read or written, by object id. */
const knownTokens = new Map();
function fenceCacheFile(ctx, name) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(ctx.runtime.root, 'remote', ctx.remote, 'fence', `${name}.json`);
}
function readFenceCache(ctx, name) {
    try {
        const c = (0,_core_files_js__WEBPACK_IMPORTED_MODULE_5__/* .readJsonFile */ .JE)(fenceCacheFile(ctx, name), 'fence cache');
        if (c && typeof c.fenceOid === 'string' && Number.isSafeInteger(c.token)) {
            knownTokens.set(c.fenceOid, c.token);
            return c;
        }
    }
    catch {
        /* a broken cache is only a slower first try */
    }
    return null;
}
function writeFenceCache(ctx, name, c) {
    knownTokens.set(c.fenceOid, c.token);
    try {
        (0,_core_files_js__WEBPACK_IMPORTED_MODULE_5__/* .ensureDir */ .A0)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(ctx.runtime.root, 'remote', ctx.remote, 'fence'));
        (0,_core_files_js__WEBPACK_IMPORTED_MODULE_5__/* .writeFileAtomic */ .Zf)(fenceCacheFile(ctx, name), JSON.stringify(c));
    }
    catch {
        /* the cache only saves a round trip */
    }
}
async function readView(ctx, name) {
    const refs = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .listRemoteRefs */ .R8)(ctx, [(0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .lockRef */ .NN)(name), (0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .fenceRef */ .Xo)(name)], `read the ${name} lock`);
    return { lockOid: refs.get((0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .lockRef */ .NN)(name)) ?? null, fenceOid: refs.get((0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .fenceRef */ .Xo)(name)) ?? null };
}
async function readRecord(ctx, oid, ref) {
    const m = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .readRecords */ .T3)(ctx, [oid], [ref]);
    const rec = m.get(oid) ?? null;
    if (rec && rec.backend === 'remote' && rec.state === 'held' && Number.isSafeInteger(rec.token)) {
        knownTokens.set(oid, rec.token);
        return rec;
    }
    return null;
}
/** The token the fence ref names now (0 when there is no fence yet). */
async function fenceToken(ctx, name, fenceOid) {
    if (fenceOid === null)
        return 0;
    const known = knownTokens.get(fenceOid);
    if (known !== undefined)
        return known;
    const rec = await readRecord(ctx, fenceOid, (0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .fenceRef */ .Xo)(name));
    if (!rec) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('CORRUPT_STATE', `the fencing counter ${(0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .fenceRef */ .Xo)(name)} on the remote ${ctx.remote} points to ${fenceOid}, which is not a lockstep lock record`, {
            hint: `something other than lockstep wrote that ref; inspect it (git fetch ${ctx.remote} ${(0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .fenceRef */ .Xo)(name)} && git cat-file -p FETCH_HEAD) and contact whoever wrote it`,
        });
    }
    return rec.token;
}
function describeHolder(rec) {
    if (!rec)
        return 'an unreadable record';
    return [rec.task ? `task ${rec.task}` : null, rec.agent ? `agent ${rec.agent}` : null, `pid ${rec.pid}`, `host ${rec.host}`].filter(Boolean).join(', ');
}
function parseTokenEnv(env) {
    const out = new Map();
    for (const part of (env[_core_lock_js__WEBPACK_IMPORTED_MODULE_6__/* .TOKEN_ENV */ .o4] ?? '').split(',')) {
        const i = part.lastIndexOf(':');
        if (i <= 0)
            continue;
        const n = Number(part.slice(i + 1));
        if (Number.isSafeInteger(n) && n > 0)
            out.set(part.slice(0, i), n);
    }
    return out;
}
function jitter(minMs, maxMs) {
    return minMs + Math.random() * (maxMs - minMs);
}
function handleFrom(ctx, name, oid, record, extra) {
    return {
        backend: 'remote',
        name,
        token: record.token,
        nonce: record.nonce,
        reentrant: false,
        remote: ctx.remote,
        ref: (0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .lockRef */ .NN)(name),
        oid,
        root: ctx.runtime.root,
        cwd: ctx.git.cwd,
        acquiredAtMs: record.acquiredAtMs,
        waitedMs: 0,
        tookOver: null,
        record,
        leaseEndsMono: (0,_observations_js__WEBPACK_IMPORTED_MODULE_7__/* .monoNowMs */ ._t)() + record.leaseMs,
        ...extra,
    };
}
// --- acquire ------------------------------------------------------------------------
/**
 * Acquires the named lock on the remote, waiting up to `timeoutMs`. Throws
 * LOCK_TIMEOUT (naming the holder), REMOTE_UNREACHABLE or REMOTE_REFUSED.
 */
async function acquireRemoteLock(opts = {}) {
    const name = (0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .validateRemoteLockName */ .Pv)(opts.name ?? _core_lock_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_LOCK */ .sR);
    const timeoutMs = opts.timeoutMs ?? _core_lock_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_TIMEOUT_MS */ .t1;
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('BAD_INPUT', `invalid lock timeout ${timeoutMs}`);
    const leaseMs = opts.leaseMs ?? _core_lock_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_LEASE_MS */ .sV;
    if (!Number.isFinite(leaseMs) || leaseMs <= 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('BAD_INPUT', `invalid lease ${leaseMs}: the remote backend needs a lease > 0`);
    const ctx = (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .openRemote */ .d3)(opts);
    const env = opts.env ?? process.env;
    const ref = (0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .lockRef */ .NN)(name);
    if (opts.reentrant !== false) {
        const inherited = parseTokenEnv(env).get(name);
        if (inherited !== undefined) {
            const v = await readView(ctx, name);
            const rec = v.lockOid ? await readRecord(ctx, v.lockOid, ref) : null;
            if (v.lockOid && rec && rec.token === inherited)
                return handleFrom(ctx, name, v.lockOid, rec, { reentrant: true });
        }
    }
    const base = { ...(0,_core_lock_js__WEBPACK_IMPORTED_MODULE_6__/* .ownerFields */ .Fg)(name, opts, leaseMs), backend: 'remote' };
    const observer = new _observations_js__WEBPACK_IMPORTED_MODULE_7__/* .Observer */ .nu(ctx);
    const started = Date.now();
    const startedMono = (0,_observations_js__WEBPACK_IMPORTED_MODULE_7__/* .monoNowMs */ ._t)();
    const deadlineMono = startedMono + timeoutMs;
    // Optimistic first try from what this clone saw last: a free lock costs one push.
    const cached = readFenceCache(ctx, name);
    let view = cached ? { lockOid: null, fenceOid: cached.fenceOid } : null;
    let lastHolder = null;
    let lastToken = 0;
    let nextWaitReport = 0;
    let conflicts = 0;
    let pollMs = 20;
    for (;;) {
        if (opts.signal?.aborted)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('LOCK_TIMEOUT', `gave up waiting for the ${name} lock (aborted)`);
        if (!view)
            view = await readView(ctx, name);
        let takeOver = null;
        let waitMs = 0;
        if (view.lockOid !== null) {
            const rec = await readRecord(ctx, view.lockOid, ref);
            lastHolder = rec;
            lastToken = rec?.token ?? lastToken;
            const j = (0,_observations_js__WEBPACK_IMPORTED_MODULE_7__/* .judgeLease */ .Qs)(rec, observer.firstSeen(ref, view.lockOid));
            if (j.expired)
                takeOver = { oid: view.lockOid, rec, reason: j.reason };
            else
                waitMs = j.remainingMs;
        }
        if (view.lockOid === null || takeOver) {
            const prev = await fenceToken(ctx, name, view.fenceOid);
            const now = Date.now();
            const record = { ...base, token: prev + 1, nonce: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).toString('hex'), acquiredAt: new Date(now).toISOString(), acquiredAtMs: now, renewedAtMs: now };
            const oid = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .writeRecord */ .rh)(ctx, record);
            const sentMono = (0,_observations_js__WEBPACK_IMPORTED_MODULE_7__/* .monoNowMs */ ._t)();
            const r = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .pushUpdates */ .BI)(ctx, [
                { ref, newOid: oid, expectOid: view.lockOid },
                { ref: (0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .fenceRef */ .Xo)(name), newOid: oid, expectOid: view.fenceOid },
            ], `take the ${name} lock`);
            if (r.ok) {
                writeFenceCache(ctx, name, { fenceOid: oid, token: record.token });
                const waitedMs = Date.now() - started;
                const tookOver = takeOver ? { token: takeOver.rec?.token ?? 0, pid: takeOver.rec?.pid ?? 0, host: takeOver.rec?.host ?? '', reason: takeOver.reason, task: takeOver.rec?.task ?? null } : null;
                if (tookOver)
                    (0,_core_events_js__WEBPACK_IMPORTED_MODULE_4__/* .appendEvent */ .Zn)(ctx.runtime.root, 'takeover', { backend: 'remote', remote: ctx.remote, lock: name, token: record.token, from: tookOver });
                (0,_core_events_js__WEBPACK_IMPORTED_MODULE_4__/* .appendEvent */ .Zn)(ctx.runtime.root, 'acquire', { backend: 'remote', remote: ctx.remote, lock: name, token: record.token, owner: base.pid, task: record.task, agent: record.agent, waitedMs });
                // The lease counts from before the push was sent: no observer can have seen the record earlier.
                return handleFrom(ctx, name, oid, record, { waitedMs, tookOver, leaseEndsMono: sentMono + leaseMs });
            }
            conflicts++;
            view = null;
            // Someone else won this round: look again after a short jittered pause (longer as losses pile up).
            const pause = Math.min(monoRemaining(deadlineMono), jitter(0, Math.min(200, 5 * 2 ** Math.min(conflicts, 6))));
            if (pause > 0)
                await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_2__.setTimeout)(pause);
            if ((0,_observations_js__WEBPACK_IMPORTED_MODULE_7__/* .monoNowMs */ ._t)() < deadlineMono || conflicts < 3)
                continue;
            waitMs = 0;
        }
        // Held (and not expired by our own count): wait, then look again.
        const nowMono = (0,_observations_js__WEBPACK_IMPORTED_MODULE_7__/* .monoNowMs */ ._t)();
        if (nowMono >= deadlineMono) {
            const waited = Date.now() - started;
            (0,_core_events_js__WEBPACK_IMPORTED_MODULE_4__/* .appendEvent */ .Zn)(ctx.runtime.root, 'timeout', { backend: 'remote', remote: ctx.remote, lock: name, token: lastToken, waitedMs: waited, heldBy: lastHolder?.pid ?? null, heldByHost: lastHolder?.host ?? null });
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('LOCK_TIMEOUT', lastHolder || view?.lockOid
                ? `timed out after ${(waited / 1000).toFixed(1)} s waiting for the ${name} lock on the remote ${ctx.remote}, held by ${describeHolder(lastHolder)}${lastHolder ? ` since ${lastHolder.acquiredAt} (its clock)` : ''}`
                : `timed out after ${(waited / 1000).toFixed(1)} s trying to take the ${name} lock on the remote ${ctx.remote}: other clones won every race (${conflicts} pushes lost)`, {
                hint: `see who holds it: lockstep lock status ${name} --backend remote:${ctx.remote}; an abandoned lock is taken over once this machine has seen it unchanged for its lease (${Math.round((lastHolder?.leaseMs ?? 0) / 1000)} s)`,
                detail: { lock: name, token: lastToken, holder: lastHolder, remote: ctx.remote },
            });
        }
        if (opts.onWait && nowMono >= nextWaitReport) {
            nextWaitReport = nowMono + 1000;
            const info = { name, waitedMs: Date.now() - started, holder: lastHolder, token: lastToken, waiters: 0 };
            opts.onWait(info);
        }
        pollMs = Math.min(300, pollMs * 1.5);
        const delay = Math.max(0, Math.min(jitter(pollMs / 2, pollMs), waitMs > 0 ? waitMs : Infinity, monoRemaining(deadlineMono)));
        if (delay > 0)
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_2__.setTimeout)(delay);
        view = null;
    }
}
function monoRemaining(deadlineMono) {
    return Math.max(0, deadlineMono - (0,_observations_js__WEBPACK_IMPORTED_MODULE_7__/* .monoNowMs */ ._t)());
}
async function compromised(ctx, name, token, why) {
    let now = '';
    let current = 0;
    try {
        const v = await readView(ctx, name);
        const rec = v.lockOid ? await readRecord(ctx, v.lockOid, (0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .lockRef */ .NN)(name)) : null;
        current = rec?.token ?? (await fenceToken(ctx, name, v.fenceOid));
        now = rec ? `it is now held by ${describeHolder(rec)} (token ${rec.token})` : `it is free now (latest token ${current})`;
    }
    catch {
        now = 'its state cannot be read now';
    }
    (0,_core_events_js__WEBPACK_IMPORTED_MODULE_4__/* .appendEvent */ .Zn)(ctx.runtime.root, 'compromised', { backend: 'remote', remote: ctx.remote, lock: name, token, current, why });
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('LOCK_COMPROMISED', `lock compromised: the ${name} lock with token ${token} on the remote ${ctx.remote} is no longer held by its owner (${why}); ${now}`, {
        hint: `work done under token ${token} may have raced another holder; check it with lockstep lock status ${name} --backend remote:${ctx.remote}`,
        detail: { lock: name, token, current, remote: ctx.remote },
    });
}
/** Releases a lock held through `handle`. Throws LOCK_COMPROMISED if it was taken away. */
async function releaseRemoteLock(handle, opts = {}) {
    if (handle.reentrant)
        return { name: handle.name, token: handle.token, heldMs: 0, reentrant: true };
    const ctx = (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .openRemote */ .d3)({ cwd: handle.cwd, remote: handle.remote, networkTimeoutMs: opts.networkTimeoutMs });
    const r = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .pushUpdates */ .BI)(ctx, [{ ref: handle.ref, newOid: null, expectOid: handle.oid }], `release the ${handle.name} lock`);
    if (!r.ok)
        throw await compromised(ctx, handle.name, handle.token, 'it expired and was taken over or removed');
    const heldMs = Date.now() - handle.acquiredAtMs;
    (0,_core_events_js__WEBPACK_IMPORTED_MODULE_4__/* .appendEvent */ .Zn)(ctx.runtime.root, 'release', { backend: 'remote', remote: ctx.remote, lock: handle.name, token: handle.token, heldMs, task: handle.record.task });
    return { name: handle.name, token: handle.token, heldMs, reentrant: false };
}
/**
 * Releases by name and token (for a holder in another process, e.g. the CLI's
 * `lock release`). The token must be the one in the current record.
 */
async function releaseRemoteLockByToken(opts) {
    const name = (0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .validateRemoteLockName */ .Pv)(opts.name);
    if (!Number.isSafeInteger(opts.token) || opts.token <= 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('BAD_INPUT', `invalid token ${JSON.stringify(opts.token)}: tokens are positive integers`);
    const ctx = (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .openRemote */ .d3)(opts);
    const v = await readView(ctx, name);
    const rec = v.lockOid ? await readRecord(ctx, v.lockOid, (0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .lockRef */ .NN)(name)) : null;
    if (!v.lockOid || !rec || rec.token !== opts.token) {
        const latest = rec?.token ?? (await fenceToken(ctx, name, v.fenceOid));
        if (!v.lockOid && latest === opts.token) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('LOCK_NOT_HELD', `the ${name} lock with token ${opts.token} is not held any more (released, or broken after its lease, and not taken since)`, {
                hint: `see the lock now: lockstep lock status ${name} --backend remote:${ctx.remote}`,
                detail: { lock: name, token: opts.token, current: latest },
            });
        }
        throw await compromised(ctx, name, opts.token, latest > opts.token ? 'a later owner took it over' : 'no such token');
    }
    return releaseRemoteLock(handleFrom(ctx, name, v.lockOid, rec, {}));
}
/** Pushes a fresh record (same token): renews the lease for every observer. Throws LOCK_COMPROMISED if no longer held. */
async function renewRemoteLock(handle) {
    if (handle.reentrant)
        return handle.record;
    const ctx = (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .openRemote */ .d3)({ cwd: handle.cwd, remote: handle.remote });
    const now = Date.now();
    const next = { ...handle.record, renewedAtMs: now };
    const oid = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .writeRecord */ .rh)(ctx, next);
    const sentMono = (0,_observations_js__WEBPACK_IMPORTED_MODULE_7__/* .monoNowMs */ ._t)();
    const r = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .pushUpdates */ .BI)(ctx, [
        { ref: handle.ref, newOid: oid, expectOid: handle.oid },
        { ref: (0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .fenceRef */ .Xo)(handle.name), newOid: oid, expectOid: handle.oid },
    ], `renew the ${handle.name} lock`);
    if (!r.ok)
        throw await compromised(ctx, handle.name, handle.token, 'lost before renewal');
    writeFenceCache(ctx, handle.name, { fenceOid: oid, token: handle.token });
    handle.oid = oid;
    handle.record = next;
    handle.leaseEndsMono = sentMono + next.leaseMs;
    return next;
}
/** Renews by name and token (for the CLI). */
async function renewRemoteLockByToken(opts) {
    const name = (0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .validateRemoteLockName */ .Pv)(opts.name);
    const ctx = (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .openRemote */ .d3)(opts);
    const v = await readView(ctx, name);
    const rec = v.lockOid ? await readRecord(ctx, v.lockOid, (0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .lockRef */ .NN)(name)) : null;
    if (!v.lockOid || !rec || rec.token !== opts.token)
        throw await compromised(ctx, name, opts.token, 'lost before renewal');
    return renewRemoteLock(handleFrom(ctx, name, v.lockOid, rec, {}));
}
/** True while the holder may rely on the lock by its own clock (renew before this turns false). */
function remoteLeaseValid(handle) {
    return handle.reentrant || monoNowMs() < handle.leaseEndsMono;
}
function statusOf(ctx, observer, name, lockOid, rec, latestToken) {
    const base = { backend: 'remote', remote: ctx.remote, name, waiters: 0, path: `${ctx.remote}:${(0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .lockRef */ .NN)(name)}` };
    if (!lockOid)
        return { ...base, state: 'free', token: latestToken, holder: null, ageMs: null, staleReason: null, expiresInMs: null };
    const j = (0,_observations_js__WEBPACK_IMPORTED_MODULE_7__/* .judgeLease */ .Qs)(rec, observer.firstSeen((0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .lockRef */ .NN)(name), lockOid));
    return {
        ...base,
        state: j.expired ? 'stale' : 'held',
        token: rec?.token ?? latestToken,
        holder: rec,
        ageMs: rec ? Math.max(0, Date.now() - rec.acquiredAtMs) : null,
        staleReason: j.expired ? j.reason : rec ? null : 'the lock ref points to something that is not a lockstep record',
        expiresInMs: j.expired ? 0 : j.remainingMs,
    };
}
async function remoteLockStatus(opts) {
    const name = (0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .validateRemoteLockName */ .Pv)(opts.name ?? _core_lock_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_LOCK */ .sR);
    const ctx = (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .openRemote */ .d3)(opts);
    const v = await readView(ctx, name);
    const rec = v.lockOid ? await readRecord(ctx, v.lockOid, (0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .lockRef */ .NN)(name)) : null;
    const latest = rec?.token ?? (await fenceToken(ctx, name, v.fenceOid).catch(() => 0));
    return statusOf(ctx, new _observations_js__WEBPACK_IMPORTED_MODULE_7__/* .Observer */ .nu(ctx), name, v.lockOid, rec, latest);
}
/** Every lock the remote knows (held, or free with a fencing counter). */
async function listRemoteLocks(opts = {}) {
    const ctx = (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .openRemote */ .d3)(opts);
    const refs = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .listRemoteRefs */ .R8)(ctx, ['refs/lockstep/locks/*', 'refs/lockstep/fence/*'], 'list locks');
    const names = new Set();
    for (const r of refs.keys()) {
        const m = /^refs\/lockstep\/(?:locks|fence)\/([^/]+)$/.exec(r);
        if (m)
            names.add(m[1]);
    }
    const oids = [...refs.values()];
    const records = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .readRecords */ .T3)(ctx, oids);
    const observer = new _observations_js__WEBPACK_IMPORTED_MODULE_7__/* .Observer */ .nu(ctx);
    return [...names].sort().map((name) => {
        const lockOid = refs.get((0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .lockRef */ .NN)(name)) ?? null;
        const fenceOid = refs.get((0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .fenceRef */ .Xo)(name)) ?? null;
        const rec = lockOid ? (records.get(lockOid) ?? null) : null;
        const fenceRec = fenceOid ? (records.get(fenceOid) ?? null) : null;
        return statusOf(ctx, observer, name, lockOid, rec, rec?.token ?? fenceRec?.token ?? 0);
    });
}
/**
 * Removes a lock whose lease ran out by this machine's count (or any, with
 * `force`). Compare-and-swap on the record judged: a renewal in between wins.
 */
async function breakRemoteLock(opts) {
    const name = (0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .validateRemoteLockName */ .Pv)(opts.name ?? _core_lock_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_LOCK */ .sR);
    const ctx = (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .openRemote */ .d3)(opts);
    const v = await readView(ctx, name);
    const rec = v.lockOid ? await readRecord(ctx, v.lockOid, (0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .lockRef */ .NN)(name)) : null;
    const latest = rec?.token ?? (await fenceToken(ctx, name, v.fenceOid).catch(() => 0));
    if (opts.expectToken !== undefined && latest !== opts.expectToken) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('CONFLICT', `the ${name} lock is at token ${latest}, not ${opts.expectToken}: nothing broken`, { hint: `look again: lockstep lock status ${name} --backend remote:${ctx.remote}` });
    }
    if (!v.lockOid)
        return { broken: false, name, token: latest, reason: 'free' };
    const st = statusOf(ctx, new _observations_js__WEBPACK_IMPORTED_MODULE_7__/* .Observer */ .nu(ctx), name, v.lockOid, rec, latest);
    if (st.state === 'held' && !opts.force) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('LOCK_HELD', `the ${name} lock is held by ${describeHolder(rec)} (token ${latest}) and its lease has not run out as seen from this machine (${((st.expiresInMs ?? 0) / 1000).toFixed(1)} s to go): not broken`, { hint: `wait for it, or break it anyway: lockstep lock break ${name} --backend remote:${ctx.remote} --expect-token ${latest} --force`, detail: { lock: name, token: latest, holder: rec } });
    }
    const reason = st.state === 'stale' ? (st.staleReason ?? 'stale') : 'forced';
    const r = await (0,_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .pushUpdates */ .BI)(ctx, [{ ref: (0,_refs_js__WEBPACK_IMPORTED_MODULE_8__/* .lockRef */ .NN)(name), newOid: null, expectOid: v.lockOid }], `break the ${name} lock`);
    if (!r.ok)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('CONFLICT', `the ${name} lock changed while breaking it: nothing broken`, { hint: `look again: lockstep lock status ${name} --backend remote:${ctx.remote}` });
    (0,_core_events_js__WEBPACK_IMPORTED_MODULE_4__/* .appendEvent */ .Zn)(ctx.runtime.root, 'break', { backend: 'remote', remote: ctx.remote, lock: name, token: latest, reason, previous: rec?.pid ?? null, previousHost: rec?.host ?? null });
    return { broken: true, name, token: latest, previous: rec, reason };
}
/**
 * Runs `fn` holding the remote lock, renewing it every third of its lease
 * (holders on other machines have only their lease), and releases it however
 * `fn` ends. A renewal that finds the lock gone stops renewing; the release
 * then reports LOCK_COMPROMISED.
 */
async function withRemoteLock(opts, fn) {
    const h = await acquireRemoteLock(opts);
    let renewing = Promise.resolve();
    let lost = false;
    const timer = h.reentrant
        ? null
        : setInterval(() => {
            if (lost)
                return;
            renewing = renewing.then(() => renewRemoteLock(h)).catch(() => (lost = true));
        }, Math.max(50, Math.floor(h.record.leaseMs / 3)));
    timer?.unref();
    try {
        return await fn(h);
    }
    finally {
        if (timer)
            clearInterval(timer);
        await renewing;
        await releaseRemoteLock(h);
    }
}


/***/ })

};
