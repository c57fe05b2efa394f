// Seat demand per license: the seats in use in each version of its usage snapshot (the count the
// renewal recommendation reads, src/renewals/usage.ts), and their least-squares trend projected ahead.
import type { Inventory } from '../../inventory/model.ts';
import { seatsInUse, type Snapshot } from '../../renewals/usage.ts';
import type { IsoDate } from '../../util/dates.ts';
import { reclaimPolicy } from '../policy.ts';
import type { Period } from '../period/range.ts';
import { DAYS_PER_MONTH, leastSquares, round2, valueAt, type Point } from './trend.ts';

export interface DemandForecast {
  license: string;
  name: string;
  /** Seats in use in each snapshot, oldest first. */
  history: Point[];
  /** Trend change per month (seats); 0 with fewer than two snapshot days. */
  slopePerMonth: number;
  /** The trend at the end of each forecast month. */
  projection: Array<{ month: string; date: IsoDate; seats: number }>;
}

/** Seat demand of every license with a usage snapshot (`snapshots`: its versions from git history and the working tree), by license ID. */
export function seatDemand(inv: Inventory, snapshots: ReadonlyMap<string, Snapshot[]>, months: readonly Period[], today: IsoDate): DemandForecast[] {
  const out: DemandForecast[] = [];
  for (const [id, versions] of [...snapshots].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const license = inv.licenses.get(id)?.data;
    if (!license) continue;
    const seatTiers = new Map<string, string>();
    for (const s of inv.assignments.get(id)?.seats ?? []) if (s.person && s.since <= today) seatTiers.set(s.person, s.tier);
    const inactive = reclaimPolicy(inv.org?.data, license).inactive_days;
    // One point per day: the latest snapshot taken that day.
    const byDay = new Map<IsoDate, Snapshot>();
    for (const s of [...versions].sort((a, b) => (a.usage.taken < b.usage.taken ? -1 : 1))) if (s.day <= today) byDay.set(s.day, s);
    const history = [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1))
      .map((s) => ({ date: s.day, value: [...seatsInUse(s, license, seatTiers, inactive).values()].reduce((n, t) => n + t.n, 0) }));
    const trend = leastSquares(history);
    if (!trend) continue;
    out.push({ license: id, name: license.name, history, slopePerMonth: round2(trend.slopePerDay * DAYS_PER_MONTH), projection: months.map((m) => ({ month: m.label, date: m.to, seats: valueAt(trend, m.to) })) });
  }
  return out;
}
