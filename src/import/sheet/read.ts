import { addDays, addMonths } from '../../util/dates.ts';
import { emptyBatch, type Batch, type ContractIn } from '../types.ts';
import { HOLDER_KINDS, REQUIRED, type Field } from './fields.ts';
import { cellText, columnName, type Grid } from './grid.ts';
import { findHeader } from './header.ts';
import type { Mapping } from './mapping.ts';
import { CellError, RowCells } from './row.ts';
import { readRecord, type RowContext } from './records.ts';

/** Reads a sheet through its mapping into a batch: every row is imported, ignored (titles, totals) or skipped with its reason. */
export function readGrid(grid: Grid, mapping: Mapping, today: string): Batch {
  const batch = emptyBatch();
  const missing: string[] = REQUIRED[mapping.kind].filter((f) => mapping.columns[f] === undefined);
  if (HOLDER_KINDS.includes(mapping.kind) && !mapping.columns.email && !mapping.columns.person) missing.push('email (or person, to match people.yaml by name)');
  if (missing.length > 0) {
    batch.skipped.push({ where: grid.shown, why: `the mapping of a ${mapping.kind} sheet needs columns for ${missing.join(', ')}; nothing in this sheet was imported` });
    return batch;
  }
  const at = findHeader(grid, Object.values(mapping.columns));
  const header = grid.rows[at]!.cells.map(cellText);
  const columns = new Map(Object.entries(mapping.columns).map(([f, h]) => [f as Field, header.indexOf(h)]));
  for (const r of grid.rows.slice(0, at)) batch.ignored.push({ where: `${grid.shown}:${r.row}`, why: `above the header row ${grid.rows[at]!.row} (a title or merged header): "${r.cells.map(cellText).filter(Boolean).join(' ')}"` });
  const ctx: RowContext = { batch, today, priced: [], where: grid.shown };
  for (const r of grid.rows.slice(at + 1)) {
    const cells = new RowCells(r.cells, r.row, columns, mapping);
    if (cells.isTotals()) {
      batch.ignored.push({ where: `${grid.shown}:${r.row}`, why: 'a totals row: not a record' });
      continue;
    }
    try {
      ctx.where = `${grid.shown}:${r.row}`;
      readRecord(mapping.kind, cells, ctx);
      // An .xlsx formula without a saved value or an error (#DIV/0!) reads as an empty cell: say so, never a silent missing price.
      if (mapping.kind === 'flat' && columns.get('cost')! >= 0 && mapping.columns.cost && cells.text('cost') === undefined) {
        batch.ignored.push({ where: `${grid.shown}:${r.row}`, why: `cell ${columnName(columns.get('cost')!)}${r.row} (${mapping.columns.cost}) is empty (or a formula without a saved value, or an error such as #DIV/0!): the seat is imported without a price` });
      }
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      batch.skipped.push({ where: `${grid.shown}:${r.row}`, why: error.message });
    }
  }
  batch.contracts.push(...contractsOf(ctx.priced, mapping));
  return batch;
}

/** One contract per product, renewal date and currency: a line per tier and price, the quantity its seat count; the term the year before renewal. */
function contractsOf(priced: RowContext['priced'], mapping: Mapping): ContractIn[] {
  const byKey = new Map<string, ContractIn>();
  for (const p of priced) {
    const key = JSON.stringify([p.vendor, p.product, p.renewal, p.currency]);
    let contract = byKey.get(key);
    if (!contract) {
      contract = { vendor: p.vendor, title: `${p.product} until ${addDays(p.renewal, -1)}`, currency: p.currency, start: addMonths(p.renewal, -12), end: addDays(p.renewal, -1), lines: [] };
      byKey.set(key, contract);
    }
    const line = contract.lines.find((l) => l.tier === p.tier && l.unitPrice === p.amount);
    if (line) line.quantity = (line.quantity as number) + 1;
    else contract.lines.push({ license: p.product, tier: p.tier, quantity: 1, unitPrice: p.amount, ...(mapping.pricePeriod === 'month' ? { pricePeriod: 'month' as const } : {}) });
  }
  return [...byKey.values()];
}
