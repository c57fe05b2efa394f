import { entitlesSeats } from '../analysis/cost.ts';
import { contractsByLicense, successorsOf } from '../analysis/entitlement.ts';
import { reclaimPolicy, renewalPolicy } from '../analysis/policy.ts';
import { dayIn } from '../history/time.ts';
import type { Inventory, Rec } from '../inventory/model.ts';
import type { Contract } from '../inventory/schema/index.ts';
import { addDays, isTimeZone, type IsoDate } from '../util/dates.ts';
import { sum, type Micros } from '../util/money.ts';
import { renewalDates, type RenewalDates } from './dates.ts';
import { recommendLine, type LineRecommendation } from './recommend.ts';
import { tierUsage, type Snapshot, type TierUsage } from './usage.ts';

export interface Owner {
  id: string;
  name?: string;
  /** GitHub login from people.yaml, for assigning issues. */
  github?: string;
}

/** Everything lac knows about one contract's renewal. */
export interface Renewal {
  contract: Rec<Contract>;
  id: string;
  title: string;
  vendor: string;
  dates: RenewalDates;
  owner: Owner | undefined;
  /** Contracts that name this one in `previous:`. */
  successors: string[];
  lines: LineRecommendation[];
  /** Org currency; costs are annual, at current prices. */
  currency: string;
  cost: { current: Micros; recommended: Micros } | undefined;
  /** Why the cost is missing (e.g. no exchange rate). */
  costProblem?: string;
  /** Reminder thresholds (days before cancel-by), largest first. */
  reminderDays: number[];
  decisionWindowDays: number;
}

export interface PlanOptions {
  /** Usage snapshot versions from git history, per license. */
  history?: ReadonlyMap<string, Snapshot[]>;
}

/** The org's time zone, UTC when absent or unknown to the runtime. */
export function orgZone(inv: Inventory): string {
  const tz = inv.org?.data.timezone;
  return tz && isTimeZone(tz) ? tz : 'UTC';
}

function ownerOf(inv: Inventory, c: Contract): Owner | undefined {
  const id = c.owner ?? c.lines.map((l) => inv.licenses.get(l.license)?.data.owner).find((o) => o !== undefined);
  if (!id) return undefined;
  const p = inv.people.get(id)?.data;
  return { id, ...(p ? { name: p.name } : {}), ...(p?.github ? { github: p.github } : {}) };
}

/** Seats per license/tier bought under contracts in force other than `self`. */
function boughtElsewhere(byLicense: Map<string, Rec<Contract>[]>, self: string): (license: string, tier: string) => number {
  return (license, tier) => {
    let n = 0;
    for (const rec of byLicense.get(license) ?? []) {
      if (rec.data.id === self) continue;
      for (const l of rec.data.lines) if (l.license === license && l.tier === tier && l.quantity !== 'unlimited' && entitlesSeats(l)) n += l.quantity;
    }
    return n;
  };
}

/** The renewal of every contract with a term (perpetual purchases have none), soonest cancel-by first. Pure. */
export function planRenewals(inv: Inventory, today: IsoDate, options: PlanOptions = {}): Renewal[] {
  const org = inv.org?.data;
  const policy = renewalPolicy(org);
  const zone = orgZone(inv);
  const successors = successorsOf(inv);
  const inForce = contractsByLicense(inv, today);
  const usageCache = new Map<string, Map<string, TierUsage>>();
  const usageOf = (licenseId: string): Map<string, TierUsage> | undefined => {
    const license = inv.licenses.get(licenseId)?.data;
    if (!license) return undefined;
    let u = usageCache.get(licenseId);
    if (!u) {
      const rec = inv.usage.get(licenseId);
      u = tierUsage({
        license,
        seats: inv.assignments.get(licenseId),
        history: options.history?.get(licenseId) ?? [],
        current: rec ? { day: dayIn(new Date(rec.data.taken), zone), usage: rec.data } : undefined,
        inactiveDays: reclaimPolicy(org, license).inactive_days,
        windowDays: policy.usage_window_days,
        today,
      });
      usageCache.set(licenseId, u);
    }
    return u;
  };
  const out: Renewal[] = [];
  for (const rec of inv.contracts.values()) {
    const c = rec.data;
    const next = successors.get(c.id) ?? [];
    const dates = renewalDates(c, today, { decisionWindowDays: policy.decision_window_days, hasSuccessor: next.length > 0 });
    if (!dates) continue;
    const elsewhere = boughtElsewhere(inForce, c.id);
    const lines: LineRecommendation[] = c.lines.map((line) =>
        recommendLine({
          contract: c,
          line,
          license: inv.licenses.get(line.license)?.data,
          usage: usageOf(line.license)?.get(line.tier),
          elsewhere: elsewhere(line.license, line.tier),
          headroomPercent: policy.headroom_percent,
          org,
        }),
    );
    const costs = lines.map((l) => [l.currentCost, l.recommendedCost] as const);
    const complete = costs.every(([a, b]) => a !== undefined && b !== undefined);
    const costProblem = complete ? undefined : `no exchange rate for ${c.currency} in org.yaml (exchange_rates)`;
    out.push({
      contract: rec,
      id: c.id,
      title: c.title ?? c.id,
      vendor: inv.vendors.get(c.vendor)?.data.name ?? c.vendor,
      dates,
      owner: ownerOf(inv, c),
      successors: next.map((s) => s.data.id).sort(),
      lines,
      currency: org?.currency ?? c.currency,
      cost: complete ? { current: sum(costs.map(([a]) => a!)), recommended: sum(costs.map(([, b]) => b!)) } : undefined,
      ...(costProblem ? { costProblem } : {}),
      reminderDays: [...policy.reminder_days].sort((a, b) => b - a),
      decisionWindowDays: policy.decision_window_days,
    });
  }
  return out.sort(byCancelBy);
}

/** Soonest cancel-by first; then renewal date and contract ID, so the order is stable. */
export function byCancelBy(a: Renewal, b: Renewal): number {
  return cmp(a.dates.cancelBy, b.dates.cancelBy) || cmp(a.dates.renewal, b.dates.renewal) || cmp(a.id, b.id);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The default window: the largest reminder threshold or decision window, in days before cancel-by. */
export function defaultWithin(inv: Inventory): number {
  const p = renewalPolicy(inv.org?.data);
  return Math.max(p.decision_window_days, ...p.reminder_days);
}

/** The licenses on the contracts of some renewals: whose usage history is worth reading. */
export function licensesOf(renewals: readonly Renewal[]): Set<string> {
  return new Set(renewals.flatMap((r) => r.contract.data.lines.map((l) => l.license)));
}

/** Renewals whose term has not ended and whose cancel-by date falls within `within` days (overdue ones included). */
export function withinWindow(renewals: readonly Renewal[], today: IsoDate, within: number): Renewal[] {
  const last = addDays(today, within);
  return renewals.filter((r) => r.dates.term.end >= today && r.dates.cancelBy <= last);
}
