/**
 * Real processes for the seed-003 scenario (workers finishing while new
 * worktrees are created). Modes:
 *   finisher REPO AGENT ROUNDS FILES CHECK OUT GO UNSAFE
 *       in the agent's (existing) worktree: commit FILES new files under stamps/, merge into
 *       main through the merge queue with `--check CHECK`; one line "M status commit" per round
 *   creator REPO PREFIX STOP OUT GO UNSAFE
 *       until file STOP exists: create a worktree copying stamps/ from the checkout, record
 *       whether its copies match its own start commit ("OK" / "STALE n"), remove it
 * UNSAFE=1 turns the repository lock off (the test-only switch), to show the detectors fire.
 */
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { addAgentWorktree, removeAgentWorktree } from '../../src/worktree/worktree.js';
import { mergeBranch } from '../../src/merge/merge.js';

const [mode, repo, ...rest] = process.argv.slice(2);

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

async function waitGo(go: string): Promise<void> {
  process.stdout.write('ready\n');
  while (!existsSync(go)) await sleep(2);
}

async function main(): Promise<void> {
  if (mode === 'finisher') {
    const [agent, rounds, files, check, out, go, unsafe] = rest;
    const wt = join(repo!, '.git', 'lockstep', 'worktrees', agent!);
    await waitGo(go!);
    for (let r = 1; r <= Number(rounds); r++) {
      mkdirSync(join(wt, 'stamps'), { recursive: true });
      for (let k = 1; k <= Number(files); k++) writeFileSync(join(wt, 'stamps', `${agent}-r${r}-${k}.txt`), `${agent} round ${r} file ${k}\n`);
      git(wt, 'add', 'stamps');
      git(wt, 'commit', '-q', '-m', `${agent} round ${r}`);
      try {
        const m = await mergeBranch({ cwd: repo, branch: `lockstep/${agent}`, into: 'main', check: `sh ${check}`, unsafeUnserialized: unsafe === '1' });
        appendFileSync(out!, `M ${m.status} ${'commit' in m ? m.commit : '-'}\n`);
      } catch (e) {
        // Without the lock, git itself trips over the interleaving now and then; that is part of what is shown.
        if (unsafe !== '1') throw e;
        appendFileSync(out!, `E ${String((e as Error).message).split('\n')[0]}\n`);
      }
    }
    return;
  }
  if (mode === 'creator') {
    const [prefix, stop, out, go, unsafe] = rest;
    await waitGo(go!);
    for (let n = 1; !existsSync(stop!); n++) {
      const agent = `${prefix}-${n}`;
      try {
        const wt = await addAgentWorktree({ cwd: repo, agent, base: 'main', copy: ['stamps'], unsafeUnserialized: unsafe === '1' });
        // The copies came from the checkout; the worktree's files from its start commit. Any difference means
        // the creation saw the checkout in the middle of a merge (base moved, files not yet brought along).
        const diff = git(wt.path, 'status', '--porcelain', '--untracked-files=all');
        appendFileSync(out!, diff ? `STALE ${agent} ${diff.split('\n').length}\n` : `OK ${agent}\n`);
        await removeAgentWorktree({ cwd: repo, agent, force: true, unsafeUnserialized: unsafe === '1' });
      } catch (e) {
        if (unsafe !== '1') throw e;
        appendFileSync(out!, `ERR ${agent} ${String((e as Error).message).split('\n')[0]}\n`);
      }
      await sleep(10); // the same pace with or without the lock
    }
    return;
  }
  throw new Error(`unknown mode ${mode}`);
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
