export const id = 795;
export const ids = [795];
export const modules = {

/***/ 5795:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerValidate: () => (/* binding */ registerValidate)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/git/git.ts
var git_git = __webpack_require__(308);
// EXTERNAL MODULE: ./src/tasks/scope.ts
var scope = __webpack_require__(9846);
// EXTERNAL MODULE: ./src/tasks/tasks.ts
var tasks = __webpack_require__(6464);
// EXTERNAL MODULE: ./src/tasks/trailers.ts
var trailers = __webpack_require__(7796);
;// CONCATENATED MODULE: ./src/tasks/validate.ts
/**
 * `lockstep validate`: checks a range of commits by their trailers alone
 * (no runtime state needed, so it runs the same in CI as on a laptop):
 *
 * - `outside_scope`: a task's commit changed a file outside its
 *   Lockstep-Scope (and its Lockstep-Shared globs);
 * - `other_task_scope`: a commit changed a file inside the scope of another
 *   task that has commits in the same range (a task-less commit too);
 * - `fence_order`: along first-parent history the fences (lock tokens of
 *   one counter) go down: a commit made under a lock that had already been
 *   taken over landed after its successor's;
 * - `bad_trailer`: lockstep trailers that cannot be read.
 *
 * One `git log` reads every commit, its parents, trailers and files (NUL
 * separated), so a thousand commits cost one process, not a thousand.
 */






const SEP = '\x1f';
/** The last value of a trailer (a commit amended by hand may carry two). */
function lastValue(v) {
    const parts = v.split(SEP).filter((x) => x.trim() !== '');
    return (parts[parts.length - 1] ?? '').trim();
}
/** Parses `git log -z --name-only` output whose records start with `\x1e<nonce>`. */
function parseLog(out, nonce) {
    const header = `\x1e${nonce}`;
    const tokens = out.split('\0');
    const records = [];
    let i = 0;
    while (i < tokens.length) {
        if (tokens[i] !== header) {
            i++;
            continue;
        }
        const [commit = '', parents = '', task = '', scope = '', shared = '', fence = ''] = tokens.slice(i + 1, i + 7);
        i += 7;
        const files = [];
        let first = true;
        while (i < tokens.length && tokens[i] !== header) {
            let name = tokens[i];
            // git puts a newline between the formatted header and the first file name.
            if (first && name.startsWith('\n'))
                name = name.slice(1);
            first = false;
            if (name !== '')
                files.push(name);
            i++;
        }
        const raw = { task: lastValue(task), scope: lastValue(scope), shared: lastValue(shared), fence: lastValue(fence) };
        records.push({
            commit,
            parents: parents.split(' ').filter(Boolean),
            task: raw.task || null,
            scope: raw.scope ? (0,trailers/* decodeGlobs */.ad)(raw.scope) : null,
            shared: raw.shared ? ((0,trailers/* decodeGlobs */.ad)(raw.shared) ?? []) : [],
            fence: raw.fence ? (0,trailers/* parseFence */.Hz)(raw.fence) : null,
            raw,
            files,
        });
    }
    return records;
}
/** Checks parsed commits (newest first, as git log prints them). Pure: the tests feed it records directly. */
function checkRecords(records) {
    const violations = [];
    const scopes = new Map();
    for (const r of records) {
        if (!r.task || !tasks/* TASK_ID */.w9.test(r.task) || !r.scope)
            continue;
        const s = scopes.get(r.task) ?? new Set();
        for (const g of r.scope)
            s.add(g);
        scopes.set(r.task, s);
    }
    const owners = [...scopes].map(([id, s]) => ({ id, scope: [...s], shared: [] }));
    for (const r of records) {
        const short = r.commit.slice(0, 12);
        let task = null;
        if (r.task) {
            const bad = [];
            if (!tasks/* TASK_ID */.w9.test(r.task) || r.task === '.' || r.task === '..')
                bad.push(`${trailers/* TRAILER_TASK */.kB} ${JSON.stringify(r.raw.task)} is not a task id`);
            if (!r.scope)
                bad.push(r.raw.scope ? `${trailers/* TRAILER_SCOPE */.r8} is not a JSON list of globs` : `no ${trailers/* TRAILER_SCOPE */.r8} trailer`);
            if (!r.fence)
                bad.push(r.raw.fence ? `${trailers/* TRAILER_FENCE */.CL} ${JSON.stringify(r.raw.fence)} is not a fence` : `no ${trailers/* TRAILER_FENCE */.CL} trailer`);
            if (r.raw.shared && !(0,trailers/* decodeGlobs */.ad)(r.raw.shared))
                bad.push(`${trailers/* TRAILER_SHARED */.Mf} is not a JSON list of globs`);
            for (const b of bad)
                violations.push({ commit: r.commit, file: '', rule: 'bad_trailer', task: r.task, message: `commit ${short}: ${b}` });
            if (r.scope)
                task = { id: r.task, scope: r.scope, shared: r.shared };
        }
        if (r.parents.length > 1)
            continue; // a merge brings in commits that are checked on their own
        if (r.task && !task)
            continue; // unreadable scope: reported above
        const c = (0,scope/* classifyPaths */.jN)({ task, others: owners, paths: r.files });
        for (const o of c.otherTask) {
            violations.push({
                commit: r.commit,
                file: o.path,
                rule: 'other_task_scope',
                task: r.task,
                message: `commit ${short}${r.task ? ` (task ${r.task})` : ' (no task)'} changes ${(0,scope/* showPath */.P8)(o.path)}, which is inside the scope of task ${o.task}`,
            });
        }
        if (task) {
            for (const p of c.outside) {
                violations.push({ commit: r.commit, file: p, rule: 'outside_scope', task: r.task, message: `commit ${short} (task ${r.task}) changes ${(0,scope/* showPath */.P8)(p)}, outside its scope ${task.scope.join(' ')}` });
            }
        }
    }
    // Fences along first-parent history, oldest first, per counter.
    const byId = new Map(records.map((r) => [r.commit, r]));
    const isParent = new Set(records.flatMap((r) => r.parents.slice(0, 1)));
    const tips = records.filter((r) => !isParent.has(r.commit));
    const seen = new Set();
    for (const tip of tips) {
        const chain = [];
        for (let c = tip; c; c = c.parents[0] ? byId.get(c.parents[0]) : undefined)
            chain.push(c);
        chain.reverse();
        const last = new Map();
        for (const c of chain) {
            if (!c.fence)
                continue;
            const key = c.fence.counter ?? '';
            const prev = last.get(key);
            if (prev && c.fence.token < prev.token && !seen.has(c.commit)) {
                seen.add(c.commit);
                violations.push({
                    commit: c.commit,
                    file: '',
                    rule: 'fence_order',
                    task: c.task,
                    message: `commit ${c.commit.slice(0, 12)} has fence ${c.fence.token} but follows commit ${prev.commit.slice(0, 12)} with fence ${prev.token}: it was made under a lock that had already been taken over (or history was rewritten)`,
                });
            }
            if (!prev || c.fence.token >= prev.token)
                last.set(key, { token: c.fence.token, commit: c.commit });
        }
    }
    return { violations, tasks: [...scopes.keys()].sort() };
}
async function defaultRange(git) {
    const up = await git.run(['rev-parse', '--verify', '-q', '@{upstream}'], { readOnly: true });
    if (up.code === 0)
        return ['@{upstream}..HEAD'];
    const head = await git.run(['rev-parse', '--verify', '-q', 'HEAD^{commit}'], { readOnly: true });
    if (head.code !== 0)
        return null;
    return ['-n', '1', 'HEAD'];
}
/** Validates the commits of `range` (default: upstream..HEAD, or the last commit). */
async function validateCommitRange(opts) {
    const git = (0,git_git/* createGit */.l)(opts.cwd);
    git.repoPaths(); // NOT_A_REPO outside a repository
    let rangeArgs;
    let label;
    if (opts.range !== undefined) {
        const range = opts.range.trim();
        if (range === '' || range.startsWith('-') || /[\0\n]/.test(range)) {
            throw new errors/* LockstepError */.Cj('BAD_INPUT', `invalid range ${JSON.stringify(opts.range)}: give revisions such as main..HEAD or a1b2c3^!`);
        }
        rangeArgs = [range];
        label = range;
    }
    else {
        rangeArgs = await defaultRange(git);
        label = rangeArgs ? (rangeArgs.length === 1 ? rangeArgs[0] : 'HEAD (the last commit)') : '(no commits)';
    }
    if (!rangeArgs)
        return { range: label, commitsChecked: 0, tasks: [], violations: [] };
    const nonce = (0,external_node_crypto_.randomBytes)(8).toString('hex');
    const trailer = (key) => `%(trailers:key=${key},valueonly,unfold,separator=%x1f)`;
    const format = `%x1e${nonce}%x00%H%x00%P%x00${trailer(trailers/* TRAILER_TASK */.kB)}%x00${trailer(trailers/* TRAILER_SCOPE */.r8)}%x00${trailer(trailers/* TRAILER_SHARED */.Mf)}%x00${trailer(trailers/* TRAILER_FENCE */.CL)}`;
    const limit = rangeArgs[0] === '-n' ? rangeArgs.slice(0, 2) : [];
    const revs = rangeArgs[0] === '-n' ? rangeArgs.slice(2) : rangeArgs;
    const r = await git.run(['log', `--format=${format}`, '--name-only', '-z', '--no-renames', '--no-ext-diff', ...limit, '--end-of-options', ...revs, '--'], { readOnly: true });
    if (r.code !== 0) {
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `range ${JSON.stringify(label)} does not name commits in this repository: ${r.stderr.trim().split('\n')[0]}`, {
            hint: 'list commits with git log --oneline; a range looks like origin/main..HEAD',
        });
    }
    const records = parseLog(r.stdout, nonce);
    const { violations, tasks } = checkRecords(records);
    return { range: label, commitsChecked: records.length, tasks, violations };
}

// EXTERNAL MODULE: ./src/cli/context.ts
var context = __webpack_require__(5217);
// EXTERNAL MODULE: ./src/cli/output.ts
var output = __webpack_require__(6657);
;// CONCATENATED MODULE: ./src/cli/commands/validate.ts



function registerValidate(program) {
    program
        .command('validate')
        .argument('[range]', 'commits to check (default: upstream..HEAD, or the last commit)')
        .option('--json', 'machine-readable output')
        .description("check commits against their Lockstep trailers: files within the task's scope, none in another task's scope, fences rising (exit 1 on a violation)")
        .action(async (range, o, cmd) => {
        const { cwd } = (0,context/* globals */.z)(cmd);
        const r = await validateCommitRange({ cwd, range });
        if (o.json)
            (0,output/* printJson */.Q2)({ ok: r.violations.length === 0, ...r });
        else {
            for (const v of r.violations)
                (0,output/* printLine */.wi)(`${v.commit.slice(0, 12)}  ${v.rule}  ${v.file || '-'}  ${v.message}`);
            (0,output/* printLine */.wi)(`${r.commitsChecked} commit${r.commitsChecked === 1 ? '' : 's'} checked in ${r.range}${r.tasks.length ? ` (tasks ${r.tasks.join(', ')})` : ''}: ${r.violations.length} violation${r.violations.length === 1 ? '' : 's'}`);
        }
        if (r.violations.length)
            process.exitCode = 1;
    });
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
