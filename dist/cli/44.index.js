export const id = 44;
export const ids = [44];
export const modules = {

/***/ 7115:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerSuite: () => (/* binding */ registerSuite)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/files.ts
var files = __webpack_require__(9928);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/suites/report.ts
/**
 * The suite report: one JSON schema for every `lockstep suite` command
 * (documented in docs/suites.md), from which the markdown and HTML views are
 * made.
 */


const REPORT_SCHEMA = 'lockstep.suite-report/1';
let gitVersion;
function hostInfo() {
    if (gitVersion === undefined) {
        const r = (0,external_node_child_process_.spawnSync)('git', ['--version'], { encoding: 'utf8' });
        gitVersion = r.status === 0 ? r.stdout.trim().replace(/^git version /, '') : null;
    }
    return { platform: (0,external_node_os_.platform)(), arch: (0,external_node_os_.arch)(), cpus: (0,external_node_os_.cpus)().length, node: process.version, git: gitVersion };
}
function opsPerSec(r) {
    const ops = Object.values(r.operations).reduce((n, o) => n + o.ok, 0);
    return r.workloadMs > 0 ? Math.round((ops / r.workloadMs) * 1000 * 10) / 10 : 0;
}
/** Side-by-side rows for every workload that ran both protected and as control. */
function compare(runs) {
    const rows = [];
    for (const p of runs.filter((r) => r.mode === 'protected')) {
        const c = runs.find((r) => r.mode === 'control' && r.suite === p.suite);
        if (!c)
            continue;
        const side = (r) => ({ violations: r.violations.total, byKind: r.violations.byKind, wallMs: r.wallMs, opsPerSec: opsPerSec(r) });
        rows.push({ suite: p.suite, workload: p.workload, protected: side(p), control: side(c) });
    }
    return rows;
}

;// CONCATENATED MODULE: ./src/suites/violations.ts
/** What the checkers report: violations of a suite's invariants, each with its evidence. */
const MAX_KEPT = 25;
function summarizeViolations(list) {
    const byKind = {};
    for (const v of list)
        byKind[v.kind] = (byKind[v.kind] ?? 0) + 1;
    return { total: list.length, byKind, samples: list.slice(0, MAX_KEPT) };
}
function violation(kind, message, evidence = {}) {
    return { kind, message, evidence };
}
/** "duplicate_number 12, gap 3" */
function describeByKind(byKind) {
    const parts = Object.entries(byKind)
        .filter(([, n]) => (n ?? 0) > 0)
        .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
        .map(([k, n]) => `${k} ${n}`);
    return parts.length ? parts.join(', ') : 'none';
}

;// CONCATENATED MODULE: ./src/suites/progress.ts
/**
 * Progress on stderr: on a terminal, a bar redrawn in place with rate and
 * ETA; elsewhere (CI logs), one plain line each time another 10 % is done.
 */
function formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return '?';
    const s = Math.round(ms / 1000);
    if (s < 60)
        return `${s}s`;
    const m = Math.floor(s / 60);
    if (m < 60)
        return `${m}m${String(s % 60).padStart(2, '0')}s`;
    const h = Math.floor(m / 60);
    return `${h}h${String(m % 60).padStart(2, '0')}m`;
}
function createProgress(o) {
    const now = o.now ?? Date.now;
    const tty = o.tty ?? Boolean(o.stream.isTTY);
    const unit = o.unit ?? 'ops';
    const started = now();
    let lastDraw = 0;
    let lastDecile = -1;
    let drawn = false;
    const describe = (done, total) => {
        const elapsed = now() - started;
        const frac = total > 0 ? Math.min(1, done / total) : 0;
        const eta = frac > 0 ? (elapsed / frac) * (1 - frac) : NaN;
        const rate = elapsed > 0 ? (done / elapsed) * 1000 : 0;
        const amount = unit === 'ops' ? `${done}/${total} ops · ${rate.toFixed(1)}/s` : `${formatDuration(done)} of ${formatDuration(total)}`;
        return { frac, text: `${amount} · ETA ${formatDuration(eta)}` };
    };
    return {
        update(done, total, note) {
            const { frac, text } = describe(done, total);
            const pct = Math.floor(frac * 100);
            if (tty) {
                const t = now();
                if (t - lastDraw < 100 && frac < 1)
                    return;
                lastDraw = t;
                const width = 24;
                const fill = Math.round(frac * width);
                const line = `${o.label} [${'#'.repeat(fill)}${'-'.repeat(width - fill)}] ${String(pct).padStart(3)}% ${text}${note ? ` · ${note}` : ''}`;
                // A terminal that reports no usable width (0 under some PTYs) gets 120 columns.
                const cols = o.stream.columns && o.stream.columns >= 40 ? o.stream.columns : 120;
                o.stream.write(`\r\x1b[2K${line.slice(0, cols - 1)}`);
                drawn = true;
                return;
            }
            const decile = Math.floor(frac * 10);
            if (decile <= lastDecile)
                return;
            lastDecile = decile;
            o.stream.write(`${o.label}: ${decile * 10}% (${text})${note ? ` · ${note}` : ''}\n`);
        },
        finish() {
            if (tty && drawn)
                o.stream.write('\n');
        },
    };
}

;// CONCATENATED MODULE: ./src/suites/markdown.ts
/** The report as markdown tables: for a GitHub job summary or a terminal. */



const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells) => `| ${cells.map(cell).join(' | ')} |`;
const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;
const kb = (n) => (n === null ? '—' : `${(n / 1024).toFixed(1)} MiB`);
function table(head, rows) {
    return [row(head), row(head.map(() => '---')), ...rows.map(row)];
}
function runLabel(r) {
    return `${r.suite} / ${r.mode}${r.backend === 'remote' ? ' (remote backend)' : ''}`;
}
function renderMarkdown(rep) {
    const out = [];
    out.push(`## lockstep suite ${rep.suite}: ${rep.ok ? 'passed' : '**FAILED**'}`, '');
    out.push(`seed ${rep.options.seed} · kill rate ${rep.options.killRate} · ${rep.host.cpus} CPUs · node ${rep.host.node} · git ${rep.host.git ?? '?'} · ${sec(rep.wallMs)}${rep.options.repo ? ` · clone of ${rep.options.repo}` : ' · scratch repository'}`, '');
    if (rep.comparison.length) {
        out.push('### Protected vs control', '');
        out.push(...table(['suite', 'workload', 'protected (lockstep)', 'control (no protection)'], rep.comparison.map((c) => [
            c.suite,
            c.workload,
            `${c.protected.violations} violations · ${sec(c.protected.wallMs)}`,
            `${c.control.violations} violations${c.control.violations ? ` (${describeByKind(c.control.byKind)})` : ''} · ${sec(c.control.wallMs)}`,
        ])), '');
    }
    if (rep.runs.length) {
        out.push('### Runs', '');
        out.push(...table(['run', 'expected', 'result', 'violations', 'ops', 'ops/s', 'p50 ms', 'p99 ms', 'kills', 'overhead'], rep.runs.map((r) => {
            const ops = Object.values(r.operations).reduce((n, o) => n + o.ok, 0);
            const main = r.operations[Object.keys(r.operations)[0] ?? ''];
            return [
                runLabel(r),
                r.expect === 'clean' ? '0 violations' : 'violations',
                r.ok ? 'ok' : '**not as expected**',
                r.violations.total ? `${r.violations.total} (${describeByKind(r.violations.byKind)})` : 0,
                ops,
                opsPerSec(r),
                main?.latencyMs.p50 ?? '—',
                main?.latencyMs.p99 ?? '—',
                r.kills.done,
                `${(r.overheadRatio * 100).toFixed(1)} %`,
            ];
        })), '');
        out.push('### Latency per operation (ms)', '');
        const lat = [];
        for (const r of rep.runs)
            for (const [op, s] of Object.entries(r.operations))
                lat.push([runLabel(r), op, s.ok, s.failed, s.latencyMs.p50, s.latencyMs.p90, s.latencyMs.p99, s.latencyMs.max]);
        out.push(...table(['run', 'operation', 'ok', 'failed', 'p50', 'p90', 'p99', 'max'], lat), '');
        const bad = rep.runs.filter((r) => r.violations.total > 0);
        if (bad.length) {
            out.push('### Violations found', '');
            for (const r of bad) {
                out.push(`- **${runLabel(r)}**: ${describeByKind(r.violations.byKind)}`);
                const firstOfKind = new Map();
                for (const v of r.violations.samples)
                    if (!firstOfKind.has(v.kind))
                        firstOfKind.set(v.kind, v.message);
                for (const [k, m] of firstOfKind)
                    out.push(`  - ${k}: ${m}`);
                if (r.keptAt)
                    out.push(`  - evidence kept at \`${r.keptAt}\``);
            }
            out.push('');
        }
        const killed = rep.runs.filter((r) => r.kills.done > 0);
        if (killed.length) {
            out.push('### Recovery after SIGKILL', '');
            out.push(...table(['run', 'kills', 'stale locks taken over (during run / at the end)', 'recovery', 'violations'], killed.map((r) => [runLabel(r), r.kills.done, `${r.kills.takeovers} / ${r.kills.locksRecovered}`, Object.entries(r.kills.recovery).map(([k, v]) => `${k} ${v}`).join(', ') || '—', r.violations.total])), '');
        }
    }
    if (rep.soak) {
        const s = rep.soak;
        out.push('### Soak', '');
        out.push(`${s.complete ? 'complete' : 'not complete (resume with the same --checkpoint)'} · ${formatDuration(s.elapsedMs)} of ${formatDuration(s.durationMs)} · ${s.rounds} rounds · ${s.totals.ops} operations · ${s.totals.kills} kills · ${s.totals.takeovers + s.totals.locksRecovered} stale locks taken over · ${s.totals.violations} violations`, '');
        out.push(...table(['segment', 'started', 'ended', 'time', 'rounds', 'ended by'], s.segments.map((g) => [g.index, g.startedAt, g.endedAt, formatDuration(g.elapsedMs), g.rounds, g.endedBy])), '');
        if (s.samples.length) {
            out.push(...table(['minute', 'ops/s', 'p50 ms', 'p99 ms', 'kills', 'violations', 'suite RSS', 'suite fds', 'worker RSS max', 'worker fds max'], s.samples.map((m) => [m.minute, m.opsPerSec, m.latencyP50Ms, m.latencyP99Ms, m.kills, m.violations, kb(m.suiteRssKb), m.suiteFds ?? '—', kb(m.workerRssKbMax), m.workerFdsMax ?? '—'])), '');
        }
        const g = s.growth;
        out.push(...table(['resource', 'first', 'last', 'max', 'growing'], [
            ['suite RSS', kb(g.suiteRssKb.first), kb(g.suiteRssKb.last), kb(g.suiteRssKb.max), g.suiteRssKb.growing ? '**yes**' : 'no'],
            ['suite open files', g.suiteFds.first ?? '—', g.suiteFds.last ?? '—', g.suiteFds.max ?? '—', g.suiteFds.growing ? '**yes**' : 'no'],
            ['worker RSS (max)', kb(g.workerRssKb.first), kb(g.workerRssKb.last), kb(g.workerRssKb.max), g.workerRssKb.growing ? '**yes**' : 'no'],
            ['worker open files (max)', g.workerFds.first ?? '—', g.workerFds.last ?? '—', g.workerFds.max ?? '—', g.workerFds.growing ? '**yes**' : 'no'],
        ]), '');
        if (s.firstViolation) {
            const f = s.firstViolation;
            out.push(`**First violation** (round ${f.round}, ${f.suite}): ${f.violation.kind}: ${f.violation.message}`, '', '```json', JSON.stringify(f.violation.evidence, null, 2), '```', '');
        }
    }
    return out.join('\n');
}

;// CONCATENATED MODULE: ./src/suites/html.ts
/**
 * The report as one self-contained HTML page: no network, no external
 * files. The report's JSON is embedded; a small inline script draws the
 * charts as SVG (latency histogram per operation, throughput over time,
 * violations by kind, control vs protected, soak samples). Every bar and
 * point carries its number in a data-value attribute and a text label, so a
 * headless browser's DOM dump can be checked against the report. The tables
 * are plain HTML and readable without the script.
 */

function esc(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
/** JSON that is safe inside a <script> element. */
function scriptJson(v) {
    return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
/** Markdown tables → HTML tables (only the subset renderMarkdown writes). */
function tablesHtml(md) {
    const out = [];
    const lines = md.split('\n');
    for (let k = 0; k < lines.length; k++) {
        const line = lines[k];
        if (line.startsWith('|')) {
            const rows = [];
            while (k < lines.length && lines[k].startsWith('|')) {
                const cells = lines[k].slice(2, -2).split(/ (?<!\\)\| /).map((c) => c.replace(/\\\|/g, '|'));
                if (!cells.every((c) => c === '---'))
                    rows.push(cells);
                k++;
            }
            k--;
            const [head, ...body] = rows;
            out.push(`<table><thead><tr>${(head ?? []).map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead><tbody>${body.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
        }
        else if (line.startsWith('### '))
            out.push(`<h3>${inline(line.slice(4))}</h3>`);
        else if (line.startsWith('## '))
            out.push(`<h2>${inline(line.slice(3))}</h2>`);
        else if (line.startsWith('  - '))
            out.push(`<li class="sub">${inline(line.slice(4))}</li>`);
        else if (line.startsWith('- '))
            out.push(`<li>${inline(line.slice(2))}</li>`);
        else if (line.startsWith('```')) {
            const body = [];
            for (k++; k < lines.length && !lines[k].startsWith('```'); k++)
                body.push(lines[k]);
            out.push(`<pre>${esc(body.join('\n'))}</pre>`);
        }
        else if (line.trim())
            out.push(`<p>${inline(line)}</p>`);
    }
    return out.join('\n');
}
function inline(s) {
    return esc(s)
        .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
        .replace(/`(.+?)`/g, '<code>$1</code>');
}
const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1100px;padding:0 16px;color:#1b1f24}
h1{font-size:22px}h2{font-size:18px;margin-top:28px}h3{font-size:15px;margin-top:22px}
table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}th,td{border:1px solid #d0d7de;padding:3px 8px;text-align:left}th{background:#f6f8fa}
.charts{display:flex;flex-wrap:wrap;gap:16px}.chart-box{border:1px solid #d0d7de;border-radius:6px;padding:8px}
.chart-box h4{margin:0 0 4px;font-size:13px}svg text{font:11px system-ui,sans-serif;fill:#1b1f24}
.ok{color:#1a7f37}.bad{color:#cf222e}pre{background:#f6f8fa;padding:8px;overflow:auto}li.sub{margin-left:24px}
`;
/** Runs in the page: draws every chart from the embedded report. Plain ES2017, no libraries. */
const SCRIPT = String.raw `
(function(){
var rep = JSON.parse(document.getElementById('report-data').textContent);
var NS = 'http://www.w3.org/2000/svg';
function el(name, attrs, text){var e=document.createElementNS(NS,name);for(var k in attrs){e.setAttribute(k,String(attrs[k]));}if(text!==undefined){e.textContent=String(text);}return e;}
function box(parent, title){var d=document.createElement('div');d.className='chart-box';var h=document.createElement('h4');h.textContent=title;d.appendChild(h);parent.appendChild(d);return d;}
// A bar chart: one <rect> and one value label per bar, each with data-label / data-value.
function bars(parent, o){
  var W=Math.max(260, 60+o.labels.length*(o.wide?64:26)), B=o.wide?84:46, H=144+B, L=36, T=14;
  var max=Math.max.apply(null,[1].concat(o.values));
  var svg=el('svg',{'class':'chart','data-chart':o.chart,width:W,height:H,viewBox:'0 0 '+W+' '+H,role:'img'});
  for(var a in (o.attrs||{})){svg.setAttribute(a,o.attrs[a]);}
  svg.appendChild(el('title',{},o.title));
  svg.appendChild(el('line',{x1:L,y1:H-B,x2:W-4,y2:H-B,stroke:'#8c959f'}));
  svg.appendChild(el('text',{x:2,y:T,'class':'axis-max'},max));
  var bw=(W-L-28)/Math.max(1,o.labels.length);
  for(var i=0;i<o.labels.length;i++){
    var v=o.values[i], h=(H-B-T)*(v/max), x=L+i*bw+2;
    var g=el('g',{'class':'bar','data-label':o.labels[i],'data-value':v});
    if(o.extra&&o.extra[i]){for(var e in o.extra[i]){g.setAttribute(e,o.extra[i][e]);}}
    g.appendChild(el('rect',{x:x,y:H-B-h,width:Math.max(2,bw-4),height:Math.max(0,h),fill:(o.colors&&o.colors[i])||'#0969da'}));
    g.appendChild(el('text',{x:x,y:H-B-h-3,'class':'value'},v));
    var lt=el('text',{x:x,y:H-B+12,'class':'label',transform:'rotate(30 '+x+' '+(H-B+12)+')'},o.labels[i]);
    g.appendChild(lt);
    svg.appendChild(g);
  }
  parent.appendChild(svg);
  return svg;
}
// A line chart: one <circle> per point with data-x / data-value.
function line(parent, o){
  var W=Math.max(300, 40+o.xs.length*14), H=170, L=44, B=24, T=14;
  var vals=o.values.filter(function(v){return v!==null;});
  var max=Math.max.apply(null,[1].concat(vals));
  var svg=el('svg',{'class':'chart','data-chart':o.chart,width:W,height:H,viewBox:'0 0 '+W+' '+H,role:'img'});
  svg.appendChild(el('title',{},o.title));
  svg.appendChild(el('line',{x1:L,y1:H-B,x2:W-4,y2:H-B,stroke:'#8c959f'}));
  svg.appendChild(el('text',{x:2,y:T,'class':'axis-max'},max));
  var step=(W-L-10)/Math.max(1,o.xs.length-1), pts=[];
  for(var i=0;i<o.xs.length;i++){
    var v=o.values[i]; if(v===null){continue;}
    var x=L+i*step, y=H-B-(H-B-T)*(v/max);
    pts.push(x+','+y);
    var g=el('g',{'class':'point','data-x':o.xs[i],'data-value':v});
    g.appendChild(el('circle',{cx:x,cy:y,r:3,fill:'#0969da'}));
    g.appendChild(el('text',{x:x+3,y:y-4,'class':'value'},v));
    svg.appendChild(g);
  }
  svg.insertBefore(el('polyline',{points:pts.join(' '),fill:'none',stroke:'#0969da','stroke-width':1.5}),svg.children[1]);
  parent.appendChild(svg);
  return svg;
}
function bucketLabels(b){var l=b.map(function(x){return '≤'+x;});l.push('>'+b[b.length-1]);return l;}

var cmp=document.getElementById('chart-comparison');
if(cmp && rep.comparison.length){
  var labels=[],values=[],extra=[],colors=[];
  rep.comparison.forEach(function(c){
    labels.push(c.suite+' protected');values.push(c.protected.violations);extra.push({'data-suite':c.suite,'data-mode':'protected'});colors.push('#1a7f37');
    labels.push(c.suite+' control');values.push(c.control.violations);extra.push({'data-suite':c.suite,'data-mode':'control'});colors.push('#cf222e');
  });
  bars(box(cmp,'Violations: protected (green) vs control (red)'),{chart:'comparison',title:'violations, protected vs control',labels:labels,values:values,extra:extra,colors:colors,wide:true});
}
var runs=document.getElementById('chart-runs');
rep.runs.forEach(function(r){
  var id=r.suite+'/'+r.mode;
  var sec=document.createElement('div');sec.className='charts';sec.setAttribute('data-run',id);
  var h=document.createElement('h3');h.textContent=id+' — '+r.workload;runs.appendChild(h);runs.appendChild(sec);
  Object.keys(r.operations).forEach(function(op){
    var s=r.operations[op];
    bars(box(sec,'Latency of '+op+' (ms buckets), '+id),{chart:'latency',attrs:{'data-run':id,'data-op':op},title:'latency histogram '+op,labels:bucketLabels(s.histogram.boundsMs),values:s.histogram.counts});
  });
  var xs=r.throughput.series.map(function(_,i){return (i*r.throughput.bucketMs/1000)+'s';});
  bars(box(sec,'Throughput: operations per '+(r.throughput.bucketMs/1000)+' s, '+id),{chart:'throughput',attrs:{'data-run':id,'data-bucket-ms':r.throughput.bucketMs},title:'throughput over time',labels:xs,values:r.throughput.series});
  var kinds=Object.keys(r.violations.byKind);
  bars(box(sec,'Violations by kind, '+id),{chart:'violations',attrs:{'data-run':id,'data-total':r.violations.total},title:'violations by kind',labels:kinds.length?kinds:['none'],values:kinds.length?kinds.map(function(k){return r.violations.byKind[k];}):[0],colors:kinds.map(function(){return '#cf222e';}),wide:true});
});
var soak=document.getElementById('chart-soak');
if(soak && rep.soak && rep.soak.samples.length){
  var sm=rep.soak.samples, xs2=sm.map(function(s){return s.minute;});
  var c=document.createElement('div');c.className='charts';soak.appendChild(c);
  line(box(c,'Soak: operations per second, per minute'),{chart:'soak-throughput',title:'soak throughput',xs:xs2,values:sm.map(function(s){return s.opsPerSec;})});
  line(box(c,'Soak: p99 latency (ms), per minute'),{chart:'soak-latency',title:'soak p99 latency',xs:xs2,values:sm.map(function(s){return s.latencyP99Ms;})});
  line(box(c,'Soak: suite RSS (KiB)'),{chart:'soak-rss',title:'suite RSS',xs:xs2,values:sm.map(function(s){return s.suiteRssKb;})});
  line(box(c,'Soak: open files (suite)'),{chart:'soak-fds',title:'suite open files',xs:xs2,values:sm.map(function(s){return s.suiteFds;})});
  line(box(c,'Soak: worker RSS max (KiB)'),{chart:'soak-worker-rss',title:'worker RSS',xs:xs2,values:sm.map(function(s){return s.workerRssKbMax;})});
  Object.keys(rep.soak.operations).forEach(function(op){
    var s=rep.soak.operations[op];
    bars(box(c,'Soak: latency of '+op+' (ms buckets)'),{chart:'latency',attrs:{'data-run':'soak','data-op':op},title:'latency histogram '+op,labels:bucketLabels(s.histogram.boundsMs),values:s.histogram.counts});
  });
}
document.body.setAttribute('data-rendered','yes');
})();
`;
function renderHtml(rep) {
    const title = `lockstep suite ${rep.suite}: ${rep.ok ? 'passed' : 'FAILED'}`;
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body data-suite="${esc(rep.suite)}" data-ok="${rep.ok}">
<h1 class="${rep.ok ? 'ok' : 'bad'}">${esc(title)}</h1>
<section id="chart-comparison" class="charts"></section>
<section id="tables">${tablesHtml(renderMarkdown(rep).split('\n').slice(1).join('\n'))}</section>
<section id="chart-soak"></section>
<section id="chart-runs"><h2>Charts per run</h2></section>
<script type="application/json" id="report-data">${scriptJson(rep)}</script>
<script>${SCRIPT}</script>
</body></html>
`;
}

// EXTERNAL MODULE: ./src/suites/prng.ts
var prng = __webpack_require__(3420);
;// CONCATENATED MODULE: ./src/suites/resources.ts
/**
 * Memory and open files of a process, from /proc (Linux). Elsewhere the
 * numbers are null: the soak then reports throughput and latency only.
 */

function resourcesOf(pid) {
    let rssKb = null;
    let fds = null;
    try {
        const m = /^VmRSS:\s+(\d+)\s+kB/m.exec((0,external_node_fs_.readFileSync)(`/proc/${pid}/status`, 'utf8'));
        if (m)
            rssKb = Number(m[1]);
    }
    catch {
        rssKb = pid === 'self' ? Math.round(process.memoryUsage().rss / 1024) : null;
    }
    try {
        fds = (0,external_node_fs_.readdirSync)(`/proc/${pid}/fd`).length;
    }
    catch {
        fds = null;
    }
    return { rssKb, fds };
}
function emptyPeak() {
    return { workerRssKbMax: null, workerFdsMax: null, suiteRssKb: null, suiteFds: null };
}
function notePeak(peak, r) {
    if (r.rssKb !== null)
        peak.workerRssKbMax = Math.max(peak.workerRssKbMax ?? 0, r.rssKb);
    if (r.fds !== null)
        peak.workerFdsMax = Math.max(peak.workerFdsMax ?? 0, r.fds);
}

// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: ./src/core/lock.ts
var lock = __webpack_require__(6336);
// EXTERNAL MODULE: ./src/core/runtime.ts
var core_runtime = __webpack_require__(9199);
// EXTERNAL MODULE: ./src/core/events.ts
var core_events = __webpack_require__(7842);
// EXTERNAL MODULE: ./src/remote/lock.ts
var remote_lock = __webpack_require__(1739);
;// CONCATENATED MODULE: ./src/suites/log.ts
/**
 * What workers did, as JSONL: one file per worker slot, appended with one
 * write(2) per event on an O_APPEND descriptor, so a line survives a SIGKILL
 * that comes right after it. A replacement worker (after a kill) appends to
 * the same file with the next incarnation number.
 */



function logPath(dir, worker) {
    return (0,external_node_path_.join)(dir, `w${worker}.jsonl`);
}
class WorkerLog {
    path;
    fd;
    /** Milliseconds spent in write(2) for the log: the logging overhead. */
    spentMs = 0;
    constructor(path) {
        this.path = path;
        this.fd = (0,external_node_fs_.openSync)(path, 'a', 0o644);
    }
    write(e) {
        const t0 = external_node_perf_hooks_.performance.now();
        (0,external_node_fs_.writeSync)(this.fd, JSON.stringify(e) + '\n');
        this.spentMs += external_node_perf_hooks_.performance.now() - t0;
    }
    close() {
        (0,external_node_fs_.closeSync)(this.fd);
    }
}
function readLogs(dir) {
    const events = [];
    let badLines = 0;
    let files = [];
    try {
        files = (0,external_node_fs_.readdirSync)(dir).filter((f) => /^w\d+\.jsonl$/.test(f));
    }
    catch {
        files = [];
    }
    for (const f of files.sort()) {
        for (const line of (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, f), 'utf8').split('\n')) {
            if (!line)
                continue;
            try {
                events.push(JSON.parse(line));
            }
            catch {
                badLines++;
            }
        }
    }
    return { events, badLines };
}
/** Acknowledged operations: the 'ok' events. */
function acknowledged(events, op) {
    return events.filter((e) => e.ev === 'ok' && (op === undefined || e.op === op));
}
/**
 * Operations that started but have neither ok nor fail: the worker died
 * during them. Their effect may or may not have happened ("in doubt").
 */
function inDoubt(events) {
    const closed = new Set(events.filter((e) => e.ev === 'ok' || e.ev === 'fail').map((e) => `${e.w}/${e.n}/${e.i}`));
    return events.filter((e) => e.ev === 'start' && !closed.has(`${e.w}/${e.n}/${e.i}`));
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/alloc/allocate.ts + 1 modules
var allocate = __webpack_require__(6341);
// EXTERNAL MODULE: ./src/remote/alloc.ts
var alloc = __webpack_require__(4207);
;// CONCATENATED MODULE: ./src/suites/workloads/allocate.ts
/**
 * allocate — numbered directories (seed 000). Protected: lockstep's
 * `allocate()` (scan, next number and mkdir under one lock). Control: the
 * seed's broken shape — scan for the highest number without a lock, a moment
 * later `mkdir -p` the next one — which hands out numbers twice.
 */







const ENTRY = /^(\d+)_(.+)$/;
function entries(root) {
    let names = [];
    try {
        names = (0,external_node_fs_.readdirSync)(root);
    }
    catch {
        return [];
    }
    const out = [];
    for (const entry of names) {
        const m = ENTRY.exec(entry);
        if (m)
            out.push({ number: Number(m[1]), entry });
    }
    return out;
}
async function allocateUnprotected(root, name) {
    const next = Math.max(0, ...entries(root).map((e) => e.number)) + 1;
    // The seed's window: the number is decided, the directory comes later.
    await (0,promises_.setTimeout)(1);
    const entry = `${String(next).padStart(3, '0')}_${name}`;
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(root, entry), { recursive: true }); // `mkdir -p`: a taken number goes unnoticed
    return { topicNumber: String(next).padStart(3, '0'), topicPath: (0,external_node_path_.join)(root, entry), number: next };
}
const allocateWorkload = {
    name: 'allocate',
    op: 'allocate',
    summary: {
        protected: 'lockstep allocate: scan + next number + mkdir under one lock',
        control: 'scan for the highest number with no lock, then mkdir -p the next (the seed’s race)',
    },
    remoteSummary: {
        protected: 'lockstep allocate --backend remote: the number is a ref created on the server, then the directory in this clone',
        control: 'lockstep allocate with each clone’s own file lock, blind to the other clones',
    },
    defaults: { procs: 8, iterations: 25 },
    maxDelayMs: 2,
    opsPerWorker: (_p, iterations) => iterations,
    totalOps: (procs, iterations) => procs * iterations,
    describe: (procs, iterations) => `${procs} processes × ${iterations} numbered directories in one root`,
    async setup(ctx) {
        const roots = ctx.backend === 'remote' ? ctx.machines.map((m) => (0,external_node_path_.join)(m, 'specs')) : [(0,external_node_path_.join)(ctx.repo, 'specs')];
        for (const r of roots)
            (0,external_node_fs_.mkdirSync)(r, { recursive: true });
        return { roots };
    },
    async run(ctx, op) {
        const root = (0,external_node_path_.join)(ctx.machine, 'specs');
        const name = `w${ctx.worker}_op${op.i}`;
        const a = ctx.backend === 'remote'
            ? ctx.mode === 'protected'
                ? await (0,alloc.allocateRemote)({ cwd: ctx.machine, root: 'specs', name, timeoutMs: 120_000 })
                : await (0,allocate/* allocate */.CN)({ root, name, timeoutMs: 120_000 })
            : ctx.mode === 'protected'
                ? await (0,allocate/* allocate */.CN)({ root, name, timeoutMs: 120_000 })
                : await allocateUnprotected(root, name);
        return { data: { number: a.number, topicNumber: a.topicNumber, path: a.topicPath } };
    },
    async check(ctx) {
        const acks = acknowledged(ctx.events, 'allocate').map((e) => ({ number: Number(e.data?.number), path: String(e.data?.path), who: `worker ${e.w} op ${e.i}` }));
        // On the remote a machine killed between taking its number and making the directory leaves a gap, never a duplicate.
        return checkAllocations(ctx.params.roots, acks, { gapsAllowed: ctx.backend === 'remote' && ctx.kills > 0 });
    },
};
/**
 * The allocation invariants, from the directories and the acknowledgements:
 * every number used once across all `roots` (one, or one per machine), no
 * gaps from 1 to the highest (unless `gapsAllowed`), every acknowledged
 * directory still there.
 */
function checkAllocations(roots, acks, opts = {}) {
    const out = [];
    const byNumber = new Map();
    for (const [k, root] of roots.entries()) {
        for (const e of entries(root)) {
            if (!byNumber.has(e.number))
                byNumber.set(e.number, new Set());
            byNumber.get(e.number).add(roots.length > 1 ? `m${k}/${e.entry}` : e.entry);
        }
    }
    const ackByNumber = new Map();
    for (const a of acks) {
        if (!ackByNumber.has(a.number))
            ackByNumber.set(a.number, []);
        ackByNumber.get(a.number).push(a.who);
        if (!(0,external_node_fs_.existsSync)(a.path))
            out.push(violation('lost_allocation', `${a.who} was given ${a.path}, which does not exist`, { path: a.path, number: a.number, who: a.who }));
    }
    const numbers = new Set([...byNumber.keys(), ...ackByNumber.keys()]);
    for (const n of [...numbers].sort((a, b) => a - b)) {
        const dirs = [...(byNumber.get(n) ?? [])];
        const holders = ackByNumber.get(n) ?? [];
        if (dirs.length > 1 || holders.length > 1) {
            out.push(violation('duplicate_number', `number ${n} was handed out ${Math.max(dirs.length, holders.length)} times`, { number: n, entries: dirs, acknowledgedTo: holders }));
        }
    }
    const highest = Math.max(0, ...byNumber.keys());
    for (let n = 1; n <= highest && !opts.gapsAllowed; n++) {
        if (!byNumber.has(n))
            out.push(violation('gap', `no entry numbered ${n} (highest is ${highest})`, { number: n, highest }));
    }
    return out;
}

// EXTERNAL MODULE: ./src/queue/queue.ts
var queue = __webpack_require__(4752);
// EXTERNAL MODULE: ./src/remote/claims.ts
var claims = __webpack_require__(3973);
;// CONCATENATED MODULE: ./src/suites/workloads/claim-queue.ts
/**
 * lockstep's queue as the claim workload uses it: the library (`claimNext`,
 * `completeItem`, `reclaim`, `listItems`) in the worker process, which is the
 * claim's owner process — when a worker is killed its claims are abandoned
 * and come back through `reclaim` once their short lease ran out.
 */


/** Short, so a killed worker's item comes back within a second or two. */
const SUITE_CLAIM_LEASE_MS = 1000;
function lockstepQueue(repo) {
    return {
        async add(ids) {
            for (const id of ids)
                (0,queue/* addItem */.B5)({ cwd: repo, id });
        },
        async claim(agent) {
            const r = (0,queue/* claimNext */.Ym)({ cwd: repo, agent, leaseMs: SUITE_CLAIM_LEASE_MS });
            return r.claimed ? { id: r.item.id, generation: r.generation } : null;
        },
        async done(id, agent, generation) {
            (0,queue/* completeItem */.Df)({ cwd: repo, id, agent, generation: generation ?? undefined });
        },
        async reclaim() {
            // Nothing may end up failed for having been killed a few times: the suite counts every item.
            return (0,queue/* reclaim */.sd)({ cwd: repo, maxAttempts: 1_000_000 }).reclaimed.length;
        },
        async states() {
            return new Map((0,queue/* listItems */.Dw)({ cwd: repo }).map((i) => [i.id, i.state]));
        },
    };
}
/**
 * A remote claim's lease: other machines hand a killed machine's item back
 * after this (plus grace); its own restarted worker sees the dead pid at
 * once. Long enough that a claim is never reclaimed while its worker works.
 */
const SUITE_REMOTE_CLAIM_LEASE_MS = 5000;
/**
 * The queue through the git remote, as one machine uses it: the items are
 * this clone's queue, the claims refs on the server.
 */
function remoteQueue(clone) {
    const held = new Map();
    return {
        async add(ids) {
            for (const id of ids)
                (0,queue/* addItem */.B5)({ cwd: clone, id });
        },
        async claim(agent) {
            const c = await (0,claims.claimNextRemote)({ cwd: clone, agent, leaseMs: SUITE_REMOTE_CLAIM_LEASE_MS });
            if (!c)
                return null;
            held.set(c.item, c);
            return { id: c.item, generation: c.generation };
        },
        async done(id) {
            const c = held.get(id);
            if (!c)
                throw new Error(`${id} was not claimed by this worker`);
            held.delete(id);
            await (0,claims.completeItemRemote)(c);
        },
        async reclaim() {
            return (await (0,claims.reclaimRemote)({ cwd: clone, maxAttempts: 1_000_000 })).reclaimed.length;
        },
        async states() {
            return new Map((await (0,claims.queueStatusRemote)({ cwd: clone })).map((i) => [i.id, i.state]));
        },
    };
}

;// CONCATENATED MODULE: ./src/suites/workloads/claim.ts
/**
 * claim — a work queue (seed 004): N workers take items until none is left,
 * each item: claim, work a moment, mark done. Protected: lockstep's queue
 * (hard-link claims, leases, reclaim of a dead agent's items). Control: the
 * naive read-then-write claim — look for a "pending" item file, then write
 * "claimed" into it — which hands items out twice and, when a worker dies,
 * loses its item for good.
 *
 * Remote backend: every machine lists the same items in its own clone.
 * Protected: claims are refs on the server (`--backend remote`). Control:
 * each clone's own file queue, so every item is worked on by every machine.
 */








/** The naive queue: one file per item holding its state, read then written with no lock. */
function naiveQueue(dir) {
    return {
        async add(ids) {
            (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
            for (const id of ids)
                (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, id), 'pending\n');
        },
        async claim(agent) {
            for (const id of (0,external_node_fs_.readdirSync)(dir).sort()) {
                if ((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, id), 'utf8').startsWith('pending')) {
                    await (0,promises_.setTimeout)(1); // between the read and the write: the window two claimers share
                    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, id), `claimed ${agent}\n`);
                    return { id, generation: null };
                }
            }
            return null;
        },
        async done(id, agent) {
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, id), `done ${agent}\n`);
        },
        async reclaim() {
            return 0; // the naive queue has no notion of a dead claimer
        },
        async states() {
            const m = new Map();
            for (const id of (0,external_node_fs_.readdirSync)(dir))
                m.set(id, (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, id), 'utf8').split(' ')[0].trim());
            return m;
        },
    };
}
/** The queue worker (or checker) `ctx` uses; `at` is its checkout. */
function queueFor(ctx, at) {
    if (ctx.backend === 'remote')
        return ctx.mode === 'protected' ? remoteQueue(at) : lockstepQueue(at);
    return ctx.mode === 'protected' ? lockstepQueue(at) : naiveQueue((0,external_node_path_.join)(at, '.suite-queue'));
}
/** Every item's final state; remote control: an item counts as done when any machine finished it. */
async function finalStates(ctx) {
    if (ctx.backend !== 'remote')
        return queueFor(ctx, ctx.repo).states();
    if (ctx.mode === 'protected')
        return queueFor(ctx, ctx.machines[0]).states();
    const merged = new Map();
    for (const m of ctx.machines) {
        for (const [id, state] of await queueFor(ctx, m).states())
            if (merged.get(id) !== 'done')
                merged.set(id, state);
    }
    return merged;
}
const itemId = (k) => `item-${String(k).padStart(5, '0')}`;
const claimWorkload = {
    name: 'claim',
    op: 'claim',
    summary: {
        protected: 'lockstep queue: claim (hard link, one winner) → work → done; reclaim after a dead agent',
        control: 'read an item file, if "pending" write "claimed" (no lock) → work → done',
    },
    remoteSummary: {
        protected: 'lockstep queue --backend remote: claim (a ref created on the server, one winner) → work → done; reclaim after a dead machine’s lease',
        control: 'each clone’s own lockstep queue: claim → work → done, blind to the other clones',
    },
    defaults: { procs: 6, iterations: 10 },
    maxDelayMs: 2,
    killAtCritical: true,
    // A worker takes as many items as it gets: up to all of them.
    opsPerWorker: (procs, iterations) => procs * iterations,
    totalOps: (procs, iterations) => procs * iterations,
    describe: (procs, iterations) => `${procs} workers draining a queue of ${procs * iterations} items`,
    async setup(ctx) {
        const ids = Array.from({ length: ctx.procs * ctx.iterations }, (_, k) => itemId(k));
        if (ctx.backend === 'remote')
            for (const m of ctx.machines)
                await queueFor(ctx, m).add(ids);
        else
            await queueFor(ctx, ctx.repo).add(ids);
        return { items: ids.length };
    },
    async run(ctx) {
        const q = (ctx.state.queue ??= queueFor(ctx, ctx.machine));
        const agent = `agent-${ctx.worker}-${ctx.incarnation}`;
        const item = await q.claim(agent);
        if (!item) {
            if (ctx.mode === 'control')
                return { stop: true };
            // Nothing pending: items of dead agents may still come back.
            await q.reclaim();
            const open = [...(await q.states()).values()].filter((s) => s !== 'done' && s !== 'failed').length;
            return open === 0 ? { stop: true } : { idle: true };
        }
        ctx.critical(); // a scheduled kill here dies holding the item: it must come back through reclaim
        await (0,promises_.setTimeout)(2); // the work
        await q.done(item.id, agent, item.generation);
        return { data: { item: item.id, agent, generation: item.generation } };
    },
    async check(ctx) {
        const states = await finalStates(ctx);
        if (ctx.mode === 'protected') {
            // Items that went back to pending after their claimer was killed (from the events logs: each machine keeps its own).
            const type = ctx.backend === 'remote' ? 'reclaim' : 'queue_reclaim';
            const back = [ctx.repo, ...ctx.machines].reduce((n, at) => n + (0,core_events/* readEvents */.wj)((0,core_runtime/* openRuntime */.fS)({ cwd: at }).root, (e) => e.type === type).length, 0);
            if (back || ctx.kills)
                ctx.recovery.itemsReclaimed = back;
        }
        return checkClaims(states, acknowledged(ctx.events, 'claim').map((e) => ({ item: String(e.data?.item), agent: String(e.data?.agent) })), ctx.params.items);
    },
};
/** Exactly once, nothing lost: no item acknowledged as done twice, every item done at the end. */
function checkClaims(states, acks, items) {
    const out = [];
    const by = new Map();
    for (const a of acks) {
        if (!by.has(a.item))
            by.set(a.item, []);
        by.get(a.item).push(a.agent);
    }
    for (const [item, agents] of by) {
        if (agents.length > 1)
            out.push(violation('duplicate_claim', `${item} was worked on and completed by ${agents.length} agents (${agents.join(', ')})`, { item, agents }));
    }
    for (let k = 0; k < items; k++) {
        const id = itemId(k);
        const s = states.get(id);
        if (s !== 'done')
            out.push(violation('lost_item', `${id} ended ${s ?? 'missing from the queue'}, not done`, { item: id, state: s ?? null }));
    }
    return out;
}

// EXTERNAL MODULE: ./src/git/git.ts
var git_git = __webpack_require__(308);
// EXTERNAL MODULE: ./src/tasks/commit.ts + 2 modules
var commit = __webpack_require__(856);
// EXTERNAL MODULE: ./src/tasks/tasks.ts
var tasks = __webpack_require__(6464);
;// CONCATENATED MODULE: ./src/suites/workload.ts
const WORKLOAD_NAMES = ['counter', 'allocate', 'commit', 'claim', 'merge'];
/** An operation that failed in a way the checker counts (e.g. git's index.lock). */
class OpFailure extends Error {
    kind;
    constructor(kind, message) {
        super(message);
        this.kind = kind;
    }
}

;// CONCATENATED MODULE: ./src/suites/workloads/commit.ts
/**
 * commit — the design's table (seed 002): T tasks × R rounds, each round
 * appends its own line to a shared TODO.md, writes its own file, and commits.
 * Protected: `lockstep commit --task T --edit '…' -- paths` (lock around
 * edit + stage + commit). Control: plain `git add` + `git commit` in the same
 * checkout with no lock, which sweeps other tasks' work into the wrong commit.
 */







/** Everything the workload writes lives under this directory of the repository. */
const WORK_DIR = 'lockstep-suite';
const TODO = 'TODO.md';
const taskId = (w) => `t${w}`;
const ownFile = (w, i) => `${WORK_DIR}/${taskId(w)}/r${i}.txt`;
const todoLine = (w, i) => `task ${taskId(w)} round ${i}`;
const MESSAGE = /^task (t\d+) round (\d+)$/;
function failureKind(stderr) {
    return /index\.lock/.test(stderr) ? 'index_lock_failure' : 'operation_failed';
}
async function commitProtected(ctx, i) {
    const w = ctx.worker;
    // A constant-shaped shell command built only from numbers: nothing from outside is interpolated.
    const edit = `printf '%s\\n' '${todoLine(w, i)}' >> ${TODO} && mkdir -p ${WORK_DIR}/${taskId(w)} && printf '%s\\n' 'round ${i}' > ${ownFile(w, i)}`;
    try {
        const r = await (0,commit/* commitTask */.$)({ cwd: ctx.repo, task: taskId(w), message: todoLine(w, i), paths: [TODO, ownFile(w, i)], edit, editStdio: 'ignore', timeoutMs: 120_000 });
        return { commit: r.commit, fence: r.fence };
    }
    catch (e) {
        const msg = e.message ?? String(e);
        throw new OpFailure(failureKind(msg), `lockstep commit failed: ${msg.slice(0, 500)}`);
    }
}
async function commitUnprotected(ctx, i) {
    const w = ctx.worker;
    (0,external_node_fs_.appendFileSync)((0,external_node_path_.join)(ctx.repo, TODO), todoLine(w, i) + '\n');
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(ctx.repo, WORK_DIR, taskId(w)), { recursive: true });
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(ctx.repo, ownFile(w, i)), `round ${i}\n`);
    const git = (0,git_git/* createGit */.l)(ctx.repo);
    const add = await git.run(['add', TODO, ownFile(w, i)]);
    if (add.code !== 0)
        throw new OpFailure(failureKind(add.stderr), `git add exited ${add.code}: ${add.stderr.trim().split('\n')[0].slice(0, 300)}`);
    const commit = await git.run(['commit', '-q', '-m', todoLine(w, i)]);
    // "nothing to commit": another task's commit already swept this round up — the checker counts that.
    if (commit.code !== 0 && !/nothing (added )?to commit/.test(commit.stdout + commit.stderr)) {
        throw new OpFailure(failureKind(commit.stderr), `git commit exited ${commit.code}: ${commit.stderr.trim().split('\n')[0].slice(0, 300)}`);
    }
    return { committed: commit.code === 0 };
}
const commitWorkload = {
    name: 'commit',
    op: 'commit',
    summary: {
        protected: 'lockstep commit --task T --edit (append TODO.md line, write own file) -- paths',
        control: 'append TODO.md line, write own file, git add + git commit with no lock',
    },
    defaults: { procs: 4, iterations: 8 },
    maxDelayMs: 5,
    opsPerWorker: (_p, iterations) => iterations,
    totalOps: (procs, iterations) => procs * iterations,
    describe: (procs, iterations) => `${procs} tasks × ${iterations} rounds, each a TODO.md line + its own file in one commit`,
    async setup(ctx) {
        const git = (0,git_git/* createGit */.l)(ctx.repo);
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(ctx.repo, TODO), '# TODO\n');
        await git.exec(['add', TODO]);
        await git.exec(['commit', '-q', '-m', 'suite: shared TODO.md']);
        const start = (await git.exec(['rev-parse', 'HEAD'])).trim();
        if (ctx.mode === 'protected') {
            for (let w = 0; w < ctx.procs; w++)
                (0,tasks/* startTask */.gc)({ cwd: ctx.repo, id: taskId(w), scope: [`${WORK_DIR}/${taskId(w)}/**`], shared: [TODO] });
        }
        return { start };
    },
    async run(ctx, op) {
        return { data: ctx.mode === 'protected' ? await commitProtected(ctx, op.i) : await commitUnprotected(ctx, op.i) };
    },
    async check(ctx) {
        const killed = new Set(ctx.events.filter((e) => e.ev === 'kill').map((e) => `${e.w}/${e.i}`));
        const attempted = new Set();
        for (const e of ctx.events)
            if (e.ev === 'start' && !killed.has(`${e.w}/${e.i}`))
                attempted.add(`${e.w}/${e.i}`);
        const commits = await readCommits(ctx.repo, `${ctx.params.start}..HEAD`);
        return checkCommits(commits, attempted, { fences: ctx.mode === 'protected', killed });
    },
};
/** The commits of `range` in first-parent order, oldest first, with files and added TODO.md lines. */
async function readCommits(repo, range) {
    const git = (0,git_git/* createGit */.l)(repo);
    const log = await git.exec(['log', '--first-parent', '--reverse', '--no-renames', '--format=%x1e%H%x1f%s%x1f%(trailers:key=Lockstep-Fence,valueonly,separator=%x2c)%x1f', '--name-only', range], { readOnly: true });
    const commits = [];
    const bySha = new Map();
    for (const rec of log.split('\x1e').slice(1)) {
        const [sha, subject, fence, rest] = rec.split('\x1f');
        const files = (rest ?? '').split('\n').map((f) => f.trim()).filter(Boolean);
        // Lockstep-Fence is "<token>" or "<token>@<counter id>".
        const fm = /^\s*(\d+)/.exec(fence ?? '');
        const c = { sha: sha, subject: subject, files, todoAdded: [], fence: fm ? Number(fm[1]) : null };
        commits.push(c);
        bySha.set(c.sha, c);
    }
    const diff = await git.exec(['log', '--first-parent', '--no-color', '-p', '-U0', '--format=%x1e%H', range, '--', TODO], { readOnly: true });
    for (const rec of diff.split('\x1e').slice(1)) {
        const lines = rec.split('\n');
        const c = bySha.get(lines[0].trim());
        if (!c)
            continue;
        for (const l of lines.slice(1))
            if (l.startsWith('+') && !l.startsWith('+++'))
                c.todoAdded.push(l.slice(1));
    }
    return commits;
}
/**
 * The commit invariants: every commit holds only its own task's files and
 * TODO.md lines; every attempted round (`w/i`) is in its own commit, whole;
 * fences rise along first-parent history.
 */
function checkCommits(commits, attempted, opts) {
    const out = [];
    const own = new Map();
    let lastFence = -Infinity;
    for (const c of commits) {
        const m = MESSAGE.exec(c.subject);
        if (!m)
            continue;
        const task = m[1];
        own.set(`${task}/${m[2]}`, c);
        for (const f of c.files) {
            const fm = new RegExp(`^${WORK_DIR}/(t\\d+)/`).exec(f);
            if (fm && fm[1] !== task)
                out.push(violation('foreign_file', `commit ${c.sha.slice(0, 10)} of task ${task} holds ${f}, which belongs to task ${fm[1]}`, { commit: c.sha, task, file: f, owner: fm[1] }));
        }
        for (const line of c.todoAdded) {
            const lm = MESSAGE.exec(line);
            if (lm && lm[1] !== task) {
                // A line of a round whose worker was killed mid-operation: its edit was left in the worktree and swept up.
                const ownerKilled = opts.killed?.has(`${lm[1].slice(1)}/${lm[2]}`) ?? false;
                out.push(violation('foreign_todo_line', `commit ${c.sha.slice(0, 10)} of task ${task} adds the TODO.md line "${line}" of task ${lm[1]}${ownerKilled ? ' (that round’s worker was killed mid-operation and left its edit in the worktree)' : ''}`, {
                    commit: c.sha,
                    task,
                    line,
                    owner: lm[1],
                    ownerKilled,
                }));
            }
        }
        if (opts.fences) {
            if (c.fence === null)
                out.push(violation('fence_not_rising', `commit ${c.sha.slice(0, 10)} has no Lockstep-Fence trailer`, { commit: c.sha }));
            else if (c.fence <= lastFence)
                out.push(violation('fence_not_rising', `commit ${c.sha.slice(0, 10)} has fence ${c.fence}, not above the previous ${lastFence}`, { commit: c.sha, fence: c.fence, previous: lastFence }));
            if (c.fence !== null)
                lastFence = Math.max(lastFence, c.fence);
        }
    }
    for (const key of [...attempted].sort()) {
        const [w, i] = key.split('/').map(Number);
        const c = own.get(`${taskId(w)}/${i}`);
        const missing = [];
        if (!c)
            missing.push('its commit');
        else {
            if (!c.files.includes(ownFile(w, i)))
                missing.push(ownFile(w, i));
            if (!c.todoAdded.includes(todoLine(w, i)))
                missing.push(`TODO.md line "${todoLine(w, i)}"`);
        }
        if (missing.length)
            out.push(violation('missing_round', `round ${i} of task ${taskId(w)} is not whole in its own commit: missing ${missing.join(', ')}`, { task: taskId(w), round: i, commit: c?.sha ?? null, missing }));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/suites/workloads/counter.ts
/**
 * counter — the lock itself: each operation reads a shared counter file,
 * yields, and writes the value + 1. Protected: the read-modify-write runs
 * under `withLock`. Control: the same without the lock, which loses updates.
 *
 * Remote backend: the counter sits on storage every machine shares (the run
 * directory); protected, each machine takes the lock through the git remote;
 * control, each takes its own clone's file lock, which the others never see.
 */








const LOCK = 'suite-counter';
/**
 * The remote lock's lease: a killed machine's lock is taken over by the
 * others after this (plus grace); its own restarted worker sees the dead pid
 * at once. Long enough that a holder under load never outlives it.
 */
const REMOTE_LEASE_MS = 3000;
function read(file) {
    return Number((0,external_node_fs_.readFileSync)(file, 'utf8').trim()) || 0;
}
const counterWorkload = {
    name: 'counter',
    op: 'increment',
    summary: {
        protected: 'read + 1 + write of one counter file under lockstep’s lock (withLock)',
        control: 'read + 1 + write of one counter file with no lock',
    },
    remoteSummary: {
        protected: 'read + 1 + write of one shared counter file under the lock on the git remote (withRemoteLock)',
        control: 'read + 1 + write of one shared counter file under each clone’s own file lock',
    },
    defaults: { procs: 6, iterations: 30 },
    maxDelayMs: 2,
    killAtCritical: true,
    opsPerWorker: (_p, iterations) => iterations,
    totalOps: (procs, iterations) => procs * iterations,
    describe: (procs, iterations) => `${procs} processes × ${iterations} increments of one counter file`,
    async setup(ctx) {
        // Remote: outside every clone, on storage all machines share.
        const file = (0,external_node_path_.join)(ctx.backend === 'remote' ? ctx.runDir : ctx.repo, 'counter.txt');
        (0,external_node_fs_.writeFileSync)(file, '0\n');
        return { file };
    },
    async run(ctx) {
        const file = ctx.params.file;
        const increment = async () => {
            const n = read(file);
            ctx.critical(); // a scheduled kill here dies holding the lock: the next acquirer must take it over
            // Let another process in: the window every lost update comes through.
            await (0,promises_.setTimeout)(1);
            // Atomic replace, so a SIGKILL mid-write cannot leave an empty file.
            (0,files/* writeFileAtomic */.Zf)(file, `${n + 1}\n`);
            return { read: n, wrote: n + 1 };
        };
        const local = { cwd: ctx.machine, name: LOCK, timeoutMs: 120_000, reentrant: false };
        const data = ctx.backend === 'remote'
            ? ctx.mode === 'protected'
                ? await (0,remote_lock/* withRemoteLock */.UV)({ ...local, leaseMs: REMOTE_LEASE_MS }, increment)
                : await (0,lock/* withLock */.kK)(local, increment)
            : ctx.mode === 'protected'
                ? await (0,lock/* withLock */.kK)(local, increment)
                : await increment();
        return { data };
    },
    async check(ctx) {
        const out = [];
        const acks = acknowledged(ctx.events, 'increment');
        const seen = new Map();
        for (const e of acks) {
            const wrote = Number(e.data?.wrote);
            const who = `worker ${e.w} op ${e.i}`;
            const first = seen.get(wrote);
            if (first)
                out.push(violation('lost_update', `two increments both wrote ${wrote} (${first} and ${who}): one update was lost`, { value: wrote, first, second: who }));
            else
                seen.set(wrote, who);
        }
        const final = read(ctx.params.file);
        const highest = Math.max(0, ...seen.keys());
        if (final < highest)
            out.push(violation('lost_update', `the counter ends at ${final}, below the ${highest} an acknowledged increment wrote`, { final, highest }));
        return out;
    },
};

// EXTERNAL MODULE: ./src/merge/merge.ts
var merge = __webpack_require__(2732);
;// CONCATENATED MODULE: ./src/suites/workloads/merge.ts
/**
 * merge — a merge queue racing a moving base (seed 003). Each worker merges
 * its own branches (one new file each) into the base. Protected: `lockstep
 * merge BRANCH --into BASE` (merge in a scratch worktree, base moved by
 * compare-and-swap). Control: the naive merge — check out and merge in the
 * one shared checkout, then move the base with a plain `git update-ref`
 * without the old value, which drops merges acknowledged a moment earlier.
 */







const branchName = (w, i) => `${WORK_DIR}/w${w}-${i}`;
function merge_failureKind(stderr) {
    return /index\.lock/.test(stderr) ? 'index_lock_failure' : 'operation_failed';
}
async function mergeUnprotected(ctx, branch) {
    const git = (0,git_git/* createGit */.l)(ctx.repo);
    const steps = [
        ['checkout', '-q', '--detach', ctx.base],
        ['merge', '-q', '--no-ff', '--no-edit', '-m', `merge ${branch}`, branch],
        ['update-ref', `refs/heads/${ctx.base}`, 'HEAD'],
    ];
    for (const args of steps) {
        // The moment between merging and publishing (an agent reporting back): another merge gets in here.
        if (args[0] === 'update-ref')
            await (0,promises_.setTimeout)(2);
        const r = await git.run(args);
        if (r.code !== 0) {
            if (args[0] === 'merge')
                await git.run(['merge', '--abort']);
            throw new OpFailure(merge_failureKind(r.stderr), `git ${args[0]} exited ${r.code}: ${r.stderr.trim().split('\n')[0].slice(0, 300)}`);
        }
    }
}
const mergeWorkload = {
    name: 'merge',
    op: 'merge',
    summary: {
        protected: 'lockstep merge BRANCH --into BASE (scratch worktree, compare-and-swap of the base)',
        control: 'checkout + merge in the one shared checkout, then git update-ref BASE HEAD (no old value)',
    },
    defaults: { procs: 4, iterations: 4 },
    maxDelayMs: 5,
    maxKillDelayMs: 800,
    opsPerWorker: (_p, iterations) => iterations,
    totalOps: (procs, iterations) => procs * iterations,
    describe: (procs, iterations) => `${procs} workers × ${iterations} branches merged into one base`,
    async setup(ctx) {
        const git = (0,git_git/* createGit */.l)(ctx.repo);
        const from = (await git.exec(['rev-parse', 'HEAD'])).trim();
        // Every branch in one git process: fast-import writes the commits and refs.
        const stream = [];
        let when = 1_700_000_000;
        for (let w = 0; w < ctx.procs; w++) {
            for (let i = 0; i < ctx.iterations; i++) {
                const msg = `work of w${w}-${i}\n`;
                const body = `branch w${w}-${i}\n`;
                stream.push(`commit refs/heads/${branchName(w, i)}`, `committer lockstep <lockstep@example.invalid> ${when++} +0000`, `data ${Buffer.byteLength(msg)}`, msg.slice(0, -1), `from ${from}`, `M 100644 inline ${WORK_DIR}/merge/w${w}-${i}.txt`, `data ${Buffer.byteLength(body)}`, body.slice(0, -1), '');
            }
        }
        await git.exec(['fast-import', '--quiet'], { input: stream.join('\n') + '\n' });
        const refs = await git.exec(['for-each-ref', '--format=%(refname:short) %(objectname)', `refs/heads/${WORK_DIR}/`]);
        const tips = {};
        for (const line of refs.trim().split('\n')) {
            const [name, sha] = line.split(' ');
            if (name && sha)
                tips[name] = sha;
        }
        return { tips };
    },
    async run(ctx, op) {
        const branch = branchName(ctx.worker, op.i);
        const tip = ctx.params.tips[branch];
        if (ctx.mode === 'protected') {
            let r;
            try {
                r = await (0,merge/* mergeBranch */.h)({ cwd: ctx.repo, branch, into: ctx.base, timeoutMs: 120_000, agent: `agent-${ctx.worker}-${ctx.incarnation}` });
            }
            catch (e) {
                const msg = e.message ?? String(e);
                throw new OpFailure(merge_failureKind(msg), `lockstep merge failed: ${msg.slice(0, 500)}`);
            }
            if (r.status !== 'merged' && r.status !== 'already-merged')
                throw new OpFailure('operation_failed', `lockstep merge of ${branch} ended ${r.status}`);
        }
        else {
            await mergeUnprotected(ctx, branch);
        }
        return { data: { branch, tip } };
    },
    async check(ctx) {
        const git = (0,git_git/* createGit */.l)(ctx.repo);
        const reachable = new Set((await git.exec(['rev-list', `refs/heads/${ctx.base}`], { readOnly: true })).trim().split('\n'));
        const refs = await git.exec(['for-each-ref', '--format=%(refname:short) %(objectname)', `refs/heads/${WORK_DIR}/`], { readOnly: true });
        const now = new Map(refs.trim().split('\n').filter(Boolean).map((l) => l.split(' ')));
        return checkMerges({
            base: ctx.base,
            reachable,
            branches: now,
            tips: ctx.params.tips,
            acks: acknowledged(ctx.events, 'merge').map((e) => ({ branch: String(e.data?.branch), tip: String(e.data?.tip), who: `worker ${e.w} op ${e.i}` })),
        });
    },
};
/**
 * Every acknowledged merge reachable from the base; no commit lost: every
 * branch's work is on the base or still on its branch.
 */
function checkMerges(f) {
    const out = [];
    for (const a of f.acks) {
        if (!f.reachable.has(a.tip))
            out.push(violation('lost_merge', `the merge of ${a.branch} (${a.tip.slice(0, 10)}) was acknowledged to ${a.who} but is not reachable from ${f.base}`, { branch: a.branch, tip: a.tip, who: a.who }));
    }
    for (const [branch, tip] of Object.entries(f.tips)) {
        if (!f.reachable.has(tip) && f.branches.get(branch) !== tip) {
            out.push(violation('lost_commit', `${tip.slice(0, 10)} of ${branch} is neither on ${f.base} nor on its branch any more`, { branch, tip, branchNow: f.branches.get(branch) ?? null }));
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/suites/registry.ts
/** Every workload by name. */







const WORKLOADS = {
    counter: counterWorkload,
    allocate: allocateWorkload,
    commit: commitWorkload,
    claim: claimWorkload,
    merge: mergeWorkload,
};
function workloadByName(name) {
    if (!WORKLOAD_NAMES.includes(name)) {
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `unknown workload ${JSON.stringify(name)}: one of ${WORKLOAD_NAMES.join(', ')}`);
    }
    return WORKLOADS[name];
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/suites/schedule.ts
/**
 * The workload schedule: for every worker, every operation's start delay and
 * whether (and where) the worker is killed during it. Built only from the
 * seed and the suite's shape, so `--seed S` replays the same schedule, and the
 * protected and control runs of one suite get the very same one.
 */


const PHASES = ['before', 'during', 'after'];
function buildSchedule(p) {
    const maxKill = p.maxKillDelayMs ?? 20;
    const workers = [];
    for (let w = 0; w < p.procs; w++) {
        const rnd = (0,prng/* mulberry32 */.sK)((0,prng/* deriveSeed */.B7)('schedule', p.suite, p.seed, w));
        const ops = [];
        for (let i = 0; i < p.ops; i++) {
            // Draw every value for every op whatever the kill rate, so changing
            // --kill-rate changes only which ops are killed, not the delays.
            const delayMs = Math.floor(rnd() * (p.maxDelayMs + 1));
            const killDraw = rnd();
            const phase = PHASES[Math.floor(rnd() * PHASES.length)];
            const afterMs = Math.floor(rnd() * (maxKill + 1));
            const pick = rnd();
            ops.push({ i, delayMs, kill: killDraw < p.killRate ? { phase, afterMs } : null, pick });
        }
        workers.push({ worker: w, ops });
    }
    const digest = (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify({ ...p, maxKillDelayMs: maxKill, workers })).digest('hex');
    return { ...p, maxKillDelayMs: maxKill, workers, digest };
}
function scheduledKills(s) {
    return s.workers.reduce((n, w) => n + w.ops.filter((o) => o.kill).length, 0);
}

;// CONCATENATED MODULE: ./src/suites/scratch.ts
/** Scratch repositories for demos and suites: real git repositories in a temp dir. */





const CONFIG = [
    ['user.name', 'lockstep'],
    ['user.email', 'lockstep@example.invalid'],
    ['gc.auto', '0'],
    ['commit.gpgsign', 'false'],
    // The repository's own hooks dir: a global core.hooksPath must not run here.
    ['core.hooksPath', '.git/hooks'],
];
/** The identity and settings every suite repository gets (no global hooks, no gc, no signing). */
function configureScratch(path) {
    const git = (0,git_git/* createGit */.l)(path);
    for (const [k, v] of CONFIG)
        git.execSync(['config', k, v]);
}
/** Makes `path` (created if missing) a new repository on branch main with one commit, gc off. */
function initScratchRepoAt(path) {
    (0,external_node_fs_.mkdirSync)(path, { recursive: true });
    const git = (0,git_git/* createGit */.l)(path);
    git.execSync(['init', '-q', '-b', 'main']);
    configureScratch(path);
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(path, 'README.md'), '# scratch repository made by lockstep\n');
    git.execSync(['add', 'README.md']);
    git.execSync(['commit', '-q', '-m', 'scratch: initial commit']);
    return path;
}
/**
 * A temp clone of the user's repository at `path` (so suites never touch the
 * original), on a branch of its own; returns that branch's name.
 */
function cloneRepoAt(source, path) {
    const src = (0,git_git/* createGit */.l)(source);
    let top;
    try {
        top = src.repoPaths().topLevel;
    }
    catch (e) {
        throw new errors/* LockstepError */.Cj('NOT_A_REPO', `--repo ${source} is not a git repository`, { hint: 'pass a checkout of a git repository, or leave --repo out to use a scratch repository', cause: e });
    }
    if (!top)
        throw new errors/* LockstepError */.Cj('BARE_REPO', `--repo ${source} is a bare repository`, { hint: 'pass a checkout (git clone it first)' });
    if (src.runSync(['rev-parse', '--verify', '-q', 'HEAD'], { readOnly: true }).code !== 0) {
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `--repo ${source} has no commits yet`, { hint: 'commit something first, or leave --repo out to use a scratch repository' });
    }
    (0,git_git/* createGit */.l)(process.cwd()).execSync(['clone', '-q', '--local', '--no-tags', top, path]);
    configureScratch(path);
    (0,git_git/* createGit */.l)(path).execSync(['checkout', '-q', '-B', 'lockstep-suite']);
    return 'lockstep-suite';
}
/** A new repository with one commit, gc off (so no background gc disturbs timings). */
function createScratchRepo(prefix = 'lockstep-scratch-') {
    const path = mkdtempSync(join(tmpdir(), prefix));
    initScratchRepoAt(path);
    return { path, dispose: () => rmSync(path, { recursive: true, force: true }) };
}

;// CONCATENATED MODULE: ./src/suites/stats.ts
/**
 * Latency and throughput numbers for the reports: fixed histogram buckets (so
 * histograms from soak segments add up), a bounded sample of raw latencies,
 * and percentiles.
 */
/** Upper bounds of the latency buckets, in ms; the last bucket is "above the last bound". */
const BUCKET_BOUNDS_MS = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];
/** Raw samples kept per operation (the rest go only into the histogram). */
const MAX_SAMPLES = 1000;
function emptyHistogram() {
    return { boundsMs: [...BUCKET_BOUNDS_MS], counts: new Array(BUCKET_BOUNDS_MS.length + 1).fill(0) };
}
function bucketOf(ms) {
    const i = BUCKET_BOUNDS_MS.findIndex((b) => ms <= b);
    return i < 0 ? BUCKET_BOUNDS_MS.length : i;
}
function percentile(sorted, p) {
    if (sorted.length === 0)
        return 0;
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
function summarize(samples) {
    const s = [...samples].sort((a, b) => a - b);
    const round = (n) => Math.round(n * 1000) / 1000;
    if (s.length === 0)
        return { min: 0, p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };
    return {
        min: round(s[0]),
        p50: round(percentile(s, 0.5)),
        p90: round(percentile(s, 0.9)),
        p99: round(percentile(s, 0.99)),
        max: round(s[s.length - 1]),
        mean: round(s.reduce((a, b) => a + b, 0) / s.length),
    };
}
/** Evenly thinned copy of `samples` of at most `max` entries (deterministic, keeps the shape). */
function thin(samples, max = MAX_SAMPLES) {
    if (samples.length <= max)
        return [...samples];
    const out = [];
    const step = samples.length / max;
    for (let k = 0; k < max; k++)
        out.push(samples[Math.floor(k * step)]);
    return out;
}
function operationStats(latencies, failed) {
    const histogram = emptyHistogram();
    for (const ms of latencies)
        histogram.counts[bucketOf(ms)]++;
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
        count: latencies.length + failed,
        ok: latencies.length,
        failed,
        latencyMs: summarize(sorted),
        histogram,
        samplesMs: thin(latencies).map((x) => Math.round(x * 1000) / 1000),
        totalMs: latencies.reduce((a, b) => a + b, 0),
    };
}
/**
 * Adds `b` into `a` (soak segments, rounds). Percentiles are recomputed from
 * the kept samples — exact while under MAX_SAMPLES, an estimate after.
 */
function mergeOperationStats(a, b) {
    if (!a)
        return structuredClone(b);
    const counts = a.histogram.counts.map((c, i) => c + (b.histogram.counts[i] ?? 0));
    const samples = thin([...a.samplesMs, ...b.samplesMs]);
    const latencyMs = summarize(samples);
    latencyMs.min = Math.min(a.latencyMs.min, b.latencyMs.min);
    latencyMs.max = Math.max(a.latencyMs.max, b.latencyMs.max);
    const ok = a.ok + b.ok;
    latencyMs.mean = ok ? Math.round(((a.totalMs + b.totalMs) / ok) * 1000) / 1000 : 0;
    return { count: a.count + b.count, ok, failed: a.failed + b.failed, latencyMs, histogram: { boundsMs: a.histogram.boundsMs, counts }, samplesMs: samples, totalMs: a.totalMs + b.totalMs };
}
/** Completed operations per bucket of `bucketMs`, counted from `startMs`. */
function throughput(endTimes, startMs, endMs, bucketMs = 1000) {
    const n = Math.max(1, Math.ceil((endMs - startMs) / bucketMs));
    const series = new Array(n).fill(0);
    for (const t of endTimes) {
        const k = Math.min(n - 1, Math.max(0, Math.floor((t - startMs) / bucketMs)));
        series[k]++;
    }
    return { bucketMs, series };
}

;// CONCATENATED MODULE: ./src/suites/machines.ts
/**
 * The remote backend's stage: a bare repository in the run directory stands
 * in for the git server, and every worker gets a clone of it of its own — a
 * machine, with a host id of its own (LOCKSTEP_HOST_ID), so a worker's file
 * locks and queue are invisible to the others and liveness by pid stops at
 * the machine's edge, as on separate computers. The server is reached through
 * git's file transport: real upload-pack and receive-pack processes, real
 * atomic compare-and-swap pushes.
 */




/** The host id of worker `w`'s machine. */
const machineHostId = (w) => `suite-machine-${w}`;
/** Makes the server from `repo` (which gets it as `origin` too) and `count` clones of it. */
function makeMachines(repo, runDir, count) {
    const server = (0,external_node_path_.join)(runDir, 'server.git');
    const git = (0,git_git/* createGit */.l)(repo);
    git.execSync(['clone', '-q', '--bare', '--no-tags', repo, server]);
    const hasOrigin = git.runSync(['remote', 'get-url', 'origin'], { readOnly: true }).code === 0;
    git.execSync(hasOrigin ? ['remote', 'set-url', 'origin', server] : ['remote', 'add', 'origin', server]);
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(runDir, 'machines'));
    const clones = [];
    for (let w = 0; w < count; w++) {
        const clone = (0,external_node_path_.join)(runDir, 'machines', `m${w}`);
        git.execSync(['clone', '-q', '--no-tags', server, clone]);
        configureScratch(clone);
        clones.push(clone);
    }
    return { server, clones };
}

;// CONCATENATED MODULE: ./src/suites/runner.ts
/**
 * Runs one workload once, in one mode: makes the repository, sets the
 * workload up, starts N real worker processes that all begin together,
 * replaces each worker a scheduled SIGKILL took down, waits, then checks the
 * invariants from the repository and the workers' logs.
 */



















/** Thrown when the run was aborted through `signal`: its partial results mean nothing. */
class RunAborted extends Error {
    constructor() {
        super('suite run aborted');
    }
}
/**
 * Environment for workers: nothing inherited that would make them share a
 * lock or a git dir, nor pick a backend on their own; on the remote stage
 * each worker is a machine of its own.
 */
function workerEnv(backend, w) {
    const env = { ...process.env };
    for (const k of ['LOCKSTEP_LOCK_TOKEN', 'LOCKSTEP_TASK', 'LOCKSTEP_AGENT', 'LOCKSTEP_BACKEND', 'LOCKSTEP_HOST_ID', 'GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'NODE_OPTIONS'])
        delete env[k];
    if (backend === 'remote')
        env.LOCKSTEP_HOST_ID = machineHostId(w);
    return env;
}
function killGroup(child) {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null)
        return;
    try {
        process.kill(-child.pid, 'SIGKILL');
    }
    catch {
        child.kill('SIGKILL');
    }
}
async function runWorkload(opts) {
    const workload = workloadByName(opts.workload);
    const procs = opts.procs ?? workload.defaults.procs;
    const iterations = opts.iterations ?? workload.defaults.iterations;
    const killRate = opts.killRate ?? 0;
    const backend = opts.backend ?? 'file';
    if (!(killRate >= 0 && killRate < 1))
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `--kill-rate takes a probability from 0 to below 1, not ${killRate}`);
    if (backend === 'remote' && !workload.remoteSummary) {
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `the ${workload.name} suite has no remote-backend form: it coordinates one working tree, which lives on one machine`, {
            hint: `run it with the file backend (leave out --backend remote); the remote backend's suites are ${remoteWorkloads().join(', ')}`,
        });
    }
    if (opts.signal?.aborted)
        throw new RunAborted();
    const startedAt = new Date();
    const t0 = external_node_perf_hooks_.performance.now();
    const runDir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(opts.tmpRoot ?? (0,external_node_os_.tmpdir)(), `lockstep-suite-${opts.workload}-${opts.mode}-`));
    let keep = false;
    try {
        const repo = (0,external_node_path_.join)(runDir, 'repo');
        const logDir = (0,external_node_path_.join)(runDir, 'logs');
        (0,external_node_fs_.mkdirSync)(logDir);
        const base = opts.sourceRepo ? cloneRepoAt(opts.sourceRepo, repo) : (initScratchRepoAt(repo), 'main');
        const machines = backend === 'remote' ? makeMachines(repo, runDir, procs).clones : [];
        const setupCtx = { repo, base, runDir, mode: opts.mode, procs, iterations, seed: opts.seed, cli: opts.cli, backend, machines };
        const params = await workload.setup(setupCtx);
        const schedule = buildSchedule({ suite: opts.workload, seed: opts.seed, procs, ops: workload.opsPerWorker(procs, iterations), killRate, maxDelayMs: workload.maxDelayMs, maxKillDelayMs: workload.maxKillDelayMs });
        const spec = { suite: opts.workload, mode: opts.mode, repo, base, runDir, logDir, procs, iterations, seed: opts.seed, cli: opts.cli, params, schedule, backend, machines };
        const specPath = (0,external_node_path_.join)(runDir, 'spec.json');
        (0,external_node_fs_.writeFileSync)(specPath, JSON.stringify(spec));
        const total = workload.totalOps(procs, iterations);
        const extra = [];
        const peak = emptyPeak();
        let done = 0;
        let kills = 0;
        let goAt = 0;
        let endAt = 0;
        const slots = Array.from({ length: procs }, () => ({ child: null, incarnation: 0, stderr: '', finished: false }));
        if (opts.signal?.aborted)
            throw new RunAborted();
        const workloadDone = new Promise((resolveAll, rejectAll) => {
            let ready = 0;
            let aborted = false;
            // Generous: a hang, not a slow machine, should trip it.
            const timeoutMs = opts.timeoutMs ?? Math.max(600_000, total * 2000);
            let timer = null;
            let sampler = null;
            const finish = () => {
                if (!slots.every((s) => s.finished))
                    return;
                endAt = Date.now();
                if (timer)
                    clearTimeout(timer);
                if (sampler)
                    clearInterval(sampler);
                opts.signal?.removeEventListener('abort', onAbort);
                if (aborted)
                    rejectAll(new RunAborted());
                else
                    resolveAll();
            };
            const stopAll = () => {
                for (const s of slots)
                    if (s.child)
                        killGroup(s.child);
            };
            const onAbort = () => {
                aborted = true;
                stopAll();
                // Slots that never started a process are finished already.
                for (const s of slots)
                    if (!s.child)
                        s.finished = true;
                finish();
            };
            opts.signal?.addEventListener('abort', onAbort, { once: true });
            const start = (w, incarnation, startAt, waitForGo) => {
                const slot = slots[w];
                slot.incarnation = incarnation;
                const child = (0,external_node_child_process_.spawn)(opts.cli[0], [...opts.cli.slice(1), '_suite-worker', specPath, String(w), String(incarnation), String(startAt), waitForGo ? 'wait' : 'now'], {
                    cwd: machines[w] ?? repo,
                    detached: true,
                    env: workerEnv(backend, w),
                    stdio: [waitForGo ? 'pipe' : 'ignore', 'pipe', 'pipe'],
                });
                slot.child = child;
                let buf = '';
                child.stdout.setEncoding('utf8');
                child.stdout.on('data', (d) => {
                    buf += d;
                    let nl;
                    while ((nl = buf.indexOf('\n')) >= 0) {
                        const line = buf.slice(0, nl);
                        buf = buf.slice(nl + 1);
                        if (line === '+') {
                            done++;
                            opts.onProgress?.(done, total);
                        }
                        else if (line === 'ready' && waitForGo) {
                            ready++;
                            if (ready === procs) {
                                goAt = Date.now();
                                for (const s of slots)
                                    s.child?.stdin?.end('go\n');
                            }
                        }
                    }
                });
                child.stderr.setEncoding('utf8');
                child.stderr.on('data', (d) => {
                    slot.stderr = (slot.stderr + d).slice(-4000);
                });
                child.stdin?.on('error', () => {
                    /* the worker died before reading */
                });
                child.on('error', (e) => {
                    extra.push(violation('worker_crashed', `worker ${w} could not be started: ${e.message}`, { worker: w }));
                    slot.finished = true;
                    finish();
                });
                child.on('close', (code, sig) => {
                    if (aborted) {
                        slot.finished = true;
                        finish();
                        return;
                    }
                    if (sig === 'SIGKILL') {
                        const last = lastStarted(logDir, w, incarnation);
                        if (last.killed) {
                            kills++;
                            const next = last.i + 1;
                            if (next < schedule.workers[w].ops.length) {
                                start(w, incarnation + 1, next, false);
                                return;
                            }
                            slot.finished = true;
                            finish();
                            return;
                        }
                    }
                    if (code !== 0) {
                        extra.push(violation('worker_crashed', `worker ${w} (process ${incarnation}) exited with ${sig ?? `code ${code}`}`, { worker: w, incarnation, code, signal: sig, stderr: slot.stderr.slice(-1500) }));
                    }
                    slot.finished = true;
                    finish();
                });
            };
            for (let w = 0; w < procs; w++)
                start(w, 0, 0, true);
            timer = setTimeout(() => {
                extra.push(violation('timeout', `the workload did not finish within ${Math.round(timeoutMs / 1000)} s: workers stopped`, { timeoutMs, done, total }));
                stopAll();
            }, timeoutMs);
            timer.unref();
            sampler = setInterval(() => {
                for (const s of slots)
                    if (s.child?.pid && !s.finished)
                        notePeak(peak, resourcesOf(s.child.pid));
            }, opts.sampleEveryMs ?? 500);
            sampler.unref();
        });
        await workloadDone;
        // A signal during setup or the checks: the run is incomplete either way.
        if (opts.signal?.aborted)
            throw new RunAborted();
        if (goAt === 0)
            goAt = endAt;
        const workloadMs = endAt - goAt;
        // --- checks -----------------------------------------------------------
        const c0 = external_node_perf_hooks_.performance.now();
        const { events, badLines } = readLogs(logDir);
        if (opts.signal?.aborted)
            throw new RunAborted();
        const violations = [...extra];
        if (badLines > 0 && kills === 0)
            violations.push(violation('corrupt_log', `${badLines} unreadable line(s) in the worker logs`, { badLines }));
        for (const e of events) {
            if (e.ev === 'fail')
                violations.push(violation(e.kind ?? 'operation_failed', `worker ${e.w} op ${e.i} failed: ${e.error ?? 'unknown error'}`, { worker: e.w, op: e.i, error: e.error }));
        }
        const recovery = {};
        const checkCtx = { ...setupCtx, params, events, kills, recovery };
        violations.push(...(await workload.check(checkCtx)));
        const locks = backend === 'remote' ? await checkRemoteLocks(repo, kills) : await checkLocks(repo, kills);
        // Stale locks of killed holders that the next acquirer took over during the run (each machine logs its own).
        const takeovers = [repo, ...machines].reduce((n, r) => n + (0,core_events/* readEvents */.wj)((0,core_runtime/* openRuntime */.fS)({ cwd: r }).root, (e) => e.type === 'takeover').length, 0);
        violations.push(...locks.violations);
        const checkMs = external_node_perf_hooks_.performance.now() - c0;
        // --- numbers ------------------------------------------------------------
        const operations = collectOperations(events);
        const ends = events.filter((e) => e.ev === 'ok').map((e) => e.t);
        const tp = throughput(ends, goAt, Math.max(endAt, goAt + 1), workloadMs > 20_000 ? 5000 : 1000);
        const ended = events.filter((e) => e.ev === 'end');
        const logMs = ended.length ? ended.reduce((a, e) => a + (e.logMs ?? 0), 0) / procs : 0;
        const self = resourcesOf('self');
        peak.suiteRssKb = self.rssKb;
        peak.suiteFds = self.fds;
        const summary = summarizeViolations(violations);
        const expect = opts.mode === 'protected' ? 'clean' : 'violations';
        const ok = expect === 'clean' ? summary.total === 0 : summary.total > 0;
        keep = opts.keep === 'always' || (opts.keep !== 'never' && opts.mode === 'protected' && summary.total > 0);
        const round = (n) => Math.round(n * 100) / 100;
        return {
            suite: opts.workload,
            mode: opts.mode,
            backend,
            expect,
            ok,
            workload: workload.describe(procs, iterations) + (backend === 'remote' ? `, each worker a machine with its own clone of one server` : ''),
            operation: (backend === 'remote' ? workload.remoteSummary : workload.summary)[opts.mode],
            procs,
            iterations,
            seed: opts.seed,
            killRate,
            scheduleDigest: schedule.digest,
            startedAt: startedAt.toISOString(),
            wallMs: round(external_node_perf_hooks_.performance.now() - t0),
            workloadMs,
            checkMs: round(checkMs),
            logMs: round(logMs),
            overheadRatio: workloadMs > 0 ? Math.round(((logMs + checkMs) / workloadMs) * 10000) / 10000 : 0,
            operations,
            throughput: tp,
            violations: summary,
            kills: { scheduled: scheduledKills(schedule), done: kills, takeovers, locksRecovered: locks.recovered, recovery },
            resources: peak,
            keptAt: keep ? runDir : null,
        };
    }
    finally {
        if (!keep)
            (0,external_node_fs_.rmSync)(runDir, { recursive: true, force: true });
    }
}
/** The workloads that have a remote-backend form. */
function remoteWorkloads() {
    return WORKLOAD_NAMES.filter((n) => workloadByName(n).remoteSummary !== undefined);
}
/**
 * The remote form of checkLocks: every lock ref left on the server after the
 * run. A killed holder's lock may remain; a new acquisition must get it once
 * its lease has run out (this process is another machine: it cannot see the
 * holder's pid, only the lease).
 */
async function checkRemoteLocks(repo, kills) {
    const out = [];
    let recovered = 0;
    for (const l of await (0,remote_lock/* listRemoteLocks */.xg)({ cwd: repo })) {
        if (l.state === 'free')
            continue;
        if (kills === 0) {
            out.push(violation('lock_left_behind', `the ${l.name} lock is still held on the server (token ${l.token}, host ${l.holder?.host ?? '?'}) after every worker ended`, { lock: l.name, token: l.token, holder: l.holder }));
            continue;
        }
        const waitMs = (l.holder?.leaseMs ?? 0) * 3 + 5000;
        try {
            const h = await (0,remote_lock/* acquireRemoteLock */.K1)({ cwd: repo, name: l.name, timeoutMs: waitMs, reentrant: false, command: 'lockstep suite: recovery check' });
            await (0,remote_lock/* releaseRemoteLock */.L2)(h);
            recovered++;
        }
        catch (e) {
            out.push(violation('stuck_lock', `the ${l.name} lock could not be acquired within ${Math.round(waitMs / 1000)} s after its holder was killed: ${e.message}`, { lock: l.name, token: l.token, holder: l.holder }));
        }
    }
    return { violations: out, recovered };
}
/** The last operation worker `w` (process `n`) started, and whether it logged a scheduled kill. */
function lastStarted(logDir, w, n) {
    const { events } = readLogs(logDir);
    let i = -1;
    let killed = false;
    for (const e of events) {
        if (e.w !== w || e.n !== n)
            continue;
        if (e.ev === 'start')
            i = Math.max(i, e.i);
        if (e.ev === 'kill')
            killed = true;
    }
    return { i, killed };
}
function collectOperations(events) {
    const lat = new Map();
    const failed = new Map();
    for (const e of events) {
        if (e.ev === 'ok') {
            if (!lat.has(e.op))
                lat.set(e.op, []);
            lat.get(e.op).push(e.ms ?? 0);
        }
        else if (e.ev === 'fail') {
            failed.set(e.op, (failed.get(e.op) ?? 0) + 1);
            if (!lat.has(e.op))
                lat.set(e.op, []);
        }
    }
    const out = {};
    for (const [op, samples] of lat)
        out[op] = operationStats(samples, failed.get(op) ?? 0);
    return out;
}
/**
 * No lock may be left behind: after a clean run every lock is free; after
 * kills a stale lock is expected, but a new acquisition must get it at once
 * (a stuck lock is a violation).
 */
async function checkLocks(repo, kills) {
    const out = [];
    let recovered = 0;
    const runtime = (0,core_runtime/* openRuntime */.fS)({ cwd: repo });
    for (const l of (0,lock/* listLocks */.dB)({ runtime })) {
        if (l.state === 'free')
            continue;
        if (l.state === 'held') {
            out.push(violation('lock_left_behind', `the ${l.name} lock is still held by pid ${l.holder?.pid} after every worker ended`, { lock: l.name, token: l.token, holder: l.holder }));
            continue;
        }
        if (kills === 0)
            out.push(violation('lock_left_behind', `the ${l.name} lock was left stale (${l.staleReason}) with no worker killed`, { lock: l.name, token: l.token, holder: l.holder }));
        try {
            const h = await (0,lock/* acquireLock */.IZ)({ runtime, name: l.name, timeoutMs: 2000, reentrant: false, command: 'lockstep suite: recovery check' });
            (0,lock/* releaseLock */.x_)(h);
            recovered++;
        }
        catch (e) {
            out.push(violation('stuck_lock', `the ${l.name} lock could not be acquired within 2 s after its holder was killed: ${e.message}`, { lock: l.name, token: l.token, holder: l.holder }));
        }
    }
    return { violations: out, recovered };
}

;// CONCATENATED MODULE: ./src/suites/soak.ts
/**
 * The soak: the mixed workload (every workload in turn, a fresh repository
 * per round, workers SIGKILLed at random) for a long time, checking the
 * invariants after every round, sampling throughput, latency, memory and
 * open files per minute, and stopping at the first violation with its
 * evidence.
 *
 * It checkpoints after every round (temp file + rename), so a run stopped by
 * SIGTERM or by `--segment` resumes from the same file where it left off,
 * and the final report covers every segment: a 24-hour soak on GitHub-hosted
 * runners is four chained jobs.
 */









const CHECKPOINT_SCHEMA = 'lockstep.soak-checkpoint/1';
const DEFAULT_SOAK_KILL_RATE = 0.05;
/** A round is small so that invariants are checked often and a signal loses little. */
const SOAK_ROUND = { procs: 3, iterations: 4 };
function newWindow(startMs) {
    return { startMs, ops: 0, latencies: [], violations: 0, kills: 0, workerRssKbMax: null, workerFdsMax: null };
}
function readCheckpoint(path) {
    if (!(0,external_node_fs_.existsSync)(path))
        return null;
    let cp;
    try {
        cp = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (e) {
        throw new errors/* LockstepError */.Cj('CORRUPT_STATE', `the soak checkpoint ${path} is not valid JSON: ${e.message}`, { hint: `move it away to start a new soak: mv "${path}" "${path}.bad"` });
    }
    if (cp?.schema !== CHECKPOINT_SCHEMA) {
        throw new errors/* LockstepError */.Cj('CORRUPT_STATE', `${path} is not a lockstep soak checkpoint (schema ${JSON.stringify(cp?.schema)})`, { hint: 'pass the file an earlier `lockstep suite soak --checkpoint` wrote, or a new path' });
    }
    return cp;
}
function closeSample(cp, endMs, segment) {
    const w = cp.window;
    const span = Math.max(1, endMs - w.startMs);
    const sorted = [...w.latencies].sort((a, b) => a - b);
    const self = resourcesOf('self');
    cp.samples.push({
        minute: Math.round((endMs / 60_000) * 100) / 100,
        at: new Date().toISOString(),
        segment,
        ops: w.ops,
        opsPerSec: Math.round((w.ops / span) * 1000 * 10) / 10,
        latencyP50Ms: Math.round(percentile(sorted, 0.5) * 100) / 100,
        latencyP99Ms: Math.round(percentile(sorted, 0.99) * 100) / 100,
        violations: w.violations,
        kills: w.kills,
        suiteRssKb: self.rssKb,
        suiteFds: self.fds,
        workerRssKbMax: w.workerRssKbMax,
        workerFdsMax: w.workerFdsMax,
    });
    cp.window = newWindow(endMs);
}
function addRun(cp, r) {
    for (const [op, s] of Object.entries(r.operations))
        cp.operations[op] = mergeOperationStats(cp.operations[op], s);
    const ops = Object.values(r.operations).reduce((n, o) => n + o.ok, 0);
    cp.totals.ops += ops;
    cp.totals.kills += r.kills.done;
    cp.totals.violations += r.violations.total;
    cp.totals.locksRecovered += r.kills.locksRecovered;
    cp.totals.takeovers += r.kills.takeovers;
    for (const [k, v] of Object.entries(r.kills.recovery))
        cp.totals.recovery[k] = (cp.totals.recovery[k] ?? 0) + v;
    const w = cp.window;
    w.ops += ops;
    for (const s of Object.values(r.operations))
        w.latencies.push(...s.samplesMs);
    if (w.latencies.length > 5000)
        w.latencies = w.latencies.filter((_, k) => k % 2 === 0);
    w.violations += r.violations.total;
    w.kills += r.kills.done;
    if (r.resources.workerRssKbMax !== null)
        w.workerRssKbMax = Math.max(w.workerRssKbMax ?? 0, r.resources.workerRssKbMax);
    if (r.resources.workerFdsMax !== null)
        w.workerFdsMax = Math.max(w.workerFdsMax ?? 0, r.resources.workerFdsMax);
}
/** Growth of a resource between the first and the last sample. */
function growthOf(values, grows) {
    const v = values.filter((x) => x !== null);
    const first = v[0] ?? null;
    const last = v.length ? v[v.length - 1] : null;
    const max = v.length ? Math.max(...v) : null;
    return { first, last, max, growing: first !== null && last !== null && v.length >= 3 && grows(first, last) };
}
// RSS counts as growing past +50 % and +32 MiB; open files past +16 descriptors.
const rssGrows = (a, b) => b > a * 1.5 && b - a > 32 * 1024;
const fdsGrow = (a, b) => b - a > 16;
function soakSection(cp) {
    const s = cp.samples;
    return {
        durationMs: cp.options.durationMs,
        elapsedMs: cp.elapsedMs,
        complete: cp.status === 'passed' || cp.status === 'failed',
        rounds: cp.rounds,
        segments: cp.segments,
        samples: s,
        operations: cp.operations,
        totals: cp.totals,
        firstViolation: cp.firstViolation,
        growth: {
            suiteRssKb: growthOf(s.map((x) => x.suiteRssKb), rssGrows),
            suiteFds: growthOf(s.map((x) => x.suiteFds), fdsGrow),
            workerRssKb: growthOf(s.map((x) => x.workerRssKbMax), rssGrows),
            workerFds: growthOf(s.map((x) => x.workerFdsMax), fdsGrow),
        },
    };
}
function soakReport(cp, version, finishedAt) {
    const started = new Date(cp.startedAt);
    return {
        schema: REPORT_SCHEMA,
        tool: { name: 'lockstep', version },
        suite: 'soak',
        ok: cp.status === 'passed' || (cp.status === 'paused' && cp.totals.violations === 0),
        startedAt: cp.startedAt,
        finishedAt: finishedAt.toISOString(),
        wallMs: finishedAt.getTime() - started.getTime(),
        host: hostInfo(),
        options: { procs: cp.options.procs, iterations: cp.options.iterations, seed: cp.options.seed, killRate: cp.options.killRate, control: false, repo: cp.options.repo, durationMs: cp.options.durationMs, backend: 'file' },
        runs: [],
        comparison: [],
        soak: soakSection(cp),
    };
}
async function runSoak(o) {
    let cp = o.checkpoint ? readCheckpoint(o.checkpoint) : null;
    if (cp) {
        const x = o.explicit ?? {};
        const clash = (flag, given, saved) => {
            throw new errors/* LockstepError */.Cj('BAD_INPUT', `the checkpoint ${o.checkpoint} belongs to a soak with ${flag} ${saved}, not ${given}`, {
                hint: `resume it with the same options (or none), or start a new soak with another --checkpoint file`,
                detail: { flag, given, saved },
            });
        };
        if (x.durationMs && o.durationMs !== cp.options.durationMs)
            clash('--duration (ms)', o.durationMs, cp.options.durationMs);
        if (x.seed && o.seed !== cp.options.seed)
            clash('--seed', o.seed, cp.options.seed);
        if (x.killRate && (o.killRate ?? DEFAULT_SOAK_KILL_RATE) !== cp.options.killRate)
            clash('--kill-rate', o.killRate ?? DEFAULT_SOAK_KILL_RATE, cp.options.killRate);
        if (cp.status === 'passed' || cp.status === 'failed')
            return { status: cp.status, report: soakReport(cp, o.version, new Date()), checkpoint: cp };
    }
    else {
        cp = {
            schema: CHECKPOINT_SCHEMA,
            status: 'running',
            startedAt: new Date().toISOString(),
            options: {
                durationMs: o.durationMs,
                seed: o.seed,
                killRate: o.killRate ?? DEFAULT_SOAK_KILL_RATE,
                procs: o.procs ?? null,
                iterations: o.iterations ?? null,
                sampleEveryMs: o.sampleEveryMs ?? 60_000,
                repo: o.sourceRepo ?? null,
            },
            elapsedMs: 0,
            rounds: 0,
            segments: [],
            samples: [],
            window: newWindow(0),
            operations: {},
            totals: { ops: 0, kills: 0, violations: 0, takeovers: 0, locksRecovered: 0, recovery: {} },
            firstViolation: null,
        };
    }
    const opts = cp.options;
    const segStart = Date.now();
    const elapsedBefore = cp.elapsedMs;
    const segment = { index: cp.segments.length, startedAt: new Date(segStart).toISOString(), endedAt: '', elapsedMs: 0, rounds: 0, endedBy: 'duration' };
    cp.segments.push(segment);
    cp.status = 'running';
    const elapsed = () => elapsedBefore + (Date.now() - segStart);
    const save = () => {
        segment.endedAt = new Date().toISOString();
        segment.elapsedMs = Date.now() - segStart;
        cp.elapsedMs = elapsed();
        if (o.checkpoint)
            (0,files/* writeFileAtomic */.Zf)(o.checkpoint, JSON.stringify(cp));
    };
    save();
    for (;;) {
        if (o.signal?.aborted) {
            segment.endedBy = 'signal';
            cp.status = 'paused';
            break;
        }
        if (elapsed() >= opts.durationMs) {
            segment.endedBy = 'duration';
            cp.status = 'passed';
            break;
        }
        if (o.segmentMs && Date.now() - segStart >= o.segmentMs) {
            segment.endedBy = 'segment-limit';
            cp.status = 'paused';
            break;
        }
        const round = cp.rounds;
        const suite = WORKLOAD_NAMES[round % WORKLOAD_NAMES.length];
        o.onProgress?.(elapsed(), opts.durationMs, `round ${round} ${suite}`);
        let r;
        try {
            r = await runWorkload({
                workload: suite,
                mode: o.mode ?? 'protected',
                procs: opts.procs ?? SOAK_ROUND.procs,
                iterations: opts.iterations ?? SOAK_ROUND.iterations,
                seed: (0,prng/* deriveSeed */.B7)('soak', opts.seed, round),
                killRate: opts.killRate,
                sourceRepo: opts.repo,
                cli: o.cli,
                signal: o.signal,
                tmpRoot: o.tmpRoot,
                keep: 'on-violation',
                sampleEveryMs: 250,
            });
        }
        catch (e) {
            if (e instanceof RunAborted) {
                segment.endedBy = 'signal';
                cp.status = 'paused';
                break;
            }
            throw e;
        }
        addRun(cp, r);
        cp.rounds++;
        segment.rounds++;
        if (r.violations.total > 0) {
            cp.firstViolation = { round, suite, violation: r.violations.samples[0], keptAt: r.keptAt };
            segment.endedBy = 'violation';
            cp.status = 'failed';
            closeSample(cp, elapsed(), segment.index);
            break;
        }
        if (elapsed() - cp.window.startMs >= opts.sampleEveryMs)
            closeSample(cp, elapsed(), segment.index);
        save();
    }
    // Close the open window so even a short segment leaves a sample.
    if (cp.window.ops > 0 || cp.samples.length === 0)
        closeSample(cp, elapsed(), segment.index);
    save();
    o.onProgress?.(Math.min(elapsed(), opts.durationMs), opts.durationMs, cp.status);
    return { status: cp.status, report: soakReport(cp, o.version, new Date()), checkpoint: cp };
}

;// CONCATENATED MODULE: ./src/suites/suite.ts
/**
 * `lockstep suite NAME`: which runs a suite name stands for, run one after
 * another (never two at once: each run owns the machine's cores), gathered
 * into one report.
 */





const SUITE_NAMES = [...WORKLOAD_NAMES, 'all', 'contention', 'soak'];
function planRuns(suite, control, backend = 'file') {
    // On the remote backend, the groups hold the workloads that have a remote form (a single named one without is refused by the runner).
    const names = backend === 'remote' ? remoteWorkloads() : [...WORKLOAD_NAMES];
    if (suite === 'contention')
        return names.flatMap((s) => [{ suite: s, mode: 'protected' }, { suite: s, mode: 'control' }]);
    const mode = control ? 'control' : 'protected';
    if (suite === 'all')
        return names.map((s) => ({ suite: s, mode }));
    return [{ suite, mode }];
}
async function runSuite(o) {
    const started = new Date();
    const plan = planRuns(o.suite, o.control ?? false, o.backend);
    const total = plan.reduce((n, p) => {
        const w = workloadByName(p.suite);
        return n + w.totalOps(o.procs ?? w.defaults.procs, o.iterations ?? w.defaults.iterations);
    }, 0);
    let before = 0;
    const runs = [];
    const t0 = Date.now();
    const timed = o.durationMs !== undefined;
    const timeUp = () => timed && Date.now() - t0 >= o.durationMs;
    for (let repetition = 0; repetition === 0 || (timed && !timeUp()); repetition++) {
        for (const [index, p] of plan.entries()) {
            if (timeUp() && runs.length > 0)
                break;
            o.onRun?.({ ...p, index, of: plan.length });
            const r = await runWorkload({
                workload: p.suite,
                mode: p.mode,
                procs: o.procs,
                iterations: o.iterations,
                seed: repetition === 0 ? o.seed : (0,prng/* deriveSeed */.B7)('repeat', o.seed, repetition),
                killRate: o.killRate,
                sourceRepo: o.sourceRepo,
                backend: o.backend,
                cli: o.cli,
                signal: o.signal,
                tmpRoot: o.tmpRoot,
                keep: o.keep,
                onProgress: (done) => (timed ? o.onProgress?.(Math.min(Date.now() - t0, o.durationMs), o.durationMs) : o.onProgress?.(before + done, total)),
            });
            const w = workloadByName(p.suite);
            before += w.totalOps(r.procs, r.iterations);
            if (!timed)
                o.onProgress?.(before, total);
            runs.push(r);
        }
    }
    if (timed)
        o.onProgress?.(o.durationMs, o.durationMs);
    const finished = new Date();
    return {
        schema: REPORT_SCHEMA,
        tool: { name: 'lockstep', version: o.version },
        suite: o.suite,
        ok: runs.every((r) => r.ok),
        startedAt: started.toISOString(),
        finishedAt: finished.toISOString(),
        wallMs: finished.getTime() - started.getTime(),
        host: hostInfo(),
        options: {
            procs: o.procs ?? null,
            iterations: o.iterations ?? null,
            seed: o.seed,
            killRate: o.killRate ?? 0,
            control: o.suite === 'contention' ? true : (o.control ?? false),
            repo: o.sourceRepo ?? null,
            durationMs: o.durationMs ?? null,
            backend: o.backend ?? 'file',
        },
        runs,
        comparison: compare(runs),
        soak: null,
    };
}

;// CONCATENATED MODULE: ./src/suites/worker.ts
/**
 * A suite worker: one real process (`lockstep _suite-worker SPEC W N START`)
 * that runs its slot's scheduled operations and logs each one. It is started
 * in a process group of its own, so a scheduled kill takes its children (git,
 * lockstep commands it runs) down with it, as when an agent crashes.
 *
 * Protocol on stdout, one line each: `ready` once set up, then it waits for
 * `go` on stdin (so all workers start together), `+` per finished operation
 * (the suite's progress), `end`.
 */







/** SIGKILL of this worker's whole process group (falls back to itself when it leads none). */
function die() {
    try {
        process.kill(-process.pid, 'SIGKILL');
    }
    catch {
        /* not a group leader */
    }
    process.kill(process.pid, 'SIGKILL');
    throw new Error('unreachable');
}
async function workerMain(o) {
    const spec = JSON.parse((0,external_node_fs_.readFileSync)(o.specPath, 'utf8'));
    const workload = workloadByName(spec.suite);
    const slots = spec.schedule.workers[o.worker]?.ops ?? [];
    const log = new WorkerLog(logPath(spec.logDir, o.worker));
    const ctx = {
        repo: spec.repo,
        base: spec.base,
        runDir: spec.runDir,
        mode: spec.mode,
        procs: spec.procs,
        iterations: spec.iterations,
        seed: spec.seed,
        cli: spec.cli,
        backend: spec.backend,
        machines: spec.machines,
        machine: spec.machines[o.worker] ?? spec.repo,
        worker: o.worker,
        incarnation: o.incarnation,
        params: spec.params,
        state: {},
        critical: () => undefined,
    };
    const base = { w: o.worker, n: o.incarnation, op: workload.op };
    o.out('ready');
    if (o.waitForGo)
        await o.go();
    let k = o.startAt;
    while (k < slots.length) {
        const slot = slots[k];
        if (slot.delayMs > 0)
            await (0,promises_.setTimeout)(slot.delayMs);
        log.write({ ...base, i: k, ev: 'start', t: Date.now() });
        const kill = slot.kill;
        if (kill?.phase === 'before') {
            log.write({ ...base, i: k, ev: 'kill', t: Date.now(), phase: 'before' });
            die();
        }
        let timer = null;
        ctx.critical =
            kill?.phase === 'during' && workload.killAtCritical
                ? () => {
                    log.write({ ...base, i: k, ev: 'kill', t: Date.now(), phase: 'critical' });
                    die();
                }
                : () => undefined;
        if (kill?.phase === 'during' && !workload.killAtCritical) {
            timer = setTimeout(() => {
                log.write({ ...base, i: k, ev: 'kill', t: Date.now(), phase: 'during' });
                die();
            }, kill.afterMs);
        }
        const t0 = external_node_perf_hooks_.performance.now();
        try {
            const r = await workload.run(ctx, slot);
            const ms = external_node_perf_hooks_.performance.now() - t0;
            if (kill) {
                // The work is done, its acknowledgement not yet written: a kill here
                // leaves an operation "in doubt" that the checker must tolerate.
                if (timer)
                    clearTimeout(timer);
                log.write({ ...base, i: k, ev: 'kill', t: Date.now(), phase: kill.phase === 'during' ? 'during-late' : 'after' });
                die();
            }
            if ('idle' in r && r.idle) {
                // Nothing to do yet (e.g. every item is claimed by someone): retry this slot.
                await (0,promises_.setTimeout)(20);
                continue;
            }
            if ('stop' in r && r.stop)
                break;
            log.write({ ...base, i: k, ev: 'ok', t: Date.now(), ms, data: 'data' in r ? r.data : undefined });
            o.out('+');
        }
        catch (e) {
            if (timer)
                clearTimeout(timer);
            const ms = external_node_perf_hooks_.performance.now() - t0;
            const kind = e instanceof OpFailure ? e.kind : 'operation_failed';
            const message = (0,errors/* isLockstepError */.sq)(e) ? `${e.code}: ${e.message}` : (e?.message ?? String(e));
            log.write({ ...base, i: k, ev: 'fail', t: Date.now(), ms, kind, error: message.slice(0, 2000) });
            o.out('+');
        }
        k++;
    }
    log.write({ ...base, i: -1, ev: 'end', t: Date.now(), logMs: log.spentMs });
    log.close();
    o.out('end');
    return 0;
}

// EXTERNAL MODULE: ./src/cli/context.ts
var context = __webpack_require__(5217);
// EXTERNAL MODULE: ./src/cli/output.ts
var output = __webpack_require__(6657);
;// CONCATENATED MODULE: ./src/cli/commands/suite.ts















/** The suites' stage: `file` (one repository) or `remote` (a server repository and a clone per worker); never someone's real remote. */
function parseSuiteBackend(v) {
    if (v === undefined || v === 'file')
        return 'file';
    if (v === 'remote')
        return 'remote';
    if (v.startsWith('remote:')) {
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `--backend ${v}: the suites make their own server (a bare repository in the run directory) and never push to a real remote`, { hint: 'lockstep suite contention --backend remote' });
    }
    throw new errors/* LockstepError */.Cj('BAD_INPUT', `--backend takes file or remote, not ${JSON.stringify(v)}`);
}
function parseKillRate(v) {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n >= 1) {
        throw new errors/* LockstepError */.Cj('BAD_INPUT', `--kill-rate takes a probability per operation from 0 to below 1 (e.g. 0.05), not ${JSON.stringify(v)}`);
    }
    return n;
}
/** argv that starts this same CLI again (workers are `lockstep _suite-worker` processes). */
function selfArgv() {
    return [process.execPath, ...process.execArgv.filter((a) => !a.startsWith('--inspect')), process.argv[1]];
}
function writeReports(rep, o, cwd) {
    const written = [];
    const out = (file, text) => {
        if (!file)
            return;
        const path = (0,external_node_path_.resolve)(cwd, file);
        try {
            (0,files/* writeFileAtomic */.Zf)(path, text());
        }
        catch {
            (0,external_node_fs_.writeFileSync)(path, text()); // e.g. /dev/stdout, where a rename cannot go
        }
        written.push(path);
    };
    out(o.report, () => JSON.stringify(rep, null, 2) + '\n');
    out(o.markdown, () => renderMarkdown(rep) + '\n');
    out(o.html, () => renderHtml(rep));
    return written;
}
function sideBySide(rep) {
    const lines = [];
    const w = Math.max(...rep.comparison.map((c) => c.suite.length), 5);
    lines.push(`${'suite'.padEnd(w)}  ${'protected (lockstep)'.padEnd(30)}  control (no protection)`);
    for (const c of rep.comparison) {
        const p = `${c.protected.violations} violations, ${(c.protected.wallMs / 1000).toFixed(1)} s`;
        const k = `${c.control.violations} violations, ${(c.control.wallMs / 1000).toFixed(1)} s${c.control.violations ? `: ${describeByKind(c.control.byKind)}` : ''}`;
        lines.push(`${c.suite.padEnd(w)}  ${p.padEnd(30)}  ${k}`);
    }
    return lines;
}
function summary(rep) {
    const lines = [];
    if (rep.soak) {
        const s = rep.soak;
        lines.push(`soak: ${s.complete ? (rep.ok ? 'passed' : 'FAILED') : 'paused'} after ${formatDuration(s.elapsedMs)} of ${formatDuration(s.durationMs)}: ${s.rounds} rounds in ${s.segments.length} segment(s), ${s.totals.ops} operations, ${s.totals.kills} workers killed, ${s.totals.takeovers + s.totals.locksRecovered} stale locks taken over, ${s.totals.violations} violations`);
        const g = s.growth;
        const grew = Object.entries(g).filter(([, v]) => v.growing).map(([k, v]) => `${k} ${v.first} → ${v.last}`);
        lines.push(grew.length ? `growth: ${grew.join(', ')}` : 'growth: none (memory and open files steady)');
        if (s.firstViolation) {
            const f = s.firstViolation;
            lines.push(`first violation (round ${f.round}, ${f.suite}): ${f.violation.kind}: ${f.violation.message}`);
            lines.push(`  evidence: ${JSON.stringify(f.violation.evidence).slice(0, 600)}`);
            if (f.keptAt)
                lines.push(`  repository and logs kept at ${f.keptAt}`);
        }
        return lines;
    }
    if (rep.comparison.length) {
        lines.push(...sideBySide(rep), '');
    }
    // Repeated runs (--duration) are summed per workload and mode; each failing run is still shown.
    const groups = new Map();
    for (const r of rep.runs) {
        const key = `${r.suite}/${r.mode}`;
        if (!groups.has(key))
            groups.set(key, []);
        groups.get(key).push(r);
    }
    for (const runs of groups.values()) {
        const ok = runs.every((r) => r.ok);
        if (rep.comparison.length && ok)
            continue;
        const r = runs[0];
        const total = runs.reduce((n, x) => n + x.violations.total, 0);
        const byKind = {};
        for (const x of runs)
            for (const [k, v] of Object.entries(x.violations.byKind))
                byKind[k] = (byKind[k] ?? 0) + (v ?? 0);
        const kills = runs.reduce((n, x) => n + x.kills.done, 0);
        const takeovers = runs.reduce((n, x) => n + x.kills.takeovers + x.kills.locksRecovered, 0);
        const wall = runs.reduce((n, x) => n + x.wallMs, 0);
        const rate = runs.length === 1 ? `${opsPerSec(r)} ops/s, ` : '';
        const head = `${r.suite} (${r.mode}): ${r.workload}${runs.length > 1 ? ` × ${runs.length} runs` : ''} — ${total} violations${total ? ` (${describeByKind(byKind)})` : ''}, ${rate}${(wall / 1000).toFixed(1)} s${kills ? `, ${kills} workers killed and replaced, ${takeovers} stale locks taken over` : ''}`;
        lines.push(`${ok ? 'ok  ' : 'FAIL'} ${head}`);
        if (!ok && r.expect === 'violations')
            lines.push('     a control run found no violation: this workload could not show the race it guards against');
        const kinds = new Set();
        for (const x of runs) {
            for (const v of x.violations.samples) {
                if (kinds.has(v.kind))
                    continue;
                kinds.add(v.kind);
                lines.push(`     ${v.kind}: ${v.message}`);
            }
            if (x.keptAt)
                lines.push(`     evidence kept at ${x.keptAt}`);
        }
    }
    lines.push(`seed ${rep.options.seed} (rerun with --seed ${rep.options.seed} for the same schedule) · ${rep.ok ? 'ok' : 'FAILED'}`);
    return lines;
}
function registerSuite(program) {
    program
        .command('suite')
        .argument('<name>', `${SUITE_NAMES.join(' | ')}`)
        .description('run a contention, stress or soak suite with real processes on a scratch repository (or a temp clone of --repo) and check its invariants')
        .option('--procs <n>', 'worker processes (default: per suite)')
        .option('--iterations <n>', 'operations per worker (default: per suite; claim: items per worker)')
        .option('--duration <d>', 'soak: total duration (default 15m); other suites: repeat the runs until D has passed (stress), e.g. 90s, 15m, 24h')
        .option('--segment <d>', 'soak: stop this run after D (resumable from --checkpoint), e.g. 5h50m for a 6-hour CI job')
        .option('--checkpoint <file>', 'soak: resume from / checkpoint to this file')
        .option('--sample-every <d>', 'soak: length of one sample window', '60s')
        .option('--seed <n>', 'seed of the workload schedule (same seed, same schedule; default: random, printed)')
        .option('--repo <path>', 'run in a temp clone of this repository (default: a scratch repository)')
        .option('--control', 'run the unprotected variant: it must find violations')
        .option('--backend <backend>', 'file (default), or remote: a server repository and a clone per worker, each a machine with its own host id (counter, allocate and claim; control = each clone\'s own file backend)')
        .option('--kill-rate <r>', 'probability that an operation is cut by a SIGKILL of its worker (soak default 0.05)')
        .option('--report <file>', 'write the JSON report')
        .option('--markdown <file>', 'write the markdown report (for a job summary)')
        .option('--html <file>', 'write the self-contained HTML report with charts')
        .option('--keep', 'keep every run’s repository and logs (default: only a failed protected run’s)')
        .option('--no-progress', 'no progress output on stderr')
        .option('--json', 'print the JSON report on stdout')
        .action(async (name, o, cmd) => {
        const { cwd } = (0,context/* globals */.z)(cmd);
        if (!SUITE_NAMES.includes(name)) {
            throw new errors/* LockstepError */.Cj('BAD_INPUT', `unknown suite ${JSON.stringify(name)}: one of ${SUITE_NAMES.join(', ')}`, { hint: 'lockstep suite contention runs every workload protected and unprotected, side by side' });
        }
        const procs = o.procs === undefined ? undefined : (0,output/* parsePositiveInt */.EJ)(o.procs, '--procs', { max: 64 });
        const iterations = o.iterations === undefined ? undefined : (0,output/* parsePositiveInt */.EJ)(o.iterations, '--iterations', { max: 100_000 });
        const seed = o.seed === undefined ? (0,prng/* randomSeed */.vo)() : (0,prng/* parseSeed */.dS)(o.seed);
        const killRate = o.killRate === undefined ? undefined : parseKillRate(o.killRate);
        const sourceRepo = o.repo === undefined ? null : (0,external_node_path_.resolve)(cwd, o.repo);
        const keep = o.keep ? 'always' : 'on-violation';
        const backend = parseSuiteBackend(o.backend);
        if (name === 'soak' && backend === 'remote') {
            throw new errors/* LockstepError */.Cj('BAD_INPUT', 'the soak runs on the file backend', { hint: 'for a long run on the remote backend repeat its suites for a while: lockstep suite contention --backend remote --duration 2h' });
        }
        const cli = selfArgv();
        const version = program.version() ?? '0.0.0';
        const progress = o.progress === false ? null : createProgress({ stream: process.stderr, label: `lockstep suite ${name}`, unit: name === 'soak' || o.duration !== undefined ? 'time' : 'ops' });
        const ac = new AbortController();
        const stop = () => ac.abort();
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
        let rep;
        let paused = false;
        try {
            if (name === 'soak') {
                const r = await runSoak({
                    durationMs: (0,output/* parseDuration */.E9)(o.duration ?? '15m', '--duration'),
                    segmentMs: o.segment ? (0,output/* parseDuration */.E9)(o.segment, '--segment') : null,
                    checkpoint: o.checkpoint ? (0,external_node_path_.resolve)(cwd, o.checkpoint) : null,
                    seed,
                    killRate: killRate ?? DEFAULT_SOAK_KILL_RATE,
                    procs,
                    iterations,
                    sourceRepo,
                    cli,
                    version,
                    signal: ac.signal,
                    sampleEveryMs: (0,output/* parseDuration */.E9)(o.sampleEvery ?? '60s', '--sample-every'),
                    explicit: { durationMs: o.duration !== undefined, seed: o.seed !== undefined, killRate: o.killRate !== undefined },
                    onProgress: (done, total, note) => progress?.update(done, total, note),
                });
                rep = r.report;
                paused = r.status === 'paused';
            }
            else {
                if (o.checkpoint || o.segment)
                    throw new errors/* LockstepError */.Cj('BAD_INPUT', '--checkpoint and --segment belong to the soak: lockstep suite soak --duration 24h --checkpoint FILE');
                rep = await runSuite({
                    suite: name,
                    procs,
                    iterations,
                    seed,
                    killRate,
                    control: o.control,
                    durationMs: o.duration === undefined ? undefined : (0,output/* parseDuration */.E9)(o.duration, '--duration'),
                    sourceRepo,
                    backend,
                    cli,
                    version,
                    signal: ac.signal,
                    keep,
                    onProgress: (done, total) => progress?.update(done, total),
                });
            }
        }
        catch (e) {
            if (ac.signal.aborted)
                throw new errors/* LockstepError */.Cj('ENVIRONMENT', `suite ${name} stopped by a signal before it finished; nothing was checked`);
            throw e;
        }
        finally {
            progress?.finish();
            process.off('SIGTERM', stop);
            process.off('SIGINT', stop);
        }
        const written = writeReports(rep, o, cwd);
        if (o.json)
            (0,output/* printJson */.Q2)(rep);
        else {
            for (const l of summary(rep))
                (0,output/* printLine */.wi)(l);
            if (paused)
                (0,output/* printLine */.wi)(`paused: run the same command again to resume from ${o.checkpoint ?? '(no --checkpoint given: this soak cannot be resumed)'}`);
            for (const f of written)
                (0,output/* printErr */.lx)(`lockstep: wrote ${f}`);
        }
        process.exitCode = rep.ok ? 0 : 1;
    });
    // The worker process of every suite: not for people (hidden from --help).
    program
        .command('_suite-worker', { hidden: true })
        .argument('<spec>')
        .argument('<worker>')
        .argument('<incarnation>')
        .argument('<start>')
        .argument('<go>')
        .action(async (spec, worker, incarnation, start, go) => {
        process.exitCode = await workerMain({
            specPath: spec,
            worker: Number(worker),
            incarnation: Number(incarnation),
            startAt: Number(start),
            waitForGo: go === 'wait',
            out: (line) => process.stdout.write(line + '\n'),
            go: () => new Promise((resolveGo) => {
                let buf = '';
                const onData = (d) => {
                    buf += d.toString('utf8');
                    if (buf.includes('go\n')) {
                        process.stdin.off('data', onData);
                        // Let go of stdin, or its open pipe keeps this process alive at the end.
                        process.stdin.destroy();
                        resolveGo();
                    }
                };
                process.stdin.on('data', onData);
            }),
        });
    });
}


/***/ }),

/***/ 6366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ey: () => (/* binding */ listMergeQueue),
/* harmony export */   NP: () => (/* binding */ markMerging),
/* harmony export */   VL: () => (/* binding */ enqueueMerge),
/* harmony export */   ZJ: () => (/* binding */ dequeueMerge)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9928);
/* harmony import */ var _core_process_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9978);
/* harmony import */ var _core_runtime_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9199);
/**
 * The visible side of the merge queue: each `mergeBranch` call files an entry
 * in `<runtime>/merge/queue/` while it waits for (and then holds) the
 * repository lock, so `lockstep status` can show who is merging and who is
 * next. The order itself comes from the lock's FIFO tickets; these entries
 * only describe it.
 */






function queueDir(rt) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(rt.root, 'merge', 'queue');
}
function enqueueMerge(rt, fields) {
    (0,_core_files_js__WEBPACK_IMPORTED_MODULE_3__/* .ensureDir */ .A0)(queueDir(rt));
    const id = (0,_core_process_js__WEBPACK_IMPORTED_MODULE_4__/* .identityOf */ .cu)(process.pid);
    const now = Date.now();
    const entry = { v: 1, ...fields, pid: id.pid, pidStart: id.pidStart, bootId: id.bootId, host: id.host, enqueuedAtMs: now, state: 'waiting', startedAtMs: null };
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(queueDir(rt), `${String(now).padStart(13, '0')}-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(3).toString('hex')}.json`);
    (0,_core_files_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomic */ .Zf)(path, JSON.stringify(entry));
    return { path, entry };
}
function markMerging(path, entry) {
    entry.state = 'merging';
    entry.startedAtMs = Date.now();
    try {
        (0,_core_files_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomic */ .Zf)(path, JSON.stringify(entry));
    }
    catch {
        /* status only */
    }
}
function dequeueMerge(path) {
    (0,_core_files_js__WEBPACK_IMPORTED_MODULE_3__/* .unlinkQuiet */ ._f)(path);
}
/** Entries in arrival order; entries of processes that are gone are dropped (and removed). */
function listMergeQueue(opts = {}) {
    const rt = opts.runtime ?? (0,_core_runtime_js__WEBPACK_IMPORTED_MODULE_5__/* .openRuntime */ .fS)({ cwd: opts.cwd });
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(queueDir(rt));
    }
    catch {
        return [];
    }
    const out = [];
    for (const n of names.sort()) {
        if (!n.endsWith('.json') || n.startsWith('.'))
            continue;
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(queueDir(rt), n);
        let e;
        try {
            e = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
        }
        catch {
            continue;
        }
        if ((0,_core_process_js__WEBPACK_IMPORTED_MODULE_4__/* .liveness */ .QX)(e).state === 'dead') {
            (0,_core_files_js__WEBPACK_IMPORTED_MODULE_3__/* .unlinkQuiet */ ._f)(path);
            continue;
        }
        out.push(e);
    }
    return out;
}


/***/ }),

/***/ 2732:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ mergeBranch)
/* harmony export */ });
/* unused harmony export findMergeWithTrailer */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4296);
/* harmony import */ var _core_events_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7842);
/* harmony import */ var _core_files_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9928);
/* harmony import */ var _core_lock_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6336);
/* harmony import */ var _core_runtime_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9199);
/* harmony import */ var _git_git_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(308);
/* harmony import */ var _worktree_repo_lock_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(137);
/* harmony import */ var _worktree_registry_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(9842);
/* harmony import */ var _worktree_worktree_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(7544);
/* harmony import */ var _merge_queue_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(6366);
/**
 * The merge queue: `mergeBranch` merges a branch into a base branch, one
 * merge at a time under the repository lock (its FIFO tickets make it first
 * come, first served).
 *
 * Nothing happens in the user's checkout: the merge is computed by
 * `git merge-tree --write-tree` (git's merge machinery, entirely in the object
 * store — no working tree, no index, nothing half done on disk), the merge
 * commit is made with `commit-tree`, and the optional check runs in a scratch
 * worktree holding exactly that commit. The base then moves only by
 * compare-and-swap: `git update-ref refs/heads/BASE NEW OLD`. If somebody
 * moved the base meanwhile (a plain `git commit` or push that does not take
 * lockstep's lock), the CAS fails and the merge is redone on the new base, so
 * no commit on the base is ever overwritten. A conflict leaves both the base
 * and the branch exactly as they were and names the conflicting files.
 *
 * Checkouts that have the base checked out (typically the user's) would be
 * left with a stale index after the ref moves, which makes a later `commit -a`
 * revert the merge. So they are brought along like a fast-forward
 * (`read-tree -m -u OLD NEW`, which keeps local changes) — checked with a dry
 * run before the base moves; a checkout whose local changes collide with the
 * merge blocks it instead of being overwritten.
 */















/**
 * TEST-ONLY fault injection, as in the lock: LOCKSTEP_FAULT=pause-before-merge-cas:MS
 * pauses the first attempt of each merge just before it moves the base (so a
 * test can make the base move under it); pause-after-merge-cas:MS pauses
 * between moving the base and bringing checkouts along (so a test can kill it there).
 */
function faultPauseMs(kind) {
    for (const part of (process.env.LOCKSTEP_FAULT ?? '').split(',')) {
        const [k, v] = part.split(':');
        if (k === kind)
            return Number(v) || 0;
    }
    return 0;
}
const TRAILER_KEY = /^[A-Za-z][A-Za-z0-9-]{0,63}$/;
function validateTrailers(t) {
    const out = [];
    for (const [k, v] of Object.entries(t ?? {})) {
        if (!TRAILER_KEY.test(k))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LockstepError */ .Cj('BAD_INPUT', `invalid trailer key ${JSON.stringify(k)}`);
        if (typeof v !== 'string' || /[\r\n]/.test(v) || v.trim() === '')
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LockstepError */ .Cj('BAD_INPUT', `invalid value for trailer ${k}: one non-empty line`);
        out.push([k, v.trim()]);
    }
    return out;
}
function escapeRegex(s) {
    return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
async function tipOf(git, branch) {
    const r = await git.run(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`], { readOnly: true });
    if (r.code !== 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LockstepError */ .Cj('NOT_FOUND', `branch ${branch} disappeared during the merge`);
    return r.stdout.trim();
}
async function isAncestor(git, a, b) {
    const r = await git.run(['merge-base', '--is-ancestor', a, b], { readOnly: true });
    if (r.code === 0)
        return true;
    if (r.code === 1)
        return false;
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LockstepError */ .Cj('GIT_FAILED', `git merge-base --is-ancestor failed: ${r.stderr.trim()}`);
}
/** The first-parent commit of `base` carrying trailer `key: value`, or null. */
async function findMergeWithTrailer(git, base, key, value) {
    const r = await git.run(['log', '--first-parent', '--format=%H', '-n', '1', '--extended-regexp', `--grep=^${escapeRegex(key)}: ${escapeRegex(value)}$`, base], { readOnly: true });
    const sha = r.code === 0 ? r.stdout.trim() : '';
    return sha || null;
}
const OUTPUT_TAIL = 16 * 1024;
function runCheck(command, cwd, env, timeoutMs) {
    return new Promise((resolveRun) => {
        let output = '';
        let timedOut = false;
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('sh', ['-c', command], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        const take = (d) => {
            output += d.toString('utf8');
            if (output.length > OUTPUT_TAIL * 2)
                output = output.slice(-OUTPUT_TAIL);
        };
        child.stdout.on('data', take);
        child.stderr.on('data', take);
        const timer = timeoutMs > 0
            ? setTimeout(() => {
                timedOut = true;
                try {
                    process.kill(-child.pid, 'SIGKILL');
                }
                catch {
                    /* gone */
                }
            }, timeoutMs)
            : null;
        child.on('error', (e) => {
            if (timer)
                clearTimeout(timer);
            resolveRun({ exitCode: 127, signal: null, timedOut: false, output: String(e.message) });
        });
        child.on('close', (code, signal) => {
            if (timer)
                clearTimeout(timer);
            resolveRun({ exitCode: code, signal, timedOut, output: output.slice(-OUTPUT_TAIL) });
        });
    });
}
function syncMarkerPath(rt) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(rt.root, 'merge', 'syncing.json');
}
async function finishInterruptedSync(rt) {
    const path = syncMarkerPath(rt);
    let m;
    try {
        m = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(path, 'utf8'));
    }
    catch {
        return;
    }
    for (const co of m.checkouts) {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(co))
            continue;
        const head = await (0,_git_git_js__WEBPACK_IMPORTED_MODULE_10__/* .createGit */ .l)(co).run(['rev-parse', '--verify', '--quiet', 'HEAD'], { readOnly: true });
        // Only a checkout still at that merge: anything else has moved on since.
        if (head.code === 0 && head.stdout.trim() === m.commit)
            await (0,_git_git_js__WEBPACK_IMPORTED_MODULE_10__/* .createGit */ .l)(co).run(['read-tree', '-m', '-u', m.old, m.commit]);
    }
    (0,_core_events_js__WEBPACK_IMPORTED_MODULE_6__/* .appendEvent */ .Zn)(rt.root, 'merge_sync_recovered', { into: m.into, commit: m.commit, checkouts: m.checkouts });
    (0,_core_files_js__WEBPACK_IMPORTED_MODULE_7__/* .unlinkQuiet */ ._f)(path);
}
/** Checkouts (other than lockstep's scratch worktrees) that have `into` checked out. */
async function checkoutsOf(git, rt, into) {
    const scratch = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(rt.root, 'merge', 'scratch');
    return (await (0,_worktree_registry_js__WEBPACK_IMPORTED_MODULE_12__/* .listRegisteredWorktrees */ .p)(git))
        .filter((w) => !w.bare && w.branch === `refs/heads/${into}` && !w.path.startsWith(scratch) && (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(w.path))
        .map((w) => w.path);
}
async function mergeLocked(opts, rt, git, branch, into, h, started) {
    const trailers = validateTrailers(opts.trailers);
    const maxAttempts = opts.maxAttempts ?? 10;
    const waitedMs = h?.waitedMs ?? 0;
    await finishInterruptedSync(rt);
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        // Both names were validated before the lock; here only their current commits are read.
        const old = await tipOf(git, into);
        const tip = await tipOf(git, branch);
        const common = { branch, into, branchTip: tip, waitedMs };
        if (await isAncestor(git, tip, old))
            return { ...common, status: 'up-to-date', commit: old, ms: Date.now() - started };
        if (opts.onceTrailer) {
            const found = await findMergeWithTrailer(git, old, opts.onceTrailer.key, opts.onceTrailer.value);
            if (found)
                return { ...common, status: 'already-merged', commit: found, ms: Date.now() - started };
        }
        const mt = await git.run(['merge-tree', '--write-tree', '--name-only', '--no-messages', '-z', old, tip]);
        const fields = mt.stdout.split('\0');
        if (mt.code === 1) {
            const files = [...new Set(fields.slice(1).filter((f) => f !== ''))];
            return { ...common, status: 'conflict', base: old, files, ms: Date.now() - started };
        }
        if (mt.code !== 0) {
            if (/usage: git merge-tree|unknown option|write-tree/.test(mt.stderr)) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LockstepError */ .Cj('GIT_FAILED', `lockstep merge needs git 2.38 or newer (git merge-tree --write-tree): ${mt.stderr.trim().split('\n')[0]}`, { hint: 'upgrade git' });
            }
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LockstepError */ .Cj('GIT_FAILED', `git merge-tree ${old} ${tip} failed: ${mt.stderr.trim()}`);
        }
        const tree = fields[0].trim();
        const subject = opts.message?.trim() || `Merge ${branch} into ${into}`;
        const message = trailers.length ? `${subject}\n\n${trailers.map(([k, v]) => `${k}: ${v}`).join('\n')}\n` : `${subject}\n`;
        const commit = (await git.exec(['commit-tree', tree, '-p', old, '-p', tip, '-F', '-'], { input: message })).trim();
        let checked = false;
        if (opts.check) {
            const scratchRoot = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(rt.root, 'merge', 'scratch');
            (0,_core_files_js__WEBPACK_IMPORTED_MODULE_7__/* .ensureDir */ .A0)(scratchRoot);
            const scratch = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(scratchRoot, `${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_3__.randomBytes)(4).toString('hex')}`);
            await git.exec(['worktree', 'add', '--quiet', '--detach', scratch, commit]);
            let run;
            try {
                const env = {
                    ...process.env,
                    LOCKSTEP_MERGE_BRANCH: branch,
                    LOCKSTEP_MERGE_INTO: into,
                    LOCKSTEP_MERGE_BASE: old,
                    LOCKSTEP_MERGE_COMMIT: commit,
                };
                // A check that calls lockstep itself re-enters the repository lock instead of waiting on it.
                if (h)
                    env.LOCKSTEP_LOCK_TOKEN = (0,_core_lock_js__WEBPACK_IMPORTED_MODULE_8__/* .tokenEnvFor */ .ER)(h);
                run = await runCheck(opts.check, scratch, env, opts.checkTimeoutMs ?? 0);
            }
            finally {
                await git.run(['worktree', 'remove', '--force', scratch]);
            }
            if (run.exitCode !== 0) {
                return { ...common, status: 'check-failed', base: old, commit, exitCode: run.exitCode, signal: run.signal, timedOut: run.timedOut, output: run.output, ms: Date.now() - started };
            }
            checked = true;
        }
        const sync = opts.syncCheckouts !== false;
        const checkouts = sync ? await checkoutsOf(git, rt, into) : [];
        for (const path of checkouts) {
            const dry = await (0,_git_git_js__WEBPACK_IMPORTED_MODULE_10__/* .createGit */ .l)(path).run(['read-tree', '-m', '-u', '-n', old, commit]);
            if (dry.code !== 0) {
                const reason = dry.stderr.trim().split('\n')[0] ?? 'local changes';
                return { ...common, status: 'blocked', base: old, checkout: path, reason, ms: Date.now() - started };
            }
        }
        if (checkouts.length) {
            (0,_core_files_js__WEBPACK_IMPORTED_MODULE_7__/* .ensureDir */ .A0)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(rt.root, 'merge'));
            (0,_core_files_js__WEBPACK_IMPORTED_MODULE_7__/* .writeFileAtomic */ .Zf)(syncMarkerPath(rt), JSON.stringify({ into, old, commit, checkouts }));
        }
        const pause = attempt === 1 ? faultPauseMs('pause-before-merge-cas') : 0;
        if (pause > 0)
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_4__.setTimeout)(pause);
        const cas = opts.unsafeNoCas
            ? await git.run(['update-ref', '-m', `lockstep merge: ${branch} into ${into}`, `refs/heads/${into}`, commit])
            : await git.run(['update-ref', '-m', `lockstep merge: ${branch} into ${into}`, `refs/heads/${into}`, commit, old]);
        if (cas.code !== 0) {
            const now = (await git.run(['rev-parse', '--verify', '--quiet', `refs/heads/${into}`], { readOnly: true })).stdout.trim();
            (0,_core_files_js__WEBPACK_IMPORTED_MODULE_7__/* .unlinkQuiet */ ._f)(syncMarkerPath(rt));
            if (now !== old) {
                (0,_core_events_js__WEBPACK_IMPORTED_MODULE_6__/* .appendEvent */ .Zn)(rt.root, 'merge_retry', { branch, into, expected: old, found: now, attempt });
                continue; // the base moved under us: merge again onto the new tip
            }
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LockstepError */ .Cj('GIT_FAILED', `git update-ref refs/heads/${into} failed: ${cas.stderr.trim()}`);
        }
        const after = faultPauseMs('pause-after-merge-cas');
        if (after > 0)
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_4__.setTimeout)(after);
        const synced = [];
        const unsynced = [];
        for (const path of checkouts) {
            const r = await (0,_git_git_js__WEBPACK_IMPORTED_MODULE_10__/* .createGit */ .l)(path).run(['read-tree', '-m', '-u', old, commit]);
            if (r.code === 0)
                synced.push(path);
            else
                unsynced.push({ path, reason: r.stderr.trim().split('\n')[0] ?? `exit ${r.code}` });
        }
        if (checkouts.length)
            (0,_core_files_js__WEBPACK_IMPORTED_MODULE_7__/* .unlinkQuiet */ ._f)(syncMarkerPath(rt));
        const ms = Date.now() - started;
        (0,_core_events_js__WEBPACK_IMPORTED_MODULE_6__/* .appendEvent */ .Zn)(rt.root, 'merge', { branch, into, status: 'merged', commit, previous: old, branchTip: tip, attempts: attempt, waitedMs, ms, agent: opts.agent ?? null });
        return { ...common, status: 'merged', commit, previous: old, attempts: attempt, checked, synced, unsynced, ms };
    }
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LockstepError */ .Cj('CONFLICT', `${into} moved during each of ${maxAttempts} merge attempts of ${branch}: gave up`, {
        hint: `something commits to ${into} without lockstep's lock at a high rate; try again: lockstep merge ${branch} --into ${into}`,
    });
}
async function mergeBranch(opts) {
    const cwd = opts.cwd ?? process.cwd();
    const rt = (0,_core_runtime_js__WEBPACK_IMPORTED_MODULE_9__/* .openRuntime */ .fS)({ cwd });
    const git = (0,_git_git_js__WEBPACK_IMPORTED_MODULE_10__/* .createGit */ .l)(cwd);
    const into = opts.into ?? (await (0,_worktree_worktree_js__WEBPACK_IMPORTED_MODULE_13__/* .currentBranch */ .eR)(git));
    const branch = opts.branch;
    await (0,_worktree_worktree_js__WEBPACK_IMPORTED_MODULE_13__/* .branchCommit */ .eG)(git, into);
    await (0,_worktree_worktree_js__WEBPACK_IMPORTED_MODULE_13__/* .branchCommit */ .eG)(git, branch);
    if (branch === into)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LockstepError */ .Cj('BAD_INPUT', `cannot merge ${branch} into itself`);
    if (opts.checkTimeoutMs !== undefined && (!Number.isFinite(opts.checkTimeoutMs) || opts.checkTimeoutMs < 0))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LockstepError */ .Cj('BAD_INPUT', `invalid check timeout ${opts.checkTimeoutMs}`);
    validateTrailers(opts.trailers);
    const started = Date.now();
    const entry = (0,_merge_queue_js__WEBPACK_IMPORTED_MODULE_14__/* .enqueueMerge */ .VL)(rt, { branch, into, agent: opts.agent ?? null });
    try {
        const result = await (0,_worktree_repo_lock_js__WEBPACK_IMPORTED_MODULE_11__/* .withRepoLock */ .Aq)({ runtime: rt, cwd, command: `merge ${branch} into ${into}`, agent: opts.agent, task: opts.task, timeoutMs: opts.timeoutMs, onWait: opts.onWait, unsafeUnserialized: opts.unsafeUnserialized }, async (h) => {
            (0,_merge_queue_js__WEBPACK_IMPORTED_MODULE_14__/* .markMerging */ .NP)(entry.path, entry.entry);
            return mergeLocked(opts, rt, git, branch, into, h, started);
        });
        if (result.status !== 'merged') {
            (0,_core_events_js__WEBPACK_IMPORTED_MODULE_6__/* .appendEvent */ .Zn)(rt.root, result.status === 'conflict' ? 'merge_conflict' : 'merge', {
                branch,
                into,
                status: result.status,
                ...(result.status === 'conflict' ? { files: result.files.slice(0, 50) } : {}),
                ...(result.status === 'blocked' ? { checkout: result.checkout } : {}),
                agent: opts.agent ?? null,
            });
        }
        return result;
    }
    finally {
        (0,_merge_queue_js__WEBPACK_IMPORTED_MODULE_14__/* .dequeueMerge */ .ZJ)(entry.path);
    }
}


/***/ }),

/***/ 1994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dw: () => (/* binding */ REF_ROOT),
/* harmony export */   FU: () => (/* binding */ rootHash),
/* harmony export */   NN: () => (/* binding */ lockRef),
/* harmony export */   NO: () => (/* binding */ allocHeadRef),
/* harmony export */   Pq: () => (/* binding */ claimPrefix),
/* harmony export */   Pv: () => (/* binding */ validateRemoteLockName),
/* harmony export */   Qz: () => (/* binding */ claimRef),
/* harmony export */   Xo: () => (/* binding */ fenceRef),
/* harmony export */   aL: () => (/* binding */ allocPrefix),
/* harmony export */   dS: () => (/* binding */ DEFAULT_REMOTE),
/* harmony export */   i5: () => (/* binding */ validateRemoteName),
/* harmony export */   ys: () => (/* binding */ allocNumberRef)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _core_runtime_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9199);
/**
 * The ref namespace the remote backend owns on the git server, and the
 * validation of every name that becomes part of a ref.
 *
 *   refs/lockstep/locks/<lock>          the current owner record of a held lock (absent = free)
 *   refs/lockstep/fence/<lock>          the fencing counter: the record that took the last token (never deleted)
 *   refs/lockstep/alloc/<root>/head     the allocation counter of one root (never deleted)
 *   refs/lockstep/alloc/<root>/<N>      number N of that root was taken (the record says by whom)
 *   refs/lockstep/claims/<queue>/<item> the claim of one work item (claimed, done, failed or reclaimed)
 */



/** The remote a remote-backend command talks to when none is named. */
const DEFAULT_REMOTE = 'origin';
const REF_ROOT = 'refs/lockstep/';
const lockRef = (name) => `refs/lockstep/locks/${name}`;
const fenceRef = (name) => `refs/lockstep/fence/${name}`;
const allocPrefix = (rootHash) => `refs/lockstep/alloc/${rootHash}/`;
const allocHeadRef = (rootHash) => `${allocPrefix(rootHash)}head`;
const allocNumberRef = (rootHash, n) => `${allocPrefix(rootHash)}${n}`;
const claimPrefix = (queue) => `refs/lockstep/claims/${queue}/`;
const claimRef = (queue, item) => `${claimPrefix(queue)}${item}`;
/**
 * git refuses some names a lock name allows (`a..b`, `x.lock`, a trailing
 * dot): say so before anything touches the remote.
 */
function refSafe(name, what) {
    if (name.includes('..') || name.endsWith('.') || name.endsWith('.lock')) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LockstepError */ .Cj('BAD_NAME', `invalid ${what} ${JSON.stringify(name)} for the remote backend: git ref names may not contain "..", end with "." or end with ".lock"`, {
            hint: `pick another ${what}, e.g. ${JSON.stringify(name.replace(/\.\.+/g, '.').replace(/\.lock$/, '-lock').replace(/\.$/, ''))}`,
        });
    }
    return name;
}
function validateRemoteLockName(name) {
    return refSafe((0,_core_runtime_js__WEBPACK_IMPORTED_MODULE_2__/* .validateLockName */ .LK)(name), 'lock name');
}
/** Remote names as git allows them in practice (no option-like or path-like names). */
function validateRemoteName(name) {
    if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name) || name.includes('..') || name.endsWith('.lock')) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LockstepError */ .Cj('BAD_NAME', `invalid git remote name ${JSON.stringify(name)}`, { hint: 'list the remotes of this clone: git remote -v' });
    }
    return name;
}
/**
 * The allocation root's id on the remote: a hash of its path relative to the
 * repository's top level, so every clone (wherever it is checked out) names
 * the same root the same way.
 */
function rootHash(relativeRoot) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`lockstep-alloc-root\0${relativeRoot}`).digest('hex').slice(0, 16);
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
