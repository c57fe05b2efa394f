import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { asWriteError, syncDir } from '../util/fs/atomic-write.ts';
import { findLeftovers, removeLeftovers, tempName } from '../util/fs/leftovers.ts';

/** Why a folder cannot take the built site (it is replaced whole), or undefined when it can: absent, empty, or a site lac built. */
export function outDirProblem(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  if (!statSync(dir).isDirectory()) return `${dir} is a file`;
  if (readdirSync(dir).length === 0) return undefined;
  const index = join(dir, 'index.html');
  if (existsSync(index) && /<meta name="generator" content="lac /.test(readFileSync(index, 'utf8').slice(0, 4096))) return undefined;
  return `${dir} is not empty and holds no site lac built`;
}

/**
 * Moves a built site into place (checked with outDirProblem first): staged beside the target,
 * then two renames, so the folder holds the old site or the new one, never a mix. A run killed
 * between the renames leaves the old site under a temporary name; the next run puts it back.
 */
export async function replaceDir(from: string, to: string): Promise<void> {
  const problem = outDirProblem(to);
  if (problem) throw new Error(problem);
  const parent = dirname(to);
  const name = basename(to);
  await mkdir(parent, { recursive: true });
  await recoverLeftovers(parent, name);
  const staged = join(parent, tempName(name, 'new'));
  const existed = existsSync(to);
  try {
    await rename(from, staged).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EXDEV') throw e;
      await cp(from, staged, { recursive: true });
    });
    const old = existed ? join(parent, tempName(name, 'old')) : undefined;
    if (old) await rename(to, old);
    await rename(staged, to);
    await syncDir(parent);
    if (old) await rm(old, { recursive: true, force: true });
  } catch (e) {
    await rm(staged, { recursive: true, force: true }).catch(() => {});
    throw asWriteError(e, to, existed);
  }
}

/** Puts back an old site a killed run had moved aside (when the target is missing), then removes the rest. */
async function recoverLeftovers(parent: string, name: string): Promise<void> {
  const old = await findLeftovers(parent, name, 'old');
  if (old.length > 0 && !existsSync(join(parent, name))) await rename(join(parent, old[0]!), join(parent, name));
  await removeLeftovers(parent, name, 'old');
  await removeLeftovers(parent, name, 'new');
}
