import type { Command } from 'commander';
import type { Io } from './io.ts';

export interface BuildOpts {
  out: string;
  base?: string;
  root?: string;
  today?: string;
}

export interface PreviewOpts {
  out: string;
  base?: string;
  port: string;
}

/** The default output folder: what actions/upload-pages-artifact uploads by default. */
export const DEFAULT_OUT = '_site';

export function registerSite(program: Command, io: Io): void {
  const site = program.command('site').description('the static report site: build it from the repository and its git history, or preview it');
  site
    .command('build')
    .description('build the report site (HTML, CSV, JSON, iCalendar) from the inventory at HEAD and its git history')
    .option('--out <dir>', 'output folder', DEFAULT_OUT)
    .option('--base <path>', 'sub-path the site is served under, e.g. /licenses/ (default: / , or /<repo>/ in GitHub Actions)')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .option('--today <date>', 'compute figures as of this date (YYYY-MM-DD; default: today in the org time zone)')
    .action(async (opts: BuildOpts) => (await import('./actions/site.ts')).runSiteBuild(opts, io));
  site
    .command('preview')
    .description('serve a built site on 127.0.0.1 until interrupted')
    .option('--out <dir>', 'the folder `lac site build` wrote', DEFAULT_OUT)
    .option('--base <path>', 'the sub-path the site was built for', '/')
    .option('--port <n>', 'port to listen on', '4321')
    .action(async (opts: PreviewOpts) => (await import('./actions/site.ts')).runSitePreview(opts, io));
}
