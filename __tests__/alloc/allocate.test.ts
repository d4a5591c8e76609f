import { afterAll, describe, expect, test } from '@jest/globals';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { basename, join } from 'node:path';
import { allocate } from '../../src/alloc/allocate.js';
import { highestWithHint, hintFromData } from '../../src/alloc/highest-hint.js';
import { allocationLockFor, allocationLockName } from '../../src/alloc/lock-target.js';
import { checkoutCommonDir } from '../../src/git/discover.js';
import { isSanitizedTopicName, sanitizeTopicName } from '../../src/alloc/name.js';
import { verifyAllocations } from '../../src/alloc/verify.js';
import { acquireLock, lockStatus, releaseLock, type LockData } from '../../src/core/lock.js';
import { cleanupTemp, errorCode, firstLine, git, runCli, runWorker, runWorkersTogether, startWorker, tempDir, tempRepo, until, waitExit, type Run } from '../helpers.js';

afterAll(cleanupTemp);

/** The lock's top generation record for the allocation root `real` (a release marker between allocations). */
function topPath(real: string): string {
  const target = allocationLockFor(real);
  const dir = join(target.runtime.root, 'locks', target.name);
  const top = Math.max(...readdirSync(dir).filter((e) => /^\d+$/.test(e)).map(Number));
  return join(dir, String(top));
}

function topRecord(real: string): { state: string; data?: unknown } {
  return JSON.parse(readFileSync(topPath(real), 'utf8')) as { state: string; data?: unknown };
}

/** Rewrites the top record in place, as a disk fault or a foreign tool might. */
function rewriteTop(real: string, change: (rec: { state: string; data?: unknown }) => object | string): void {
  const next = change(topRecord(real));
  writeFileSync(topPath(real), typeof next === 'string' ? next : JSON.stringify(next));
}

describe('topic names', () => {
  test('are lower-cased, reduced to [a-z0-9_], collapsed, trimmed and capped', () => {
    expect(sanitizeTopicName('Auth Flow')).toBe('auth_flow');
    expect(sanitizeTopicName('  OAuth2 -- PKCE!!  ')).toBe('oauth2_pkce');
    expect(sanitizeTopicName('__a___b__')).toBe('a_b');
    expect(sanitizeTopicName('Café Ünïcode naïve')).toBe('cafe_unicode_naive');
    expect(sanitizeTopicName('x'.repeat(200))).toBe('x'.repeat(64));
    expect(sanitizeTopicName(`${'a'.repeat(63)} b`)).toBe('a'.repeat(63)); // no trailing _ after the cut
  });

  test('a holder accepts exactly the names sanitizing leaves unchanged', () => {
    // isSanitizedTopicName is the holder's check of a queued request: it must
    // agree with "sanitizeTopicName(x) === x" on every input.
    const sanitized = (x: string) => {
      try {
        return sanitizeTopicName(x);
      } catch {
        return null; // refused
      }
    };
    const alphabet = ['a', 'z', '0', '9', '_', '__', ' ', '-', 'A', 'é', '.', '/', '\n'];
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const inputs = ['a', 'a_b', '_a', 'a_', 'a__b', 'x'.repeat(64), 'x'.repeat(65), '', 'A', 'a-b'];
    for (let i = 0; i < 3000; i++) inputs.push(Array.from({ length: 1 + rand(70) }, () => alphabet[rand(alphabet.length)]).join(''));
    let accepted = 0;
    for (const x of inputs) {
      const out = sanitized(x);
      expect([x, isSanitizedTopicName(x)]).toEqual([x, out === x]);
      if (out !== null) expect(isSanitizedTopicName(out)).toBe(true);
      if (out === x) accepted++;
    }
    expect(accepted).toBeGreaterThan(10);
  });

  test('hostile names are refused with BAD_NAME', () => {
    for (const bad of ['../../etc', '/abs', 'a/b', 'a\\b', '..', 'x..y', '', '   ', '!!!', '日本語', 'a\nb', 'tab\there', 'x'.repeat(10 * 1024)]) {
      expect([bad.slice(0, 20), errorCode(() => sanitizeTopicName(bad))]).toEqual([bad.slice(0, 20), 'BAD_NAME']);
    }
  });
});

describe('allocate (library)', () => {
  test('numbers follow the highest NNN_ prefix, ignore other entries and widen past the width', async () => {
    const root = join(tempDir(), 'specs');
    const a = await allocate({ root, name: 'first' });
    expect(a).toMatchObject({ topicNumber: '001', number: 1, name: 'first', topicPath: join(root, '001_first') });
    expect(existsSync(a.topicPath)).toBe(true);
    mkdirSync(join(root, 'notes'));
    writeFileSync(join(root, 'README.md'), '');
    writeFileSync(join(root, '12abc'), ''); // digits without the underscore: not an allocation
    writeFileSync(join(root, '041_a_file'), ''); // a file with the prefix still holds its number
    expect((await allocate({ root, name: 'next' })).topicNumber).toBe('042');
    mkdirSync(join(root, '999_last_three_digit'));
    const wide = await allocate({ root, name: 'wide' });
    expect(wide.topicNumber).toBe('1000');
    expect(wide.topicPath).toBe(join(root, '1000_wide'));
    expect((await allocate({ root, name: 'w', width: 5 })).topicNumber).toBe('01001');
    expect((await allocate({ root: 'rel', name: 'x', cwd: root })).topicPath).toBe(join(root, 'rel', '001_x'));
  });

  test('the remembered highest number is used only while the root is unchanged', async () => {
    const root = join(tempDir(), 'specs');
    await allocate({ root, name: 'a' });
    const real = realpathSync(root);
    const handed = () => hintFromData(topRecord(real).data as LockData | undefined);
    expect(highestWithHint(real, handed())).toEqual({ highest: 1, fromHint: true });
    // Entries made behind lockstep's back change the directory: the next allocation scans.
    mkdirSync(join(root, '007_by_hand'));
    expect(highestWithHint(real, handed())).toEqual({ highest: 7, fromHint: false });
    expect((await allocate({ root, name: 'b' })).topicNumber).toBe('008');
    writeFileSync(join(root, '020_a_file'), '');
    expect((await allocate({ root, name: 'c' })).topicNumber).toBe('021');
    rmSync(join(root, '020_a_file'));
    rmSync(join(root, '021_c'), { recursive: true });
    expect((await allocate({ root, name: 'd' })).topicNumber).toBe('009');
    // A malformed hint only costs a scan: an unknown version claiming 3 would give 004 if trusted.
    rewriteTop(real, (rec) => ({ ...rec, data: { highest: { ...(rec.data as { highest: object }).highest, v: 2, highest: 3 } } }));
    expect(handed()).toBe(null);
    expect((await allocate({ root, name: 'e' })).topicNumber).toBe('010');
    // So does a release record that is garbage (the lock takes it over) or carries no hint.
    rewriteTop(real, () => '{not json');
    expect((await allocate({ root, name: 'f' })).topicNumber).toBe('011');
    const target = allocationLockFor(real);
    releaseLock(await acquireLock({ runtime: target.runtime, name: target.name }));
    expect(topRecord(real).data).toBeUndefined();
    expect((await allocate({ root, name: 'g' })).topicNumber).toBe('012');
    expect(highestWithHint(real, handed())).toEqual({ highest: 12, fromHint: true });
  });

  test('outside a checkout the lock lives in ROOT/.lockstep; inside one, in the repository runtime', async () => {
    const plain = join(tempDir(), 'specs');
    await allocate({ root: plain, name: 'a' });
    const plainLock = join(plain, '.lockstep', 'locks', allocationLockName(realpathSync(plain)));
    expect(existsSync(plainLock)).toBe(true);

    const repo = tempRepo();
    const root = join(repo, 'specs');
    // GIT_DIR (set inside hooks) must not move the lock: it is chosen from ROOT's path alone.
    const elsewhere = tempRepo();
    process.env.GIT_DIR = join(elsewhere, '.git');
    try {
      await allocate({ root, name: 'b' });
    } finally {
      delete process.env.GIT_DIR;
    }
    expect(existsSync(join(root, '.lockstep'))).toBe(false);
    expect(existsSync(join(repo, '.git', 'lockstep', 'locks', allocationLockName(realpathSync(root))))).toBe(true);
    expect(existsSync(join(elsewhere, '.git', 'lockstep'))).toBe(false);

    // A linked worktree shares the main repository's runtime (its common dir).
    const wt = join(tempDir(), 'wt');
    git(repo, 'worktree', 'add', '-q', wt);
    expect(checkoutCommonDir(realpathSync(wt))).toBe(realpathSync(join(repo, '.git')));
    expect(checkoutCommonDir(realpathSync(tempDir()))).toBe(null);
  });

  test('10 processes × 100 allocations: every number once, no gaps, verify clean — and the seed\'s broken variant (lock released before mkdir) makes duplicates that verify reports', async () => {
    const base = tempDir();
    const good = join(base, 'good');
    const broken = join(base, 'broken');
    const go = join(base, 'go');
    const specs = Array.from({ length: 10 }, (_, w) => [
      JSON.stringify({ go, jobs: [{ mode: 'lib', root: good, n: 100, tag: `w${w}` }, { mode: 'broken', root: broken, n: 20, tag: `w${w}` }] }),
    ]);
    const runs = await runWorkersTogether('alloc-worker.ts', specs, go);
    for (const r of runs) expect(r.stderr).toBe('');
    for (const r of runs) expect(r.code).toBe(0);
    const results = runs.map((r) => JSON.parse(r.stdout) as { jobs: { mode: string; allocations: { number: number; path: string }[] }[] });

    const numbers = results.flatMap((r) => r.jobs[0]!.allocations.map((a) => a.number)).sort((a, b) => a - b);
    expect(numbers).toHaveLength(1000);
    expect(new Set(numbers).size).toBe(1000);
    expect(numbers[0]).toBe(1);
    expect(numbers[999]).toBe(1000);
    expect(readdirSync(good).filter((e) => /^\d+_/.test(e))).toHaveLength(1000);
    const v = verifyAllocations({ root: good });
    expect(v).toMatchObject({ ok: true, duplicates: [], gaps: [], leftoverLock: null, highest: 1000 });
    expect(v.entries).toHaveLength(1000);
    // Each process got the entry made for its own name — whether it made it
    // itself or a holder made it while it was queued (and that did happen).
    for (const [w, r] of results.entries()) {
      r.jobs[0]!.allocations.forEach((a, i) => expect(basename(a.path)).toBe(`${String(a.number).padStart(3, '0')}_w${w}_${i}`));
    }
    const events = allocateEvents(realpathSync(good));
    expect(events).toHaveLength(1000);
    expect(events.filter((e) => e.served).length).toBeGreaterThan(0);
    expect(leftInLockDir(realpathSync(good))).toEqual([]);

    // The control: the same processes, the same lock, released before mkdir.
    const brokenNumbers = results.flatMap((r) => r.jobs[1]!.allocations.map((a) => a.number));
    expect(brokenNumbers).toHaveLength(200);
    const handedOutTwice = brokenNumbers.length - new Set(brokenNumbers).size;
    expect(handedOutTwice).toBeGreaterThan(0);
    const vb = verifyAllocations({ root: broken });
    expect(vb.ok).toBe(false);
    expect(vb.duplicates.length).toBeGreaterThan(0);
    expect(vb.duplicates.reduce((n, d) => n + d.entries.length - 1, 0)).toBe(handedOutTwice);
    const cli = runCli(['allocate', '--verify', broken]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toMatch(/duplicates: \d+ numbers? used more than once/);
    expect(cli.stdout).toContain('FAILED');
  }, 300_000);
});

/** The allocation lock's directory of `real`. */
function lockDirOf(real: string): string {
  const target = allocationLockFor(real);
  return join(target.runtime.root, 'locks', target.name);
}

function ticketsIn(real: string): string[] {
  return readdirSync(lockDirOf(real)).filter((e) => /^w\.\d+$/.test(e));
}

/** A ticket's text; '' once it is gone (listed, then removed by its owner before this read). */
function ticketText(real: string, ticket: string): string {
  try {
    return readFileSync(join(lockDirOf(real), ticket), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw e;
  }
}

/** Queue tickets (and results of the older hand-off, `r.*`) still in the lock directory: none once everyone is done. */
function leftInLockDir(real: string): string[] {
  return readdirSync(lockDirOf(real)).filter((e) => /^[wr]\./.test(e));
}

interface AllocateEvent {
  pid: number;
  number: number;
  entry: string;
  token: number;
  /** Made by another process's hold (listed on that holder's line). */
  served?: boolean;
  servedOthers?: number;
  /** Logged by: the holder's pid. */
  by: number;
}

/** Every allocation in the event log: each holder's own, then those it made for the waiters it served. */
function allocateEvents(real: string): AllocateEvent[] {
  const log = join(allocationLockFor(real).runtime.root, 'events.jsonl');
  type Line = AllocateEvent & { type: string; servedFor?: { pid: number; number: number; entry: string }[] };
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line)
    .filter((e) => e.type === 'allocate')
    .flatMap(({ servedFor, ...e }) => [{ ...e, by: e.pid }, ...(servedFor ?? []).map((s) => ({ ...s, token: e.token, served: true, by: e.pid }))]);
}



/** An allocating process (one allocation named `<tag>_0`), started at once. */
function allocator(root: string, tag: string, opts: { timeoutMs?: number; env?: Record<string, string>; n?: number } = {}): Promise<Run> {
  return runWorker('alloc-worker.ts', [JSON.stringify({ go: null, jobs: [{ mode: 'lib', root, n: opts.n ?? 1, tag, timeoutMs: opts.timeoutMs }] })], { env: opts.env });
}

function allocationOf(r: Run): { number: number; path: string } {
  expect([r.code, r.stderr]).toEqual([0, '']);
  return (JSON.parse(r.stdout.replace(/^ready\n/, '')) as { jobs: { allocations: { number: number; path: string }[] }[] }).jobs[0]!.allocations[0]!;
}

describe('serving queued allocations', () => {
  /** A root in a fresh checkout whose allocation lock this test holds, and the queue behind it. */
  async function heldRoot() {
    const repo = tempRepo();
    const root = join(repo, 'specs');
    mkdirSync(root);
    const real = realpathSync(root);
    const target = allocationLockFor(real);
    const h = await acquireLock({ runtime: target.runtime, name: target.name });
    return { repo, root, real, name: target.name, h };
  }

  test('the holder makes the entries of the allocations queued behind it, in queue order, each for its own caller', async () => {
    const { root, real, h } = await heldRoot();
    const runs: Promise<Run>[] = [];
    for (const tag of ['first', 'second', 'third']) {
      runs.push(allocator(root, tag));
      await until(() => ticketsIn(real).length === runs.length);
    }
    releaseLock(h);
    const [first, second, third] = (await Promise.all(runs)).map(allocationOf);
    expect([first, second, third].map((a) => basename(a!.path))).toEqual(['001_first_0', '002_second_0', '003_third_0']);
    for (const a of [first, second, third]) expect(existsSync(a!.path)).toBe(true);
    // `first` took the lock and made all three; the others never held it.
    const ev = allocateEvents(real);
    const own = ev.find((e) => e.entry === '001_first_0')!;
    expect(own).toMatchObject({ servedOthers: 2 });
    // The holder's line lists the entries it made for the others, with their pids, under its token.
    const served = ev.filter((e) => e.served);
    expect(served.map((e) => [e.entry, e.token, e.by])).toEqual([
      ['002_second_0', own.token, own.pid],
      ['003_third_0', own.token, own.pid],
    ]);
    expect(new Set([own.pid, ...served.map((e) => e.pid)]).size).toBe(3);
    expect(leftInLockDir(real)).toEqual([]);
    expect(verifyAllocations({ root })).toMatchObject({ ok: true, highest: 3, gaps: [] });
  }, 60_000);

  test('serving stops at a waiter that needs the lock itself: nobody is served ahead of it', async () => {
    const { repo, root, real, name, h } = await heldRoot();
    const c = allocator(root, 'c');
    await until(() => ticketsIn(real).length === 1);
    const a = runWorker('lock-worker.ts', ['acquire', repo, name]);
    await until(() => ticketsIn(real).length === 2);
    const b = allocator(root, 'b');
    await until(() => ticketsIn(real).length === 3);
    releaseLock(h);
    const [rc, ra, rb] = await Promise.all([c, a, b]);
    expect([allocationOf(rc), allocationOf(rb)].map((x) => basename(x.path))).toEqual(['001_c_0', '002_b_0']);
    expect(ra.code).toBe(0);
    const ev = allocateEvents(real);
    const [ec, eb] = [ev.find((e) => e.entry === '001_c_0')!, ev.find((e) => e.entry === '002_b_0')!];
    expect(ec.servedOthers).toBeUndefined();
    expect(eb.served).toBeUndefined();
    // In ticket order: c, then the plain waiter, then b under its own hold.
    expect(ec.token).toBeLessThan(Number(ra.stdout.trim()));
    expect(Number(ra.stdout.trim())).toBeLessThan(eb.token);
    expect(leftInLockDir(real)).toEqual([]);
  }, 60_000);

  /**
   * A holder that pauses between making the queued waiter's entry and handing
   * it over (a fault), and a waiter that gives up during that pause.
   */
  async function giveUpWhileServed(fault: string) {
    const { root, real, h } = await heldRoot();
    const holder = allocator(root, 'holder', { env: { LOCKSTEP_FAULT: `pause-before-hand-over:4000${fault}` } });
    await until(() => ticketsIn(real).length === 1);
    const quitter = allocator(root, 'quitter', { timeoutMs: 1500 });
    await until(() => ticketsIn(real).length === 2);
    releaseLock(h);
    const q = await quitter;
    expect(q.code).toBe(1);
    expect(q.stderr).toMatch(/timed out waiting for the alloc-\w+ lock/);
    expect(basename(allocationOf(await holder).path)).toBe('001_holder_0');
    return { root, real };
  }

  test('an allocation that gives up while the holder is making its entry gets nothing, and the entry is taken back', async () => {
    const { root, real } = await giveUpWhileServed('');
    expect(readdirSync(root).filter((e) => /^\d+_/.test(e))).toEqual(['001_holder_0']);
    expect(allocateEvents(real).map((e) => e.entry)).toEqual(['001_holder_0']);
    expect(leftInLockDir(real)).toEqual([]);
    expect((await allocate({ root, name: 'next' })).topicNumber).toBe('002');
  }, 60_000);

  test('control: with the undo turned off, the same give-up leaves an entry that nobody was told about', async () => {
    const { root, real } = await giveUpWhileServed(',serve-no-undo:1');
    expect(readdirSync(root).filter((e) => /^\d+_/.test(e))).toEqual(['001_holder_0', '002_quitter_0']);
    expect(allocateEvents(real).map((e) => e.entry)).toEqual(['001_holder_0']);
  }, 60_000);

  /**
   * A waiter that gives up is held (a fault) just before it takes its ticket
   * back. Meanwhile a holder serves it (its entry is 002) and releases, and a
   * newcomer's ticket takes the same number: a record of a live process (this
   * test's) linked in as w.2, as a waiter that queued then would have.
   */
  async function giveUpAsANewcomerTakesTheNumber(fault: string) {
    const { root, real, h } = await heldRoot();
    const mark = tempDir();
    const holder = allocator(root, 'holder');
    await until(() => ticketsIn(real).length === 1);
    const quitter = allocator(root, 'quitter', { timeoutMs: 1000, env: { LOCKSTEP_FAULT: `pause-before-take-back:60000${fault}`, LOCKSTEP_FAULT_MARK: mark } });
    await until(() => ticketsIn(real).length === 2);
    const quitterTicket = join(lockDirOf(real), 'w.2');
    const quitterIno = statSync(quitterTicket).ino;
    await until(() => existsSync(join(mark, 'pause-before-take-back')));
    releaseLock(h);
    expect(basename(allocationOf(await holder).path)).toBe('001_holder_0');
    expect(ticketsIn(real)).toEqual([]); // served: the holder removed it
    const newcomer = join(lockDirOf(real), '.newcomer');
    writeFileSync(newcomer, readFileSync(join(lockDirOf(real), String(h.token))));
    linkSync(newcomer, quitterTicket);
    rmSync(newcomer);
    const newcomerIno = statSync(quitterTicket).ino;
    expect(newcomerIno).not.toBe(quitterIno);
    writeFileSync(join(mark, 'pause-before-take-back.go'), '');
    return { root, real, quitter: await quitter, quitterTicket, newcomerIno };
  }

  test('an allocation that gives up after it was served gets its entry, and a newcomer with its old number keeps its ticket', async () => {
    const { root, real, quitter, quitterTicket, newcomerIno } = await giveUpAsANewcomerTakesTheNumber('');
    expect(basename(allocationOf(quitter).path)).toBe('002_quitter_0');
    expect(statSync(quitterTicket).ino).toBe(newcomerIno);
    expect(readdirSync(root).filter((e) => /^\d+_/.test(e))).toEqual(['001_holder_0', '002_quitter_0']);
    expect(readdirSync(lockDirOf(real)).filter((e) => e.startsWith('.tmp.'))).toEqual([]);
  }, 60_000);

  test('control: checking the ticket and then removing it by name removes the newcomer\'s, and the served entry is reported as a timeout', async () => {
    const { root, real, quitter, quitterTicket } = await giveUpAsANewcomerTakesTheNumber(',take-back-by-name:1');
    expect(quitter.code).toBe(1);
    expect(quitter.stderr).toMatch(/timed out waiting for the alloc-\w+ lock/);
    expect(existsSync(quitterTicket)).toBe(false);
    expect(readdirSync(root).filter((e) => /^\d+_/.test(e))).toEqual(['001_holder_0', '002_quitter_0']);
    expect(ticketsIn(real)).toEqual([]);
  }, 60_000);

  /**
   * A holder that pauses between writing the queued waiter's result line and
   * removing its ticket (a fault), killed there: the waiter (plus `fault`) is
   * still queued, with a result line on its ticket.
   */
  async function holderKilledBeforeHandOver(fault: string) {
    const { root, real, h } = await heldRoot();
    const holder = startWorker('alloc-worker.ts', [JSON.stringify({ go: null, jobs: [{ mode: 'lib', root, n: 1, tag: 'holder' }] })], { env: { LOCKSTEP_FAULT: 'pause-before-hand-over:60000' } });
    await until(() => ticketsIn(real).length === 1);
    let done = false;
    const waiter = allocator(root, 'waiter', fault ? { env: { LOCKSTEP_FAULT: fault } } : {}).then((r) => {
      done = true;
      return r;
    });
    await until(() => ticketsIn(real).length === 2);
    releaseLock(h);
    // The holder wrote the waiter's result line into its ticket, and pauses.
    const ticketHasResult = () => ticketsIn(real).some((t) => /\n\d+\.2$/.test(ticketText(real, t)));
    await until(ticketHasResult);
    holder.kill('SIGKILL');
    await waitExit(holder);
    return { root, real, waiter, isDone: () => done };
  }

  test('a holder killed after writing a waiter\'s result but before handing it over: the waiter stays queued, takes the lock over and allocates for itself', async () => {
    const { root, real, waiter } = await holderKilledBeforeHandOver('');
    // The line alone is not a hand-over: the waiter is still queued. Woken by
    // the line, it waits once for the removal that would follow it, then looks,
    // takes the dead holder's lock over and makes its own entry after a scan.
    const mine = allocationOf(await waiter);
    expect(basename(mine.path)).toBe('003_waiter_0');
    expect(readdirSync(root).filter((e) => /^\d+_/.test(e))).toEqual(['001_holder_0', '002_waiter_0', '003_waiter_0']);
    expect(lockStatus({ runtime: allocationLockFor(real).runtime, name: allocationLockFor(real).name })).toMatchObject({ state: 'free', waiters: 0 });
    expect(leftInLockDir(real)).toEqual([]);
    expect((await allocate({ root, name: 'next' })).topicNumber).toBe('004');
  }, 60_000);

  test('control: a waiter that waits for the removal after every look at its grown ticket never takes the dead holder\'s lock over', async () => {
    const { real, waiter, isDone } = await holderKilledBeforeHandOver('result-wait-every-time:1');
    await sleep(1500);
    expect(isDone()).toBe(false);
    expect(lockStatus({ runtime: allocationLockFor(real).runtime, name: allocationLockFor(real).name }).state).toBe('stale');
    expect(ticketsIn(real)).toHaveLength(1);
    // Taking the ticket away ends its wait, and the dead holder's line then
    // counts: that entry was made for this waiter.
    rmSync(join(lockDirOf(real), ticketsIn(real)[0]!));
    expect(basename(allocationOf(await waiter).path)).toBe('002_waiter_0');
  }, 60_000);

  /**
   * A process served a moment ago asks again and re-queues without a look. The
   * holder that served it releases (nobody else is queued, so its wake-up
   * finds nobody) while the re-queue is held back by a fault; polling is off.
   */
  async function requeueAfterTheRelease(extraFault: string) {
    const { root, real, h } = await heldRoot();
    const mark = tempDir();
    const holder = allocator(root, 'holder');
    await until(() => ticketsIn(real).length === 1);
    let done = false;
    const twice = allocator(root, 'twice', { n: 2, env: { LOCKSTEP_FAULT: `wait-poll-ms:600000,pause-before-requeue:60000${extraFault}`, LOCKSTEP_FAULT_MARK: mark } }).then((r) => {
      done = true;
      return r;
    });
    await until(() => ticketsIn(real).length === 2);
    releaseLock(h);
    // The holder makes its entry and 'twice''s first, releases and exits.
    expect(basename(allocationOf(await holder).path)).toBe('001_holder_0');
    await until(() => existsSync(join(mark, 'pause-before-requeue')));
    writeFileSync(join(mark, 'pause-before-requeue.go'), '');
    return { root, real, twice, isDone: () => done };
  }

  function entriesOf(r: Run): string[] {
    expect([r.code, r.stderr]).toEqual([0, '']);
    return (JSON.parse(r.stdout.replace(/^ready\n/, '')) as { jobs: { allocations: { path: string }[] }[] }).jobs[0]!.allocations.map((a) => basename(a.path));
  }

  test('a re-queue without a look sees that the lock moved on meanwhile, and takes it', async () => {
    const { root, real, twice } = await requeueAfterTheRelease('');
    expect(entriesOf(await twice)).toEqual(['002_twice_0', '003_twice_1']);
    expect(readdirSync(root).filter((e) => /^\d+_/.test(e))).toEqual(['001_holder_0', '002_twice_0', '003_twice_1']);
    expect(leftInLockDir(real)).toEqual([]);
  }, 60_000);

  test('control: a re-queue that does not check whether the lock moved on sleeps with the lock free', async () => {
    const { real, twice, isDone } = await requeueAfterTheRelease(',requeue-without-moved-on:1');
    await until(() => ticketsIn(real).length === 1);
    await sleep(1500);
    expect(isDone()).toBe(false);
    expect(lockStatus({ runtime: allocationLockFor(real).runtime, name: allocationLockFor(real).name }).state).toBe('free');
    // Woken the way a release wakes the head of the queue, it finishes.
    const now = new Date();
    for (const t of ticketsIn(real)) utimesSync(join(lockDirOf(real), t), now, now);
    expect(entriesOf(await twice)).toEqual(['002_twice_0', '003_twice_1']);
  }, 60_000);

  test('a ticket still empty (its waiter paused between creating and writing it) is dropped by a waiter stuck behind it, and its writer queues again', async () => {
    const { root, real, h } = await heldRoot();
    const mark = tempDir();
    const first = allocator(root, 'first', { env: { LOCKSTEP_FAULT: 'pause-before-ticket-write:60000', LOCKSTEP_FAULT_MARK: mark } });
    await until(() => existsSync(join(mark, 'pause-before-ticket-write')));
    expect(ticketsIn(real)).toEqual(['w.1']);
    expect(readFileSync(join(lockDirOf(real), 'w.1'), 'utf8')).toBe('');
    const second = allocator(root, 'second');
    await until(() => ticketsIn(real).length === 2);
    releaseLock(h);
    // The lock is free and the head is not a record: the second waiter drops it and allocates.
    expect(basename(allocationOf(await second).path)).toBe('001_second_0');
    writeFileSync(join(mark, 'pause-before-ticket-write.go'), '');
    // The first finds its ticket gone with no result, queues again and allocates.
    expect(basename(allocationOf(await first).path)).toBe('002_first_0');
    expect(leftInLockDir(real)).toEqual([]);
  }, 60_000);

  test('control: waiters that believe the directory listing about their ticket, not its inode, lose served entries under contention', async () => {
    // A served ticket's number can be taken by a newcomer: a served waiter
    // that reads the listing then thinks it is still queued, later allocates
    // for itself, and its served entry is left behind. Asking the ticket
    // itself (its inode) is what prevents that.
    let lost = 0;
    for (let round = 0; round < 8 && lost === 0; round++) {
      const base = tempDir();
      const root = join(base, 'specs');
      const go = join(base, 'go');
      const specs = Array.from({ length: 10 }, (_, w) => [JSON.stringify({ go, jobs: [{ mode: 'lib', root, n: 100, tag: `w${w}` }] })]);
      const runs = await runWorkersTogether('alloc-worker.ts', specs, go, { env: { LOCKSTEP_FAULT: 'trust-ticket-listing:1' } });
      for (const r of runs) expect(r.code).toBe(0);
      const entries = readdirSync(root).filter((e) => /^\d+_/.test(e)).length;
      lost = entries - 1000;
    }
    expect(lost).toBeGreaterThan(0);
  }, 300_000);
});

describe('verify', () => {
  test('lists gaps without failing, and reports a held or stale lock', async () => {
    const repo = tempRepo();
    const root = join(repo, 'specs');
    for (const e of ['001_a', '002_b', '005_c', '009_d']) mkdirSync(join(root, e), { recursive: true });
    const v = verifyAllocations({ root });
    expect(v).toMatchObject({ ok: true, gaps: [{ from: 3, to: 4 }, { from: 6, to: 8 }], duplicates: [], leftoverLock: null });

    const name = allocationLockName(realpathSync(root));
    const holder = startWorker('lock-worker.ts', ['hold', repo, name]);
    await firstLine(holder);
    const held = verifyAllocations({ root });
    expect(held.ok).toBe(false);
    expect(held.leftoverLock).toMatchObject({ state: 'held', pid: holder.pid, name });
    const cli = runCli(['allocate', '--verify', root, '--json']);
    expect(cli.code).toBe(1);
    expect(JSON.parse(cli.stdout).leftoverLock.state).toBe('held');
    holder.kill('SIGKILL');
    await waitExit(holder);
    expect(verifyAllocations({ root }).leftoverLock).toMatchObject({ state: 'stale' });

    // The next allocation takes the stale lock over and the root is clean again.
    expect((await allocate({ root, name: 'after' })).topicNumber).toBe('010');
    expect(verifyAllocations({ root }).leftoverLock).toBe(null);
  });

  test('a lock held elsewhere makes allocate time out (exit 3) naming the holder, creating nothing', async () => {
    const repo = tempRepo();
    const root = join(repo, 'specs');
    mkdirSync(root);
    const holder = startWorker('lock-worker.ts', ['hold', repo, allocationLockName(realpathSync(root))]);
    await firstLine(holder);
    const r = runCli(['allocate', root, 'late', '--timeout', '0.3']);
    holder.kill('SIGKILL');
    await waitExit(holder);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`pid ${holder.pid}`);
    expect(readdirSync(root)).toEqual([]);
    expect(lockStatus({ cwd: repo, name: allocationLockName(realpathSync(root)) }).state).toBe('stale');
  });

  test('a missing root is exit 2', () => {
    const r = runCli(['allocate', '--verify', join(tempDir(), 'nope')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does not exist');
  });
});

describe('the highest number handed on by the lock', () => {
  test('travels from one process to the next on the release record', async () => {
    const repo = tempRepo();
    const root = join(repo, 'specs');
    const r = await runWorker('alloc-worker.ts', [JSON.stringify({ go: null, jobs: [{ mode: 'lib', root, n: 3, tag: 'w' }] })]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const real = realpathSync(root);
    const target = allocationLockFor(real);
    const h = await acquireLock({ runtime: target.runtime, name: target.name });
    expect(h.tookOver).toBe(null);
    const hint = hintFromData(h.previousData);
    expect(hint).toMatchObject({ v: 1, highest: 3 });
    expect(highestWithHint(real, hint)).toEqual({ highest: 3, fromHint: true });
    releaseLock(h, { data: h.previousData! });
    expect((await allocate({ root, name: 'next' })).topicNumber).toBe('004');
  });

  test('a holder that dies before releasing hands on nothing: the takeover scans', async () => {
    const repo = tempRepo();
    const root = join(repo, 'specs');
    await allocate({ root, name: 'a' });
    const real = realpathSync(root);
    const target = allocationLockFor(real);
    // A holder that took the lock (and the hint) and died mid-allocation, after its mkdir.
    const holder = startWorker('lock-worker.ts', ['hold', repo, target.name]);
    await firstLine(holder);
    mkdirSync(join(root, '002_by_dead_holder'));
    holder.kill('SIGKILL');
    await waitExit(holder);
    const h = await acquireLock({ runtime: target.runtime, name: target.name });
    expect(h.tookOver).toMatchObject({ pid: holder.pid });
    expect(h.previousData).toBe(null);
    releaseLock(h);
    // And allocate itself, after another such death, takes over and scans.
    const holder2 = startWorker('lock-worker.ts', ['hold', repo, target.name]);
    await firstLine(holder2);
    mkdirSync(join(root, '003_by_dead_holder'));
    holder2.kill('SIGKILL');
    await waitExit(holder2);
    expect((await allocate({ root, name: 'after' })).topicNumber).toBe('004');
    expect(verifyAllocations({ root })).toMatchObject({ ok: true, duplicates: [], gaps: [] });
  });
});
