export const id = 787;
export const ids = [787];
export const modules = {

/***/ 9787:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerInit: () => (/* binding */ registerInit)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _hooks_install_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6831);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5217);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6657);




/** The bundled CLI that runs this command: the hooks call it directly (never npx). */
function thisCli() {
    const argv1 = process.argv[1];
    if (!argv1)
        return undefined;
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(argv1);
    }
    catch {
        return undefined;
    }
}
function describe(r, check) {
    const lines = [`hooks: ${r.mode === 'husky' ? `husky (${r.huskyDir})` : r.hooksDir}`];
    for (const e of r.entries)
        lines.push(`  ${e.name.padEnd(12)} ${e.state}${e.detail ? ` (${e.detail})` : ''}  ${e.path}`);
    for (const n of r.notes)
        lines.push(`note: ${n}`);
    for (const p of r.problems)
        lines.push(`problem: ${p}`);
    if (check)
        lines.push(r.ok ? 'ok: lockstep hooks are installed and current' : 'not ok: run lockstep init to install or update them');
    else if (!r.changed)
        lines.push('nothing changed: already installed');
    return lines;
}
function registerInit(program) {
    program
        .command('init')
        .description("install lockstep's git hooks (pre-commit, commit-msg, post-commit), husky-aware")
        .option('--force', "replace hooks that are not lockstep's (each kept as <hook>.lockstep-backup)")
        .option('--chain', "keep hooks that are not lockstep's and run them first (moved to <hook>.lockstep-chained)")
        .option('--check', 'only report what is installed and what is missing (exit 1 if anything is)')
        .option('--json', 'machine-readable output')
        .action((o, cmd) => {
        const { cwd } = (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .globals */ .z)(cmd);
        const r = (0,_hooks_install_js__WEBPACK_IMPORTED_MODULE_1__/* .installHooks */ .ak)({ cwd, force: o.force, chain: o.chain, check: o.check, cli: thisCli(), node: process.execPath });
        if (o.json)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_2__/* .printJson */ .Q2)(r);
        else
            for (const l of describe(r, Boolean(o.check)))
                (0,_output_js__WEBPACK_IMPORTED_MODULE_2__/* .printLine */ .wi)(l);
        if (o.check && !r.ok)
            process.exitCode = 1;
    });
}


/***/ }),

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


/***/ }),

/***/ 6831:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cq: () => (/* binding */ hooksInactiveHere),
/* harmony export */   ak: () => (/* binding */ installHooks)
/* harmony export */ });
/* unused harmony exports HOOK_NAMES, SHIM_MARKER, LINE_MARKER, defaultCliPath, hookBundleFor, renderHook, huskyLine */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _core_runtime_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9199);
/* harmony import */ var _git_git_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(308);
/**
 * `lockstep init`: installs the hooks where git will run them.
 *
 * - Husky in use (core.hooksPath points at `.husky/_`, or `.husky` for
 *   husky 8): one marked line per hook is appended to `.husky/<hook>`; it
 *   runs lockstep's sh hooks from `<runtime>/hooks/` (machine-local, with
 *   this machine's node and CLI paths) or, where `lockstep init` has not run
 *   yet, `lockstep hook <name>` from PATH. The line is the same on every
 *   machine, so `.husky/` can be committed.
 * - Otherwise marked shims are written into the hooks directory git uses
 *   (`git rev-parse --git-path hooks`, which honours core.hooksPath).
 *
 * A hook that is not lockstep's is never overwritten without `force` (which
 * keeps it as `<hook>.lockstep-backup`); `chain` moves it to
 * `<hook>.lockstep-chained`, which lockstep's shim runs first. Running init
 * again changes nothing. Like husky's installer, this returns what it did
 * instead of printing.
 */






/** The hooks lockstep installs. Trailers go on in commit-msg (see src/hooks/commit-msg.ts for why not prepare-commit-msg). */
const HOOK_NAMES = ['pre-commit', 'commit-msg', 'post-commit'];
/** First-line marker of a shim lockstep wrote; and the marker ending the line lockstep adds to a husky hook. */
const SHIM_MARKER = '# lockstep-hook v1';
const LINE_MARKER = '# lockstep-hook';
const CHAINED = '.lockstep-chained';
const BACKUP = '.lockstep-backup';
function packageRoot() {
    // src/hooks/install.ts and dist/cli/index.js both sit two levels below the package root.
    const here = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(import.meta.url));
    for (const up of [(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(here, '..', '..'), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(here, '..', '..', '..')]) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(up, 'hooks', 'lib.sh')))
            return up;
    }
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('ENVIRONMENT', `cannot find lockstep's hook templates (hooks/) near ${here}`, { hint: 'reinstall lockstep' });
}
function defaultCliPath() {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(packageRoot(), 'dist', 'cli', 'index.js');
}
/**
 * The hook bundle built next to a CLI bundle (`dist/hook/index.js` beside
 * `dist/cli/index.js`). The shims run it when it is there and fall back to
 * `<cli> hook NAME` when it is not, so a CLI without one still works.
 */
function hookBundleFor(cli) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(cli), '..', 'hook', 'index.js');
}
function shQuote(s) {
    return `'${s.replace(/'/g, `'\\''`)}'`;
}
/** The shim for `name`, with the node binary, CLI and hook bundle paths filled in. */
function renderHook(name, paths) {
    const root = packageRoot();
    const lib = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, 'hooks', 'lib.sh'), 'utf8').trimEnd();
    const template = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, 'hooks', name), 'utf8');
    return template
        .replace('@LOCKSTEP_NODE@', () => shQuote(paths.node))
        .replace('@LOCKSTEP_CLI@', () => shQuote(paths.cli))
        .replace('@LOCKSTEP_HOOK@', () => shQuote(paths.hook ?? hookBundleFor(paths.cli)))
        .replace('@LOCKSTEP_LIB@', () => lib);
}
/** The line lockstep appends to `.husky/<name>`: the same on every machine, so it can be committed. */
function huskyLine(name) {
    return `lockstep_hook="$(git rev-parse --git-common-dir)/lockstep/hooks/${name}"; if [ -f "$lockstep_hook" ]; then sh "$lockstep_hook" "$@"; else lockstep hook ${name} "$@"; fi ${LINE_MARKER}`;
}
function readOrNull(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return null;
        throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fsError */ .yi)(e, 'read', path);
    }
}
function write(path, text, mode = 0o755) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, text, { mode });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(path, mode);
    }
    catch (e) {
        throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fsError */ .yi)(e, 'write hook', path);
    }
}
function layout(cwd) {
    const rt = (0,_core_runtime_js__WEBPACK_IMPORTED_MODULE_4__/* .openRuntime */ .fS)({ cwd });
    const top = rt.repo?.topLevel;
    if (!top)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('ENVIRONMENT', `${cwd} has no worktree: hooks run in a checkout`);
    const git = (0,_git_git_js__WEBPACK_IMPORTED_MODULE_5__/* .createGit */ .l)(top);
    const hooksDir = git.execSync(['rev-parse', '--path-format=absolute', '--git-path', 'hooks'], { readOnly: true }).trim();
    const hp = git.runSync(['config', '--show-origin', '--get', 'core.hooksPath'], { readOnly: true });
    const [origin = '', ...value] = hp.code === 0 ? hp.stdout.trim().split('\t') : [];
    const hooksPath = value.join('\t') || null;
    // A hooksPath from the global or system config is shared by every repository that uses it.
    const local = [(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(rt.repo.commonDir, 'config'), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(rt.repo.gitDir, 'config.worktree')];
    const originPath = origin.startsWith('file:') ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(top, origin.slice(5)) : null;
    const sharedOrigin = hooksPath && !(originPath && local.includes(originPath)) ? origin : null;
    let husky = null;
    if (hooksPath) {
        const norm = hooksPath.replace(/\/+$/, '');
        if (/(^|\/)\.husky\/_$/.test(norm))
            husky = { dir: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(norm) ? norm : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(top, norm)), version: 9 };
        else if (/(^|\/)\.husky$/.test(norm))
            husky = { dir: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(norm) ? norm : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(top, norm), version: 8 };
    }
    return { git, top, runtimeRoot: rt.root, hooksDir, hooksPath, husky, sharedOrigin };
}
function isOurs(text) {
    return text.split('\n', 3).some((l) => l.startsWith(SHIM_MARKER));
}
/** The main worktree's top level (where husky's `.husky/_` was generated by `npm install`). */
function mainWorktree(git) {
    const r = git.runSync(['worktree', 'list', '--porcelain'], { readOnly: true });
    if (r.code !== 0)
        return null;
    const first = r.stdout.split('\n').find((l) => l.startsWith('worktree '));
    return first ? first.slice('worktree '.length) : null;
}
/**
 * Husky's hooks dir `.husky/_` is generated (and git-ignored), so a fresh
 * linked worktree does not have it and git silently runs no hook there.
 * Copy it from the main worktree: it holds only husky's runner and
 * two-line stubs, none of it specific to a worktree.
 */
function huskyRunnerProblem(l) {
    if (!l.husky || l.husky.version !== 9)
        return null;
    const here = l.hooksDir;
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(here, 'h')))
        return null;
    const main = mainWorktree(l.git);
    const from = main ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(main, '.husky', '_') : null;
    return {
        problem: `husky's runner ${here} is missing in this worktree: git runs no hooks here`,
        from: from && from !== here && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(from, 'h')) ? from : null,
    };
}
function copyRunner(from, to) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(to, { recursive: true });
    for (const f of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(from)) {
        const src = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(from, f);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(src).isFile())
            continue;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.copyFileSync)(src, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(to, f));
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(to, f), (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(src).mode & 0o777);
    }
}
function huskyHookText(existing, name, version) {
    const line = huskyLine(name);
    if (existing === null) {
        const header = version === 8 ? '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\n' : '';
        return { text: `${header}${line}\n`, state: 'installed' };
    }
    const lines = existing.split('\n');
    const i = lines.findIndex((l) => l.trimEnd().endsWith(LINE_MARKER));
    if (i >= 0) {
        if (lines[i] === line)
            return { text: existing, state: 'unchanged' };
        lines[i] = line;
        return { text: lines.join('\n'), state: 'updated' };
    }
    const sep = existing === '' || existing.endsWith('\n') ? '' : '\n';
    return { text: `${existing}${sep}${line}\n`, state: 'appended' };
}
/** Installs (or, with `check`, only inspects) lockstep's hooks. */
function installHooks(opts) {
    const l = layout(opts.cwd);
    const cli = opts.cli ?? defaultCliPath();
    const paths = { node: opts.node ?? process.execPath, cli, hook: opts.hook ?? hookBundleFor(cli) };
    const entries = [];
    const notes = [];
    const problems = [];
    let changed = false;
    if (l.sharedOrigin)
        notes.push(`core.hooksPath (${l.hooksPath}) is set in ${l.sharedOrigin.replace(/^file:/, '')}: the hooks there run for every repository that uses that setting`);
    if (l.husky) {
        const runner = huskyRunnerProblem(l);
        if (runner) {
            if (opts.check || !runner.from)
                problems.push(runner.problem + (runner.from ? '' : ' (nor in the main worktree)'));
            if (!opts.check) {
                if (!runner.from) {
                    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('ENVIRONMENT', `${runner.problem}, and the main worktree has none to copy`, {
                        hint: 'run husky once (npx husky, or npm install with its prepare script), then lockstep init again',
                    });
                }
                copyRunner(runner.from, l.hooksDir);
                notes.push(`copied husky's runner into this worktree (${l.hooksDir}) from ${runner.from}`);
                changed = true;
            }
        }
        // Machine-local sh hooks the husky lines run: this machine's node and CLI.
        for (const name of HOOK_NAMES) {
            const local = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(l.runtimeRoot, 'hooks', name);
            const want = renderHook(name, paths);
            const have = readOrNull(local);
            if (have !== want) {
                if (opts.check)
                    problems.push(`${local} is ${have === null ? 'missing' : 'out of date'}: the husky line falls back to \`lockstep hook ${name}\` (slower)`);
                else {
                    write(local, want);
                    changed = true;
                }
            }
        }
        for (const name of HOOK_NAMES) {
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(l.husky.dir, name);
            const existing = readOrNull(path);
            const next = huskyHookText(existing, name, l.husky.version);
            if (opts.check) {
                const state = next.state === 'unchanged' ? 'unchanged' : next.state === 'updated' ? 'outdated' : 'missing';
                entries.push({ name, path, state });
            }
            else {
                if (next.state !== 'unchanged') {
                    write(path, next.text, existing === null ? 0o755 : (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).mode & 0o777);
                    changed = true;
                }
                entries.push({ name, path, state: next.state });
            }
        }
    }
    else {
        const plan = HOOK_NAMES.map((name) => {
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(l.hooksDir, name);
            const existing = readOrNull(path);
            const want = renderHook(name, paths);
            const chained = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path + CHAINED);
            return { name, path, existing, want, chained };
        });
        if (!opts.check) {
            const foreign = plan.filter((p) => p.existing !== null && !isOurs(p.existing));
            if (foreign.length && !opts.force && !opts.chain) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('CONFLICT', `these hooks are not lockstep's and were left alone: ${foreign.map((f) => f.path).join(', ')}`, {
                    hint: 'keep them and run them before lockstep: lockstep init --chain; or replace them (kept as <hook>.lockstep-backup): lockstep init --force',
                    detail: { hooks: foreign.map((f) => f.path) },
                });
            }
            for (const p of foreign) {
                if (opts.chain && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(p.path + CHAINED)) {
                    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockstepError */ .Cj('CONFLICT', `${p.path}${CHAINED} exists already: cannot chain ${p.path} as well`, { hint: `merge the two by hand, then lockstep init --chain` });
                }
            }
        }
        for (const p of plan) {
            let state;
            if (p.existing === null)
                state = opts.check ? 'missing' : 'installed';
            else if (isOurs(p.existing))
                state = p.existing === p.want ? 'unchanged' : opts.check ? 'outdated' : 'updated';
            else if (opts.check)
                state = 'foreign';
            else if (opts.chain) {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(p.path, p.path + CHAINED);
                state = 'chained';
            }
            else {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(p.path, p.path + BACKUP);
                state = 'replaced';
            }
            if (!opts.check && state !== 'unchanged') {
                write(p.path, p.want);
                changed = true;
            }
            const detail = state === 'chained' || (p.chained && state !== 'foreign') ? `runs ${p.path}${CHAINED} first` : state === 'replaced' ? `old hook kept as ${p.path}${BACKUP}` : undefined;
            entries.push({ name: p.name, path: p.path, state, ...(detail ? { detail } : {}) });
        }
    }
    const ok = problems.length === 0 && entries.every((e) => !['missing', 'outdated', 'foreign'].includes(e.state));
    return { mode: l.husky ? 'husky' : 'hooks-dir', hooksDir: l.hooksDir, huskyDir: l.husky?.dir ?? null, entries, notes, problems, changed, ok };
}
/**
 * Why lockstep's hooks do not run in this worktree, or null when they do (or
 * were never installed): for commands that start work in a worktree to warn.
 */
function hooksInactiveHere(cwd) {
    try {
        const l = layout(cwd);
        const runner = huskyRunnerProblem(l);
        if (runner && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(l.husky.dir, 'pre-commit')) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(l.husky.dir, 'pre-commit'), 'utf8').includes(LINE_MARKER))
            return runner.problem;
        return null;
    }
    catch {
        return null;
    }
}


/***/ })

};
