import { realpath } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { locate, type Rec } from '../../inventory/model.ts';
import type { License } from '../../inventory/schema/index.ts';
import { isInside, staysInside } from '../../util/fs/read-bounded.ts';
import { ConnectorError } from '../types.ts';

const HINT = 'commit the export inside the repository and write its path relative to the repository root, e.g. usage/exports/figma-members.csv';

/**
 * The file a license's `usage.config.path` (or `paths[index]`) names, resolved inside the repository (symbolic links
 * followed), or a ConnectorError located at the value: absolute paths, ".." that leads out and
 * links out of the repository are refused, so nothing outside it is read, printed or published.
 */
export async function confinedPath(root: string, license: Rec<License>, path: string, index?: number): Promise<string> {
  const loc = locate(license.src, index === undefined ? ['usage', 'config', 'path'] : ['usage', 'config', 'paths', index]);
  const key = index === undefined ? 'path' : `paths[${index}]`;
  const refuse = (why: string) => new ConnectorError(`${loc.file}:${loc.line}:${loc.column}: usage.config.${key} ${JSON.stringify(path)} ${why}; lac reads only files inside the repository`, HINT);
  if (isAbsolute(path) || /^[a-zA-Z]:/.test(path)) throw refuse('is an absolute path');
  if (!staysInside(path)) throw refuse('leads outside the repository');
  const target = resolve(root, path);
  const real = await realpath(target).catch(() => undefined);
  // A missing file is reported by the reader ("no such file"), with the path as written.
  if (real !== undefined && !isInside(await realpath(root), real)) throw refuse('is a symbolic link to a file outside the repository');
  return target;
}
