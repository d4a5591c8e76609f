/**
 * What the linter reads: shell scripts whole, and the bash/sh code blocks of
 * markdown files (agent command files), each line keeping its real line
 * number in the file.
 */
import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { LockstepError, fsError } from '../core/errors.js';
import type { PhysicalLine } from './shell-text.js';
import { quoteInput } from '../core/outside-text.js';

export type SourceKind = 'shell' | 'markdown';

const SHELL_EXT = new Set(['.sh', '.bash', '.zsh', '.ksh']);
const MARKDOWN_EXT = new Set(['.md', '.markdown', '.mdx']);
const SHELL_FENCE = new Set(['bash', 'sh', 'shell', 'zsh', 'ksh', 'dash']);
const SKIP_DIRS = new Set(['node_modules', '.git']);

function hasShellShebang(path: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(128);
    const n = readSync(fd, buf, 0, 128, 0);
    const first = buf.subarray(0, n).toString('utf8').split('\n')[0] ?? '';
    return /^#!.*\b(ba|z|k|da)?sh\b/.test(first);
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** How a file found while walking a directory is read, or null to skip it. */
function kindInWalk(path: string, name: string): SourceKind | null {
  const ext = extname(name).toLowerCase();
  if (SHELL_EXT.has(ext)) return 'shell';
  if (MARKDOWN_EXT.has(ext)) return 'markdown';
  if (ext === '' && hasShellShebang(path)) return 'shell';
  return null;
}

export interface SourceFile {
  path: string;
  kind: SourceKind;
}

/** Files to lint under `paths`: named files are always read; directories are walked (node_modules and .git skipped, symlinks not followed). */
export function collectSources(paths: string[]): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      throw fsError(e, 'read directory', dir);
    }
    for (const name of names) {
      const p = join(dir, name);
      let st;
      try {
        st = lstatSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(p);
      } else if (st.isFile()) {
        const kind = kindInWalk(p, name);
        if (kind) out.push({ path: p, kind });
      }
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new LockstepError('NOT_FOUND', `${quoteInput(p)} does not exist`, { hint: 'lockstep lint [PATHS…] takes files and directories' });
      throw fsError(e, 'read', p);
    }
    if (st.isDirectory()) walk(p);
    else out.push({ path: p, kind: MARKDOWN_EXT.has(extname(p).toLowerCase()) ? 'markdown' : 'shell' });
  }
  return out;
}

/** The shell lines of a markdown file: the bodies of its bash/sh fenced blocks, as separate blocks. */
export function markdownShellBlocks(text: string): PhysicalLine[][] {
  const lines = text.split(/\r?\n/);
  const blocks: PhysicalLine[][] = [];
  let fence: { char: string; len: number; shell: boolean; indent: number } | null = null;
  let cur: PhysicalLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!;
    if (!fence) {
      const m = /^( {0,3})(`{3,}|~{3,})\s*([^\s`{]*)?/.exec(t);
      if (m) {
        const info = (m[3] ?? '').toLowerCase().replace(/^\{?\.?/, '');
        fence = { char: m[2]![0]!, len: m[2]!.length, shell: SHELL_FENCE.has(info), indent: m[1]!.length };
        cur = [];
      }
      continue;
    }
    const close = new RegExp(`^ {0,3}${fence.char === '`' ? '`' : '~'}{${fence.len},}\\s*$`);
    if (close.test(t)) {
      if (fence.shell) blocks.push(cur);
      fence = null;
      continue;
    }
    if (fence.shell) cur.push({ line: i + 1, text: fence.indent ? t.replace(new RegExp(`^ {0,${fence.indent}}`), '') : t });
  }
  if (fence?.shell) blocks.push(cur); // an unclosed block runs to the end of the file
  return blocks;
}

export function readSource(file: SourceFile): PhysicalLine[][] {
  let text: string;
  try {
    text = readFileSync(file.path, 'utf8');
  } catch (e) {
    throw fsError(e, 'read', file.path);
  }
  if (file.kind === 'markdown') return markdownShellBlocks(text);
  return [text.split(/\r?\n/).map((t, i) => ({ line: i + 1, text: t }))];
}
