/**
 * A real process that claims from the queue with the library. Modes:
 *   claim-all REPO AGENT OUT GO [NAIVE_DIR NAIVE_OUT GO2]
 *                                     — wait for file GO, then claim + done until nothing is left;
 *                                       one line "C id gen" per claim appended to OUT; then, if
 *                                       given, the naive control (below) in the same process
 *   work REPO AGENT OUT GO LEASE_MS N — claim, "C id gen", a little work (WORK_MS, default 2-8 ms), done, "D id gen";
 *                                       when nothing is pending, wait until all N items are done
 *   naive: the control — check-then-create claims on a plain directory (exists? then write), no link(2)
 * Prints "ready" once set up and `claimed {"n","t0","t1"}` after its round; exits 0 when finished.
 * CLAIM_ONLY=1: claim without marking done (to measure claims alone).
 */
import { appendFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { claimNext, claimStats, completeItem, queueCounts } from '../../src/queue/queue.js';
import { openRuntime } from '../../src/core/runtime.js';

const [mode, repo, agent, out, go, ...rest] = process.argv.slice(2);

async function waitGo(file = go!): Promise<void> {
  process.stdout.write('ready\n');
  while (!existsSync(file)) await sleep(2);
}

async function naive(dir: string, out: string, goFile: string): Promise<void> {
  await waitGo(goFile);
  // The obvious scheme: look at the pending list, skip what is already claimed, claim the rest.
  const lines: string[] = [];
  const t0 = Date.now();
  for (const name of readdirSync(join(dir, 'pending')).sort()) {
    const claimed = join(dir, 'claimed', name);
    if (existsSync(claimed)) continue;
    await new Promise<void>((r) => setImmediate(r));
    writeFileSync(claimed, agent!);
    lines.push(`C ${name} 1`);
  }
  const t1 = Date.now();
  appendFileSync(out, lines.map((l) => `${l}\n`).join(''));
  process.stdout.write(`naive ${JSON.stringify({ n: lines.length, t0, t1 })}\n`);
}

async function main(): Promise<void> {
  if (mode === 'claim-all') {
    const rt = openRuntime({ cwd: repo });
    await waitGo();
    const lines: string[] = [];
    const claimOnly = process.env.CLAIM_ONLY === '1';
    const t0 = Date.now();
    const cpu0 = process.cpuUsage();
    for (;;) {
      const r = claimNext({ runtime: rt, agent: agent!, leaseMs: 60_000 });
      if (!r.claimed) break;
      lines.push(`C ${r.item.id} ${r.generation}`);
      if (!claimOnly) completeItem({ runtime: rt, id: r.item.id, agent: agent!, generation: r.generation });
    }
    const t1 = Date.now();
    const cpu = process.cpuUsage(cpu0);
    // One write at the end: the measured loop is the library alone.
    appendFileSync(out!, lines.map((l) => `${l}\n`).join(''));
    process.stdout.write(`claimed ${JSON.stringify({ n: lines.length, t0, t1, cpuMs: Math.round((cpu.user + cpu.system) / 1000), ...claimStats })}\n`);
    if (rest.length === 3) await naive(rest[0]!, rest[1]!, rest[2]!);
    return;
  }
  if (mode === 'work') {
    const [leaseMs, total] = rest.map(Number);
    const rt = openRuntime({ cwd: repo });
    await waitGo();
    for (;;) {
      const r = claimNext({ runtime: rt, agent: agent!, leaseMs: leaseMs! });
      if (!r.claimed) {
        const c = queueCounts({ runtime: rt });
        if (c.done + c.failed >= total!) return;
        await sleep(20);
        continue;
      }
      appendFileSync(out!, `C ${r.item.id} ${r.generation}\n`);
      await sleep(Number(process.env.WORK_MS ?? 0) || 2 + Math.random() * 6);
      completeItem({ runtime: rt, id: r.item.id, agent: agent!, generation: r.generation });
      appendFileSync(out!, `D ${r.item.id} ${r.generation}\n`);
    }
  }
  throw new Error(`unknown mode ${mode}`);
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
