import type { Finding } from '../findings/finding.ts';
import { ReadRefused } from '../util/fs/read-bounded.ts';
import { addToInventory, markBroken } from './build.ts';
import { classify } from './layout.ts';
import { emptyInventory, type Inventory } from './model.ts';
import { Interner } from './parse/index.ts';
import { readInventoryFile, refusedFile } from './read-file.ts';
import type { TreeSource } from './source.ts';
import { createValidators, type Validators } from './validate.ts';
import { fileKey, pathOfKey, rememberFiles, type FileResult, type ParsedFiles } from './parsed-files.ts';

const EMPTY = new Uint8Array(0);

export interface Loaded {
  inventory: Inventory;
  /** Problems with the files themselves: placement, encoding, YAML, schema, IDs. */
  findings: Finding[];
  /** How many files each parser read (for the benchmark). */
  parsers: { lines: number; yaml: number };
}

/**
 * Reads every inventory file from a source into the model, collecting every file problem. Read from git, a file
 * whose path and object ID are in one of `reuse` (another commit's inventory: `filesOf`) is taken from there, not
 * parsed again, and a file whose object differs is parsed with its version there, so that the records of its
 * unchanged lines are that version's (parse/record-reuse.ts); the results are kept with the inventory for the next one.
 */
export async function loadInventory(source: TreeSource, validators: Validators = createValidators(), o: { reuse?: readonly (ParsedFiles | undefined)[] } = {}): Promise<Loaded> {
  const paths = await source.list();
  const inventory = emptyInventory();
  const findings: Finding[] = [];
  const parsers = { lines: 0, yaml: 0 };
  inventory.files = paths;
  // Object IDs (from the listing git made already): a refused file has none, and is read (refused) as before.
  const oids = source.git ? await Promise.all(paths.map((p) => source.git!.oid(p).catch(() => undefined))) : [];
  const reuse = (o.reuse ?? []).filter((m): m is ParsedFiles => m !== undefined);
  const known = paths.map((p, i) => {
    const oid = oids[i];
    if (oid === undefined) return undefined;
    for (const m of reuse) {
      const r = m.get(fileKey(p, oid));
      if (r) return r;
    }
    return undefined;
  });
  // A file that changed since is parsed with its other version's data: the records of its unchanged lines are reused.
  const earlier = reuse.length > 0 ? earlierVersions(reuse) : undefined;
  // Read in parallel (I/O), parse one by one (CPU): reading stays ahead of parsing. Each read
  // settles to bytes or its refusal at once, so one failure neither goes unhandled nor stops the rest.
  const reads = paths.map((p, i) => (known[i] ? undefined : classify(p).ok ? source.read(p).then((bytes) => ({ bytes }), (error: unknown) => ({ error })) : Promise.resolve({ bytes: EMPTY })));
  const interner = new Interner();
  const results = new Map<string, FileResult>();
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i]!;
    let result = known[i];
    if (!result) {
      const read = (await reads[i])!;
      if ('error' in read && !(read.error instanceof ReadRefused)) throw read.error;
      result = 'error' in read ? refusedFile(path, read.error as ReadRefused) : readInventoryFile(path, read.bytes, validators, interner, earlier?.get(path));
    }
    if (oids[i] !== undefined) results.set(fileKey(path, oids[i]!), result);
    const { file, findings: fileFindings, unreadable } = result;
    findings.push(...fileFindings);
    if (unreadable) inventory.invalid[unreadable.kind].add(unreadable.id);
    if (!file && fileFindings.length > 0) markBroken(inventory, path);
    if (!file) continue;
    parsers[file.parser]++;
    findings.push(...addToInventory(inventory, file));
  }
  if (!inventory.org && !paths.includes('inventory/org.yaml')) {
    findings.push({ rule: 'missing-file', severity: 'error', file: 'inventory/org.yaml', line: 1, column: 1, message: 'inventory/org.yaml is missing', hint: 'add the org settings: name, currency, timezone (see README)' });
  }
  rememberFiles(inventory, results);
  return { inventory, findings, parsers };
}

/** The data of each path in the reused results, the last of `reuse` that has it first (the nearest version). */
function earlierVersions(reuse: readonly ParsedFiles[]): Map<string, object> {
  const out = new Map<string, object>();
  for (const m of reuse) {
    for (const [key, r] of m) if (r.file) out.set(pathOfKey(key), r.file.data);
  }
  return out;
}
