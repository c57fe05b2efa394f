import type { Candidate, LicensePlan, ReclaimPlan } from '../analysis/reclaim/plan.ts';
import { formatMoney } from '../util/money.ts';
import { textTable } from '../report/table.ts';

const change = (c: Candidate) => (c.action === 'remove' ? `remove ${c.tier}` : `${c.tier} → ${c.to}`);
const lastActive = (c: Candidate) => (c.evidence.lastActive === null ? 'never' : (c.evidence.lastActive ?? '—'));

function licenseText(p: LicensePlan, currency: string): string {
  const n = p.candidates.length;
  const head = `${p.license}: ${n} ${n === 1 ? 'seat' : 'seats'}, saving ${formatMoney(p.monthly, currency)} a month, ${formatMoney(p.annual, currency)} a year; objections until ${p.graceUntil}\n`;
  const rows = p.candidates.map((c) => [`${c.file}:${c.line ?? '?'}`, c.person, change(c), lastActive(c), c.evidence.daysInactive === undefined ? '—' : String(c.evidence.daysInactive), `${c.reason}: ${c.detail}`, formatMoney(c.annual, currency)]);
  const table = rows.length ? textTable(['line', 'person', 'change', 'last active', 'days', 'reason', 'saving a year'], rows) : '';
  const kept = p.kept.map((k) => `  kept: ${k.person} ${k.tier}: ${k.why}\n`).join('');
  return head + table + kept;
}

/** The plan for people: per license, which lines change and why, and the savings. */
export function formatPlan(plan: ReclaimPlan): string {
  const parts = plan.licenses.filter((p) => p.candidates.length > 0 || p.kept.length > 0).map((p) => licenseText(p, plan.currency));
  const seats = plan.licenses.reduce((a, p) => a + p.candidates.length, 0);
  if (seats === 0 && parts.length === 0) return `nothing to reclaim on ${plan.today}\n`;
  return `${parts.join('\n')}\nTotal: ${seats} ${seats === 1 ? 'seat' : 'seats'}, saving ${formatMoney(plan.monthly, plan.currency)} a month, ${formatMoney(plan.annual, plan.currency)} a year\n`;
}
