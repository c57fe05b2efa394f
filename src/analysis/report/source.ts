import { locate, type Rec, type SeatList, type Src } from '../../inventory/model.ts';
import type { Path } from '../../inventory/parse/index.ts';
import type { Micros } from '../../util/money.ts';
import type { PartialSum, UnknownPart } from '../money/unknown.ts';

/** One file or record behind a figure: `inventory/contracts/figma-2026.yaml:12 lines[0]`. */
export interface Source {
  file: string;
  line?: number;
  /** What in the file: a record, a value, or a selection of seats. */
  what: string;
}

/** A figure and the files and records it was computed from. */
export interface Figure<T> {
  value: T;
  from: Source[];
  /** Why part of this sum cannot be computed (no price, no exchange rate); absent when all of it is known. */
  unknown?: UnknownPart;
}

/** The source of a value inside a record, with its line. */
export function sourceAt(src: Src, path: Path, what: string): Source {
  try {
    return { file: src.file, line: locate(src, path).line, what };
  } catch {
    return { file: src.file, what };
  }
}

export function recordSource<T>(rec: Rec<T>, path: Path, what: string): Source {
  return sourceAt(rec.src, path, what);
}

/** The seats of a list selected by a description, pointing at the first of them. */
export function seatsSource(list: SeatList, first: number | undefined, what: string): Source {
  if (first === undefined) return { file: list.file, what };
  try {
    return { file: list.file, line: list.map.locate(['seats', list.index[first]!]).line, what };
  } catch {
    return { file: list.file, what };
  }
}

/** Sources without duplicates, in a stable order. */
export function mergeSources(...lists: Source[][]): Source[] {
  const seen = new Map<string, Source>();
  for (const s of lists.flat()) seen.set(`${s.file}\u0000${s.line ?? 0}\u0000${s.what}`, s);
  return [...seen.values()].sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) || (a.what < b.what ? -1 : 1) : a.file < b.file ? -1 : 1));
}

export const figure = <T>(value: T, ...from: Source[][]): Figure<T> => ({ value, from: mergeSources(...from) });

/** A sum as a figure, with its unknown part when it has one. */
export function sumFigure(s: PartialSum, ...from: Source[][]): Figure<Micros> {
  const unknown = s.unknown();
  return unknown ? { ...figure(s.value, ...from), unknown } : figure(s.value, ...from);
}
