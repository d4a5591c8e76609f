/** The input and output names action.yml declares (its two-space-indented keys). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

export function declared(section: 'inputs' | 'outputs'): string[] {
  const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
  const block = text.split(/^(?=\S)/m).find((b) => b.startsWith(`${section}:`)) ?? '';
  return [...block.matchAll(/^ {2}([a-z0-9-]+):/gm)].map((m) => m[1]!);
}
