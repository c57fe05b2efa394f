import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { editPeople } from '../directory/edit.ts';
import { writeFileAtomic } from '../util/fs/atomic-write.ts';
import type { Plan } from './plan.ts';
import { addSeats, assignmentsText, contractText, licenseText, peopleText, updateText, vendorText } from './render.ts';

const readText = (path: string) => readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : Promise.reject(e)));

/** The files an import writes, as repository paths and their new text; unchanged records are not in it. */
export async function renderPlan(root: string, plan: Plan): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const at = (p: string) => join(root, p);
  for (const v of plan.vendors) if (v.action === 'create') out.set(`inventory/vendors/${v.id}.yaml`, vendorText(v.data));
  for (const l of plan.licenses) {
    const path = `inventory/licenses/${l.id}.yaml`;
    if (l.action === 'create') out.set(path, licenseText(l.data));
    if (l.action === 'update') out.set(path, updateText((await readText(at(path)))!, { tiers: l.data.tiers }));
  }
  for (const c of plan.contracts) {
    const path = `inventory/contracts/${c.id}.yaml`;
    if (c.action === 'create') out.set(path, contractText(c.data));
    if (c.action === 'update') out.set(path, updateText((await readText(at(path)))!, c.data as unknown as Record<string, unknown>));
  }
  for (const s of plan.seats) {
    if (s.add.length === 0) continue;
    const path = `inventory/assignments/${s.license}.yaml`;
    out.set(path, s.exists ? addSeats((await readText(at(path)))!, s.add) : assignmentsText(s.license, s.add));
  }
  const joiners = plan.people.filter((p) => p.action === 'create').map((p) => p.data);
  const changes = plan.people.filter((p) => p.action === 'update').map((p) => ({ id: p.id, patch: { status: p.data.status } }));
  if (joiners.length + changes.length > 0) {
    const text = await readText(at('inventory/people.yaml'));
    const sorted = [...joiners].sort((a, b) => (a.id < b.id ? -1 : 1));
    out.set('inventory/people.yaml', text === undefined || !/^ *- +\{/m.test(text) ? peopleText(sorted) : editPeople(text, { joiners: sorted, changes } as Parameters<typeof editPeople>[1]));
  }
  return out;
}

/** Writes the rendered files, each atomically. */
export async function writePlan(root: string, files: Map<string, string>): Promise<void> {
  for (const [path, text] of files) await writeFileAtomic(join(root, path), text, { shown: path });
}
