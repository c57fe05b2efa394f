// git's output spooled to a private temporary file instead of a pipe: git never waits on a full pipe
// while this thread is busy (lac diff parses the changed files while git reads the small ones), and the
// output can be read in pieces, where it is, instead of whole (diff/read-server.ts reads the two large
// unchanged files one after the other into the same memory).
import { spawn } from 'node:child_process';
import { closeSync, fstatSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitError, gitInvocation, type GitOptions } from './run.ts';

/** git's output in a file that only this process still has open (its name is gone): read it with `readAt`, then close it. */
export interface Spooled {
  fd: number;
  size: number;
}

let spools = 0;

/**
 * Runs git with its output going to a file created for it, readable by this user only, and removed at once
 * (git and this process write and read it through their open descriptors, so nothing is left behind
 * whatever happens). Resolves when git exits; rejects with GitError on a non-zero exit.
 */
export function gitSpooled(cwd: string, args: readonly string[], input?: string | Uint8Array, options: GitOptions = {}): Promise<Spooled> {
  return new Promise((resolve, reject) => {
    const call = gitInvocation(args, options);
    const path = join(tmpdir(), `lac-git-${process.pid}-${++spools}-${Date.now()}`);
    const fd = openSync(path, 'wx+', 0o600);
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      closeSync(fd);
      reject(e);
    };
    let child;
    try {
      child = spawn('git', call.args, { cwd, env: call.env, stdio: ['pipe', fd, 'pipe'] });
    } catch (e) {
      return fail(e);
    } finally {
      rmSync(path, { force: true });
    }
    const err: Buffer[] = [];
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    child.on('error', fail);
    // git may exit before reading all its input (e.g. a bad revision); that is reported by the exit code.
    child.stdin!.on('error', () => {});
    child.on('close', (code) => {
      if (code !== 0) return fail(new GitError(args, code, Buffer.concat(err).toString('utf8')));
      if (settled) return;
      settled = true;
      resolve({ fd, size: fstatSync(fd).size });
    });
    child.stdin!.end(input ?? '');
  });
}

/** Reads at least this long go through a small buffer of this size (`readAt`). */
const BOUNCE_BYTES = 256 * 1024;
/** This thread's: a module is loaded once a thread. */
let bounce: Buffer | undefined;

/**
 * Reads `length` bytes of the file at `position` into `into` at `offset`. Always at a position: the
 * descriptor shares its offset with the one git wrote through.
 *
 * A long read goes through a small buffer that is copied from: memory the kernel's copy faulted in costs
 * again at this thread's first read of each page (about 6 us a page on a virtual machine that hands idle
 * memory back, on top of the fault: 30 ms for a 17 MB file, the same when this thread touched the memory first
 * and the kernel copies into it). Through the small buffer, which both have touched, the new memory is
 * written by this thread alone. Measured at XL (bench/README.md, twenty-first round).
 */
export function readAt(fd: number, into: Uint8Array, offset: number, length: number, position: number): void {
  const b = length < BOUNCE_BYTES ? undefined : (bounce ??= Buffer.allocUnsafeSlow(BOUNCE_BYTES));
  for (let done = 0; done < length; ) {
    const n = b ? readSync(fd, b, 0, Math.min(BOUNCE_BYTES, length - done), position + done) : readSync(fd, into, offset + done, length - done, position + done);
    if (n <= 0) throw new Error(`git's spooled output ended at byte ${position + done}, before the ${length} bytes asked for`);
    if (b) into.set(n === BOUNCE_BYTES ? b : b.subarray(0, n), offset + done);
    done += n;
  }
}

/** The whole spooled output, and the file closed. */
export function readWhole(s: Spooled): Buffer {
  try {
    const b = Buffer.allocUnsafeSlow(s.size);
    readAt(s.fd, b, 0, s.size, 0);
    return b;
  } finally {
    closeSync(s.fd);
  }
}
