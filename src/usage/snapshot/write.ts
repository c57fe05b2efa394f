import { join } from 'node:path';
import { writeFileAtomic } from '../../util/fs/atomic-write.ts';

/** Where a license's snapshot lives, relative to the repository root. */
export const snapshotPath = (license: string) => `inventory/usage/${license}.yaml`;

/** Writes a file of the repository whole or not at all (util/fs/atomic-write.ts); messages show relPath. */
export const writeAtomically = (root: string, relPath: string, text: string): Promise<void> => writeFileAtomic(join(root, relPath), text, { shown: relPath });
