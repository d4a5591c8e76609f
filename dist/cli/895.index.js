export const id = 895;
export const ids = [895];
export const modules = {

/***/ 4895:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerHook: () => (/* binding */ registerHook)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/core/process.ts
var core_process = __webpack_require__(9978);
// EXTERNAL MODULE: ./src/git/git.ts
var git_git = __webpack_require__(308);
// EXTERNAL MODULE: ./src/tasks/trailers.ts
var trailers = __webpack_require__(7796);
;// CONCATENATED MODULE: ./src/hooks/git-process.ts
/**
 * The `git commit` process a hook runs for. The commit lock taken in
 * pre-commit belongs to that process (not to the short-lived hook), so if
 * the commit dies or aborts after pre-commit — a failing commit-msg hook, an
 * empty message, Ctrl-C, a killed editor — the owner is gone and the lock
 * is free at once. Between the hook and git there may be shells (husky's
 * runner, a chained hook), so we walk up the parents to the nearest git.
 */

const MAX_DEPTH = 16;
/** `git`, or `git-commit` and friends when git was started by a dashed name. */
function isGitCommand(name) {
    return name === 'git' || name.startsWith('git-');
}
/** The nearest ancestor of `from` (default: this process's parent) that is git, or null. */
function findGitProcess(opts = {}) {
    const inspector = opts.inspector ?? (0,core_process/* processInspector */.HC)();
    let pid = opts.from ?? process.ppid;
    for (let depth = 0; pid !== null && pid > 1 && depth < MAX_DEPTH; depth++) {
        const name = inspector.commandName(pid);
        if (name === null)
            return null;
        if (isGitCommand(name))
            return pid;
        pid = inspector.parentPid(pid);
    }
    return null;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/files.ts
var files = __webpack_require__(9928);
// EXTERNAL MODULE: ./src/core/runtime.ts
var runtime = __webpack_require__(9199);
;// CONCATENATED MODULE: ./src/hooks/hook-runtime.ts
/**
 * The runtime of the repository a hook runs in, found without starting git
 * when possible: git runs hooks at the top of the worktree, where `.git` is
 * the git dir itself (main worktree) or a `gitdir:` file pointing at it
 * (linked worktree, whose `commondir` file names the shared dir). Two git
 * processes fewer on every commit; anything unusual (GIT_DIR and friends
 * set, no `.git` here) falls back to `openRuntime`, which asks git.
 */




function readTrimmed(path) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8').trim();
    }
    catch {
        return null;
    }
}
function fastRuntime(cwd, env) {
    if (env.GIT_DIR || env.GIT_WORK_TREE || env.GIT_COMMON_DIR)
        return null;
    const dotGit = (0,external_node_path_.join)(cwd, '.git');
    let gitDir;
    try {
        if ((0,external_node_fs_.statSync)(dotGit).isDirectory())
            gitDir = dotGit;
        else {
            const m = /^gitdir: (.+)$/.exec(readTrimmed(dotGit) ?? '');
            if (!m)
                return null;
            gitDir = (0,external_node_path_.resolve)(cwd, m[1]);
        }
    }
    catch {
        return null;
    }
    const common = readTrimmed((0,external_node_path_.join)(gitDir, 'commondir'));
    const commonDir = common ? (0,external_node_path_.resolve)(gitDir, common) : gitDir;
    try {
        if (!(0,external_node_fs_.statSync)((0,external_node_path_.join)(commonDir, 'objects')).isDirectory())
            return null;
    }
    catch {
        return null;
    }
    const root = (0,external_node_path_.join)(commonDir, 'lockstep');
    (0,files/* ensureDir */.A0)(root);
    return { root, repo: { commonDir, gitDir, topLevel: cwd, bare: false } };
}
function hookRuntime(cwd, env = process.env) {
    return fastRuntime((0,external_node_path_.resolve)(cwd), env) ?? (0,runtime/* openRuntime */.fS)({ cwd });
}
/**
 * HEAD's commit id read from the files git keeps it in (HEAD, the loose ref,
 * packed-refs), or null before the first commit; undefined when that cannot
 * be told without git (reftable, anything unexpected): ask git then.
 */
function readHeadFast(gitDir, commonDir) {
    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(commonDir, 'reftable')))
        return undefined;
    const head = readTrimmed((0,external_node_path_.join)(gitDir, 'HEAD'));
    if (!head)
        return undefined;
    if (/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(head))
        return head;
    const m = /^ref: (refs\/[^\s]+)$/.exec(head);
    if (!m)
        return undefined;
    const ref = m[1];
    const loose = readTrimmed((0,external_node_path_.join)(commonDir, ref));
    if (loose !== null)
        return /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(loose) ? loose : undefined;
    const packed = readTrimmed((0,external_node_path_.join)(commonDir, 'packed-refs'));
    if (packed !== null) {
        for (const line of packed.split('\n')) {
            if (line.endsWith(` ${ref}`)) {
                const id = line.slice(0, line.indexOf(' '));
                return /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(id) ? id : undefined;
            }
        }
    }
    return null; // the branch has no commit yet
}

;// CONCATENATED MODULE: ./src/hooks/inflight.ts
/**
 * What pre-commit hands to the later hooks of the same commit: a small
 * `key=value` file `<runtime>/inflight/<git pid>` (plus `<git pid>.paths`,
 * the staged list exactly as git printed it, NUL-separated).
 *
 * The later hooks are POSIX sh (see hooks/ and docs/tasks-and-hooks.md): they
 * read this file with `read`, never `eval` or `.`, so a value is never code.
 * No value may hold a newline; when one would (a repository path with a
 * newline in it), `fast=0` sends the later hooks to node instead.
 */




function inflightDir(root) {
    return (0,external_node_path_.join)(root, 'inflight');
}
function inflightPath(root, gitPid) {
    return (0,external_node_path_.join)(inflightDir(root), String(gitPid));
}
function line(k, v) {
    return `${k}=${v}\n`;
}
const safe = (v) => !/[\n\r\0]/.test(v);
function writeInflight(root, s, stagedRaw) {
    (0,files/* ensureDir */.A0)(inflightDir(root));
    const values = [
        ['v', '1'],
        ['gitpid', String(s.gitPid)],
        ['gitstart', s.gitStart],
        ['lock', s.lock],
        ['lockdir', s.lockDir],
        ['token', String(s.token)],
        ['nonce', s.nonce],
        ['inherited', s.inherited ? '1' : '0'],
        ['acquiredms', String(s.acquiredMs)],
        ['head', s.head],
        ['merge', s.merge ? '1' : '0'],
        ['task', s.task ?? ''],
        ['taskjson', JSON.stringify(s.task)],
        ['hostjson', s.hostJson],
        ['trailer_task', s.trailerTask],
        ['trailer_scope', s.trailerScope],
        ['trailer_shared', s.trailerShared],
        ['trailer_fence', s.trailerFence],
    ];
    const fast = s.fast && values.every(([, v]) => safe(v));
    const text = values.map(([k, v]) => line(k, safe(v) ? v : '')).join('') + line('fast', fast ? '1' : '0');
    const path = inflightPath(root, s.gitPid);
    // The list first: a reader that finds the state file always finds its list.
    (0,files/* writeFileAtomic */.Zf)(`${path}.paths`, stagedRaw);
    (0,files/* writeFileAtomic */.Zf)(path, text);
    if (!fast)
        (0,files/* writeFileAtomic */.Zf)(`${path}.json`, JSON.stringify(s));
}
function readInflight(root, gitPid) {
    const path = inflightPath(root, gitPid);
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch {
        return null;
    }
    let state = null;
    const kv = new Map();
    for (const l of text.split('\n')) {
        const i = l.indexOf('=');
        if (i > 0)
            kv.set(l.slice(0, i), l.slice(i + 1));
    }
    if (kv.get('v') !== '1')
        return null;
    if (kv.get('fast') === '0') {
        try {
            state = JSON.parse((0,external_node_fs_.readFileSync)(`${path}.json`, 'utf8'));
        }
        catch {
            return null;
        }
    }
    else {
        const taskJson = kv.get('taskjson') ?? 'null';
        state = {
            v: 1,
            gitPid: Number(kv.get('gitpid')),
            gitStart: kv.get('gitstart') ?? '',
            lock: kv.get('lock') ?? 'commit',
            lockDir: kv.get('lockdir') ?? '',
            token: Number(kv.get('token')),
            nonce: kv.get('nonce') ?? '',
            inherited: kv.get('inherited') === '1',
            acquiredMs: Number(kv.get('acquiredms')),
            head: kv.get('head') ?? '',
            merge: kv.get('merge') === '1',
            task: JSON.parse(taskJson),
            hostJson: kv.get('hostjson') ?? '""',
            fast: true,
            trailerTask: kv.get('trailer_task') ?? '',
            trailerScope: kv.get('trailer_scope') ?? '',
            trailerShared: kv.get('trailer_shared') ?? '',
            trailerFence: kv.get('trailer_fence') ?? '',
        };
    }
    let stagedRaw = '';
    try {
        stagedRaw = (0,external_node_fs_.readFileSync)(`${path}.paths`, 'utf8');
    }
    catch {
        stagedRaw = '';
    }
    return { state, stagedRaw };
}
function removeInflight(root, gitPid) {
    const path = inflightPath(root, gitPid);
    for (const suffix of ['', '.paths', '.json', '.got'])
        (0,files/* unlinkQuiet */._f)(path + suffix);
}
/** Removes what commits that died after pre-commit left behind (their git process is gone). */
function sweepInflight(root) {
    let names;
    try {
        names = (0,external_node_fs_.readdirSync)(inflightDir(root));
    }
    catch {
        return 0;
    }
    let removed = 0;
    for (const n of names) {
        const pid = Number(n.split('.')[0]);
        if (!Number.isSafeInteger(pid) || pid <= 0)
            continue;
        if (!(0,core_process/* pidExists */.Oz)(pid)) {
            (0,files/* unlinkQuiet */._f)((0,external_node_path_.join)(inflightDir(root), n));
            removed++;
        }
    }
    return removed;
}

// EXTERNAL MODULE: ./src/config/config.ts
var config_config = __webpack_require__(1122);
// EXTERNAL MODULE: ./src/core/lock.ts
var lock = __webpack_require__(6336);
// EXTERNAL MODULE: ./src/tasks/fence.ts
var fence = __webpack_require__(9699);
// EXTERNAL MODULE: ./src/tasks/git-paths.ts
var git_paths = __webpack_require__(659);
// EXTERNAL MODULE: ./src/tasks/scope.ts
var scope = __webpack_require__(9846);
// EXTERNAL MODULE: ./src/tasks/tasks.ts
var tasks = __webpack_require__(6464);
;// CONCATENATED MODULE: ./src/hooks/pre-commit.ts
/**
 * The pre-commit hook: takes the commit lock on behalf of the `git commit`
 * process (or inherits it from `lockstep commit` / `run-locked`), lists
 * what is staged, and blocks paths outside the task's scope and paths that
 * belong to another active task (cross-task staging). It leaves what the
 * later hooks need in `<runtime>/inflight/<git pid>`.
 *
 * This is the only hook that runs node; commit-msg and post-commit are
 * POSIX sh reading the inflight file (one node start-up per commit).
 */















/** LOCKSTEP_SKIP=1 or HUSKY=0 turn every lockstep hook off. */
function hooksSkipped(env) {
    if (env.LOCKSTEP_SKIP === '1')
        return 'LOCKSTEP_SKIP=1';
    if (env.HUSKY === '0')
        return 'HUSKY=0';
    return null;
}
/** The task a commit declares (LOCKSTEP_TASK), checked; null when none is declared. */
function declaredTask(opts) {
    const raw = opts.env.LOCKSTEP_TASK;
    if (raw === undefined || raw === '')
        return null;
    const id = (0,tasks/* validateTaskId */.zI)(raw);
    const task = (0,tasks/* getTask */.gg)({ runtime: { root: opts.root, repo: null }, id });
    if (!task) {
        throw new errors/* LockstepError */.Cj('NOT_FOUND', `LOCKSTEP_TASK=${id} names no active task`, {
            hint: `start it (lockstep task start ${id} --scope GLOB…), or commit without a task: unset LOCKSTEP_TASK`,
        });
    }
    return task;
}
function blockMessages(task, c, unborn) {
    const lines = [`lockstep: commit blocked for task ${task.id} — nothing was committed:`];
    for (const { path, task: owner } of c.otherTask) {
        lines.push(`  ${(0,scope/* showPath */.P8)(path)} is staged but belongs to active task ${owner} — commit with \`lockstep commit\` or unstage it`);
    }
    for (const p of c.outside)
        lines.push(`  ${(0,scope/* showPath */.P8)(p)} is outside task ${task.id}'s scope (${task.scope.join(' ')})`);
    const unstage = [...c.otherTask.map((o) => o.path), ...c.outside];
    // Before the first commit there is no HEAD to restore from.
    const how = unborn ? 'git rm -q --cached --' : 'git restore --staged --';
    lines.push(`  fix: unstage them (${how} ${unstage.slice(0, 3).map(scope/* showPath */.P8).join(' ')}${unstage.length > 3 ? ' …' : ''}),`);
    lines.push(`       or commit exactly your own paths: lockstep commit --task ${task.id} -m MSG -- PATH…`);
    return lines;
}
async function runPreCommit(opts) {
    const env = opts.env ?? process.env;
    const skip = hooksSkipped(env);
    if (skip)
        return { outcome: 'skipped', reason: skip, messages: [] };
    const rt = hookRuntime(opts.cwd, env);
    const top = rt.repo?.topLevel ?? opts.cwd;
    const config = (0,config_config/* loadConfig */.Z9)({ topLevel: top });
    const task = declaredTask({ env, root: rt.root });
    if (!task && config.requireTask) {
        return {
            outcome: 'blocked',
            task: null,
            paths: [],
            classes: null,
            messages: [
                'lockstep: commit blocked: this repository requires a task for every commit (requireTask in its lockstep configuration)',
                '  fix: LOCKSTEP_TASK=ID git commit …, or lockstep commit --task ID -m MSG -- PATH…',
            ],
        };
    }
    const gitPid = opts.gitPid ?? findGitProcess();
    if (gitPid === null) {
        throw new errors/* LockstepError */.Cj('BAD_INPUT', 'lockstep hook pre-commit must be run by git commit (no git process among its parents)', {
            hint: 'install the hooks with lockstep init; to commit under the lock by hand use lockstep commit',
        });
    }
    sweepInflight(rt.root);
    const handle = await (0,lock/* acquireLock */.IZ)({
        runtime: rt,
        cwd: top,
        name: lock/* DEFAULT_LOCK */.sR,
        ownerPid: gitPid,
        task: task?.id ?? null,
        agent: env.LOCKSTEP_AGENT ?? null,
        timeoutMs: config.lockTimeoutMs,
        leaseMs: config.leaseMs,
        command: 'git commit (lockstep pre-commit hook)',
        onWait: opts.onWait,
        env,
    });
    let keep = false;
    try {
        const git = (0,git_git/* createGit */.l)(top);
        const gitDir = rt.repo?.gitDir ?? (0,external_node_path_.join)(top, '.git');
        const fastHead = rt.repo ? readHeadFast(rt.repo.gitDir, rt.repo.commonDir) : undefined;
        const [staged, head] = await Promise.all([(0,git_paths/* stagedPaths */.Dx)(git), fastHead === undefined ? (0,git_paths/* headCommit */.Qo)(git) : fastHead]);
        const merge = (0,external_node_fs_.existsSync)((0,external_node_path_.join)(gitDir, 'MERGE_HEAD'));
        let classes = null;
        const messages = [];
        if (task && !merge) {
            classes = (0,scope/* classifyPaths */.jN)({ task, others: (0,tasks/* listTasks */.Vk)({ runtime: rt }), shared: config.shared, paths: staged.paths });
            if (classes.otherTask.length || classes.outside.length) {
                return { outcome: 'blocked', task: task.id, paths: staged.paths, classes, messages: blockMessages(task, classes, head === null) };
            }
            if (classes.shared.length) {
                messages.push(`lockstep: task ${task.id} commits shared path${classes.shared.length > 1 ? 's' : ''} ${classes.shared.map(scope/* showPath */.P8).join(', ')}`);
            }
        }
        const shared = task ? [...task.shared, ...config.shared.filter((g) => !task.shared.includes(g))] : [];
        writeInflight(rt.root, {
            v: 1,
            gitPid,
            gitStart: (0,core_process/* startStamp */.UY)(gitPid) ?? '',
            lock: handle.name,
            lockDir: handle.dir,
            token: handle.token,
            nonce: handle.nonce,
            inherited: handle.reentrant,
            acquiredMs: handle.acquiredAtMs,
            head: head ?? '',
            merge,
            task: task?.id ?? null,
            hostJson: JSON.stringify((0,core_process/* hostId */.My)()),
            fast: true,
            trailerTask: task?.id ?? '',
            trailerScope: task ? (0,trailers/* encodeGlobs */.Kr)(task.scope) : '',
            trailerShared: task && shared.length ? (0,trailers/* encodeGlobs */.Kr)(shared) : '',
            trailerFence: task ? (0,fence/* fenceValue */.F)(rt.root, handle.token) : '',
        }, staged.raw);
        keep = true;
        return { outcome: 'ok', task: task?.id ?? null, token: handle.token, inherited: handle.reentrant, paths: staged.paths, classes, messages };
    }
    finally {
        // A blocked or failed pre-commit ends the commit: give the lock back now
        // rather than when git exits.
        if (!keep && !handle.reentrant) {
            try {
                (0,lock/* releaseLock */.x_)(handle);
            }
            catch {
                /* git is about to exit, which frees it anyway */
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/hooks/commit-msg.ts
/**
 * The commit-msg hook, node side (the sh hook does the same without node;
 * this one runs when the inflight state could not be written for sh, and
 * for `lockstep hook commit-msg` from a husky line without the sh scripts).
 *
 * Trailers go on in commit-msg, after the editor, not in
 * prepare-commit-msg: a message emptied in the editor must still abort the
 * commit, and git aborts only a message with nothing in it — trailers added
 * before the editor would be something. So: a message with no text of its
 * own is left alone (git aborts it); any other gets the trailers.
 */








const SCISSORS = /^# -+ >8 -+$/;
/** True when the message has text besides comments, the verbose diff and lockstep's own trailers. */
function messageHasText(message) {
    for (const line of message.split('\n')) {
        if (SCISSORS.test(line))
            return false;
        if (line.startsWith('#'))
            continue;
        if (/^Lockstep-[A-Za-z-]+:/.test(line))
            continue;
        if (/\S/.test(line))
            return true;
    }
    return false;
}
async function runCommitMsg(opts) {
    const env = opts.env ?? process.env;
    if (hooksSkipped(env))
        return { added: false };
    const gitPid = opts.gitPid ?? findGitProcess();
    if (gitPid === null)
        return { added: false };
    const rt = hookRuntime(opts.cwd, env);
    const found = readInflight(rt.root, gitPid);
    if (!found || found.state.gitStart !== ((0,core_process/* startStamp */.UY)(gitPid) ?? '') || !found.state.trailerTask)
        return { added: false };
    if (!messageHasText((0,external_node_fs_.readFileSync)(opts.messageFile, 'utf8')))
        return { added: false };
    const s = found.state;
    const args = (0,trailers/* trailerArgs */.Fe)({ task: s.trailerTask, scope: (0,trailers/* decodeGlobs */.ad)(s.trailerScope) ?? [], shared: (0,trailers/* decodeGlobs */.ad)(s.trailerShared) ?? [], fence: s.trailerFence });
    await (0,git_git/* createGit */.l)(rt.repo?.topLevel ?? opts.cwd).exec(['interpret-trailers', '--in-place', '--if-exists', 'replace', ...args, opts.messageFile]);
    return { added: true };
}

// EXTERNAL MODULE: ./src/core/events.ts
var events = __webpack_require__(7842);
;// CONCATENATED MODULE: ./src/hooks/post-commit.ts
/**
 * The post-commit hook, node side. The sh hook (hooks/post-commit) handles
 * the ordinary commit itself — the commit's files equal the staged list
 * pre-commit checked, so there is nothing to report — and releases the
 * lock. Everything else comes here: an amend, a merge, a list that changed
 * after pre-commit (something staged or unstaged in between), a lock that
 * was taken away. Nothing here can fail the commit (it exists already):
 * findings are a warning on stderr and a `git_commit_validation_warning`
 * event in events.jsonl.
 */













/** Compares the new commit with what pre-commit checked. */
async function checkCommit(opts) {
    const git = (0,git_git/* createGit */.l)(opts.top);
    const head = await (0,git_paths/* commitParents */.ZQ)(git, 'HEAD');
    if (!head)
        return null;
    if (opts.state.merge || head.parents.length > 1)
        return null; // a merge brings other commits' files
    const files = (await (0,git_paths/* commitPaths */.cH)(git, head.commit)).paths;
    const ordinary = opts.state.head === '' ? head.parents.length === 0 : head.parents[0] === opts.state.head;
    const staged = (0,git_paths/* splitNul */.K5)(opts.stagedRaw);
    const fileSet = new Set(files);
    const stagedSet = new Set(staged);
    const missing = ordinary ? staged.filter((p) => !fileSet.has(p)) : [];
    const extra = ordinary ? files.filter((p) => !stagedSet.has(p)) : [];
    let outside = [];
    let otherTask = [];
    if (opts.state.task) {
        const task = (0,tasks/* getTask */.gg)({ runtime: { root: opts.root, repo: null }, id: opts.state.task });
        if (task) {
            const config = (0,config_config/* loadConfig */.Z9)({ topLevel: opts.top });
            const c = (0,scope/* classifyPaths */.jN)({ task, others: (0,tasks/* listTasks */.Vk)({ runtime: { root: opts.root, repo: null } }), shared: config.shared, paths: files });
            outside = c.outside;
            otherTask = c.otherTask;
        }
    }
    if (!missing.length && !extra.length && !outside.length && !otherTask.length)
        return null;
    return { commit: head.commit, task: opts.state.task, missing, extra, outside, otherTask, amend: !ordinary };
}
function describe(w) {
    const lines = [`lockstep: warning: commit ${w.commit.slice(0, 12)}${w.task ? ` (task ${w.task})` : ''} is not what pre-commit checked:`];
    for (const o of w.otherTask)
        lines.push(`  ${(0,scope/* showPath */.P8)(o.path)} belongs to active task ${o.task}`);
    for (const p of w.outside)
        lines.push(`  ${(0,scope/* showPath */.P8)(p)} is outside the task's scope`);
    for (const p of w.extra)
        lines.push(`  ${(0,scope/* showPath */.P8)(p)} was staged after pre-commit ran`);
    for (const p of w.missing)
        lines.push(`  ${(0,scope/* showPath */.P8)(p)} was checked but is not in the commit`);
    lines.push(`  recorded in events.jsonl as git_commit_validation_warning; review it with: git show --stat ${w.commit.slice(0, 12)}`);
    return lines;
}
async function runPostCommit(opts) {
    const env = opts.env ?? process.env;
    const none = { handled: false, released: false, warning: null, messages: [] };
    if (hooksSkipped(env))
        return none;
    const gitPid = opts.gitPid ?? findGitProcess();
    if (gitPid === null)
        return none;
    const rt = hookRuntime(opts.cwd, env);
    const found = readInflight(rt.root, gitPid);
    if (!found)
        return none;
    const { state, stagedRaw } = found;
    if (state.gitStart !== ((0,core_process/* startStamp */.UY)(gitPid) ?? '')) {
        // Left by an earlier git process whose pid this one reuses: not ours.
        removeInflight(rt.root, gitPid);
        return none;
    }
    const top = rt.repo?.topLevel ?? opts.cwd;
    const messages = [];
    let warning = null;
    let released = false;
    try {
        warning = await checkCommit({ top, root: rt.root, state, stagedRaw });
        if (warning) {
            (0,events/* appendEvent */.Zn)(rt.root, 'git_commit_validation_warning', { ...warning });
            messages.push(...describe(warning));
        }
    }
    finally {
        if (!state.inherited) {
            try {
                (0,lock/* releaseLock */.x_)({ name: state.lock, token: state.token, nonce: state.nonce, dir: state.lockDir, root: rt.root });
                released = true;
            }
            catch (e) {
                if (e instanceof errors/* LockstepError */.Cj)
                    messages.push(`lockstep: ${e.message}`, ...(e.hint ? [`  fix: ${e.hint}`] : []));
                else
                    throw e;
            }
        }
        removeInflight(rt.root, gitPid);
    }
    return { handled: true, released, warning, messages };
}

;// CONCATENATED MODULE: ./src/hooks/run-hook.ts




async function runHook(opts) {
    const { name, cwd, env } = opts;
    if (name === 'pre-commit') {
        const r = await runPreCommit({ cwd, env, onWait: opts.onWait });
        return { messages: r.messages, exitCode: r.outcome === 'blocked' ? 1 : 0 };
    }
    if (name === 'commit-msg') {
        const file = opts.args[0];
        if (!file)
            throw new errors/* LockstepError */.Cj('BAD_INPUT', 'lockstep hook commit-msg needs the message file git passes to the hook');
        await runCommitMsg({ cwd, env, messageFile: file });
        return { messages: [], exitCode: 0 };
    }
    if (name === 'post-commit') {
        const r = await runPostCommit({ cwd, env });
        return { messages: r.messages, exitCode: 0 };
    }
    throw new errors/* LockstepError */.Cj('BAD_INPUT', `unknown hook ${JSON.stringify(name)}: lockstep runs pre-commit, commit-msg and post-commit`);
}

// EXTERNAL MODULE: ./src/cli/context.ts
var context = __webpack_require__(5217);
// EXTERNAL MODULE: ./src/cli/output.ts
var output = __webpack_require__(6657);
;// CONCATENATED MODULE: ./src/cli/commands/hook.ts



/**
 * `lockstep hook NAME`: what the installed hooks run when the hook bundle
 * (dist/hook/index.js, the same code without the rest of the CLI) is
 * missing, and what a husky line runs from PATH. pre-commit always runs in
 * node; commit-msg and post-commit run in POSIX sh and come here only for
 * what sh does not handle (see docs/tasks-and-hooks.md).
 */
function registerHook(program) {
    program
        .command('hook')
        .argument('<name>', 'pre-commit | commit-msg | post-commit')
        .argument('[args...]', 'the arguments git passes to the hook')
        .description('run one of the git hooks (git runs these through the shims lockstep init installs)')
        .action(async (name, args, _o, cmd) => {
        const { cwd } = (0,context/* globals */.z)(cmd);
        const r = await runHook({ name, args, cwd, onWait: (0,output/* waitReporter */.ZU)() });
        for (const m of r.messages)
            (0,output/* printErr */.lx)(m);
        if (r.exitCode)
            process.exitCode = r.exitCode;
    });
}


/***/ })

};
