export const id = 796;
export const ids = [796];
export const modules = {

/***/ 5415:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerState: () => (/* binding */ registerState)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/state/id.ts
/**
 * Workflow ids: `PREFIX_<nanoseconds>_<pid>_<random>`.
 *
 * Second-precision ids (`command_$(date +%s)`) collide whenever two instances
 * start in the same second. Here the time has nanosecond resolution and only
 * rises within a process, the pid separates processes alive at the same time,
 * and 32 random bits separate everything else (pid reuse, containers, hosts).
 */


const PREFIX = /^[A-Za-z0-9_-]{1,64}$/;
/** Parsed from the right, because a prefix may itself contain `_`. */
const ID = /^([A-Za-z0-9_-]{1,64})_(\d{1,30})_(\d{1,10})_([0-9a-f]{8})$/;
function validatePrefix(prefix) {
    if (typeof prefix !== 'string' || !PREFIX.test(prefix)) {
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `invalid state prefix ${JSON.stringify(prefix)}: use 1-64 characters of A-Z, a-z, 0-9, '_' or '-'`, {
            hint: 'name it after the command, e.g. lockstep state init create-plan',
        });
    }
    return prefix;
}
function parseStateId(id) {
    if (typeof id !== 'string')
        return null;
    const m = ID.exec(id);
    if (!m)
        return null;
    return { prefix: m[1], ns: m[2], pid: Number(m[3]), random: m[4] };
}
/** Checks an id from outside before it becomes part of a path. */
function validateStateId(id) {
    const p = parseStateId(id);
    if (!p) {
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `invalid state id ${JSON.stringify(id)}: expected PREFIX_<nanoseconds>_<pid>_<8 hex>, as printed by lockstep state init`, {
            hint: 'list the ids there are: lockstep state list',
        });
    }
    return p;
}
// Wall-clock nanoseconds: the epoch offset is taken once, the monotonic clock
// supplies the resolution, and `last` makes the value strictly rising.
const offset = BigInt(Date.now()) * 1000000n - process.hrtime.bigint();
let last = 0n;
function nowNs() {
    let t = process.hrtime.bigint() + offset;
    if (t <= last)
        t = last + 1n;
    last = t;
    return t;
}
function newStateId(prefix) {
    validatePrefix(prefix);
    return `${prefix}_${nowNs()}_${process.pid}_${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
}

// EXTERNAL MODULE: ./src/core/files.ts
var files = __webpack_require__(9928);
// EXTERNAL MODULE: ./src/core/lock.ts
var lock = __webpack_require__(6336);
// EXTERNAL MODULE: ./src/core/process.ts
var core_process = __webpack_require__(9978);
// EXTERNAL MODULE: ./src/core/runtime.ts
var runtime = __webpack_require__(9199);
;// CONCATENATED MODULE: ./src/state/shell-env.ts
/**
 * Turning state values into shell variables without ever running them.
 *
 * A state file that is `source`d is code: a value holding `$(…)` or a
 * backtick runs. `state env` prints `export KEY='value'` lines instead, where
 * the value sits in single quotes (inside which a POSIX shell expands
 * nothing) and each `'` becomes `'\''`. That is safe to `eval` for every
 * string a value can hold (NUL is refused at `set`: no shell variable can hold it).
 */

const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Variables a shell or the dynamic loader acts on by themselves: exporting one
 * from workflow state would run code (BASH_ENV, PROMPT_COMMAND, LD_PRELOAD…)
 * or change what every later command means (PATH, IFS).
 */
const RESERVED = new Set([
    'PATH', 'IFS', 'ENV', 'BASH_ENV', 'PROMPT_COMMAND', 'PS0', 'PS1', 'PS2', 'PS3', 'PS4', 'SHELLOPTS', 'BASHOPTS', 'CDPATH', 'GLOBIGNORE',
    'HOME', 'SHELL', 'NODE_OPTIONS', 'PYTHONSTARTUP', 'PERL5OPT', 'RUBYOPT', 'GIT_DIR', 'GIT_WORK_TREE', 'LOCKSTEP_LOCK_TOKEN',
]);
const RESERVED_PREFIX = /^(BASH_|LD_|DYLD_|GIT_CONFIG|BASH_FUNC_)/;
function isReservedKey(key) {
    return RESERVED.has(key) || RESERVED_PREFIX.test(key);
}
function validateKey(key) {
    if (typeof key !== 'string' || !SHELL_NAME.test(key) || key.length > 128) {
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `invalid state key ${JSON.stringify(key)}: keys are shell variable names (A-Z, a-z, 0-9, '_', not starting with a digit, at most 128)`, {
            hint: 'e.g. lockstep state set ID PLAN_PATH=/abs/plan.md',
        });
    }
    if (isReservedKey(key)) {
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `state key ${key} is reserved: exporting it into a shell would change how that shell runs commands`, {
            hint: `use a name of your own, e.g. WORKFLOW_${key}`,
        });
    }
    return key;
}
/** `it's` → `'it'\''s'`: one single-quoted shell word whatever the text holds. */
function shellQuote(value) {
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/** `export KEY='value'` lines, keys sorted, for `eval "$(lockstep state env ID)"`. */
function exportLines(values) {
    return Object.keys(values)
        .sort()
        .map((k) => `export ${validateKey(k)}=${shellQuote(values[k])}`);
}

;// CONCATENATED MODULE: ./src/state/store.ts
/**
 * Workflow state files: `<runtime>/state/<id>.json`, one per workflow id.
 *
 * - Created with link() from a fully written temp file: the id cannot be
 *   taken twice and no reader ever sees half a file.
 * - Changed by read-modify-write under a lock (`state-<0-f>`, chosen by a
 *   hash of the id), then written to a temp file and renamed over the old
 *   one: concurrent `set`s from many processes lose no key, and readers
 *   (which take no lock) see the old version or the new, never a torn one.
 * - Read strictly: anything that is not a state record is CORRUPT_STATE
 *   (exit 4) and is left exactly as it is for a person to look at.
 */










const SCHEMA = 1;
/** One value may hold at most this many characters. */
const MAX_VALUE_LENGTH = 1024 * 1024;
const MAX_OWNER_LENGTH = 256;
function stateDir(loc) {
    const rt = loc.runtime ?? (0,runtime/* openRuntime */.fS)({ cwd: loc.cwd });
    return (0,external_node_path_.join)(rt.root, 'state');
}
function statePath(dir, id) {
    validateStateId(id);
    return (0,external_node_path_.join)(dir, `${id}.json`);
}
/** `state-0` … `state-f`: a fixed set of lock names, so ids that come and go leave no lock directories behind. */
function stateLockName(id) {
    return `state-${(0,external_node_crypto_.createHash)('sha1').update(id).digest('hex')[0]}`;
}
function validateOwner(owner) {
    // eslint-disable-next-line no-control-regex
    if (typeof owner !== 'string' || owner === '' || owner.length > MAX_OWNER_LENGTH || /[\u0000-\u001f\u007f]/.test(owner)) {
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `invalid owner key ${JSON.stringify(owner)}: 1-${MAX_OWNER_LENGTH} printable characters`, {
            hint: 'use something unique to this run, e.g. --owner "$CLAUDE_SESSION_ID" or --owner "$$"',
        });
    }
    return owner;
}
function validateValue(key, value) {
    if (typeof value !== 'string')
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `the value of ${key} must be a string`);
    if (value.includes('\0'))
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `the value of ${key} contains a NUL byte, which no shell variable can hold`);
    if (value.length > MAX_VALUE_LENGTH)
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `the value of ${key} is ${value.length} characters long; at most ${MAX_VALUE_LENGTH} are accepted`);
    return value;
}
function corrupt(path, why) {
    return new errors/* LockstepError */.Cj('CORRUPT_STATE', `the state file ${path} is corrupt: ${why}`, {
        hint: `inspect it (cat "${path}"); lockstep leaves it untouched. Remove it once you are done: rm "${path}"`,
        detail: { path },
    });
}
/** Checks that parsed JSON is a state record for `id`; CORRUPT_STATE otherwise. */
function checkRecord(raw, id, path) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        throw corrupt(path, 'not a JSON object');
    const r = raw;
    if (r.v !== SCHEMA)
        throw corrupt(path, `unknown schema version ${JSON.stringify(r.v)}`);
    if (r.id !== id)
        throw corrupt(path, `it names id ${JSON.stringify(r.id)}, not ${id}`);
    if (typeof r.prefix !== 'string' || typeof r.createdAtMs !== 'number' || typeof r.updatedAtMs !== 'number')
        throw corrupt(path, 'fields are missing');
    if (r.owner !== null && typeof r.owner !== 'string')
        throw corrupt(path, 'owner is not a string');
    const values = r.values;
    if (typeof values !== 'object' || values === null || Array.isArray(values))
        throw corrupt(path, 'values is not an object');
    for (const [k, v] of Object.entries(values)) {
        if (!SHELL_NAME.test(k) || isReservedKey(k))
            throw corrupt(path, `key ${JSON.stringify(k)} is not a usable shell variable name`);
        if (typeof v !== 'string' || v.includes('\0'))
            throw corrupt(path, `the value of ${k} is not a string`);
    }
    return r;
}
function parseFile(text, id, path) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        throw corrupt(path, text.length === 0 ? 'it is empty' : `it is not valid JSON (${text.length} bytes)`);
    }
    return checkRecord(raw, id, path);
}
/** Reads a state file; null when it does not exist. */
function readStateFile(dir, id) {
    const path = statePath(dir, id);
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return null;
        throw (0,errors/* fsError */.yi)(e, 'read state file', path);
    }
    return parseFile(text, id, path);
}
function notFound(id) {
    return new errors/* LockstepError */.Cj('NOT_FOUND', `no state with id ${id}`, { hint: 'list the ids there are: lockstep state list (it may have expired: state gc removes old ones)' });
}
/** Writes a complete record in place of the old one (temp file + rename). */
function writeStateFile(dir, rec) {
    (0,files/* writeFileAtomic */.Zf)(statePath(dir, rec.id), JSON.stringify(rec, null, 2) + '\n');
}
function ensureStateDir(dir) {
    try {
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    }
    catch (e) {
        throw (0,errors/* fsError */.yi)(e, 'create state directory', dir);
    }
}
function initState(opts) {
    validatePrefix(opts.prefix);
    const owner = opts.owner === undefined || opts.owner === null ? null : validateOwner(opts.owner);
    const values = {};
    for (const [k, v] of Object.entries(opts.values ?? {}))
        values[validateKey(k)] = validateValue(k, v);
    const dir = stateDir(opts);
    ensureStateDir(dir);
    for (let attempt = 0;; attempt++) {
        const id = newStateId(opts.prefix);
        const now = Date.now();
        const record = {
            v: SCHEMA,
            id,
            prefix: opts.prefix,
            owner,
            createdAt: new Date(now).toISOString(),
            createdAtMs: now,
            updatedAt: new Date(now).toISOString(),
            updatedAtMs: now,
            pid: process.pid,
            host: (0,core_process/* hostId */.My)(),
            values,
        };
        const path = statePath(dir, id);
        const tmp = (0,files/* tempPathFor */.FD)(path);
        try {
            (0,external_node_fs_.writeFileSync)(tmp, JSON.stringify(record, null, 2) + '\n', { flag: 'wx', mode: 0o644 });
            (0,external_node_fs_.linkSync)(tmp, path);
            return { id, path, record };
        }
        catch (e) {
            // A taken id is all but impossible; try a fresh one rather than overwrite.
            if (e.code === 'EEXIST' && attempt < 5)
                continue;
            throw (0,errors/* fsError */.yi)(e, 'create state file', path);
        }
        finally {
            (0,files/* unlinkQuiet */._f)(tmp);
        }
    }
}
function getState(opts) {
    validateStateId(opts.id);
    const rec = readStateFile(stateDir(opts), opts.id);
    if (!rec)
        throw notFound(opts.id);
    return rec;
}
/** Merges `values` into the state under the id's lock; returns the record as written. */
async function setState(opts) {
    validateStateId(opts.id);
    const entries = Object.entries(opts.values).map(([k, v]) => [validateKey(k), validateValue(k, v)]);
    const unset = (opts.unset ?? []).map(validateKey);
    const rt = opts.runtime ?? (0,runtime/* openRuntime */.fS)({ cwd: opts.cwd });
    const dir = stateDir({ runtime: rt });
    // Fail fast, before taking a lock, when there is nothing to change.
    if (!readStateFile(dir, opts.id))
        throw notFound(opts.id);
    const handle = await (0,lock/* acquireLock */.IZ)({ runtime: rt, name: stateLockName(opts.id), timeoutMs: opts.timeoutMs ?? lock/* DEFAULT_TIMEOUT_MS */.t1, command: `state set ${opts.id}` });
    try {
        const rec = readStateFile(dir, opts.id);
        if (!rec)
            throw notFound(opts.id);
        for (const [k, v] of entries)
            rec.values[k] = v;
        for (const k of unset)
            delete rec.values[k];
        const now = Date.now();
        rec.updatedAtMs = now;
        rec.updatedAt = new Date(now).toISOString();
        writeStateFile(dir, rec);
        return rec;
    }
    finally {
        (0,lock/* releaseLock */.x_)(handle);
    }
}
/** Deletes a state file (under its lock, so a concurrent set cannot resurrect half of it). */
async function removeState(opts) {
    validateStateId(opts.id);
    const rt = opts.runtime ?? (0,runtime/* openRuntime */.fS)({ cwd: opts.cwd });
    const dir = stateDir({ runtime: rt });
    const handle = await (0,lock/* acquireLock */.IZ)({ runtime: rt, name: stateLockName(opts.id), timeoutMs: opts.timeoutMs ?? lock/* DEFAULT_TIMEOUT_MS */.t1, command: `state rm ${opts.id}` });
    try {
        return (0,files/* unlinkQuiet */._f)(statePath(dir, opts.id));
    }
    finally {
        (0,lock/* releaseLock */.x_)(handle);
    }
}
/** The id's parts, for listings (null when the file name is not an id). */
function idOfFile(file) {
    if (!file.endsWith('.json'))
        return null;
    const id = file.slice(0, -5);
    return parseStateId(id) ? id : null;
}

;// CONCATENATED MODULE: ./src/state/discover.ts
/**
 * Finding state again in a later step of the same workflow.
 *
 * "The newest state file with this prefix" is a race: two instances of one
 * command started close together each pick up whichever file was written
 * last — possibly the other's. Discovery here matches the owner key recorded
 * at init (a session id, a terminal, a parent pid: whatever is unique to the
 * caller), so an instance only ever finds its own state. Among several
 * states of the same owner, the one created last wins (that owner started
 * it again); another owner's newer file never does.
 */





function readDir(dir) {
    try {
        return (0,external_node_fs_.readdirSync)(dir);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return [];
        throw (0,errors/* fsError */.yi)(e, 'read state directory', dir);
    }
}
/** Every state file (optionally of one prefix), corrupt ones included with their error. */
function listStates(opts = {}) {
    if (opts.prefix !== undefined)
        validatePrefix(opts.prefix);
    const dir = stateDir(opts);
    const out = [];
    for (const f of readDir(dir)) {
        const id = idOfFile(f);
        if (!id)
            continue;
        if (opts.prefix !== undefined && parseStateId(id).prefix !== opts.prefix)
            continue;
        const path = (0,external_node_path_.join)(dir, f);
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(path, 'utf8');
        }
        catch (e) {
            if (e.code === 'ENOENT')
                continue; // removed by gc meanwhile
            throw (0,errors/* fsError */.yi)(e, 'read state file', path);
        }
        try {
            let raw;
            try {
                raw = JSON.parse(text);
            }
            catch {
                throw new errors/* LockstepError */.Cj('CORRUPT_STATE', `the state file ${path} is corrupt: it is not valid JSON (${text.length} bytes)`);
            }
            out.push({ id, path, record: checkRecord(raw, id, path), error: null });
        }
        catch (e) {
            if (!(0,errors/* isLockstepError */.sq)(e) || e.code !== 'CORRUPT_STATE')
                throw e;
            out.push({ id, path, record: null, error: e.message });
        }
    }
    // Creation order from the id itself (nanoseconds), not file mtimes.
    return out.sort((a, b) => {
        const na = BigInt(parseStateId(a.id).ns);
        const nb = BigInt(parseStateId(b.id).ns);
        return na < nb ? -1 : na > nb ? 1 : a.id < b.id ? -1 : 1;
    });
}
function discoverState(opts) {
    validatePrefix(opts.prefix);
    const owner = validateOwner(opts.owner);
    const all = listStates({ cwd: opts.cwd, runtime: opts.runtime, prefix: opts.prefix });
    const mine = all.filter((e) => e.record?.owner === owner);
    const corrupt = all.filter((e) => e.error !== null).map((e) => e.path);
    const last = mine[mine.length - 1];
    if (!last && corrupt.length) {
        throw new errors/* LockstepError */.Cj('CORRUPT_STATE', `no readable ${opts.prefix} state of owner ${owner}, and ${corrupt.length} corrupt state ${corrupt.length === 1 ? 'file' : 'files'} of that prefix could have been it: ${corrupt.join(', ')}`, {
            hint: `inspect ${corrupt.length === 1 ? 'it' : 'them'} (lockstep state list ${opts.prefix}); lockstep leaves corrupt files untouched`,
            detail: { corrupt },
        });
    }
    return { found: last?.record ?? null, path: last?.path ?? null, ownerStates: mine.length, corrupt };
}

;// CONCATENATED MODULE: ./src/state/gc.ts
/**
 * TTL cleanup of workflow state. A state file is old when it was last
 * changed more than `ttlMs` ago. Each removal happens under the id's lock and
 * after a second look, so a `set` that lands meanwhile keeps its state alive.
 * Corrupt files are reported and left alone: they are evidence.
 */









async function gcStates(opts) {
    if (!Number.isFinite(opts.ttlMs) || opts.ttlMs < 0)
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `invalid TTL ${opts.ttlMs}`);
    const rt = opts.runtime ?? (0,runtime/* openRuntime */.fS)({ cwd: opts.cwd });
    const dir = stateDir({ runtime: rt });
    const now = opts.now ?? Date.now();
    const cutoff = now - opts.ttlMs;
    const result = { removed: [], kept: 0, corrupt: [], tempFiles: 0, dryRun: !!opts.dryRun };
    for (const e of listStates({ runtime: rt })) {
        if (!e.record) {
            result.corrupt.push(e.path);
            continue;
        }
        if (e.record.updatedAtMs >= cutoff) {
            result.kept++;
            continue;
        }
        if (opts.dryRun) {
            result.removed.push(e.id);
            continue;
        }
        const h = await (0,lock/* acquireLock */.IZ)({ runtime: rt, name: stateLockName(e.id), timeoutMs: opts.timeoutMs ?? lock/* DEFAULT_TIMEOUT_MS */.t1, command: `state gc ${e.id}` });
        try {
            const again = readStateFile(dir, e.id);
            if (again && again.updatedAtMs < cutoff && (0,files/* unlinkQuiet */._f)(e.path))
                result.removed.push(e.id);
            else
                result.kept++;
        }
        finally {
            (0,lock/* releaseLock */.x_)(h);
        }
    }
    // Temp files (`.tmp.<name>.<pid>.<hex>`) whose writer died before its rename.
    let names = [];
    try {
        names = (0,external_node_fs_.readdirSync)(dir);
    }
    catch (e) {
        if (e.code !== 'ENOENT')
            throw (0,errors/* fsError */.yi)(e, 'read state directory', dir);
    }
    for (const f of names) {
        if (!f.startsWith('.tmp.'))
            continue;
        const pid = Number(f.split('.').at(-2));
        const path = (0,external_node_path_.join)(dir, f);
        let old = false;
        try {
            old = (0,external_node_fs_.statSync)(path).mtimeMs < cutoff;
        }
        catch {
            continue;
        }
        if (old && !(Number.isInteger(pid) && pid > 0 && (0,core_process/* pidExists */.Oz)(pid))) {
            if (!opts.dryRun)
                (0,files/* unlinkQuiet */._f)(path);
            result.tempFiles++;
        }
    }
    return result;
}

// EXTERNAL MODULE: ./src/cli/context.ts
var context = __webpack_require__(5217);
// EXTERNAL MODULE: ./src/cli/output.ts
var output = __webpack_require__(6657);
;// CONCATENATED MODULE: ./src/cli/commands/state.ts







/** `KEY=VALUE` → [KEY, VALUE]; the value is everything after the first `=` and may be empty. */
function parseAssignment(a) {
    const i = a.indexOf('=');
    if (i <= 0)
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `expected KEY=VALUE, got ${JSON.stringify(a.length > 80 ? `${a.slice(0, 80)}…` : a)}`, { hint: 'lockstep state set ID PLAN_PATH=/abs/plan.md STEP=2' });
    return [a.slice(0, i), a.slice(i + 1)];
}
function ownerFrom(flag) {
    return flag ?? (process.env.LOCKSTEP_OWNER || undefined);
}
function registerState(program) {
    const state = program.command('state').description('workflow state: collision-free ids, atomic JSON files, discovery by owner, safe shell export');
    state
        .command('init')
        .argument('<prefix>', 'command name the id starts with ([A-Za-z0-9_-], at most 64)')
        .option('--owner <key>', 'who this state belongs to, for state discover (default: $LOCKSTEP_OWNER)')
        .option('--json', 'machine-readable output')
        .description('create a new workflow id (PREFIX_<ns>_<pid>_<random>) and its state file; print the id')
        .action((prefix, o, cmd) => {
        const { cwd } = (0,context/* globals */.z)(cmd);
        const r = initState({ cwd, prefix, owner: ownerFrom(o.owner) ?? null });
        if (o.json)
            (0,output/* printJson */.Q2)({ ok: true, id: r.id, path: r.path, owner: r.record.owner });
        else
            (0,output/* printLine */.wi)(r.id);
    });
    state
        .command('set')
        .argument('<id>', 'workflow id')
        .argument('[assignments...]', 'KEY=VALUE pairs (keys are shell variable names)')
        .option('--unset <key>', 'remove this key (repeat for more)', (v, acc) => [...acc, v], [])
        .option('--json', 'print the state as written')
        .description('set keys of a workflow state (atomic; concurrent sets lose nothing)')
        .action(async (id, assignments, o, cmd) => {
        const { cwd } = (0,context/* globals */.z)(cmd);
        if (assignments.length === 0 && !o.unset?.length)
            throw new errors/* LockstepError */.Cj('BAD_INPUT', 'nothing to set', { hint: `lockstep state set ${id} KEY=VALUE… [--unset KEY]` });
        const values = {};
        for (const a of assignments) {
            const [k, v] = parseAssignment(a);
            values[k] = v;
        }
        const rec = await setState({ cwd, id, values, unset: o.unset });
        if (o.json)
            (0,output/* printJson */.Q2)({ ok: true, ...rec });
    });
    state
        .command('get')
        .argument('<id>', 'workflow id')
        .argument('[key]', 'print only this value (raw)')
        .option('--json', 'print the whole record')
        .description('print a workflow state: its values as JSON, or one raw value')
        .action((id, key, o, cmd) => {
        const { cwd } = (0,context/* globals */.z)(cmd);
        const rec = getState({ cwd, id });
        if (key !== undefined) {
            if (!Object.hasOwn(rec.values, key))
                throw new errors/* LockstepError */.Cj('NOT_FOUND', `state ${id} has no key ${key}`, { hint: `see its keys: lockstep state get ${id}` });
            if (o.json)
                (0,output/* printJson */.Q2)({ id, key, value: rec.values[key] });
            else
                process.stdout.write(`${rec.values[key]}\n`);
            return;
        }
        (0,output/* printJson */.Q2)(o.json ? rec : rec.values);
    });
    state
        .command('env')
        .argument('<id>', 'workflow id')
        .description(`print export KEY='value' lines, safe to eval: eval "$(lockstep state env ID)"`)
        .action((id, _o, cmd) => {
        const { cwd } = (0,context/* globals */.z)(cmd);
        const lines = exportLines(getState({ cwd, id }).values);
        if (lines.length)
            process.stdout.write(lines.join('\n') + '\n');
    });
    state
        .command('discover')
        .argument('<prefix>', 'command prefix given to state init')
        .option('--owner <key>', 'the owner key given to state init (default: $LOCKSTEP_OWNER)')
        .option('--json', 'machine-readable output')
        .description("print the id of this owner's state (never merely the newest file); exit 1 when it has none")
        .action((prefix, o, cmd) => {
        const { cwd } = (0,context/* globals */.z)(cmd);
        const owner = ownerFrom(o.owner);
        if (owner === undefined) {
            throw new errors/* LockstepError */.Cj('BAD_INPUT', 'state discover needs an owner key: picking the newest file instead is the race this command exists to avoid', {
                hint: `pass the key given to state init: lockstep state discover ${prefix} --owner KEY (or set LOCKSTEP_OWNER)`,
            });
        }
        const r = discoverState({ cwd, prefix, owner });
        if (o.json)
            (0,output/* printJson */.Q2)({ ok: r.found !== null, id: r.found?.id ?? null, path: r.path, ownerStates: r.ownerStates, corrupt: r.corrupt, record: r.found });
        else if (r.found)
            (0,output/* printLine */.wi)(r.found.id);
        if (!r.found) {
            if (!o.json)
                (0,output/* printErr */.lx)(`lockstep: no ${prefix} state belongs to owner ${owner}\n  fix: create one first: lockstep state init ${prefix} --owner ${JSON.stringify(owner)}`);
            process.exitCode = 1;
        }
        else if (r.corrupt.length && !o.json) {
            (0,output/* printErr */.lx)(`lockstep: warning: skipped corrupt state ${r.corrupt.length === 1 ? 'file' : 'files'}: ${r.corrupt.join(', ')}`);
        }
    });
    state
        .command('list')
        .argument('[prefix]', 'only states of this prefix')
        .option('--json', 'machine-readable output')
        .description('list workflow states: id, owner, last change, keys')
        .action((prefix, o, cmd) => {
        const { cwd } = (0,context/* globals */.z)(cmd);
        const list = listStates({ cwd, prefix });
        if (o.json) {
            (0,output/* printJson */.Q2)(list.map((e) => (e.record ? { id: e.id, path: e.path, owner: e.record.owner, createdAt: e.record.createdAt, updatedAt: e.record.updatedAt, keys: Object.keys(e.record.values).sort() } : { id: e.id, path: e.path, corrupt: true, error: e.error })));
            return;
        }
        if (list.length === 0)
            (0,output/* printLine */.wi)('no workflow state');
        for (const e of list) {
            if (!e.record)
                (0,output/* printLine */.wi)(`${e.id}  CORRUPT: ${e.error}`);
            else
                (0,output/* printLine */.wi)(`${e.id}  owner=${e.record.owner ?? '-'}  updated=${e.record.updatedAt}  keys=${Object.keys(e.record.values).sort().join(',') || '-'}`);
        }
    });
    state
        .command('rm')
        .argument('<id>', 'workflow id')
        .option('--json', 'machine-readable output')
        .description('remove a workflow state when its workflow is done')
        .action(async (id, o, cmd) => {
        const { cwd } = (0,context/* globals */.z)(cmd);
        const removed = await removeState({ cwd, id });
        if (o.json)
            (0,output/* printJson */.Q2)({ ok: true, id, removed });
        else if (!removed)
            (0,output/* printErr */.lx)(`lockstep: no state with id ${id} (nothing removed)`);
    });
    state
        .command('gc')
        .requiredOption('--ttl <duration>', 'remove states unchanged for longer than this (90s, 15m, 24h, 7d)')
        .option('--dry-run', 'only report what would be removed')
        .option('--json', 'machine-readable output')
        .description('remove workflow states older than the TTL (corrupt files are reported, never removed)')
        .action(async (o, cmd) => {
        const { cwd } = (0,context/* globals */.z)(cmd);
        const r = await gcStates({ cwd, ttlMs: (0,output/* parseDuration */.E9)(o.ttl, '--ttl'), dryRun: o.dryRun });
        if (o.json) {
            (0,output/* printJson */.Q2)({ ok: true, ...r });
            return;
        }
        (0,output/* printLine */.wi)(`${r.dryRun ? 'would remove' : 'removed'} ${r.removed.length}, kept ${r.kept}${r.tempFiles ? `, ${r.tempFiles} leftover temp files` : ''}`);
        for (const id of r.removed)
            (0,output/* printLine */.wi)(`  ${r.dryRun ? 'would remove' : 'removed'} ${id}`);
        for (const p of r.corrupt)
            (0,output/* printErr */.lx)(`lockstep: warning: corrupt state file left in place: ${p}`);
    });
}


/***/ })

};
