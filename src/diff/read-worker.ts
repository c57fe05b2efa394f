// The worker thread of worker-client.ts: reads the large files a diff did not change whole, off the
// main thread (a usage snapshot's validity, people.yaml's index), and answers what the main thread needs of them.
import { parentPort } from 'node:worker_threads';
import { Interner } from '../inventory/parse/index.ts';
import { linesOf } from '../inventory/parse/record-reuse.ts';
import { readInventoryFile } from '../inventory/read-file.ts';
import { createValidators } from '../inventory/validate.ts';
import { indexPeople, keptPeople, type PeopleIndex } from './people-index.ts';
import type { WorkerRequest } from './worker-client.ts';
import type { UsageLines } from './whole-usage.ts';

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

let people: PeopleIndex | undefined;

function answer(request: WorkerRequest): unknown {
  switch (request.op) {
    case 'usage':
      return usageLines(request.path, request.bytes);
    case 'people':
      people = indexPeople(request.bytes);
      return people !== undefined;
    case 'keep':
      return keptPeople(people, request.wanted);
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  let result: unknown;
  try {
    result = answer(request);
  } catch {
    result = undefined; // the main thread reads the file itself and reports what is wrong
  }
  parentPort!.postMessage({ id: request.id, result });
});
