export const id = 719;
export const ids = [719];
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
// EXTERNAL MODULE: ./src/core/files.ts
var files = __webpack_require__(9928);
// EXTERNAL MODULE: ./src/alloc/scan.ts
var scan = __webpack_require__(6300);
;// CONCATENATED MODULE: ./src/alloc/highest-hint.ts
/**
 * The highest number of a root, remembered between allocations so that a
 * large root is not re-read on every one.
 *
 * Reading a root of 1,000 entries costs more than everything else an
 * allocation does under its lock, and the lock serialises that cost across
 * every waiting process. So after its mkdir each allocation records the
 * number it created together with the root directory's identity and change
 * times (device, inode, mtime, ctime, link count — any entry added, removed or
 * renamed changes them); the next one, under the same lock, reuses the number
 * only if the directory is provably unchanged since, and scans otherwise.
 *
 * The hint is deleted before the mkdir and rewritten after it, so a process
 * that dies in between leaves no hint (the next allocation scans) rather than
 * a stale one. Only lock holders write it. A tool that creates entries
 * without taking the lock can produce duplicates with or without the hint;
 * `allocate --verify` reports those.
 */




function hintPath(runtimeRoot, lockName) {
    return (0,external_node_path_.join)(runtimeRoot, 'alloc', `${lockName}.json`);
}
function identity(st) {
    return { dev: String(st.dev), ino: String(st.ino), mtimeNs: String(st.mtimeNs), ctimeNs: String(st.ctimeNs), nlink: String(st.nlink) };
}
function readHint(file) {
    try {
        const h = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
        return h && h.v === 1 && Number.isSafeInteger(h.highest) && h.highest >= 0 ? h : null;
    }
    catch {
        return null; // missing or unreadable: scan
    }
}
/** The highest number in `realRoot`: from the hint when the directory is unchanged since it was written, else by scanning. */
function highestWithHint(realRoot, file) {
    const h = readHint(file);
    if (h) {
        const now = identity((0,external_node_fs_.statSync)(realRoot, { bigint: true }));
        if (now.dev === h.dev && now.ino === h.ino && now.mtimeNs === h.mtimeNs && now.ctimeNs === h.ctimeNs && now.nlink === h.nlink) {
            return { highest: h.highest, fromHint: true };
        }
    }
    return { highest: (0,scan/* highestNumber */.M_)(realRoot), fromHint: false };
}
/** Called under the lock before the mkdir. */
function forgetHighest(file) {
    (0,files/* unlinkQuiet */._f)(file);
}
const madeDirs = new Set();
/** Called under the lock after the mkdir. A failure only costs the next allocation a scan. */
function rememberHighest(realRoot, file, highest) {
    try {
        const dir = (0,external_node_path_.join)(file, '..');
        if (!madeDirs.has(dir)) {
            (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
            madeDirs.add(dir);
        }
        const hint = { v: 1, highest, ...identity((0,external_node_fs_.statSync)(realRoot, { bigint: true })) };
        (0,files/* writeFileAtomic */.Zf)(file, JSON.stringify(hint));
    }
    catch {
        forgetHighest(file);
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
    try {
        // A name can only be taken under our feet by something that does not use
        // this lock (a person, another tool); then we simply look again.
        const hint = hintPath(target.runtime.root, target.name);
        for (let attempt = 0;; attempt++) {
            number = (attempt === 0 ? highestWithHint(real, hint).highest : (0,scan/* highestNumber */.M_)(real)) + 1;
            if (!Number.isSafeInteger(number))
                throw new errors/* LockstepError */.Cj('ENVIRONMENT', `no number left after ${number - 1} in ${abs}`);
            entry = `${(0,scan/* formatNumber */.ZV)(number, width)}_${name}`;
            forgetHighest(hint);
            if (makeEntry((0,external_node_path_.join)(real, entry)))
                break;
            if (attempt >= 100)
                throw new errors/* LockstepError */.Cj('CONFLICT', `${(0,external_node_path_.join)(abs, entry)} keeps appearing while allocating: something outside lockstep is creating entries in ${abs}`);
        }
        rememberHighest(real, hint, number);
    }
    finally {
        (0,lock/* releaseLock */.x_)(handle);
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
/* unused harmony exports checkoutCommonDir, allocationLockName */
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



function isDir(p) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(p).isDirectory();
    }
    catch {
        return false;
    }
}
function isFile(p) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(p).isFile();
    }
    catch {
        return false;
    }
}
function readCommonDir(gitDir) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(gitDir, 'commondir');
    if (!isFile(file))
        return gitDir;
    try {
        const rel = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(file, 'utf8').trim();
        return rel ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(gitDir, rel) : gitDir;
    }
    catch {
        return gitDir;
    }
}
/** The git dir that `.git` at `dotGit` stands for, or null when it is not one. */
function gitDirOf(dotGit) {
    if (isDir(dotGit))
        return isFile((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dotGit, 'HEAD')) ? dotGit : null;
    if (!isFile(dotGit))
        return null;
    try {
        const m = /^gitdir:\s*(.+?)\s*$/m.exec((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(dotGit, 'utf8'));
        if (!m)
            return null;
        const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dotGit), m[1]);
        return isDir(dir) ? dir : null;
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
    const name = allocationLockName(realRoot);
    const commonDir = checkoutCommonDir(realRoot);
    const root = commonDir ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(commonDir, 'lockstep') : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(realRoot, '.lockstep');
    return { runtime: { root, repo: null }, name, commonDir };
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

/***/ 7976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerRemote: () => (/* binding */ registerRemote),
  remoteLockAcquireCommand: () => (/* binding */ remoteLockAcquireCommand),
  remoteLockBreakCommand: () => (/* binding */ remoteLockBreakCommand),
  remoteLockReleaseCommand: () => (/* binding */ remoteLockReleaseCommand),
  remoteLockRenewCommand: () => (/* binding */ remoteLockRenewCommand),
  remoteLockStatusCommand: () => (/* binding */ remoteLockStatusCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/remote/alloc.ts
var alloc = __webpack_require__(4207);
// EXTERNAL MODULE: ./src/remote/backend.ts
var backend = __webpack_require__(7590);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/core/process.ts
var core_process = __webpack_require__(9978);
// EXTERNAL MODULE: ./src/remote/observations.ts
var observations = __webpack_require__(3875);
// EXTERNAL MODULE: ./src/remote/refs.ts
var remote_refs = __webpack_require__(1994);
// EXTERNAL MODULE: ./src/remote/transport.ts + 1 modules
var transport = __webpack_require__(1124);
;// CONCATENATED MODULE: ./src/remote/check.ts
/**
 * `lockstep remote check`: proves, with a throw-away ref, that the remote can
 * coordinate — it is reachable, accepts refs/lockstep/*, rejects a second
 * creation of the same ref (compare-and-swap works on the server), shows the
 * ref to readers (not hidden from ls-remote), and deletes it again.
 */






async function checkRemote(opts = {}) {
    const ctx = (0,transport/* openRemote */.d3)(opts);
    const steps = [];
    const timed = async (step, fn) => {
        const t = (0,observations/* monoNowMs */._t)();
        const v = await fn();
        steps.push({ step, ms: (0,observations/* monoNowMs */._t)() - t });
        return v;
    };
    const ref = `${remote_refs/* REF_ROOT */.Dw}probe/${(0,core_process/* hostId */.My)().replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 40) || 'host'}-${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
    await timed('list refs/lockstep/* (ls-remote)', () => (0,transport/* listRemoteRefs */.R8)(ctx, [`${remote_refs/* REF_ROOT */.Dw}*`], 'list lockstep refs'));
    const a = await (0,transport/* writeRecord */.rh)(ctx, { kind: 'probe', host: (0,core_process/* hostId */.My)(), at: new Date().toISOString(), n: 1 });
    const b = await (0,transport/* writeRecord */.rh)(ctx, { kind: 'probe', host: (0,core_process/* hostId */.My)(), at: new Date().toISOString(), n: 2 });
    const created = await timed('create a probe ref (atomic push, expected absent)', () => (0,transport/* pushUpdates */.BI)(ctx, [{ ref, newOid: a, expectOid: null }], 'create a probe ref'));
    if (!created.ok)
        throw new errors/* LockstepError */.Cj('REMOTE_REFUSED', `the remote ${ctx.remote} rejected the creation of a new probe ref ${ref}: ${created.conflict.join('; ')}`);
    try {
        const again = await timed('create it again (must be rejected)', () => (0,transport/* pushUpdates */.BI)(ctx, [{ ref, newOid: b, expectOid: null }], 'create the probe ref again'));
        if (again.ok) {
            throw new errors/* LockstepError */.Cj('REMOTE_REFUSED', `the remote ${ctx.remote} let a second push create ${ref} although it existed: it does not compare-and-swap refs, so it cannot coordinate`, {
                hint: 'use a git server that honours expected old values in pushes (any stock git since 2.4), or --backend file',
            });
        }
        const seen = await timed('see it from ls-remote', () => (0,transport/* listRemoteRefs */.R8)(ctx, [ref], 'read the probe ref'));
        if (seen.get(ref) !== a) {
            throw new errors/* LockstepError */.Cj('REMOTE_REFUSED', `the remote ${ctx.remote} accepts refs/lockstep/* but hides them from readers (ls-remote does not show ${ref}): check uploadpack.hideRefs / transfer.hideRefs on the server`, {
                hint: 'unhide refs/lockstep on the server, or use --backend file',
            });
        }
    }
    finally {
        await (0,transport/* pushUpdates */.BI)(ctx, [{ ref, newOid: null, expectOid: a }], 'delete the probe ref').catch(() => undefined);
    }
    return { ok: true, remote: ctx.remote, url: ctx.url, steps };
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/core/events.ts
var events = __webpack_require__(7842);
// EXTERNAL MODULE: ./src/queue/names.ts
var names = __webpack_require__(8579);
// EXTERNAL MODULE: ./src/queue/queue.ts
var queue_queue = __webpack_require__(4752);
;// CONCATENATED MODULE: ./src/remote/claims.ts
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
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `invalid lease ${leaseMs} ms: it must be > 0`);
    const ident = (0,core_process/* identityOf */.cu)(o.ownerPid ?? process.pid);
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
        nonce: (0,external_node_crypto_.randomBytes)(8).toString('hex'),
        attempt,
        leaseMs,
        at: new Date().toISOString(),
    };
}
function isClaimRecord(r) {
    return typeof r === 'object' && r !== null && r.kind === 'claim' && typeof r.state === 'string';
}
/** One compare-and-swap of the item's ref to a fresh claim; null when another claimer won. */
async function tryClaim(ctx, o, queue, item, expectOid, attempt) {
    const record = newRecord(o, queue, item, attempt);
    const oid = await (0,transport/* writeRecord */.rh)(ctx, record);
    const sentMono = (0,observations/* monoNowMs */._t)();
    const ref = (0,remote_refs/* claimRef */.Qz)(queue, item);
    const r = await (0,transport/* pushUpdates */.BI)(ctx, [{ ref, newOid: oid, expectOid }], `claim ${queue}/${item}`);
    if (!r.ok)
        return null;
    (0,events/* appendEvent */.Zn)(ctx.runtime.root, 'claim', { backend: 'remote', remote: ctx.remote, queue, item, agent: o.agent, generation: attempt });
    return { backend: 'remote', remote: ctx.remote, cwd: ctx.git.cwd, queue, item, agent: o.agent, generation: attempt, ref, oid, record, leaseEndsMono: sentMono + record.leaseMs };
}
/** Claims one named item. Null when it is already claimed or finished. */
async function claimItemRemote(opts) {
    const queue = (0,names/* validateQueueName */.vL)(opts.queue ?? names/* DEFAULT_QUEUE */.iD);
    const item = (0,names/* validateItemId */.xs)(opts.item);
    (0,names/* validateAgentId */.zr)(opts.agent);
    const ctx = (0,transport/* openRemote */.d3)(opts);
    const refs = await (0,transport/* listRemoteRefs */.R8)(ctx, [(0,remote_refs/* claimRef */.Qz)(queue, item)], `read the claim of ${queue}/${item}`);
    const oid = refs.get((0,remote_refs/* claimRef */.Qz)(queue, item)) ?? null;
    if (oid === null)
        return tryClaim(ctx, opts, queue, item, null, 1);
    const rec = (await (0,transport/* readRecords */.T3)(ctx, [oid], [(0,remote_refs/* claimRef */.Qz)(queue, item)])).get(oid);
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
    const queue = (0,names/* validateQueueName */.vL)(opts.queue ?? names/* DEFAULT_QUEUE */.iD);
    (0,names/* validateAgentId */.zr)(opts.agent);
    const ctx = (0,transport/* openRemote */.d3)(opts);
    const items = (opts.items ?? queuedItems(opts.cwd, queue)).map(names/* validateItemId */.xs);
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
            await (0,promises_.setTimeout)(Math.random() * 20);
            continue; // our view was old: look again
        }
        if (!fresh)
            continue;
        takenCache.delete(key);
        const wanted = new Set(items);
        const oids = [...present].filter(([i]) => wanted.has(i));
        const records = await (0,transport/* readRecords */.T3)(ctx, oids.map(([, oid]) => oid));
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
    throw new errors/* LockstepError */.Cj('CONFLICT', `could not claim an item of ${queue}: lost 1000 rounds of races`, { hint: 'retry; if it persists, too many claimers share too few items' });
}
/** The ids of this clone's file-backend queue, in its claim order (priority, then age). */
function queuedItems(cwd, queue) {
    return [...(0,queue_queue/* listItems */.Dw)({ cwd, queue })].sort((a, b) => b.priority - a.priority || (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : a.id < b.id ? -1 : 1)).map((i) => i.id);
}
const takenCache = new Map();
async function listClaims(ctx, queue) {
    const refs = await (0,transport/* listRemoteRefs */.R8)(ctx, [`${(0,remote_refs/* claimPrefix */.Pq)(queue)}*`], `list the claims of ${queue}`);
    const out = new Map();
    for (const [ref, oid] of refs)
        if (ref.startsWith((0,remote_refs/* claimPrefix */.Pq)(queue)))
            out.set(ref.slice((0,remote_refs/* claimPrefix */.Pq)(queue).length), oid);
    return out;
}
function claimLost(ctx, claim, what) {
    (0,events/* appendEvent */.Zn)(ctx.runtime.root, 'claim_lost', { backend: 'remote', remote: ctx.remote, queue: claim.queue, item: claim.item, agent: claim.agent, generation: claim.generation, what });
    return new errors/* LockstepError */.Cj('CONFLICT', `refused to ${what} ${claim.queue}/${claim.item}: the claim of agent ${claim.agent} (generation ${claim.generation}) is no longer current — its lease ran out and it was reclaimed`, {
        hint: `see the item now: lockstep remote claims ${claim.queue} --remote ${ctx.remote}`,
        detail: { queue: claim.queue, item: claim.item, agent: claim.agent, generation: claim.generation },
    });
}
async function finish(claim, state, what, reason) {
    const ctx = (0,transport/* openRemote */.d3)({ cwd: claim.cwd, remote: claim.remote });
    const next = { ...claim.record, state, nonce: (0,external_node_crypto_.randomBytes)(8).toString('hex'), at: new Date().toISOString(), ...(reason ? { reason } : {}) };
    const oid = await (0,transport/* writeRecord */.rh)(ctx, next);
    const sentMono = (0,observations/* monoNowMs */._t)();
    const r = await (0,transport/* pushUpdates */.BI)(ctx, [{ ref: claim.ref, newOid: oid, expectOid: claim.oid }], `${what} ${claim.queue}/${claim.item}`);
    if (!r.ok)
        throw claimLost(ctx, claim, what);
    (0,events/* appendEvent */.Zn)(ctx.runtime.root, what === 'renew' ? 'claim_renew' : `claim_${state}`, { backend: 'remote', remote: ctx.remote, queue: claim.queue, item: claim.item, agent: claim.agent, generation: claim.generation });
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
    const queue = (0,names/* validateQueueName */.vL)(opts.queue ?? names/* DEFAULT_QUEUE */.iD);
    const item = (0,names/* validateItemId */.xs)(opts.item);
    (0,names/* validateAgentId */.zr)(opts.agent);
    const ctx = (0,transport/* openRemote */.d3)(opts);
    const ref = (0,remote_refs/* claimRef */.Qz)(queue, item);
    const oid = (await (0,transport/* listRemoteRefs */.R8)(ctx, [ref], `read the claim of ${queue}/${item}`)).get(ref) ?? null;
    const rec = oid ? (await (0,transport/* readRecords */.T3)(ctx, [oid], [ref])).get(oid) : null;
    if (!oid || !isClaimRecord(rec) || rec.state !== 'claimed' || rec.agent !== opts.agent || (opts.generation !== undefined && rec.attempt !== opts.generation)) {
        const now = isClaimRecord(rec) ? `it is ${rec.state}${rec.agent ? ` by agent ${rec.agent}` : ''} (generation ${rec.attempt})` : 'nobody has claimed it';
        throw new errors/* LockstepError */.Cj('CONFLICT', `agent ${opts.agent} does not hold a current claim on ${queue}/${item}${opts.generation !== undefined ? ` with generation ${opts.generation}` : ''}: ${now}`, {
            hint: `see the items: lockstep remote claims ${queue} --remote ${ctx.remote}`,
            detail: { queue, item, agent: opts.agent, current: rec ?? null },
        });
    }
    return { backend: 'remote', remote: ctx.remote, cwd: ctx.git.cwd, queue, item, agent: opts.agent, generation: rec.attempt, ref, oid, record: rec, leaseEndsMono: (0,observations/* monoNowMs */._t)() };
}
/** Every claim of `queue` on the remote. */
async function listClaimsRemote(opts) {
    const queue = (0,names/* validateQueueName */.vL)(opts.queue ?? names/* DEFAULT_QUEUE */.iD);
    const ctx = (0,transport/* openRemote */.d3)(opts);
    const present = await listClaims(ctx, queue);
    const records = await (0,transport/* readRecords */.T3)(ctx, [...present.values()]);
    const observer = new observations/* Observer */.nu(ctx);
    return [...present]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([item, oid]) => {
        const r = records.get(oid);
        if (!isClaimRecord(r))
            return { item, state: 'unknown', agent: null, host: null, generation: 0, expired: false, expiresInMs: null };
        const j = r.state === 'claimed' ? (0,observations/* judgeLease */.Qs)(r, observer.firstSeen((0,remote_refs/* claimRef */.Qz)(queue, item), oid)) : null;
        return { item, state: r.state, agent: r.agent, host: r.host, generation: r.attempt, expired: j?.expired ?? false, expiresInMs: j ? (j.expired ? 0 : j.remainingMs) : null };
    });
}
/**
 * Hands items whose claimer's lease ran out (by this machine's count, see
 * observations.ts) back to the queue, or fails them after `maxAttempts`.
 */
async function reclaimRemote(opts) {
    const queue = (0,names/* validateQueueName */.vL)(opts.queue ?? names/* DEFAULT_QUEUE */.iD);
    const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    const ctx = (0,transport/* openRemote */.d3)(opts);
    const present = await listClaims(ctx, queue);
    const records = await (0,transport/* readRecords */.T3)(ctx, [...present.values()]);
    const observer = new observations/* Observer */.nu(ctx);
    const out = { reclaimed: [], failed: [], waiting: [] };
    for (const [item, oid] of present) {
        const r = records.get(oid);
        if (!isClaimRecord(r) || r.state !== 'claimed')
            continue;
        const j = (0,observations/* judgeLease */.Qs)(r, observer.firstSeen((0,remote_refs/* claimRef */.Qz)(queue, item), oid));
        if (!j.expired) {
            out.waiting.push({ item, agent: r.agent, host: r.host, expiresInMs: j.remainingMs });
            continue;
        }
        const state = r.attempt >= maxAttempts ? 'failed' : 'reclaimed';
        const entry = { item, agent: r.agent, host: r.host, generation: r.attempt, reason: j.reason };
        if (!opts.dryRun) {
            const next = { ...r, state, nonce: (0,external_node_crypto_.randomBytes)(8).toString('hex'), at: new Date().toISOString(), reason: `${state} by host ${(0,core_process/* hostId */.My)()}: ${j.reason}` };
            const newOid = await (0,transport/* writeRecord */.rh)(ctx, next);
            const p = await (0,transport/* pushUpdates */.BI)(ctx, [{ ref: (0,remote_refs/* claimRef */.Qz)(queue, item), newOid, expectOid: oid }], `reclaim ${queue}/${item}`);
            if (!p.ok)
                continue; // renewed or finished meanwhile: not ours to reclaim
            (0,events/* appendEvent */.Zn)(ctx.runtime.root, 'reclaim', { backend: 'remote', remote: ctx.remote, queue, item, agent: r.agent, generation: r.attempt, state });
        }
        (state === 'failed' ? out.failed : out.reclaimed).push(entry);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/remote/gc.ts
/**
 * `lockstep remote gc`: removes the refs under refs/lockstep/ on the remote
 * that nothing needs any more.
 *
 *   locks   a lock ref whose lease ran out, as counted on this machine (see
 *           observations.ts: a first run notes what it sees, a run after the
 *           lease removes it; `waitMs` does both in one run). Fence refs are
 *           never removed: they keep tokens rising.
 *   claims  a claim whose lease ran out is reclaimed (the item becomes
 *           claimable again, attempt count kept; failed after the maximum).
 *           Done and failed claims stay: they stop other machines from
 *           claiming a finished item again. `dropQueues` removes every claim
 *           of a queue that is finished for good.
 *   alloc   every per-number ref except the newest of its root: the root's
 *           head ref is the counter (never removed) and the newest number
 *           guards it (see alloc.ts); the numbers below are history.
 *
 * Every removal is a compare-and-swap on the id gc judged, so a renewal, a
 * completion or an allocation that lands meanwhile wins and is kept.
 */






const LOCK = /^refs\/lockstep\/locks\/([^/]+)$/;
const CLAIM = /^refs\/lockstep\/claims\/([^/]+)\/([^/]+)$/;
const ALLOC = /^refs\/lockstep\/alloc\/([0-9a-f]+)\/(head|\d+)$/;
async function remoteGc(opts = {}) {
    const ctx = (0,transport/* openRemote */.d3)(opts);
    const deadline = (0,observations/* monoNowMs */._t)() + (opts.waitMs ?? 0);
    const drop = (opts.dropQueues ?? []).map(names/* validateQueueName */.vL);
    const observer = new observations/* Observer */.nu(ctx);
    const total = {
        remote: ctx.remote,
        dryRun: Boolean(opts.dryRun),
        locks: { removed: [], waiting: [] },
        claims: { reclaimed: [], failed: [], waiting: [], dropped: [] },
        alloc: [],
        skipped: [],
    };
    for (let pass = 0;; pass++) {
        const r = await gcPass(ctx, observer, opts, pass === 0 ? drop : []);
        total.locks.removed.push(...r.locks.removed);
        total.locks.waiting = r.locks.waiting;
        total.claims.reclaimed.push(...r.claims.reclaimed);
        total.claims.failed.push(...r.claims.failed);
        total.claims.waiting = r.claims.waiting;
        total.claims.dropped.push(...r.claims.dropped);
        total.skipped.push(...r.skipped);
        if (pass === 0)
            total.alloc = r.alloc;
        const soonest = Math.min(...r.locks.waiting.map((w) => w.expiresInMs), ...r.claims.waiting.map((w) => w.expiresInMs));
        const left = deadline - (0,observations/* monoNowMs */._t)();
        if (!Number.isFinite(soonest) || soonest > left || opts.dryRun)
            break;
        await (0,promises_.setTimeout)(Math.max(10, soonest + 20));
    }
    (0,events/* appendEvent */.Zn)(ctx.runtime.root, 'remote_gc', {
        remote: ctx.remote,
        dryRun: total.dryRun,
        locks: total.locks.removed.length,
        reclaimed: total.claims.reclaimed.length,
        alloc: total.alloc.reduce((n, a) => n + a.removed.length, 0),
    });
    return total;
}
async function gcPass(ctx, observer, opts, drop) {
    const refs = await (0,transport/* listRemoteRefs */.R8)(ctx, ['refs/lockstep/*'], 'list lockstep refs');
    const out = { remote: ctx.remote, dryRun: Boolean(opts.dryRun), locks: { removed: [], waiting: [] }, claims: { reclaimed: [], failed: [], waiting: [], dropped: [] }, alloc: [], skipped: [] };
    const deletions = [];
    // Locks.
    const lockRefs = [...refs].filter(([ref]) => LOCK.test(ref));
    const lockRecords = await (0,transport/* readRecords */.T3)(ctx, lockRefs.map(([, oid]) => oid));
    for (const [ref, oid] of lockRefs) {
        const name = LOCK.exec(ref)[1];
        const rec = lockRecords.get(oid) ?? null;
        const holder = rec && rec.backend === 'remote' ? rec : null;
        const j = (0,observations/* judgeLease */.Qs)(holder, observer.firstSeen(ref, oid));
        if (!j.expired) {
            out.locks.waiting.push({ name, token: holder?.token ?? 0, host: holder?.host ?? null, expiresInMs: j.remainingMs });
            continue;
        }
        const entry = { name, token: holder?.token ?? 0, host: holder?.host ?? null, reason: j.reason };
        deletions.push({ ref, newOid: null, expectOid: oid, done: () => out.locks.removed.push(entry) });
    }
    // Claims: reclaim expired ones queue by queue; drop finished queues.
    const queues = new Set();
    for (const ref of refs.keys()) {
        const m = CLAIM.exec(ref);
        if (m)
            queues.add(m[1]);
    }
    for (const queue of queues) {
        if (drop.includes(queue)) {
            const mine = [...refs].filter(([ref]) => CLAIM.exec(ref)?.[1] === queue);
            const dropped = { queue, refs: 0 };
            out.claims.dropped.push(dropped);
            for (const [ref, oid] of mine)
                deletions.push({ ref, newOid: null, expectOid: oid, done: () => dropped.refs++ });
            continue;
        }
        const r = await reclaimRemote({ cwd: ctx.git.cwd, remote: ctx.remote, networkTimeoutMs: ctx.networkTimeoutMs, queue, maxAttempts: opts.maxAttempts, dryRun: opts.dryRun });
        out.claims.reclaimed.push(...r.reclaimed);
        out.claims.failed.push(...r.failed);
        out.claims.waiting.push(...r.waiting);
    }
    // Allocation: keep the head and the number it names; the rest is history.
    const roots = new Map();
    for (const [ref, oid] of refs) {
        const m = ALLOC.exec(ref);
        if (!m)
            continue;
        const root = roots.get(m[1]) ?? { head: null, numbers: [] };
        if (m[2] === 'head')
            root.head = oid;
        else
            root.numbers.push([Number(m[2]), ref, oid]);
        roots.set(m[1], root);
    }
    for (const [root, { head, numbers }] of roots) {
        if (head === null)
            continue; // not written by this version of lockstep: leave it alone
        // The newest number moved the head in the same push; everything below it is history.
        const kept = numbers.length ? Math.max(...numbers.map(([n]) => n)) : null;
        const a = { root, kept, removed: [] };
        for (const [n, ref, oid] of numbers) {
            if (n === kept)
                continue;
            deletions.push({ ref, newOid: null, expectOid: oid, done: () => a.removed.push(n) });
        }
        out.alloc.push(a);
    }
    if (opts.dryRun) {
        for (const d of deletions)
            d.done();
        return out;
    }
    // Non-atomic: each removal stands or falls on its own compare-and-swap.
    for (let i = 0; i < deletions.length; i += 200) {
        const batch = deletions.slice(i, i + 200);
        const r = await (0,transport/* pushUpdates */.BI)(ctx, batch, 'remove expired lockstep refs', { atomic: false });
        const lost = new Set(r.ok ? [] : r.conflict.map((c) => c.split(' ')[0]));
        for (const d of batch) {
            if (lost.has(d.ref))
                out.skipped.push(d.ref);
            else
                d.done();
        }
    }
    return out;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/files.ts
var files = __webpack_require__(9928);
// EXTERNAL MODULE: ./src/core/lock.ts
var lock = __webpack_require__(6336);
;// CONCATENATED MODULE: ./src/remote/lock.ts
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











const SCHEMA = 1;
// --- small pieces -----------------------------------------------------------------
/** Tokens of records this process has read or written, by object id. */
const knownTokens = new Map();
function fenceCacheFile(ctx, name) {
    return (0,external_node_path_.join)(ctx.runtime.root, 'remote', ctx.remote, 'fence', `${name}.json`);
}
function readFenceCache(ctx, name) {
    try {
        const c = (0,files/* readJsonFile */.JE)(fenceCacheFile(ctx, name), 'fence cache');
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
        (0,files/* ensureDir */.A0)((0,external_node_path_.join)(ctx.runtime.root, 'remote', ctx.remote, 'fence'));
        (0,files/* writeFileAtomic */.Zf)(fenceCacheFile(ctx, name), JSON.stringify(c));
    }
    catch {
        /* the cache only saves a round trip */
    }
}
async function readView(ctx, name) {
    const refs = await (0,transport/* listRemoteRefs */.R8)(ctx, [(0,remote_refs/* lockRef */.NN)(name), (0,remote_refs/* fenceRef */.Xo)(name)], `read the ${name} lock`);
    return { lockOid: refs.get((0,remote_refs/* lockRef */.NN)(name)) ?? null, fenceOid: refs.get((0,remote_refs/* fenceRef */.Xo)(name)) ?? null };
}
async function readRecord(ctx, oid, ref) {
    const m = await (0,transport/* readRecords */.T3)(ctx, [oid], [ref]);
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
    const rec = await readRecord(ctx, fenceOid, (0,remote_refs/* fenceRef */.Xo)(name));
    if (!rec) {
        throw new errors/* LockstepError */.Cj('CORRUPT_STATE', `the fencing counter ${(0,remote_refs/* fenceRef */.Xo)(name)} on the remote ${ctx.remote} points to ${fenceOid}, which is not a lockstep lock record`, {
            hint: `something other than lockstep wrote that ref; inspect it (git fetch ${ctx.remote} ${(0,remote_refs/* fenceRef */.Xo)(name)} && git cat-file -p FETCH_HEAD) and contact whoever wrote it`,
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
    for (const part of (env[lock/* TOKEN_ENV */.o4] ?? '').split(',')) {
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
        ref: (0,remote_refs/* lockRef */.NN)(name),
        oid,
        root: ctx.runtime.root,
        cwd: ctx.git.cwd,
        acquiredAtMs: record.acquiredAtMs,
        waitedMs: 0,
        tookOver: null,
        record,
        leaseEndsMono: (0,observations/* monoNowMs */._t)() + record.leaseMs,
        ...extra,
    };
}
// --- acquire ------------------------------------------------------------------------
/**
 * Acquires the named lock on the remote, waiting up to `timeoutMs`. Throws
 * LOCK_TIMEOUT (naming the holder), REMOTE_UNREACHABLE or REMOTE_REFUSED.
 */
async function acquireRemoteLock(opts = {}) {
    const name = (0,remote_refs/* validateRemoteLockName */.Pv)(opts.name ?? lock/* DEFAULT_LOCK */.sR);
    const timeoutMs = opts.timeoutMs ?? lock/* DEFAULT_TIMEOUT_MS */.t1;
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0)
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `invalid lock timeout ${timeoutMs}`);
    const leaseMs = opts.leaseMs ?? lock/* DEFAULT_LEASE_MS */.sV;
    if (!Number.isFinite(leaseMs) || leaseMs <= 0)
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `invalid lease ${leaseMs}: the remote backend needs a lease > 0`);
    const ctx = (0,transport/* openRemote */.d3)(opts);
    const env = opts.env ?? process.env;
    const ref = (0,remote_refs/* lockRef */.NN)(name);
    if (opts.reentrant !== false) {
        const inherited = parseTokenEnv(env).get(name);
        if (inherited !== undefined) {
            const v = await readView(ctx, name);
            const rec = v.lockOid ? await readRecord(ctx, v.lockOid, ref) : null;
            if (v.lockOid && rec && rec.token === inherited)
                return handleFrom(ctx, name, v.lockOid, rec, { reentrant: true });
        }
    }
    const ownerPid = opts.ownerPid ?? process.pid;
    const ident = (0,core_process/* identityOf */.cu)(ownerPid);
    if (ident.pidStart === null && ownerPid !== process.pid)
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `owner pid ${ownerPid} is not a running process`);
    const base = {
        v: SCHEMA,
        backend: 'remote',
        lock: name,
        state: 'held',
        pid: ownerPid,
        pidStart: ident.pidStart,
        bootId: ident.bootId,
        host: ident.host,
        uid: ident.uid,
        task: opts.task ?? null,
        agent: opts.agent ?? null,
        cwd: opts.cwd ?? process.cwd(),
        command: opts.command ?? process.argv.slice(1).join(' ').slice(0, 500),
        leaseMs,
    };
    const observer = new observations/* Observer */.nu(ctx);
    const started = Date.now();
    const startedMono = (0,observations/* monoNowMs */._t)();
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
            throw new errors/* LockstepError */.Cj('LOCK_TIMEOUT', `gave up waiting for the ${name} lock (aborted)`);
        if (!view)
            view = await readView(ctx, name);
        let takeOver = null;
        let waitMs = 0;
        if (view.lockOid !== null) {
            const rec = await readRecord(ctx, view.lockOid, ref);
            lastHolder = rec;
            lastToken = rec?.token ?? lastToken;
            const j = (0,observations/* judgeLease */.Qs)(rec, observer.firstSeen(ref, view.lockOid));
            if (j.expired)
                takeOver = { oid: view.lockOid, rec, reason: j.reason };
            else
                waitMs = j.remainingMs;
        }
        if (view.lockOid === null || takeOver) {
            const prev = await fenceToken(ctx, name, view.fenceOid);
            const now = Date.now();
            const record = { ...base, token: prev + 1, nonce: (0,external_node_crypto_.randomBytes)(8).toString('hex'), acquiredAt: new Date(now).toISOString(), acquiredAtMs: now, renewedAtMs: now };
            const oid = await (0,transport/* writeRecord */.rh)(ctx, record);
            const sentMono = (0,observations/* monoNowMs */._t)();
            const r = await (0,transport/* pushUpdates */.BI)(ctx, [
                { ref, newOid: oid, expectOid: view.lockOid },
                { ref: (0,remote_refs/* fenceRef */.Xo)(name), newOid: oid, expectOid: view.fenceOid },
            ], `take the ${name} lock`);
            if (r.ok) {
                writeFenceCache(ctx, name, { fenceOid: oid, token: record.token });
                const waitedMs = Date.now() - started;
                const tookOver = takeOver ? { token: takeOver.rec?.token ?? 0, pid: takeOver.rec?.pid ?? 0, host: takeOver.rec?.host ?? '', reason: takeOver.reason, task: takeOver.rec?.task ?? null } : null;
                if (tookOver)
                    (0,events/* appendEvent */.Zn)(ctx.runtime.root, 'takeover', { backend: 'remote', remote: ctx.remote, lock: name, token: record.token, from: tookOver });
                (0,events/* appendEvent */.Zn)(ctx.runtime.root, 'acquire', { backend: 'remote', remote: ctx.remote, lock: name, token: record.token, owner: ownerPid, task: record.task, agent: record.agent, waitedMs });
                // The lease counts from before the push was sent: no observer can have seen the record earlier.
                return handleFrom(ctx, name, oid, record, { waitedMs, tookOver, leaseEndsMono: sentMono + leaseMs });
            }
            conflicts++;
            view = null;
            // Someone else won this round: look again after a short jittered pause (longer as losses pile up).
            const pause = Math.min(monoRemaining(deadlineMono), jitter(0, Math.min(200, 5 * 2 ** Math.min(conflicts, 6))));
            if (pause > 0)
                await (0,promises_.setTimeout)(pause);
            if ((0,observations/* monoNowMs */._t)() < deadlineMono || conflicts < 3)
                continue;
            waitMs = 0;
        }
        // Held (and not expired by our own count): wait, then look again.
        const nowMono = (0,observations/* monoNowMs */._t)();
        if (nowMono >= deadlineMono) {
            const waited = Date.now() - started;
            (0,events/* appendEvent */.Zn)(ctx.runtime.root, 'timeout', { backend: 'remote', remote: ctx.remote, lock: name, token: lastToken, waitedMs: waited, heldBy: lastHolder?.pid ?? null, heldByHost: lastHolder?.host ?? null });
            throw new errors/* LockstepError */.Cj('LOCK_TIMEOUT', lastHolder || view?.lockOid
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
            await (0,promises_.setTimeout)(delay);
        view = null;
    }
}
function monoRemaining(deadlineMono) {
    return Math.max(0, deadlineMono - (0,observations/* monoNowMs */._t)());
}
async function compromised(ctx, name, token, why) {
    let now = '';
    let current = 0;
    try {
        const v = await readView(ctx, name);
        const rec = v.lockOid ? await readRecord(ctx, v.lockOid, (0,remote_refs/* lockRef */.NN)(name)) : null;
        current = rec?.token ?? (await fenceToken(ctx, name, v.fenceOid));
        now = rec ? `it is now held by ${describeHolder(rec)} (token ${rec.token})` : `it is free now (latest token ${current})`;
    }
    catch {
        now = 'its state cannot be read now';
    }
    (0,events/* appendEvent */.Zn)(ctx.runtime.root, 'compromised', { backend: 'remote', remote: ctx.remote, lock: name, token, current, why });
    return new errors/* LockstepError */.Cj('LOCK_COMPROMISED', `lock compromised: the ${name} lock with token ${token} on the remote ${ctx.remote} is no longer held by its owner (${why}); ${now}`, {
        hint: `work done under token ${token} may have raced another holder; check it with lockstep lock status ${name} --backend remote:${ctx.remote}`,
        detail: { lock: name, token, current, remote: ctx.remote },
    });
}
/** Releases a lock held through `handle`. Throws LOCK_COMPROMISED if it was taken away. */
async function releaseRemoteLock(handle, opts = {}) {
    if (handle.reentrant)
        return { name: handle.name, token: handle.token, heldMs: 0, reentrant: true };
    const ctx = (0,transport/* openRemote */.d3)({ cwd: handle.cwd, remote: handle.remote, networkTimeoutMs: opts.networkTimeoutMs });
    const r = await (0,transport/* pushUpdates */.BI)(ctx, [{ ref: handle.ref, newOid: null, expectOid: handle.oid }], `release the ${handle.name} lock`);
    if (!r.ok)
        throw await compromised(ctx, handle.name, handle.token, 'it expired and was taken over or removed');
    const heldMs = Date.now() - handle.acquiredAtMs;
    (0,events/* appendEvent */.Zn)(ctx.runtime.root, 'release', { backend: 'remote', remote: ctx.remote, lock: handle.name, token: handle.token, heldMs, task: handle.record.task });
    return { name: handle.name, token: handle.token, heldMs, reentrant: false };
}
/**
 * Releases by name and token (for a holder in another process, e.g. the CLI's
 * `lock release`). The token must be the one in the current record.
 */
async function releaseRemoteLockByToken(opts) {
    const name = (0,remote_refs/* validateRemoteLockName */.Pv)(opts.name);
    if (!Number.isSafeInteger(opts.token) || opts.token <= 0)
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `invalid token ${JSON.stringify(opts.token)}: tokens are positive integers`);
    const ctx = (0,transport/* openRemote */.d3)(opts);
    const v = await readView(ctx, name);
    const rec = v.lockOid ? await readRecord(ctx, v.lockOid, (0,remote_refs/* lockRef */.NN)(name)) : null;
    if (!v.lockOid || !rec || rec.token !== opts.token) {
        const latest = rec?.token ?? (await fenceToken(ctx, name, v.fenceOid));
        if (!v.lockOid && latest === opts.token) {
            throw new errors/* LockstepError */.Cj('LOCK_NOT_HELD', `the ${name} lock with token ${opts.token} is not held any more (released, or broken after its lease, and not taken since)`, {
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
    const ctx = (0,transport/* openRemote */.d3)({ cwd: handle.cwd, remote: handle.remote });
    const now = Date.now();
    const next = { ...handle.record, renewedAtMs: now };
    const oid = await (0,transport/* writeRecord */.rh)(ctx, next);
    const sentMono = (0,observations/* monoNowMs */._t)();
    const r = await (0,transport/* pushUpdates */.BI)(ctx, [
        { ref: handle.ref, newOid: oid, expectOid: handle.oid },
        { ref: (0,remote_refs/* fenceRef */.Xo)(handle.name), newOid: oid, expectOid: handle.oid },
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
    const name = (0,remote_refs/* validateRemoteLockName */.Pv)(opts.name);
    const ctx = (0,transport/* openRemote */.d3)(opts);
    const v = await readView(ctx, name);
    const rec = v.lockOid ? await readRecord(ctx, v.lockOid, (0,remote_refs/* lockRef */.NN)(name)) : null;
    if (!v.lockOid || !rec || rec.token !== opts.token)
        throw await compromised(ctx, name, opts.token, 'lost before renewal');
    return renewRemoteLock(handleFrom(ctx, name, v.lockOid, rec, {}));
}
/** True while the holder may rely on the lock by its own clock (renew before this turns false). */
function remoteLeaseValid(handle) {
    return handle.reentrant || monoNowMs() < handle.leaseEndsMono;
}
function statusOf(ctx, observer, name, lockOid, rec, latestToken) {
    const base = { backend: 'remote', remote: ctx.remote, name, waiters: 0, path: `${ctx.remote}:${(0,remote_refs/* lockRef */.NN)(name)}` };
    if (!lockOid)
        return { ...base, state: 'free', token: latestToken, holder: null, ageMs: null, staleReason: null, expiresInMs: null };
    const j = (0,observations/* judgeLease */.Qs)(rec, observer.firstSeen((0,remote_refs/* lockRef */.NN)(name), lockOid));
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
    const name = (0,remote_refs/* validateRemoteLockName */.Pv)(opts.name ?? lock/* DEFAULT_LOCK */.sR);
    const ctx = (0,transport/* openRemote */.d3)(opts);
    const v = await readView(ctx, name);
    const rec = v.lockOid ? await readRecord(ctx, v.lockOid, (0,remote_refs/* lockRef */.NN)(name)) : null;
    const latest = rec?.token ?? (await fenceToken(ctx, name, v.fenceOid).catch(() => 0));
    return statusOf(ctx, new observations/* Observer */.nu(ctx), name, v.lockOid, rec, latest);
}
/** Every lock the remote knows (held, or free with a fencing counter). */
async function listRemoteLocks(opts = {}) {
    const ctx = (0,transport/* openRemote */.d3)(opts);
    const refs = await (0,transport/* listRemoteRefs */.R8)(ctx, ['refs/lockstep/locks/*', 'refs/lockstep/fence/*'], 'list locks');
    const names = new Set();
    for (const r of refs.keys()) {
        const m = /^refs\/lockstep\/(?:locks|fence)\/([^/]+)$/.exec(r);
        if (m)
            names.add(m[1]);
    }
    const oids = [...refs.values()];
    const records = await (0,transport/* readRecords */.T3)(ctx, oids);
    const observer = new observations/* Observer */.nu(ctx);
    return [...names].sort().map((name) => {
        const lockOid = refs.get((0,remote_refs/* lockRef */.NN)(name)) ?? null;
        const fenceOid = refs.get((0,remote_refs/* fenceRef */.Xo)(name)) ?? null;
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
    const name = (0,remote_refs/* validateRemoteLockName */.Pv)(opts.name ?? lock/* DEFAULT_LOCK */.sR);
    const ctx = (0,transport/* openRemote */.d3)(opts);
    const v = await readView(ctx, name);
    const rec = v.lockOid ? await readRecord(ctx, v.lockOid, (0,remote_refs/* lockRef */.NN)(name)) : null;
    const latest = rec?.token ?? (await fenceToken(ctx, name, v.fenceOid).catch(() => 0));
    if (opts.expectToken !== undefined && latest !== opts.expectToken) {
        throw new errors/* LockstepError */.Cj('CONFLICT', `the ${name} lock is at token ${latest}, not ${opts.expectToken}: nothing broken`, { hint: `look again: lockstep lock status ${name} --backend remote:${ctx.remote}` });
    }
    if (!v.lockOid)
        return { broken: false, name, token: latest, reason: 'free' };
    const st = statusOf(ctx, new observations/* Observer */.nu(ctx), name, v.lockOid, rec, latest);
    if (st.state === 'held' && !opts.force) {
        throw new errors/* LockstepError */.Cj('LOCK_HELD', `the ${name} lock is held by ${describeHolder(rec)} (token ${latest}) and its lease has not run out as seen from this machine (${((st.expiresInMs ?? 0) / 1000).toFixed(1)} s to go): not broken`, { hint: `wait for it, or break it anyway: lockstep lock break ${name} --backend remote:${ctx.remote} --expect-token ${latest} --force`, detail: { lock: name, token: latest, holder: rec } });
    }
    const reason = st.state === 'stale' ? (st.staleReason ?? 'stale') : 'forced';
    const r = await (0,transport/* pushUpdates */.BI)(ctx, [{ ref: (0,remote_refs/* lockRef */.NN)(name), newOid: null, expectOid: v.lockOid }], `break the ${name} lock`);
    if (!r.ok)
        throw new errors/* LockstepError */.Cj('CONFLICT', `the ${name} lock changed while breaking it: nothing broken`, { hint: `look again: lockstep lock status ${name} --backend remote:${ctx.remote}` });
    (0,events/* appendEvent */.Zn)(ctx.runtime.root, 'break', { backend: 'remote', remote: ctx.remote, lock: name, token: latest, reason, previous: rec?.pid ?? null, previousHost: rec?.host ?? null });
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

// EXTERNAL MODULE: ./src/cli/context.ts
var context = __webpack_require__(5217);
// EXTERNAL MODULE: ./src/cli/output.ts
var output = __webpack_require__(6657);
;// CONCATENATED MODULE: ./src/cli/commands/remote.ts










function remoteOf(cmd, remote) {
    const { cwd } = (0,context/* globals */.z)(cmd);
    return { cwd, remote: (0,backend/* selectRemote */.LI)({ cwd, remote }) };
}
/** Candidates from --item / --items-file; undefined means "this clone's queue of the same name". */
function readItems(o) {
    const items = [...(o.item ?? [])];
    if (o.itemsFile) {
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(o.itemsFile, 'utf8');
        }
        catch (e) {
            throw new errors/* LockstepError */.Cj('BAD_INPUT', `cannot read --items-file ${o.itemsFile}: ${e.message}`);
        }
        items.push(...text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
    }
    if (items.length === 0 && o.itemsFile)
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `--items-file ${o.itemsFile} lists no items`);
    return items.length ? items : undefined;
}
function printClaim(c, json) {
    if (json)
        (0,output/* printJson */.Q2)({ ok: true, queue: c.queue, item: c.item, agent: c.agent, generation: c.generation, remote: c.remote, leaseMs: c.record.leaseMs });
    else
        (0,output/* printLine */.wi)(c.item);
}
const collect = (v, prev = []) => [...prev, v];
function registerRemote(program) {
    const remote = program.command('remote').description('coordinate through the git remote: check it, allocate and claim through it, and clean up refs/lockstep/*');
    remote
        .command('check')
        .option('--remote <name>', 'git remote (default: the configured remote backend, else origin)')
        .option('--json', 'machine-readable output')
        .description('prove the remote can coordinate: reachable, accepts and compare-and-swaps refs/lockstep/*, shows them to readers')
        .action(async (o, cmd) => {
        const r = await checkRemote(remoteOf(cmd, o.remote));
        if (o.json)
            (0,output/* printJson */.Q2)(r);
        else {
            (0,output/* printLine */.wi)(`remote ${r.remote} (${r.url}) can coordinate lockstep:`);
            for (const s of r.steps)
                (0,output/* printLine */.wi)(`  ok  ${s.step} (${s.ms} ms)`);
        }
    });
    remote
        .command('gc')
        .option('--remote <name>', 'git remote (default: the configured remote backend, else origin)')
        .option('--dry-run', 'report what would be removed, change nothing')
        .option('--wait <seconds>', 'wait up to this long for leases seen now to run out, and remove those too', '0')
        .option('--drop-queue <queue>', 'remove every claim of this finished queue (repeatable)', collect)
        .option('--max-attempts <n>', 'expired claims past this many attempts are failed instead of reclaimed', String(DEFAULT_MAX_ATTEMPTS))
        .option('--json', 'machine-readable output')
        .description('remove expired lock refs, reclaim expired claims, and drop allocation refs below each root\'s newest')
        .action(async (o, cmd) => {
        const r = await remoteGc({ ...remoteOf(cmd, o.remote), dryRun: o.dryRun, waitMs: (0,output/* parseSeconds */.fL)(o.wait, '--wait'), dropQueues: o.dropQueue, maxAttempts: (0,output/* parsePositiveInt */.EJ)(o.maxAttempts, '--max-attempts') });
        if (o.json) {
            (0,output/* printJson */.Q2)({ ok: true, ...r });
            return;
        }
        const verb = r.dryRun ? 'would remove' : 'removed';
        for (const l of r.locks.removed)
            (0,output/* printLine */.wi)(`lock ${l.name} (token ${l.token}, host ${l.host ?? '?'}): ${verb} — ${l.reason}`);
        for (const l of r.locks.waiting)
            (0,output/* printLine */.wi)(`lock ${l.name} (token ${l.token}, host ${l.host ?? '?'}): kept, lease runs out in ${(l.expiresInMs / 1000).toFixed(1)} s as seen from here (run gc again then, or use --wait)`);
        for (const c of r.claims.reclaimed)
            (0,output/* printLine */.wi)(`claim ${c.item} (agent ${c.agent ?? '?'}, generation ${c.generation}): ${r.dryRun ? 'would reclaim' : 'reclaimed'} — ${c.reason}`);
        for (const c of r.claims.failed)
            (0,output/* printLine */.wi)(`claim ${c.item} (agent ${c.agent ?? '?'}, generation ${c.generation}): ${r.dryRun ? 'would fail' : 'failed'} after ${c.generation} attempts`);
        for (const c of r.claims.waiting)
            (0,output/* printLine */.wi)(`claim ${c.item} (agent ${c.agent ?? '?'}): kept, lease runs out in ${(c.expiresInMs / 1000).toFixed(1)} s as seen from here`);
        for (const d of r.claims.dropped)
            (0,output/* printLine */.wi)(`queue ${d.queue}: ${verb} ${d.refs} claim refs`);
        for (const a of r.alloc)
            if (a.removed.length)
                (0,output/* printLine */.wi)(`allocation root ${a.root}: ${verb} ${a.removed.length} number refs below ${a.kept ?? 'the head'}`);
        for (const s of r.skipped)
            (0,output/* printLine */.wi)(`${s}: changed meanwhile, kept`);
        const n = r.locks.removed.length + r.claims.reclaimed.length + r.claims.failed.length + r.alloc.reduce((k, a) => k + a.removed.length, 0) + r.claims.dropped.reduce((k, d) => k + d.refs, 0);
        if (n === 0 && r.locks.waiting.length === 0 && r.claims.waiting.length === 0)
            (0,output/* printLine */.wi)(`nothing to collect on ${r.remote}`);
    });
    remote
        .command('allocate')
        .argument('<root>', 'allocation root inside the checkout (created if missing)')
        .argument('<name>', 'topic name (sanitized)')
        .option('--remote <name>', 'git remote (default: the configured remote backend, else origin)')
        .option('--width <n>', 'minimum digits of the number', '3')
        .option('--timeout <seconds>', 'give up after losing races for this long (exit 3)', '60')
        .option('--json', 'machine-readable output')
        .description('allocate the next ROOT/NNN_name through the remote (unique across clones)')
        .action(async (root, name, o, cmd) => {
        const r = await (0,alloc.allocateRemote)({ ...remoteOf(cmd, o.remote), root, name, width: (0,output/* parsePositiveInt */.EJ)(o.width, '--width'), timeoutMs: (0,output/* parseSeconds */.fL)(o.timeout, '--timeout') });
        if (o.json)
            (0,output/* printJson */.Q2)({ topic_number: r.topicNumber, topic_path: r.topicPath, number: r.number, remote: r.remote, ref: r.ref, retries: r.retries });
        else
            (0,output/* printLine */.wi)(r.topicPath);
    });
    remote
        .command('claim')
        .argument('<queue>', 'queue name')
        .requiredOption('--agent <id>', 'the claiming agent')
        .option('--item <id>', 'a candidate item, in priority order (repeatable)', collect)
        .option('--items-file <file>', 'candidate items, one id a line, in priority order')
        .option('--lease <seconds>', 'claim lease', '120')
        .option('--remote <name>', 'git remote (default: the configured remote backend, else origin)')
        .option('--json', 'machine-readable output')
        .option('--owner-pid <pid>', 'process the claim is held for (default: the parent process); on this host the claim frees once it exits')
        .description('claim the first claimable item through the remote (candidates: --item/--items-file, else this clone\'s queue QUEUE); prints its id (exit 1 when none is left)')
        .action(async (queue, o, cmd) => {
        const items = readItems(o);
        const ownerPid = o.ownerPid === undefined ? process.ppid : (0,output/* parsePositiveInt */.EJ)(o.ownerPid, '--owner-pid');
        const base = { ...remoteOf(cmd, o.remote), queue, agent: o.agent, leaseMs: (0,output/* parseSeconds */.fL)(o.lease, '--lease'), ownerPid };
        const c = items?.length === 1 ? await claimItemRemote({ ...base, item: items[0] }) : await claimNextRemote({ ...base, items });
        if (!c) {
            if (o.json)
                (0,output/* printJson */.Q2)({ ok: false, queue, claimed: null });
            else
                (0,output/* printLine */.wi)(`nothing to claim in ${queue}`);
            process.exitCode = 1;
            return;
        }
        printClaim(c, o.json);
    });
    for (const [verb, what] of [
        ['done', 'mark a claimed item done'],
        ['fail', 'mark a claimed item failed (or --retry: hand it back)'],
        ['renew', 'renew the lease of a claim'],
    ]) {
        remote
            .command(verb)
            .argument('<queue>', 'queue name')
            .argument('<item>', 'item id')
            .requiredOption('--agent <id>', 'the agent holding the claim')
            .option('--generation <n>', 'only if the claim is still this generation (as printed by claim --json)')
            .option('--retry', 'fail: hand the item back for another attempt')
            .option('--reason <text>', 'fail: why')
            .option('--remote <name>', 'git remote (default: the configured remote backend, else origin)')
            .option('--json', 'machine-readable output')
            .description(`${what} (exit 1 when the claim is no longer this agent's)`)
            .action(async (queue, item, o, cmd) => {
            const c = await findClaimRemote({ ...remoteOf(cmd, o.remote), queue, item, agent: o.agent, generation: o.generation === undefined ? undefined : (0,output/* parsePositiveInt */.EJ)(o.generation, '--generation') });
            const rec = verb === 'done' ? await completeItemRemote(c) : verb === 'fail' ? await failItemRemote(c, { retry: o.retry, reason: o.reason }) : await renewClaimRemote(c);
            if (o.json)
                (0,output/* printJson */.Q2)({ ok: true, queue, item, state: rec.state, generation: rec.attempt });
        });
    }
    remote
        .command('reclaim')
        .argument('<queue>', 'queue name')
        .option('--max-attempts <n>', 'fail items claimed this many times', String(DEFAULT_MAX_ATTEMPTS))
        .option('--remote <name>', 'git remote (default: the configured remote backend, else origin)')
        .option('--json', 'machine-readable output')
        .description('hand back items whose claim lease ran out (as counted on this machine)')
        .action(async (queue, o, cmd) => {
        const r = await reclaimRemote({ ...remoteOf(cmd, o.remote), queue, maxAttempts: (0,output/* parsePositiveInt */.EJ)(o.maxAttempts, '--max-attempts') });
        if (o.json)
            (0,output/* printJson */.Q2)({ ok: true, ...r });
        else {
            for (const c of r.reclaimed)
                (0,output/* printLine */.wi)(`reclaimed ${c.item} (agent ${c.agent ?? '?'}, generation ${c.generation}): ${c.reason}`);
            for (const c of r.failed)
                (0,output/* printLine */.wi)(`failed ${c.item} after ${c.generation} attempts`);
            for (const c of r.waiting)
                (0,output/* printLine */.wi)(`${c.item}: claimed by ${c.agent ?? '?'} on ${c.host}, ${(c.expiresInMs / 1000).toFixed(1)} s to go as seen from here`);
        }
    });
    remote
        .command('claims')
        .argument('<queue>', 'queue name')
        .option('--remote <name>', 'git remote (default: the configured remote backend, else origin)')
        .option('--json', 'machine-readable output')
        .description('list the claims of a queue on the remote')
        .action(async (queue, o, cmd) => {
        const list = await listClaimsRemote({ ...remoteOf(cmd, o.remote), queue });
        if (o.json)
            (0,output/* printJson */.Q2)(list);
        else if (list.length === 0)
            (0,output/* printLine */.wi)(`no claims in ${queue}`);
        else
            for (const c of list)
                (0,output/* printLine */.wi)(`${c.item}\t${c.state}\t${c.agent ?? '-'}\t${c.host ?? '-'}\tgeneration ${c.generation}${c.expired ? '\tEXPIRED' : ''}`);
    });
}
// --- `lockstep lock …` with --backend remote[:NAME] (called from commands/lock.ts) ---
function describeRemoteStatus(s) {
    if (s.state === 'free')
        return `${s.name}: free on ${s.remote} (token ${s.token})`;
    const h = s.holder;
    if (!h)
        return `${s.name}: ${s.state === 'stale' ? 'STALE' : 'held'} on ${s.remote}: ${s.staleReason ?? 'unreadable record'}`;
    const lines = [
        `${s.name}: ${s.state === 'stale' ? 'STALE' : 'held'} on ${s.remote} (token ${s.token})`,
        `  holder: pid ${h.pid} on ${h.host}${h.task ? `, task ${h.task}` : ''}${h.agent ? `, agent ${h.agent}` : ''}`,
        `  command: ${h.command}`,
        `  acquired: ${h.acquiredAt} (holder's clock), lease ${Math.round(h.leaseMs / 1000)} s`,
    ];
    if (s.state === 'stale')
        lines.push(`  stale: ${s.staleReason} — the next acquire takes it over; or: lockstep lock break ${s.name} --backend remote:${s.remote}`);
    else
        lines.push(`  expires: in ${((s.expiresInMs ?? 0) / 1000).toFixed(1)} s unless renewed, as counted from this machine's first sighting`);
    return lines.join('\n');
}
async function remoteLockStatusCommand(o) {
    const list = o.name ? [await remoteLockStatus({ cwd: o.cwd, remote: o.remote, name: o.name })] : await listRemoteLocks({ cwd: o.cwd, remote: o.remote });
    if (o.json)
        (0,output/* printJson */.Q2)(o.name ? list[0] : list);
    else if (list.length === 0)
        (0,output/* printLine */.wi)(`no locks on ${o.remote}`);
    else
        for (const s of list)
            (0,output/* printLine */.wi)(describeRemoteStatus(s));
}
async function remoteLockAcquireCommand(o) {
    const h = await acquireRemoteLock(o);
    if (o.json)
        (0,output/* printJson */.Q2)({ ok: true, backend: 'remote', remote: h.remote, name: h.name, token: h.token, ownerPid: h.record.pid, waitedMs: h.waitedMs, tookOver: h.tookOver, leaseMs: h.record.leaseMs });
    else
        (0,output/* printLine */.wi)(String(h.token));
}
async function remoteLockReleaseCommand(o) {
    const r = await releaseRemoteLockByToken(o);
    if (o.json)
        (0,output/* printJson */.Q2)({ ok: true, backend: 'remote', ...r });
}
async function remoteLockRenewCommand(o) {
    const r = await renewRemoteLockByToken(o);
    if (o.json)
        (0,output/* printJson */.Q2)({ ok: true, backend: 'remote', name: r.lock, token: r.token, leaseMs: r.leaseMs });
}
async function remoteLockBreakCommand(o) {
    const r = await breakRemoteLock(o);
    if (o.json)
        (0,output/* printJson */.Q2)({ ok: true, backend: 'remote', ...r });
    else if (r.broken)
        (0,output/* printLine */.wi)(`broke the ${r.name} lock on ${o.remote} (token ${r.token}${r.previous ? `, pid ${r.previous.pid} on ${r.previous.host}` : ''}): ${r.reason}`);
    else
        (0,output/* printLine */.wi)(`the ${r.name} lock is free on ${o.remote} (token ${r.token}): nothing to break`);
}


/***/ })

};
