export const id = 762;
export const ids = [762];
export const modules = {

/***/ 4762:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerMockAgent: () => (/* binding */ registerMockAgent)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/suites/prng.ts
var prng = __webpack_require__(3420);
;// CONCATENATED MODULE: ./src/parallel/mock-agent.ts
/**
 * The mock agent: a stand-in for a real coding agent, for tests and demos.
 * It sleeps (or burns CPU) for a while, writes files into its working
 * directory, and fails or crashes at given rates. With a seed, what it does
 * for an item is fully determined by (seed, item, claim generation), so a run
 * is reproducible however the items land on agents.
 */





function validateRate(r, flag) {
    const v = r ?? 0;
    if (!Number.isFinite(v) || v < 0 || v > 1)
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `${flag} takes a probability from 0 to 1, not ${r}`);
    return v;
}
/** What the agent will do for this item (pure: same inputs, same plan). */
function planMockRun(o) {
    if (!Number.isFinite(o.sleepMs) || o.sleepMs < 0)
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `invalid sleep ${o.sleepMs} ms`);
    const failRate = validateRate(o.failRate, '--fail-rate');
    const crashRate = validateRate(o.crashRate, '--crash-rate');
    const rand = o.seed === null || o.seed === undefined ? Math.random : (0,prng/* mulberry32 */.sK)((0,prng/* deriveSeed */.B7)(o.seed, o.item, o.generation));
    const sleepMs = Math.round(o.sleepMs + (o.jitterMs ?? 0) * rand());
    const roll = rand();
    const outcome = roll < crashRate ? 'crash' : roll < crashRate + failRate ? 'fail' : 'ok';
    return { sleepMs, outcome, crashAtMs: outcome === 'crash' ? Math.round(sleepMs / 2) : null };
}
function burn(ms) {
    const end = Date.now() + ms;
    let x = 0;
    while (Date.now() < end)
        for (let i = 0; i < 10_000; i++)
            x += Math.sqrt(i);
    if (x < 0)
        throw new Error('unreachable');
}
async function wait(ms, cpu) {
    if (ms <= 0)
        return;
    if (cpu) {
        // In slices, so a timer (e.g. a heartbeat) in this process could still run between them.
        for (let left = ms; left > 0; left -= 50) {
            burn(Math.min(50, left));
            await new Promise((r) => setImmediate(r));
        }
    }
    else
        await (0,promises_.setTimeout)(ms);
}
/**
 * Runs the plan: waits, writes the files, and returns. For a crash it calls
 * `crash()` halfway (the CLI kills its own process there) and never returns
 * normally if that kills it.
 */
async function runMockAgent(o, crash) {
    const files = o.files ?? 1;
    if (!Number.isSafeInteger(files) || files < 0 || files > 10_000)
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `--files takes a whole number from 0 to 10000, not ${o.files}`);
    if (o.shared && ((0,external_node_path_.isAbsolute)(o.shared) || (0,external_node_path_.normalize)(o.shared).split(/[\\/]/).includes('..'))) {
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `--shared takes a path inside the working directory, not ${o.shared}`);
    }
    const plan = planMockRun(o);
    const written = [];
    if (plan.outcome === 'crash') {
        await wait(plan.crashAtMs - (Date.now() - (o.startedAtMs ?? Date.now())), Boolean(o.cpu));
        // Leave a partial file behind, as a real crash would.
        const partial = (0,external_node_path_.join)('mock', o.item, 'partial.txt');
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(o.cwd, (0,external_node_path_.dirname)(partial)), { recursive: true });
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(o.cwd, partial), `partial work of ${o.item} by ${o.agent}\n`);
        crash();
        return { ...plan, written: [partial] };
    }
    // The agent's whole run takes sleepMs, its own start-up included: a "2 s agent" is 2 s however slow node starts.
    await wait(plan.sleepMs - (Date.now() - (o.startedAtMs ?? Date.now())), Boolean(o.cpu));
    for (let k = 1; k <= files; k++) {
        const rel = (0,external_node_path_.join)('mock', o.item, `${k}.txt`);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(o.cwd, (0,external_node_path_.dirname)(rel)), { recursive: true });
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(o.cwd, rel), `item ${o.item}\nagent ${o.agent}\nclaim ${o.generation}\nfile ${k}\n`);
        written.push(rel);
    }
    if (o.shared) {
        (0,external_node_fs_.appendFileSync)((0,external_node_path_.join)(o.cwd, o.shared), `${o.item} by ${o.agent}\n`);
        written.push(o.shared);
    }
    return { ...plan, written };
}

// EXTERNAL MODULE: ./src/cli/output.ts
var output = __webpack_require__(6657);
;// CONCATENATED MODULE: ./src/cli/commands/mock-agent.ts



function rate(v, flag) {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `${flag} takes a probability from 0 to 1, not ${JSON.stringify(v)}`);
    return n;
}
function registerMockAgent(program) {
    program
        .command('mock-agent')
        .option('--sleep <seconds>', 'run time per item, counted from the process start', '1')
        .option('--jitter <seconds>', 'up to this much extra time per item', '0')
        .option('--files <n>', 'files written under mock/<item>/', '1')
        .option('--shared <path>', 'append a line per item to this file (makes concurrent agents conflict on purpose)')
        .option('--fail-rate <p>', 'probability of exiting 1', '0')
        .option('--crash-rate <p>', 'probability of crashing (SIGKILL) halfway', '0')
        .option('--cpu', 'burn CPU instead of sleeping')
        .option('--seed <n>', 'deterministic: the same seed, item and claim give the same behaviour')
        .option('--item <id>', 'item id (default: $LOCKSTEP_ITEM)')
        .description('a stand-in agent for tests and demos: sleeps, writes files, fails or crashes at given rates (run by lockstep parallel)')
        .action(async (o) => {
        const item = o.item ?? process.env.LOCKSTEP_ITEM;
        if (!item)
            throw new errors/* LockstepError */.Cj('BAD_INPUT', 'no item: run it under lockstep parallel, or pass --item ID');
        const generation = Number(process.env.LOCKSTEP_GENERATION ?? '1') || 1;
        const r = await runMockAgent({
            cwd: process.cwd(),
            item,
            agent: process.env.LOCKSTEP_AGENT ?? 'mock',
            generation,
            sleepMs: (0,output/* parseSeconds */.fL)(o.sleep, '--sleep'),
            jitterMs: (0,output/* parseSeconds */.fL)(o.jitter, '--jitter'),
            files: (0,output/* parsePositiveInt */.EJ)(o.files, '--files', { min: 0, max: 10_000 }),
            shared: o.shared ?? null,
            failRate: rate(o.failRate, '--fail-rate'),
            crashRate: rate(o.crashRate, '--crash-rate'),
            cpu: o.cpu,
            seed: o.seed === undefined ? null : (0,output/* parsePositiveInt */.EJ)(o.seed, '--seed', { min: 0, max: 0xffffffff }),
            startedAtMs: Math.round(performance.timeOrigin),
        }, () => process.kill(process.pid, 'SIGKILL'));
        (0,output/* printLine */.wi)(`mock-agent: ${item} (claim ${generation}): ${r.outcome} after ${(r.sleepMs / 1000).toFixed(1)} s, wrote ${r.written.length} file(s)`);
        if (r.outcome === 'fail')
            process.exitCode = 1;
    });
}


/***/ }),

/***/ 3420:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B7: () => (/* binding */ deriveSeed),
/* harmony export */   dS: () => (/* binding */ parseSeed),
/* harmony export */   sK: () => (/* binding */ mulberry32),
/* harmony export */   vo: () => (/* binding */ randomSeed)
/* harmony export */ });
/* unused harmony export MAX_SEED */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/**
 * Seeded randomness for reproducible schedules: the same `--seed` gives the
 * same delays, orders and kill points on every machine. mulberry32 is small,
 * fast and good enough for scheduling (not for anything secret).
 */


/** A PRNG returning floats in [0, 1), fully determined by `seed`. */
function mulberry32(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/** FNV-1a over the parts: derives independent sub-seeds (per suite, per worker) from one seed. */
function deriveSeed(...parts) {
    let h = 0x811c9dc5;
    for (const ch of parts.join('\u0000')) {
        h ^= ch.codePointAt(0);
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
}
const MAX_SEED = 0xffffffff;
function randomSeed() {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomInt)(1, MAX_SEED);
}
function parseSeed(value) {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n > MAX_SEED) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LockstepError */ .Cj('BAD_INPUT', `--seed takes a whole number from 0 to ${MAX_SEED}, not ${JSON.stringify(value)}`);
    }
    return n;
}


/***/ })

};
