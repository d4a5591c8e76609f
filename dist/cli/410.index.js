export const id = 410;
export const ids = [410];
export const modules = {

/***/ 6410:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerRunLocked: () => (/* binding */ registerRunLocked)
});

// EXTERNAL MODULE: ./src/core/lock.ts
var lock = __webpack_require__(6336);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/core/run-locked.ts
/**
 * Runs a command holding a lock for its whole life, like flock(1).
 *
 * The child is registered as an extra owner of the lock, so if this process
 * is SIGKILLed the lock stays held exactly while the child still runs (as
 * with flock, whose descriptor the child inherits) and is free the moment
 * both are gone: never blocking others after the work is over, never
 * releasing it while the work is still going.
 */





const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const GATE = 'IFS= read -r _ <&3 || exit 125; exec 3<&-; exec "$@"';
/** The path `cmd` resolves to through PATH (or as a path), or null. */
function findExecutable(cmd, pathEnv, cwd) {
    const candidates = cmd.includes('/') ? [(0,external_node_path_.resolve)(cwd, cmd)] : pathEnv.split(external_node_path_.delimiter).filter(Boolean).map((d) => (0,external_node_path_.join)(d, cmd));
    for (const c of candidates) {
        try {
            (0,external_node_fs_.accessSync)(c, external_node_fs_.constants.X_OK);
            if ((0,external_node_fs_.statSync)(c).isFile())
                return c;
        }
        catch {
            /* not here */
        }
    }
    return null;
}
async function runLocked(opts) {
    if (opts.argv.length === 0)
        throw new errors/* LockstepError */.Cj('BAD_INPUT', 'no command to run');
    const handle = await (0,lock/* acquireLock */.IZ)({ ...opts, command: opts.argv.join(' ').slice(0, 500) });
    const started = Date.now();
    const env = { ...process.env, ...(opts.childEnv ?? {}), LOCKSTEP_LOCK_TOKEN: (0,lock/* tokenEnvFor */.ER)(handle) };
    if (opts.task)
        env.LOCKSTEP_TASK = opts.task;
    if (opts.agent)
        env.LOCKSTEP_AGENT = opts.agent;
    const missing = findExecutable(opts.argv[0], env.PATH ?? '', opts.cwd ?? process.cwd()) === null;
    if (missing) {
        (0,lock/* releaseLock */.x_)(handle);
        return { exitCode: 127, signal: null, token: handle.token, waitedMs: handle.waitedMs, heldMs: 0, releaseError: null, failedToStart: `command not found: ${opts.argv[0]}` };
    }
    let spawnError = null;
    // The command starts only after it is registered as an owner of the lock:
    // a gate shell waits for one line on fd 3, then execs the command (same pid).
    // If we are killed before the line is written, the pipe closes and the
    // command never runs — so there is no moment where it runs unregistered.
    const std = opts.stdio ?? 'inherit';
    const child = (0,external_node_child_process_.spawn)('sh', ['-c', GATE, 'lockstep-run-locked', ...opts.argv], { cwd: opts.cwd, env, stdio: [std, std, std, 'pipe'] });
    const gate = child.stdio[3];
    gate?.on('error', () => undefined);
    const forward = (sig) => () => {
        child.kill(sig);
    };
    const handlers = FORWARDED.map((sig) => [sig, forward(sig)]);
    for (const [sig, h] of handlers)
        process.on(sig, h);
    let renewTimer = null;
    try {
        if (child.pid !== undefined) {
            try {
                (0,lock/* updateLock */.tn)(handle, { addOwners: [child.pid] });
                gate?.end('go\n');
            }
            catch {
                gate?.destroy(); // lost the lock before the command started: it never runs
            }
            const every = Math.max(1000, Math.floor(handle.record.leaseMs / 3));
            renewTimer = setInterval(() => {
                try {
                    (0,lock/* updateLock */.tn)(handle, { renew: true });
                }
                catch {
                    /* reported at release */
                }
            }, every);
            renewTimer.unref();
        }
        const { code, signal } = await new Promise((resolve) => {
            child.once('error', (e) => {
                spawnError = e;
                resolve({ code: null, signal: null });
            });
            child.once('close', (c, s) => resolve({ code: c, signal: s }));
        });
        let exitCode = code ?? (signal ? 128 + signalNumber(signal) : 1);
        if (spawnError) {
            const enoent = spawnError.code === 'ENOENT';
            exitCode = enoent ? 127 : 126;
        }
        let releaseError = null;
        try {
            (0,lock/* releaseLock */.x_)(handle);
        }
        catch (e) {
            if ((0,errors/* isLockstepError */.sq)(e))
                releaseError = e;
            else
                throw e;
        }
        const failedToStart = spawnError
            ? spawnError.code === 'ENOENT'
                ? `command not found: ${opts.argv[0]}`
                : `cannot run ${opts.argv[0]}: ${spawnError.message}`
            : null;
        return { exitCode, signal, token: handle.token, waitedMs: handle.waitedMs, heldMs: Date.now() - started, releaseError, failedToStart };
    }
    finally {
        if (renewTimer)
            clearInterval(renewTimer);
        for (const [sig, h] of handlers)
            process.off(sig, h);
    }
}
function signalNumber(sig) {
    const table = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15, SIGPIPE: 13, SIGABRT: 6, SIGSEGV: 11 };
    return table[sig] ?? 1;
}

// EXTERNAL MODULE: ./src/cli/context.ts
var context = __webpack_require__(5217);
// EXTERNAL MODULE: ./src/cli/output.ts
var output = __webpack_require__(6657);
;// CONCATENATED MODULE: ./src/cli/commands/run-locked.ts





function registerRunLocked(program) {
    program
        .command('run-locked')
        .usage('[options] -- CMD [ARGS...]')
        .description("hold a lock for the whole of a command (like flock(1)); exits with the command's code, 3 on lock timeout")
        .option('--name <name>', 'lock name', lock/* DEFAULT_LOCK */.sR)
        .option('--timeout <seconds>', 'give up waiting after this many seconds (exit 3)', '60')
        .option('--task <id>', 'task the lock is taken for (default: $LOCKSTEP_TASK)')
        .option('--agent <id>', 'agent the lock is taken for (default: $LOCKSTEP_AGENT)')
        .option('--lease <seconds>', 'lease for holders on other hosts (renewed while the command runs)', '120')
        .option('-q, --quiet', 'do not report waiting on stderr')
        .argument('<cmd...>', 'the command and its arguments')
        .passThroughOptions()
        .action(async (argv, o, cmd) => {
        const { cwd } = (0,context/* globals */.z)(cmd);
        if (argv.length === 0)
            throw new errors/* LockstepError */.Cj('BAD_INPUT', 'run-locked needs a command: lockstep run-locked -- CMD [ARGS...]');
        const r = await runLocked({
            cwd,
            name: o.name,
            timeoutMs: (0,output/* parseSeconds */.fL)(o.timeout, '--timeout'),
            leaseMs: (0,output/* parseSeconds */.fL)(o.lease, '--lease'),
            ...(0,context/* actor */.e)(o),
            argv,
            onWait: (0,output/* waitReporter */.ZU)(o.quiet),
        });
        if (r.failedToStart)
            (0,output/* printErr */.lx)(`lockstep: ${r.failedToStart}`);
        if (r.releaseError) {
            (0,output/* printErr */.lx)(`lockstep: ${r.releaseError.message}`);
            process.exitCode = r.exitCode === 0 ? 1 : r.exitCode;
            return;
        }
        process.exitCode = r.exitCode;
    });
}


/***/ })

};
