// Offboarding evidence for auditors (issue 13): per leaver, when each seat went, by which commit and
// pull request, and how many days after the last day; per fiscal quarter, the share of leavers whose
// seats all went within `policies.offboarding.removal_days`. One definition: report, history and site present it.
import type { HistoryEvent } from '../../history/history.ts';
import type { Inventory } from '../../inventory/model.ts';
import type { IsoDate } from '../../util/dates.ts';
import { removalDays } from '../access.ts';
import { figure, recordSource } from '../report/source.ts';
import { leaverEvidence, LOOKBACK_DAYS } from './leavers.ts';
import { quarterly } from './quarters.ts';
import type { Offboarding } from './types.ts';

export type * from './types.ts';

export const OFFBOARDING_METHOD = `A leaver's seats are those removed from ${LOOKBACK_DAYS} days before their last day (people.yaml end) on, and those they still hold; a seat is removed when a commit on the main line takes it out (a downgrade keeps the access, so it is no removal). Days are calendar days in the org time zone from the last day to the day the removal landed. A leaver is on time when every seat went within policies.offboarding.removal_days (none held counts as on time); the share counts leavers whose deadline has passed or whose seats are all gone, by the fiscal quarter of their last day; leavers whose last day is today or ahead are not counted yet, nor those who left before the first commit (their seats then are not in the history).`;

/**
 * The evidence as of `today`, from the inventory (who left, which seats they still hold) and its
 * history events (oldest or newest first: which commit removed each seat). Pure.
 */
export function offboarding(inv: Inventory, events: readonly HistoryEvent[], today: IsoDate, timeZone: string): Offboarding {
  const policy = removalDays(inv) ?? null;
  const { leavers, leaving, beforeHistory } = leaverEvidence(inv, events, today, timeZone, policy);
  return {
    today, timeZone,
    removalDays: policy === null || !inv.org ? null : figure(policy, [recordSource(inv.org, ['policies', 'offboarding', 'removal_days'], `seats go within ${policy} days of the last day`)]),
    method: OFFBOARDING_METHOD,
    leavers, leaving, beforeHistory, quarters: quarterly(leavers, inv.org?.data.fiscal_year_start ?? '01-01', policy),
  };
}
