// The worker of whole-usage.ts: reads a usage snapshot whole, as the loader does, off the main thread.
import { parentPort } from 'node:worker_threads';
import { Interner } from '../inventory/parse/index.ts';
import { linesOf } from '../inventory/parse/record-reuse.ts';
import { readInventoryFile } from '../inventory/read-file.ts';
import { createValidators } from '../inventory/validate.ts';
import type { UsageLines, UsageRequest } from './whole-usage.ts';

const validators = createValidators();

/** The record lines of a snapshot that reads without a finding, one account a line; undefined for any other. */
export function usageLines(path: string, bytes: Uint8Array): UsageLines | undefined {
  const { file, findings } = readInventoryFile(path, bytes, validators, new Interner());
  // The byte scanner remembers its lines only when it read the whole file, one record a line.
  const lines = file && findings.length === 0 && file.problems.length === 0 ? linesOf(file.data) : undefined;
  if (!lines) return undefined;
  const persons = lines.records.map((r) => (r as { person?: string }).person ?? '');
  return { starts: Int32Array.from(lines.starts), ends: Int32Array.from(lines.ends), persons: persons.join('\n') };
}

parentPort?.on('message', ({ id, path, bytes }: UsageRequest) => {
  let lines: UsageLines | undefined;
  try {
    lines = usageLines(path, bytes);
  } catch {
    lines = undefined; // the main thread reads the file itself and reports what is wrong
  }
  parentPort!.postMessage({ id, lines });
});
