import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Where a license's snapshot lives, relative to the repository root. */
export const snapshotPath = (license: string) => `inventory/usage/${license}.yaml`;

/** Writes a file whole or not at all: a temporary file in the same folder, then a rename. */
export async function writeAtomically(root: string, relPath: string, text: string): Promise<void> {
  const target = join(root, relPath);
  await mkdir(dirname(target), { recursive: true });
  // A dot file: the loader ignores it should a crash leave it behind.
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
