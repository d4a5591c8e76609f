export const id = 676;
export const ids = [676];
export const modules = {

/***/ 676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerWorktree: () => (/* binding */ registerWorktree)
/* harmony export */ });
/* harmony import */ var _worktree_worktree_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7544);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5217);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6657);



function collect(v, prev) {
    return [...prev, v];
}
function registerWorktree(program) {
    const wt = program.command('worktree').description('agent worktrees: created, refreshed and removed as one sequence under the repository lock');
    wt.command('add')
        .argument('<agent>', 'agent id (its branch is lockstep/<agent>)')
        .option('--base <branch>', 'branch to start from and merge into (default: the current branch)')
        .option('--copy <path>', 'copy this file or directory from the checkout into the worktree (repeatable)', collect, [])
        .option('--owner-pid <pid>', '`worktree prune` removes the worktree once this process is gone')
        .option('--timeout <seconds>', 'wait for the repository lock at most this long (exit 3)', '600')
        .option('--json', 'machine-readable output')
        .description('create an agent worktree (locked with `git worktree lock`) and print its path')
        .action(async (agent, o, cmd) => {
        const { cwd } = (0,_context_js__WEBPACK_IMPORTED_MODULE_2__/* .globals */ .z)(cmd);
        const r = await (0,_worktree_worktree_js__WEBPACK_IMPORTED_MODULE_0__/* .addAgentWorktree */ .K6)({
            cwd,
            agent,
            base: o.base,
            copy: o.copy,
            ownerPid: o.ownerPid === undefined ? null : (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePositiveInt */ .EJ)(o.ownerPid, '--owner-pid'),
            timeoutMs: (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .parseSeconds */ .fL)(o.timeout, '--timeout'),
            onWait: (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .waitReporter */ .ZU)(Boolean(o.json)),
        });
        if (o.json)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printJson */ .Q2)({ ok: true, ...r });
        else
            (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printLine */ .wi)(r.path);
        if (r.hooks.warning)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printErr */ .lx)(`lockstep: warning: ${r.hooks.warning}`);
    });
    wt.command('remove')
        .argument('<agent>', 'agent id')
        .option('--force', 'remove it even with a live lease, uncommitted changes or unmerged commits (the branch is kept if unmerged)')
        .option('--timeout <seconds>', 'wait for the repository lock at most this long (exit 3)', '600')
        .option('--json', 'machine-readable output')
        .description('remove an agent worktree (refused, exit 1, while it has a live lease, uncommitted changes or unmerged commits)')
        .action(async (agent, o, cmd) => {
        const { cwd } = (0,_context_js__WEBPACK_IMPORTED_MODULE_2__/* .globals */ .z)(cmd);
        const r = await (0,_worktree_worktree_js__WEBPACK_IMPORTED_MODULE_0__/* .removeAgentWorktree */ .PU)({ cwd, agent, force: o.force, timeoutMs: (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .parseSeconds */ .fL)(o.timeout, '--timeout'), onWait: (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .waitReporter */ .ZU)(Boolean(o.json)) });
        if (o.json)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printJson */ .Q2)({ ok: true, ...r });
        else {
            (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printLine */ .wi)(`removed ${r.path}`);
            if (r.branchDeleted)
                (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printLine */ .wi)(`deleted branch ${r.branch} (fully merged)`);
            else if (r.unmergedCommits)
                (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printLine */ .wi)(`kept branch ${r.branch}: ${r.unmergedCommits} commit(s) not merged`);
            if (r.discarded.length)
                (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printLine */ .wi)(`threw away ${r.discarded.length} uncommitted change(s)`);
        }
    });
    wt.command('prune')
        .option('--force', 'also remove worktrees of dead agents that have uncommitted changes')
        .option('--dry-run', 'only say what would be removed')
        .option('--timeout <seconds>', 'wait for the repository lock at most this long (exit 3)', '600')
        .option('--json', 'machine-readable output')
        .description('clean up after dead agents: their worktrees (unmerged branches are kept), half-built worktrees, old agent records')
        .action(async (o, cmd) => {
        const { cwd } = (0,_context_js__WEBPACK_IMPORTED_MODULE_2__/* .globals */ .z)(cmd);
        const r = await (0,_worktree_worktree_js__WEBPACK_IMPORTED_MODULE_0__/* .pruneWorktrees */ .fW)({ cwd, force: o.force, dryRun: o.dryRun, timeoutMs: (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .parseSeconds */ .fL)(o.timeout, '--timeout'), onWait: (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .waitReporter */ .ZU)(Boolean(o.json)) });
        if (o.json) {
            (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printJson */ .Q2)({ ok: true, ...r });
            return;
        }
        const verb = r.dryRun ? 'would remove' : 'removed';
        for (const x of r.removed)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printLine */ .wi)(`${verb} ${x.agent}: ${x.path}${x.unmergedCommits ? ` (branch ${x.branch} kept: ${x.unmergedCommits} unmerged commit(s))` : ''}`);
        for (const p of r.halfBuilt)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printLine */ .wi)(`${verb} half-built worktree ${p}`);
        for (const a of r.agentRecords)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printLine */ .wi)(`${verb} agent record ${a}`);
        for (const k of r.kept)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printLine */ .wi)(`kept ${k.agent}: ${k.reason}`);
        if (!r.removed.length && !r.halfBuilt.length && !r.agentRecords.length && !r.kept.length)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printLine */ .wi)('nothing to prune');
    });
    wt.command('list')
        .option('--json', 'machine-readable output')
        .description('list agent worktrees')
        .action(async (o, cmd) => {
        const { cwd } = (0,_context_js__WEBPACK_IMPORTED_MODULE_2__/* .globals */ .z)(cmd);
        const list = await (0,_worktree_worktree_js__WEBPACK_IMPORTED_MODULE_0__/* .listAgentWorktrees */ .oB)({ cwd });
        if (o.json) {
            (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printJson */ .Q2)(list);
            return;
        }
        if (list.length === 0)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printLine */ .wi)('no agent worktrees');
        for (const w of list) {
            (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printLine */ .wi)(`${w.agent}: ${w.path} (${w.branch} → ${w.base})${w.exists ? '' : ' MISSING'}${w.locked === null ? ' unlocked' : ''}`);
            (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .printLine */ .wi)(`  ${w.active ? `active: ${w.activity.join('; ')}` : 'idle'}`);
        }
    });
}


/***/ })

};
