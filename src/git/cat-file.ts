// One `git cat-file --batch-command` process that stays up and answers object requests in order:
// revisions, trees and blobs read without a git process each. On hosts where starting a process
// is dear (a large process forks: its page tables are copied and every page it then writes faults
// again), `lac diff` lists both trees through one process instead of five (diff/git-pair.ts).
// git runs with the overrides of run.ts; cat-file applies no filter and no textconv.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { GitError, spawnGit } from './run.ts';

/** What git says of an object: its full id, type and size in bytes. */
export interface ObjectInfo {
  oid: string;
  type: string;
  size: number;
}

interface Pending {
  contents: boolean;
  resolve: (answer: { info: ObjectInfo; data?: Buffer } | undefined) => void;
  reject: (e: unknown) => void;
  /** For `infos`: the answers so far, and how many names were asked; resolved with all of them at once. */
  many?: { answers: (ObjectInfo | undefined)[]; count: number; resolve: (answers: (ObjectInfo | undefined)[]) => void };
}

// --buffer: git answers when told to flush, not after every command; requests asked in one go (a tree's
// entries, the sizes of its blobs) then cost one write and one read each way, not one per object.
const ARGS = ['cat-file', '--batch-command', '--buffer'];

/** A name cat-file reads on one line (no line break); the rest of the line is the name. */
export const batchable = (name: string): boolean => name !== '' && !/[\n\r]/.test(name);

/**
 * Starts the process now; the requests of one synchronous run are written together (in a microtask)
 * and answered in the order asked. A name git does not know answers undefined. When git cannot
 * start, stops, or is too old for `--batch-command` (git 2.36), every request rejects with a GitError.
 */
export function openCatFile(cwd: string) {
  const child: ChildProcessWithoutNullStreams = spawnGit(cwd, ARGS);
  const queue: Pending[] = [];
  const err: Buffer[] = [];
  let failed: unknown;
  // The answer being read: its header parsed, its bytes filling `data` (exactly size + the closing line break).
  let current: { info: ObjectInfo; data: Buffer; at: number } | undefined;
  let head: Buffer | undefined;

  const fail = (e: unknown) => {
    failed ??= e;
    for (const p of queue.splice(0)) p.reject(failed);
  };
  child.on('error', fail);
  child.stdin.on('error', () => {}); // reported by the exit
  child.stderr.on('data', (b: Buffer) => err.push(b));
  const exited = new Promise<void>((done) =>
    child.on('close', (code) => {
      fail(new GitError(ARGS, code, Buffer.concat(err).toString('utf8') || 'cat-file stopped'));
      done();
    }),
  );

  /** Takes one header line: answers an info request, or starts reading the object's bytes for a contents one. */
  const header = (line: string) => {
    const p = queue[0];
    if (!p) return fail(new GitError(ARGS, null, `an answer nobody asked for: ${line}`));
    const fields = line.split(' ');
    // "<oid> <type> <size>", or "<name> missing" / "<name> ambiguous" (a name may hold spaces).
    const size = Number(fields[fields.length - 1]);
    const info = fields.length === 3 && /^[0-9a-f]{40,64}$/.test(fields[0]!) && Number.isSafeInteger(size) ? { oid: fields[0]!, type: fields[1]!, size } : undefined;
    if (p.many) {
      p.many.answers.push(info);
      if (p.many.answers.length === p.many.count) {
        queue.shift();
        p.many.resolve(p.many.answers);
      }
      return;
    }
    if (!info) {
      queue.shift();
      return p.resolve(undefined);
    }
    if (!p.contents) {
      queue.shift();
      return p.resolve({ info });
    }
    current = { info, data: Buffer.allocUnsafe(size + 1), at: 0 };
  };

  child.stdout.on('data', (chunk: Buffer) => {
    const b = head ? Buffer.concat([head, chunk]) : chunk;
    head = undefined;
    let pos = 0;
    while (pos < b.length) {
      if (current) {
        const n = Math.min(current.data.length - current.at, b.length - pos);
        b.copy(current.data, current.at, pos, pos + n);
        current.at += n;
        pos += n;
        if (current.at < current.data.length) break;
        const done = current;
        current = undefined;
        queue.shift()!.resolve({ info: done.info, data: done.data.subarray(0, done.info.size) });
        continue;
      }
      const nl = b.indexOf(10, pos);
      if (nl < 0) {
        head = b.subarray(pos);
        break;
      }
      header(b.toString('utf8', pos, nl));
      pos = nl + 1;
    }
  });

  // The commands asked for since the last write: sent together, with the flush that makes git answer them.
  let unsent = '';
  const send = () => {
    const commands = unsent;
    unsent = '';
    if (!failed) child.stdin.write(`${commands}flush\n`);
  };
  const ask = (command: 'info' | 'contents', name: string) =>
    new Promise<{ info: ObjectInfo; data?: Buffer } | undefined>((resolve, reject) => {
      if (failed) return reject(failed);
      if (!batchable(name)) return reject(new GitError(ARGS, null, `a name cat-file cannot read: ${JSON.stringify(name)}`));
      queue.push({ contents: command === 'contents', resolve, reject });
      if (unsent === '') queueMicrotask(send);
      unsent += `${command} ${name}\n`;
    });

  /** `info` of many names, answered together: one promise, not one per name. */
  const infos = (names: readonly string[]) =>
    new Promise<(ObjectInfo | undefined)[]>((resolve, reject) => {
      if (failed) return reject(failed);
      if (names.length === 0) return resolve([]);
      const bad = names.find((n) => !batchable(n));
      if (bad !== undefined) return reject(new GitError(ARGS, null, `a name cat-file cannot read: ${JSON.stringify(bad)}`));
      queue.push({ contents: false, resolve: () => {}, reject, many: { answers: [], count: names.length, resolve } });
      if (unsent === '') queueMicrotask(send);
      unsent += `info ${names.join('\ninfo ')}\n`;
    });

  return {
    /** The id, type and size of what `name` (an object id, `rev^{commit}`, `rev:./path`) names; undefined when git knows no such object. */
    info: (name: string): Promise<ObjectInfo | undefined> => ask('info', name).then((a) => a?.info),
    /** `info` of each name, in order, in one answer: for the thousands of blobs of a tree. */
    infos,
    /** The object and its bytes; undefined when git knows no such object. */
    contents: (name: string): Promise<{ info: ObjectInfo; data: Buffer } | undefined> => ask('contents', name) as Promise<{ info: ObjectInfo; data: Buffer } | undefined>,
    /** Ends the process (its input closed; it answers what it was asked first); resolves once it has exited. */
    close(): Promise<void> {
      if (unsent !== '') send();
      child.stdin.end();
      return exited;
    },
  };
}

export type CatFile = ReturnType<typeof openCatFile>;
