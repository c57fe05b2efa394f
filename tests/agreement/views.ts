// The site's figures and `lac report --format json`'s, put in one shape so that tests compare them.
import type { LicenseFigures } from '../../src/site/model/types.ts';

export type Fig = { value: unknown };
export type JsonTier = Record<string, Fig> & { tier: { valueOf(): string }; unknownReason: string | null; costUnknown: string | null };
export type JsonLicense = { id: string; tiers: JsonTier[]; totals: Record<string, Fig> & { unlimited: boolean } };

/** The site's figures in the report's terms, license by license and tier by tier. */
export function siteView(licenses: LicenseFigures[]) {
  return licenses.map((l) => ({
    id: l.id,
    totals: { assigned: l.assigned, countedAssigned: l.countedAssigned, inactive: l.inactive, unknown: l.unknown, cancelling: l.cancelling, annualCost: l.annualCost, waste: l.waste, unlimited: l.unlimited, entitled: l.entitled },
    tiers: l.tiers.map((t) => ({ tier: t.id, entitled: t.entitled, assigned: t.assigned, active: t.active, inactive: t.inactive, unknown: t.unknown, unknownReason: t.unknownReason, cancelling: t.cancelling, unassigned: t.unassigned, utilization: t.utilization, annualCost: t.annualCost, costUnknown: t.costUnknown, costPerActive: t.costPerActive, waste: t.waste })),
  }));
}

/** `lac report --format json`'s figures in the same shape. */
export function reportView(json: { licenses: JsonLicense[] }) {
  const v = (f: Fig | undefined) => f?.value ?? null;
  return json.licenses.map((l) => {
    const counted = l.tiers.some((t) => typeof t.entitled?.value === 'number');
    return {
      id: l.id,
      totals: { assigned: v(l.totals.assigned), countedAssigned: v(l.totals.countedAssigned), inactive: v(l.totals.inactive), unknown: v(l.totals.unknown), cancelling: v(l.totals.cancelling), annualCost: v(l.totals.annualCost), waste: v(l.totals.waste), unlimited: l.totals.unlimited, entitled: counted ? v(l.totals.entitled) : null },
      tiers: l.tiers.map((t) => ({ tier: t.tier, entitled: v(t.entitled), assigned: v(t.assigned), active: v(t.active), inactive: v(t.inactive), unknown: v(t.unknown), unknownReason: t.unknownReason, cancelling: v(t.cancelling), unassigned: v(t.unassigned), utilization: v(t.utilization), annualCost: v(t.annualCost), costUnknown: t.costUnknown, costPerActive: v(t.costPerActive), waste: v(t.waste) })),
    };
  });
}
