import type { Command } from 'commander';
import { CODEOWNERS_PATH, defaultOwnersOf, generateCodeowners } from '../codeowners/generate.ts';
import { loadInventory } from '../inventory/load.ts';
import { fsSource, readWorkingFile } from '../inventory/source.ts';
import { writeAtomically } from '../usage/snapshot/write.ts';
import { UserError } from './errors.ts';
import type { Io } from './io.ts';
import { parseRoot } from './options.ts';

export function registerCodeowners(program: Command, io: Io): void {
  program
    .command('codeowners')
    .description('write .github/CODEOWNERS so that each license\'s and contract\'s files need its owner\'s review')
    .option('--root <dir>', 'the license repository (default: the current folder)')
    .option('--default <owners>', 'owners of everything else, e.g. "@acme/it" (kept from the current file when omitted)')
    .option('--dry-run', 'print the file instead of writing it')
    .action(async (opts: { root?: string; default?: string; dryRun?: boolean }) => {
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
    });
}
