import path from 'node:path';
import { ConnectorError } from '../types.ts';
import { requiredString } from '../shared/config.ts';
import { readRegularFile, ReadRefused } from '../../util/fs/read-bounded.ts';

/** Exports larger than this are refused before reading (a 100,000-member CSV is about 10 MB). */
export const MAX_EXPORT_BYTES = 64 * 1024 * 1024;

/**
 * Reads the export named by `usage.config.path`: a regular file of at most MAX_EXPORT_BYTES
 * (no folder, pipe or device). The caller (usage/pull.ts) confines a repository-relative path
 * to the repository and passes it absolute; a path still relative is taken from the working
 * directory. Messages show the path as given.
 */
export async function readExport(config: Record<string, unknown>, vendor: string): Promise<{ text: string; shown: string }> {
  const shown = requiredString(config, 'path', vendor, 'usage/exports/figma-members.csv');
  const file = path.resolve(process.cwd(), shown);
  try {
    return { text: decode(Buffer.from(await readRegularFile(path.dirname(file), path.basename(file), MAX_EXPORT_BYTES))), shown };
  } catch (error) {
    if (!(error instanceof ReadRefused)) throw error;
    throw new ConnectorError(
      `${vendor}: cannot read ${shown}: ${error.message}`,
      error.message === 'no such file' ? 'Export the member list from the vendor\'s admin console, commit it at that path, or fix usage.config.path.' : error.hint,
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
