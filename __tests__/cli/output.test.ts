/**
 * The CLI writes straight to its file descriptors (src/cli/output.ts), not
 * through process.stdout: a reader that stops reading must still end the
 * call quietly, as it did with the stream's EPIPE handler, and a full
 * non-blocking pipe must make it wait, not fail.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, openSync, readdirSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupTemp, CLI, tempDir, until } from '../helpers.js';

afterAll(cleanupTemp);

/**
 * Whether process `pid` waits to write to the file with inode `ino`: Linux
 * lists each epoll instance's watched files (fd, events, inode) in
 * /proc/PID/fdinfo, and EPOLLOUT (4) there is node's stream waiting for room.
 */
function waitsToWrite(pid: number, ino: number): boolean {
  let fds: string[] = [];
  try {
    fds = readdirSync(`/proc/${pid}/fdinfo`);
  } catch {
    return false; // gone
  }
  for (const fd of fds) {
    let info = '';
    try {
      info = readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8');
    } catch {
      continue;
    }
    for (const m of info.matchAll(/^tfd:\s+\d+\s+events:\s+([0-9a-f]+)\b.*\bino:([0-9a-f]+)/gm)) {
      if ((parseInt(m[1]!, 16) & 4) !== 0 && parseInt(m[2]!, 16) === ino) return true;
    }
  }
  return false;
}

describe('CLI output', () => {
  test('a reader that closes the pipe early ends the call quietly', async () => {
    const child = spawn(process.execPath, [CLI, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  test('a full non-blocking pipe: the output waits for the reader instead of failing', async () => {
    // A non-blocking stdout comes from parents that are not node (node's
    // spawn makes fds 0-2 blocking): a shell hands the CLI our fd 3, the
    // write end of a FIFO opened O_NONBLOCK and filled to the brim.
    const fifo = join(tempDir(), 'out');
    execFileSync('mkfifo', [fifo]);
    const rfd = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const wfd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    let filled = 0;
    for (;;) {
      try {
        filled += writeSync(wfd, Buffer.alloc(4096, 0x78));
      } catch {
        break; // EAGAIN: the pipe is full
      }
    }
    const child = spawn('sh', ['-c', 'exec "$0" "$1" --version >&3', process.execPath, CLI], { stdio: ['ignore', 'ignore', 'pipe', wfd] });
    closeSync(wfd);
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.on('close', r));
    // Do not read until the CLI has exited (it would have, had the write
    // failed) or is waiting to write to the FIFO, however long it takes to get there.
    let done = false;
    void exited.then(() => (done = true));
    await until(() => done || waitsToWrite(child.pid!, statSync(fifo).ino), 120_000, 'the CLI to wait for the reader');
    const chunks: Buffer[] = [];
    for (;;) {
      const buf = Buffer.alloc(65536);
      let n = 0;
      try {
        n = readSync(rfd, buf);
      } catch {
        if (done) break; // EAGAIN after the writer exited: all read
        await new Promise((r) => setTimeout(r, 10));
        continue;
      }
      if (n === 0) break; // EOF
      chunks.push(buf.subarray(0, n));
    }
    closeSync(rfd);
    const code = await exited;
    const out = Buffer.concat(chunks).toString();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(out.length).toBe(filled + '0.1.0\n'.length);
    expect(out.endsWith('x0.1.0\n')).toBe(true);
  });
});
