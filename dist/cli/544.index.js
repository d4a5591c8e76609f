export const id = 544;
export const ids = [544];
export const modules = {

/***/ 2676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   On: () => (/* binding */ applyCopies),
/* harmony export */   Ro: () => (/* binding */ isCopied),
/* harmony export */   mV: () => (/* binding */ validateCopies)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/**
 * `--copy PATH`: files or directories copied from the user's checkout into an
 * agent worktree (untracked config such as `.env`, tool settings). Paths are
 * validated before anything is touched: relative, inside the checkout (also
 * after resolving symlinks), never `.git`. A copy replaces what is at the
 * destination, so the worktree holds exactly the checkout's version.
 */



/** Validates and normalizes copy paths against the checkout they come from. */
function validateCopies(sourceTop, paths) {
    const top = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(sourceTop);
    const out = [];
    for (const raw of paths) {
        if (typeof raw !== 'string' || raw.trim() === '' || raw.includes('\0'))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `invalid copy path ${JSON.stringify(raw)}`);
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(raw))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `copy path ${raw} must be relative to the checkout (${sourceTop})`);
        const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.normalize)(raw).replace(/[\\/]+$/, '');
        const parts = rel.split(/[\\/]/);
        if (rel === '.' || rel === '' || parts.includes('..'))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `copy path ${raw} must name something inside the checkout`);
        if (parts[0] === '.git')
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `copy path ${raw} is inside .git: git's own files are never copied`);
        const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(top, rel);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(abs))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `copy path ${rel} does not exist in ${sourceTop}`);
        const real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(abs);
        const within = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(top, real);
        if (within === '' || within.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(within) || within.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep)[0] === '.git') {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `copy path ${rel} resolves to ${real}, outside the checkout ${top}`);
        }
        if (!out.includes(rel))
            out.push(rel);
    }
    return out;
}
/** Copies each path from `sourceTop` to the same place under `destTop`, replacing what was there. */
function applyCopies(sourceTop, destTop, rels) {
    for (const rel of rels) {
        const src = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(sourceTop, rel);
        const dest = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(destTop, rel);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dest, { recursive: true, force: true });
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dest), { recursive: true });
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.cpSync)(src, dest, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true, force: true });
        }
        catch (e) {
            throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fsError */ .yi)(e, `copy ${rel} into`, destTop);
        }
    }
}
/** True when `path` (relative to the worktree top, '/'-separated as git prints it) is one of the copies or inside one. */
function isCopied(path, rels) {
    for (const r of rels) {
        const rr = r.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
        if (path === rr || path.startsWith(`${rr}/`))
            return true;
    }
    return false;
}


/***/ }),

/***/ 9842:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ listRegisteredWorktrees)
/* harmony export */ });
/* unused harmony export parseWorktreeList */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/** git's own list of worktrees (`git worktree list --porcelain -z`), parsed. */

function parseWorktreeList(out) {
    const list = [];
    let cur = null;
    for (const field of out.split('\0')) {
        if (field === '') {
            if (cur)
                list.push(cur);
            cur = null;
            continue;
        }
        const sp = field.indexOf(' ');
        const key = sp < 0 ? field : field.slice(0, sp);
        const value = sp < 0 ? '' : field.slice(sp + 1);
        if (key === 'worktree') {
            if (cur)
                list.push(cur);
            cur = { path: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(value), head: null, branch: null, bare: false, detached: false, locked: null, prunable: null };
        }
        else if (cur) {
            if (key === 'HEAD')
                cur.head = value;
            else if (key === 'branch')
                cur.branch = value;
            else if (key === 'bare')
                cur.bare = true;
            else if (key === 'detached')
                cur.detached = true;
            else if (key === 'locked')
                cur.locked = value;
            else if (key === 'prunable')
                cur.prunable = value;
        }
    }
    if (cur)
        list.push(cur);
    return list;
}
async function listRegisteredWorktrees(git) {
    return parseWorktreeList(await git.exec(['worktree', 'list', '--porcelain', '-z'], { readOnly: true }));
}


/***/ }),

/***/ 137:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aq: () => (/* binding */ withRepoLock)
/* harmony export */ });
/* unused harmony exports REPO_LOCK, DEFAULT_REPO_LOCK_TIMEOUT_MS */
/* harmony import */ var _core_lock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6336);
/**
 * The repository lock: one lock (`repo`) around every sequence that changes
 * which worktrees exist or where a shared branch points — worktree add (with
 * its file copies), worktree refresh and remove, prune, and each merge. The
 * lock's FIFO tickets make the merge queue first come, first served, and
 * because worktree creation waits on the same lock, a new worktree never
 * observes a half-done merge (seed 003: a lock around single git commands
 * let a worktree's file copies interleave with a merge's steps).
 */

const REPO_LOCK = 'repo';
/** Merges queue up behind each other: waiting minutes is normal with many agents. */
const DEFAULT_REPO_LOCK_TIMEOUT_MS = 600_000;
async function withRepoLock(opts, fn) {
    if (opts.unsafeUnserialized)
        return fn(null);
    return (0,_core_lock_js__WEBPACK_IMPORTED_MODULE_0__/* .withLock */ .kK)({
        runtime: opts.runtime,
        cwd: opts.cwd,
        name: REPO_LOCK,
        command: opts.command,
        agent: opts.agent ?? null,
        task: opts.task ?? null,
        timeoutMs: opts.timeoutMs ?? DEFAULT_REPO_LOCK_TIMEOUT_MS,
        onWait: opts.onWait,
        env: opts.env,
    }, fn);
}


/***/ }),

/***/ 7544:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A5: () => (/* binding */ refreshAgentWorktree),
/* harmony export */   K6: () => (/* binding */ addAgentWorktree),
/* harmony export */   PU: () => (/* binding */ removeAgentWorktree),
/* harmony export */   WI: () => (/* binding */ readManifest),
/* harmony export */   eG: () => (/* binding */ branchCommit),
/* harmony export */   eR: () => (/* binding */ currentBranch),
/* harmony export */   fW: () => (/* binding */ pruneWorktrees),
/* harmony export */   oB: () => (/* binding */ listAgentWorktrees),
/* harmony export */   po: () => (/* binding */ listManifests)
/* harmony export */ });
/* unused harmony exports worktreesDir, agentBranch, agentActivity */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _core_events_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7842);
/* harmony import */ var _core_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9928);
/* harmony import */ var _core_process_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9978);
/* harmony import */ var _core_runtime_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9199);
/* harmony import */ var _git_git_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(308);
/* harmony import */ var _queue_agents_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5881);
/* harmony import */ var _queue_queue_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4752);
/* harmony import */ var _queue_names_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(8579);
/* harmony import */ var _copies_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(2676);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(9842);
/* harmony import */ var _repo_lock_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(137);
/**
 * Agent worktrees: one git worktree per agent, on its own branch
 * `lockstep/<agent>`, at `<runtime>/worktrees/<agent>/` (inside the common
 * git dir: invisible to `git status` in the user's checkout, shared by every
 * checkout of the repository).
 *
 * Creating one is a single sequence under the repository lock: branch +
 * `git worktree add --lock --reason …` + the `--copy` files + the manifest
 * (`<runtime>/worktrees/<agent>.json`, written last: a worktree without a
 * manifest is half built). Merges take the same lock, so no merge sees a
 * half-built worktree and no worktree is built from a half-done merge.
 *
 * Linked worktrees share the repository's config and hooks directory, so
 * lockstep's hooks run inside them unchanged.
 */














// --- paths and manifests --------------------------------------------------------
function worktreesDir(rt) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(rt.root, 'worktrees');
}
function manifestPath(rt, agent) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(worktreesDir(rt), `${agent}.json`);
}
function agentBranch(agent) {
    return `lockstep/${agent}`;
}
function readManifest(rt, agent) {
    return (0,_core_files_js__WEBPACK_IMPORTED_MODULE_4__/* .readJsonFile */ .JE)(manifestPath(rt, agent), 'worktree manifest') ?? null;
}
/** Manifests of the agent worktrees (no git calls: cheap enough for `status --watch`). */
function listManifests(rt) {
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(worktreesDir(rt));
    }
    catch {
        return [];
    }
    const out = [];
    for (const n of names.sort()) {
        if (!n.endsWith('.json') || n.startsWith('.'))
            continue;
        try {
            const m = (0,_core_files_js__WEBPACK_IMPORTED_MODULE_4__/* .readJsonFile */ .JE)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(worktreesDir(rt), n), 'worktree manifest');
            if (m)
                out.push(m);
        }
        catch {
            /* a corrupt manifest is reported by `worktree list`, not fatal here */
        }
    }
    return out;
}
function real(p) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(p);
    }
    catch {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(p);
    }
}
// --- git pieces ---------------------------------------------------------------------
function checkoutTop(git) {
    const paths = git.repoPaths();
    if (!paths.topLevel)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BARE_REPO', `${git.cwd} has no checkout: agent worktrees are made from a checkout`);
    return paths.topLevel;
}
async function currentBranch(git) {
    const r = await git.run(['symbolic-ref', '--quiet', '--short', 'HEAD'], { readOnly: true });
    if (r.code !== 0 || !r.stdout.trim()) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `HEAD is detached in ${git.cwd}: name the branch with --base BRANCH`);
    }
    return r.stdout.trim();
}
/** Validates a branch name (git's own rules) and returns its commit. */
async function branchCommit(git, branch) {
    if (typeof branch !== 'string' || branch === '' || branch.startsWith('-'))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_NAME', `invalid branch name ${JSON.stringify(branch)}`);
    const fmt = await git.run(['check-ref-format', '--branch', branch], { readOnly: true });
    if (fmt.code !== 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_NAME', `invalid branch name ${JSON.stringify(branch)}`);
    const r = await git.run(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`], { readOnly: true });
    if (r.code !== 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('NOT_FOUND', `no branch ${branch} in this repository`, { hint: 'list branches with: git branch' });
    return r.stdout.trim();
}
async function tryCommit(git, ref) {
    const r = await git.run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { readOnly: true });
    return r.code === 0 ? r.stdout.trim() : null;
}
async function countUnmerged(git, base, head) {
    const r = await git.run(['rev-list', '--count', `${base}..${head}`], { readOnly: true });
    return r.code === 0 ? Number(r.stdout.trim()) || 0 : 0;
}
/** The base to measure "merged" against: the base branch, or the recorded commit if the branch is gone. */
async function baseRef(git, m) {
    return (await tryCommit(git, `refs/heads/${m.base}`)) ?? m.baseCommit;
}
/** Uncommitted changes in the worktree, ignoring the copied paths. */
async function dirtyPaths(wtGit, copies) {
    const r = await wtGit.run(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignore-submodules'], { readOnly: true });
    if (r.code !== 0)
        return [];
    const out = [];
    const fields = r.stdout.split('\0');
    for (let i = 0; i < fields.length; i++) {
        const f = fields[i];
        if (f.length < 4)
            continue;
        const status = f.slice(0, 2);
        const path = f.slice(3);
        if (status[0] === 'R' || status[0] === 'C')
            i++; // the next field is the old name
        if (!(0,_copies_js__WEBPACK_IMPORTED_MODULE_11__/* .isCopied */ .Ro)(path, copies))
            out.push(path);
    }
    return out;
}
async function hooksCheck(mainGit, wtGit, wtPath) {
    const main = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(mainGit.cwd, (await mainGit.exec(['rev-parse', '--git-path', 'hooks'], { readOnly: true })).trim());
    const inside = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(wtPath, (await wtGit.exec(['rev-parse', '--git-path', 'hooks'], { readOnly: true })).trim());
    if (real(main) === real(inside))
        return { path: inside, shared: true, warning: null };
    // A relative core.hooksPath is resolved per worktree: fine when the directory is tracked.
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(main) && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(inside)) {
        return { path: inside, shared: false, warning: `core.hooksPath resolves to ${inside} in the worktree, which does not exist: commit the hooks directory, copy it with --copy, or make core.hooksPath absolute` };
    }
    return { path: inside, shared: false, warning: null };
}
/** Is the agent still at work? A live claim, a live lease or process, or a live worktree owner says yes. */
function agentActivity(rt, agent, owner = null, now = Date.now()) {
    const reasons = [];
    for (const c of (0,_queue_queue_js__WEBPACK_IMPORTED_MODULE_9__/* .listClaims */ .Ar)({ runtime: rt, agent })) {
        if (c.ownerAlive)
            reasons.push(`it holds item ${c.id} of queue ${c.queue} (claim ${c.generation}) and its process ${c.pid} is running`);
        else if (c.leaseEndsAtMs > now)
            reasons.push(`it holds item ${c.id} of queue ${c.queue} (claim ${c.generation}) with ${((c.leaseEndsAtMs - now) / 1000).toFixed(0)} s of lease left`);
    }
    const rec = (0,_queue_agents_js__WEBPACK_IMPORTED_MODULE_8__/* .readAgent */ .si)(rt, agent);
    if (rec && rec.state !== 'exited') {
        if ((0,_queue_agents_js__WEBPACK_IMPORTED_MODULE_8__/* .agentProcessAlive */ .s7)(rec, now))
            reasons.push(`its process ${rec.pid} is running (last heartbeat ${((now - rec.renewedAtMs) / 1000).toFixed(0)} s ago)`);
        else if ((0,_queue_agents_js__WEBPACK_IMPORTED_MODULE_8__/* .agentLeaseEnd */ .D1)(rec) > now)
            reasons.push(`its lease runs ${(((0,_queue_agents_js__WEBPACK_IMPORTED_MODULE_8__/* .agentLeaseEnd */ .D1)(rec) - now) / 1000).toFixed(0)} s more`);
    }
    if (owner && (0,_core_process_js__WEBPACK_IMPORTED_MODULE_5__/* .liveness */ .QX)(owner).state === 'alive')
        reasons.push(`the worktree is held for process ${owner.pid}, which is running`);
    return { active: reasons.length > 0, reasons };
}
// --- add ---------------------------------------------------------------------------------
async function addAgentWorktree(opts) {
    const agent = (0,_queue_names_js__WEBPACK_IMPORTED_MODULE_10__/* .validateAgentId */ .zr)(opts.agent);
    const cwd = opts.cwd ?? process.cwd();
    const rt = (0,_core_runtime_js__WEBPACK_IMPORTED_MODULE_6__/* .openRuntime */ .fS)({ cwd });
    const git = (0,_git_git_js__WEBPACK_IMPORTED_MODULE_7__/* .createGit */ .l)(cwd);
    const source = checkoutTop(git);
    const base = opts.base ?? (await currentBranch(git));
    await branchCommit(git, base); // validate before taking the lock
    const copies = (0,_copies_js__WEBPACK_IMPORTED_MODULE_11__/* .validateCopies */ .mV)(source, opts.copy ?? []);
    let owner = null;
    if (opts.ownerPid !== undefined && opts.ownerPid !== null) {
        const id = (0,_core_process_js__WEBPACK_IMPORTED_MODULE_5__/* .identityOf */ .cu)(opts.ownerPid);
        if (id.pidStart === null)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `owner pid ${opts.ownerPid} is not a running process`);
        owner = { pid: id.pid, pidStart: id.pidStart, bootId: id.bootId, host: id.host };
    }
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(worktreesDir(rt), agent);
    const branch = agentBranch(agent);
    (0,_core_files_js__WEBPACK_IMPORTED_MODULE_4__/* .ensureDir */ .A0)(worktreesDir(rt));
    const made = await (0,_repo_lock_js__WEBPACK_IMPORTED_MODULE_13__/* .withRepoLock */ .Aq)({ runtime: rt, cwd, command: `worktree add ${agent}`, agent, timeoutMs: opts.timeoutMs, onWait: opts.onWait, unsafeUnserialized: opts.unsafeUnserialized }, async () => {
        const existing = readManifest(rt, agent);
        if (existing) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('CONFLICT', `agent ${agent} already has a worktree at ${existing.path} (created ${existing.createdAt})`, {
                hint: `use it, or remove it first: lockstep worktree remove ${agent}`,
            });
        }
        const registered = await (0,_registry_js__WEBPACK_IMPORTED_MODULE_12__/* .listRegisteredWorktrees */ .p)(git);
        if (registered.some((w) => real(w.path) === real(path))) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('CONFLICT', `a half-built worktree for agent ${agent} is registered at ${path} (its creator stopped before finishing)`, {
                hint: `clean it up: lockstep worktree prune`,
            });
        }
        // An unregistered leftover inside our own directory. (No `git worktree prune` here: it races with
        // anybody's concurrent `git worktree add`, which is briefly unregistered-looking itself.)
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(path, { recursive: true, force: true });
        const baseTip = await branchCommit(git, base);
        const oldTip = await tryCommit(git, `refs/heads/${branch}`);
        if (oldTip) {
            const unmerged = await countUnmerged(git, baseTip, oldTip);
            if (unmerged > 0) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('CONFLICT', `branch ${branch} has ${unmerged} commit(s) not merged into ${base}: not reusing it for a new worktree`, {
                    hint: `merge it (lockstep merge ${branch} --into ${base}) or delete it (git branch -D ${branch})`,
                });
            }
            const holder = registered.find((w) => w.branch === `refs/heads/${branch}`);
            if (holder)
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('CONFLICT', `branch ${branch} is checked out at ${holder.path}`, { hint: `check out another branch there, or remove that worktree` });
        }
        const lockReason = `lockstep agent ${agent} (pid ${owner?.pid ?? process.pid}, base ${base}) since ${new Date().toISOString()}`;
        await git.exec(['worktree', 'add', '--quiet', '--lock', '--reason', lockReason, '-B', branch, path, baseTip]);
        try {
            (0,_copies_js__WEBPACK_IMPORTED_MODULE_11__/* .applyCopies */ .On)(source, path, copies);
            const now = Date.now();
            const manifest = {
                v: 1,
                agent,
                path,
                branch,
                base,
                baseCommit: baseTip,
                copies,
                source,
                owner,
                lockReason,
                createdAt: new Date(now).toISOString(),
                createdAtMs: now,
                refreshedAtMs: now,
            };
            (0,_core_files_js__WEBPACK_IMPORTED_MODULE_4__/* .writeFileAtomic */ .Zf)(manifestPath(rt, agent), JSON.stringify(manifest, null, 2));
            (0,_core_events_js__WEBPACK_IMPORTED_MODULE_3__/* .appendEvent */ .Zn)(rt.root, 'worktree_add', { agent, path, branch, base, baseCommit: baseTip, copies });
            return { agent, path, branch, base, baseCommit: baseTip, copies };
        }
        catch (e) {
            await git.run(['worktree', 'unlock', path]);
            await git.run(['worktree', 'remove', '--force', path]);
            if (!oldTip)
                await git.run(['update-ref', '-d', `refs/heads/${branch}`]);
            throw e;
        }
    });
    // Reading where hooks resolve touches nothing shared: outside the lock, so agents starting together queue less.
    return { ...made, hooks: await hooksCheck(git, (0,_git_git_js__WEBPACK_IMPORTED_MODULE_7__/* .createGit */ .l)(path), path) };
}
/**
 * Resets an agent worktree to the current tip of its base and redoes its
 * copies: the start of each new item, under the repository lock like a
 * creation.
 */
async function refreshAgentWorktree(opts) {
    const agent = (0,_queue_names_js__WEBPACK_IMPORTED_MODULE_10__/* .validateAgentId */ .zr)(opts.agent);
    const cwd = opts.cwd ?? process.cwd();
    const rt = (0,_core_runtime_js__WEBPACK_IMPORTED_MODULE_6__/* .openRuntime */ .fS)({ cwd });
    const git = (0,_git_git_js__WEBPACK_IMPORTED_MODULE_7__/* .createGit */ .l)(cwd);
    const first = readManifest(rt, agent);
    if (!first)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('NOT_FOUND', `agent ${agent} has no worktree`, { hint: `create it: lockstep worktree add ${agent}` });
    // Without copies a refresh reads nothing shared but the base ref (which only ever moves in one step)
    // and touches nothing but its own worktree: it needs no place in the merge queue.
    const unserialized = Boolean(opts.unsafeUnserialized) || first.copies.length === 0;
    return (0,_repo_lock_js__WEBPACK_IMPORTED_MODULE_13__/* .withRepoLock */ .Aq)({ runtime: rt, cwd, command: `worktree refresh ${agent}`, agent, timeoutMs: opts.timeoutMs, onWait: opts.onWait, unsafeUnserialized: unserialized }, async () => {
        const m = readManifest(rt, agent);
        if (!m)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('NOT_FOUND', `agent ${agent} has no worktree`, { hint: `create it: lockstep worktree add ${agent}` });
        const wtGit = (0,_git_git_js__WEBPACK_IMPORTED_MODULE_7__/* .createGit */ .l)(m.path);
        const baseTip = await tryCommit(git, `refs/heads/${m.base}`);
        if (!baseTip)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('NOT_FOUND', `the base branch ${m.base} of agent ${agent} no longer exists`, { hint: `remove the worktree: lockstep worktree remove ${agent}` });
        if (!opts.discardUnmerged) {
            const unmerged = await countUnmerged(git, baseTip, m.branch);
            if (unmerged > 0) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('CONFLICT', `${m.branch} has ${unmerged} commit(s) not merged into ${m.base}: not resetting it`, { hint: `merge it first: lockstep merge ${m.branch} --into ${m.base}` });
            }
        }
        await wtGit.exec(['reset', '--quiet', '--hard', baseTip]);
        await wtGit.exec(['clean', '-ffdq']);
        (0,_copies_js__WEBPACK_IMPORTED_MODULE_11__/* .applyCopies */ .On)(m.source, m.path, m.copies);
        const next = { ...m, baseCommit: baseTip, refreshedAtMs: Date.now() };
        (0,_core_files_js__WEBPACK_IMPORTED_MODULE_4__/* .writeFileAtomic */ .Zf)(manifestPath(rt, agent), JSON.stringify(next, null, 2));
        return { agent, path: m.path, branch: m.branch, base: m.base, baseCommit: baseTip, copies: m.copies };
    });
}
async function removeLocked(rt, git, m, force) {
    const present = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(m.path);
    const wtGit = (0,_git_git_js__WEBPACK_IMPORTED_MODULE_7__/* .createGit */ .l)(m.path);
    const base = await baseRef(git, m);
    const head = present ? ((await tryCommit(wtGit, 'HEAD')) ?? m.branch) : m.branch;
    const unmerged = (await tryCommit(git, head)) ? await countUnmerged(git, base, head) : 0;
    const dirty = present ? await dirtyPaths(wtGit, m.copies) : [];
    if (!force) {
        const act = agentActivity(rt, m.agent, m.owner);
        if (act.active) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('CONFLICT', `not removing the worktree of agent ${m.agent}: ${act.reasons.join('; ')}`, {
                hint: `wait for the agent to finish, or remove it anyway: lockstep worktree remove ${m.agent} --force`,
                detail: { agent: m.agent, reasons: act.reasons },
            });
        }
        if (dirty.length) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('CONFLICT', `not removing the worktree of agent ${m.agent}: ${dirty.length} uncommitted change(s) (${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? ', …' : ''})`, {
                hint: `commit them in ${m.path}, or throw them away: lockstep worktree remove ${m.agent} --force`,
                detail: { agent: m.agent, dirty },
            });
        }
        if (unmerged > 0) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('CONFLICT', `not removing the worktree of agent ${m.agent}: ${unmerged} commit(s) on ${m.branch} are not merged into ${m.base}`, {
                hint: `merge them: lockstep merge ${m.branch} --into ${m.base}; or remove the worktree and keep the branch: lockstep worktree remove ${m.agent} --force`,
                detail: { agent: m.agent, unmerged },
            });
        }
    }
    if (present) {
        await git.run(['worktree', 'unlock', m.path]);
        const r = await git.run(['worktree', 'remove', '--force', m.path]);
        if (r.code !== 0 && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(m.path)) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('GIT_FAILED', `git worktree remove ${m.path} failed: ${r.stderr.trim()}`);
        }
    }
    else {
        // Only a registration whose directory vanished needs git's prune (see addAgentWorktree on why not always).
        await git.run(['worktree', 'prune']);
    }
    let branchDeleted = false;
    const tip = await tryCommit(git, `refs/heads/${m.branch}`);
    if (tip) {
        const left = await countUnmerged(git, base, tip);
        if (left === 0) {
            branchDeleted = (await git.run(['update-ref', '-d', `refs/heads/${m.branch}`, tip])).code === 0;
        }
    }
    const branchLeft = branchDeleted || !tip ? 0 : await countUnmerged(git, base, `refs/heads/${m.branch}`);
    (0,_core_files_js__WEBPACK_IMPORTED_MODULE_4__/* .unlinkQuiet */ ._f)(manifestPath(rt, m.agent));
    (0,_core_events_js__WEBPACK_IMPORTED_MODULE_3__/* .appendEvent */ .Zn)(rt.root, 'worktree_remove', { agent: m.agent, path: m.path, branch: m.branch, branchDeleted, unmerged: branchLeft, discarded: dirty.length, force });
    return { agent: m.agent, path: m.path, branch: m.branch, branchDeleted, unmergedCommits: branchLeft, discarded: force ? dirty : [] };
}
/**
 * Removes an agent's worktree. Refuses (CONFLICT, exit 1) while the agent
 * holds a live lease or claim, or the worktree has uncommitted changes or
 * commits not merged into its base — unless `force`. The branch is deleted
 * only when everything on it is merged; otherwise it is kept.
 */
async function removeAgentWorktree(opts) {
    const agent = (0,_queue_names_js__WEBPACK_IMPORTED_MODULE_10__/* .validateAgentId */ .zr)(opts.agent);
    const cwd = opts.cwd ?? process.cwd();
    const rt = (0,_core_runtime_js__WEBPACK_IMPORTED_MODULE_6__/* .openRuntime */ .fS)({ cwd });
    const git = (0,_git_git_js__WEBPACK_IMPORTED_MODULE_7__/* .createGit */ .l)(cwd);
    return (0,_repo_lock_js__WEBPACK_IMPORTED_MODULE_13__/* .withRepoLock */ .Aq)({ runtime: rt, cwd, command: `worktree remove ${agent}`, agent, timeoutMs: opts.timeoutMs, onWait: opts.onWait, unsafeUnserialized: opts.unsafeUnserialized }, async () => {
        const m = readManifest(rt, agent);
        if (!m)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('NOT_FOUND', `agent ${agent} has no worktree`, { hint: 'list them: lockstep worktree list' });
        return removeLocked(rt, git, m, Boolean(opts.force));
    });
}
/** Cleans up after dead agents: their worktrees (unmerged branches are kept), half-built worktrees, stale agent records. */
async function pruneWorktrees(opts = {}) {
    const cwd = opts.cwd ?? process.cwd();
    const rt = (0,_core_runtime_js__WEBPACK_IMPORTED_MODULE_6__/* .openRuntime */ .fS)({ cwd });
    const git = (0,_git_git_js__WEBPACK_IMPORTED_MODULE_7__/* .createGit */ .l)(cwd);
    const dryRun = Boolean(opts.dryRun);
    return (0,_repo_lock_js__WEBPACK_IMPORTED_MODULE_13__/* .withRepoLock */ .Aq)({ runtime: rt, cwd, command: 'worktree prune', timeoutMs: opts.timeoutMs, onWait: opts.onWait, unsafeUnserialized: opts.unsafeUnserialized }, async () => {
        const out = { removed: [], kept: [], halfBuilt: [], agentRecords: [], dryRun };
        const manifests = listManifests(rt);
        for (const m of manifests) {
            const act = agentActivity(rt, m.agent, m.owner);
            if (act.active) {
                out.kept.push({ agent: m.agent, path: m.path, reason: `agent is active: ${act.reasons.join('; ')}` });
                continue;
            }
            if (!opts.force && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(m.path)) {
                const dirty = await dirtyPaths((0,_git_git_js__WEBPACK_IMPORTED_MODULE_7__/* .createGit */ .l)(m.path), m.copies);
                if (dirty.length) {
                    out.kept.push({ agent: m.agent, path: m.path, reason: `${dirty.length} uncommitted change(s): lockstep worktree remove ${m.agent} --force` });
                    continue;
                }
            }
            if (dryRun)
                out.removed.push({ agent: m.agent, path: m.path, branch: m.branch, branchDeleted: false, unmergedCommits: 0, discarded: [] });
            else
                out.removed.push(await removeLocked(rt, git, m, true));
        }
        const known = new Set(manifests.map((m) => real(m.path)));
        const dir = real(worktreesDir(rt));
        const registered = await (0,_registry_js__WEBPACK_IMPORTED_MODULE_12__/* .listRegisteredWorktrees */ .p)(git);
        for (const w of registered) {
            const p = real(w.path);
            if (!p.startsWith(`${dir}/`) || known.has(p))
                continue;
            // Under the repository lock nobody is building a worktree: one without a manifest was abandoned half built.
            out.halfBuilt.push(w.path);
            if (!dryRun) {
                await git.run(['worktree', 'unlock', w.path]);
                await git.run(['worktree', 'remove', '--force', w.path]);
            }
        }
        if (!dryRun)
            await git.run(['worktree', 'prune']);
        const now = Date.now();
        for (const rec of (0,_queue_agents_js__WEBPACK_IMPORTED_MODULE_8__/* .listAgents */ .vc)({ runtime: rt })) {
            if (readManifest(rt, rec.agent))
                continue;
            if (rec.state !== 'exited' && ((0,_queue_agents_js__WEBPACK_IMPORTED_MODULE_8__/* .agentProcessAlive */ .s7)(rec, now) || (0,_queue_agents_js__WEBPACK_IMPORTED_MODULE_8__/* .agentLeaseEnd */ .D1)(rec) > now))
                continue;
            if ((0,_queue_queue_js__WEBPACK_IMPORTED_MODULE_9__/* .listClaims */ .Ar)({ runtime: rt, agent: rec.agent }).length)
                continue;
            out.agentRecords.push(rec.agent);
            if (!dryRun)
                (0,_queue_agents_js__WEBPACK_IMPORTED_MODULE_8__/* .removeAgentRecord */ .zC)(rt, rec.agent);
        }
        return out;
    });
}
async function listAgentWorktrees(opts = {}) {
    const cwd = opts.cwd ?? process.cwd();
    const rt = (0,_core_runtime_js__WEBPACK_IMPORTED_MODULE_6__/* .openRuntime */ .fS)({ cwd });
    const registered = await (0,_registry_js__WEBPACK_IMPORTED_MODULE_12__/* .listRegisteredWorktrees */ .p)((0,_git_git_js__WEBPACK_IMPORTED_MODULE_7__/* .createGit */ .l)(cwd));
    return listManifests(rt).map((m) => {
        const reg = registered.find((w) => real(w.path) === real(m.path));
        const act = agentActivity(rt, m.agent, m.owner);
        return { ...m, exists: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(m.path), locked: reg?.locked ?? null, active: act.active, activity: act.reasons };
    });
}


/***/ })

};
