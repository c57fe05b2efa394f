import type { Kind } from '../inventory/schema/index.ts';

type Obj = Record<string, unknown>;

/** What an event is about: one record of the inventory. */
export type Entity = 'org' | 'person' | 'vendor' | 'license' | 'contract' | 'seat' | 'usage';

/** One record of a file version, keyed so that the same record matches across versions and files. */
export interface Rec {
  entity: Entity;
  /** Unique within the entity: the ID, or license + holder for a seat. */
  key: string;
  /** The record's own ID (for a seat: the person or device). */
  id: string;
  /** For seats and usage: the license. */
  license?: string;
  /** For seats: whether the holder is a device. */
  device?: boolean;
  file: string;
  data: Obj;
}

/** A file version's records by `entity:key`, first occurrence winning. */
export type RecordMap = Map<string, Rec>;

// Per parsed file version (and path): a blob after one commit is the blob before the next.
const maps = new WeakMap<object, Map<string, RecordMap>>();

/** The records of a parsed file version, keyed; built once per version and path. */
export function recordMap(kind: Kind, path: string, data: Obj): RecordMap {
  let byPath = maps.get(data);
  if (!byPath) maps.set(data, (byPath = new Map()));
  let map = byPath.get(path);
  if (!map) {
    map = new Map();
    for (const r of recordsOf(kind, path, data)) {
      const key = `${r.entity}:${r.key}`;
      if (!map.has(key)) map.set(key, r);
    }
    byPath.set(path, map);
  }
  return map;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const fileId = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/\.yaml$/, '');

/** The records of one parsed file version. */
export function recordsOf(kind: Kind, path: string, data: Obj): Rec[] {
  switch (kind) {
    case 'org':
      return [{ entity: 'org', key: 'org', id: 'org', file: path, data }];
    case 'people':
      return (Array.isArray(data.people) ? data.people : []).flatMap((p): Rec[] => {
        const id = isObj(p) ? str(p.id) : undefined;
        return id && isObj(p) ? [{ entity: 'person', key: id, id, file: path, data: p }] : [];
      });
    case 'vendor':
    case 'license':
    case 'contract': {
      const id = str(data.id) ?? fileId(path);
      return [{ entity: kind, key: id, id, file: path, data }];
    }
    case 'usage': {
      const license = str(data.license) ?? fileId(path);
      return [{ entity: 'usage', key: license, id: license, license, file: path, data }];
    }
    case 'assignments':
      return seats(path, data);
    case 'policy':
    case 'discovered':
      // Access policies and discovery snapshots carry no seats or money; their history is the git log of the file.
      return [];
  }
}

function seats(path: string, data: Obj): Rec[] {
  const license = str(data.license) ?? fileId(path);
  const seen = new Map<string, number>();
  const out: Rec[] = [];
  for (const s of Array.isArray(data.seats) ? data.seats : []) {
    if (!isObj(s)) continue;
    const person = str(s.person);
    const device = str(s.device);
    const holder = person ?? device;
    if (!holder) continue;
    const base = `${license}|${person ? 'p' : 'd'}:${holder}`;
    // A holder with two seats of one license (two tiers): the second is told apart by its order.
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.push({ entity: 'seat', key: n === 1 ? base : `${base}#${n}`, id: holder, license, device: !person, file: path, data: s });
  }
  return out;
}
