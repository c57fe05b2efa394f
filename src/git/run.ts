// The one way lac runs git. The license repository is untrusted input (issue 12): its .git/config
// and .gitattributes may name programs (hooks, fsmonitor, pager, external diff, textconv, gpg),
// and lac must never run them. Every call gets `-c` overrides, which outrank every config file;
// clean/smudge/process filters are avoided instead: blobs are read with `cat-file`, lac's own
// blobs written with `hash-object --no-filters`, and the calls that read the working tree or
// write the real index empty every filter driver the configuration defines (filtersOff).
// GIT_CONFIG_NOSYSTEM is not set: the overrides outrank the system file too, and it may hold
// what fetch and push need (safe.directory in containers, proxies, certificates).
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

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

const OVERRIDES = [
  'core.fsmonitor=false',
  'core.untrackedCache=false',
  // No hook runs, in reads and in lac's own commits and pushes alike: lac's commits are built from
  // blobs it wrote itself, so no pre-commit check or post-commit action of the repository applies.
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'log.showSignature=false',
  'color.ui=false',
  // A remote URL of the form ext::<command> runs a program; git's default refuses it, kept so.
  'protocol.ext.allow=never',
  // Fetch and push stay in this repository: no submodule's own config, no background maintenance.
  'submodule.recurse=false',
  'fetch.recurseSubmodules=false',
  'push.recurseSubmodules=no',
  'gc.auto=0',
  'maintenance.auto=false',
];
// Commands that can produce diffs: an external diff or a textconv driver must not turn them into programs.
const DIFFS = new Set(['diff', 'diff-tree', 'diff-index', 'diff-files', 'log', 'show']);
// A local remote runs remote.<name>.uploadpack/receivepack from the repository's config; a -c
// override would not win there (git keeps the first value it reads), the command-line option does.
const TRANSPORT: Record<string, string> = { fetch: '--upload-pack=git-upload-pack', 'ls-remote': '--upload-pack=git-upload-pack', push: '--receive-pack=git-receive-pack' };

export interface GitOptions {
  /** Extra environment (GIT_INDEX_FILE for a private index, the commit identity). */
  env?: Record<string, string>;
  /** More `name=value` overrides (filtersOff). */
  config?: string[];
}

/**
 * `git cat-file` inflates each blob into a buffer of the blob's size, freed after it is written. glibc
 * gives a buffer that large a mapping of its own, every page of it faulted in fresh: on a virtual
 * machine that hands idle memory back, about 12 us a page. Kept in git's heap instead, the next blob
 * reuses the last one's pages: `lac diff`'s two large unchanged files (17 and 20 MB) fault 9,500
 * pages in place of 5,300. Only glibc reads this; a setting of the user's own is left as it is.
 */
const REUSED_MEMORY = 'glibc.malloc.mmap_threshold=4294967295:glibc.malloc.trim_threshold=4294967295';

/**
 * cat-file writes a packed blob stored whole (not as a delta) by streaming it, 16 KB inflated at a time,
 * only when it is larger than core.bigFileThreshold (512 MB by default); a smaller one is inflated into a
 * buffer of its size first, every page of it fresh. Streamed from 1 MB on: `lac diff`'s two large unchanged
 * files at XL, 5,300 page faults and 0.19 s of git's processor time -> 230 faults and 0.10 s, the same bytes.
 * (The setting also makes `git add` and `git diff` treat such files as binary: it is given to cat-file only.)
 */
const STREAMED = 'core.bigFileThreshold=1m';

/** The full argument list and environment of a git call, with repository-configured programs off. */
export function gitInvocation(args: readonly string[], options: GitOptions = {}): { args: string[]; env: NodeJS.ProcessEnv } {
  const [command, ...rest] = args;
  const extra = command === undefined ? [] : DIFFS.has(command) ? ['--no-ext-diff', '--no-textconv'] : TRANSPORT[command] ? [TRANSPORT[command]] : [];
  const config = [...OVERRIDES, ...(command === 'cat-file' ? [STREAMED] : []), ...(options.config ?? [])];
  const full = ['--no-pager', ...config.flatMap((c) => ['-c', c]), ...(command === undefined ? [] : [command]), ...extra, ...rest];
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', ...options.env };
  delete env.GIT_EXTERNAL_DIFF;
  if (command === 'cat-file' && env.GLIBC_TUNABLES === undefined) env.GLIBC_TUNABLES = REUSED_MEMORY;
  return { args: full, env };
}

/** Starts git with the overrides; the caller reads its streams. */
export function spawnGit(cwd: string, args: readonly string[], options: GitOptions = {}): ChildProcessWithoutNullStreams {
  const call = gitInvocation(args, options);
  return spawn('git', call.args, { cwd, env: call.env, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs git in a folder and returns its stdout; rejects with GitError on a non-zero exit. (spool.ts: to a file instead.) */
export function git(cwd: string, args: readonly string[], input?: string | Uint8Array, options: GitOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const call = gitInvocation(args, options);
    const child = spawn('git', call.args, { cwd, env: call.env, stdio: ['pipe', 'pipe', 'pipe'] });
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

/** Runs git synchronously (the demo generator writes a repository in one go) and returns stdout. */
export function gitSync(cwd: string, args: readonly string[], input?: Buffer | string, options: GitOptions = {}): string {
  const call = gitInvocation(args, options);
  return execFileSync('git', call.args, { cwd, env: call.env, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

/** Runs git and returns stdout as text without the final newline. */
export async function gitText(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<string> {
  return (await git(cwd, args, undefined, options)).toString('utf8').replace(/\n$/, '');
}

/**
 * Overrides that empty every clean/smudge/process filter the configuration defines (and make none
 * required, or git would stop), for calls that read the working tree or write the real index:
 * git re-reads changed and racily clean files through their filters then.
 */
export async function filtersOff(cwd: string): Promise<string[]> {
  const out = await git(cwd, ['config', '--null', '--get-regexp', '^filter\\.']).catch(() => Buffer.alloc(0));
  const names = new Set<string>();
  for (const entry of out.toString('utf8').split('\0')) {
    const key = entry.split('\n')[0]!;
    const last = key.lastIndexOf('.');
    if (key.startsWith('filter.') && last > 'filter.'.length) names.add(key.slice('filter.'.length, last));
  }
  return [...names].flatMap((n) => [`filter.${n}.clean=`, `filter.${n}.smudge=`, `filter.${n}.process=`, `filter.${n}.required=false`]);
}
