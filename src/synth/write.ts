import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Contract, License, Org, People, Usage, Vendor } from '../inventory/schema/index.ts';
import { serializeSnapshot } from '../usage/snapshot/serialize.ts';
import type { SynthSeats } from './assignments.ts';
import { document, flow } from './yaml.ts';

/** A generated org, as records. */
export interface SynthRecords {
  org: Org;
  people: People['people'];
  vendors: Vendor[];
  licenses: License[];
  contracts: Contract[];
  seats: SynthSeats[];
  /** Usage snapshots, one per license that has a usage source (none unless asked for). */
  usage: Usage[];
}

const schemaHeader = (kind: string, depth: number) => `# yaml-language-server: $schema=${'../'.repeat(depth)}schemas/${kind}.schema.json`;

/** Every file of the inventory, path → text, in path order. */
export function renderFiles(r: SynthRecords): Map<string, string> {
  const files = new Map<string, string>();
  files.set('inventory/org.yaml', document(r.org as never, schemaHeader('org', 1)));
  files.set('inventory/people.yaml', lines('people', r.people, schemaHeader('people', 1)));
  for (const v of r.vendors) files.set(`inventory/vendors/${v.id}.yaml`, document(v as never, schemaHeader('vendor', 2)));
  for (const l of r.licenses) files.set(`inventory/licenses/${l.id}.yaml`, document(l as never, schemaHeader('license', 2)));
  for (const c of r.contracts) files.set(`inventory/contracts/${c.id}.yaml`, document(c as never, schemaHeader('contract', 2)));
  for (const s of r.seats) files.set(`inventory/assignments/${s.license}.yaml`, `${schemaHeader('assignments', 2)}\nlicense: ${s.license}\n${s.seats.length ? lines('seats', s.seats) : 'seats: []\n'}`);
  // The writer `lac pull` uses: the same bytes a real pull would give.
  for (const u of r.usage) files.set(`inventory/usage/${u.license}.yaml`, serializeSnapshot(u));
  return new Map([...files].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

/** `key:` then one flow-mapping line per record, built in chunks so a million lines stay cheap. */
function lines(key: string, records: readonly object[], header?: string): string {
  const parts: string[] = [header ? `${header}\n${key}:\n` : `${key}:\n`];
  for (const r of records) parts.push(`  - ${flow(r as never)}\n`);
  return parts.join('');
}

/** Writes the files under `root` (which gets an inventory/ folder). */
export async function writeFiles(root: string, files: Map<string, string>): Promise<void> {
  const dirs = new Set([...files.keys()].map((p) => dirname(join(root, p))));
  for (const d of dirs) await mkdir(d, { recursive: true });
  const entries = [...files];
  // A few writes at a time: thousands of small files, without exhausting file handles.
  for (let i = 0; i < entries.length; i += 64) await Promise.all(entries.slice(i, i + 64).map(([p, text]) => writeFile(join(root, p), text)));
}
