// `npm run demo`: builds the demo license repository, then runs in it what a license manager runs
// (check, report, renewals, history) and builds and serves the report site. No token, no network.
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { buildProgram, run } from '../cli/program.ts';
import type { Io } from '../cli/io.ts';
import { buildDemoRepository, DEMO_TODAY, PROJECT_ROOT } from './build.ts';
import { addMonths } from '../util/dates.ts';

export interface DemoRunOptions {
  /** The demo repository's folder (default: .demo/northwind-licenses in the project). */
  dir?: string;
  /** Where the site is built (default: .demo/site). */
  siteDir?: string;
  /** Serve the site on 127.0.0.1 until interrupted (default true). */
  serve?: boolean;
  port?: number;
  /** Lines of `lac history` to show. */
  historyLines?: number;
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  /** The CLI to run (default: lac in this process); tests pass a stand-in. */
  cli?: DemoCli;
}

/** How the demo runs lac: whether a command exists, and running it. */
export interface DemoCli {
  has(path: string[], io: Io): boolean;
  run(argv: string[], io: Io): Promise<number>;
}

const inProcess: DemoCli = { has: (path, io) => hasCommand(path, io), run };

export const DEFAULT_DEMO_DIR = resolve(PROJECT_ROOT, '.demo/northwind-licenses');
export const DEFAULT_SITE_DIR = resolve(PROJECT_ROOT, '.demo/site');

/** The environment of the demo's commands: no token, nothing that points at GitHub or a CI run. */
function offlineEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) if (!/^(GITHUB_|GH_|ACTIONS_|RUNNER_)/.test(k) && !/TOKEN/.test(k)) out[k] = v;
  return out;
}

/** Whether `lac <path...>` exists in this build of the CLI (other commands may land later). */
export function hasCommand(path: string[], io: Io): boolean {
  let cmds: readonly Command[] = buildProgram(io).commands;
  for (const name of path) {
    const found = cmds.find((c) => c.name() === name);
    if (!found) return false;
    cmds = found.commands;
  }
  return true;
}

/** The port if nothing listens on it at 127.0.0.1, else one the system says is free. */
export function freePort(port: number): Promise<number> {
  const probe = (p: number) => new Promise<number | undefined>((done) => {
    const server = createServer();
    server.once('error', () => done(undefined));
    server.listen(p, '127.0.0.1', () => {
      const address = server.address();
      const got = typeof address === 'object' && address ? address.port : undefined;
      server.close(() => done(got));
    });
  });
  return probe(port).then(async (p) => p ?? (await probe(0)) ?? 0);
}

/** Runs the demo; resolves with the exit code (2 only when something failed inside; findings are not failures). */
export async function runDemo(options: DemoRunOptions): Promise<number> {
  const { out, err } = options;
  const dir = resolve(options.dir ?? DEFAULT_DEMO_DIR);
  const siteDir = resolve(options.siteDir ?? DEFAULT_SITE_DIR);
  out(`Building the demo license repository of Northwind Instruments in ${dir} ...\n`);
  let built;
  try {
    built = buildDemoRepository({ dir });
  } catch (e) {
    err(`demo: could not build the demo repository: ${(e as Error).message}\n`);
    return 2;
  }
  out(`  ${built.commits} commits, ${built.pullRequests} merged pull requests, ${built.from} to ${built.to}, in ${(built.ms / 1000).toFixed(1)} s (origin: ${built.remote})\n  ${built.summary}\n`);

  const env = offlineEnv(options.env);
  const io: Io = { out, err, env, cwd: dir, isTTY: false };
  const cli = options.cli ?? inProcess;
  let worst = 0;
  const step = async (args: string[], opts: { head?: number; label?: string } = {}): Promise<number | undefined> => {
    const name = args.filter((a) => !a.startsWith('-')).slice(0, args[0] === 'site' ? 2 : 1);
    out(`\n$ lac ${args.join(' ')}\n`);
    if (!cli.has(name, io)) {
      out(`  (skipped: \`lac ${name.join(' ')}\` is not available in this version of lac)\n`);
      return undefined;
    }
    let code: number;
    try {
      if (opts.head === undefined) code = await cli.run(args, io);
      else {
        let text = '';
        code = await cli.run(args, { ...io, out: (t) => void (text += t) });
        const lines = text.replace(/\n$/, '').split('\n');
        out(`${lines.slice(0, opts.head).join('\n')}\n`);
        if (lines.length > opts.head) out(`  ... ${lines.length - opts.head} more lines: run \`npx lac ${args.join(' ')}\` in ${dir}\n`);
      }
    } catch (e) {
      err(`demo: lac ${args.join(' ')} failed: ${(e as Error).message}\n`);
      code = 2;
    }
    if (code > 1) worst = Math.max(worst, code);
    return code;
  };

  await step(['check', '--today', DEMO_TODAY]);
  await step(['report', '--today', DEMO_TODAY]);
  await step(['renewals', '--within', '120', '--today', DEMO_TODAY]);
  await step(['history', '--since', addMonths(DEMO_TODAY, -6)], { head: options.historyLines ?? 25 });

  const site = await step(['site', 'build', '--out', siteDir, '--today', DEMO_TODAY]);
  out(`\nThe demo repository stays in ${dir}: try \`npx lac history --person burak.celik\` or \`git log --graph --oneline\` there.\n`);
  if (site === 0 && options.serve !== false) {
    const wanted = options.port ?? 4321;
    const port = await freePort(wanted);
    out(`\nThe report site of the demo repository: http://127.0.0.1:${port}/ (Ctrl+C to stop)${port !== wanted ? ` (port ${wanted} is in use)` : ''}\n`);
    await step(['site', 'preview', '--out', siteDir, '--port', String(port)]);
  } else if (site === 0) out(`The site is in ${siteDir}; \`npm run demo\` without --no-serve serves it on 127.0.0.1.\n`);
  return worst;
}
