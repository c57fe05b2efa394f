import type { Backing, Position, PositionLine } from '../analysis/position.ts';
import { mdText } from '../util/escape/markdown.ts';
import { toDecimal } from '../util/money.ts';
import { toCsv } from './csv.ts';
import { mdTable, textTable } from './table.ts';
import { POSITION_FORMATS, type PositionFormat } from './formats.ts';
export { POSITION_FORMATS, type PositionFormat };

/** Where the position was read from: the commit of --at, or the working tree. */
export interface PositionOrigin {
  commit?: string;
}

const HEADER = ['vendor', 'license', 'tier', 'entitled', 'assigned', 'accounts', 'peak', 'deployed', 'balance', 'true-up'];
const DASH = '—';

const cell = (n: number | 'unlimited' | null) => (n === null ? DASH : String(n));
const signed = (n: number | null) => (n === null ? DASH : String(n));

function rows(p: Position): string[][] {
  return p.lines.map((l) => [l.vendor, l.license, l.tier, cell(l.entitled), String(l.assigned), cell(l.accounts), l.peak ? String(l.peak.inUse) : DASH, cell(l.deployed), signed(l.balance), l.trueUp === null ? '?' : toDecimal(l.trueUp, p.currency)]);
}

const backingText = (b: Backing) =>
  `contract ${b.contract} lines[${b.line}]${b.po ? `, PO ${b.po}` : ''}${b.order ? `, order ${b.order}` : ''}: ${b.quantity} × ${b.unitPrice} ${b.currency} per ${b.pricePeriod} (${b.source.file}${b.source.line ? `:${b.source.line}` : ''})${b.documents.map((d) => ` ${d.title} <${d.url}>`).join('')}`;

function evidence(l: PositionLine): string[] {
  const out = l.backing.map(backingText);
  if (l.backing.length === 0) out.push('no contract in force names this tier: every deployed seat is a shortfall');
  if (l.peak) out.push(`${l.peak.source.what} (${l.peak.source.file}${l.peak.source.line ? `:${l.peak.source.line}` : ''})`);
  return out;
}

const title = (p: Position, o: PositionOrigin) =>
  `Effective license position on ${p.asOf}${o.commit ? ` (commit ${o.commit})` : ' (working tree)'}; balance = entitled - deployed (negative: a shortfall); true-up per year in ${p.currency}; peaks since ${p.windowFrom}`;

/** The position as a terminal table, then the contract lines and peaks behind each row. */
export function formatPositionText(p: Position, o: PositionOrigin): string {
  const behind = p.lines.map((l) => `  ${l.license} ${l.tier}:\n${evidence(l).map((e) => `    ${e}\n`).join('')}`).join('');
  return [`${title(p, o)}\n`, textTable(HEADER, rows(p)), `\nBehind the figures:\n${behind}`, ...p.problems.map((x) => `warning: ${x.message}\n`)].join('');
}

/** The position as GitHub markdown (an issue, a PR, an audit file), data escaped. */
export function formatPositionMarkdown(p: Position, o: PositionOrigin): string {
  const behind = p.lines.map((l) => `- **${mdText(`${l.license} ${l.tier}`)}**\n${evidence(l).map((e) => `  - ${mdText(e)}\n`).join('')}`).join('');
  return [`# ${mdText(title(p, o))}\n\n`, mdTable(HEADER, rows(p)), `\n## Behind the figures\n\n${behind}`, ...p.problems.map((x) => `\n> [!WARNING]\n> ${mdText(x.message)}\n`)].join('');
}

/** The position as plain JSON data, money as exact decimal strings in the org currency, with the sources of every figure. */
export function positionJson(p: Position, o: PositionOrigin) {
  const money = (m: bigint | null) => (m === null ? null : toDecimal(m, p.currency));
  const lines = p.lines.map((l) => ({ ...l, unitCost: money(l.unitCost), trueUp: money(l.trueUp) }));
  return { asOf: p.asOf, commit: o.commit ?? null, currency: p.currency, windowFrom: p.windowFrom, lines, problems: p.problems };
}

export type PositionJson = ReturnType<typeof positionJson>;

/** The whole position as JSON text. */
export const formatPositionJson = (p: Position, o: PositionOrigin): string => `${JSON.stringify(positionJson(p, o), null, 2)}\n`;

/** One CSV row per product and tier, IDs beside names, counts as numbers, money as decimals in the org currency (the site's per-vendor download too). */
export function formatPositionCsv(j: PositionJson): string {
  const header = ['as_of', 'vendor', 'license', 'license_name', 'tier', 'tier_name', 'type', 'entitled', 'assigned', 'accounts', 'peak', 'peak_date', 'deployed', 'balance', 'unit_cost', 'true_up', 'currency', 'contracts', 'po_numbers'];
  return toCsv(
    header,
    j.lines.map((l) => [
      j.asOf, l.vendor, l.license, l.licenseName, l.tier, l.tierName, l.type, l.entitled, l.assigned, l.accounts, l.peak?.inUse, l.peak?.date, l.deployed, l.balance,
      l.unitCost, l.trueUp, j.currency,
      l.backing.map((b) => `${b.contract} lines[${b.line}]`).join('; '), [...new Set(l.backing.flatMap((b) => (b.po ? [b.po] : [])))].join('; '),
    ]),
  );
}

/** The position in one of POSITION_FORMATS. */
export function formatPosition(p: Position, format: PositionFormat, o: PositionOrigin = {}): string {
  switch (format) {
    case 'text':
      return formatPositionText(p, o);
    case 'md':
      return formatPositionMarkdown(p, o);
    case 'csv':
      return formatPositionCsv(positionJson(p, o));
    case 'json':
      return formatPositionJson(p, o);
  }
}
