export const id = 812;
export const ids = [812];
export const modules = {

/***/ 7812:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerCommit: () => (/* binding */ registerCommit)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _tasks_commit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(856);
/* harmony import */ var _tasks_scope_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9846);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5217);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6657);





function registerCommit(program) {
    program
        .command('commit')
        .usage('--task ID -m MSG [--edit CMD] [--] PATHS...')
        .description('lock, run the edit, stage exactly PATHS, commit exactly those with the task trailers, validate, release')
        .option('--task <id>', 'the task (default: $LOCKSTEP_TASK)')
        .option('-m, --message <msg>', 'the commit message')
        .option('--edit <cmd>', 'a shell command run under the lock before staging (e.g. the TODO.md update); a change already in a shared PATH is not this commit\'s and is moved aside first (saved, reported)')
        .option('--timeout <seconds>', 'give up waiting for the commit lock after this many seconds (exit 3; default: config, 60)')
        .option('--json', 'machine-readable output')
        .argument('<paths...>', 'the files to commit, relative to the current directory')
        .action(async (paths, o, cmd) => {
        const { cwd } = (0,_context_js__WEBPACK_IMPORTED_MODULE_4__/* .globals */ .z)(cmd);
        const task = o.task ?? process.env.LOCKSTEP_TASK;
        if (!task)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockstepError */ .Cj('BAD_INPUT', 'which task? give --task ID or set LOCKSTEP_TASK');
        if (o.message === undefined)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockstepError */ .Cj('BAD_INPUT', 'a commit message is required: -m MSG');
        const r = await (0,_tasks_commit_js__WEBPACK_IMPORTED_MODULE_1__/* .commitTask */ .$)({
            cwd,
            task,
            message: o.message,
            paths,
            edit: o.edit,
            timeoutMs: o.timeout === undefined ? undefined : (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSeconds */ .fL)(o.timeout, '--timeout'),
            onWait: (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .waitReporter */ .ZU)(),
            editStdio: o.json ? 'pipe' : 'inherit',
        });
        if (o.json)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .printJson */ .Q2)({ ok: true, ...r });
        else {
            (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .printLine */ .wi)(r.commit);
            for (const w of r.warnings)
                (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .printErr */ .lx)(`lockstep: warning: ${w.message}: ${w.paths.join(', ')}`);
        }
        // Also with --json (stdout stays machine-readable): a moved-aside change must not go unnoticed.
        for (const o of r.orphaned)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .printErr */ .lx)(orphanWarning(o));
    });
}
/** A word for sh: as it is when plain, else single-quoted. */
function shellWord(s) {
    return /^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
function orphanWarning(o) {
    const who = o.fromTask ? `probably left by task ${o.fromTask}, whose lockstep commit died holding the lock` : 'made outside this lockstep commit';
    const restored = o.base ? 'restored it from HEAD' : 'removed it (HEAD does not have it)';
    const head = `lockstep: warning: ${(0,_tasks_scope_js__WEBPACK_IMPORTED_MODULE_2__/* .showPath */ .P8)(o.path)} held a change that was not this commit's (${who}): `;
    if (!o.savedTo)
        return `${head}it had been deleted; ${restored} before the edit ran`;
    const look = o.base ? `git show ${shellWord(`${o.base}:${o.path}`)} | diff -u - ${shellWord(o.savedTo)}` : `cat ${shellWord(o.savedTo)}`;
    const staged = o.stagedSavedTo ? ` (its staged version: ${o.stagedSavedTo})` : '';
    return `${head}moved it aside to ${o.savedTo}${staged} and ${restored} before the edit ran; see it: ${look}`;
}


/***/ })

};
