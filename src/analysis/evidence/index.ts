// Evidence packs (issue 15): per fiscal year or quarter, the rows of the four controls an auditor
// samples, each on its commit. Figures come from the analyses they belong to (offboarding, position);
// this module selects the period's rows. `lac evidence` and the site's /evidence/ pages present them.
import type { HistoryEvent } from '../../history/history.ts';
import type { IsoDate } from '../../util/dates.ts';
import type { Offboarding } from '../offboarding/index.ts';
import type { Period } from '../period/range.ts';
import type { Position } from '../position.ts';
import { accessRemoval } from './access.ts';
import { unreviewedChanges } from './changes.ts';
import { positionRows } from './position.ts';
import { renewalDecisions } from './renewals.ts';
import type { EvidencePack } from './types.ts';

export type * from './types.ts';
export { CONTROLS } from './types.ts';
export { evidencePeriods, periodKey } from './periods.ts';

/** The day the position is taken on: the period's last day, or today while it runs. */
export const positionDay = (p: Period, today: IsoDate): IsoDate => (p.to < today ? p.to : today);

/**
 * One period's pack. `offboarding` is the evidence as of today (the history's and inventory's
 * present); `position` the position on positionDay from the inventory at `asOfCommit` (null: no commit yet). Pure.
 */
export function evidencePack(args: { period: Period; today: IsoDate; timeZone: string; offboarding: Offboarding; events: readonly HistoryEvent[]; /** oldestFirst(events), made once for many packs */ commits?: readonly HistoryEvent[][]; position: Position | null; asOfCommit: string | null; currency: string }): EvidencePack {
  const { period, timeZone, events } = args;
  const { rows, counts } = unreviewedChanges(events, period, timeZone, args.commits);
  return {
    period, asOf: positionDay(period, args.today), asOfCommit: args.asOfCommit, currency: args.position?.currency ?? args.currency,
    removalDays: args.offboarding.removalDays?.value ?? null,
    access: accessRemoval(args.offboarding, events, period),
    position: args.position ? positionRows(args.position) : null,
    unreviewed: rows, reviews: counts,
    renewals: renewalDecisions(events, period, timeZone),
  };
}
