import { buildReport, type ChargeRow as ReportChargeRow, type Report } from '../../analysis/report/index.ts';
import { seatViews } from '../../analysis/report/seats.ts';
import { seatLoc, type Inventory } from '../../inventory/model.ts';
import type { IsoDate } from '../../util/dates.ts';
import { dec } from './money.ts';
import type { ChargeRow, LicenseFigures, SeatRow, TierFigures } from './types.ts';

const FIGURE_NAMES = { entitled: 'bought', annualCost: 'annual cost', waste: 'waste' } as const;

export interface Figures {
  report: Report;
  licenses: LicenseFigures[];
  seats: SeatRow[];
}

/** The report's figures (`lac report`: src/analysis/report) of every license on a day, as plain values, with every seat. */
export function licenseFigures(inv: Inventory, today: IsoDate): Figures {
  const report = buildReport(inv, today);
  const seats: SeatRow[] = [];
  const licenses = report.licenses.map((l): LicenseFigures => {
    const rec = inv.licenses.get(l.id)!;
    const list = inv.assignments.get(l.id);
    for (const v of seatViews(inv, rec.data, list, today)) {
      seats.push({
        license: l.id, tier: v.seat.tier, person: v.seat.person ?? null, device: v.seat.device ?? null, since: v.seat.since,
        state: v.left ? 'left' : v.state, use: v.use, lastActive: v.lastActive ?? null, file: list!.file, line: seatLoc(list!, v.i).line,
      });
    }
    const tiers = l.tiers.map((t): TierFigures => ({
      id: t.tier, name: t.name, entitled: t.entitled.value, assigned: t.assigned.value, active: t.active.value,
      inactive: t.inactive.value, unassigned: t.unassigned.value, utilization: t.utilization.value,
      annualCost: dec(inv, t.annualCost.value), costPerActive: t.costPerActive.value === null ? null : dec(inv, t.costPerActive.value), waste: dec(inv, t.waste.value),
    }));
    const counted = tiers.filter((t) => typeof t.entitled === 'number');
    const hasUsage = tiers.some((t) => t.active !== null);
    const countedAssigned = counted.reduce((n, t) => n + t.assigned, 0);
    return {
      id: l.id, name: l.name, vendor: rec.data.vendor, type: l.type, owner: l.owner ?? null, retired: rec.data.retired ?? null,
      tiers,
      entitled: counted.length ? l.totals.entitled.value : null,
      unlimited: tiers.some((t) => t.entitled === 'unlimited'),
      assigned: l.totals.assigned.value,
      active: hasUsage ? l.totals.active.value : null,
      inactive: l.totals.inactive.value,
      assignedShare: counted.length && l.totals.entitled.value > 0 ? countedAssigned / l.totals.entitled.value : null,
      annualCost: dec(inv, l.totals.annualCost.value),
      waste: dec(inv, l.totals.waste.value),
      usageTaken: inv.usage.get(l.id)?.data.taken ?? null,
      sources: l.tiers.flatMap((t) => (['entitled', 'annualCost', 'waste'] as const).flatMap((figure) =>
        t[figure].from.map((s) => ({ tier: t.tier, figure: FIGURE_NAMES[figure], file: s.file, line: s.line ?? null, what: s.what })))),
    };
  });
  return { report, licenses, seats };
}

/** Chargeback rows of the report, amounts as decimals. */
export function chargeRows(inv: Inventory, rows: ReportChargeRow[]): ChargeRow[] {
  return rows.map((r) => ({
    key: r.key, name: r.name, seats: r.seats.value, annualCost: dec(inv, r.annualCost.value), waste: dec(inv, r.waste.value),
    licenses: Object.fromEntries(Object.entries(r.licenses).map(([k, v]) => [k, dec(inv, v.value)])),
    across: Object.fromEntries(Object.entries(r.across).map(([k, v]) => [k, dec(inv, v.value)])),
  }));
}
