// Offboarding evidence for auditors (issue 13): per leaver, when each seat went, by which commit and
// pull request, and how many days after the last day; per fiscal quarter, the share of leavers whose
// seats all went within `policies.offboarding.removal_days`. One definition: report, history and site present it.
import type { HistoryEvent } from '../../history/history.ts';
import type { Inventory } from '../../inventory/model.ts';
import type { IsoDate } from '../../util/dates.ts';
import { removalDays } from '../access.ts';
import { leaverEvidence, LOOKBACK_DAYS } from './leavers.ts';
import { quarterly } from './quarters.ts';
import type { Offboarding } from './types.ts';

export type * from './types.ts';

/**
 * The evidence as of `today`, from the inventory (who left, which seats they still hold) and its
 * history events (oldest or newest first: which commit removed each seat). Pure.
 */
export function offboarding(inv: Inventory, events: readonly HistoryEvent[], today: IsoDate, timeZone: string): Offboarding {
  const policy = removalDays(inv) ?? null;
  const { leavers, leaving } = leaverEvidence(inv, events, today, timeZone, policy);
  return { today, timeZone, removalDays: policy, lookbackDays: LOOKBACK_DAYS, leavers, leaving, quarters: quarterly(leavers, inv.org?.data.fiscal_year_start ?? '01-01', policy) };
}
