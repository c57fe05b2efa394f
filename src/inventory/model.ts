import type { Path, SourceMap } from './parse/index.ts';
import type { Contract, Discovered, Kind, License, Org, Person, Policy, Seat, Usage, Vendor } from './schema/index.ts';

/** Where a record (or a value in it) comes from: resolved to a line and column only when needed. */
export interface Src {
  file: string;
  map: SourceMap;
  path: Path;
}

export interface Rec<T> {
  data: T;
  src: Src;
}

/** The seats of one license, from inventory/assignments/<license>.yaml. */
export interface SeatList {
  license: string;
  file: string;
  map: SourceMap;
  seats: Seat[];
  /** Position of each seat in the file's `seats` list (invalid seats are left out of `seats`). */
  index: number[];
}

/** The whole inventory as plain typed data. Only records that passed their schema are in it. */
export interface Inventory {
  org: Rec<Org> | undefined;
  people: Map<string, Rec<Person>>;
  vendors: Map<string, Rec<Vendor>>;
  licenses: Map<string, Rec<License>>;
  contracts: Map<string, Rec<Contract>>;
  assignments: Map<string, SeatList>;
  usage: Map<string, Rec<Usage>>;
  policies: Map<string, Rec<Policy>>;
  /** Discovery snapshots (inventory/discovered/), by source id. */
  discovered: Map<string, Rec<Discovered>>;
  /** IDs of records that exist but failed validation: references to them are not reported again. */
  invalid: Record<Kind, Set<string>>;
  /**
   * Files that could not be read as a whole (encoding, YAML, or schema problems outside a list),
   * by `brokenKey`: references into them cannot be checked.
   */
  broken: Map<string, string>;
  /** Every inventory file that was read, sorted. */
  files: string[];
}

export function emptyInventory(): Inventory {
  return {
    org: undefined,
    people: new Map(),
    vendors: new Map(),
    licenses: new Map(),
    contracts: new Map(),
    assignments: new Map(),
    usage: new Map(),
    policies: new Map(),
    discovered: new Map(),
    invalid: { org: new Set(), people: new Set(), vendor: new Set(), license: new Set(), contract: new Set(), assignments: new Set(), usage: new Set(), policy: new Set(), discovered: new Set() },
    broken: new Map(),
    files: [],
  };
}

/** The key of `Inventory.broken`: the kind for a file that holds them all (org, people), else kind and ID. */
export const brokenKey = (kind: Kind, id?: string): string => (id === undefined ? kind : `${kind}:${id}`);

/** A file, line and column. */
export interface Loc {
  file: string;
  line: number;
  column: number;
}

/** The location of a record, or of a value (or key) inside it. */
export function locate(src: Src, sub: Path = [], target: 'value' | 'key' = 'value'): Loc {
  const pos = src.map.locate([...src.path, ...sub], target);
  return { file: src.file, line: pos.line, column: pos.column };
}

/** The location of a seat's field. */
export function seatLoc(list: SeatList, i: number, field?: keyof Seat): Loc {
  const pos = list.map.locate(field ? ['seats', list.index[i]!, field] : ['seats', list.index[i]!]);
  return { file: list.file, line: pos.line, column: pos.column };
}

const POINT_IN_TIME = new WeakSet<Inventory>();

/** Marks an inventory read for the figures of one past day (inventory/at-commit.ts): what is derived from it is not kept with it. */
export function markPointInTime(inv: Inventory): void {
  POINT_IN_TIME.add(inv);
}

/** True for an inventory read for one past day's figures: the report's seat views of it are made per reader, not kept. */
export const isPointInTime = (inv: Inventory): boolean => POINT_IN_TIME.has(inv);
