import type { Inventory } from '../../inventory/model.ts';
import { addDays, type IsoDate } from '../../util/dates.ts';
import { divRound, sum, type Micros } from '../../util/money.ts';
import { contractsByLicense } from '../entitlement.ts';
import { roundToMinor } from '../money/allocate.ts';
import type { EffectiveReclaim } from '../policy.ts';
import { tierPrices, type TierPrice } from '../report/prices.ts';
import type { Evidence, ReclaimReason } from './candidates.ts';
import { licenseVerdicts } from './verdicts.ts';

/** One proposed change to one assignment line. */
export interface Candidate {
  license: string;
  file: string;
  /** Position of the seat in the file's `seats` list. */
  index: number;
  line: number | undefined;
  person: string;
  name: string | undefined;
  github: string | undefined;
  tier: string;
  since: IsoDate;
  action: 'remove' | 'downgrade';
  to?: string;
  reason: ReclaimReason;
  detail: string;
  evidence: Evidence;
  /** Saving in the org currency. */
  annual: Micros;
  monthly: Micros;
}

/** A seat that looked like a candidate but stays, and why. */
export interface Kept {
  person: string;
  tier: string;
  why: string;
}

export interface LicensePlan {
  license: string;
  name: string;
  file: string;
  owner: string | undefined;
  policy: EffectiveReclaim;
  /** The last day people have to object: today plus the policy's grace days. */
  graceUntil: IsoDate;
  /** The usage snapshot the plan read. */
  snapshot: { file: string; taken: string } | undefined;
  candidates: Candidate[];
  kept: Kept[];
  annual: Micros;
  monthly: Micros;
}

export interface ReclaimPlan {
  today: IsoDate;
  currency: string;
  licenses: LicensePlan[];
  annual: Micros;
  monthly: Micros;
}

export interface PlanOptions {
  license?: string;
  /** Per license, seats (`person tier`) that people kept on the reclaim branch: not proposed again. */
  keep?: Map<string, Set<string>>;
}

export const seatKey = (person: string, tier: string): string => `${person} ${tier}`;

const monthly = (annual: Micros): Micros => divRound(annual, 12n);

/** A seat's annual saving, rounded to the minor unit so that the seats add up to the total shown. */
function saving(prices: Map<string, TierPrice> | undefined, tier: string, currency: string, to?: string): Micros {
  const unit = (t: string | undefined) => {
    const p = t === undefined ? undefined : prices?.get(t);
    return p?.perSeat ? (p.unitCost ?? 0n) : 0n;
  };
  const s = roundToMinor(unit(tier) - unit(to), currency);
  return s > 0n ? s : 0n;
}

/** The reclaim plan of every license (or one): candidates with reasons, evidence and savings. Pure. */
export function reclaimPlan(inv: Inventory, today: IsoDate, options: PlanOptions = {}): ReclaimPlan {
  const prices = tierPrices(inv, today);
  const inForce = contractsByLicense(inv, today);
  const licenses: LicensePlan[] = [];
  const ids = [...inv.licenses.keys()].filter((id) => options.license === undefined || id === options.license).sort();
  for (const id of ids) {
    const license = inv.licenses.get(id)!.data;
    const list = inv.assignments.get(id);
    const judged = licenseVerdicts(inv, id, today, inForce.get(id) ?? []);
    if (!list || !judged) continue;
    const { policy } = judged;
    const usage = inv.usage.get(id);
    const keep = options.keep?.get(id) ?? new Set<string>();
    const candidates: Candidate[] = [];
    const kept: Kept[] = [];
    for (const { view: v, verdict } of judged.seats) {
      const person = v.seat.person!;
      if (!verdict.propose) {
        kept.push({ person, tier: v.seat.tier, why: verdict.why });
        continue;
      }
      if (keep.has(seatKey(person, v.seat.tier))) {
        kept.push({ person, tier: v.seat.tier, why: 'kept by a person on the reclaim pull request' });
        continue;
      }
      const annual = saving(prices.get(id), v.seat.tier, inv.org?.data.currency ?? 'EUR', verdict.action === 'downgrade' ? verdict.to : undefined);
      let line: number | undefined;
      try {
        line = list.map.locate(['seats', list.index[v.i]!]).line;
      } catch {
        line = undefined;
      }
      candidates.push({
        license: id, file: list.file, index: list.index[v.i]!, line, person, name: v.person?.name, github: v.person?.github,
        tier: v.seat.tier, since: v.seat.since, action: verdict.action, ...(verdict.to ? { to: verdict.to } : {}),
        reason: verdict.reason, detail: verdict.detail, evidence: verdict.evidence, annual, monthly: monthly(annual),
      });
    }
    const annual = sum(candidates.map((c) => c.annual));
    licenses.push({
      license: id, name: license.name, file: list.file, owner: license.owner, policy, graceUntil: addDays(today, policy.grace_days),
      snapshot: usage ? { file: usage.src.file, taken: usage.data.taken } : undefined,
      candidates, kept, annual, monthly: monthly(annual),
    });
  }
  const annual = sum(licenses.map((l) => l.annual));
  return { today, currency: inv.org?.data.currency ?? 'EUR', licenses, annual, monthly: monthly(annual) };
}
