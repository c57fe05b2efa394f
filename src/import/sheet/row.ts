import { amountOfNumber, readAmount } from '../cells/amount.ts';
import { readDate } from '../cells/date.ts';
import type { Field } from './fields.ts';
import { cellText, columnName, isBlank, type Cell } from './grid.ts';
import type { Mapping } from './mapping.ts';

/** A cell that cannot be read: the row is left out with this reason. */
export class CellError extends Error {}

const FORMULA = /^=[A-Za-z(+\-]/;

/** Reads one data row's mapped cells, with errors that name the cell (D7) and its header. */
export class RowCells {
  private readonly cells: Cell[];
  readonly row: number;
  private readonly columns: Map<Field, number>;
  private readonly mapping: Mapping;
  constructor(cells: Cell[], row: number, columns: Map<Field, number>, mapping: Mapping) {
    this.cells = cells;
    this.row = row;
    this.columns = columns;
    this.mapping = mapping;
  }

  private ref(field: Field): string {
    const i = this.columns.get(field)!;
    return `cell ${columnName(i)}${this.row} (${this.mapping.columns[field]})`;
  }

  private raw(field: Field): Cell | undefined {
    const i = this.columns.get(field);
    return i === undefined ? undefined : this.cells[i];
  }

  /** True when the mapping maps this field to a column of the sheet. */
  has(field: Field): boolean {
    return (this.columns.get(field) ?? -1) >= 0;
  }

  /** The cell's text, or undefined when the field is not mapped or the cell is empty. A formula is refused (its value is not in a CSV). */
  text(field: Field): string | undefined {
    const cell = this.raw(field);
    if (isBlank(cell)) return undefined;
    const text = cellText(cell);
    if (FORMULA.test(text)) throw new CellError(`${this.ref(field)} holds the formula "${text}", not its value; export the sheet with values (in Excel: copy, Paste Special > Values) and import again`);
    return text;
  }

  required(field: Field): string {
    const text = this.text(field);
    if (text === undefined) throw new CellError(`${this.ref(field)} is empty`);
    return text;
  }

  date(field: Field): string | undefined {
    const cell = this.raw(field);
    if (cell instanceof Date) return cell.toISOString().slice(0, 10);
    const text = this.text(field);
    if (text === undefined) return undefined;
    const day = readDate(text, this.mapping.dateFormat);
    if (day === undefined) throw new CellError(`${this.ref(field)} "${text}" is not a date in ${this.mapping.dateFormat} (locale ${this.mapping.locale}) or YYYY-MM-DD`);
    return day;
  }

  /** An amount and its currency: the cell's symbol or code, else the currency column, else the mapping's `currency`. */
  amount(field: Field): { amount: string; currency: string } | undefined {
    const cell = this.raw(field);
    const text = typeof cell === 'number' ? undefined : this.text(field);
    if (typeof cell !== 'number' && text === undefined) return undefined;
    const read = typeof cell === 'number' ? amountOfNumber(cell) : readAmount(text!, this.mapping.locale);
    if ('error' in read) throw new CellError(`${this.ref(field)} "${cellText(cell)}" ${read.error}`);
    const column = this.text('currency')?.toUpperCase();
    const currency = read.currency ?? column ?? this.mapping.currency;
    if (currency === undefined) throw new CellError(`${this.ref(field)} "${cellText(cell)}" names no currency; add \`currency: EUR\` (or the right code) to the mapping`);
    if (column !== undefined && currency !== column) throw new CellError(`${this.ref(field)} "${cellText(cell)}" is in ${currency} but ${this.ref('currency')} says ${column}`);
    return { amount: read.amount, currency };
  }

  /** True for a totals row: no email, and a cell saying "Total", "Summe" or "Gesamt". */
  isTotals(): boolean {
    return isBlank(this.raw('email')) && this.cells.some((c) => /^(grand |sub)?totals?:?$|^(summe|gesamt)\b/i.test(cellText(c)));
  }
}
