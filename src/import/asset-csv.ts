import { parseAmount } from '../util/money.ts';
import type { AssetLicense } from './asset-db.ts';
import { readAmount } from './cells/amount.ts';
import { readDate } from './cells/date.ts';
import { ImportError, type Skipped } from './types.ts';
import { cellText, columnName, type Grid } from './sheet/grid.ts';
import { findHeader } from './sheet/header.ts';

/** The columns of a product's license export: the first header found of each list is read. */
export interface ExportColumns {
  product: string;
  name: string[];
  vendor: string[];
  seats: string[];
  cost: string[];
  start: string[];
  end: string[];
  order: string[];
}

/** Reads an asset database's license list export (CSV) into licenses; amounts and dates in the stated locale, bad cells named. */
export function exportLicenses(grid: Grid, cols: ExportColumns, locale: string, currency: string, skipped: Skipped[]): AssetLicense[] {
  const nameHeader = cols.name.find((h) => grid.rows.slice(0, 10).some((r) => r.cells.some((c) => cellText(c) === h)));
  if (nameHeader === undefined) throw new ImportError(`${grid.shown}: no header row with a ${cols.name.map((n) => `"${n}"`).join(' or ')} column; this is not a ${cols.product} license export`, `export the license list from ${cols.product} as CSV`);
  const at = findHeader(grid, [nameHeader]);
  const header = grid.rows[at]!.cells.map(cellText);
  const index = (names: string[]) => names.map((n) => header.indexOf(n)).find((i) => i !== -1);
  const [name, vendor, seats, cost, start, end, order] = [cols.name, cols.vendor, cols.seats, cols.cost, cols.start, cols.end, cols.order].map(index);
  const out: AssetLicense[] = [];
  for (const r of grid.rows.slice(at + 1)) {
    const get = (i: number | undefined) => (i === undefined ? undefined : cellText(r.cells[i]) || undefined);
    const where = `${grid.shown}:${r.row}`;
    const ref = (i: number) => `cell ${columnName(i)}${r.row} (${header[i]})`;
    try {
      const amount = get(cost) === undefined ? undefined : readAmount(get(cost)!, locale);
      if (amount && 'error' in amount) throw new ImportError(`${ref(cost!)} "${get(cost)}" ${amount.error}`);
      const date = (i: number | undefined) => {
        const t = get(i);
        if (t === undefined) return undefined;
        const d = readDate(t, locale.startsWith('en-US') ? 'MM/DD/YYYY' : 'DD/MM/YYYY');
        if (d === undefined) throw new ImportError(`${ref(i!)} "${t}" is not a date`);
        return d;
      };
      const count = get(seats);
      if (count !== undefined && !/^\d+$/.test(count)) throw new ImportError(`${ref(seats!)} "${count}" is not a whole number of seats`);
      const [s, e, v, o] = [date(start), date(end), get(vendor), get(order)];
      out.push({
        where, name: get(name) ?? '', seats: count === undefined ? 1 : Number(count), currency: amount && 'amount' in amount && amount.currency ? amount.currency : currency,
        ...(amount && 'amount' in amount ? { cost: parseAmount(amount.amount) >= 0n ? amount.amount : undefined } : {}),
        ...(s ? { start: s } : {}), ...(e ? { end: e } : {}), ...(v ? { vendor: v } : {}), ...(o ? { orderNumber: o } : {}), holders: [],
      });
      if (!get(name)) throw new ImportError(`${ref(name!)} is empty`);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      if (out[out.length - 1]?.where === where) out.pop();
      skipped.push({ where, why: error.message });
    }
  }
  return out;
}
