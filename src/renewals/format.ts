import type { PeakDistribution } from '../analysis/concurrent-recommend.ts';
import { toDecimal, formatMoney, type Micros } from '../util/money.ts';
import type { IsoDate } from '../util/dates.ts';
import { mdCode, mdRow, mdText, mention } from '../util/escape/markdown.ts';
import type { Renewal } from './plan.ts';
import type { RenewalStatus } from './dates.ts';

export const STATUS_TEXT: Record<RenewalStatus, string> = {
  upcoming: 'upcoming',
  'notice-window': 'decision due',
  'past-cancel-by': 'PAST CANCEL-BY',
  expired: 'expired',
  renewed: 'renewed',
  cancelled: 'cancelled',
};

/** "in 3 days", "today", "2 days ago". */
export function relativeDays(n: number): string {
  if (n === 0) return 'today';
  const d = Math.abs(n) === 1 ? '1 day' : `${Math.abs(n)} days`;
  return n > 0 ? `in ${d}` : `${d} ago`;
}

const money = (m: Micros | undefined, currency: string) => (m === undefined ? 'n/a' : formatMoney(m, currency));

function costLine(r: Renewal): string {
  if (!r.cost) return `cost: ${r.costProblem ?? 'unknown'}`;
  const diff = r.cost.recommended - r.cost.current;
  const sign = diff > 0n ? '+' : '';
  return `annual cost at current prices: ${money(r.cost.current, r.currency)} as bought, ${money(r.cost.recommended, r.currency)} as recommended (${sign}${money(diff, r.currency)})`;
}

/** "figma-2026 (Figma Organization 2026)", or the bare ID when the contract has no title. */
const nameOf = (r: Renewal) => (r.title === r.id ? r.id : `${r.id} (${r.title})`);

const ownerText = (r: Renewal) => (r.owner ? `${r.owner.name ?? r.owner.id}${r.owner.github ? ` (@${r.owner.github})` : ''}` : 'no owner');
// The owner's login is the one mention a renewal summary means to make.
const ownerMd = (r: Renewal) => (r.owner ? `${mdText(r.owner.name ?? r.owner.id)}${r.owner.github ? ` (${mention(r.owner.github)})` : ''}` : 'no owner');

export interface ListHeader {
  today: IsoDate;
  within: number;
}

/** The human listing: one table row per renewal, then each renewal's lines and reasoning. */
export function formatText(renewals: readonly Renewal[], h: ListHeader): string {
  const lines = [`Renewals with a cancel-by date within ${h.within} days of ${h.today}: ${renewals.length}`];
  if (renewals.length === 0) return `${lines[0]}\n`;
  const rows = [['CANCEL BY', 'DAYS', 'DECIDE BY', 'RENEWS', 'STATUS', 'DECISION', 'OWNER', 'CONTRACT']];
  for (const r of renewals) {
    rows.push([r.dates.cancelBy, String(r.dates.daysToCancelBy), r.dates.decisionDue, r.dates.renewal, r.dates.status, r.dates.decision, r.owner?.id ?? '-', nameOf(r)]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  lines.push('', ...rows.map((row) => row.map((cell, i) => (i === 1 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd()));
  for (const r of renewals) {
    lines.push('', `${r.id}: ${r.vendor}, ${STATUS_TEXT[r.dates.status]}`);
    lines.push(`  term ${r.dates.term.start} to ${r.dates.term.end}${r.dates.rolls > 0 ? ` (renewed by itself ${r.dates.rolls}x past its written end)` : ''}; renews ${r.dates.renewal}; cancel by ${r.dates.cancelBy} (${relativeDays(r.dates.daysToCancelBy)}); decision due ${r.dates.decisionDue} (${relativeDays(r.dates.daysToDecision)})`);
    lines.push(`  decision: ${r.dates.decision}; owner: ${ownerText(r)}${r.successors.length ? `; followed by ${r.successors.join(', ')}` : ''}`);
    for (const l of r.lines) {
      lines.push(`  ${l.license}/${l.tier}: ${l.current} -> ${l.recommended}`);
      for (const step of l.reasoning) lines.push(`    ${step}`);
    }
    lines.push(`  ${costLine(r)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Markdown for a job summary or an issue: a table, then the details. */
export function formatMarkdown(renewals: readonly Renewal[], h: ListHeader): string {
  const out = [`## Renewals with a cancel-by date within ${h.within} days of ${h.today}`, ''];
  if (renewals.length === 0) return `${out.join('\n')}None.\n`;
  out.push('| Cancel by | Days | Decide by | Renews | Status | Decision | Owner | Contract | Annual cost | Recommended |', '|---|--:|---|---|---|---|---|---|--:|--:|');
  for (const r of renewals) {
    const status = r.dates.status === 'past-cancel-by' ? '**past cancel-by**' : STATUS_TEXT[r.dates.status];
    out.push(mdRow([r.dates.cancelBy, String(r.dates.daysToCancelBy), r.dates.decisionDue, r.dates.renewal, status, r.dates.decision, ownerMd(r), mdText(nameOf(r)), mdText(money(r.cost?.current, r.currency)), mdText(money(r.cost?.recommended, r.currency))]));
  }
  for (const r of renewals) {
    out.push('', `### ${r.title === r.id ? mdCode(r.id) : `${mdText(r.title)} (${mdCode(r.id)})`}`, '', '| License | Tier | Now | Recommended | Why |', '|---|---|--:|--:|---|');
    for (const l of r.lines) out.push(mdRow([mdText(l.license), mdText(l.tier), String(l.current), String(l.recommended), mdText(l.reasoning.join('; '))]));
  }
  return `${out.join('\n')}\n`;
}

/** The peak distribution behind a concurrent line's recommendation, as JSON (the site shows the same). */
export const distributionJson = (d: PeakDistribution) => ({
  method: d.method, days: d.days, from: d.from, to: d.to, p50: d.p50, p95: d.p95, max: d.max, max_on: d.maxOn,
  denials: d.denials, denial_days: d.denialDays, denied_peak: d.deniedPeak, headroom_percent: d.headroomPercent, recommended: d.recommended,
});

const amount = (m: Micros | undefined, currency: string) => (m === undefined ? null : toDecimal(m, currency));

/** One renewal as plain JSON data (money as exact decimal strings in the org currency). */
export function renewalJson(r: Renewal): Record<string, unknown> {
  return {
    contract: r.id,
    title: r.title,
    vendor: r.vendor,
    file: r.contract.src.file,
    status: r.dates.status,
    decision: r.dates.decision,
    owner: r.owner ?? null,
    term: r.dates.term,
    rolls: r.dates.rolls,
    renewal_date: r.dates.renewal,
    cancel_by: r.dates.cancelBy,
    days_to_cancel_by: r.dates.daysToCancelBy,
    decision_due: r.dates.decisionDue,
    days_to_decision: r.dates.daysToDecision,
    days_to_renewal: r.dates.daysToRenewal,
    next_term: r.dates.next,
    successors: r.successors,
    lines: r.lines.map((l) => ({
      license: l.license,
      tier: l.tier,
      quantity: l.current,
      recommended: l.recommended,
      pack_size: l.packSize,
      usage: l.usage ? { basis: l.usage.basis, peak: l.usage.peak, peak_on: l.usage.peakOn ?? null, snapshots: l.usage.snapshots, from: l.usage.from ?? null, to: l.usage.to ?? null } : null,
      peak_distribution: l.distribution ? distributionJson(l.distribution) : null,
      bought_elsewhere: l.elsewhere,
      reasoning: l.reasoning,
      annual_cost: amount(l.currentCost, r.currency),
      recommended_annual_cost: amount(l.recommendedCost, r.currency),
    })),
    currency: r.currency,
    annual_cost: amount(r.cost?.current, r.currency),
    recommended_annual_cost: amount(r.cost?.recommended, r.currency),
    ...(r.costProblem ? { cost_problem: r.costProblem } : {}),
  };
}

export function formatJson(renewals: readonly Renewal[], h: ListHeader): string {
  return `${JSON.stringify({ today: h.today, within_days: h.within, renewals: renewals.map(renewalJson) }, null, 2)}\n`;
}
