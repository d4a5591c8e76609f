/**
 * Real processes for merges racing a moving base. Modes:
 *   merger REPO NAME ROUNDS OUT GO NOCAS
 *       ROUNDS times: commit a new file on branch m-NAME (plumbing, private index), merge it
 *       into main through the merge queue → "M status commit branchTip attempts"; once, also
 *       merge a branch that changes hot.txt (which the mover keeps changing) → "C status files… tipBefore tipAfter"
 *   mover REPO OUT STOP
 *       until file STOP exists: commit straight onto main with its own compare-and-swap (as a
 *       person's `git commit` or a push would, without lockstep's lock) → "V commit"
 *   merge-once REPO BRANCH
 *       one mergeBranch into main; prints its status
 * NOCAS=1 makes the merges move main with a plain update-ref (the test-only switch), to show
 * that the checker sees the lost commits.
 */
import { appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { mergeBranch } from '../../src/merge/merge.js';

const [mode, repo, ...rest] = process.argv.slice(2);

function git(args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string } = {}): { code: number; out: string } {
  try {
    const out = execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: opts.env ?? process.env, input: opts.input, stdio: ['pipe', 'pipe', 'pipe'] });
    return { code: 0, out: out.trim() };
  } catch (e) {
    return { code: (e as { status?: number }).status ?? 1, out: '' };
  }
}

/** A commit on top of `parent` with `files` written, made with plumbing and a private index (no checkout involved). */
function commitOnto(parent: string, files: Record<string, string>, index: string, message: string): string {
  const env = { ...process.env, GIT_INDEX_FILE: index };
  git(['read-tree', parent], { env });
  for (const [path, content] of Object.entries(files)) {
    const sha = git(['hash-object', '-w', '--stdin'], { input: content }).out;
    git(['update-index', '--add', '--cacheinfo', `100644,${sha},${path}`], { env });
  }
  const tree = git(['write-tree'], { env }).out;
  return git(['commit-tree', tree, '-p', parent, '-m', message]).out;
}

async function main(): Promise<void> {
  if (mode === 'merger') {
    const [name, rounds, out, go, nocas] = rest;
    const index = join(repo!, '.git', `index.${name}`);
    const branch = `m-${name}`;
    process.stdout.write('ready\n');
    while (!existsSync(go!)) await sleep(2);
    const total = Number(rounds);
    for (let r = 1; r <= total; r++) {
      const tip = git(['rev-parse', `refs/heads/${branch}`]).out;
      const next = commitOnto(tip, { [`m/${name}-r${r}.txt`]: `${name} ${r}\n` }, index, `${name} round ${r}`);
      git(['update-ref', `refs/heads/${branch}`, next, tip]);
      const m = await mergeBranch({ cwd: repo, branch, into: 'main', unsafeNoCas: nocas === '1' });
      appendFileSync(out!, `M ${m.status} ${'commit' in m ? m.commit : '-'} ${m.branchTip} ${'attempts' in m ? m.attempts : 0}\n`);
      if (r === Math.ceil(total / 2)) {
        // A branch that edits hot.txt, which main keeps changing: it must conflict and lose nothing.
        const hotBranch = `x-${name}`;
        const before = git(['rev-parse', `refs/heads/${hotBranch}`]).out;
        const c = await mergeBranch({ cwd: repo, branch: hotBranch, into: 'main', unsafeNoCas: nocas === '1' });
        const after = git(['rev-parse', `refs/heads/${hotBranch}`]).out;
        appendFileSync(out!, `C ${c.status} ${c.status === 'conflict' ? c.files.join(',') : '-'} ${before} ${after}\n`);
      }
    }
    return;
  }
  if (mode === 'mover') {
    const [out, stop] = rest;
    const index = join(repo!, '.git', 'index.mover');
    for (let n = 1; !existsSync(stop!); n++) {
      const old = git(['rev-parse', 'refs/heads/main']).out;
      const hot = git(['show', `${old}:hot.txt`]).out;
      const next = commitOnto(old, { 'hot.txt': `${hot}\nmover ${n}\n`, [`v/${n}.txt`]: `${n}\n` }, index, `mover ${n}`);
      if (git(['update-ref', 'refs/heads/main', next, old]).code === 0) appendFileSync(out!, `V ${next}\n`);
      await sleep(3);
    }
    return;
  }
  if (mode === 'merge-once') {
    process.stdout.write('ready\n');
    const m = await mergeBranch({ cwd: repo, branch: rest[0]!, into: 'main' });
    process.stdout.write(`${m.status}\n`);
    return;
  }
  throw new Error(`unknown mode ${mode}`);
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
