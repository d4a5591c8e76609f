export const id = 471;
export const ids = [471];
export const modules = {

/***/ 6471:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerLint: () => (/* binding */ registerLint)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/lint/shell-text.ts
/**
 * Just enough shell lexing for the linter: turns physical lines into logical
 * lines of code with their real line numbers — comments removed (quote-aware),
 * backslash continuations and multi-line quotes joined, heredoc bodies
 * skipped (they are data, not commands) — and reads
 * `# lockstep-lint: ignore[rule,…]` markers.
 */
const IGNORE = /lockstep-lint:\s*ignore(?:\[([a-z0-9,\s-]+)\])?/;
function parseSuppress(comment) {
    const m = IGNORE.exec(comment);
    if (!m)
        return null;
    if (!m[1])
        return 'all';
    return new Set(m[1].split(',').map((s) => s.trim()).filter(Boolean));
}
function mergeSuppress(a, b) {
    if (a === 'all' || b === 'all')
        return 'all';
    if (!a)
        return b;
    if (!b)
        return a;
    return new Set([...a, ...b]);
}
/** Scans one piece of text starting in quote state `open`. */
function scan(text, open) {
    let code = '';
    let quote = open;
    const heredocs = [];
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quote === "'") {
            code += c;
            if (c === "'")
                quote = null;
            continue;
        }
        if (c === '\\') {
            if (i === text.length - 1)
                return { code, comment: '', open: quote, continued: quote === null, heredocs };
            code += c + text[i + 1];
            i++;
            continue;
        }
        if (quote === '"') {
            code += c;
            if (c === '"')
                quote = null;
            continue;
        }
        if (c === "'" || c === '"') {
            quote = c;
            code += c;
            continue;
        }
        if (c === '#') {
            const prev = i === 0 ? ' ' : text[i - 1];
            if (/[\s;&|()]/.test(prev))
                return { code, comment: text.slice(i), open: null, continued: false, heredocs };
        }
        if (c === '<' && text[i + 1] === '<' && text[i + 2] !== '<' && (i === 0 || text[i - 1] !== '<')) {
            const m = /^<<(-?)\s*(?:'([^']*)'|"([^"]*)"|\\?([A-Za-z0-9_.-]+))/.exec(text.slice(i));
            if (m)
                heredocs.push({ delim: m[2] ?? m[3] ?? m[4], strip: m[1] === '-' });
        }
        code += c;
    }
    return { code, comment: '', open: quote, continued: false, heredocs };
}
function toCodeLines(lines) {
    const out = [];
    let pendingSuppress = null;
    let i = 0;
    while (i < lines.length) {
        const first = lines[i];
        let s = scan(first.text, null);
        let code = s.code;
        let suppress = parseSuppress(s.comment);
        const heredocs = [...s.heredocs];
        i++;
        while ((s.open || s.continued) && i < lines.length) {
            const next = lines[i];
            const joinWith = s.open ? '\n' : ' ';
            s = scan(next.text, s.open);
            code += joinWith + s.code;
            suppress = mergeSuppress(suppress, parseSuppress(s.comment));
            heredocs.push(...s.heredocs);
            i++;
        }
        // Heredoc bodies follow the line that opened them; they are data.
        for (const h of heredocs) {
            while (i < lines.length) {
                const t = lines[i].text;
                i++;
                if ((h.strip ? t.replace(/^\t+/, '') : t) === h.delim)
                    break;
            }
        }
        if (code.trim() === '') {
            // A comment-only line's marker applies to the next line of code.
            if (suppress)
                pendingSuppress = mergeSuppress(pendingSuppress, suppress);
            continue;
        }
        out.push({ line: first.line, code, masked: maskLiterals(code), suppress: mergeSuppress(suppress, pendingSuppress) });
        pendingSuppress = null;
    }
    return out;
}
/**
 * Splits a command line into words from `start` up to the first unquoted
 * command separator (`;`, `&`, `|`, `)`, newline). Quotes are removed;
 * `$(…)` and backtick substitutions stay inside their word.
 */
function wordsFrom(code, start) {
    const words = [];
    let w = '';
    let inWord = false;
    let i = start;
    const push = () => {
        if (inWord)
            words.push(w);
        w = '';
        inWord = false;
    };
    for (; i < code.length; i++) {
        const c = code[i];
        if (c === ' ' || c === '\t') {
            push();
            continue;
        }
        if (c === ';' || c === '&' || c === '|' || c === ')' || c === '\n')
            break;
        inWord = true;
        if (c === "'") {
            const j = code.indexOf("'", i + 1);
            const end = j < 0 ? code.length : j;
            w += code.slice(i + 1, end);
            i = end;
        }
        else if (c === '"') {
            let j = i + 1;
            for (; j < code.length && code[j] !== '"'; j++) {
                if (code[j] === '\\')
                    j++;
                else if (code[j] === '$' && code[j + 1] === '(')
                    j = skipParens(code, j + 1);
            }
            w += code.slice(i + 1, Math.min(j, code.length));
            i = j;
        }
        else if (c === '\\') {
            w += code[i + 1] ?? '';
            i++;
        }
        else if (c === '$' && code[i + 1] === '(') {
            const j = skipParens(code, i + 1);
            w += code.slice(i, j + 1);
            i = j;
        }
        else if (c === '`') {
            const j = code.indexOf('`', i + 1);
            const end = j < 0 ? code.length - 1 : j;
            w += code.slice(i, end + 1);
            i = end;
        }
        else
            w += c;
    }
    push();
    return { words, end: i };
}
/** Index of the `)` that closes the `(` at `open` (quote-aware, nested). */
function skipParens(code, open) {
    let depth = 0;
    for (let i = open; i < code.length; i++) {
        const c = code[i];
        if (c === '\\') {
            i++;
        }
        else if (c === "'") {
            const j = code.indexOf("'", i + 1);
            i = j < 0 ? code.length : j;
        }
        else if (c === '(')
            depth++;
        else if (c === ')') {
            depth--;
            if (depth === 0)
                return i;
        }
    }
    return code.length;
}
/**
 * Positions where `name` stands as a command word: at the start, or after a
 * separator, `$(`, a backtick, `!`, `{`, or a keyword such as `then`/`do`.
 */
function commandPositions(code, name) {
    const out = [];
    const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(^|[;&|({\`!\\n]|\\$\\(|\\b(?:then|do|else|time|exec|command|sudo|env|xargs)\\s)\\s*(?:[A-Za-z_][A-Za-z0-9_]*=\\S*\\s+)*${esc}(?=[\\s;&|)]|$)`, 'g');
    for (let m = re.exec(code); m; m = re.exec(code)) {
        out.push(m.index + m[0].length);
        if (m[0].length === 0)
            re.lastIndex++;
    }
    return out;
}
/**
 * Blanks the literal text inside quotes (keeping the quote characters and
 * any `$(…)`/backtick substitution inside double quotes, which is code), so
 * `echo "then git add -A"` is not mistaken for a command. Same length as
 * `code`, so positions carry over.
 */
function maskLiterals(code) {
    const out = code.split('');
    let i = 0;
    const blank = (from, to) => {
        for (let k = from; k < to && k < out.length; k++)
            if (out[k] !== '\n')
                out[k] = ' ';
    };
    while (i < code.length) {
        const c = code[i];
        if (c === '\\') {
            i += 2;
        }
        else if (c === "'") {
            const j = code.indexOf("'", i + 1);
            const end = j < 0 ? code.length : j;
            blank(i + 1, end);
            i = end + 1;
        }
        else if (c === '"') {
            let j = i + 1;
            while (j < code.length && code[j] !== '"') {
                if (code[j] === '\\') {
                    blank(j, j + 2);
                    j += 2;
                }
                else if (code[j] === '$' && code[j + 1] === '(') {
                    j = skipParens(code, j + 1) + 1;
                }
                else if (code[j] === '`') {
                    const k = code.indexOf('`', j + 1);
                    j = (k < 0 ? code.length : k) + 1;
                }
                else {
                    blank(j, j + 1);
                    j++;
                }
            }
            i = j + 1;
        }
        else
            i++;
    }
    return out.join('');
}

;// CONCATENATED MODULE: ./src/lint/rules/git-add-all.ts

/** Global options of git that take a separate value. */
const VALUED_GLOBALS = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env']);
/** Short options of `git commit` that take a value (the rest of a cluster is that value). */
const COMMIT_VALUED = new Set(['m', 'F', 'c', 'C', 't', 'u', 'S']);
const BROAD_PATHSPECS = new Set(['.', './', ':/', ':/:', '*', ':(top)']);
function subcommand(words) {
    for (let i = 0; i < words.length; i++) {
        const w = words[i];
        if (VALUED_GLOBALS.has(w))
            i++;
        else if (!w.startsWith('-'))
            return { sub: w, args: words.slice(i + 1) };
    }
    return null;
}
function broadAdd(args) {
    const paths = [];
    let all = null;
    let afterDashes = false;
    for (const a of args) {
        if (!afterDashes && a === '--')
            afterDashes = true;
        else if (!afterDashes && a.startsWith('-')) {
            if (a === '--all' || a === '--no-ignore-removal' || a === '--update' || (/^-[A-Za-z]+$/.test(a) && /[Au]/.test(a)))
                all = a;
        }
        else
            paths.push(a);
    }
    const broad = paths.find((p) => BROAD_PATHSPECS.has(p));
    if (broad)
        return `git add ${broad}`;
    if (all && paths.length === 0)
        return `git add ${all}`;
    return null;
}
function broadCommit(args) {
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '--')
            return null;
        if (a === '--all')
            return 'git commit --all';
        if (/^-[A-Za-z]+$/.test(a)) {
            for (const ch of a.slice(1)) {
                if (ch === 'a')
                    return `git commit ${a}`;
                if (COMMIT_VALUED.has(ch))
                    break;
            }
            if (a.length === 2 && COMMIT_VALUED.has(a[1]) && a !== '-u' && a !== '-S')
                i++; // skip the option's value word
        }
    }
    return null;
}
const gitAddAll = {
    id: 'git-add-all',
    summary: 'stages everything in the worktree, including files other tasks are editing',
    fix: 'stage and commit exactly your own paths: lockstep commit --task ID -m MSG -- PATH…',
    check(lines) {
        const hits = [];
        for (const l of lines) {
            for (const pos of commandPositions(l.masked, 'git')) {
                const s = subcommand(wordsFrom(l.code, pos).words);
                if (!s)
                    continue;
                const what = s.sub === 'add' ? broadAdd(s.args) : s.sub === 'commit' ? broadCommit(s.args) : null;
                if (!what)
                    continue;
                hits.push({
                    line: l.line,
                    message: s.sub === 'add' ? `\`${what}\` stages every change in the worktree, other tasks' files included` : `\`${what}\` commits every modified tracked file, other tasks' edits included`,
                });
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/newest-file-discovery.ts

const TAKE_ONE = /^\|\s*(?:(?:sort|grep|xargs|sed|awk|cut)\b[^|]*\|\s*)*(head|tail)\s+(?:-1\b|-n\s*\+?1\b|--lines[= ]1\b)/;
const BY_TIME = /(?:-printf\s+\S*%[TAC][@+]|\bstat\b[^|]*%[YZXW])[^|]*\|\s*sort\b[^|]*\|\s*(?:head|tail)\s+(?:-1\b|-n\s*1\b)/;
const HELPER = /(?:^|[\s;&|(`{]|\$\()([A-Za-z_][A-Za-z0-9_]*(?:latest|newest|most_recent)[A-Za-z0-9_]*)(?![A-Za-z0-9_=])/gi;
const newestFileDiscovery = {
    id: 'newest-file-discovery',
    summary: 'picking the newest file finds whichever concurrent instance wrote last, not this one',
    fix: "lockstep state discover PREFIX --owner KEY finds this instance's own state",
    check(lines) {
        const hits = [];
        for (const l of lines) {
            let found = null;
            for (const pos of commandPositions(l.masked, 'ls')) {
                const { words, end } = wordsFrom(l.code, pos);
                const byTime = words.some((w) => /^-[A-Za-z1]*t[A-Za-z1]*$/.test(w) || w === '--sort=time');
                if (byTime && TAKE_ONE.test(l.masked.slice(end)))
                    found = `\`ls ${words.filter((w) => w.startsWith('-')).join(' ')} … | ${TAKE_ONE.exec(l.masked.slice(end))[1]}\``;
            }
            if (!found && BY_TIME.test(l.code))
                found = 'sorting files by time and taking one';
            if (!found) {
                HELPER.lastIndex = 0;
                for (let m = HELPER.exec(l.masked); m; m = HELPER.exec(l.masked)) {
                    if (/state|file|id|dir/i.test(m[1])) {
                        found = `\`${m[1]}\``;
                        break;
                    }
                }
            }
            if (found)
                hits.push({ line: l.line, message: `${found} picks the newest file: a concurrent instance's newer file wins` });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/second-precision-id.ts

const ID_NAME = /(^|_)id$|[a-z]Id$/i;
const NAME_CHAR = /[A-Za-z0-9_.-]/;
/** The `$(`/backtick substitution that contains position `at`, as [start, end]. */
function enclosingSubstitution(code, at) {
    const before = code.slice(0, at).replace(/\s+$/, '');
    if (before.endsWith('$(')) {
        const open = before.length - 1;
        return [open - 1, skipParens(code, open)];
    }
    if (before.endsWith('`')) {
        const start = before.length - 1;
        const end = code.indexOf('`', at);
        return [start, end < 0 ? code.length - 1 : end];
    }
    return null;
}
const secondPrecisionId = {
    id: 'second-precision-id',
    summary: 'an id built from a one-second clock collides when two instances start in the same second',
    fix: 'use lockstep state init PREFIX (nanoseconds + pid + random), or at least $(date +%s%N)_$$',
    check(lines) {
        const hits = [];
        for (const l of lines) {
            for (const pos of commandPositions(l.masked, 'date')) {
                const { words } = wordsFrom(l.code, pos);
                const format = words.find((w) => w.startsWith('+'));
                if (!format || !/%[sSTr]/.test(format) || /%\d*N/.test(format))
                    continue;
                const sub = enclosingSubstitution(l.code, pos - 'date'.length);
                if (!sub)
                    continue;
                const [start, end] = sub;
                const prev = l.code[start - 1] ?? '';
                const next = l.code[end + 1] ?? '';
                const assigned = /(?:^|[\s;&|])(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)*)?([A-Za-z_][A-Za-z0-9_]*)=["']?$/.exec(l.code.slice(0, start));
                const glued = (NAME_CHAR.test(prev) && prev !== '') || (NAME_CHAR.test(next) && next !== '');
                const idVar = assigned && ID_NAME.test(assigned[1]) ? assigned[1] : null;
                if (!glued && !idVar)
                    continue;
                hits.push({
                    line: l.line,
                    message: `\`date ${format}\` has one-second resolution${idVar ? ` but makes the id \`${idVar}\`` : ' but makes part of a name'}: instances started in the same second collide`,
                });
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/singleton-state-file.ts

const DIRLIKE = /(DIR|ROOT|HOME|PWD|TMP|TEMP|BASE|PROJECT|REPO|WORKSPACE|CACHE|CONFIG|FOLDER|LOCATION)$/i;
const READERS = ['cat', 'head', 'tail', 'source', '.', 'jq', 'cut', 'sed', 'awk', 'grep', 'readarray', 'mapfile'];
const VAR_ONLY = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/;
const PER_INSTANCE = /\$\$|\$\(|`|%\d*N|mktemp|\$\{?(?:RANDOM|BASHPID|PPID|SRANDOM)\b|\$\{?[0-9@*#?!]/;
/**
 * A path nothing in which differs between instances: no per-instance
 * expansion, and only directory-like variables that are not themselves
 * per-instance in this file (`tmp_dir=$(mktemp -d)` makes `$tmp_dir/x` fine).
 */
function isFixedPath(value, perInstance = new Set()) {
    if (!value.includes('/') && !/\.(txt|id|state|json|sh|env|pid|tmp|dat)$/.test(value))
        return false;
    if (value.startsWith('/dev/') || value.startsWith('/proc/'))
        return false;
    if (PER_INSTANCE.test(value))
        return false;
    for (const m of value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g))
        if (!DIRLIKE.test(m[1]) || perInstance.has(m[1]))
            return false;
    return true;
}
function targetKey(word, fixedVars, perInstance) {
    if (!word)
        return null;
    const v = VAR_ONLY.exec(word);
    if (v)
        return fixedVars.has(v[1]) ? { key: `$${v[1]}`, label: `$${v[1]}` } : null;
    return isFixedPath(word, perInstance) ? { key: word, label: word } : null;
}
const ASSIGN = /(?:^|[\s;&|])(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)*)?([A-Za-z_][A-Za-z0-9_]*)=/g;
function assignments(lines) {
    const out = [];
    for (const l of lines) {
        for (const m of l.masked.matchAll(ASSIGN))
            out.push({ name: m[1], value: wordsFrom(l.code, m.index + m[0].length).words[0] ?? '' });
    }
    return out;
}
/** Variables that hold something per-instance somewhere in the file (directly or through another such variable). */
function perInstanceVariables(assigned) {
    const vars = new Set();
    for (let changed = true; changed;) {
        changed = false;
        for (const a of assigned) {
            if (vars.has(a.name))
                continue;
            const refs = [...a.value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
            if (PER_INSTANCE.test(a.value) || refs.some((r) => vars.has(r))) {
                vars.add(a.name);
                changed = true;
            }
        }
    }
    return vars;
}
function fixedVariables(assigned, perInstance) {
    const vars = new Map();
    for (const a of assigned)
        if (!perInstance.has(a.name) && isFixedPath(a.value, perInstance))
            vars.set(a.name, a.value);
    return vars;
}
function lineList(lines) {
    const at = [...new Set(lines)].sort((a, b) => a - b);
    return `line${at.length > 1 ? 's' : ''} ${at.slice(0, 5).join(', ')}${at.length > 5 ? ', …' : ''}`;
}
const singletonStateFile = {
    id: 'singleton-state-file',
    summary: 'one step writes an id to a fixed path and a later step reads it back; concurrent instances overwrite each other',
    fix: 'lockstep state init PREFIX --owner KEY in the first step, lockstep state discover PREFIX --owner KEY in later ones',
    check(lines) {
        const assigned = assignments(lines);
        const perInstance = perInstanceVariables(assigned);
        const fixedVars = fixedVariables(assigned, perInstance);
        const writes = [];
        const reads = [];
        const key = (w) => targetKey(w, fixedVars, perInstance);
        for (const l of lines) {
            const code = l.code;
            for (const m of l.masked.matchAll(/(^|[^<>&0-9])(?:&)?>>?\|?\s*/g)) {
                const t = key(wordsFrom(code, m.index + m[0].length).words[0]);
                if (t)
                    writes.push({ ...t, line: l.line });
            }
            for (const pos of commandPositions(l.masked, 'tee')) {
                const t = key(wordsFrom(code, pos).words.find((w) => !w.startsWith('-')));
                if (t)
                    writes.push({ ...t, line: l.line });
            }
            for (const m of l.masked.matchAll(/(^|[^<0-9])<\s*(?![<(])/g)) {
                const t = key(wordsFrom(code, m.index + m[0].length).words[0]);
                if (t)
                    reads.push({ ...t, line: l.line });
            }
            for (const cmd of READERS) {
                for (const pos of commandPositions(l.masked, cmd)) {
                    const words = wordsFrom(code, pos).words;
                    for (let i = 0; i < words.length; i++) {
                        const w = words[i];
                        if (/^\d*(?:[<>]{1,2}|&>>?)&?$/.test(w))
                            i++; // a redirection and its target are not arguments
                        else if (!w.startsWith('-') && !/^\d*[<>&]/.test(w)) {
                            const t = key(w);
                            if (t)
                                reads.push({ ...t, line: l.line });
                        }
                    }
                }
            }
        }
        // One finding per fixed path, at its first write.
        const hits = [];
        const keys = [...new Set(writes.map((w) => w.key))];
        for (const k of keys) {
            const ws = writes.filter((w) => w.key === k);
            const writeLines = new Set(ws.map((w) => w.line));
            const back = reads.filter((r) => r.key === k && !writeLines.has(r.line));
            if (back.length === 0)
                continue;
            const first = ws[0];
            const what = k.startsWith('$') ? `${first.label} (= ${fixedVars.get(k.slice(1))})` : first.label;
            const also = writeLines.size > 1 ? ` (also written at ${lineList([...writeLines].filter((n) => n !== first.line))})` : '';
            hits.push({ line: first.line, message: `${what} is one fixed path for every instance: written here${also}, read back at ${lineList(back.map((r) => r.line))}; a concurrent instance overwrites it in between` });
        }
        return hits.sort((a, b) => a.line - b.line);
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/source-state-file.ts

const STATEISH = /state|workflow/i;
const LIBRARY = /(^|\/)lib\//;
const sourceStateFile = {
    id: 'source-state-file',
    summary: 'sourcing a state file executes whatever its values hold',
    fix: 'eval "$(lockstep state env ID)" — values come back as quoted exports and never run',
    check(lines) {
        const hits = [];
        for (const l of lines) {
            for (const cmd of ['source', '.']) {
                for (const pos of commandPositions(l.masked, cmd)) {
                    const arg = wordsFrom(l.code, pos).words[0];
                    if (!arg || arg.startsWith('<(') || !STATEISH.test(arg) || LIBRARY.test(arg))
                        continue;
                    hits.push({ line: l.line, message: `\`${cmd} ${arg}\` runs a state file as shell code: a value holding $(…) or a backtick executes` });
                }
            }
            for (const pos of commandPositions(l.masked, 'eval')) {
                const text = wordsFrom(l.code, pos).words.join(' ');
                if (/\$\(\s*(?:cat\s|<)/.test(text) && STATEISH.test(text)) {
                    hits.push({ line: l.line, message: `\`eval ${text}\` runs a state file's content as shell code` });
                }
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/lint/rules/index.ts





const RULES = [singletonStateFile, secondPrecisionId, sourceStateFile, gitAddAll, newestFileDiscovery];

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/lint/sources.ts
/**
 * What the linter reads: shell scripts whole, and the bash/sh code blocks of
 * markdown files (agent command files), each line keeping its real line
 * number in the file.
 */



const SHELL_EXT = new Set(['.sh', '.bash', '.zsh', '.ksh']);
const MARKDOWN_EXT = new Set(['.md', '.markdown', '.mdx']);
const SHELL_FENCE = new Set(['bash', 'sh', 'shell', 'zsh', 'ksh', 'dash']);
const SKIP_DIRS = new Set(['node_modules', '.git']);
function hasShellShebang(path) {
    let fd = null;
    try {
        fd = (0,external_node_fs_.openSync)(path, 'r');
        const buf = Buffer.alloc(128);
        const n = (0,external_node_fs_.readSync)(fd, buf, 0, 128, 0);
        const first = buf.subarray(0, n).toString('utf8').split('\n')[0] ?? '';
        return /^#!.*\b(ba|z|k|da)?sh\b/.test(first);
    }
    catch {
        return false;
    }
    finally {
        if (fd !== null)
            (0,external_node_fs_.closeSync)(fd);
    }
}
/** How a file found while walking a directory is read, or null to skip it. */
function kindInWalk(path, name) {
    const ext = (0,external_node_path_.extname)(name).toLowerCase();
    if (SHELL_EXT.has(ext))
        return 'shell';
    if (MARKDOWN_EXT.has(ext))
        return 'markdown';
    if (ext === '' && hasShellShebang(path))
        return 'shell';
    return null;
}
/** Files to lint under `paths`: named files are always read; directories are walked (node_modules and .git skipped, symlinks not followed). */
function collectSources(paths) {
    const out = [];
    const walk = (dir) => {
        let names;
        try {
            names = (0,external_node_fs_.readdirSync)(dir).sort();
        }
        catch (e) {
            throw (0,errors/* fsError */.yi)(e, 'read directory', dir);
        }
        for (const name of names) {
            const p = (0,external_node_path_.join)(dir, name);
            let st;
            try {
                st = (0,external_node_fs_.lstatSync)(p);
            }
            catch {
                continue;
            }
            if (st.isDirectory()) {
                if (!SKIP_DIRS.has(name))
                    walk(p);
            }
            else if (st.isFile()) {
                const kind = kindInWalk(p, name);
                if (kind)
                    out.push({ path: p, kind });
            }
        }
    };
    for (const p of paths) {
        let st;
        try {
            st = (0,external_node_fs_.statSync)(p);
        }
        catch (e) {
            if (e.code === 'ENOENT')
                throw new errors/* LockstepError */.Cj('NOT_FOUND', `${p} does not exist`, { hint: 'lockstep lint [PATHS…] takes files and directories' });
            throw (0,errors/* fsError */.yi)(e, 'read', p);
        }
        if (st.isDirectory())
            walk(p);
        else
            out.push({ path: p, kind: MARKDOWN_EXT.has((0,external_node_path_.extname)(p).toLowerCase()) ? 'markdown' : 'shell' });
    }
    return out;
}
/** The shell lines of a markdown file: the bodies of its bash/sh fenced blocks, as separate blocks. */
function markdownShellBlocks(text) {
    const lines = text.split(/\r?\n/);
    const blocks = [];
    let fence = null;
    let cur = [];
    for (let i = 0; i < lines.length; i++) {
        const t = lines[i];
        if (!fence) {
            const m = /^( {0,3})(`{3,}|~{3,})\s*([^\s`{]*)?/.exec(t);
            if (m) {
                const info = (m[3] ?? '').toLowerCase().replace(/^\{?\.?/, '');
                fence = { char: m[2][0], len: m[2].length, shell: SHELL_FENCE.has(info), indent: m[1].length };
                cur = [];
            }
            continue;
        }
        const close = new RegExp(`^ {0,3}${fence.char === '`' ? '`' : '~'}{${fence.len},}\\s*$`);
        if (close.test(t)) {
            if (fence.shell)
                blocks.push(cur);
            fence = null;
            continue;
        }
        if (fence.shell)
            cur.push({ line: i + 1, text: fence.indent ? t.replace(new RegExp(`^ {0,${fence.indent}}`), '') : t });
    }
    if (fence?.shell)
        blocks.push(cur); // an unclosed block runs to the end of the file
    return blocks;
}
function readSource(file) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file.path, 'utf8');
    }
    catch (e) {
        throw (0,errors/* fsError */.yi)(e, 'read', file.path);
    }
    if (file.kind === 'markdown')
        return markdownShellBlocks(text);
    return [text.split(/\r?\n/).map((t, i) => ({ line: i + 1, text: t }))];
}

;// CONCATENATED MODULE: ./src/lint/lint.ts
/**
 * `lockstep lint`: finds the known concurrency anti-patterns in agent command
 * files (markdown with bash blocks) and shell scripts. Heuristic by nature —
 * it reads shell text, it does not run it — so every finding names its rule,
 * and a line can opt out with `# lockstep-lint: ignore[rule-id]` (on the line
 * or the line above).
 */




function suppressed(l, rule) {
    if (!l?.suppress)
        return false;
    return l.suppress === 'all' || l.suppress.has(rule);
}
function display(path, cwd) {
    const rel = (0,external_node_path_.relative)(cwd, path);
    return rel && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel) ? rel : path;
}
/** Lints the shell code of one file's blocks (exported for tests on strings). */
function lintText(blocks, rules = RULES) {
    // Each block is lexed on its own (a heredoc or quote never spans blocks); the
    // rules then see all blocks of the file together (a state file written in
    // block 1 is read back in block 3).
    const lines = blocks.flatMap((b) => toCodeLines(b));
    const byLine = new Map(lines.map((l) => [l.line, l]));
    const out = [];
    for (const rule of rules) {
        for (const hit of rule.check(lines)) {
            if (suppressed(byLine.get(hit.line), rule.id))
                continue;
            out.push({ line: hit.line, rule: rule.id, message: hit.message, fix: rule.fix });
        }
    }
    return out.sort((a, b) => a.line - b.line || RULES.findIndex((r) => r.id === a.rule) - RULES.findIndex((r) => r.id === b.rule));
}
function lintPaths(opts = {}) {
    const cwd = opts.cwd ?? process.cwd();
    const paths = (opts.paths?.length ? opts.paths : ['.']).map((p) => (0,external_node_path_.resolve)(cwd, p));
    const rules = opts.rules ? RULES.filter((r) => opts.rules.includes(r.id)) : RULES;
    const files = collectSources(paths);
    const findings = [];
    for (const f of files) {
        const shown = display(f.path, cwd);
        for (const h of lintText(readSource(f), rules))
            findings.push({ file: shown, ...h });
    }
    return { ok: findings.length === 0, filesScanned: files.length, findings };
}
/** `file:line rule-id message — fix: …` */
function formatFinding(f) {
    return `${f.file}:${f.line} ${f.rule} ${f.message} — fix: ${f.fix}`;
}

// EXTERNAL MODULE: ./src/cli/context.ts
var context = __webpack_require__(5217);
// EXTERNAL MODULE: ./src/cli/output.ts
var output = __webpack_require__(6657);
;// CONCATENATED MODULE: ./src/cli/commands/lint.ts





function registerLint(program) {
    program
        .command('lint')
        .argument('[paths...]', 'shell scripts, markdown command files, or directories to walk (default: .)')
        .option('--rule <id>', 'only this rule (repeat for more)', (v, acc) => [...acc, v], [])
        .option('--list-rules', 'print the rules and exit')
        .option('--json', 'machine-readable output')
        .description('find concurrency anti-patterns in agent command files and shell scripts (exit 1 when any is found)')
        .action((paths, o, cmd) => {
        if (o.listRules) {
            if (o.json)
                (0,output/* printJson */.Q2)(RULES.map((r) => ({ id: r.id, summary: r.summary, fix: r.fix })));
            else
                for (const r of RULES)
                    (0,output/* printLine */.wi)(`${r.id}: ${r.summary}\n  fix: ${r.fix}`);
            return;
        }
        const known = new Set(RULES.map((r) => r.id));
        for (const r of o.rule ?? []) {
            if (!known.has(r))
                throw new errors/* LockstepError */.Cj('BAD_INPUT', `unknown rule ${JSON.stringify(r)}`, { hint: `rules: ${[...known].join(', ')} (lockstep lint --list-rules)` });
        }
        const { cwd } = (0,context/* globals */.z)(cmd);
        const r = lintPaths({ cwd, paths, rules: o.rule?.length ? o.rule : undefined });
        if (o.json)
            (0,output/* printJson */.Q2)(r);
        else {
            for (const f of r.findings)
                (0,output/* printLine */.wi)(formatFinding(f));
            (0,output/* printErr */.lx)(`lockstep lint: ${r.findings.length} ${r.findings.length === 1 ? 'finding' : 'findings'} in ${r.filesScanned} ${r.filesScanned === 1 ? 'file' : 'files'}`);
        }
        if (!r.ok)
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


/***/ })

};
