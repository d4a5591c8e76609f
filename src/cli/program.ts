/**
 * The commander program: which module registers which command, loaded on
 * demand so a call compiles only what it runs.
 */
import { Command } from 'commander';
import { commandWord } from './argv.js';
import { printText, writeOut } from './output.js';
import { LockstepError } from '../core/errors.js';
import { showDir, unusableDir } from '../core/spawn-error.js';

export const VERSION = '0.1.0';

type Register = (program: Command) => void;

/** A module of commands: the command words it registers, and how to load it. */
export interface CommandModule {
  names: readonly string[];
  load: () => Promise<Register>;
}

/**
 * `lockstep allocate`, which shell loops and agents call thousands of times,
 * also has a bundle of its own (src/cli/allocate.ts, see launcher.cts).
 */
export const ALLOCATE_MODULE: CommandModule = { names: ['allocate'], load: async () => (await import('./commands/allocate.js')).registerAllocate };

/**
 * Each module of commands, loaded only when one of its commands runs (or for
 * help and unknown commands): a hook or a shell loop calling `lockstep
 * allocate` should not compile the suites, the remote backend and the merge
 * queue first. In the listed order, which is the order of `--help`.
 */
export const COMMAND_MODULES: readonly CommandModule[] = [
  { names: ['lock'], load: async () => (await import('./commands/lock.js')).registerLock },
  { names: ['run-locked'], load: async () => (await import('./commands/run-locked.js')).registerRunLocked },
  { names: ['suite', '_suite-worker'], load: async () => (await import('./commands/suite.js')).registerSuite },
  ALLOCATE_MODULE,
  { names: ['state'], load: async () => (await import('./commands/state.js')).registerState },
  { names: ['lint'], load: async () => (await import('./commands/lint.js')).registerLint },
  { names: ['remote'], load: async () => (await import('./commands/remote.js')).registerRemote },
  { names: ['init', 'uninstall', 'doctor'], load: async () => (await import('./commands/init.js')).registerInit },
  { names: ['task'], load: async () => (await import('./commands/task.js')).registerTask },
  { names: ['hook'], load: async () => (await import('./commands/hook.js')).registerHook },
  { names: ['commit'], load: async () => (await import('./commands/commit.js')).registerCommit },
  { names: ['edit'], load: async () => (await import('./commands/edit.js')).registerEdit },
  { names: ['validate'], load: async () => (await import('./commands/validate.js')).registerValidate },
  { names: ['git-locks'], load: async () => (await import('./commands/git-locks.js')).registerGitLocks },
  { names: ['queue'], load: async () => (await import('./commands/queue.js')).registerQueue },
  { names: ['worktree'], load: async () => (await import('./commands/worktree.js')).registerWorktree },
  { names: ['merge'], load: async () => (await import('./commands/merge.js')).registerMerge },
  { names: ['parallel', 'parallel-worker'], load: async () => (await import('./commands/parallel.js')).registerParallel },
  { names: ['mock-agent'], load: async () => (await import('./commands/mock-agent.js')).registerMockAgent },
  { names: ['status'], load: async () => (await import('./commands/status.js')).registerStatus },
];

/**
 * The program with the commands `argv` needs, out of `modules`: only the
 * module of its command word, or every module when there is none or it is not
 * one of ours (so help lists everything and a typo gets commander's suggestions).
 */
export async function buildProgram(argv: readonly string[] | undefined, modules: readonly CommandModule[]): Promise<Command> {
  const program = new Command('lockstep')
    .description('race-free concurrent agents and people in one git repository')
    .version(VERSION)
    .option('-C <dir>', 'run as if lockstep was started in <dir>', checkDir)
    .enablePositionalOptions()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => writeOut(1, s), writeErr: (s) => printText(2, s.replace(/\n$/, '')) }) // commander's errors echo the argument it refused
    .exitOverride();
  const word = argv ? commandWord(argv) : null;
  const only = word === null ? undefined : modules.find((m) => m.names.includes(word));
  const versionOnly = word === null && argv !== undefined && (argv.includes('--version') || argv.includes('-V'));
  for (const m of only ? [only] : versionOnly ? [] : modules) (await m.load())(program);
  for (const c of program.commands) propagate(c);
  return program;
}

/** -C must name a directory we can work in: refused here, before any command spawns git in it. */
function checkDir(dir: string): string {
  const why = unusableDir(dir);
  if (why !== null) throw new LockstepError('BAD_INPUT', `-C ${showDir(dir)}: ${why}`, { hint: 'give -C a directory inside a git checkout' });
  return dir;
}

function propagate(cmd: Command): void {
  cmd.exitOverride();
  cmd.showHelpAfterError('(run with --help for usage)');
  for (const c of cmd.commands) propagate(c);
}
