/** Renders a page in headless Chromium (Debian's `chromium`) and returns the DOM after its scripts ran. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = '/usr/bin/chromium';

export function dumpDom(htmlFile: string): string {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the HTML report test needs headless Chromium — run \`bash scripts/install-test-tools.sh\` (installs Debian's chromium package)`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'lockstep-chromium-'));
  try {
    const r = spawnSync(
      CHROMIUM,
      ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--dump-dom', pathToFileURL(htmlFile).href],
      { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
    );
    if (r.status !== 0) throw new Error(`chromium exited ${r.status}: ${r.stderr.slice(-2000)}`);
    return r.stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export interface SvgChart {
  attrs: Record<string, string>;
  /** data-value of each bar / point, in order. */
  values: number[];
  labels: string[];
}

function attrsOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z:-]+)="([^"]*)"/g)) out[m[1]!] = m[2]!.replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
  return out;
}

/** Every <svg class="chart"> in a DOM dump with its bars' / points' values. */
export function chartsIn(dom: string): SvgChart[] {
  const out: SvgChart[] = [];
  for (const m of dom.matchAll(/<svg\b([^>]*)>([\s\S]*?)<\/svg>/g)) {
    const attrs = attrsOf(m[1]!);
    if (attrs.class !== 'chart') continue;
    const values: number[] = [];
    const labels: string[] = [];
    for (const g of m[2]!.matchAll(/<g class="(?:bar|point)"([^>]*)>/g)) {
      const a = attrsOf(g[1]!);
      values.push(Number(a['data-value']));
      labels.push(a['data-label'] ?? a['data-x'] ?? '');
    }
    out.push({ attrs, values, labels });
  }
  return out;
}
