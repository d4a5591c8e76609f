export const id = 312;
export const ids = [312];
export const modules = {

/***/ 1312:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerRemote: () => (/* binding */ registerRemote),
  remoteLockAcquireCommand: () => (/* binding */ remoteLockAcquireCommand),
  remoteLockBreakCommand: () => (/* binding */ remoteLockBreakCommand),
  remoteLockReleaseCommand: () => (/* binding */ remoteLockReleaseCommand),
  remoteLockRenewCommand: () => (/* binding */ remoteLockRenewCommand),
  remoteLockStatusCommand: () => (/* binding */ remoteLockStatusCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/remote/alloc.ts
var alloc = __webpack_require__(4207);
// EXTERNAL MODULE: ./src/remote/backend.ts
var backend = __webpack_require__(7590);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/core/process.ts
var core_process = __webpack_require__(9978);
// EXTERNAL MODULE: ./src/remote/observations.ts
var observations = __webpack_require__(3875);
// EXTERNAL MODULE: ./src/remote/refs.ts
var refs = __webpack_require__(1994);
// EXTERNAL MODULE: ./src/remote/transport.ts + 1 modules
var transport = __webpack_require__(1124);
;// CONCATENATED MODULE: ./src/remote/check.ts
/**
 * `lockstep remote check`: proves, with a throw-away ref, that the remote can
 * coordinate — it is reachable, accepts refs/lockstep/*, rejects a second
 * creation of the same ref (compare-and-swap works on the server), shows the
 * ref to readers (not hidden from ls-remote), and deletes it again.
 */






async function checkRemote(opts = {}) {
    const ctx = (0,transport/* openRemote */.d3)(opts);
    const steps = [];
    const timed = async (step, fn) => {
        const t = (0,observations/* monoNowMs */._t)();
        const v = await fn();
        steps.push({ step, ms: (0,observations/* monoNowMs */._t)() - t });
        return v;
    };
    const ref = `${refs/* REF_ROOT */.Dw}probe/${(0,core_process/* hostId */.My)().replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 40) || 'host'}-${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
    await timed('list refs/lockstep/* (ls-remote)', () => (0,transport/* listRemoteRefs */.R8)(ctx, [`${refs/* REF_ROOT */.Dw}*`], 'list lockstep refs'));
    const a = await (0,transport/* writeRecord */.rh)(ctx, { kind: 'probe', host: (0,core_process/* hostId */.My)(), at: new Date().toISOString(), n: 1 });
    const b = await (0,transport/* writeRecord */.rh)(ctx, { kind: 'probe', host: (0,core_process/* hostId */.My)(), at: new Date().toISOString(), n: 2 });
    const created = await timed('create a probe ref (atomic push, expected absent)', () => (0,transport/* pushUpdates */.BI)(ctx, [{ ref, newOid: a, expectOid: null }], 'create a probe ref'));
    if (!created.ok)
        throw new errors/* LockstepError */.Cj('REMOTE_REFUSED', `the remote ${ctx.remote} rejected the creation of a new probe ref ${ref}: ${created.conflict.join('; ')}`);
    try {
        const again = await timed('create it again (must be rejected)', () => (0,transport/* pushUpdates */.BI)(ctx, [{ ref, newOid: b, expectOid: null }], 'create the probe ref again'));
        if (again.ok) {
            throw new errors/* LockstepError */.Cj('REMOTE_REFUSED', `the remote ${ctx.remote} let a second push create ${ref} although it existed: it does not compare-and-swap refs, so it cannot coordinate`, {
                hint: 'use a git server that honours expected old values in pushes (any stock git since 2.4), or --backend file',
            });
        }
        const seen = await timed('see it from ls-remote', () => (0,transport/* listRemoteRefs */.R8)(ctx, [ref], 'read the probe ref'));
        if (seen.get(ref) !== a) {
            throw new errors/* LockstepError */.Cj('REMOTE_REFUSED', `the remote ${ctx.remote} accepts refs/lockstep/* but hides them from readers (ls-remote does not show ${ref}): check uploadpack.hideRefs / transfer.hideRefs on the server`, {
                hint: 'unhide refs/lockstep on the server, or use --backend file',
            });
        }
    }
    finally {
        await (0,transport/* pushUpdates */.BI)(ctx, [{ ref, newOid: null, expectOid: a }], 'delete the probe ref').catch(() => undefined);
    }
    return { ok: true, remote: ctx.remote, url: ctx.url, steps };
}

// EXTERNAL MODULE: ./src/remote/claims.ts
var claims = __webpack_require__(3973);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/core/events.ts
var events = __webpack_require__(7842);
// EXTERNAL MODULE: ./src/queue/names.ts
var names = __webpack_require__(8579);
;// CONCATENATED MODULE: ./src/remote/gc.ts
/**
 * `lockstep remote gc`: removes the refs under refs/lockstep/ on the remote
 * that nothing needs any more.
 *
 *   locks   a lock ref whose lease ran out, as counted on this machine (see
 *           observations.ts: a first run notes what it sees, a run after the
 *           lease removes it; `waitMs` does both in one run). Fence refs are
 *           never removed: they keep tokens rising.
 *   claims  a claim whose lease ran out is reclaimed (the item becomes
 *           claimable again, attempt count kept; failed after the maximum).
 *           Done and failed claims stay: they stop other machines from
 *           claiming a finished item again. `dropQueues` removes every claim
 *           of a queue that is finished for good.
 *   alloc   every per-number ref except the newest of its root: the root's
 *           head ref is the counter (never removed) and the newest number
 *           guards it (see alloc.ts); the numbers below are history.
 *
 * Every removal is a compare-and-swap on the id gc judged, so a renewal, a
 * completion or an allocation that lands meanwhile wins and is kept.
 */






const LOCK = /^refs\/lockstep\/locks\/([^/]+)$/;
const CLAIM = /^refs\/lockstep\/claims\/([^/]+)\/([^/]+)$/;
const ALLOC = /^refs\/lockstep\/alloc\/([0-9a-f]+)\/(head|\d+)$/;
async function remoteGc(opts = {}) {
    const ctx = (0,transport/* openRemote */.d3)(opts);
    const deadline = (0,observations/* monoNowMs */._t)() + (opts.waitMs ?? 0);
    const drop = (opts.dropQueues ?? []).map(names/* validateQueueName */.vL);
    const observer = new observations/* Observer */.nu(ctx);
    const total = {
        remote: ctx.remote,
        dryRun: Boolean(opts.dryRun),
        locks: { removed: [], waiting: [] },
        claims: { reclaimed: [], failed: [], waiting: [], dropped: [] },
        alloc: [],
        skipped: [],
    };
    for (let pass = 0;; pass++) {
        const r = await gcPass(ctx, observer, opts, pass === 0 ? drop : []);
        total.locks.removed.push(...r.locks.removed);
        total.locks.waiting = r.locks.waiting;
        total.claims.reclaimed.push(...r.claims.reclaimed);
        total.claims.failed.push(...r.claims.failed);
        total.claims.waiting = r.claims.waiting;
        total.claims.dropped.push(...r.claims.dropped);
        total.skipped.push(...r.skipped);
        if (pass === 0)
            total.alloc = r.alloc;
        const soonest = Math.min(...r.locks.waiting.map((w) => w.expiresInMs), ...r.claims.waiting.map((w) => w.expiresInMs));
        const left = deadline - (0,observations/* monoNowMs */._t)();
        if (!Number.isFinite(soonest) || soonest > left || opts.dryRun)
            break;
        await (0,promises_.setTimeout)(Math.max(10, soonest + 20));
    }
    (0,events/* appendEvent */.Zn)(ctx.runtime.root, 'remote_gc', {
        remote: ctx.remote,
        dryRun: total.dryRun,
        locks: total.locks.removed.length,
        reclaimed: total.claims.reclaimed.length,
        alloc: total.alloc.reduce((n, a) => n + a.removed.length, 0),
    });
    return total;
}
async function gcPass(ctx, observer, opts, drop) {
    const refs = await (0,transport/* listRemoteRefs */.R8)(ctx, ['refs/lockstep/*'], 'list lockstep refs');
    const out = { remote: ctx.remote, dryRun: Boolean(opts.dryRun), locks: { removed: [], waiting: [] }, claims: { reclaimed: [], failed: [], waiting: [], dropped: [] }, alloc: [], skipped: [] };
    const deletions = [];
    // Locks.
    const lockRefs = [...refs].filter(([ref]) => LOCK.test(ref));
    const lockRecords = await (0,transport/* readRecords */.T3)(ctx, lockRefs.map(([, oid]) => oid));
    for (const [ref, oid] of lockRefs) {
        const name = LOCK.exec(ref)[1];
        const rec = lockRecords.get(oid) ?? null;
        const holder = rec && rec.backend === 'remote' ? rec : null;
        const j = (0,observations/* judgeLease */.Qs)(holder, observer.firstSeen(ref, oid));
        if (!j.expired) {
            out.locks.waiting.push({ name, token: holder?.token ?? 0, host: holder?.host ?? null, expiresInMs: j.remainingMs });
            continue;
        }
        const entry = { name, token: holder?.token ?? 0, host: holder?.host ?? null, reason: j.reason };
        deletions.push({ ref, newOid: null, expectOid: oid, done: () => out.locks.removed.push(entry) });
    }
    // Claims: reclaim expired ones queue by queue; drop finished queues.
    const queues = new Set();
    for (const ref of refs.keys()) {
        const m = CLAIM.exec(ref);
        if (m)
            queues.add(m[1]);
    }
    for (const queue of queues) {
        if (drop.includes(queue)) {
            const mine = [...refs].filter(([ref]) => CLAIM.exec(ref)?.[1] === queue);
            const dropped = { queue, refs: 0 };
            out.claims.dropped.push(dropped);
            for (const [ref, oid] of mine)
                deletions.push({ ref, newOid: null, expectOid: oid, done: () => dropped.refs++ });
            continue;
        }
        const r = await (0,claims.reclaimRemote)({ cwd: ctx.git.cwd, remote: ctx.remote, networkTimeoutMs: ctx.networkTimeoutMs, queue, maxAttempts: opts.maxAttempts, dryRun: opts.dryRun });
        out.claims.reclaimed.push(...r.reclaimed);
        out.claims.failed.push(...r.failed);
        out.claims.waiting.push(...r.waiting);
    }
    // Allocation: keep the head and the number it names; the rest is history.
    const roots = new Map();
    for (const [ref, oid] of refs) {
        const m = ALLOC.exec(ref);
        if (!m)
            continue;
        const root = roots.get(m[1]) ?? { head: null, numbers: [] };
        if (m[2] === 'head')
            root.head = oid;
        else
            root.numbers.push([Number(m[2]), ref, oid]);
        roots.set(m[1], root);
    }
    for (const [root, { head, numbers }] of roots) {
        if (head === null)
            continue; // not written by this version of lockstep: leave it alone
        // The newest number moved the head in the same push; everything below it is history.
        const kept = numbers.length ? Math.max(...numbers.map(([n]) => n)) : null;
        const a = { root, kept, removed: [] };
        for (const [n, ref, oid] of numbers) {
            if (n === kept)
                continue;
            deletions.push({ ref, newOid: null, expectOid: oid, done: () => a.removed.push(n) });
        }
        out.alloc.push(a);
    }
    if (opts.dryRun) {
        for (const d of deletions)
            d.done();
        return out;
    }
    // Non-atomic: each removal stands or falls on its own compare-and-swap.
    for (let i = 0; i < deletions.length; i += 200) {
        const batch = deletions.slice(i, i + 200);
        const r = await (0,transport/* pushUpdates */.BI)(ctx, batch, 'remove expired lockstep refs', { atomic: false });
        const lost = new Set(r.ok ? [] : r.conflict.map((c) => c.split(' ')[0]));
        for (const d of batch) {
            if (lost.has(d.ref))
                out.skipped.push(d.ref);
            else
                d.done();
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/remote/lock.ts
var lock = __webpack_require__(1739);
// EXTERNAL MODULE: ./src/cli/context.ts
var context = __webpack_require__(5217);
// EXTERNAL MODULE: ./src/cli/output.ts
var output = __webpack_require__(6657);
;// CONCATENATED MODULE: ./src/cli/commands/remote.ts










function remoteOf(cmd, remote) {
    const { cwd } = (0,context/* globals */.z)(cmd);
    return { cwd, remote: (0,backend/* selectRemote */.LI)({ cwd, remote }) };
}
/** Candidates from --item / --items-file; undefined means "this clone's queue of the same name". */
function readItems(o) {
    const items = [...(o.item ?? [])];
    if (o.itemsFile) {
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(o.itemsFile, 'utf8');
        }
        catch (e) {
            throw new errors/* LockstepError */.Cj('BAD_INPUT', `cannot read --items-file ${o.itemsFile}: ${e.message}`);
        }
        items.push(...text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
    }
    if (items.length === 0 && o.itemsFile)
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `--items-file ${o.itemsFile} lists no items`);
    return items.length ? items : undefined;
}
function printClaim(c, json) {
    if (json)
        (0,output/* printJson */.Q2)({ ok: true, queue: c.queue, item: c.item, agent: c.agent, generation: c.generation, remote: c.remote, leaseMs: c.record.leaseMs });
    else
        (0,output/* printLine */.wi)(c.item);
}
const collect = (v, prev = []) => [...prev, v];
function registerRemote(program) {
    const remote = program.command('remote').description('coordinate through the git remote: check it, allocate and claim through it, and clean up refs/lockstep/*');
    remote
        .command('check')
        .option('--remote <name>', 'git remote (default: the configured remote backend, else origin)')
        .option('--json', 'machine-readable output')
        .description('prove the remote can coordinate: reachable, accepts and compare-and-swaps refs/lockstep/*, shows them to readers')
        .action(async (o, cmd) => {
        const r = await checkRemote(remoteOf(cmd, o.remote));
        if (o.json)
            (0,output/* printJson */.Q2)(r);
        else {
            (0,output/* printLine */.wi)(`remote ${r.remote} (${r.url}) can coordinate lockstep:`);
            for (const s of r.steps)
                (0,output/* printLine */.wi)(`  ok  ${s.step} (${s.ms} ms)`);
        }
    });
    remote
        .command('gc')
        .option('--remote <name>', 'git remote (default: the configured remote backend, else origin)')
        .option('--dry-run', 'report what would be removed, change nothing')
        .option('--wait <seconds>', 'wait up to this long for leases seen now to run out, and remove those too', '0')
        .option('--drop-queue <queue>', 'remove every claim of this finished queue (repeatable)', collect)
        .option('--max-attempts <n>', 'expired claims past this many attempts are failed instead of reclaimed', String(claims.DEFAULT_MAX_ATTEMPTS))
        .option('--json', 'machine-readable output')
        .description('remove expired lock refs, reclaim expired claims, and drop allocation refs below each root\'s newest')
        .action(async (o, cmd) => {
        const r = await remoteGc({ ...remoteOf(cmd, o.remote), dryRun: o.dryRun, waitMs: (0,output/* parseSeconds */.fL)(o.wait, '--wait'), dropQueues: o.dropQueue, maxAttempts: (0,output/* parsePositiveInt */.EJ)(o.maxAttempts, '--max-attempts') });
        if (o.json) {
            (0,output/* printJson */.Q2)({ ok: true, ...r });
            return;
        }
        const verb = r.dryRun ? 'would remove' : 'removed';
        for (const l of r.locks.removed)
            (0,output/* printLine */.wi)(`lock ${l.name} (token ${l.token}, host ${l.host ?? '?'}): ${verb} — ${l.reason}`);
        for (const l of r.locks.waiting)
            (0,output/* printLine */.wi)(`lock ${l.name} (token ${l.token}, host ${l.host ?? '?'}): kept, lease runs out in ${(l.expiresInMs / 1000).toFixed(1)} s as seen from here (run gc again then, or use --wait)`);
        for (const c of r.claims.reclaimed)
            (0,output/* printLine */.wi)(`claim ${c.item} (agent ${c.agent ?? '?'}, generation ${c.generation}): ${r.dryRun ? 'would reclaim' : 'reclaimed'} — ${c.reason}`);
        for (const c of r.claims.failed)
            (0,output/* printLine */.wi)(`claim ${c.item} (agent ${c.agent ?? '?'}, generation ${c.generation}): ${r.dryRun ? 'would fail' : 'failed'} after ${c.generation} attempts`);
        for (const c of r.claims.waiting)
            (0,output/* printLine */.wi)(`claim ${c.item} (agent ${c.agent ?? '?'}): kept, lease runs out in ${(c.expiresInMs / 1000).toFixed(1)} s as seen from here`);
        for (const d of r.claims.dropped)
            (0,output/* printLine */.wi)(`queue ${d.queue}: ${verb} ${d.refs} claim refs`);
        for (const a of r.alloc)
            if (a.removed.length)
                (0,output/* printLine */.wi)(`allocation root ${a.root}: ${verb} ${a.removed.length} number refs below ${a.kept ?? 'the head'}`);
        for (const s of r.skipped)
            (0,output/* printLine */.wi)(`${s}: changed meanwhile, kept`);
        const n = r.locks.removed.length + r.claims.reclaimed.length + r.claims.failed.length + r.alloc.reduce((k, a) => k + a.removed.length, 0) + r.claims.dropped.reduce((k, d) => k + d.refs, 0);
        if (n === 0 && r.locks.waiting.length === 0 && r.claims.waiting.length === 0)
            (0,output/* printLine */.wi)(`nothing to collect on ${r.remote}`);
    });
    remote
        .command('allocate')
        .argument('<root>', 'allocation root inside the checkout (created if missing)')
        .argument('<name>', 'topic name (sanitized)')
        .option('--remote <name>', 'git remote (default: the configured remote backend, else origin)')
        .option('--width <n>', 'minimum digits of the number', '3')
        .option('--timeout <seconds>', 'give up after losing races for this long (exit 3)', '60')
        .option('--json', 'machine-readable output')
        .description('allocate the next ROOT/NNN_name through the remote (unique across clones)')
        .action(async (root, name, o, cmd) => {
        const r = await (0,alloc.allocateRemote)({ ...remoteOf(cmd, o.remote), root, name, width: (0,output/* parsePositiveInt */.EJ)(o.width, '--width'), timeoutMs: (0,output/* parseSeconds */.fL)(o.timeout, '--timeout') });
        if (o.json)
            (0,output/* printJson */.Q2)({ topic_number: r.topicNumber, topic_path: r.topicPath, number: r.number, remote: r.remote, ref: r.ref, retries: r.retries });
        else
            (0,output/* printLine */.wi)(r.topicPath);
    });
    remote
        .command('claim')
        .argument('<queue>', 'queue name')
        .requiredOption('--agent <id>', 'the claiming agent')
        .option('--item <id>', 'a candidate item, in priority order (repeatable)', collect)
        .option('--items-file <file>', 'candidate items, one id a line, in priority order')
        .option('--lease <seconds>', 'claim lease', '120')
        .option('--remote <name>', 'git remote (default: the configured remote backend, else origin)')
        .option('--json', 'machine-readable output')
        .option('--owner-pid <pid>', 'process the claim is held for (default: the parent process); on this host the claim frees once it exits')
        .description('claim the first claimable item through the remote (candidates: --item/--items-file, else this clone\'s queue QUEUE); prints its id (exit 1 when none is left)')
        .action(async (queue, o, cmd) => {
        const items = readItems(o);
        const ownerPid = o.ownerPid === undefined ? process.ppid : (0,output/* parsePositiveInt */.EJ)(o.ownerPid, '--owner-pid');
        const base = { ...remoteOf(cmd, o.remote), queue, agent: o.agent, leaseMs: (0,output/* parseSeconds */.fL)(o.lease, '--lease'), ownerPid };
        const c = items?.length === 1 ? await (0,claims.claimItemRemote)({ ...base, item: items[0] }) : await (0,claims.claimNextRemote)({ ...base, items });
        if (!c) {
            if (o.json)
                (0,output/* printJson */.Q2)({ ok: false, queue, claimed: null });
            else
                (0,output/* printLine */.wi)(`nothing to claim in ${queue}`);
            process.exitCode = 1;
            return;
        }
        printClaim(c, o.json);
    });
    for (const [verb, what] of [
        ['done', 'mark a claimed item done'],
        ['fail', 'mark a claimed item failed (or --retry: hand it back)'],
        ['renew', 'renew the lease of a claim'],
    ]) {
        remote
            .command(verb)
            .argument('<queue>', 'queue name')
            .argument('<item>', 'item id')
            .requiredOption('--agent <id>', 'the agent holding the claim')
            .option('--generation <n>', 'only if the claim is still this generation (as printed by claim --json)')
            .option('--retry', 'fail: hand the item back for another attempt')
            .option('--reason <text>', 'fail: why')
            .option('--remote <name>', 'git remote (default: the configured remote backend, else origin)')
            .option('--json', 'machine-readable output')
            .description(`${what} (exit 1 when the claim is no longer this agent's)`)
            .action(async (queue, item, o, cmd) => {
            const c = await (0,claims.findClaimRemote)({ ...remoteOf(cmd, o.remote), queue, item, agent: o.agent, generation: o.generation === undefined ? undefined : (0,output/* parsePositiveInt */.EJ)(o.generation, '--generation') });
            const rec = verb === 'done' ? await (0,claims.completeItemRemote)(c) : verb === 'fail' ? await (0,claims.failItemRemote)(c, { retry: o.retry, reason: o.reason }) : await (0,claims.renewClaimRemote)(c);
            if (o.json)
                (0,output/* printJson */.Q2)({ ok: true, queue, item, state: rec.state, generation: rec.attempt });
        });
    }
    remote
        .command('reclaim')
        .argument('<queue>', 'queue name')
        .option('--max-attempts <n>', 'fail items claimed this many times', String(claims.DEFAULT_MAX_ATTEMPTS))
        .option('--remote <name>', 'git remote (default: the configured remote backend, else origin)')
        .option('--json', 'machine-readable output')
        .description('hand back items whose claim lease ran out (as counted on this machine)')
        .action(async (queue, o, cmd) => {
        const r = await (0,claims.reclaimRemote)({ ...remoteOf(cmd, o.remote), queue, maxAttempts: (0,output/* parsePositiveInt */.EJ)(o.maxAttempts, '--max-attempts') });
        if (o.json)
            (0,output/* printJson */.Q2)({ ok: true, ...r });
        else {
            for (const c of r.reclaimed)
                (0,output/* printLine */.wi)(`reclaimed ${c.item} (agent ${c.agent ?? '?'}, generation ${c.generation}): ${c.reason}`);
            for (const c of r.failed)
                (0,output/* printLine */.wi)(`failed ${c.item} after ${c.generation} attempts`);
            for (const c of r.waiting)
                (0,output/* printLine */.wi)(`${c.item}: claimed by ${c.agent ?? '?'} on ${c.host}, ${(c.expiresInMs / 1000).toFixed(1)} s to go as seen from here`);
        }
    });
    remote
        .command('claims')
        .argument('<queue>', 'queue name')
        .option('--remote <name>', 'git remote (default: the configured remote backend, else origin)')
        .option('--json', 'machine-readable output')
        .description('list the claims of a queue on the remote')
        .action(async (queue, o, cmd) => {
        const list = await (0,claims.listClaimsRemote)({ ...remoteOf(cmd, o.remote), queue });
        if (o.json)
            (0,output/* printJson */.Q2)(list);
        else if (list.length === 0)
            (0,output/* printLine */.wi)(`no claims in ${queue}`);
        else
            for (const c of list)
                (0,output/* printLine */.wi)(`${c.item}\t${c.state}\t${c.agent ?? '-'}\t${c.host ?? '-'}\tgeneration ${c.generation}${c.expired ? '\tEXPIRED' : ''}`);
    });
}
// --- `lockstep lock …` with --backend remote[:NAME] (called from commands/lock.ts) ---
function describeRemoteStatus(s) {
    if (s.state === 'free')
        return `${s.name}: free on ${s.remote} (token ${s.token})`;
    const h = s.holder;
    if (!h)
        return `${s.name}: ${s.state === 'stale' ? 'STALE' : 'held'} on ${s.remote}: ${s.staleReason ?? 'unreadable record'}`;
    const lines = [
        `${s.name}: ${s.state === 'stale' ? 'STALE' : 'held'} on ${s.remote} (token ${s.token})`,
        `  holder: pid ${h.pid} on ${h.host}${h.task ? `, task ${h.task}` : ''}${h.agent ? `, agent ${h.agent}` : ''}`,
        `  command: ${h.command}`,
        `  acquired: ${h.acquiredAt} (holder's clock), lease ${Math.round(h.leaseMs / 1000)} s`,
    ];
    if (s.state === 'stale')
        lines.push(`  stale: ${s.staleReason} — the next acquire takes it over; or: lockstep lock break ${s.name} --backend remote:${s.remote}`);
    else
        lines.push(`  expires: in ${((s.expiresInMs ?? 0) / 1000).toFixed(1)} s unless renewed, as counted from this machine's first sighting`);
    return lines.join('\n');
}
async function remoteLockStatusCommand(o) {
    const list = o.name ? [await (0,lock/* remoteLockStatus */.Gd)({ cwd: o.cwd, remote: o.remote, name: o.name })] : await (0,lock/* listRemoteLocks */.xg)({ cwd: o.cwd, remote: o.remote });
    if (o.json)
        (0,output/* printJson */.Q2)(o.name ? list[0] : list);
    else if (list.length === 0)
        (0,output/* printLine */.wi)(`no locks on ${o.remote}`);
    else
        for (const s of list)
            (0,output/* printLine */.wi)(describeRemoteStatus(s));
}
async function remoteLockAcquireCommand(o) {
    const h = await (0,lock/* acquireRemoteLock */.K1)(o);
    if (o.json)
        (0,output/* printJson */.Q2)({ ok: true, backend: 'remote', remote: h.remote, name: h.name, token: h.token, ownerPid: h.record.pid, waitedMs: h.waitedMs, tookOver: h.tookOver, leaseMs: h.record.leaseMs });
    else
        (0,output/* printLine */.wi)(String(h.token));
}
async function remoteLockReleaseCommand(o) {
    const r = await (0,lock/* releaseRemoteLockByToken */.Hq)(o);
    if (o.json)
        (0,output/* printJson */.Q2)({ ok: true, backend: 'remote', ...r });
}
async function remoteLockRenewCommand(o) {
    const r = await (0,lock/* renewRemoteLockByToken */.tT)(o);
    if (o.json)
        (0,output/* printJson */.Q2)({ ok: true, backend: 'remote', name: r.lock, token: r.token, leaseMs: r.leaseMs });
}
async function remoteLockBreakCommand(o) {
    const r = await (0,lock/* breakRemoteLock */.XV)(o);
    if (o.json)
        (0,output/* printJson */.Q2)({ ok: true, backend: 'remote', ...r });
    else if (r.broken)
        (0,output/* printLine */.wi)(`broke the ${r.name} lock on ${o.remote} (token ${r.token}${r.previous ? `, pid ${r.previous.pid} on ${r.previous.host}` : ''}): ${r.reason}`);
    else
        (0,output/* printLine */.wi)(`the ${r.name} lock is free on ${o.remote} (token ${r.token}): nothing to break`);
}


/***/ })

};
