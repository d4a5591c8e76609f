/**
 * The report as one self-contained HTML page: no network, no external
 * files. The report's JSON is embedded; a small inline script draws the
 * charts as SVG (latency histogram per operation, throughput over time,
 * violations by kind, control vs protected, soak samples). Every bar and
 * point carries its number in a data-value attribute and a text label, so a
 * headless browser's DOM dump can be checked against the report. The tables
 * are plain HTML and readable without the script.
 */
import { renderMarkdown } from './markdown.js';
import type { SuiteReport } from './report.js';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON that is safe inside a <script> element. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Markdown tables → HTML tables (only the subset renderMarkdown writes). */
function tablesHtml(md: string): string {
  const out: string[] = [];
  const lines = md.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.startsWith('|')) {
      const rows: string[][] = [];
      while (k < lines.length && lines[k]!.startsWith('|')) {
        const cells = lines[k]!.slice(2, -2).split(/ (?<!\\)\| /).map((c) => c.replace(/\\\|/g, '|'));
        if (!cells.every((c) => c === '---')) rows.push(cells);
        k++;
      }
      k--;
      const [head, ...body] = rows;
      out.push(`<table><thead><tr>${(head ?? []).map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead><tbody>${body.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
    } else if (line.startsWith('### ')) out.push(`<h3>${inline(line.slice(4))}</h3>`);
    else if (line.startsWith('## ')) out.push(`<h2>${inline(line.slice(3))}</h2>`);
    else if (line.startsWith('  - ')) out.push(`<li class="sub">${inline(line.slice(4))}</li>`);
    else if (line.startsWith('- ')) out.push(`<li>${inline(line.slice(2))}</li>`);
    else if (line.startsWith('```')) {
      const body: string[] = [];
      for (k++; k < lines.length && !lines[k]!.startsWith('```'); k++) body.push(lines[k]!);
      out.push(`<pre>${esc(body.join('\n'))}</pre>`);
    } else if (line.trim()) out.push(`<p>${inline(line)}</p>`);
  }
  return out.join('\n');
}

/** Markdown's own escapes (see src/core/markdown-text.ts), undone once esc has made the text safe for HTML. */
function unescapeMarkdown(html: string): string {
  return html.replace(/\\([\\`*_[\]#|~$!])/g, '$1').replace(/&amp;(lt|gt|amp);/g, '&$1;');
}

function inline(s: string): string {
  return unescapeMarkdown(
    esc(s)
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/(?<!\\)`(.+?)(?<!\\)`/g, '<code>$1</code>'),
  );
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
const SCRIPT = String.raw`
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
function bucketLabels(b){var l=b.map(function(x){return '\u2264'+x;});l.push('>'+b[b.length-1]);return l;}

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
  var h=document.createElement('h3');h.textContent=id+' \u2014 '+r.workload;runs.appendChild(h);runs.appendChild(sec);
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

export function renderHtml(rep: SuiteReport): string {
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
