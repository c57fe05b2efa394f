import { buildReport, type ChargeRow as ReportChargeRow, type Report } from '../../analysis/report/index.ts';
import { seatViews } from '../../analysis/report/seats.ts';
import { seatLoc, type Inventory } from '../../inventory/model.ts';
import type { IsoDate } from '../../util/dates.ts';
import { dec, unknownInfo, unknownInfos } from './money.ts';
import type { ChargeRow, LicenseFigures, SeatRow, TierFigures } from './types.ts';

const FIGURE_NAMES = { entitled: 'bought', annualCost: 'annual cost', waste: 'waste' } as const;

export interface Figures {
  report: Report;
  licenses: LicenseFigures[];
  seats: SeatRow[];
  /** Seats of the licenses reported (seats.length when the rows are made). */
  seatCount: number;
}

/**
 * The report's figures (`lac report`: src/analysis/report) of every license on a day, as plain values, with every
 * seat; with `seatRowsUpTo` the seats are only counted when there are more (a past day's view of a large
 * organization lists none), and with `chargeback: false` the report has no departments and cost centres.
 */
export function licenseFigures(inv: Inventory, today: IsoDate, o: { seatRowsUpTo?: number; chargeback?: boolean } = {}): Figures {
  const report = buildReport(inv, today, o.chargeback === false ? { chargeback: false } : {});
  const seats: SeatRow[] = [];
  const seatCount = report.licenses.reduce((n, l) => n + (inv.assignments.get(l.id)?.seats.length ?? 0), 0);
  const rows = seatCount <= (o.seatRowsUpTo ?? Infinity);
  const licenses = report.licenses.map((l): LicenseFigures => {
    const rec = inv.licenses.get(l.id)!;
    const list = inv.assignments.get(l.id);
    if (rows) for (const v of seatViews(inv, rec.data, today)) {
      seats.push({
        license: l.id, tier: v.seat.tier, person: v.seat.person ?? null, device: v.seat.device ?? null, since: v.seat.since,
        state: v.left ? 'left' : v.state, use: v.use, leaver: v.leaver?.state ?? null, lastActive: v.lastActive ?? null, file: list!.file, line: seatLoc(list!, v.i).line,
      });
    }
    const tiers = l.tiers.map((t): TierFigures => ({
      id: t.tier, name: t.name, entitled: t.entitled.value, assigned: t.assigned.value, active: t.active.value,
      inactive: t.inactive.value, unknown: t.unknown.value, unknownReason: t.unknownReason, cancelling: t.cancelling.value, unassigned: t.unassigned.value, utilization: t.utilization.value,
      annualCost: dec(inv, t.annualCost.value), costUnknown: t.costUnknown, costPerActive: t.costPerActive.value === null ? null : dec(inv, t.costPerActive.value), waste: dec(inv, t.waste.value),
    }));
    const counted = tiers.filter((t) => typeof t.entitled === 'number');
    const hasUsage = tiers.some((t) => t.active !== null);
    const costReasons = tiers.filter((t) => t.costUnknown !== null).map((t) => (tiers.length > 1 ? `${t.id}: ${t.costUnknown}` : t.costUnknown!));
    const reasons = tiers.filter((t) => t.unknownReason !== null && t.unknown > 0).map((t) => (tiers.length > 1 ? `${t.id}: ${t.unknownReason}` : t.unknownReason!));
    return {
      id: l.id, name: l.name, vendor: rec.data.vendor, type: l.type, owner: l.owner ?? null, retired: rec.data.retired ?? null,
      tiers,
      entitled: counted.length ? l.totals.entitled.value : null,
      countedAssigned: l.totals.countedAssigned.value,
      unlimited: l.totals.unlimited,
      assigned: l.totals.assigned.value,
      active: hasUsage ? l.totals.active.value : null,
      inactive: l.totals.inactive.value,
      unknown: l.totals.unknown.value,
      unknownReason: reasons.length ? reasons.join('; ') : null,
      cancelling: l.totals.cancelling.value,
      costUnknown: costReasons.length ? costReasons.join('; ') : null,
      annualCostUnknown: unknownInfo(l.totals.annualCost.unknown),
      assignedShare: counted.length && l.totals.entitled.value > 0 ? l.totals.countedAssigned.value / l.totals.entitled.value : null,
      annualCost: dec(inv, l.totals.annualCost.value),
      waste: dec(inv, l.totals.waste.value),
      usageTaken: inv.usage.get(l.id)?.data.taken ?? null,
      usageFile: inv.usage.get(l.id)?.src.file ?? null,
      sources: l.tiers.flatMap((t) => (['entitled', 'annualCost', 'waste'] as const).flatMap((figure) =>
        t[figure].from.map((s) => ({ tier: t.tier, figure: FIGURE_NAMES[figure], file: s.file, line: s.line ?? null, what: s.what })))),
    };
  });
  return { report, licenses, seats, seatCount };
}

/** Chargeback rows of the report, amounts as decimals. */
export function chargeRows(inv: Inventory, rows: ReportChargeRow[]): ChargeRow[] {
  return rows.map((r) => ({
    key: r.key, name: r.name, seats: r.seats.value, annualCost: dec(inv, r.annualCost.value), waste: dec(inv, r.waste.value),
    licenses: Object.fromEntries(Object.entries(r.licenses).map(([k, v]) => [k, dec(inv, v.value)])),
    across: Object.fromEntries(Object.entries(r.across).map(([k, v]) => [k, dec(inv, v.value)])),
    costUnknown: unknownInfo(r.annualCost.unknown), licensesUnknown: unknownInfos(r.licenses), acrossUnknown: unknownInfos(r.across),
  }));
}
