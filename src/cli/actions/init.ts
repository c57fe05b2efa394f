import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { gitInitMain, insideGitRepo } from '../../init/git.ts';
import { initPlan } from '../../init/plan.ts';
import { packSelf, vendoredLockfile, vendorPath } from '../../init/vendor.ts';
import { isTimeZone } from '../../util/dates.ts';
import { asWriteError, WriteError } from '../../util/fs/atomic-write.ts';
import { UserError } from '../errors.ts';
import type { InitOpts } from '../init.ts';
import type { Io } from '../io.ts';
import { PACKAGE_ROOT, VERSION } from '../version.ts';

/** `lac init [dir]`: writes the new license repository's files (all or none), vendors this lac, and runs `git init`. */
export async function runInit(dir: string | undefined, opts: InitOpts, io: Io): Promise<void> {
  const target = resolve(io.cwd, dir ?? '.');
  if (!/^[A-Z]{3}$/.test(opts.currency)) throw new UserError(`--currency ${opts.currency} is not an ISO 4217 code`, 'e.g. --currency EUR');
  if (!isTimeZone(opts.timezone)) throw new UserError(`--timezone ${opts.timezone} is not an IANA time zone`, 'e.g. --timezone Europe/Berlin');
  const toolSpec = opts.tool ?? `file:${vendorPath(VERSION)}`;
  const plan = initPlan({ name: opts.name ?? basename(target), currency: opts.currency, timezone: opts.timezone, toolSpec, version: VERSION, packageRoot: PACKAGE_ROOT });
  // Refuse before writing anything: no half-initialized repository, no overwritten file.
  const paths = [...plan.map((f) => f.path), ...(opts.tool ? [] : [vendorPath(VERSION), 'package-lock.json'])];
  const existing = paths.filter((p) => existsSync(join(target, p)));
  if (existing.length > 0) {
    throw new UserError(`${target} already has ${existing.slice(0, 5).join(', ')}${existing.length > 5 ? ` and ${existing.length - 5} more` : ''}; nothing was written`, 'run init in an empty folder, or move those files away first');
  }
  const made = !existsSync(target);
  await mkdir(target, { recursive: true });
  if (!opts.tool) {
    const tarball = packSelf(PACKAGE_ROOT, target, VERSION, io.env);
    const pkg = plan.find((f) => f.path === 'package.json')!.content;
    plan.push({ path: 'package-lock.json', content: vendoredLockfile(PACKAGE_ROOT, target, tarball, pkg) });
  }
  const written = opts.tool ? [] : [vendorPath(VERSION)];
  for (const f of plan) {
    try {
      await mkdir(dirname(join(target, f.path)), { recursive: true });
      await writeFile(join(target, f.path), f.content, { flag: 'wx' });
      written.push(f.path);
    } catch (e) {
      // Disk full or no permission: take back what this run made (nothing there was ours to keep), say so plainly.
      if (made) await rm(target, { recursive: true, force: true });
      else await Promise.all(written.map((p) => rm(join(target, p), { force: true })));
      const plain = asWriteError(e, f.path, false);
      if (plain instanceof WriteError) throw new UserError(`${plain.message} (in ${target})`, plain.hint);
      throw e;
    }
  }
  const git = opts.git && !insideGitRepo(target);
  if (git) gitInitMain(target);
  io.out(
    [
      `created a license repository in ${target} (${paths.length} files${git ? ', git branch main' : ''})`,
      'next:',
      `  cd ${dir ?? '.'}`,
      '  npm install                 # installs lac and Node 24 for `npx lac`',
      '  npx lac check',
      '  git add -A && git commit -m "Start the license repository"',
      '  then read README.md: the GitHub settings and secrets the workflows need',
      '',
    ].join('\n'),
  );
}
