export const id = 856;
export const ids = [856];
export const modules = {

/***/ 856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $: () => (/* binding */ commitTask)
});

// UNUSED EXPORTS: repoRelativePaths

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/config/config.ts
var config_config = __webpack_require__(1122);
// EXTERNAL MODULE: ./src/core/events.ts
var events = __webpack_require__(7842);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/files.ts
var files = __webpack_require__(9928);
// EXTERNAL MODULE: ./src/core/lock.ts
var lock = __webpack_require__(6336);
// EXTERNAL MODULE: ./src/core/process.ts
var core_process = __webpack_require__(9978);
// EXTERNAL MODULE: ./src/core/runtime.ts
var runtime = __webpack_require__(9199);
// EXTERNAL MODULE: ./src/git/git.ts
var git_git = __webpack_require__(308);
// EXTERNAL MODULE: ./src/tasks/fence.ts
var tasks_fence = __webpack_require__(9699);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./src/tasks/index-retry.ts
/**
 * Steps that take the real index's lock (`index.lock`) while other git
 * processes — a person's `git add`, a hook-path `git commit` waiting in its
 * pre-commit for the commit lock — may briefly hold it: they retry instead of
 * failing at the first collision.
 */

function indexLocked(r) {
    return r.code !== 0 && /index\.lock/.test(r.stderr);
}
/** Runs a git step that takes the real index's lock, retrying while another git process holds index.lock (until `deadlineMs`). */
async function withIndexRetry(run, deadlineMs) {
    for (let delay = 5;; delay = Math.min(100, delay * 2)) {
        const r = await run();
        if (!indexLocked(r) || Date.now() > deadlineMs)
            return r;
        await (0,promises_.setTimeout)(delay);
    }
}

// EXTERNAL MODULE: ./src/tasks/git-paths.ts
var git_paths = __webpack_require__(659);
// EXTERNAL MODULE: ./src/tasks/scope.ts
var scope = __webpack_require__(9846);
;// CONCATENATED MODULE: ./src/tasks/orphans.ts
/**
 * Orphaned changes: a change to a shared path that is not the committing
 * task's, found at the start of `lockstep commit --edit`'s critical section.
 *
 * By protocol every `lockstep commit` leaves its paths clean (the edit's change
 * is committed, the index follows). So when, with the commit lock held and
 * before the edit runs, a shared path named in PATHS (one outside the task's
 * own scope, e.g. TODO.md) differs from HEAD in the worktree or the index,
 * that change was made outside this commit: by a `lockstep commit` killed in
 * the middle of its edit, or by someone editing outside lockstep. Staging the
 * path would sweep it into this task's commit (the suites' `foreign_todo_line`).
 * It is moved aside instead — saved under `<runtime>/orphans/`, recorded as an
 * `orphaned_change` event, and the path restored to HEAD — so nothing is lost
 * and nothing foreign is committed.
 *
 * Paths in the task's own scope are never moved aside (only this task may
 * commit them, so a change there is its own work), and neither is anything
 * when no `--edit` is given: then the command commits a change the caller
 * made by hand, which is exactly the dirty content.
 */









const ORPHANS_DIR = 'orphans';
/** `n` space-separated fields, then the rest (a path may hold spaces). */
function fieldsThenPath(rec, n) {
    let at = 0;
    const fields = [];
    for (let k = 0; k < n; k++) {
        const sp = rec.indexOf(' ', at);
        if (sp < 0)
            return null;
        fields.push(rec.slice(at, sp));
        at = sp + 1;
    }
    return { fields, path: rec.slice(at) };
}
/** Parses `git status --porcelain=v2 -z --no-renames` output; unmerged entries and submodules are left out (never moved aside). */
function parseStatusV2(raw) {
    const byPath = new Map();
    const recs = raw.split('\0');
    for (let k = 0; k < recs.length; k++) {
        const rec = recs[k];
        if (rec === '')
            continue;
        const kind = rec[0];
        if (kind === '1' || kind === '2') {
            // 1 XY sub mH mI mW hH hI path   (2 … adds a score, and the original path follows as its own record)
            const p = fieldsThenPath(rec, kind === '1' ? 8 : 9);
            if (kind === '2')
                k++;
            if (!p)
                continue;
            const [, xy, sub, mH, mI] = p.fields;
            if (sub !== 'N...')
                continue;
            const prev = byPath.get(p.path);
            byPath.set(p.path, {
                path: p.path,
                inHead: mH !== '000000',
                inIndex: mI !== '000000',
                indexDiffers: xy[0] !== '.',
                worktreeDiffers: xy[1] !== '.' || (prev?.worktreeDiffers ?? false),
            });
        }
        else if (kind === '?') {
            const path = rec.slice(2);
            const prev = byPath.get(path);
            // Untracked, or a path whose index entry was removed (`1 D.`) but whose file is still there.
            byPath.set(path, prev ? { ...prev, worktreeDiffers: true } : { path, inHead: false, inIndex: false, indexDiffers: false, worktreeDiffers: true });
        }
    }
    return [...byPath.values()];
}
/** A file-name-safe rendering of a repository path, for the saved copy's name (the event keeps the real path). */
function sanitizePath(p) {
    const s = p.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '');
    return (s.length > 100 ? s.slice(-100) : s) || 'path';
}
function lstatQuiet(p) {
    try {
        return (0,external_node_fs_.lstatSync)(p);
    }
    catch {
        return null;
    }
}
/** Links `tmp` to `dir/base` (or `base-2`, `-3`, … if taken: link(2) never replaces), then drops `tmp`. Returns the final path. */
function publish(tmp, dir, base) {
    try {
        for (let n = 1;; n++) {
            const target = (0,external_node_path_.join)(dir, n === 1 ? base : `${base}-${n}`);
            try {
                (0,external_node_fs_.linkSync)(tmp, target);
                return target;
            }
            catch (e) {
                if (e.code !== 'EEXIST' || n > 1000)
                    throw e;
            }
        }
    }
    finally {
        (0,files/* unlinkQuiet */._f)(tmp);
    }
}
/**
 * With the commit lock held and before the edit runs: saves, records and
 * undoes every change to a shared path among `paths` (see the file comment).
 * Index entries of other paths are not touched.
 */
async function moveAsideForeignChanges(opts) {
    const { git, top } = opts;
    // Only paths that can hold a shared file need looking at: a named file of the task's own scope cannot.
    const candidates = opts.paths.filter((p) => {
        if (p === '.')
            return true;
        const st = lstatQuiet((0,external_node_path_.join)(top, p));
        if (st?.isDirectory())
            return true;
        return (0,scope/* classifyPaths */.jN)({ task: opts.task, others: [], shared: opts.shared, paths: [p] }).shared.length > 0;
    });
    if (candidates.length === 0)
        return [];
    const status = await git.run(['--literal-pathspecs', 'status', '--porcelain=v2', '-z', '--untracked-files=all', '--no-renames', '--ignore-submodules=all', '--', ...candidates], { readOnly: true });
    if (status.code !== 0)
        throw new errors/* LockstepError */.Cj('GIT_FAILED', `checking ${candidates.map(scope/* showPath */.P8).join(' ')} for changes left by others (git status) failed: ${status.stderr.trim()}`);
    const dirty = parseStatusV2(status.stdout);
    if (dirty.length === 0)
        return [];
    const sharedSet = new Set((0,scope/* classifyPaths */.jN)({ task: opts.task, others: opts.others, shared: opts.shared, paths: dirty.map((d) => d.path) }).shared);
    const found = dirty.filter((d) => sharedSet.has(d.path) && !lstatQuiet((0,external_node_path_.join)(top, d.path))?.isDirectory());
    if (found.length === 0)
        return [];
    const dir = (0,external_node_path_.join)(opts.root, ORPHANS_DIR);
    (0,files/* ensureDir */.A0)(dir);
    const stamp = new Date().toISOString().replace(/[-:]/g, '');
    const prefix = `${stamp}-${opts.task.id}-`;
    const fromTask = opts.handle.tookOver?.task ?? null;
    const base = found.some((d) => d.inHead) ? await (0,git_paths/* headCommit */.Qo)(git) : null;
    // 1. Save: the worktree's bytes (a symlink's target), and the index's version where it is a third one.
    const indexCopies = found.filter((d) => d.inIndex && d.indexDiffers && d.worktreeDiffers);
    const exportDir = (0,external_node_path_.join)(dir, `.export.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`);
    const out = [];
    try {
        if (indexCopies.length) {
            // checkout-index writes `<prefix><path>` with the worktree's filters applied, without taking index.lock.
            const r = await git.run(['checkout-index', '-f', '-z', '--stdin', `--prefix=${exportDir}/`], { readOnly: true, input: indexCopies.map((d) => `${d.path}\0`).join('') });
            if (r.code !== 0)
                throw new errors/* LockstepError */.Cj('GIT_FAILED', `saving the staged versions of ${indexCopies.map((d) => (0,scope/* showPath */.P8)(d.path)).join(' ')} (git checkout-index) failed: ${r.stderr.trim()}; nothing committed`);
        }
        for (const d of found) {
            const name = prefix + sanitizePath(d.path);
            const abs = (0,external_node_path_.join)(top, d.path);
            const st = lstatQuiet(abs);
            const exported = indexCopies.includes(d) ? (0,external_node_path_.join)(exportDir, d.path) : null;
            let savedTo = null;
            let stagedSavedTo = null;
            if (st?.isFile() || st?.isSymbolicLink()) {
                const tmp = (0,files/* tempPathFor */.FD)((0,external_node_path_.join)(dir, name));
                if (st.isSymbolicLink())
                    (0,external_node_fs_.writeFileSync)(tmp, (0,external_node_fs_.readlinkSync)(abs), { flag: 'wx' });
                else
                    (0,external_node_fs_.copyFileSync)(abs, tmp);
                savedTo = publish(tmp, dir, name);
                if (exported)
                    stagedSavedTo = publish(exported, dir, `${name}.staged`);
            }
            else if (exported) {
                savedTo = publish(exported, dir, name);
            }
            out.push({ path: d.path, savedTo, stagedSavedTo, deleted: savedTo === null, base: d.inHead ? base : null, fromTask });
        }
    }
    finally {
        (0,external_node_fs_.rmSync)(exportDir, { recursive: true, force: true });
    }
    // 2. Restore each path to HEAD, in the worktree and in the index (other paths' entries are not touched).
    const saved = () => out.filter((o) => o.savedTo).map((o) => `${(0,scope/* showPath */.P8)(o.path)} → ${o.savedTo}`).join(', ');
    const fail = (what, stderr) => new errors/* LockstepError */.Cj('GIT_FAILED', `moving aside the change left in ${found.map((d) => (0,scope/* showPath */.P8)(d.path)).join(' ')} failed (${what}: ${stderr.trim()}): nothing committed${saved() ? `; saved: ${saved()}` : ''}`, {
        hint: 'run the command again once git is done (another git process may hold .git/index.lock)',
    });
    const fromHead = found.filter((d) => d.inHead).map((d) => `${d.path}\0`).join('');
    if (fromHead) {
        const r = await withIndexRetry(() => git.run(['--literal-pathspecs', 'checkout', '-q', 'HEAD', '--pathspec-from-file=-', '--pathspec-file-nul'], { input: fromHead }), opts.deadlineMs);
        if (r.code !== 0)
            throw fail('git checkout HEAD', r.stderr);
    }
    const notInHead = found.filter((d) => !d.inHead);
    const indexed = notInHead.filter((d) => d.inIndex).map((d) => `${d.path}\0`).join('');
    if (indexed) {
        // update-index takes literal paths (no pathspec magic) and works before the first commit.
        const r = await withIndexRetry(() => git.run(['update-index', '-z', '--force-remove', '--stdin'], { input: indexed }), opts.deadlineMs);
        if (r.code !== 0)
            throw fail('git update-index --force-remove', r.stderr);
    }
    for (const d of notInHead)
        (0,files/* unlinkQuiet */._f)((0,external_node_path_.join)(top, d.path));
    // 3. Record, once the paths are clean (a kill before this point leaves the change in place, and the next commit saves it again).
    for (const o of out) {
        (0,events/* appendEvent */.Zn)(opts.root, 'orphaned_change', { task: opts.task.id, path: o.path, savedTo: o.savedTo, stagedSavedTo: o.stagedSavedTo, deleted: o.deleted, base: o.base, fromTask, token: opts.handle.token });
    }
    return out;
}

// EXTERNAL MODULE: ./src/tasks/tasks.ts
var tasks = __webpack_require__(6464);
// EXTERNAL MODULE: ./src/tasks/trailers.ts
var trailers = __webpack_require__(7796);
;// CONCATENATED MODULE: ./src/tasks/commit.ts
/**
 * `lockstep commit`: the path on which tasks cannot race.
 *
 *   lock → move aside changes to shared PATHS that are not this commit's
 *   (with --edit; see orphans.ts) → run the edit command → stage exactly
 *   PATHS → commit exactly those → validate → release
 *
 * The lock covers the whole sequence (the design's measurements: a lock
 * around add+commit alone still lets 69–74 of 100 TODO.md lines land in a
 * foreign commit). Staging happens in a temporary index built from HEAD
 * (keeping the real index's stat data), so another task's staged entries are
 * neither committed nor disturbed: after the commit only our paths are
 * updated in the real index (`git reset -- PATHS`, i.e. to what was just
 * committed). git runs its hooks as usual; lockstep's own pre-commit hook
 * inherits the lock through LOCKSTEP_LOCK_TOKEN.
 */



















/** Stands for the fence in the message made before the lock is taken. */
const FENCE_PLACEHOLDER = '0@lockstepfenceplaceholder';
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** Turns PATHS (relative to `cwd`) into repository paths; anything outside the worktree or inside .git is refused. */
function repoRelativePaths(paths, cwd, top) {
    if (paths.length === 0)
        throw new errors/* LockstepError */.Cj('BAD_INPUT', 'no paths to commit: name the files after --, e.g. lockstep commit --task 7 -m msg -- TODO.md specs/7/plan.md');
    const out = [];
    for (const p of paths) {
        if (typeof p !== 'string' || p === '')
            throw new errors/* LockstepError */.Cj('BAD_INPUT', 'an empty path was given');
        if (p.includes('\0'))
            throw new errors/* LockstepError */.Cj('BAD_INPUT', `path ${JSON.stringify(p)} contains a NUL byte`);
        const abs = (0,external_node_path_.resolve)(cwd, p);
        const rel = (0,external_node_path_.relative)(top, abs);
        if (rel === '..' || rel.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(rel)) {
            throw new errors/* LockstepError */.Cj('BAD_INPUT', `path ${JSON.stringify(p)} is outside the worktree ${top}`);
        }
        const posix = rel === '' ? '.' : rel.split(external_node_path_.sep).join('/');
        if (posix === '.git' || posix.startsWith('.git/'))
            throw new errors/* LockstepError */.Cj('BAD_INPUT', `path ${JSON.stringify(p)} is inside .git`);
        if (!out.includes(posix))
            out.push(posix);
    }
    return out;
}
function violationError(task, c) {
    const lines = [];
    for (const o of c.otherTask)
        lines.push(`${(0,scope/* showPath */.P8)(o.path)} belongs to active task ${o.task}`);
    for (const p of c.outside)
        lines.push(`${(0,scope/* showPath */.P8)(p)} is outside task ${task.id}'s scope (${task.scope.join(' ')})`);
    return new errors/* LockstepError */.Cj('VIOLATION', `nothing committed for task ${task.id}: ${lines.join('; ')}`, {
        hint: `commit only paths in the task's scope, declare them shared (lockstep task start ${task.id} --replace --scope … --shared GLOB), or widen the scope`,
        detail: { task: task.id, otherTask: c.otherTask, outside: c.outside },
    });
}
function gitFailed(what, r) {
    const msg = (r.stderr || r.stdout).trim();
    return new errors/* LockstepError */.Cj('GIT_FAILED', `${what} failed: ${msg || `git exited ${r.code}`}`, { detail: { code: r.code, stderr: r.stderr } });
}
function runChild(child) {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr?.on('data', (d) => (stderr += d));
    return new Promise((r) => {
        let error = null;
        child.once('error', (e) => {
            error = e;
        });
        child.once('close', (code, signal) => r({ code, signal, error, stdout, stderr }));
    });
}
/**
 * Commits exactly `paths` for `task` under the commit lock. Throws VIOLATION
 * (exit 1) before anything is committed when a path is outside the task's
 * scope or inside another task's; COMMAND_FAILED when the edit fails.
 */
async function commitTask(opts) {
    const taskId = (0,tasks/* validateTaskId */.zI)(opts.task);
    if (typeof opts.message !== 'string' || opts.message.trim() === '') {
        throw new errors/* LockstepError */.Cj('BAD_INPUT', 'an empty commit message: give one with -m MSG');
    }
    if (opts.message.includes('\0'))
        throw new errors/* LockstepError */.Cj('BAD_INPUT', 'the commit message contains a NUL byte');
    const rt = (0,runtime/* openRuntime */.fS)({ cwd: opts.cwd });
    const top = rt.repo?.topLevel;
    if (!top || !rt.repo)
        throw new errors/* LockstepError */.Cj('ENVIRONMENT', `${opts.cwd} has no worktree: lockstep commit runs in a checkout`);
    const gitDir = rt.repo.gitDir;
    const task = (0,tasks/* getTask */.gg)({ runtime: rt, id: taskId });
    if (!task) {
        throw new errors/* LockstepError */.Cj('NOT_FOUND', `no active task ${taskId}`, { hint: `start it first: lockstep task start ${taskId} --scope GLOB…` });
    }
    const paths = repoRelativePaths(opts.paths, opts.cwd, top);
    const config = (0,config_config/* loadConfig */.Z9)({ topLevel: top });
    // Refuse what is certainly wrong before taking the lock: nothing is touched yet.
    const early = (0,scope/* classifyPaths */.jN)({ task, others: (0,tasks/* listTasks */.Vk)({ runtime: rt }), shared: config.shared, paths: paths.filter((p) => !isDirectory((0,external_node_path_.join)(top, p))) });
    if (early.otherTask.length || early.outside.length)
        throw violationError(task, early);
    for (const f of ['MERGE_HEAD', 'CHERRY_PICK_HEAD', 'REVERT_HEAD']) {
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(gitDir, f))) {
            throw new errors/* LockstepError */.Cj('CONFLICT', `a ${f === 'MERGE_HEAD' ? 'merge' : f === 'CHERRY_PICK_HEAD' ? 'cherry-pick' : 'revert'} is in progress in this worktree: lockstep commit makes ordinary commits only`, {
                hint: 'conclude it first (git commit, or git merge --abort / git cherry-pick --abort)',
            });
        }
    }
    // The message with its trailers is made before the lock (one git process less
    // while others wait); only the fence, known once the lock is ours, is filled in later.
    const git = (0,git_git/* createGit */.l)(top);
    const shared = [...task.shared, ...config.shared.filter((g) => !task.shared.includes(g))];
    const template = await git.run(['interpret-trailers', '--if-exists', 'replace', ...(0,trailers/* trailerArgs */.Fe)({ task: taskId, scope: task.scope, shared, fence: FENCE_PLACEHOLDER })], {
        input: opts.message.endsWith('\n') ? opts.message : `${opts.message}\n`,
    });
    if (template.code !== 0)
        throw gitFailed('adding the trailers (git interpret-trailers)', template);
    const fenceLine = `${trailers/* TRAILER_FENCE */.CL}: ${FENCE_PLACEHOLDER}`;
    const at = template.stdout.lastIndexOf(fenceLine);
    if (at < 0)
        throw new errors/* LockstepError */.Cj('GIT_FAILED', 'git interpret-trailers did not add the Lockstep-Fence trailer');
    const env = opts.env ?? process.env;
    const handle = await (0,lock/* acquireLock */.IZ)({
        runtime: rt,
        cwd: top,
        name: 'commit',
        task: taskId,
        agent: opts.agent ?? env.LOCKSTEP_AGENT ?? null,
        timeoutMs: opts.timeoutMs ?? config.lockTimeoutMs,
        leaseMs: opts.leaseMs ?? config.leaseMs,
        command: `lockstep commit --task ${taskId}`,
        onWait: opts.onWait,
        env,
        // Our own lock: an inherited token (we run inside run-locked) is honoured.
    });
    const lockedEnv = {
        LOCKSTEP_TASK: taskId,
        LOCKSTEP_LOCK_TOKEN: (0,lock/* tokenEnvFor */.ER)(handle, env),
        LOCKSTEP_FENCE: String(handle.token),
    };
    const tmpDir = (0,external_node_path_.join)(rt.root, 'tmp');
    (0,files/* ensureDir */.A0)(tmpDir);
    sweepTmp(tmpDir);
    const tmpIndex = (0,external_node_path_.join)(tmpDir, `index.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`);
    const msgFile = `${tmpIndex}.msg`;
    let current = null;
    let interrupted = null;
    const forward = (sig) => () => {
        interrupted = sig;
        current?.kill(sig);
    };
    const handlers = FORWARDED.map((sig) => [sig, forward(sig)]);
    for (const [sig, h] of handlers)
        process.on(sig, h);
    const deadline = () => Date.now() + 10_000;
    /** Spawns a child that keeps the lock alive if we die (it is registered as an extra owner). */
    const spawnOwned = async (cmd, args, extraEnv, stdio) => {
        if (interrupted)
            throw new errors/* LockstepError */.Cj('ENVIRONMENT', `interrupted (${interrupted}): nothing committed`);
        const child = (0,external_node_child_process_.spawn)(cmd, args, { cwd: top, env: { ...env, ...lockedEnv, ...extraEnv }, stdio: stdio === 'inherit' ? 'inherit' : ['ignore', stdio, stdio] });
        current = child;
        if (child.pid !== undefined) {
            try {
                (0,lock/* updateLock */.tn)(handle, { addOwners: [child.pid] });
            }
            catch {
                /* the lock is checked again at release */
            }
        }
        const r = await runChild(child);
        current = null;
        return r;
    };
    let failed = false;
    try {
        // A change to a shared path found now is not this commit's (see orphans.ts): move it aside before the edit runs.
        const orphaned = opts.edit !== undefined
            ? await moveAsideForeignChanges({ git, top, root: rt.root, task, others: (0,tasks/* listTasks */.Vk)({ runtime: rt }), shared: config.shared, paths, handle, deadlineMs: deadline() })
            : [];
        if (opts.edit !== undefined) {
            const r = await spawnOwned('/bin/sh', ['-c', opts.edit], {}, opts.editStdio ?? 'inherit');
            if (r.error || r.code !== 0) {
                const why = r.error ? r.error.message : r.signal ? `killed by ${r.signal}` : `exit ${r.code}`;
                throw new errors/* LockstepError */.Cj('COMMAND_FAILED', `the edit command failed (${why}): nothing committed`, {
                    hint: 'fix the command; it runs with sh -c at the top of the worktree',
                    detail: { exitCode: r.code, signal: r.signal, stderr: r.stderr.slice(-2000) },
                });
            }
        }
        const idxEnv = { GIT_INDEX_FILE: tmpIndex };
        const realIndex = (0,external_node_path_.join)(gitDir, 'index');
        if ((0,external_node_fs_.existsSync)(realIndex))
            (0,external_node_fs_.copyFileSync)(realIndex, tmpIndex);
        // HEAD's tree, reusing the stat data of matching entries (one-tree read-tree -m), so nothing is rehashed.
        let r = await git.run(['read-tree', '-m', 'HEAD'], { env: idxEnv });
        if (r.code !== 0) {
            // Before the first commit (no HEAD), or an index read-tree -m cannot merge: start from HEAD's tree, or from nothing.
            const head = await (0,git_paths/* headCommit */.Qo)(git);
            r = await git.run(head ? ['read-tree', head] : ['read-tree', '--empty'], { env: idxEnv });
        }
        if (r.code !== 0)
            throw gitFailed('preparing the commit (git read-tree)', r);
        await refuseSparseMissing(git, top, paths);
        r = await git.run(['--literal-pathspecs', 'add', '--all', '--', ...paths], { env: idxEnv });
        if (r.code !== 0) {
            if (/did not match any files/.test(r.stderr)) {
                throw new errors/* LockstepError */.Cj('BAD_INPUT', `nothing to stage: ${r.stderr.trim().replace(/^fatal: /, '')} (not in the worktree and not tracked)`, { hint: 'check the paths: they are relative to the current directory' });
            }
            throw gitFailed(`staging ${paths.map(scope/* showPath */.P8).join(' ')} (git add)`, r);
        }
        const staged = await (0,git_paths/* stagedPaths */.Dx)(git, idxEnv);
        if (staged.paths.length === 0) {
            throw new errors/* LockstepError */.Cj('BAD_INPUT', `nothing to commit: ${paths.map(scope/* showPath */.P8).join(' ')} ${paths.length > 1 ? 'have' : 'has'} no changes`, { hint: 'check git status' });
        }
        const classes = (0,scope/* classifyPaths */.jN)({ task, others: (0,tasks/* listTasks */.Vk)({ runtime: rt }), shared: config.shared, paths: staged.paths });
        if (classes.otherTask.length || classes.outside.length)
            throw violationError(task, classes);
        const fence = (0,tasks_fence/* fenceValue */.F)(rt.root, handle.token);
        (0,external_node_fs_.writeFileSync)(msgFile, template.stdout.slice(0, at) + `${trailers/* TRAILER_FENCE */.CL}: ${fence}` + template.stdout.slice(at + fenceLine.length));
        const c = await spawnOwned('git', ['commit', '-q', '--cleanup=whitespace', '-F', msgFile], idxEnv, 'pipe');
        if (c.error || c.code !== 0) {
            const out = (c.stderr + c.stdout).trim();
            throw new errors/* LockstepError */.Cj('GIT_FAILED', `git commit failed${c.signal ? ` (${c.signal})` : ''}: nothing committed${out ? `\n${out}` : ''}`, { detail: { exitCode: c.code, stderr: c.stderr } });
        }
        // The new commit and its files in one call (diff-tree prints the commit id first).
        const made = (0,git_paths/* splitNul */.K5)(await git.exec(['diff-tree', '-r', '--root', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', 'HEAD'], { readOnly: true }));
        const commit = made[0] ?? '';
        const files = made.slice(1);
        const warnings = [];
        // The real index follows for our paths only: to exactly what was committed.
        const reset = await withIndexRetry(() => git.run(['--literal-pathspecs', 'reset', '-q', commit, '--pathspec-from-file=-', '--pathspec-file-nul'], { input: staged.paths.map((p) => `${p}\0`).join('') }), deadline());
        if (reset.code !== 0) {
            warnings.push({ kind: 'index', paths: staged.paths, message: `committed, but the index could not be updated for these paths (${reset.stderr.trim()}); run: git reset -q -- PATHS` });
        }
        // Validate: the commit holds exactly what was checked.
        const fileSet = new Set(files);
        const stagedSet = new Set(staged.paths);
        const extra = files.filter((p) => !stagedSet.has(p));
        const missing = staged.paths.filter((p) => !fileSet.has(p));
        if (extra.length)
            warnings.push({ kind: 'extra', paths: extra, message: 'in the commit but not staged by lockstep commit' });
        if (missing.length)
            warnings.push({ kind: 'missing', paths: missing, message: 'staged but not in the commit' });
        const after = (0,scope/* classifyPaths */.jN)({ task, others: (0,tasks/* listTasks */.Vk)({ runtime: rt }), shared: config.shared, paths: files });
        if (after.outside.length)
            warnings.push({ kind: 'outside', paths: after.outside, message: "outside the task's scope" });
        if (after.otherTask.length)
            warnings.push({ kind: 'other-task', paths: after.otherTask.map((o) => o.path), message: `inside another task's scope (${[...new Set(after.otherTask.map((o) => o.task))].join(', ')})` });
        if (warnings.some((w) => w.kind !== 'index')) {
            (0,events/* appendEvent */.Zn)(rt.root, 'git_commit_validation_warning', { commit, task: taskId, extra, missing, outside: after.outside, otherTask: after.otherTask, via: 'lockstep commit' });
        }
        (0,events/* appendEvent */.Zn)(rt.root, 'commit', { commit, task: taskId, token: handle.token, files: files.length });
        return { commit, fence: handle.token, task: taskId, files, shared: classes.shared, warnings, orphaned, waitedMs: handle.waitedMs };
    }
    catch (e) {
        failed = true;
        throw e;
    }
    finally {
        for (const [sig, h] of handlers)
            process.off(sig, h);
        (0,files/* unlinkQuiet */._f)(tmpIndex);
        (0,files/* unlinkQuiet */._f)(`${tmpIndex}.lock`);
        (0,files/* unlinkQuiet */._f)(msgFile);
        try {
            (0,lock/* releaseLock */.x_)(handle);
        }
        catch (e) {
            // A lost lock is loud ("lock compromised": the commit may have raced
            // another holder), unless an earlier error is already on its way out.
            if (!failed)
                throw e;
        }
    }
}
/** Removes temporary indexes and messages of `lockstep commit` processes that were killed. */
function sweepTmp(dir) {
    let names = [];
    try {
        names = (0,external_node_fs_.readdirSync)(dir);
    }
    catch {
        return;
    }
    for (const n of names) {
        const m = /^index\.(\d+)\./.exec(n);
        if (m && Number(m[1]) !== process.pid && !(0,core_process/* pidExists */.Oz)(Number(m[1])))
            (0,files/* unlinkQuiet */._f)((0,external_node_path_.join)(dir, n));
    }
}
function isDirectory(p) {
    try {
        return (0,external_node_fs_.statSync)(p).isDirectory();
    }
    catch {
        return false;
    }
}
/**
 * The temporary index has no skip-worktree bits, so `git add --all` of a
 * path that a sparse checkout leaves out of the worktree would stage its
 * deletion. Refuse such paths.
 */
async function refuseSparseMissing(git, top, paths) {
    const missing = paths.filter((p) => !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(top, p)));
    if (missing.length === 0)
        return;
    const r = await git.run(['--literal-pathspecs', 'ls-files', '-t', '-z', '--', ...missing], { readOnly: true });
    if (r.code !== 0)
        return;
    const sparse = r.stdout.split('\0').filter((l) => l.startsWith('S ')).map((l) => l.slice(2));
    if (sparse.length) {
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `${sparse.map(scope/* showPath */.P8).join(', ')} ${sparse.length > 1 ? 'are' : 'is'} outside the sparse checkout: lockstep commit would record ${sparse.length > 1 ? 'their' : 'its'} deletion`, {
            hint: 'add it to the sparse checkout first (git sparse-checkout add DIR)',
        });
    }
}


/***/ })

};
