import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { normalizeBase } from '../../site/astro.ts';
import { buildSite } from '../../site/build.ts';
import { outDirProblem } from '../../site/out-dir.ts';
import { serveStatic } from '../../site/serve.ts';
import { asUserError } from '../at.ts';
import { UserError } from '../errors.ts';
import type { Io } from '../io.ts';
import { parseRoot, parseToday } from '../options.ts';
import type { BuildOpts, PreviewOpts } from '../site.ts';

/** GitHub Pages serves a project site under /<repository>/: take that when --base is not given in Actions. */
function defaultBase(env: Record<string, string | undefined>): string {
  const repo = env.GITHUB_REPOSITORY?.split('/')[1];
  return env.GITHUB_ACTIONS === 'true' && repo && !repo.endsWith('.github.io') ? `/${repo}/` : '/';
}

function parseBase(value: string): string {
  if (/[?#\\\s]|:\/\//.test(value)) throw new UserError(`--base ${value} is not a path`, 'pass the sub-path the site is served under, e.g. --base /licenses/');
  return normalizeBase(value);
}

/** `lac site build`: the report site built into --out. */
export async function runSiteBuild(opts: BuildOpts, io: Io): Promise<void> {
  const base = parseBase(opts.base ?? defaultBase(io.env));
  const root = parseRoot(opts.root, io.cwd);
  const outDir = resolve(io.cwd, opts.out);
  const problem = outDirProblem(outDir);
  if (problem) throw new UserError(`--out: ${problem}`, 'pass a new or empty folder, or one that holds an earlier build of the site (it is replaced)');
  try {
    const r = await buildSite({ root, outDir, base, today: parseToday(opts.today), env: io.env, warn: (m) => io.err(`${m}\n`) });
    if (r.dirty) io.err('lac: inventory/ has uncommitted changes; the site shows the last commit\n');
    io.out(`built ${r.pages} pages and ${r.downloads} downloads from ${r.commit ? `commit ${r.commit.slice(0, 12)}` : 'the working tree (not a git repository)'} into ${outDir} (base ${base}; data ${r.timings.data} ms, render ${r.timings.render} ms; search index of ${r.indexed} pages ${r.timings.search} ms)\n`);
  } catch (e) {
    throw asUserError(e);
  }
}

/** `lac site preview`: serves the built site until SIGINT or SIGTERM. */
export async function runSitePreview(opts: PreviewOpts, io: Io): Promise<void> {
  const dir = resolve(io.cwd, opts.out);
  if (!existsSync(resolve(dir, 'index.html'))) throw new UserError(`no built site in ${dir}`, 'run `lac site build` first (or pass --out DIR)');
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port ${opts.port} is not a port number`, 'pass a number from 1 to 65535, or 0 for any free port');
  const s = await serveStatic(dir, { base: parseBase(opts.base ?? '/'), port });
  io.out(`serving ${dir} at ${s.url} (Ctrl+C to stop)\n`);
  await new Promise<void>((resolveStop) => {
    const stop = () => void s.close().then(resolveStop);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
