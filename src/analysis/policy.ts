import type { License, Org, ReclaimPolicy, RenewalPolicy } from '../inventory/schema/index.ts';

export type EffectiveReclaim = Required<ReclaimPolicy>;
export type EffectiveRenewal = Required<RenewalPolicy>;

/** Defaults used when neither org.yaml nor the license says otherwise. */
export const RECLAIM_DEFAULTS: EffectiveReclaim = { enabled: true, inactive_days: 60, grace_days: 14, min_tenure_days: 30, exempt_people: [], exempt_departments: [] };
export const RENEWAL_DEFAULTS: EffectiveRenewal = { reminder_days: [90, 60, 30, 14, 7], decision_window_days: 90, usage_window_days: 90, headroom_percent: 10 };

/** The reclaim policy of a license: its own settings over the org's over the defaults; exemptions add up. */
export function reclaimPolicy(org: Org | undefined, license: License): EffectiveReclaim {
  const o = org?.policies?.reclaim ?? {};
  const l = license.reclaim ?? {};
  return {
    ...RECLAIM_DEFAULTS,
    ...o,
    ...l,
    exempt_people: [...new Set([...(o.exempt_people ?? []), ...(l.exempt_people ?? [])])],
    exempt_departments: [...new Set([...(o.exempt_departments ?? []), ...(l.exempt_departments ?? [])])],
  };
}

export function renewalPolicy(org: Org | undefined): EffectiveRenewal {
  return { ...RENEWAL_DEFAULTS, ...(org?.policies?.renewal ?? {}) };
}
