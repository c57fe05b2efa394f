import { LICENSE_TYPES } from '../../inventory/schema/license.ts';
import type { Batch } from '../types.ts';
import type { SheetKind } from './fields.ts';
import { CellError, type RowCells } from './row.ts';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
export const DEFAULT_TIER = 'Standard';

/** What a row adds to the batch; the flat kind's contract lines are gathered by the caller. */
export interface RowContext {
  batch: Batch;
  today: string;
  /** Flat rows with a cost: gathered into one contract per product, renewal date and currency. */
  priced: { vendor: string; product: string; tier: string; amount: string; currency: string; renewal: string }[];
  /** The row being read, as the report names it. */
  where: string;
}

function email(cells: RowCells): string {
  const text = cells.required('email');
  if (!EMAIL.test(text)) throw new CellError(`the email cell "${text}" is not an email address`);
  return text.toLowerCase();
}

/** The holder of a seat row: by email, or by full name (matched to people.yaml later) when the sheet has no email column. */
function holder(cells: RowCells, ctx: RowContext): { email: string } | { name: string } {
  if (cells.has('email')) return { email: person(cells, ctx) };
  return { name: cells.required('person') };
}

function person(cells: RowCells, ctx: RowContext): string {
  const address = email(cells);
  const status = cells.text('status')?.toLowerCase();
  const leaver = status !== undefined && /^(leaver|left|inactive|terminated|disabled|ausgeschieden)$/.test(status);
  ctx.batch.people.push({ name: cells.text('person') ?? address, email: address, ...(leaver ? { status: 'leaver' as const } : {}) });
  return address;
}

function license(cells: RowCells, ctx: RowContext): { product: string; vendor: string; tier: string } {
  const product = cells.required('product');
  const vendor = cells.text('vendor') ?? product;
  const tier = cells.text('tier') ?? DEFAULT_TIER;
  const type = cells.text('type')?.toLowerCase();
  if (type !== undefined && !(LICENSE_TYPES as readonly string[]).includes(type)) throw new CellError(`the type cell "${type}" is not one of ${LICENSE_TYPES.join(', ')}`);
  ctx.batch.vendors.push({ name: vendor });
  ctx.batch.licenses.push({ name: product, vendor, tiers: [tier], ...(type ? { type } : {}) });
  return { product, vendor, tier };
}

/** Reads one data row of a sheet of `kind` into the batch; throws CellError (the row is left out) on a bad cell. */
export function readRecord(kind: SheetKind, cells: RowCells, ctx: RowContext): void {
  switch (kind) {
    case 'people':
      person(cells, ctx);
      return;
    case 'licenses':
      license(cells, ctx);
      return;
    case 'seats':
    case 'flat': {
      // Read every cell before recording anything, so a bad cell leaves the whole row out.
      const cost = kind === 'flat' ? cells.amount('cost') : undefined;
      const renewal = kind === 'flat' ? cells.date('renewal') : undefined;
      const since = cells.date('since');
      if (cost && !renewal) throw new CellError('has a cost but no renewal date: a contract needs its term; fill the renewal cell (or clear the cost)');
      const who = holder(cells, ctx);
      const { product, vendor, tier } = license(cells, ctx);
      ctx.batch.seats.push({ license: product, vendor, tier, ...who, since: since ?? ctx.today, where: ctx.where });
      if (cost && renewal) ctx.priced.push({ vendor, product, tier, ...cost, renewal });
      return;
    }
    case 'contracts': {
      const cost = cells.amount('cost');
      if (!cost) throw new CellError('the cost cell is empty');
      const quantityText = cells.text('quantity') ?? '1';
      const quantity = /^unlimited$/i.test(quantityText) ? 'unlimited' : Number(quantityText);
      if (quantity !== 'unlimited' && !(Number.isInteger(quantity) && quantity >= 0)) throw new CellError(`the quantity cell "${quantityText}" is not a whole number of seats`);
      const end = cells.date('end') ?? cells.date('renewal');
      const start = cells.date('start');
      if (!start) throw new CellError('has no start date: map the `start` column');
      const order = cells.text('order_number');
      const { product, vendor, tier } = license(cells, ctx);
      ctx.batch.contracts.push({
        vendor, title: `${product}${end ? ` until ${end}` : ''}`, currency: cost.currency, start, ...(end ? { end } : {}), ...(order ? { orderNumber: order } : {}),
        lines: [{ license: product, tier, quantity, unitPrice: cost.amount }],
      });
    }
  }
}
