import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Why a folder cannot take the built site (it is replaced whole), or undefined when it can: absent, empty, or a site lac built. */
export function outDirProblem(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  if (!statSync(dir).isDirectory()) return `${dir} is a file`;
  if (readdirSync(dir).length === 0) return undefined;
  const index = join(dir, 'index.html');
  if (existsSync(index) && /<meta name="generator" content="lac /.test(readFileSync(index, 'utf8').slice(0, 4096))) return undefined;
  return `${dir} is not empty and holds no site lac built`;
}

/** Moves a built site into place, replacing what was there (checked with outDirProblem first). */
export async function replaceDir(from: string, to: string): Promise<void> {
  const problem = outDirProblem(to);
  if (problem) throw new Error(problem);
  await rm(to, { recursive: true, force: true });
  try {
    await rename(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}
