import { spawn } from 'node:child_process';

/** A git command that failed: its arguments, exit code and what git said. */
export class GitError extends Error {
  readonly args: readonly string[];
  readonly code: number | null;
  readonly stderr: string;
  constructor(args: readonly string[], code: number | null, stderr: string) {
    super(`git ${args.join(' ')} failed (exit ${code}): ${stderr.trim().split('\n')[0] ?? ''}`);
    this.name = 'GitError';
    this.args = args;
    this.code = code;
    this.stderr = stderr;
  }
}

// Read-only commands must not take index.lock (they may run beside a user's own git commands).
const ENV = { GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' };

/** Runs git in a folder and returns its stdout; rejects with GitError on a non-zero exit. */
export function git(cwd: string, args: readonly string[], input?: string | Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env: { ...process.env, ...ENV }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    // git may exit before reading all its input (e.g. a bad revision); that is reported by the exit code.
    child.stdin.on('error', () => {});
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitError(args, code, Buffer.concat(err).toString('utf8')));
    });
    child.stdin.end(input ?? '');
  });
}

/** Runs git and returns stdout as text without the final newline. */
export async function gitText(cwd: string, args: readonly string[]): Promise<string> {
  return (await git(cwd, args)).toString('utf8').replace(/\n$/, '');
}

export interface GitObject {
  type: string;
  data: Buffer;
}

const BATCH = 2000;

/** Reads many objects with one `git cat-file --batch` per 2,000 ids; missing ids are left out. */
export async function readObjects(cwd: string, oids: readonly string[]): Promise<Map<string, GitObject>> {
  const found = new Map<string, GitObject>();
  const unique = [...new Set(oids)];
  for (let i = 0; i < unique.length; i += BATCH) {
    const chunk = unique.slice(i, i + BATCH);
    const out = await git(cwd, ['cat-file', '--batch'], `${chunk.join('\n')}\n`);
    parseBatch(out, found);
  }
  return found;
}

/** Parses `git cat-file --batch` output: "<oid> <type> <size>\n<bytes>\n" or "<name> missing\n". */
function parseBatch(out: Buffer, into: Map<string, GitObject>): void {
  let pos = 0;
  while (pos < out.length) {
    const nl = out.indexOf(10, pos);
    if (nl < 0) break;
    const header = out.toString('utf8', pos, nl).split(' ');
    pos = nl + 1;
    if (header.length !== 3) continue; // "<name> missing" or "ambiguous"
    const size = Number(header[2]);
    into.set(header[0]!, { type: header[1]!, data: out.subarray(pos, pos + size) });
    pos += size + 1;
  }
}
