import { CODEOWNERS_PATH, defaultOwnersOf, generateCodeowners } from '../../codeowners/generate.ts';
import { loadInventory } from '../../inventory/load.ts';
import { fsSource, readWorkingFile } from '../../inventory/source.ts';
import { writeAtomically } from '../../usage/snapshot/write.ts';
import type { CodeownersOpts } from '../codeowners.ts';
import { UserError } from '../errors.ts';
import type { Io } from '../io.ts';
import { parseRoot } from '../options.ts';

/** `lac codeowners`: writes (or prints) .github/CODEOWNERS from the inventory's owners. */
export async function runCodeowners(opts: CodeownersOpts, io: Io): Promise<void> {
  const root = parseRoot(opts.root, io.cwd);
  if (opts.default !== undefined && !/^(@[A-Za-z0-9-]+(\/[A-Za-z0-9._-]+)?\s*)+$/.test(opts.default)) {
    throw new UserError(`--default ${opts.default} is not a list of GitHub users or teams`, 'e.g. --default "@acme/it-admins"');
  }
  const { inventory } = await loadInventory(fsSource(root));
  const current = await readWorkingFile(root, CODEOWNERS_PATH).catch(() => undefined);
  const text = generateCodeowners(inventory, opts.default ?? defaultOwnersOf(current));
  if (opts.dryRun) return io.out(text);
  if (text === current) return io.out(`${CODEOWNERS_PATH} is up to date\n`);
  await writeAtomically(root, CODEOWNERS_PATH, text);
  io.out(`wrote ${CODEOWNERS_PATH}\n`);
}
