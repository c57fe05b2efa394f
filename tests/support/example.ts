// The bundled example organization (inventory/) as a map of path to text, to copy and change in tests.
import { fsSource } from '../../src/inventory/source.ts';
import { REPO_ROOT } from './cli.ts';

/** Every file of the example inventory, read once per test file. */
export async function exampleFiles(): Promise<Record<string, string>> {
  const source = fsSource(REPO_ROOT);
  const decoder = new TextDecoder();
  const out: Record<string, string> = {};
  for (const path of await source.list()) out[path] = decoder.decode(await source.read(path));
  return out;
}

/** The day the example inventory describes. */
export const EXAMPLE_TODAY = '2026-11-23';
