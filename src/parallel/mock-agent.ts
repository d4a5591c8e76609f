/**
 * The mock agent: a stand-in for a real coding agent, for tests and demos.
 * It sleeps (or burns CPU) for a while, writes files into its working
 * directory, and fails or crashes at given rates. With a seed, what it does
 * for an item is fully determined by (seed, item, claim generation), so a run
 * is reproducible however the items land on agents.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LockstepError } from '../core/errors.js';
import { deriveSeed, mulberry32 } from '../suites/prng.js';
import { timerDelay } from '../core/duration.js';
import { quoteInput } from '../core/outside-text.js';

export interface MockAgentOptions {
  /** Working directory (the agent's worktree). */
  cwd: string;
  item: string;
  agent: string;
  generation: number;
  /** Base time per item. */
  sleepMs: number;
  /** Up to this much extra time, drawn per item. */
  jitterMs?: number;
  /** Files written under mock/<item>/ (default 1). */
  files?: number;
  /** A path (relative to cwd) that gets one line appended per item: concurrent agents then conflict on purpose. */
  shared?: string | null;
  /** Probability (0..1) of exiting non-zero at the end. */
  failRate?: number;
  /** Probability (0..1) of crashing (killing itself) halfway. */
  crashRate?: number;
  /** Busy-loop instead of sleeping (CPU load on the agent). */
  cpu?: boolean;
  /** Deterministic choices (default: random). */
  seed?: number | null;
  /** When the agent process started (its run time counts from there; default: now). */
  startedAtMs?: number;
}

export interface MockPlan {
  sleepMs: number;
  outcome: 'ok' | 'fail' | 'crash';
  /** When a crash happens, ms after the start. */
  crashAtMs: number | null;
}

export interface MockResult extends MockPlan {
  written: string[];
}

function validateRate(r: number | undefined, flag: string): number {
  const v = r ?? 0;
  if (!Number.isFinite(v) || v < 0 || v > 1) throw new LockstepError('BAD_INPUT', `${flag} takes a probability from 0 to 1, not ${r}`);
  return v;
}

/** What the agent will do for this item (pure: same inputs, same plan). */
export function planMockRun(o: Omit<MockAgentOptions, 'cwd'>): MockPlan {
  if (!Number.isFinite(o.sleepMs) || o.sleepMs < 0) throw new LockstepError('BAD_INPUT', `invalid sleep ${o.sleepMs} ms`);
  const failRate = validateRate(o.failRate, '--fail-rate');
  const crashRate = validateRate(o.crashRate, '--crash-rate');
  const rand = o.seed === null || o.seed === undefined ? Math.random : mulberry32(deriveSeed(o.seed, o.item, o.generation));
  const sleepMs = Math.round(o.sleepMs + (o.jitterMs ?? 0) * rand());
  const roll = rand();
  const outcome = roll < crashRate ? 'crash' : roll < crashRate + failRate ? 'fail' : 'ok';
  return { sleepMs, outcome, crashAtMs: outcome === 'crash' ? Math.round(sleepMs / 2) : null };
}

function burn(ms: number): void {
  const end = Date.now() + ms;
  let x = 0;
  while (Date.now() < end) for (let i = 0; i < 10_000; i++) x += Math.sqrt(i);
  if (x < 0) throw new Error('unreachable');
}

async function wait(ms: number, cpu: boolean): Promise<void> {
  if (ms <= 0) return;
  if (cpu) {
    // In slices, so a timer (e.g. a heartbeat) in this process could still run between them.
    for (let left = ms; left > 0; left -= 50) {
      burn(Math.min(50, left));
      await new Promise<void>((r) => setImmediate(r));
    }
  } else await sleep(timerDelay(ms));
}

/**
 * Runs the plan: waits, writes the files, and returns. For a crash it calls
 * `crash()` halfway (the CLI kills its own process there) and never returns
 * normally if that kills it.
 */
export async function runMockAgent(o: MockAgentOptions, crash: () => void): Promise<MockResult> {
  const files = o.files ?? 1;
  if (!Number.isSafeInteger(files) || files < 0 || files > 10_000) throw new LockstepError('BAD_INPUT', `--files takes a whole number from 0 to 10000, not ${o.files}`);
  if (o.shared && (isAbsolute(o.shared) || normalize(o.shared).split(/[\\/]/).includes('..'))) {
    throw new LockstepError('BAD_INPUT', `--shared takes a path inside the working directory, not ${quoteInput(o.shared)}`);
  }
  const plan = planMockRun(o);
  const written: string[] = [];
  if (plan.outcome === 'crash') {
    await wait(plan.crashAtMs! - (Date.now() - (o.startedAtMs ?? Date.now())), Boolean(o.cpu));
    // Leave a partial file behind, as a real crash would.
    const partial = join('mock', o.item, 'partial.txt');
    mkdirSync(join(o.cwd, dirname(partial)), { recursive: true });
    writeFileSync(join(o.cwd, partial), `partial work of ${o.item} by ${o.agent}\n`);
    crash();
    return { ...plan, written: [partial] };
  }
  // The agent's whole run takes sleepMs, its own start-up included: a "2 s agent" is 2 s however slow node starts.
  await wait(plan.sleepMs - (Date.now() - (o.startedAtMs ?? Date.now())), Boolean(o.cpu));
  for (let k = 1; k <= files; k++) {
    const rel = join('mock', o.item, `${k}.txt`);
    mkdirSync(join(o.cwd, dirname(rel)), { recursive: true });
    writeFileSync(join(o.cwd, rel), `item ${o.item}\nagent ${o.agent}\nclaim ${o.generation}\nfile ${k}\n`);
    written.push(rel);
  }
  if (o.shared) {
    appendFileSync(join(o.cwd, o.shared), `${o.item} by ${o.agent}\n`);
    written.push(o.shared);
  }
  return { ...plan, written };
}
