/**
 * `npm run bench [-- --quick] [-- NAME…]`: runs the bench sections and
 * writes docs/benchmarks.md (machine, date, tables, goals met or not).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release, platform } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeContext, ROOT, type BenchContext, type BenchSection } from './harness.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--'));
const files = readdirSync(join(ROOT, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

function machine(): string[] {
  const c = cpus();
  const gitVersion = spawnSync('git', ['--version'], { encoding: 'utf8' }).stdout.trim();
  const flock = spawnSync('flock', ['--version'], { encoding: 'utf8' }).stdout.trim().split('\n')[0] ?? 'not found';
  return [
    `- date: ${new Date().toISOString()}`,
    `- machine: ${c.length} × ${c[0]?.model ?? 'unknown cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}`,
    `- node ${process.version}; ${gitVersion}; ${flock}`,
    `- mode: ${quick ? 'quick (smaller workloads)' : 'full'}`,
  ];
}

function table(s: BenchSection): string[] {
  const out = [`| ${s.columns.join(' | ')} |`, `| ${s.columns.map(() => '---').join(' | ')} |`];
  for (const r of s.rows) out.push(`| ${r.map(String).join(' | ')} |`);
  return out;
}

async function main(): Promise<void> {
  const sections: BenchSection[] = [];
  for (const f of files) {
    process.stderr.write(`bench: ${f}\n`);
    const { ctx, dispose } = makeContext(quick);
    try {
      const mod = (await import(pathToFileURL(join(ROOT, 'bench', f)).href)) as { default: (c: BenchContext) => Promise<BenchSection | BenchSection[]> };
      const r = await mod.default(ctx);
      sections.push(...(Array.isArray(r) ? r : [r]));
    } catch (e) {
      sections.push({ title: f, notes: [`failed: ${(e as Error).message}`], columns: [], rows: [] });
    } finally {
      dispose();
    }
  }
  const md: string[] = ['# Benchmarks', '', 'Written by `npm run bench`. Compare within one run only: ratios, not absolute times, carry across machines.', '', ...machine(), ''];
  for (const s of sections) {
    md.push(`## ${s.title}`, '');
    for (const n of s.notes ?? []) md.push(n, '');
    if (s.columns.length) md.push(...table(s), '');
    if (s.goals?.length) {
      md.push('| goal | measured | met |', '| --- | --- | --- |');
      for (const g of s.goals) md.push(`| ${g.text} | ${g.measured} | ${g.met ? 'yes' : '**no**'} |`);
      md.push('');
    }
  }
  const target = only.length ? join(ROOT, 'docs', `benchmarks-partial.md`) : join(ROOT, 'docs', 'benchmarks.md');
  writeFileSync(target, md.join('\n'));
  process.stderr.write(`bench: wrote ${target}\n`);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).stack}\n`);
  process.exit(1);
});
