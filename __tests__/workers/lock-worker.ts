/**
 * A real process that uses the lock library. Modes:
 *   counter REPO FILE N protect|bare  — N read-modify-write increments of FILE
 *   hold REPO [NAME]                   — acquire, print the token, wait to be killed
 *   acquire REPO [NAME]                — acquire (waiting up to 10 min), print the token, release, exit
 *   once REPO INSIDE_FILE HOLD_MS      — acquire once, check exclusive entry, release
 *   naive-once REPO INSIDE_FILE HOLD_MS — the same with a naive delete-then-create lock (control);
 *                   with JUDGE_BARRIER=DIR, each racer waits there until JUDGE_COUNT have judged the owner dead
 */
import { closeSync, openSync, readdirSync, readFileSync, unlinkSync, writeFileSync, writeSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { acquireLock, releaseLock } from '../../src/core/lock.js';

const [mode, repo, ...rest] = process.argv.slice(2);

function enter(inside: string): boolean {
  try {
    closeSync(openSync(inside, 'wx'));
    return true;
  } catch {
    return false;
  }
}

/** With GO_FILE set: say "ready", then wait for the file, so every worker contends at once. */
async function startTogether(): Promise<void> {
  const go = process.env.GO_FILE;
  if (!go) return;
  process.stdout.write('ready\n');
  while (!existsSync(go)) await sleep(2);
}

async function main(): Promise<void> {
  await startTogether();
  if (mode === 'counter') {
    const [file, n, how] = rest;
    for (let i = 0; i < Number(n); i++) {
      const h = how === 'protect' ? await acquireLock({ cwd: repo, name: 'counter', timeoutMs: 120_000 }) : null;
      const v = Number(readFileSync(file!, 'utf8'));
      await new Promise<void>((r) => setImmediate(r));
      writeFileSync(file!, String(v + 1));
      if (h) releaseLock(h);
    }
    return;
  }
  if (mode === 'hold') {
    const h = await acquireLock({ cwd: repo, name: rest[0] ?? 'commit', timeoutMs: 10_000 });
    process.stdout.write(`${h.token}\n`);
    await sleep(600_000);
    return;
  }
  if (mode === 'acquire') {
    const h = await acquireLock({ cwd: repo, name: rest[0] ?? 'commit', timeoutMs: 600_000 });
    process.stdout.write(`${h.token}\n`);
    releaseLock(h);
    return;
  }
  if (mode === 'once') {
    const [inside, holdMs] = rest;
    const h = await acquireLock({ cwd: repo, name: 'commit', timeoutMs: 30_000 });
    const ok = enter(inside!);
    await sleep(Number(holdMs));
    if (ok) unlinkSync(inside!);
    releaseLock(h);
    process.stdout.write(ok ? `ok ${h.token}${h.tookOver ? ' takeover' : ''}\n` : `TWO-HOLDERS ${h.token}\n`);
    return;
  }
  if (mode === 'naive-once') {
    // The known-broken takeover (proper-lockfile #121): judge stale, delete, recreate.
    const [inside, holdMs] = rest;
    const lock = join(repo!, 'naive.lock');
    const barrier = process.env.JUDGE_BARRIER;
    let judged = false;
    for (;;) {
      let fd: number | null = null;
      try {
        fd = openSync(lock, 'wx');
      } catch {
        const pid = Number(readFileSync(lock, 'utf8') || '0');
        let alive = false;
        try {
          process.kill(pid, 0);
          alive = true;
        } catch {
          alive = false;
        }
        if (!alive) {
          if (barrier && !judged) {
            // Wait (up to 5 s) until every racer has judged the owner dead, so
            // the race the control exists to show happens however the machine schedules us.
            judged = true;
            writeFileSync(join(barrier, String(process.pid)), '');
            for (let t = 0; t < 2500 && readdirSync(barrier).length < Number(process.env.JUDGE_COUNT ?? '2'); t++) await sleep(2);
          }
          if (process.env.PAUSE_MS) await sleep(Number(process.env.PAUSE_MS));
          try {
            unlinkSync(lock);
          } catch {
            /* someone else removed it */
          }
        } else await sleep(1);
        continue;
      }
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    }
    const ok = enter(inside!);
    await sleep(Number(holdMs));
    if (ok) unlinkSync(inside!);
    if (existsSync(lock)) unlinkSync(lock);
    process.stdout.write(ok ? 'ok\n' : 'TWO-HOLDERS\n');
    return;
  }
  throw new Error(`unknown mode ${mode}`);
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
