import type { Inventory } from '../inventory/model.ts';
import { unknownHolderFiles, type Mentions } from './mentions.ts';
import { addParsed, type Parsed, type PairReader, type Side, type SideState, type TreePair } from './pair.ts';
import type { Reached } from './scope.ts';

const PEOPLE = 'inventory/people.yaml';
const MANY = 500;
const licenseOf = (path: string) => path.slice(path.lastIndexOf('/') + 1, -'.yaml'.length);


/** Records of a people.yaml version by ID (every record with that ID, as written). */
function rawById(parsed: Parsed | undefined): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  const list = parsed?.file?.data.people;
  if (!Array.isArray(list)) return out;
  for (const p of list) {
    const id = p && typeof p === 'object' ? (p as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') continue;
    const seen = out.get(id);
    if (seen) seen.push(p);
    else out.set(id, [p]);
  }
  return out;
}

/** Whether two lists of records are written the same; a line the head did not change is the base's very record (pair.ts). */
const sameRecords = (a: unknown[] = [], b: unknown[] = []) => a.length === b.length && a.every((x, i) => x === b[i] || JSON.stringify(x) === JSON.stringify(b[i]));

/** People that records of the small files look up: owners, signers, deciders, exemptions, department heads. */
function smallFileRefs(inv: Inventory): string[] {
  const out: (string | undefined)[] = [];
  for (const { data: l } of inv.licenses.values()) out.push(l.owner, ...(l.reclaim?.exempt_people ?? []));
  for (const { data: c } of inv.contracts.values()) out.push(c.owner, c.signed_by, c.renewal?.decided_by);
  for (const d of inv.org?.data.departments ?? []) out.push(d.head);
  return out.filter((id): id is string => id !== undefined);
}

/**
 * The people of both sides. A changed people.yaml is read whole on both sides; the people whose
 * records changed add the licenses whose files mention them to `reached` (their seats' findings
 * name them). An unchanged people.yaml is read once, after the seats: only the records `wanted`
 * and the small files look up (people-index.ts), or whole when its shape is not the simple one
 * or someone looked up is missing (a did-you-mean then needs every ID).
 */
export async function readPeople(reader: PairReader, pair: TreePair, sides: SideState[], mentions: Mentions, reached: Reached): Promise<{ fallback: string } | { changed: string[]; load(wanted: Set<string>): Promise<void> }> {
  const addAll = (parsed: [Side, Parsed][]) => {
    for (const [side, p] of parsed) {
      const s = sides.find((x) => x.side === side)!;
      if (s.paths.includes(PEOPLE)) s.findings.push(...addParsed(s.inv, [[PEOPLE, p]]));
    }
  };
  if (pair.changed.has(PEOPLE)) {
    const versions = await Promise.all(sides.map(async (s): Promise<[Side, Parsed | undefined]> => [s.side, s.paths.includes(PEOPLE) ? await reader.read(s.side, PEOPLE) : undefined]));
    // A broken directory is reported with every file that refers to people: the whole trees are compared.
    if (versions.some(([, v]) => v && !v.file)) return { fallback: `${PEOPLE} is broken` };
    addAll(versions.filter((v): v is [Side, Parsed] => v[1] !== undefined));
    const [a, b] = sides.map((s) => s.inv) as [Inventory, Inventory];
    const [ra, rb] = versions.map(([, p]) => rawById(p)) as [Map<string, unknown[]>, Map<string, unknown[]>];
    // Unknown holders anywhere get their did-you-mean from the whole ID list, in file order.
    if ([...a.people.keys()].join('\n') !== [...b.people.keys()].join('\n')) {
      // One set, one lookup per seat: a million seats are scanned.
      const inB = (id: string) => b.people.has(id) || b.invalid.people.has(id);
      const known = new Set([...a.people.keys(), ...a.invalid.people].filter(inB));
      for (const path of await unknownHolderFiles(pair.base, (id) => known.has(id))) {
        reached.all.add(licenseOf(path));
        reached.wide.add(licenseOf(path));
      }
    }
    const changedIds = [...new Set([...ra.keys(), ...rb.keys()])].filter((id) => !sameRecords(ra.get(id), rb.get(id)));
    // git grep answers a few IDs at once; a rewritten directory is matched in one pass over the seats instead.
    const changedSet = new Set(changedIds);
    const files = changedIds.length <= MANY ? await mentions(changedIds) : await unknownHolderFiles(pair.base, (id) => !changedSet.has(id));
    for (const path of files) reached.all.add(licenseOf(path));
    return { changed: changedIds, load: async () => undefined };
  }
  return {
    changed: [],
    load: async (wanted) => {
      if (!sides.some((s) => s.paths.includes(PEOPLE))) return;
      for (const { inv } of sides) for (const id of smallFileRefs(inv)) wanted.add(id);
      const inBase = sides.every((s) => s.paths.includes(PEOPLE));
      const kept = inBase ? await reader.keepPeople(PEOPLE, wanted) : undefined;
      if (kept?.known && !kept.sparse) return; // nobody is looked up
      if (!inBase) {
        addAll(await Promise.all(sides.filter((s) => s.paths.includes(PEOPLE)).map(async (s): Promise<[Side, Parsed]> => [s.side, await reader.read(s.side, PEOPLE)])));
        return;
      }
      const parsed = kept?.sparse ? reader.readBytes(PEOPLE, kept.sparse) : await reader.read('base', PEOPLE);
      addAll(sides.map((s) => [s.side, parsed]));
    },
  };
}
