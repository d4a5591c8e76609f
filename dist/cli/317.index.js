export const id = 317;
export const ids = [317];
export const modules = {

/***/ 317:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerMerge: () => (/* binding */ registerMerge)
/* harmony export */ });
/* harmony import */ var _merge_merge_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2732);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5217);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6657);



function registerMerge(program) {
    program
        .command('merge')
        .argument('<branch>', 'the branch to merge')
        .option('--into <base>', 'the base branch (default: the current branch)')
        .option('--check <cmd>', 'a shell command run in a scratch worktree holding the merge result; the merge lands only if it exits 0')
        .option('--check-timeout <seconds>', 'kill the check after this long (the merge does not land)')
        .option('-m, --message <subject>', 'the merge commit subject')
        .option('--timeout <seconds>', 'wait for the merge queue at most this long (exit 3)', '600')
        .option('--json', 'machine-readable output')
        .description("merge a branch through the merge queue: first come first served, never in your checkout, base moved by compare-and-swap (exit 1 on conflict or failed check)")
        .action(async (branch, o, cmd) => {
        const { cwd } = (0,_context_js__WEBPACK_IMPORTED_MODULE_2__/* .globals */ .z)(cmd);
        const r = await (0,_merge_merge_js__WEBPACK_IMPORTED_MODULE_0__/* .mergeBranch */ .h)({
            cwd,
            branch,
            into: o.into,
            check: o.check,
            checkTimeoutMs: o.checkTimeout === undefined ? undefined : (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .parseSeconds */ .fL)(o.checkTimeout, '--check-timeout'),
            message: o.message,
            timeoutMs: (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .parseSeconds */ .fL)(o.timeout, '--timeout'),
            ...(0,_context_js__WEBPACK_IMPORTED_MODULE_2__/* .actor */ .e)(),
            onWait: (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .waitReporter */ .ZU)(Boolean(o.json)),
        });
        const ok = r.status === 'merged' || r.status === 'up-to-date' || r.status === 'already-merged';
        if (!ok)
            process.exitCode = 1;
        if (o.json) {
            (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printJson */ .Q2)({ ok, ...r });
            return;
        }
        switch (r.status) {
            case 'merged':
                (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printLine */ .wi)(`merged ${r.branch} into ${r.into}: ${r.commit}${r.attempts > 1 ? ` (${r.into} moved meanwhile; ${r.attempts} attempts)` : ''}`);
                for (const u of r.unsynced)
                    (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printErr */ .lx)(`lockstep: warning: ${u.path} has ${r.into} checked out and could not be brought up to date: ${u.reason}`);
                break;
            case 'up-to-date':
                (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printLine */ .wi)(`${r.branch} is already merged into ${r.into}`);
                break;
            case 'already-merged':
                (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printLine */ .wi)(`${r.into} already holds this work (${r.commit})`);
                break;
            case 'conflict':
                (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printErr */ .lx)(`lockstep: ${r.branch} conflicts with ${r.into} in ${r.files.length} file(s); nothing changed, ${r.branch} is intact:`);
                for (const f of r.files)
                    (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printErr */ .lx)(`  ${f}`);
                (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printErr */ .lx)(`  fix: merge ${r.into} into ${r.branch} and resolve (git merge ${r.into}), then lockstep merge ${r.branch} again`);
                break;
            case 'check-failed':
                (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printErr */ .lx)(`lockstep: the check failed (${r.timedOut ? 'timed out' : r.signal ? `killed by ${r.signal}` : `exit ${r.exitCode}`}); ${r.into} was not moved`);
                if (r.output.trim())
                    (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printErr */ .lx)(r.output.trimEnd().split('\n').slice(-20).map((l) => `  | ${l}`).join('\n'));
                break;
            case 'blocked':
                (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printErr */ .lx)(`lockstep: ${r.into} is checked out at ${r.checkout} with local changes the merge would overwrite (${r.reason}); nothing changed`);
                (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printErr */ .lx)(`  fix: commit or stash them there (or check out another branch), then merge again`);
                break;
        }
    });
}


/***/ }),

/***/ 6366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ey: () => (/* binding */ listMergeQueue),
/* harmony export */   NP: () => (/* binding */ markMerging),
/* harmony export */   VL: () => (/* binding */ enqueueMerge),
/* harmony export */   ZJ: () => (/* binding */ dequeueMerge)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9928);
/* harmony import */ var _core_process_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9978);
/* harmony import */ var _core_runtime_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9199);
/**
 * The visible side of the merge queue: each `mergeBranch` call files an entry
 * in `<runtime>/merge/queue/` while it waits for (and then holds) the
 * repository lock, so `lockstep status` can show who is merging and who is
 * next. The order itself comes from the lock's FIFO tickets; these entries
 * only describe it.
 */






function queueDir(rt) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(rt.root, 'merge', 'queue');
}
function enqueueMerge(rt, fields) {
    (0,_core_files_js__WEBPACK_IMPORTED_MODULE_3__/* .ensureDir */ .A0)(queueDir(rt));
    const id = (0,_core_process_js__WEBPACK_IMPORTED_MODULE_4__/* .identityOf */ .cu)(process.pid);
    const now = Date.now();
    const entry = { v: 1, ...fields, pid: id.pid, pidStart: id.pidStart, bootId: id.bootId, host: id.host, enqueuedAtMs: now, state: 'waiting', startedAtMs: null };
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(queueDir(rt), `${String(now).padStart(13, '0')}-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(3).toString('hex')}.json`);
    (0,_core_files_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomic */ .Zf)(path, JSON.stringify(entry));
    return { path, entry };
}
function markMerging(path, entry) {
    entry.state = 'merging';
    entry.startedAtMs = Date.now();
    try {
        (0,_core_files_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomic */ .Zf)(path, JSON.stringify(entry));
    }
    catch {
        /* status only */
    }
}
function dequeueMerge(path) {
    (0,_core_files_js__WEBPACK_IMPORTED_MODULE_3__/* .unlinkQuiet */ ._f)(path);
}
/** Entries in arrival order; entries of processes that are gone are dropped (and removed). */
function listMergeQueue(opts = {}) {
    const rt = opts.runtime ?? (0,_core_runtime_js__WEBPACK_IMPORTED_MODULE_5__/* .openRuntime */ .fS)({ cwd: opts.cwd });
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(queueDir(rt));
    }
    catch {
        return [];
    }
    const out = [];
    for (const n of names.sort()) {
        if (!n.endsWith('.json') || n.startsWith('.'))
            continue;
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(queueDir(rt), n);
        let e;
        try {
            e = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
        }
        catch {
            continue;
        }
        if ((0,_core_process_js__WEBPACK_IMPORTED_MODULE_4__/* .liveness */ .QX)(e).state === 'dead') {
            (0,_core_files_js__WEBPACK_IMPORTED_MODULE_3__/* .unlinkQuiet */ ._f)(path);
            continue;
        }
        out.push(e);
    }
    return out;
}


/***/ }),

/***/ 2732:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ mergeBranch)
/* harmony export */ });
/* unused harmony export findMergeWithTrailer */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4296);
/* harmony import */ var _core_events_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7842);
/* harmony import */ var _core_files_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9928);
/* harmony import */ var _core_lock_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6336);
/* harmony import */ var _core_runtime_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9199);
/* harmony import */ var _git_git_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(308);
/* harmony import */ var _worktree_repo_lock_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(137);
/* harmony import */ var _worktree_registry_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(9842);
/* harmony import */ var _worktree_worktree_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(7544);
/* harmony import */ var _merge_queue_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(6366);
/**
 * The merge queue: `mergeBranch` merges a branch into a base branch, one
 * merge at a time under the repository lock (its FIFO tickets make it first
 * come, first served).
 *
 * Nothing happens in the user's checkout: the merge is computed by
 * `git merge-tree --write-tree` (git's merge machinery, entirely in the object
 * store — no working tree, no index, nothing half done on disk), the merge
 * commit is made with `commit-tree`, and the optional check runs in a scratch
 * worktree holding exactly that commit. The base then moves only by
 * compare-and-swap: `git update-ref refs/heads/BASE NEW OLD`. If somebody
 * moved the base meanwhile (a plain `git commit` or push that does not take
 * lockstep's lock), the CAS fails and the merge is redone on the new base, so
 * no commit on the base is ever overwritten. A conflict leaves both the base
 * and the branch exactly as they were and names the conflicting files.
 *
 * Checkouts that have the base checked out (typically the user's) would be
 * left with a stale index after the ref moves, which makes a later `commit -a`
 * revert the merge. So they are brought along like a fast-forward
 * (`read-tree -m -u OLD NEW`, which keeps local changes) — checked with a dry
 * run before the base moves; a checkout whose local changes collide with the
 * merge blocks it instead of being overwritten.
 */















/**
 * TEST-ONLY fault injection, as in the lock: LOCKSTEP_FAULT=pause-before-merge-cas:MS
 * pauses the first attempt of each merge just before it moves the base (so a
 * test can make the base move under it); pause-after-merge-cas:MS pauses
 * between moving the base and bringing checkouts along (so a test can kill it there).
 */
function faultPauseMs(kind) {
    for (const part of (process.env.LOCKSTEP_FAULT ?? '').split(',')) {
        const [k, v] = part.split(':');
        if (k === kind)
            return Number(v) || 0;
    }
    return 0;
}
const TRAILER_KEY = /^[A-Za-z][A-Za-z0-9-]{0,63}$/;
function validateTrailers(t) {
    const out = [];
    for (const [k, v] of Object.entries(t ?? {})) {
        if (!TRAILER_KEY.test(k))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LockstepError */ .Cj('BAD_INPUT', `invalid trailer key ${JSON.stringify(k)}`);
        if (typeof v !== 'string' || /[\r\n]/.test(v) || v.trim() === '')
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LockstepError */ .Cj('BAD_INPUT', `invalid value for trailer ${k}: one non-empty line`);
        out.push([k, v.trim()]);
    }
    return out;
}
function escapeRegex(s) {
    return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
async function tipOf(git, branch) {
    const r = await git.run(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`], { readOnly: true });
    if (r.code !== 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LockstepError */ .Cj('NOT_FOUND', `branch ${branch} disappeared during the merge`);
    return r.stdout.trim();
}
async function isAncestor(git, a, b) {
    const r = await git.run(['merge-base', '--is-ancestor', a, b], { readOnly: true });
    if (r.code === 0)
        return true;
    if (r.code === 1)
        return false;
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LockstepError */ .Cj('GIT_FAILED', `git merge-base --is-ancestor failed: ${r.stderr.trim()}`);
}
/** The first-parent commit of `base` carrying trailer `key: value`, or null. */
async function findMergeWithTrailer(git, base, key, value) {
    const r = await git.run(['log', '--first-parent', '--format=%H', '-n', '1', '--extended-regexp', `--grep=^${escapeRegex(key)}: ${escapeRegex(value)}$`, base], { readOnly: true });
    const sha = r.code === 0 ? r.stdout.trim() : '';
    return sha || null;
}
const OUTPUT_TAIL = 16 * 1024;
function runCheck(command, cwd, env, timeoutMs) {
    return new Promise((resolveRun) => {
        let output = '';
        let timedOut = false;
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('sh', ['-c', command], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        const take = (d) => {
            output += d.toString('utf8');
            if (output.length > OUTPUT_TAIL * 2)
                output = output.slice(-OUTPUT_TAIL);
        };
        child.stdout.on('data', take);
        child.stderr.on('data', take);
        const timer = timeoutMs > 0
            ? setTimeout(() => {
                timedOut = true;
                try {
                    process.kill(-child.pid, 'SIGKILL');
                }
                catch {
                    /* gone */
                }
            }, timeoutMs)
            : null;
        child.on('error', (e) => {
            if (timer)
                clearTimeout(timer);
            resolveRun({ exitCode: 127, signal: null, timedOut: false, output: String(e.message) });
        });
        child.on('close', (code, signal) => {
            if (timer)
                clearTimeout(timer);
            resolveRun({ exitCode: code, signal, timedOut, output: output.slice(-OUTPUT_TAIL) });
        });
    });
}
function syncMarkerPath(rt) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(rt.root, 'merge', 'syncing.json');
}
async function finishInterruptedSync(rt) {
    const path = syncMarkerPath(rt);
    let m;
    try {
        m = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(path, 'utf8'));
    }
    catch {
        return;
    }
    for (const co of m.checkouts) {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(co))
            continue;
        const head = await (0,_git_git_js__WEBPACK_IMPORTED_MODULE_10__/* .createGit */ .l)(co).run(['rev-parse', '--verify', '--quiet', 'HEAD'], { readOnly: true });
        // Only a checkout still at that merge: anything else has moved on since.
        if (head.code === 0 && head.stdout.trim() === m.commit)
            await (0,_git_git_js__WEBPACK_IMPORTED_MODULE_10__/* .createGit */ .l)(co).run(['read-tree', '-m', '-u', m.old, m.commit]);
    }
    (0,_core_events_js__WEBPACK_IMPORTED_MODULE_6__/* .appendEvent */ .Zn)(rt.root, 'merge_sync_recovered', { into: m.into, commit: m.commit, checkouts: m.checkouts });
    (0,_core_files_js__WEBPACK_IMPORTED_MODULE_7__/* .unlinkQuiet */ ._f)(path);
}
/** Checkouts (other than lockstep's scratch worktrees) that have `into` checked out. */
async function checkoutsOf(git, rt, into) {
    const scratch = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(rt.root, 'merge', 'scratch');
    return (await (0,_worktree_registry_js__WEBPACK_IMPORTED_MODULE_12__/* .listRegisteredWorktrees */ .p)(git))
        .filter((w) => !w.bare && w.branch === `refs/heads/${into}` && !w.path.startsWith(scratch) && (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(w.path))
        .map((w) => w.path);
}
async function mergeLocked(opts, rt, git, branch, into, h, started) {
    const trailers = validateTrailers(opts.trailers);
    const maxAttempts = opts.maxAttempts ?? 10;
    const waitedMs = h?.waitedMs ?? 0;
    await finishInterruptedSync(rt);
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        // Both names were validated before the lock; here only their current commits are read.
        const old = await tipOf(git, into);
        const tip = await tipOf(git, branch);
        const common = { branch, into, branchTip: tip, waitedMs };
        if (await isAncestor(git, tip, old))
            return { ...common, status: 'up-to-date', commit: old, ms: Date.now() - started };
        if (opts.onceTrailer) {
            const found = await findMergeWithTrailer(git, old, opts.onceTrailer.key, opts.onceTrailer.value);
            if (found)
                return { ...common, status: 'already-merged', commit: found, ms: Date.now() - started };
        }
        const mt = await git.run(['merge-tree', '--write-tree', '--name-only', '--no-messages', '-z', old, tip]);
        const fields = mt.stdout.split('\0');
        if (mt.code === 1) {
            const files = [...new Set(fields.slice(1).filter((f) => f !== ''))];
            return { ...common, status: 'conflict', base: old, files, ms: Date.now() - started };
        }
        if (mt.code !== 0) {
            if (/usage: git merge-tree|unknown option|write-tree/.test(mt.stderr)) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LockstepError */ .Cj('GIT_FAILED', `lockstep merge needs git 2.38 or newer (git merge-tree --write-tree): ${mt.stderr.trim().split('\n')[0]}`, { hint: 'upgrade git' });
            }
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LockstepError */ .Cj('GIT_FAILED', `git merge-tree ${old} ${tip} failed: ${mt.stderr.trim()}`);
        }
        const tree = fields[0].trim();
        const subject = opts.message?.trim() || `Merge ${branch} into ${into}`;
        const message = trailers.length ? `${subject}\n\n${trailers.map(([k, v]) => `${k}: ${v}`).join('\n')}\n` : `${subject}\n`;
        const commit = (await git.exec(['commit-tree', tree, '-p', old, '-p', tip, '-F', '-'], { input: message })).trim();
        let checked = false;
        if (opts.check) {
            const scratchRoot = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(rt.root, 'merge', 'scratch');
            (0,_core_files_js__WEBPACK_IMPORTED_MODULE_7__/* .ensureDir */ .A0)(scratchRoot);
            const scratch = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(scratchRoot, `${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_3__.randomBytes)(4).toString('hex')}`);
            await git.exec(['worktree', 'add', '--quiet', '--detach', scratch, commit]);
            let run;
            try {
                const env = {
                    ...process.env,
                    LOCKSTEP_MERGE_BRANCH: branch,
                    LOCKSTEP_MERGE_INTO: into,
                    LOCKSTEP_MERGE_BASE: old,
                    LOCKSTEP_MERGE_COMMIT: commit,
                };
                // A check that calls lockstep itself re-enters the repository lock instead of waiting on it.
                if (h)
                    env.LOCKSTEP_LOCK_TOKEN = (0,_core_lock_js__WEBPACK_IMPORTED_MODULE_8__/* .tokenEnvFor */ .ER)(h);
                run = await runCheck(opts.check, scratch, env, opts.checkTimeoutMs ?? 0);
            }
            finally {
                await git.run(['worktree', 'remove', '--force', scratch]);
            }
            if (run.exitCode !== 0) {
                return { ...common, status: 'check-failed', base: old, commit, exitCode: run.exitCode, signal: run.signal, timedOut: run.timedOut, output: run.output, ms: Date.now() - started };
            }
            checked = true;
        }
        const sync = opts.syncCheckouts !== false;
        const checkouts = sync ? await checkoutsOf(git, rt, into) : [];
        for (const path of checkouts) {
            const dry = await (0,_git_git_js__WEBPACK_IMPORTED_MODULE_10__/* .createGit */ .l)(path).run(['read-tree', '-m', '-u', '-n', old, commit]);
            if (dry.code !== 0) {
                const reason = dry.stderr.trim().split('\n')[0] ?? 'local changes';
                return { ...common, status: 'blocked', base: old, checkout: path, reason, ms: Date.now() - started };
            }
        }
        if (checkouts.length) {
            (0,_core_files_js__WEBPACK_IMPORTED_MODULE_7__/* .ensureDir */ .A0)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(rt.root, 'merge'));
            (0,_core_files_js__WEBPACK_IMPORTED_MODULE_7__/* .writeFileAtomic */ .Zf)(syncMarkerPath(rt), JSON.stringify({ into, old, commit, checkouts }));
        }
        const pause = attempt === 1 ? faultPauseMs('pause-before-merge-cas') : 0;
        if (pause > 0)
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_4__.setTimeout)(pause);
        const cas = opts.unsafeNoCas
            ? await git.run(['update-ref', '-m', `lockstep merge: ${branch} into ${into}`, `refs/heads/${into}`, commit])
            : await git.run(['update-ref', '-m', `lockstep merge: ${branch} into ${into}`, `refs/heads/${into}`, commit, old]);
        if (cas.code !== 0) {
            const now = (await git.run(['rev-parse', '--verify', '--quiet', `refs/heads/${into}`], { readOnly: true })).stdout.trim();
            (0,_core_files_js__WEBPACK_IMPORTED_MODULE_7__/* .unlinkQuiet */ ._f)(syncMarkerPath(rt));
            if (now !== old) {
                (0,_core_events_js__WEBPACK_IMPORTED_MODULE_6__/* .appendEvent */ .Zn)(rt.root, 'merge_retry', { branch, into, expected: old, found: now, attempt });
                continue; // the base moved under us: merge again onto the new tip
            }
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LockstepError */ .Cj('GIT_FAILED', `git update-ref refs/heads/${into} failed: ${cas.stderr.trim()}`);
        }
        const after = faultPauseMs('pause-after-merge-cas');
        if (after > 0)
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_4__.setTimeout)(after);
        const synced = [];
        const unsynced = [];
        for (const path of checkouts) {
            const r = await (0,_git_git_js__WEBPACK_IMPORTED_MODULE_10__/* .createGit */ .l)(path).run(['read-tree', '-m', '-u', old, commit]);
            if (r.code === 0)
                synced.push(path);
            else
                unsynced.push({ path, reason: r.stderr.trim().split('\n')[0] ?? `exit ${r.code}` });
        }
        if (checkouts.length)
            (0,_core_files_js__WEBPACK_IMPORTED_MODULE_7__/* .unlinkQuiet */ ._f)(syncMarkerPath(rt));
        const ms = Date.now() - started;
        (0,_core_events_js__WEBPACK_IMPORTED_MODULE_6__/* .appendEvent */ .Zn)(rt.root, 'merge', { branch, into, status: 'merged', commit, previous: old, branchTip: tip, attempts: attempt, waitedMs, ms, agent: opts.agent ?? null });
        return { ...common, status: 'merged', commit, previous: old, attempts: attempt, checked, synced, unsynced, ms };
    }
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LockstepError */ .Cj('CONFLICT', `${into} moved during each of ${maxAttempts} merge attempts of ${branch}: gave up`, {
        hint: `something commits to ${into} without lockstep's lock at a high rate; try again: lockstep merge ${branch} --into ${into}`,
    });
}
async function mergeBranch(opts) {
    const cwd = opts.cwd ?? process.cwd();
    const rt = (0,_core_runtime_js__WEBPACK_IMPORTED_MODULE_9__/* .openRuntime */ .fS)({ cwd });
    const git = (0,_git_git_js__WEBPACK_IMPORTED_MODULE_10__/* .createGit */ .l)(cwd);
    const into = opts.into ?? (await (0,_worktree_worktree_js__WEBPACK_IMPORTED_MODULE_13__/* .currentBranch */ .eR)(git));
    const branch = opts.branch;
    await (0,_worktree_worktree_js__WEBPACK_IMPORTED_MODULE_13__/* .branchCommit */ .eG)(git, into);
    await (0,_worktree_worktree_js__WEBPACK_IMPORTED_MODULE_13__/* .branchCommit */ .eG)(git, branch);
    if (branch === into)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LockstepError */ .Cj('BAD_INPUT', `cannot merge ${branch} into itself`);
    if (opts.checkTimeoutMs !== undefined && (!Number.isFinite(opts.checkTimeoutMs) || opts.checkTimeoutMs < 0))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LockstepError */ .Cj('BAD_INPUT', `invalid check timeout ${opts.checkTimeoutMs}`);
    validateTrailers(opts.trailers);
    const started = Date.now();
    const entry = (0,_merge_queue_js__WEBPACK_IMPORTED_MODULE_14__/* .enqueueMerge */ .VL)(rt, { branch, into, agent: opts.agent ?? null });
    try {
        const result = await (0,_worktree_repo_lock_js__WEBPACK_IMPORTED_MODULE_11__/* .withRepoLock */ .Aq)({ runtime: rt, cwd, command: `merge ${branch} into ${into}`, agent: opts.agent, task: opts.task, timeoutMs: opts.timeoutMs, onWait: opts.onWait, unsafeUnserialized: opts.unsafeUnserialized }, async (h) => {
            (0,_merge_queue_js__WEBPACK_IMPORTED_MODULE_14__/* .markMerging */ .NP)(entry.path, entry.entry);
            return mergeLocked(opts, rt, git, branch, into, h, started);
        });
        if (result.status !== 'merged') {
            (0,_core_events_js__WEBPACK_IMPORTED_MODULE_6__/* .appendEvent */ .Zn)(rt.root, result.status === 'conflict' ? 'merge_conflict' : 'merge', {
                branch,
                into,
                status: result.status,
                ...(result.status === 'conflict' ? { files: result.files.slice(0, 50) } : {}),
                ...(result.status === 'blocked' ? { checkout: result.checkout } : {}),
                agent: opts.agent ?? null,
            });
        }
        return result;
    }
    finally {
        (0,_merge_queue_js__WEBPACK_IMPORTED_MODULE_14__/* .dequeueMerge */ .ZJ)(entry.path);
    }
}


/***/ })

};
