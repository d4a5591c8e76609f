export const id = 138;
export const ids = [138];
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

/***/ 2138:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerAllocate: () => (/* binding */ registerAllocate)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/alloc/allocate.ts + 1 modules
var allocate = __webpack_require__(6341);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/core/lock.ts
var lock = __webpack_require__(6336);
// EXTERNAL MODULE: ./src/alloc/lock-target.ts
var lock_target = __webpack_require__(8922);
// EXTERNAL MODULE: ./src/alloc/scan.ts
var scan = __webpack_require__(6300);
;// CONCATENATED MODULE: ./src/alloc/verify.ts
/**
 * `allocate --verify`: checks what atomic allocation promises about a root —
 * no number used twice and no lock left behind — and lists the gaps (numbers
 * between 1 and the highest that no entry carries; a removed directory leaves
 * one, so gaps are reported, not failed).
 */






function verifyAllocations(opts) {
    const abs = (0,allocate/* resolveRoot */.H6)(opts.root, opts.cwd);
    if (!(0,external_node_fs_.existsSync)(abs)) {
        throw new errors/* LockstepError */.Cj('NOT_FOUND', `the allocation root ${abs} does not exist`, { hint: 'check the path; lockstep allocate ROOT NAME creates it' });
    }
    let real;
    try {
        if (!(0,external_node_fs_.statSync)(abs).isDirectory())
            throw new errors/* LockstepError */.Cj('BAD_INPUT', `the allocation root ${abs} is not a directory`);
        real = (0,external_node_fs_.realpathSync)(abs);
    }
    catch (e) {
        if (e instanceof errors/* LockstepError */.Cj)
            throw e;
        throw (0,errors/* fsError */.yi)(e, 'open allocation root', abs);
    }
    const entries = (0,scan/* scanAllocations */.pn)(real);
    const byNumber = new Map();
    for (const e of entries) {
        const list = byNumber.get(e.number);
        if (list)
            list.push(e.entry);
        else
            byNumber.set(e.number, [e.entry]);
    }
    const duplicates = [];
    for (const [number, names] of byNumber)
        if (names.length > 1)
            duplicates.push({ number, entries: names });
    const highest = entries.length ? entries[entries.length - 1].number : 0;
    const gaps = [];
    let expect = 1;
    for (const n of [...byNumber.keys()].sort((a, b) => a - b)) {
        if (n > expect)
            gaps.push({ from: expect, to: n - 1 });
        expect = Math.max(expect, n + 1);
    }
    const target = (0,lock_target/* allocationLockFor */.bk)(real);
    const st = (0,lock/* lockStatus */.oj)({ runtime: target.runtime, name: target.name });
    const leftoverLock = st.state === 'free'
        ? null
        : { name: st.name, state: st.state, token: st.token, pid: st.holder?.pid ?? null, since: st.holder?.acquiredAt ?? null, reason: st.staleReason, path: st.path };
    return {
        ok: duplicates.length === 0 && leftoverLock === null,
        root: abs,
        entries,
        highest,
        duplicates,
        gaps,
        leftoverLock,
        lock: { name: target.name, path: st.path },
    };
}

// EXTERNAL MODULE: ./src/remote/backend.ts
var remote_backend = __webpack_require__(7590);
// EXTERNAL MODULE: ./src/cli/context.ts
var context = __webpack_require__(5217);
// EXTERNAL MODULE: ./src/cli/output.ts
var output = __webpack_require__(6657);
;// CONCATENATED MODULE: ./src/cli/commands/allocate.ts






function describeVerify(r) {
    const lines = [`${r.root}: ${r.entries.length} numbered ${r.entries.length === 1 ? 'entry' : 'entries'}, highest ${r.highest}`];
    if (r.duplicates.length === 0)
        lines.push('  duplicates: none');
    else {
        lines.push(`  duplicates: ${r.duplicates.length} ${r.duplicates.length === 1 ? 'number' : 'numbers'} used more than once`);
        for (const d of r.duplicates)
            lines.push(`    ${d.number}: ${d.entries.join(', ')}`);
    }
    lines.push(`  gaps: ${r.gaps.length === 0 ? 'none' : r.gaps.map((g) => (g.from === g.to ? String(g.from) : `${g.from}-${g.to}`)).join(', ')}`);
    if (!r.leftoverLock)
        lines.push(`  lock: free (${r.lock.name})`);
    else {
        const l = r.leftoverLock;
        lines.push(`  lock: ${l.state.toUpperCase()} (${l.name}, token ${l.token}${l.pid ? `, pid ${l.pid}` : ''}${l.since ? ` since ${l.since}` : ''}${l.reason ? `: ${l.reason}` : ''})`);
    }
    lines.push(r.ok ? 'ok' : 'FAILED');
    return lines;
}
function registerAllocate(program) {
    program
        .command('allocate')
        .argument('<root>', 'directory that holds the numbered entries (created if missing)')
        .argument('[name]', 'topic name, sanitized to [a-z0-9_]')
        .option('--width <digits>', 'minimum digits of the number; larger numbers widen', String(allocate/* DEFAULT_WIDTH */.jz))
        .option('--timeout <seconds>', "give up waiting for the root's lock after this many seconds (exit 3)", '60')
        .option('--verify', 'check ROOT instead: no duplicate numbers, no leftover lock; list gaps (exit 1 when a check fails)')
        .option('--json', 'machine-readable output (allocation prints the same one-line JSON either way)')
        .option('--backend <backend>', remote_backend/* BACKEND_HELP */.Vh)
        .description('create ROOT/<next number>_<name> atomically and print {"topic_number","topic_path"}')
        .action(async (root, name, o, cmd) => {
        const { cwd } = (0,context/* globals */.z)(cmd);
        if (o.verify) {
            if (name !== undefined)
                throw new errors/* LockstepError */.Cj('BAD_INPUT', '--verify takes only ROOT, not a name', { hint: 'lockstep allocate --verify ROOT' });
            const r = verifyAllocations({ root, cwd });
            if (o.json)
                (0,output/* printJson */.Q2)(r);
            else
                for (const l of describeVerify(r))
                    (0,output/* printLine */.wi)(l);
            if (!r.ok)
                process.exitCode = 1;
            return;
        }
        if (name === undefined)
            throw new errors/* LockstepError */.Cj('BAD_INPUT', 'missing topic name', { hint: 'lockstep allocate ROOT NAME, e.g. lockstep allocate specs "auth flow"' });
        const width = (0,output/* parsePositiveInt */.EJ)(o.width, '--width', { min: 1, max: allocate/* MAX_WIDTH */.g_ });
        const timeoutMs = (0,output/* parseSeconds */.fL)(o.timeout, '--timeout');
        const backend = (0,remote_backend/* selectBackend */.H_)({ cwd, flag: o.backend });
        const a = backend.kind === 'remote'
            ? await (await Promise.all(/* import() */[__webpack_require__.e(366), __webpack_require__.e(207)]).then(__webpack_require__.bind(__webpack_require__, 4207))).allocateRemote({ root, name, cwd, width, timeoutMs, remote: backend.remote })
            : await (0,allocate/* allocate */.CN)({ root, name, cwd, width, timeoutMs, onWait: (0,output/* waitReporter */.ZU)() });
        // One line, the field names of the shell function this replaces, so its callers keep working.
        (0,output/* printLine */.wi)(JSON.stringify({ topic_number: a.topicNumber, topic_path: a.topicPath }));
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
