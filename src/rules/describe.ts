import type { Inventory, SeatList, Src } from '../inventory/model.ts';
import type { Contract, License, Person } from '../inventory/schema/index.ts';
import type { IsoDate } from '../util/dates.ts';

/** How findings name a person: "Ada Lovelace (ada)". */
export const who = (p: Person): string => `${p.name} (${p.id})`;

/** A person by ID: their name when known, else the bare ID. */
export function whoById(inv: Inventory, id: string): string {
  const p = inv.people.get(id)?.data;
  return p ? who(p) : `person ${id}`;
}

/** How findings name a license: "figma (Figma)". */
export const licenseName = (l: License): string => `${l.id} (${l.name})`;

/** How findings name a contract: "figma-2026 (Figma 2026)", or the bare ID without a title. */
export const contractName = (c: Contract): string => (c.title ? `${c.id} (${c.title})` : c.id);

/** "1 seat", "2 seats". */
export const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "30 days' notice", "1 month's notice", "no notice period". */
export function noticeText(notice: Contract['notice']): string {
  if (!notice) return 'no notice period';
  const [n, unit] = 'days' in notice ? [notice.days, 'day'] : [notice.months, 'month'];
  return n === 1 ? `1 ${unit}'s notice` : `${n} ${unit}s' notice`;
}

/** True once a license's `retired:` date lies before today. */
export const isRetired = (l: License, today: IsoDate): boolean => l.retired !== undefined && l.retired < today;

/** The top of an assignments file, for pointing at its `license:` line. */
export const listSrc = (list: SeatList): Src => ({ file: list.file, map: list.map, path: [] });
