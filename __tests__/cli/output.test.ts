/**
 * The CLI writes straight to its file descriptors (src/cli/output.ts), not
 * through process.stdout: a reader that stops reading must still end the
 * call quietly, as it did with the stream's EPIPE handler, and a full
 * non-blocking pipe must make it wait, not fail.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupTemp, CLI, tempDir } from '../helpers.js';

afterAll(cleanupTemp);

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
    // Do not read until the CLI has exited (it would have, had the write failed) or 2 s have passed.
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    const chunks: Buffer[] = [];
    let done = false;
    void exited.then(() => (done = true));
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
