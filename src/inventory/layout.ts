import { ID_PATTERN, KIND_META as KIND_INFO, KINDS, type Kind } from './schema/kind-table.ts';
import { suggestion } from '../util/suggest.ts';

export const INVENTORY_DIR = 'inventory';

export type Placement =
  | { ok: true; kind: Kind; expectedId?: string }
  | { ok: false; ignore: true }
  | { ok: false; ignore?: false; message: string; hint: string };

const FOLDERS = new Map(KINDS.flatMap((k) => (KIND_INFO[k].folder ? [[KIND_INFO[k].folder!, k] as const] : [])));
const SINGLE = new Map(KINDS.flatMap((k) => (KIND_INFO[k].file ? [[KIND_INFO[k].file!, k] as const] : [])));
const idPattern = new RegExp(ID_PATTERN);
// Files people keep beside the data: never inventory records.
const IGNORED = /(?:^|\/)(?:README(?:\.[a-z]+)?|\.[^/]*|[^/]+\.md)$/i;

/**
 * Placements already worked out, by path: `lac diff` asks about each of its thousands of paths a few
 * times over, mostly before the compiler has warmed to the regular expressions below. Bounded: a long
 * `lac history` meets every path the repository ever had.
 */
const placed = new Map<string, Readonly<Placement>>();
const PLACED_MAX = 50_000;

/** Which kind of record a path under inventory/ holds, or why it is in the wrong place. */
export function classify(path: string): Readonly<Placement> {
  let p = placed.get(path);
  if (p) return p;
  if (placed.size >= PLACED_MAX) placed.clear();
  placed.set(path, (p = Object.freeze(place(path))));
  return p;
}

function place(path: string): Placement {
  const rel = path.slice(INVENTORY_DIR.length + 1);
  if (IGNORED.test(rel)) return { ok: false, ignore: true };
  const parts = rel.split('/');
  const name = parts[parts.length - 1]!;
  if (name.endsWith('.yml')) return { ok: false, message: 'inventory files end in .yaml, not .yml', hint: `rename it to ${name.slice(0, -4)}.yaml` };
  if (!name.endsWith('.yaml')) return { ok: false, message: 'not an inventory file (inventory files are YAML, ending in .yaml)', hint: 'move it out of inventory/, or give it the .yaml ending if it is a record' };
  if (parts.length === 1) {
    const kind = SINGLE.get(name);
    if (kind) return { ok: true, kind };
    return { ok: false, message: `unexpected file at the top of inventory/${suggestion(name, [...SINGLE.keys()])}`, hint: `the top level holds only ${[...SINGLE.keys()].join(' and ')}; records go in ${[...FOLDERS.keys()].map((f) => `${f}/`).join(', ')}` };
  }
  const folder = parts[0]!;
  const kind = FOLDERS.get(folder);
  if (!kind) return { ok: false, message: `unknown folder inventory/${folder}/${suggestion(folder, FOLDERS.keys())}`, hint: `records go in ${[...FOLDERS.keys()].map((f) => `inventory/${f}/`).join(', ')}` };
  if (parts.length > 2) return { ok: false, message: `inventory/${folder}/ does not take subfolders`, hint: `move it to inventory/${folder}/${name}` };
  const id = name.slice(0, -5);
  if (!idPattern.test(id)) return { ok: false, message: `file name "${name}" is not a valid ID`, hint: 'use lowercase letters and digits joined by ".", "-" or "_", not ending in ".lock", not a Windows device name such as con or nul, e.g. figma.yaml' };
  return { ok: true, kind, expectedId: id };
}

/** Guesses the kind a misplaced file's content belongs to, from keys only one kind has. */
export function guessKind(data: unknown): Kind | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const keys = new Set(Object.keys(data));
  if (keys.has('seats')) return 'assignments';
  if (keys.has('accounts') && keys.has('taken')) return 'usage';
  if (keys.has('apps') && keys.has('as_of')) return 'discovered';
  if (keys.has('people')) return 'people';
  if (keys.has('lines')) return 'contract';
  if (keys.has('tiers')) return 'license';
  if (keys.has('timezone') && keys.has('currency')) return 'org';
  if (keys.has('contacts') || (keys.has('name') && keys.has('id') && keys.size <= 6 && !keys.has('vendor'))) return 'vendor';
  return undefined;
}

/** Where files of a kind belong, for messages. */
export const kindHome = (kind: Kind) => (KIND_INFO[kind].folder ? `inventory/${KIND_INFO[kind].folder}/` : `inventory/${KIND_INFO[kind].file}`);
