import type { DiscoverySummary } from '../analysis/discovery/summary.ts';
import { mdText } from '../util/escape/markdown.ts';
import { formatMoney } from '../util/money.ts';
import { mdTable, textTable } from './table.ts';

const HEADER = ['Source', 'App', 'Users', 'Spend, 90 days'];

function cells(d: DiscoverySummary): string[][] {
  return d.undeclared.map((a) => [a.source, a.name, a.allUsers ? 'everyone' : String(a.users), a.spend90d === undefined ? '—' : `${formatMoney(a.spend90d, d.spend.currency)}${a.recurring ? ' (recurring)' : ''}`]);
}

function spendLine(d: DiscoverySummary): string {
  const s = d.spend;
  return `Contracted spend: ${formatMoney(s.contracted, s.currency)}; spend outside contracts (expensed software): ${formatMoney(s.expensed, s.currency)}, of which ${formatMoney(s.declaredVendors, s.currency)} to declared vendors and ${formatMoney(s.undeclared, s.currency)} to undeclared apps`;
}

/** The report's discovery section as text; empty without discovery snapshots. */
export function discoveryText(d: DiscoverySummary | undefined): string {
  if (!d) return '';
  const table = d.undeclared.length ? textTable(HEADER, cells(d)) : 'No undeclared apps.\n';
  return `\nSoftware outside the inventory, ${d.spend.from} to ${d.spend.to}\n${spendLine(d)}\n${table}`;
}

/** The same as markdown. */
export function discoveryMarkdown(d: DiscoverySummary | undefined): string {
  if (!d) return '';
  return `\n## Software outside the inventory, ${d.spend.from} to ${d.spend.to}\n\n${mdText(spendLine(d))}.\n\n${d.undeclared.length ? mdTable(HEADER, cells(d)) : 'No undeclared apps.\n'}`;
}
