export const id = 604;
export const ids = [604];
export const modules = {

/***/ 6604:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerTask: () => (/* binding */ registerTask)
/* harmony export */ });
/* harmony import */ var _tasks_tasks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6464);
/* harmony import */ var _config_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1122);
/* harmony import */ var _core_runtime_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9199);
/* harmony import */ var _hooks_install_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6831);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5217);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6657);






function collect(value, previous = []) {
    return [...previous, value];
}
function describe(t) {
    return `${t.id}  scope: ${t.scope.join(' ')}${t.shared.length ? `  shared: ${t.shared.join(' ')}` : ''}  (since ${t.startedAt})`;
}
function registerTask(program) {
    const task = program.command('task').description('declare, end and list tasks and their scopes');
    task
        .command('start')
        .argument('<id>', 'task id: 1-64 of A-Z a-z 0-9 . _ -')
        .requiredOption('--scope <glob>', 'a glob (relative to the top level) the task may commit; repeat for more', collect)
        .option('--shared <glob>', 'a glob the task may commit although others may too (reported, not blocked); repeat for more', collect)
        .option('--replace', 'replace the scope of an active task of the same id')
        .option('--agent <id>', 'agent that started it (default: $LOCKSTEP_AGENT)')
        .option('--json', 'machine-readable output')
        .description('start a task: commits with LOCKSTEP_TASK=ID (or lockstep commit --task ID) are held to its scope')
        .action((id, o, cmd) => {
        const { cwd } = (0,_context_js__WEBPACK_IMPORTED_MODULE_5__/* .globals */ .z)(cmd);
        const rt = (0,_core_runtime_js__WEBPACK_IMPORTED_MODULE_2__/* .openRuntime */ .fS)({ cwd });
        // Configured shared globs apply to every task at commit time; validate the config now so a bad one is found early.
        if (rt.repo?.topLevel)
            (0,_config_config_js__WEBPACK_IMPORTED_MODULE_1__/* .loadConfig */ .Z9)({ topLevel: rt.repo.topLevel });
        const t = (0,_tasks_tasks_js__WEBPACK_IMPORTED_MODULE_0__/* .startTask */ .gc)({ runtime: rt, id, scope: o.scope, shared: o.shared ?? [], replace: o.replace, agent: (0,_context_js__WEBPACK_IMPORTED_MODULE_5__/* .actor */ .e)(o).agent });
        if (o.json)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_4__/* .printJson */ .Q2)({ ok: true, task: t });
        else
            (0,_output_js__WEBPACK_IMPORTED_MODULE_4__/* .printLine */ .wi)(`task ${describe(t)}`);
        const inactive = (0,_hooks_install_js__WEBPACK_IMPORTED_MODULE_3__/* .hooksInactiveHere */ .Cq)(cwd);
        if (inactive)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_4__/* .printErr */ .lx)(`lockstep: warning: ${inactive}; commits here are not checked until you run: lockstep init`);
    });
    task
        .command('end')
        .argument('<id>', 'task id')
        .option('--json', 'machine-readable output')
        .description('end a task (its scope no longer blocks others)')
        .action((id, o, cmd) => {
        const { cwd } = (0,_context_js__WEBPACK_IMPORTED_MODULE_5__/* .globals */ .z)(cmd);
        const r = (0,_tasks_tasks_js__WEBPACK_IMPORTED_MODULE_0__/* .endTask */ .ZJ)({ cwd, id });
        if (o.json)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_4__/* .printJson */ .Q2)({ ok: true, ...r });
        else
            (0,_output_js__WEBPACK_IMPORTED_MODULE_4__/* .printLine */ .wi)(`ended task ${r.id}`);
    });
    task
        .command('list')
        .option('--json', 'machine-readable output')
        .description('list the active tasks and their scopes')
        .action((o, cmd) => {
        const { cwd } = (0,_context_js__WEBPACK_IMPORTED_MODULE_5__/* .globals */ .z)(cmd);
        const tasks = (0,_tasks_tasks_js__WEBPACK_IMPORTED_MODULE_0__/* .listTasks */ .Vk)({ cwd });
        if (o.json)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_4__/* .printJson */ .Q2)(tasks);
        else if (tasks.length === 0)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_4__/* .printLine */ .wi)('no active tasks');
        else
            for (const t of tasks)
                (0,_output_js__WEBPACK_IMPORTED_MODULE_4__/* .printLine */ .wi)(describe(t));
    });
}


/***/ }),

/***/ 1122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z9: () => (/* binding */ loadConfig)
/* harmony export */ });
/* unused harmony exports CONFIG_FILE, DEFAULT_CONFIG, parseConfig */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _core_lock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6336);
/* harmony import */ var _tasks_scope_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9846);
/**
 * Repository configuration: defaults for the commit lock and task scopes,
 * read from `lockstep.config.json` at the top of the worktree or from the
 * `lockstep` key of its `package.json` (never both: two sources of truth for
 * a lock timeout is one too many). Every value is checked and an error names
 * the file and the key. Command-line flags override what is read here.
 */





const CONFIG_FILE = 'lockstep.config.json';
const DEFAULT_CONFIG = {
    lockTimeoutMs: _core_lock_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_TIMEOUT_MS */ .t1,
    leaseMs: _core_lock_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_LEASE_MS */ .sV,
    shared: [],
    requireTask: false,
    source: null,
};
const KEYS = ['lockTimeout', 'lease', 'shared', 'requireTask'];
function readText(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT' || e.code === 'ENOTDIR')
            return null;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('ENVIRONMENT', `cannot read ${path}: ${e.message}`);
    }
}
function parseJson(text, path) {
    try {
        return JSON.parse(text);
    }
    catch (e) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `${path} is not valid JSON: ${e.message}`, { hint: `fix the file, or check it with: node -e 'JSON.parse(require("fs").readFileSync("${path}","utf8"))'` });
    }
}
/** "60", 60, "90s", "2m", "500ms" → milliseconds. */
function durationMs(value, where) {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0)
        return Math.round(value * 1000);
    if (typeof value === 'string') {
        const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
        if (m)
            return Math.round(Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? 's']);
    }
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `${where}: expected a number of seconds or a duration such as "90s" or "2m", got ${JSON.stringify(value)}`);
}
/** Checks a parsed config object; `where` names the file (and key prefix) in errors. */
function parseConfig(raw, where) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `${where}: the lockstep configuration must be a JSON object, got ${Array.isArray(raw) ? 'an array' : JSON.stringify(raw)}`);
    }
    const obj = raw;
    for (const key of Object.keys(obj)) {
        if (!KEYS.includes(key)) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `${where}: unknown key ${JSON.stringify(key)} (known keys: ${KEYS.join(', ')})`);
        }
    }
    const cfg = { ...DEFAULT_CONFIG, shared: [], source: where };
    if (obj.lockTimeout !== undefined)
        cfg.lockTimeoutMs = durationMs(obj.lockTimeout, `${where}: key "lockTimeout"`);
    if (obj.lease !== undefined) {
        cfg.leaseMs = durationMs(obj.lease, `${where}: key "lease"`);
        if (cfg.leaseMs < 1000)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `${where}: key "lease" must be at least 1 s, got ${JSON.stringify(obj.lease)}`);
    }
    if (obj.shared !== undefined) {
        if (!Array.isArray(obj.shared) || !obj.shared.every((g) => typeof g === 'string')) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `${where}: key "shared" must be an array of glob strings, got ${JSON.stringify(obj.shared)}`);
        }
        try {
            cfg.shared = (0,_tasks_scope_js__WEBPACK_IMPORTED_MODULE_4__/* .validateGlobs */ .Sx)(obj.shared);
        }
        catch (e) {
            if (e instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj)
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `${where}: key "shared": ${e.message}`);
            throw e;
        }
    }
    if (obj.requireTask !== undefined) {
        if (typeof obj.requireTask !== 'boolean')
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `${where}: key "requireTask" must be true or false, got ${JSON.stringify(obj.requireTask)}`);
        cfg.requireTask = obj.requireTask;
    }
    return cfg;
}
/**
 * Loads the configuration of the worktree whose top level is `topLevel`.
 * Missing files give the defaults; a bad file is an error (exit 2).
 */
function loadConfig(opts) {
    const filePath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(opts.topLevel, CONFIG_FILE);
    const pkgPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(opts.topLevel, 'package.json');
    const fileText = readText(filePath);
    const pkgText = readText(pkgPath);
    let fromPkg;
    if (pkgText !== null) {
        const pkg = parseJson(pkgText, pkgPath);
        if (pkg && typeof pkg === 'object' && !Array.isArray(pkg))
            fromPkg = pkg.lockstep;
    }
    if (fileText !== null && fromPkg !== undefined) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LockstepError */ .Cj('BAD_INPUT', `lockstep is configured twice: in ${filePath} and in the "lockstep" key of ${pkgPath}`, {
            hint: 'keep one of them',
        });
    }
    if (fileText !== null)
        return parseConfig(parseJson(fileText, filePath), filePath);
    if (fromPkg !== undefined)
        return parseConfig(fromPkg, `${pkgPath} "lockstep"`);
    return { ...DEFAULT_CONFIG, shared: [] };
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


/***/ })

};
