import { convert, sum, type Micros } from '../../../util/money.ts';
import { addDays } from '../../../util/dates.ts';
import { appSlug } from '../../slug.ts';
import type { SeenApp } from '../../types.ts';

export interface Charge {
  merchant: string;
  amount: Micros;
  currency: string;
  date: string;
  employee: string;
}

/**
 * Charges grouped by merchant: employees, first and last charge, spend in the 90 days up to
 * `today` in the org currency (refunds subtract), and whether it recurs (charged in two or more
 * calendar months of those 90 days).
 */
export function aggregateCharges(charges: readonly Charge[], today: string, currency: string, rates: Record<string, string | number>): SeenApp[] {
  const from = addDays(today, -89);
  const groups = new Map<string, Charge[]>();
  for (const c of charges) {
    const key = appSlug(c.merchant);
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const apps: SeenApp[] = [];
  for (const [app, list] of groups) {
    const recent = list.filter((c) => c.date >= from && c.date <= today);
    const months = new Set(recent.filter((c) => c.amount > 0n).map((c) => c.date.slice(0, 7)));
    const dates = list.map((c) => c.date).sort();
    const spend = sum(recent.map((c) => convert(c.amount, c.currency, currency, rates)));
    apps.push({
      app,
      name: list[0]!.merchant,
      users: new Set(list.map((c) => c.employee).filter((e) => e !== '')).size,
      firstSeen: dates[0]!,
      lastSeen: dates.at(-1)!,
      spend90d: spend > 0n ? spend : 0n,
      ...(months.size >= 2 ? { recurring: true } : {}),
    });
  }
  return apps;
}
