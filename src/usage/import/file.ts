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
    return { text: decode(await readFile(file)), shown };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConnectorError(
      `${vendor}: cannot read ${shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'read failed')}`,
      'Export the member list from the vendor\'s admin console, commit it at that path, or fix usage.config.path.',
    );
  }
}

/** UTF-8 (with or without a byte-order mark), or UTF-16 when a byte-order mark says so (Excel's "Unicode text"). */
export function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
