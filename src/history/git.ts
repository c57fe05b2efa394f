import { git, GitError, spawnGit } from '../git/run.ts';
import { gitSpooled, readWhole } from '../git/spool.ts';
import { perTick } from '../util/per-tick.ts';

export { git, GitError, gitText } from '../git/run.ts';

export interface GitObject {
  type: string;
  data: Buffer;
}

const BATCH = 2000;

/** Git processes reading batches at once: git inflates loose objects on one core each. */
const PARALLEL = 2;

/** Reads many objects with one `git cat-file --batch` per 2,000 ids, two at a time; missing ids are left out. */
export async function readObjects(cwd: string, oids: readonly string[]): Promise<Map<string, GitObject>> {
  const found = new Map<string, GitObject>();
  const unique = [...new Set(oids)];
  const read = (chunk: string[]) => git(cwd, ['cat-file', '--batch'], `${chunk.join('\n')}\n`);
  for (let i = 0; i < unique.length; i += BATCH * PARALLEL) {
    const outs = await Promise.all(Array.from({ length: PARALLEL }, (_, k) => unique.slice(i + k * BATCH, i + (k + 1) * BATCH)).filter((c) => c.length > 0).map(read));
    for (const out of outs) parseBatch(out, found);
  }
  return found;
}

/**
 * Reads objects by ID: those asked for in the same tick go to one git process (in the next check phase), its
 * output spooled to a file (git/spool.ts: git never waits on a full pipe while this thread parses); a missing
 * object rejects. One process however many: the objects of a tree are packed and each is read in microseconds,
 * where a second process is a second fork of this one (lac diff's 2,700 small files at XL: eight alternating
 * pairs, 1.735 -> 1.72 s, processor time 2.92 -> 2.88 s).
 */
export function batchedObjects(cwd: string): (oid: string) => Promise<Uint8Array> {
  return perTick(
    async (oids) => {
      const found = new Map<string, GitObject>();
      parseBatch(readWhole(await gitSpooled(cwd, ['cat-file', '--batch'], `${oids.join('\n')}\n`)), found);
      return new Map([...found].map(([oid, object]) => [oid, object.data]));
    },
    (oid) => new Error(`git object ${oid} is missing in ${cwd}`),
  );
}

/**
 * The object ID of `path` (relative to `cwd`) at each commit, '' where it does not exist there: what
 * `git rev-parse --verify --quiet <commit>:./<path>` answers, for all the commits with one
 * `git cat-file --batch-check` rather than a process each.
 */
export async function pathVersions(cwd: string, commits: readonly string[], path: string): Promise<string[]> {
  if (commits.length === 0) return [];
  // cat-file reads one name a line; a path with a line break goes to rev-parse, commit by commit.
  if (/[\n\r]/.test(path)) return Promise.all(commits.map((c) => git(cwd, ['rev-parse', '--verify', '--quiet', `${c}:./${path}`]).then((b) => b.toString('utf8').trim(), () => '')));
  const out = (await git(cwd, ['cat-file', '--batch-check'], `${commits.map((c) => `${c}:./${path}`).join('\n')}\n`)).toString('utf8').split('\n');
  // "<oid> <type> <size>", or "<name> missing" (and "ambiguous"), a line for each name asked.
  return commits.map((_, i) => {
    const fields = (out[i] ?? '').split(' ');
    return fields.length === 3 && /^[0-9a-f]{40,64}$/.test(fields[0]!) ? fields[0]! : '';
  });
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

/** One long-running `git cat-file --batch`: objects are asked for one by one, without a process each. */
export interface ObjectReader {
  read(oid: string): Promise<GitObject | undefined>;
  /** Ends the git process. */
  close(): void;
}

/** Starts `git cat-file --batch` in a folder; answers come back in the order they were asked for. */
export function objectReader(cwd: string): ObjectReader {
  const child = spawnGit(cwd, ['cat-file', '--batch']);
  const waiting: { resolve: (o: GitObject | undefined) => void; reject: (e: unknown) => void }[] = [];
  let chunks: Buffer[] = [];
  let buffered = 0;
  let header: { type: string; size: number } | undefined;
  let stderr = '';
  let failed: Error | undefined;
  const joined = (): Buffer => {
    if (chunks.length > 1) chunks = [Buffer.concat(chunks, buffered)];
    return chunks[0] ?? Buffer.alloc(0);
  };
  const take = (n: number): Buffer => {
    const all = joined();
    chunks = n < all.length ? [all.subarray(n)] : [];
    buffered -= n;
    return all.subarray(0, n);
  };
  const fail = (e: Error) => {
    failed ??= e;
    for (const w of waiting.splice(0)) w.reject(failed);
  };
  child.stdout.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    buffered += chunk.length;
    for (;;) {
      if (!header) {
        const nl = joined().indexOf(10);
        if (nl < 0) return;
        const parts = take(nl + 1).toString('utf8', 0, nl).split(' ');
        if (parts.length !== 3) {
          waiting.shift()?.resolve(undefined); // "<oid> missing"
          continue;
        }
        header = { type: parts[1]!, size: Number(parts[2]) };
      }
      // Wait for the whole object (a large people.yaml arrives in many chunks) and its newline.
      if (buffered < header.size + 1) return;
      const data = take(header.size + 1).subarray(0, header.size);
      waiting.shift()?.resolve({ type: header.type, data });
      header = undefined;
    }
  });
  child.stderr.on('data', (b: Buffer) => void (stderr += b.toString('utf8')));
  child.on('error', fail);
  child.stdin.on('error', () => {});
  child.on('close', (code) => fail(new GitError(['cat-file', '--batch'], code, stderr || 'the process ended')));
  // The ids asked for in one turn of the event loop go to git in one write: a write per id (tens of
  // thousands in a cold history) cost more than a second of system time (issue 16).
  let asked = '';
  const flush = () => {
    if (asked) child.stdin.write(asked);
    asked = '';
  };
  return {
    read(oid) {
      if (failed) return Promise.reject(failed);
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        if (!asked) queueMicrotask(flush);
        asked += `${oid}\n`;
      });
    },
    close: () => {
      flush();
      child.stdin.end();
    },
  };
}
