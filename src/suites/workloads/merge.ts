/**
 * merge — a merge queue racing a moving base (seed 003). Each worker merges
 * its own branches (one new file each) into the base. Protected: `lockstep
 * merge BRANCH --into BASE` (merge in a scratch worktree, base moved by
 * compare-and-swap). Control: the naive merge — check out and merge in the
 * one shared checkout, then move the base with a plain `git update-ref`
 * without the old value, which drops merges acknowledged a moment earlier.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createGit } from '../../git/git.js';
import { mergeBranch } from '../../merge/merge.js';
import { acknowledged } from '../log.js';
import { violation, type Violation } from '../violations.js';
import { OpFailure, type Workload, type WorkerContext } from '../workload.js';
import { WORK_DIR } from './commit.js';

export const branchName = (w: number, i: number) => `${WORK_DIR}/w${w}-${i}`;

function failureKind(stderr: string): 'index_lock_failure' | 'operation_failed' {
  return /index\.lock/.test(stderr) ? 'index_lock_failure' : 'operation_failed';
}

async function mergeUnprotected(ctx: WorkerContext, branch: string): Promise<void> {
  const git = createGit(ctx.repo);
  const steps: string[][] = [
    ['checkout', '-q', '--detach', ctx.base],
    ['merge', '-q', '--no-ff', '--no-edit', '-m', `merge ${branch}`, branch],
    ['update-ref', `refs/heads/${ctx.base}`, 'HEAD'],
  ];
  for (const args of steps) {
    // The moment between merging and publishing (an agent reporting back): another merge gets in here.
    if (args[0] === 'update-ref') await sleep(2);
    const r = await git.run(args);
    if (r.code !== 0) {
      if (args[0] === 'merge') await git.run(['merge', '--abort']);
      throw new OpFailure(failureKind(r.stderr), `git ${args[0]} exited ${r.code}: ${r.stderr.trim().split('\n')[0]!.slice(0, 300)}`);
    }
  }
}

export const mergeWorkload: Workload = {
  name: 'merge',
  op: 'merge',
  summary: {
    protected: 'lockstep merge BRANCH --into BASE (scratch worktree, compare-and-swap of the base)',
    control: 'checkout + merge in the one shared checkout, then git update-ref BASE HEAD (no old value)',
  },
  defaults: { procs: 4, iterations: 4 },
  maxDelayMs: 5,
  maxKillDelayMs: 800,
  opsPerWorker: (_p, iterations) => iterations,
  totalOps: (procs, iterations) => procs * iterations,
  describe: (procs, iterations) => `${procs} workers × ${iterations} branches merged into one base`,

  async setup(ctx) {
    const git = createGit(ctx.repo);
    const from = (await git.exec(['rev-parse', 'HEAD'])).trim();
    // Every branch in one git process: fast-import writes the commits and refs.
    const stream: string[] = [];
    let when = 1_700_000_000;
    for (let w = 0; w < ctx.procs; w++) {
      for (let i = 0; i < ctx.iterations; i++) {
        const msg = `work of w${w}-${i}\n`;
        const body = `branch w${w}-${i}\n`;
        stream.push(
          `commit refs/heads/${branchName(w, i)}`,
          `committer lockstep <lockstep@example.invalid> ${when++} +0000`,
          `data ${Buffer.byteLength(msg)}`,
          msg.slice(0, -1),
          `from ${from}`,
          `M 100644 inline ${WORK_DIR}/merge/w${w}-${i}.txt`,
          `data ${Buffer.byteLength(body)}`,
          body.slice(0, -1),
          '',
        );
      }
    }
    await git.exec(['fast-import', '--quiet'], { input: stream.join('\n') + '\n' });
    const refs = await git.exec(['for-each-ref', '--format=%(refname:short) %(objectname)', `refs/heads/${WORK_DIR}/`]);
    const tips: Record<string, string> = {};
    for (const line of refs.trim().split('\n')) {
      const [name, sha] = line.split(' ');
      if (name && sha) tips[name] = sha;
    }
    return { tips };
  },

  async run(ctx, op) {
    const branch = branchName(ctx.worker, op.i);
    const tip = (ctx.params.tips as Record<string, string>)[branch]!;
    if (ctx.mode === 'protected') {
      let r;
      try {
        r = await mergeBranch({ cwd: ctx.repo, branch, into: ctx.base, timeoutMs: 120_000, agent: `agent-${ctx.worker}-${ctx.incarnation}` });
      } catch (e) {
        const msg = (e as Error).message ?? String(e);
        throw new OpFailure(failureKind(msg), `lockstep merge failed: ${msg.slice(0, 500)}`);
      }
      if (r.status !== 'merged' && r.status !== 'already-merged') throw new OpFailure('operation_failed', `lockstep merge of ${branch} ended ${r.status}`);
    } else {
      await mergeUnprotected(ctx, branch);
    }
    return { data: { branch, tip } };
  },

  async check(ctx) {
    const git = createGit(ctx.repo);
    const reachable = new Set((await git.exec(['rev-list', `refs/heads/${ctx.base}`], { readOnly: true })).trim().split('\n'));
    const refs = await git.exec(['for-each-ref', '--format=%(refname:short) %(objectname)', `refs/heads/${WORK_DIR}/`], { readOnly: true });
    const now = new Map(refs.trim().split('\n').filter(Boolean).map((l) => l.split(' ') as [string, string]));
    return checkMerges({
      base: ctx.base,
      reachable,
      branches: now,
      tips: ctx.params.tips as Record<string, string>,
      acks: acknowledged(ctx.events, 'merge').map((e) => ({ branch: String(e.data?.branch), tip: String(e.data?.tip), who: `worker ${e.w} op ${e.i}` })),
    });
  },
};

/**
 * Every acknowledged merge reachable from the base; no commit lost: every
 * branch's work is on the base or still on its branch.
 */
export function checkMerges(f: { base: string; reachable: Set<string>; branches: Map<string, string>; tips: Record<string, string>; acks: { branch: string; tip: string; who: string }[] }): Violation[] {
  const out: Violation[] = [];
  for (const a of f.acks) {
    if (!f.reachable.has(a.tip)) out.push(violation('lost_merge', `the merge of ${a.branch} (${a.tip.slice(0, 10)}) was acknowledged to ${a.who} but is not reachable from ${f.base}`, { branch: a.branch, tip: a.tip, who: a.who }));
  }
  for (const [branch, tip] of Object.entries(f.tips)) {
    if (!f.reachable.has(tip) && f.branches.get(branch) !== tip) {
      out.push(violation('lost_commit', `${tip.slice(0, 10)} of ${branch} is neither on ${f.base} nor on its branch any more`, { branch, tip, branchNow: f.branches.get(branch) ?? null }));
    }
  }
  return out;
}
