/** What every command needs from the global options. */
import type { Command } from 'commander';
import { validateAgentId, validateTaskId } from '../core/actor.js';

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

/**
 * Who is acting: --task / --agent when given, else LOCKSTEP_TASK /
 * LOCKSTEP_AGENT (set by `lockstep parallel` and agent harnesses for the
 * commands an agent runs; empty counts as unset), else nobody. Each id is
 * checked here, before any command records or prints it.
 */
export function actor(o: { task?: string; agent?: string } = {}): { task: string | null; agent: string | null } {
  const task = o.task ?? (process.env.LOCKSTEP_TASK || null);
  const agent = o.agent ?? (process.env.LOCKSTEP_AGENT || null);
  return { task: task === null ? null : validateTaskId(task), agent: agent === null ? null : validateAgentId(agent) };
}
