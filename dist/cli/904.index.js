export const id = 904;
export const ids = [904];
export const modules = {

/***/ 6904:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerParallel: () => (/* binding */ registerParallel)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/queue/names.ts
var names = __webpack_require__(8579);
// EXTERNAL MODULE: ./src/queue/queue.ts
var queue_queue = __webpack_require__(4752);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/core/events.ts
var events = __webpack_require__(7842);
// EXTERNAL MODULE: ./src/core/files.ts
var files = __webpack_require__(9928);
// EXTERNAL MODULE: ./src/core/runtime.ts
var runtime = __webpack_require__(9199);
// EXTERNAL MODULE: ./src/git/git.ts
var git_git = __webpack_require__(308);
// EXTERNAL MODULE: ./src/queue/agents.ts
var agents = __webpack_require__(5881);
// EXTERNAL MODULE: ./src/worktree/copies.ts
var worktree_copies = __webpack_require__(2676);
// EXTERNAL MODULE: ./src/worktree/worktree.ts
var worktree = __webpack_require__(7544);
;// CONCATENATED MODULE: ./src/parallel/protocol.ts
/** Messages between the runner (coordinator) and its worker processes, over Node's IPC channel. */
const WORKER_CONFIG_ENV = 'LOCKSTEP_WORKER_CONFIG';

;// CONCATENATED MODULE: ./src/parallel/runner.ts
/**
 * `lockstep parallel`: the coordinator. It starts N worker processes (each an
 * agent with its own worktree, see worker.ts), renews their leases, notices a
 * dead worker the moment its process exits, replaces it at once, and returns
 * the dead worker's item to the queue as soon as its lease runs out (the
 * default lease is 10 s, so within about 11 s). It never does the work
 * itself, so it stays responsive however busy the agents are.
 *
 * Draining (first Ctrl-C): workers finish the item in hand, claim nothing
 * new and exit. Stopping (second Ctrl-C): workers and their commands are
 * killed and their items go back to pending.
 */
















const DEFAULT_RUNNER_LEASE_MS = 10_000;
const MAX_AGENTS = 64;
function killGroup(pid, sig) {
    if (!pid)
        return;
    try {
        process.kill(-pid, sig);
    }
    catch {
        /* gone already */
    }
}
function validateOptions(o) {
    if (!Number.isSafeInteger(o.agents) || o.agents < 1 || o.agents > MAX_AGENTS)
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `--agents takes a whole number from 1 to ${MAX_AGENTS}, not ${o.agents}`);
    if (!Array.isArray(o.argv) || o.argv.length === 0 || o.argv[0] === '')
        throw new errors/* LockstepError */.Cj('BAD_INPUT', 'no agent command: lockstep parallel --agents N -- CMD [ARGS...]');
    if (!Array.isArray(o.workerCommand) || o.workerCommand.length === 0)
        throw new errors/* LockstepError */.Cj('BAD_INPUT', 'no worker command');
    const lease = o.leaseMs ?? DEFAULT_RUNNER_LEASE_MS;
    if (!Number.isFinite(lease) || lease < 200)
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `the lease must be at least 0.2 s, not ${lease} ms`);
    const max = o.maxAttempts ?? queue_queue/* DEFAULT_MAX_ATTEMPTS */.Gz;
    if (!Number.isSafeInteger(max) || max < 1)
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `--max-attempts takes a whole number >= 1, not ${max}`);
    if (o.itemTimeoutMs !== undefined && o.itemTimeoutMs !== null && (!Number.isFinite(o.itemTimeoutMs) || o.itemTimeoutMs <= 0))
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `invalid item timeout ${o.itemTimeoutMs} ms`);
    (0,names/* validateAgentId */.zr)(`${o.agentPrefix ?? 'agent'}-1`);
}
async function runParallel(opts) {
    validateOptions(opts);
    const cwd = opts.cwd ?? process.cwd();
    const rt = (0,runtime/* openRuntime */.fS)({ cwd });
    const git = (0,git_git/* createGit */.l)(cwd);
    const queue = (0,names/* validateQueueName */.vL)(opts.queue ?? names/* DEFAULT_QUEUE */.iD);
    const base = opts.base ?? (await (0,worktree/* currentBranch */.eR)(git));
    await (0,worktree/* branchCommit */.eG)(git, base);
    const top = rt.repo?.topLevel;
    if (!top)
        throw new errors/* LockstepError */.Cj('BARE_REPO', `${cwd} has no checkout`);
    const copy = (0,worktree_copies/* validateCopies */.mV)(top, opts.copy ?? []);
    const leaseMs = opts.leaseMs ?? DEFAULT_RUNNER_LEASE_MS;
    const maxAttempts = opts.maxAttempts ?? queue_queue/* DEFAULT_MAX_ATTEMPTS */.Gz;
    const prefix = opts.agentPrefix ?? 'agent';
    const emit = (e) => opts.onEvent?.(e);
    const runId = (0,external_node_crypto_.randomBytes)(3).toString('hex');
    const logDir = (0,external_node_path_.join)(rt.root, 'parallel', runId);
    (0,files/* ensureDir */.A0)(logDir);
    const startedAt = Date.now();
    const counts0 = (0,queue_queue/* queueCounts */.WM)({ runtime: rt, queue });
    emit({ type: 'start', runId, agents: opts.agents, queue, base, pending: counts0.pending, logDir });
    (0,events/* appendEvent */.Zn)(rt.root, 'parallel_start', { runId, agents: opts.agents, queue, base, pending: counts0.pending });
    const slots = new Map();
    const ours = new Set();
    const items = [];
    let done = 0;
    let failed = 0;
    let retried = 0;
    let reclaimed = 0;
    let workersStarted = 0;
    let workersDied = 0;
    let draining = false;
    let stopping = false;
    let finishing = false;
    let fatal = null;
    let nextNumber = 1;
    let earlyDeaths = 0;
    async function freshName() {
        for (;;) {
            const name = `${prefix}-${nextNumber++}`;
            if ((0,worktree/* readManifest */.WI)(rt, name) || (0,agents/* readAgent */.si)(rt, name))
                continue;
            if ((await git.run(['rev-parse', '--verify', '--quiet', `refs/heads/lockstep/${name}`], { readOnly: true })).code === 0)
                continue;
            return name;
        }
    }
    function beat(s) {
        if (s.exited)
            return;
        try {
            (0,agents/* heartbeat */.jQ)({ runtime: rt, agent: s.agent, leaseMs, ownerPid: s.pid, state: s.state, queue, item: s.item, generation: s.generation, worktree: s.worktree, runId });
        }
        catch {
            /* the process may have just exited: its exit handler takes over */
        }
    }
    function send(s, m) {
        if (s.exited || !s.child.connected)
            return;
        try {
            s.child.send(m);
        }
        catch {
            /* it is exiting */
        }
    }
    // The main loop sleeps until a tick, a worker exit, or a worker going idle.
    let wakers = [];
    const wake = () => {
        const w = wakers;
        wakers = [];
        for (const f of w)
            f();
    };
    const liveCount = () => [...slots.values()].filter((s) => !s.exited).length;
    async function startWorker(replacing) {
        const agent = await freshName();
        ours.add(agent);
        const cfg = {
            cwd,
            agent,
            runId,
            queue,
            base,
            leaseMs,
            maxAttempts,
            copy,
            scope: opts.scope?.length ? opts.scope : ['**'],
            check: opts.check ?? null,
            itemTimeoutMs: opts.itemTimeoutMs ?? null,
            argv: opts.argv,
            logFile: (0,external_node_path_.join)(logDir, `${agent}.log`),
            pollMs: 200,
        };
        const fd = (0,external_node_fs_.openSync)(cfg.logFile, 'a');
        // Its own process group: Ctrl-C reaches only the coordinator (which drains), and a dead worker's leftovers can be killed as a group.
        const child = (0,external_node_child_process_.spawn)(opts.workerCommand[0], opts.workerCommand.slice(1), {
            cwd,
            env: { ...process.env, [WORKER_CONFIG_ENV]: JSON.stringify(cfg), LOCKSTEP_LOCK_TOKEN: '' },
            stdio: ['ignore', fd, fd, 'ipc'],
            detached: true,
        });
        (0,external_node_fs_.closeSync)(fd);
        if (child.pid === undefined) {
            await new Promise((r) => child.once('error', r));
            throw new errors/* LockstepError */.Cj('ENVIRONMENT', `could not start a worker: ${opts.workerCommand.join(' ')}`);
        }
        const slot = { agent, child, pid: child.pid, state: 'starting', item: null, generation: null, cmdPid: null, worktree: null, expectedExit: false, exited: false, died: false };
        slots.set(agent, slot);
        workersStarted++;
        beat(slot);
        emit({ type: 'worker-started', agent, pid: slot.pid, replacing });
        (0,events/* appendEvent */.Zn)(rt.root, 'parallel_worker_start', { runId, agent, pid: slot.pid, replacing });
        child.on('message', (m) => onMessage(slot, m));
        child.once('exit', (code, signal) => onExit(slot, code, signal));
    }
    function onMessage(s, m) {
        if (m.t === 'ready') {
            s.worktree = m.worktree;
            emit({ type: 'worker-ready', agent: s.agent, worktree: m.worktree });
        }
        else if (m.t === 'state') {
            const newItem = m.item !== null && (m.item !== s.item || m.generation !== s.generation);
            s.state = m.state;
            s.item = m.item;
            s.generation = m.generation;
            if (m.cmdPid !== undefined && m.cmdPid !== null)
                s.cmdPid = m.cmdPid;
            if (m.item === null)
                s.cmdPid = null;
            if (newItem)
                emit({ type: 'claimed', agent: s.agent, item: m.item, generation: m.generation });
            beat(s);
            if (m.state === 'idle')
                wake();
        }
        else if (m.t === 'item') {
            if (m.outcome === 'done')
                done++;
            else if (m.outcome === 'failed')
                failed++;
            else if (m.outcome === 'retry')
                retried++;
            items.push({ item: m.item, generation: m.generation, agent: s.agent, outcome: m.outcome, detail: m.detail, ms: m.ms });
            emit({ type: 'item', agent: s.agent, item: m.item, generation: m.generation, outcome: m.outcome, detail: m.detail, ms: m.ms, merge: m.merge });
        }
        else if (m.t === 'fatal') {
            fatal ??= m.message;
            emit({ type: 'fatal', agent: s.agent, message: m.message });
            beginDrain();
        }
    }
    function onExit(s, code, signal) {
        s.exited = true;
        if (!(s.expectedExit && code === 0)) {
            s.died = true;
            workersDied++;
            // Whatever the worker started dies with it; its claim's lease now runs out (no more heartbeats).
            killGroup(s.pid, 'SIGKILL');
            killGroup(s.cmdPid, 'SIGKILL');
            try {
                (0,agents/* markAgent */.VU)(rt, s.agent, 'dead');
            }
            catch {
                /* status only */
            }
            emit({ type: 'worker-died', agent: s.agent, pid: s.pid, code, signal, item: s.item });
            (0,events/* appendEvent */.Zn)(rt.root, 'parallel_worker_died', { runId, agent: s.agent, pid: s.pid, code, signal, item: s.item, generation: s.generation });
            // A worker that dies before it is even ready would die again: stop after a few in a row.
            earlyDeaths = s.worktree === null ? earlyDeaths + 1 : 0;
            if (earlyDeaths >= 3 && !fatal) {
                fatal = `${earlyDeaths} workers in a row died before they were ready (last: ${s.agent}, ${signal ? `signal ${signal}` : `exit ${code}`}); see ${(0,external_node_path_.join)(logDir, `${s.agent}.log`)}`;
                beginDrain();
            }
            if (!draining && !stopping && !finishing && !fatal) {
                startWorker(s.agent).catch((e) => {
                    fatal ??= e.message;
                });
            }
        }
        wake();
    }
    function beginDrain() {
        if (draining)
            return;
        draining = true;
        emit({ type: 'draining' });
        for (const s of slots.values()) {
            s.expectedExit = true;
            send(s, { t: 'drain' });
        }
    }
    function beginStop() {
        if (stopping)
            return;
        stopping = true;
        draining = true;
        emit({ type: 'stopping' });
        for (const s of slots.values()) {
            s.expectedExit = true;
            killGroup(s.cmdPid, 'SIGTERM');
            killGroup(s.pid, 'SIGTERM');
        }
        setTimeout(() => {
            for (const s of slots.values()) {
                if (s.exited)
                    continue;
                killGroup(s.cmdPid, 'SIGKILL');
                killGroup(s.pid, 'SIGKILL');
            }
        }, 3000).unref();
    }
    const onDrain = () => beginDrain();
    const onStop = () => beginStop();
    opts.drainSignal?.addEventListener('abort', onDrain);
    opts.stopSignal?.addEventListener('abort', onStop);
    if (opts.drainSignal?.aborted)
        beginDrain();
    if (opts.stopSignal?.aborted)
        beginStop();
    const hbMs = Math.max(100, Math.min(5000, Math.floor(leaseMs / 4)));
    const hbTimer = setInterval(() => {
        for (const s of slots.values())
            beat(s);
    }, hbMs);
    let lastReclaim = 0;
    /** Nothing pending, nothing claimed by our agents, every worker idle. */
    const nothingLeft = () => {
        if (![...slots.values()].every((s) => s.exited || s.state === 'idle'))
            return false;
        if ((0,queue_queue/* queueCounts */.WM)({ runtime: rt, queue }).pending > 0)
            return false;
        return !(0,queue_queue/* listClaims */.Ar)({ runtime: rt, queue }).some((c) => ours.has(c.agent));
    };
    const reclaimEveryMs = Math.max(250, Math.min(1000, Math.floor(leaseMs / 4)));
    function reclaimPass() {
        lastReclaim = Date.now();
        try {
            const r = (0,queue_queue/* reclaim */.sd)({ runtime: rt, queue, maxAttempts });
            for (const x of r.reclaimed) {
                reclaimed++;
                if (x.next === 'pending')
                    retried++;
                else
                    failed++;
                items.push({ item: x.id, generation: x.generation, agent: x.agent, outcome: x.next === 'pending' ? 'retry' : 'failed', detail: x.reason, ms: 0 });
                emit({ type: 'reclaimed', agent: x.agent, item: x.id, generation: x.generation, next: x.next, reason: x.reason });
            }
        }
        catch {
            /* a transient file-system error: next tick */
        }
    }
    try {
        if (counts0.pending > 0 || (0,queue_queue/* listClaims */.Ar)({ runtime: rt, queue }).length > 0) {
            await Promise.all(Array.from({ length: opts.agents }, () => startWorker(null)));
        }
        // The main loop: reclaim, check for the end.
        for (;;) {
            await new Promise((r) => {
                const t = setTimeout(r, 250);
                wakers.push(() => {
                    clearTimeout(t);
                    r();
                });
            });
            if (Date.now() - lastReclaim >= reclaimEveryMs)
                reclaimPass();
            if (draining || stopping) {
                if (liveCount() === 0)
                    break;
                continue;
            }
            // Twice, a moment apart: a retry passes through an instant where its item is neither claimed nor pending.
            if (nothingLeft() && (await (0,promises_.setTimeout)(30), nothingLeft())) {
                finishing = true;
                for (const s of slots.values()) {
                    s.expectedExit = true;
                    send(s, { t: 'stop' });
                }
                while (liveCount() > 0)
                    await new Promise((r) => wakers.push(r));
                break;
            }
        }
    }
    finally {
        clearInterval(hbTimer);
        opts.drainSignal?.removeEventListener('abort', onDrain);
        opts.stopSignal?.removeEventListener('abort', onStop);
    }
    const ms = Date.now() - startedAt;
    if (stopping) {
        // Items in the hands of killed workers go back now (their processes are gone; we held their leases).
        for (const c of (0,queue_queue/* listClaims */.Ar)({ runtime: rt, queue }).filter((x) => ours.has(x.agent) && !x.ownerAlive)) {
            try {
                const r = (0,queue_queue/* failItem */.mf)({ runtime: rt, queue, id: c.id, agent: c.agent, generation: c.generation, retry: true, maxAttempts, reason: 'interrupted: lockstep parallel was stopped' });
                if (r.next === 'pending')
                    retried++;
            }
            catch {
                /* ended meanwhile */
            }
        }
    }
    const keptWorktrees = [];
    for (const agent of ours) {
        const s = slots.get(agent);
        const heldClaims = (0,queue_queue/* listClaims */.Ar)({ runtime: rt, agent }).length > 0;
        if (!heldClaims)
            (0,agents/* removeAgentRecord */.zC)(rt, agent);
        else
            (0,agents/* markAgent */.VU)(rt, agent, 'dead');
        if (opts.keepWorktrees || !(0,worktree/* readManifest */.WI)(rt, agent))
            continue;
        try {
            await (0,worktree/* removeAgentWorktree */.PU)({ cwd, agent, force: Boolean(s?.died) && !heldClaims });
        }
        catch (e) {
            keptWorktrees.push({ agent, reason: (0,errors/* isLockstepError */.sq)(e) ? e.message : String(e) });
        }
    }
    const left = (0,queue_queue/* queueCounts */.WM)({ runtime: rt, queue });
    const summary = {
        runId,
        queue,
        base,
        agents: opts.agents,
        done,
        failed,
        retried,
        reclaimed,
        workersStarted,
        workersDied,
        ms,
        throughputPerMin: ms > 0 ? (done * 60_000) / ms : 0,
        interrupted: stopping ? 'stopped' : draining && !fatal ? 'drained' : null,
        left: { pending: left.pending, claimed: left.claimed, done: left.done, failed: left.failed },
        items,
        keptWorktrees,
        logDir,
        error: fatal,
    };
    (0,events/* appendEvent */.Zn)(rt.root, 'parallel_end', { runId, done, failed, retried, reclaimed, workersDied, ms, interrupted: summary.interrupted, error: fatal });
    return summary;
}

// EXTERNAL MODULE: ./src/merge/merge.ts
var merge_merge = __webpack_require__(2732);
// EXTERNAL MODULE: ./src/tasks/commit.ts + 2 modules
var commit = __webpack_require__(856);
// EXTERNAL MODULE: ./src/tasks/tasks.ts
var tasks = __webpack_require__(6464);
;// CONCATENATED MODULE: ./src/parallel/commit-item.ts
/**
 * Commits what the agent command left in its worktree through `lockstep
 * commit` (commitTask): under the commit lock, exactly the changed paths (the
 * copied files are never committed), with the Lockstep-Task/Scope/Fence
 * trailers, git's hooks running as usual inside the worktree.
 *
 * Each item runs as a task. If a task with the item's id is already active
 * (a person declared its scope beforehand), that task and its scope are
 * used and left active; otherwise the runner starts one with the run's scope
 * (default `**`: the agent works alone in its own worktree), marked as the
 * runner's, and ends it when the item ends.
 */






/** The task id an item runs as: the item id (prefixed by its queue outside the default queue). */
function taskIdFor(queue, item) {
    const id = queue === names/* DEFAULT_QUEUE */.iD ? item : `${queue}.${item}`;
    if (tasks/* TASK_ID */.w9.test(id) && id.length <= 64)
        return id;
    return `item-${(0,external_node_crypto_.createHash)('sha256').update(`${queue}/${item}`).digest('hex').slice(0, 16)}`;
}
/** Tasks the runner starts are marked as such, so one left behind by a crashed worker is ended by the next. */
const RUNNER_MARK = 'parallel/';
function beginItemTask(rt, task, scope, agent) {
    const existing = (0,tasks/* getTask */.gg)({ runtime: rt, id: task });
    if (existing)
        return { id: task, ours: existing.startedBy.agent?.startsWith(RUNNER_MARK) ?? false };
    (0,tasks/* startTask */.gc)({ runtime: rt, id: task, scope, agent: `${RUNNER_MARK}${agent}` });
    return { id: task, ours: true };
}
function endItemTask(rt, t) {
    if (!t.ours)
        return;
    try {
        (0,tasks/* endTask */.ZJ)({ runtime: rt, id: t.id });
    }
    catch {
        /* already ended */
    }
}
/** The changed paths in a worktree (git's status, NUL-separated so any file name is safe), copies left out. */
async function changedPaths(path, copies) {
    const out = await (0,git_git/* createGit */.l)(path).exec(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignore-submodules'], { readOnly: true });
    const fields = out.split('\0');
    const paths = [];
    for (let i = 0; i < fields.length; i++) {
        const f = fields[i];
        if (f.length < 4)
            continue;
        const code = f.slice(0, 2);
        paths.push(f.slice(3));
        if (code[0] === 'R' || code[0] === 'C')
            paths.push(fields[++i]); // the old name of a rename
    }
    return [...new Set(paths)].filter((p) => !(0,worktree_copies/* isCopied */.Ro)(p, copies));
}
/** Commits the worktree's changes; null when there is nothing to commit. */
async function commitItem(o) {
    const paths = await changedPaths(o.path, o.copies);
    if (paths.length === 0)
        return null;
    const r = await (0,commit/* commitTask */.$)({ cwd: o.path, task: o.task, agent: o.agent, message: o.message, paths, editStdio: 'ignore', env: o.env });
    return { commit: r.commit, files: r.files };
}

;// CONCATENATED MODULE: ./src/parallel/worker.ts
/**
 * One worker of `lockstep parallel`, running in its own process: claim an
 * item, reset the agent worktree to the base, run the agent command there,
 * commit its changes (`lockstep commit`), merge through the merge queue, mark
 * the item done — until told to drain.
 *
 * The worker never renews its own lease: the coordinator heartbeats for it,
 * so a worker whose agent pins the CPU keeps its lease, and because reclaim
 * also needs the worker's process to be gone, a slow live worker keeps its
 * item.
 */









/** The trailer that marks an item's merge commit on the base (makes a retried item's merge idempotent). */
const ITEM_TRAILER = 'Lockstep-Item';
function runCommand(argv, cwd, env, logFile, timeoutMs, onPid) {
    return new Promise((resolveRun) => {
        const fd = (0,external_node_fs_.openSync)(logFile, 'a');
        let timedOut = false;
        let timer = null;
        // Its own process group, so a timeout (or the coordinator, if this worker dies) can end everything it started.
        const child = (0,external_node_child_process_.spawn)(argv[0], argv.slice(1), { cwd, env, stdio: ['ignore', fd, fd], detached: true });
        (0,external_node_fs_.closeSync)(fd);
        if (child.pid !== undefined)
            onPid(child.pid);
        const killGroup = (sig) => {
            try {
                process.kill(-child.pid, sig);
            }
            catch {
                /* gone */
            }
        };
        if (timeoutMs && timeoutMs > 0) {
            timer = setTimeout(() => {
                timedOut = true;
                killGroup('SIGTERM');
                setTimeout(() => killGroup('SIGKILL'), 2000).unref();
            }, timeoutMs);
        }
        child.once('error', (e) => {
            if (timer)
                clearTimeout(timer);
            resolveRun({ code: null, signal: null, timedOut: false, error: e.message });
        });
        child.once('exit', (code, signal) => {
            if (timer)
                clearTimeout(timer);
            killGroup('SIGKILL'); // leftovers of the command (background children) do not outlive it
            resolveRun({ code, signal, timedOut, error: null });
        });
    });
}
function mergeDetail(m) {
    switch (m.status) {
        case 'merged':
            return `merged as ${m.commit.slice(0, 10)}`;
        case 'up-to-date':
            return 'no changes to merge';
        case 'already-merged':
            return `already merged by an earlier claim (${m.commit.slice(0, 10)})`;
        case 'conflict':
            return `merge conflict in ${m.files.slice(0, 5).join(', ')}${m.files.length > 5 ? ', …' : ''}`;
        case 'check-failed':
            return `merge check failed (${m.timedOut ? 'timed out' : m.signal ? `killed by ${m.signal}` : `exit ${m.exitCode}`})`;
        case 'blocked':
            return `merge blocked: ${m.checkout}: ${m.reason}`;
    }
}
class ItemRun {
    cfg;
    rt;
    wt;
    item;
    generation;
    io;
    started = Date.now();
    constructor(cfg, rt, wt, item, generation, io) {
        this.cfg = cfg;
        this.rt = rt;
        this.wt = wt;
        this.item = item;
        this.generation = generation;
        this.io = io;
    }
    state(state, cmdPid = null) {
        this.io.send({ t: 'state', state, item: this.item.id, generation: this.generation, cmdPid });
    }
    log(line) {
        try {
            (0,external_node_fs_.appendFileSync)(this.cfg.logFile, `[lockstep ${new Date().toISOString()}] ${line}\n`);
        }
        catch {
            /* logging never fails an item */
        }
    }
    result(outcome, detail, merge = null, commit = null) {
        this.log(`${this.item.id} (claim ${this.generation}): ${outcome}: ${detail}`);
        return { t: 'item', item: this.item.id, generation: this.generation, outcome, merge: merge?.status ?? null, commit, detail, ms: Date.now() - this.started };
    }
    /** Gives the item back (retry) or fails it for good once its attempts are used up. */
    fail(reason, merge = null) {
        try {
            const r = (0,queue_queue/* failItem */.mf)({ runtime: this.rt, queue: this.cfg.queue, id: this.item.id, agent: this.cfg.agent, generation: this.generation, retry: true, reason, maxAttempts: this.cfg.maxAttempts });
            return this.result(r.next === 'pending' ? 'retry' : 'failed', reason, merge);
        }
        catch (e) {
            return this.result('abandoned', `${reason}; and the failure could not be recorded: ${e.message}`, merge);
        }
    }
    async run() {
        const { cfg, item } = this;
        let task = null;
        try {
            task = beginItemTask(this.rt, taskIdFor(cfg.queue, item.id), cfg.scope, cfg.agent);
            this.state('preparing');
            await (0,worktree/* refreshAgentWorktree */.A5)({ cwd: cfg.cwd, agent: cfg.agent, discardUnmerged: true });
            this.log(`${item.id} (claim ${this.generation}): running ${cfg.argv.join(' ')}`);
            const env = {
                ...process.env,
                LOCKSTEP_ITEM: item.id,
                LOCKSTEP_AGENT: cfg.agent,
                LOCKSTEP_TASK: task.id,
                LOCKSTEP_PAYLOAD: item.payload ?? '',
                LOCKSTEP_GENERATION: String(this.generation),
                LOCKSTEP_QUEUE: cfg.queue,
                LOCKSTEP_WORKTREE: this.wt.path,
                LOCKSTEP_BASE: cfg.base,
            };
            delete env.LOCKSTEP_LOCK_TOKEN;
            delete env.LOCKSTEP_WORKER_CONFIG;
            const run = await runCommand(cfg.argv, this.wt.path, env, cfg.logFile, cfg.itemTimeoutMs, (pid) => this.state('running', pid));
            if (run.error)
                return this.fail(`the command could not be started: ${run.error}`);
            if (run.timedOut)
                return this.fail(`the command timed out after ${((cfg.itemTimeoutMs ?? 0) / 1000).toFixed(0)} s`);
            if (run.code !== 0)
                return this.fail(run.signal ? `the command was killed by ${run.signal}` : `the command exited with ${run.code}`);
            this.state('committing');
            await commitItem({
                path: this.wt.path,
                copies: this.wt.copies,
                task: task.id,
                agent: cfg.agent,
                message: `${item.id}: work of agent ${cfg.agent} (claim ${this.generation})`,
                env: { ...env, LOCKSTEP_TASK: task.id },
            });
            // Merge only while the claim is still ours: a reclaimed item is somebody else's now.
            const still = (0,queue_queue/* currentClaim */.e9)({ runtime: this.rt, queue: cfg.queue, id: item.id });
            if (!still || still.generation !== this.generation || still.agent !== cfg.agent) {
                return this.result('abandoned', `claim ${this.generation} was taken away before the merge${still ? ` (now claim ${still.generation} of agent ${still.agent})` : ''}`);
            }
            this.state('merging');
            const itemKey = `${cfg.queue}/${item.id}`;
            const merge = await (0,merge_merge/* mergeBranch */.h)({
                cwd: cfg.cwd,
                branch: this.wt.branch,
                into: cfg.base,
                check: cfg.check ?? undefined,
                message: `Merge ${item.id} (agent ${cfg.agent}, claim ${this.generation})`,
                trailers: { [ITEM_TRAILER]: itemKey, 'Lockstep-Agent': cfg.agent, 'Lockstep-Claim': String(this.generation) },
                // A retried item may have been merged by a claimer that died before marking it done.
                onceTrailer: this.generation > 1 ? { key: ITEM_TRAILER, value: itemKey } : undefined,
                agent: cfg.agent,
                task: task.id,
            });
            if (merge.status === 'merged' || merge.status === 'up-to-date' || merge.status === 'already-merged') {
                try {
                    (0,queue_queue/* completeItem */.Df)({ runtime: this.rt, queue: cfg.queue, id: item.id, agent: cfg.agent, generation: this.generation });
                }
                catch (e) {
                    return this.result('abandoned', `merged, but marking it done was refused: ${e.message}`, merge, merge.commit);
                }
                return this.result('done', mergeDetail(merge), merge, merge.status === 'up-to-date' ? null : merge.commit);
            }
            // Keep the work that did not land: a branch per failed claim.
            const kept = `lockstep-kept/${cfg.queue}/${item.id}/claim-${this.generation}`;
            const keptOk = (await (0,git_git/* createGit */.l)(cfg.cwd).run(['update-ref', `refs/heads/${kept}`, merge.branchTip])).code === 0;
            if (keptOk) {
                // The work is safe on its own branch: start the agent branch over, so the worktree holds nothing unmerged.
                await (0,worktree/* refreshAgentWorktree */.A5)({ cwd: cfg.cwd, agent: cfg.agent, discardUnmerged: true }).catch(() => undefined);
            }
            return this.fail(`${mergeDetail(merge)}${keptOk ? `; the work is kept on branch ${kept}` : ''}`, merge);
        }
        catch (e) {
            if (!(0,errors/* isLockstepError */.sq)(e))
                throw e;
            return this.fail(`${e.code}: ${e.message}`);
        }
        finally {
            if (task)
                endItemTask(this.rt, task);
        }
    }
}
async function runWorker(cfg, io) {
    const rt = (0,runtime/* openRuntime */.fS)({ cwd: cfg.cwd });
    let wt;
    try {
        wt = await (0,worktree/* addAgentWorktree */.K6)({ cwd: cfg.cwd, agent: cfg.agent, base: cfg.base, copy: cfg.copy, ownerPid: process.pid });
    }
    catch (e) {
        io.send({ t: 'fatal', message: `agent ${cfg.agent} could not get its worktree: ${e.message}` });
        return (0,errors/* isLockstepError */.sq)(e) ? e.exitCode : 4;
    }
    io.send({ t: 'ready', agent: cfg.agent, worktree: wt.path });
    let idle = false;
    // Whether the worktree may hold leftovers: after a failed item (or none yet run, to be safe) it is reset on exit.
    let dirty = false;
    while (!io.draining()) {
        let c;
        try {
            c = (0,queue_queue/* claimNext */.Ym)({ runtime: rt, queue: cfg.queue, agent: cfg.agent, leaseMs: cfg.leaseMs, ownerPid: process.pid });
        }
        catch (e) {
            if (!(0,errors/* isLockstepError */.sq)(e))
                throw e;
            io.send({ t: 'fatal', message: `agent ${cfg.agent} cannot claim from queue ${cfg.queue}: ${e.message}` });
            return e.exitCode;
        }
        if (!c.claimed) {
            if (!idle)
                io.send({ t: 'state', state: 'idle', item: null, generation: null });
            idle = true;
            await io.pause(cfg.pollMs);
            continue;
        }
        idle = false;
        const msg = await new ItemRun(cfg, rt, wt, c.item, c.generation, io).run();
        // A done item left everything committed and merged: nothing to clean up after it.
        dirty = msg.t !== 'item' || msg.outcome !== 'done';
        io.send(msg);
        io.send({ t: 'state', state: 'idle', item: null, generation: null });
    }
    io.send({ t: 'state', state: 'exiting', item: null, generation: null });
    // Leave the worktree clean (a failed command's leftovers), so it can be removed without --force.
    if (dirty)
        await (0,worktree/* refreshAgentWorktree */.A5)({ cwd: cfg.cwd, agent: cfg.agent, discardUnmerged: true }).catch(() => undefined);
    return 0;
}

// EXTERNAL MODULE: ./src/cli/context.ts
var context = __webpack_require__(5217);
// EXTERNAL MODULE: ./src/cli/output.ts
var output = __webpack_require__(6657);
;// CONCATENATED MODULE: ./src/cli/commands/parallel.ts








function collect(v, prev) {
    return [...prev, v];
}
function describe(e) {
    switch (e.type) {
        case 'start':
            return `lockstep parallel: run ${e.runId}, ${e.agents} agent(s) on queue ${e.queue} (${e.pending} pending), merging into ${e.base}; logs in ${e.logDir}`;
        case 'worker-started':
            return e.replacing ? `[${e.agent}] started (pid ${e.pid}) to replace ${e.replacing}` : null;
        case 'claimed':
            return `[${e.agent}] ${e.item}${e.generation > 1 ? ` (attempt ${e.generation})` : ''}: started`;
        case 'item':
            return `[${e.agent}] ${e.item}: ${e.outcome} in ${(e.ms / 1000).toFixed(1)} s — ${e.detail}`;
        case 'worker-died':
            return `[${e.agent}] worker died (pid ${e.pid}, ${e.signal ? `signal ${e.signal}` : `exit ${e.code}`})${e.item ? ` holding ${e.item}` : ''}`;
        case 'reclaimed':
            return `reclaimed ${e.item} from ${e.agent} → ${e.next}: ${e.reason}`;
        case 'draining':
            return 'draining: agents finish the item in hand, then stop (Ctrl-C again to stop now)';
        case 'stopping':
            return 'stopping now: agents are killed, their items go back to pending';
        case 'fatal':
            return `[${e.agent}] ${e.message}`;
        default:
            return null;
    }
}
function printSummary(s) {
    const lines = [
        '',
        `done ${s.done} · failed ${s.failed} · retried ${s.retried} (reclaimed ${s.reclaimed}) · ${(s.ms / 1000).toFixed(1)} s · ${s.throughputPerMin.toFixed(1)} items/min with ${s.agents} agent(s)`,
    ];
    if (s.workersDied)
        lines.push(`${s.workersDied} worker(s) died and were replaced (${s.workersStarted} started in all)`);
    if (s.interrupted)
        lines.push(`interrupted (${s.interrupted}): ${s.left.pending} pending and ${s.left.claimed} claimed item(s) left in queue ${s.queue}`);
    for (const k of s.keptWorktrees)
        lines.push(`kept the worktree of ${k.agent}: ${k.reason}`);
    if (s.error)
        lines.push(`error: ${s.error}`);
    for (const l of lines)
        (0,output/* printLine */.wi)(l);
}
function registerParallel(program) {
    program
        .command('parallel')
        .usage('--agents N [options] -- CMD [ARGS...]')
        .requiredOption('--agents <n>', 'number of agents working at once')
        .option('--queue <name>', 'the queue to work through', names/* DEFAULT_QUEUE */.iD)
        .option('--base <branch>', 'branch items start from and merge into (default: the current branch)')
        .option('--copy <path>', 'copy this path from the checkout into each agent worktree (repeatable)', collect, [])
        .option('--scope <glob>', "scope of each item's task (repeatable; default **)", collect, [])
        .option('--lease <seconds>', "agent lease: a dead agent's item returns this long after its last heartbeat", String(DEFAULT_RUNNER_LEASE_MS / 1000))
        .option('--max-attempts <n>', 'claims an item gets before it fails for good', String(queue_queue/* DEFAULT_MAX_ATTEMPTS */.Gz))
        .option('--check <cmd>', 'check command for each merge (runs on the merge result)')
        .option('--item-timeout <seconds>', 'kill an agent command running longer than this (the item is retried)')
        .option('--agent-prefix <prefix>', 'agents are named PREFIX-1, PREFIX-2, …', 'agent')
        .option('--keep-worktrees', 'leave the agent worktrees in place at the end')
        .option('-q, --quiet', 'print only the summary')
        .option('--json', 'print the summary as JSON')
        .argument('<cmd...>', 'the agent command, run in its worktree with LOCKSTEP_ITEM, LOCKSTEP_AGENT, LOCKSTEP_TASK, LOCKSTEP_PAYLOAD set')
        .passThroughOptions()
        .description('work through a queue with N agents, each in its own worktree, merging through the merge queue (exit 1 if any item failed)')
        .action(async (argv, o, cmd) => {
        const { cwd } = (0,context/* globals */.z)(cmd);
        if (argv.length === 0)
            throw new errors/* LockstepError */.Cj('BAD_INPUT', 'no agent command: lockstep parallel --agents N -- CMD [ARGS...]');
        const drain = new AbortController();
        const stop = new AbortController();
        const onInt = () => {
            if (!drain.signal.aborted)
                drain.abort();
            else
                stop.abort();
        };
        const onTerm = () => stop.abort();
        process.on('SIGINT', onInt);
        process.on('SIGTERM', onTerm);
        try {
            const summary = await runParallel({
                cwd,
                agents: (0,output/* parsePositiveInt */.EJ)(o.agents, '--agents', { max: 64 }),
                queue: o.queue,
                argv,
                base: o.base,
                copy: o.copy,
                scope: o.scope,
                leaseMs: (0,output/* parseSeconds */.fL)(o.lease, '--lease'),
                maxAttempts: (0,output/* parsePositiveInt */.EJ)(o.maxAttempts, '--max-attempts'),
                check: o.check ?? null,
                itemTimeoutMs: o.itemTimeout === undefined ? null : (0,output/* parseSeconds */.fL)(o.itemTimeout, '--item-timeout'),
                agentPrefix: o.agentPrefix,
                keepWorktrees: o.keepWorktrees,
                workerCommand: [process.execPath, process.argv[1], 'parallel-worker'],
                drainSignal: drain.signal,
                stopSignal: stop.signal,
                onEvent: (e) => {
                    if (o.quiet || o.json)
                        return;
                    const line = describe(e);
                    if (line)
                        (0,output/* printErr */.lx)(line);
                },
            });
            if (o.json)
                (0,output/* printJson */.Q2)(summary);
            else
                printSummary(summary);
            process.exitCode = summary.error ? 4 : summary.failed > 0 ? 1 : 0;
        }
        finally {
            process.off('SIGINT', onInt);
            process.off('SIGTERM', onTerm);
        }
    });
    // The worker process of `lockstep parallel` (not for direct use): configuration arrives as JSON in the environment.
    program
        .command('parallel-worker', { hidden: true })
        .description('internal: one worker of lockstep parallel')
        .action(async () => {
        const raw = process.env[WORKER_CONFIG_ENV];
        if (!raw || typeof process.send !== 'function')
            throw new errors/* LockstepError */.Cj('BAD_INPUT', 'parallel-worker is started by lockstep parallel, not by hand');
        const cfg = JSON.parse(raw);
        let draining = false;
        let wake = null;
        const drain = () => {
            draining = true;
            wake?.();
        };
        process.on('message', (m) => {
            if (m.t === 'drain' || m.t === 'stop')
                drain();
        });
        // The coordinator is gone: finish the item in hand and stop (our claims stay ours while we run).
        process.on('disconnect', drain);
        const code = await runWorker(cfg, {
            send: (msg) => {
                if (process.connected)
                    process.send(msg);
            },
            draining: () => draining,
            pause: (ms) => new Promise((r) => {
                const t = setTimeout(r, ms);
                wake = () => {
                    clearTimeout(t);
                    r();
                };
            }),
        });
        process.exitCode = code;
        if (process.connected)
            process.disconnect();
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
