/**
 * The remote backend's stage: a bare repository in the run directory stands
 * in for the git server, and every worker gets a clone of it of its own — a
 * machine, with a host id of its own (LOCKSTEP_HOST_ID), so a worker's file
 * locks and queue are invisible to the others and liveness by pid stops at
 * the machine's edge, as on separate computers. The server is reached through
 * git's file transport: real upload-pack and receive-pack processes, real
 * atomic compare-and-swap pushes.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createGit } from '../git/git.js';
import { configureScratch } from './scratch.js';

export interface Machines {
  /** The bare repository every clone pushes to (`origin` of each). */
  server: string;
  /** One clone per worker, index = worker. */
  clones: string[];
}

/** The host id of worker `w`'s machine. */
export const machineHostId = (w: number): string => `suite-machine-${w}`;

/** Makes the server from `repo` (which gets it as `origin` too) and `count` clones of it. */
export function makeMachines(repo: string, runDir: string, count: number): Machines {
  const server = join(runDir, 'server.git');
  const git = createGit(repo);
  git.execSync(['clone', '-q', '--bare', '--no-tags', repo, server]);
  const hasOrigin = git.runSync(['remote', 'get-url', 'origin'], { readOnly: true }).code === 0;
  git.execSync(hasOrigin ? ['remote', 'set-url', 'origin', server] : ['remote', 'add', 'origin', server]);
  mkdirSync(join(runDir, 'machines'));
  const clones: string[] = [];
  for (let w = 0; w < count; w++) {
    const clone = join(runDir, 'machines', `m${w}`);
    git.execSync(['clone', '-q', '--no-tags', server, clone]);
    configureScratch(clone);
    clones.push(clone);
  }
  return { server, clones };
}
