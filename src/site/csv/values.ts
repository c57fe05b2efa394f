// The value of one CSV cell from a page cell: the page's text read by the column's kind, or the typed value the cell carries.
import type { CellValue } from '../types.ts';
import type { CsvColumn } from './kinds.ts';

export type CsvValue = string | number | boolean;

/** A number and what follows it on the page: "5 (2026-07-01)", "3 (+ 2 unknown: no usage source)". */
const LEADING = /^(-?\d+(?:\.\d+)?)(?: \(.*\))?$/;
/** What the page shows for "no figure". */
const NOTHING = new Set(['', '—', '?', 'none']);
const DAY = /^(\d{4}-\d{2}-\d{2})/;

const dateOf = (text: string): string => DAY.exec(text)?.[1] ?? '';

/** A number cell: the figure, empty when there is none; text the column could not read stays, so that a test finds it. */
function numberOf(c: CellValue, percent: boolean): CsvValue {
  if (typeof c === 'object' && c.value !== undefined) return c.value ?? '';
  const text = typeof c === 'string' ? c : c.text;
  if (NOTHING.has(text)) return '';
  const m = (percent ? /^(-?\d+(?:\.\d+)?)%$/ : LEADING).exec(text);
  return m ? Number(m[1]) : text;
}

/** A count that can be unlimited: "unlimited", "28 + unlimited", "12", "none". */
function countOf(c: CellValue): [CsvValue, boolean] {
  if (typeof c === 'object' && c.unlimited !== undefined) return [c.value ?? '', c.unlimited];
  const text = typeof c === 'string' ? c : c.text;
  if (text === 'unlimited') return ['', true];
  const plus = /^(\d+) \+ unlimited$/.exec(text);
  if (plus) return [Number(plus[1]), true];
  return [numberOf(c, false), false];
}

/** The CSV value of a page cell in one CSV column. */
export function csvValue(col: CsvColumn, c: CellValue | undefined): CsvValue {
  if (col.role === 'currency') return col.currency ?? '';
  if (c === undefined) return '';
  const text = typeof c === 'string' ? c : c.text;
  switch (col.kind) {
    case 'date': return dateOf(text);
    case 'period': {
      const [start = '', end = ''] = text.split(/\s+[–-]\s+/);
      return dateOf(col.role === 'start' ? start : end);
    }
    case 'number': return numberOf(c, false);
    case 'percent': return numberOf(c, true);
    case 'count': return col.role === 'unlimited' ? countOf(c)[1] : countOf(c)[0];
    // An amount with an unknown part ("12.00 + unknown") has its known part in the CSV; the page or a Cost unknown column says the rest.
    case 'money': return NOTHING.has(text) ? '' : /^(-?\d+(?:\.\d+)?)(?: \+ unknown.*)?$/.exec(text)?.[1] ?? text;
    case 'yesno': return text === 'yes' ? true : text === 'no' ? false : '';
    case 'person': case 'ref': {
      const ref = typeof c === 'object' ? c : undefined;
      return col.role === 'id' ? ref?.id ?? '' : col.role === 'email' ? ref?.email ?? '' : text;
    }
    default: return text;
  }
}
