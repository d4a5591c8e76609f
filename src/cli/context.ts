/** What every command needs from the global options. */
import type { Command } from 'commander';

export interface GlobalOptions {
  /** -C <dir>: run as if started in <dir> (like git -C). */
  cwd: string;
}

export function globals(cmd: Command): GlobalOptions {
  let root: Command = cmd;
  while (root.parent) root = root.parent;
  const o = root.opts<{ C?: string }>();
  return { cwd: o.C ?? process.cwd() };
}
