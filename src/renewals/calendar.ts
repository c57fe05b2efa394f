import { distributionText } from '../analysis/concurrent-recommend.ts';
import { writeCalendar, type CalendarEvent } from '../report/ical.ts';
import { maxDate } from '../util/dates.ts';
import { formatMoney } from '../util/money.ts';
import type { Renewal } from './plan.ts';

/**
 * DTSTAMP from the data, not the clock, so the same inventory gives the same file: the latest
 * day the contract's record says something happened (start of the written term, signature, decision).
 */
function stampOf(r: Renewal): string {
  const c = r.contract.data;
  const days = [c.start, c.signed, c.renewal?.decided_on].filter((d): d is string => d !== undefined);
  return `${days.reduce(maxDate)}T00:00:00Z`;
}

function description(r: Renewal): string {
  const c = r.contract.data;
  const lines = [
    `${r.title} (${r.id}), ${r.vendor}`,
    `Term ${r.dates.term.start} to ${r.dates.term.end}; ${c.auto_renew ? 'renews by itself' : 'does not renew by itself'} on ${r.dates.renewal}.`,
    `Cancel by ${r.dates.cancelBy}; decision due ${r.dates.decisionDue}. Decision: ${r.dates.decision}. Owner: ${r.owner?.name ?? r.owner?.id ?? 'none'}.`,
  ];
  for (const l of r.lines) lines.push(`${l.license}/${l.tier}: ${l.current} now, ${l.recommended} recommended${l.distribution ? ` (${distributionText(l.distribution)})` : ''}.`);
  if (r.cost) lines.push(`Annual cost: ${formatMoney(r.cost.current, r.currency)} as bought, ${formatMoney(r.cost.recommended, r.currency)} as recommended.`);
  lines.push(`File: ${r.contract.src.file}`);
  return lines.join('\n');
}

/** Two all-day events per renewal: the cancel-by date (with alarms at the reminder thresholds) and the renewal date. */
export function renewalEvents(r: Renewal): CalendarEvent[] {
  if (r.dates.status === 'renewed' || r.dates.status === 'expired') return [];
  const dtstamp = stampOf(r);
  const text = description(r);
  const key = `${r.id}-${r.dates.term.end}`;
  const auto = r.contract.data.auto_renew === true;
  if (r.dates.status === 'cancelled') {
    return [{ uid: `renewal-${key}@lac`, dtstamp, date: r.dates.renewal, summary: `Ends (cancelled): ${r.title}`, description: text, categories: ['Renewal'] }];
  }
  return [
    {
      uid: `cancel-by-${key}@lac`,
      dtstamp,
      date: r.dates.cancelBy,
      summary: `Cancel-by date: ${r.title}`,
      description: text,
      categories: ['Renewal', 'Cancel-by'],
      alarms: r.reminderDays.map((d) => ({ daysBefore: d, description: `${r.title}: cancel-by date ${r.dates.cancelBy} ${d === 0 ? 'is today' : `in ${d} days`}` })),
    },
    {
      uid: `renewal-${key}@lac`,
      dtstamp,
      date: r.dates.renewal,
      summary: `${auto ? 'Renews' : 'Ends unless renewed'}: ${r.title}`,
      description: text,
      categories: ['Renewal'],
    },
  ];
}

/** The iCalendar file of the renewals (RFC 5545). */
export function formatIcs(renewals: readonly Renewal[], options: { orgName?: string; timeZone?: string } = {}): string {
  return writeCalendar({
    prodId: '-//lac//renewals//EN',
    name: `${options.orgName ? `${options.orgName}: ` : ''}renewals`,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    events: renewals.flatMap(renewalEvents),
  });
}
