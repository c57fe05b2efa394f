import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConnectorError } from '../types.ts';
import { requiredString } from '../shared/config.ts';

/**
 * Reads the export named by `usage.config.path`. The caller resolves a repository-relative
 * path and may pass it absolute; a path still relative is taken from the working directory
 * (`lac` runs at the repository root). Messages show the path as written in the license.
 */
export async function readExport(config: Record<string, unknown>, vendor: string): Promise<{ text: string; shown: string }> {
  const shown = requiredString(config, 'path', vendor, 'usage/exports/figma-members.csv');
  const file = path.isAbsolute(shown) ? shown : path.resolve(process.cwd(), shown);
  try {
    const text = await readFile(file, 'utf8');
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, shown };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConnectorError(
      `${vendor}: cannot read ${shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'read failed')}`,
      'Export the member list from the vendor\'s admin console, commit it at that path, or fix usage.config.path.',
    );
  }
}
