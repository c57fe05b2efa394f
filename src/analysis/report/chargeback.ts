import type { Inventory } from '../../inventory/model.ts';
import type { Micros } from '../../util/money.ts';
import { PartialSum, partialSums } from '../money/unknown.ts';
import type { Leaf } from './leaves.ts';
import type { Payer } from './payers.ts';
import { figure, sumFigure, type Figure, type Source } from './source.ts';

export { DEVICES, NONE, UNASSIGNED } from './payers.ts';

/** Who pays: one department or cost centre, with the seats charged to it. */
export interface ChargeRow {
  /** Department ID or cost centre; `(none)` when the holder has none, `(devices)` for device seats, `(unassigned)` for seats nobody holds. */
  key: string;
  name: string;
  seats: Figure<number>;
  /** Its `unknown` says why part of the sum cannot be computed (src/analysis/money/unknown.ts); so for waste and every cell below. */
  annualCost: Figure<Micros>;
  waste: Figure<Micros>;
  /** Annual cost per license: the row's leaves of that license, so they add up to the row. */
  licenses: Record<string, Figure<Micros>>;
  /** Annual cost per cost centre (of a department row) or per department (of a cost-centre row), from the same leaves. */
  across: Record<string, Figure<Micros>>;
}

/** A row being summed from leaves, with no per-seat list: a department may hold 100,000 seats. */
class Acc {
  readonly name: string;
  seats = 0;
  readonly cost = new PartialSum();
  readonly waste = new PartialSum();
  readonly licenses = partialSums();
  readonly across = partialSums();
  readonly tiers = new Set<string>();
  readonly from = new Set<Source>();
  constructor(name: string) {
    this.name = name;
  }
  add(leaf: Leaf, payer: Payer, other: Payer): void {
    const why = leaf.costUnknown;
    this.across.at(other.key).add(leaf.cost, why);
    this.seats += leaf.held;
    this.cost.add(leaf.cost, why);
    // A share whose cost is unknown leaves the waste unknown too, wasted or not (its tier's row shows both as unknown).
    this.waste.add(leaf.wasted ? leaf.cost : 0n, why);
    this.licenses.at(leaf.license).add(leaf.cost, why);
    this.tiers.add(`${leaf.license}\u0000${leaf.tier}`);
    for (const s of payer.from) this.from.add(s);
  }
}

function rowsOf(inv: Inventory, accs: Map<string, Acc>, costSources: Map<string, Source[]>): ChargeRow[] {
  return [...accs.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, row]) => {
      const tiers = [...row.tiers];
      const cost = tiers.flatMap((t) => costSources.get(t) ?? []);
      const people = [...row.from];
      const seatsFrom = [...new Set(tiers.map((t) => t.split('\u0000')[0]!))].flatMap((l) => { const list = inv.assignments.get(l); return list ? [{ file: list.file, what: 'seats' }] : []; });
      const licenseCost = (l: string) => tiers.filter((t) => t.startsWith(`${l}\u0000`)).flatMap((t) => costSources.get(t) ?? []);
      return {
        key,
        name: row.name,
        seats: figure(row.seats, seatsFrom, people),
        annualCost: sumFigure(row.cost, cost, people),
        waste: sumFigure(row.waste, cost, people),
        licenses: Object.fromEntries(row.licenses.entries().map(([l, v]) => [l, sumFigure(v, licenseCost(l), people)])),
        across: Object.fromEntries(row.across.entries().map(([k, v]) => [k, sumFigure(v, cost, people)])),
      };
    });
}

/** Chargeback by department and by cost centre: sums of the allocated leaves, so every row and per-license cell adds up exactly. */
export function chargeback(inv: Inventory, leaves: readonly Leaf[], costSources: Map<string, Source[]>): { departments: ChargeRow[]; costCentres: ChargeRow[] } {
  const byDept = new Map<string, Acc>();
  const byCc = new Map<string, Acc>();
  const acc = (map: Map<string, Acc>, p: Payer): Acc => {
    let a = map.get(p.key);
    if (!a) map.set(p.key, (a = new Acc(p.name)));
    return a;
  };
  for (const leaf of leaves) {
    const { department: d, costCentre: c } = leaf.payers;
    acc(byDept, d).add(leaf, d, c);
    acc(byCc, c).add(leaf, c, d);
  }
  return { departments: rowsOf(inv, byDept, costSources), costCentres: rowsOf(inv, byCc, costSources) };
}
