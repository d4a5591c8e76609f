/**
 * gitlock — git's own index.lock (src/git/git-locks.ts): each operation
 * writes a new file of its own and stages it with `git add` in the one
 * shared checkout, retrying while git says index.lock exists. Protected:
 * lockstep commit's retry (src/tasks/index-retry.ts) judges the lock,
 * removes it only when no live git can hold it (a killed worker's), and
 * otherwise waits for it. Control: `rm -f
 * .git/index.lock`, what git's message says and agents do — which removes
 * the lock of a `git add` still at work, so two of them write the index at
 * once: one's staging is lost, or the index is left half written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unlinkQuiet } from '../../core/files.js';
import { createGit, type GitResult } from '../../git/git.js';
import { indexLocked, withIndexRetry } from '../../tasks/index-retry.js';
import { acknowledged } from '../log.js';
import { violation, type Violation } from '../violations.js';
import { OpFailure, type Workload } from '../workload.js';
import { WORK_DIR } from './commit.js';

const DIR = `${WORK_DIR}/gitlock`;
const ownFile = (w: number, i: number) => `${DIR}/w${w}/${i}.txt`;
/** Lines in each staged file (~256 KiB). */
const FILE_LINES = 10_000;
/** How long one operation keeps trying before it counts as stuck. */
const GIVE_UP_MS = 60_000;

/** Git's words for an index it cannot read (a lock file of somebody else's installed half written). */
const CORRUPT = /index file (smaller than expected|corrupt)|bad (index file|signature)|index uses .* extension, which we do not understand/i;

export const gitlockWorkload: Workload = {
  name: 'gitlock',
  op: 'stage',
  summary: {
    protected: 'write an own new file, git add it; on index.lock, lockstep clears it only if no live git can hold it, else waits',
    control: 'write an own new file, git add it; on index.lock, rm -f .git/index.lock and retry',
  },
  defaults: { procs: 4, iterations: 15 },
  maxDelayMs: 2,
  opsPerWorker: (_p, iterations) => iterations,
  totalOps: (procs, iterations) => procs * iterations,
  describe: (procs, iterations) => `${procs} processes × ${iterations} git adds of their own new files in one checkout`,

  async setup(ctx) {
    const git = createGit(ctx.repo);
    const lock = (await git.exec(['rev-parse', '--path-format=absolute', '--git-path', 'index.lock'], { readOnly: true })).trim();
    const commonDir = (await git.exec(['rev-parse', '--path-format=absolute', '--git-common-dir'], { readOnly: true })).trim();
    return { lock, commonDir };
  },

  async run(ctx, op) {
    const { lock, commonDir } = ctx.params as { lock: string; commonDir: string };
    const path = ownFile(ctx.worker, op.i);
    mkdirSync(join(ctx.repo, DIR, `w${ctx.worker}`), { recursive: true });
    // Large enough that git holds index.lock for a few ms while it hashes and stores it: the window the control's rm hits.
    writeFileSync(join(ctx.repo, path), `worker ${ctx.worker} operation ${op.i}\n`.repeat(FILE_LINES));
    const git = createGit(ctx.repo);
    const giveUp = Date.now() + GIVE_UP_MS;
    let tries = 0;
    let cleared = 0;
    const add = () => {
      tries++;
      return git.run(['add', '--', path]);
    };
    let r: GitResult;
    if (ctx.mode === 'protected') {
      // The retry lockstep commit uses: a lock no live git can hold (a killed worker's) is removed, any other waited for.
      r = await withIndexRetry(add, giveUp, { commonDir, lock, onCleared: () => void cleared++ });
    } else {
      // git's advice: remove the lock and try again.
      for (r = await add(); indexLocked(r) && Date.now() <= giveUp; r = await add()) unlinkQuiet(lock);
    }
    if (r.code === 0) return { data: { path, tries, cleared } };
    const first = r.stderr.trim().split('\n')[0]!.slice(0, 300);
    if (CORRUPT.test(r.stderr)) throw new OpFailure('corrupt_index', `git add: ${first}`);
    if (indexLocked(r)) throw new OpFailure('stuck_lock', `git add found index.lock for ${GIVE_UP_MS / 1000} s (${tries} tries)`);
    throw new OpFailure('operation_failed', `git add exited ${r.code}: ${first}`);
  },

  async check(ctx) {
    const out: Violation[] = [];
    const ls = await createGit(ctx.repo).run(['ls-files', '-z', '--', DIR], { readOnly: true });
    if (ls.code !== 0) {
      out.push(violation('corrupt_index', `the index cannot be read at the end: ${ls.stderr.trim().split('\n')[0]}`, { stderr: ls.stderr.slice(0, 500) }));
      return out;
    }
    const staged = new Set(ls.stdout.split('\0').filter(Boolean));
    const acks = acknowledged(ctx.events, 'stage');
    // Stale locks of killed workers' git adds that the protected variant removed.
    const cleared = acks.reduce((n, e) => n + (Number(e.data?.cleared) || 0), 0);
    if (cleared || ctx.kills) ctx.recovery.gitLocksCleared = cleared;
    for (const e of acks) {
      const path = String(e.data?.path ?? '');
      if (!staged.has(path)) {
        out.push(violation('lost_staged_change', `${path} was staged (worker ${e.w} operation ${e.i}: git add exited 0) but is not in the index`, { path, worker: e.w, op: e.i }));
      }
    }
    return out;
  },
};
