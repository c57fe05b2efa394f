// The renewals a forecast assumes, written as contracts: each term after the one in force becomes
// a contract that names the one before it in `previous:`, so the accrual of `lac report --period`
// (src/analysis/period) prices every month, the known terms and the projected ones alike.
import type { Inventory, Rec } from '../../inventory/model.ts';
import type { Contract } from '../../inventory/schema/index.ts';
import { nextTerm } from '../../renewals/dates.ts';
import type { Renewal } from '../../renewals/plan.ts';
import type { IsoDate } from '../../util/dates.ts';
import { parseAmount } from '../../util/money.ts';
import { escalate, microsText } from './escalate.ts';
import { renewalQuantity, type KnownChanges } from './quantity.ts';

/** One projected renewal term of a contract. */
export interface ProjectedTerm {
  contract: string;
  /** 1 for the first renewal after the term in force, 2 for the next... */
  renewal: number;
  start: IsoDate;
  end: IsoDate;
  /** Times the escalator was applied to the written prices. */
  escalations: number;
  lines: Array<{ license: string; tier: string; quantity: number | 'unlimited'; unitPrice: string }>;
}

/** The ID a projected term gets in the projected inventory. */
export const projectedId = (contract: string, renewal: number) => `${contract}~renewal-${renewal}`;

/** The contract a (projected) contract ID belongs to. */
export const baseContract = (id: string) => id.replace(/~renewal-\d+$/, '');

/**
 * The inventory with the renewals assumed up to `until`: a contract renews at the end of its term
 * in force unless its renewal decision is cancel, it already has a successor, or its term ended
 * before today without renewing (it is not auto-renewing). Prices are escalated once per renewal
 * since the written term (a contract that rolled past its written end has renewed already).
 */
export function projectInventory(inv: Inventory, renewals: readonly Renewal[], known: KnownChanges, until: IsoDate): { inventory: Inventory; terms: ProjectedTerm[] } {
  const contracts = new Map(inv.contracts);
  const terms: ProjectedTerm[] = [];
  for (const r of renewals) {
    if (r.dates.status === 'cancelled' || r.dates.status === 'expired' || r.dates.status === 'renewed' || r.successors.length > 0) continue;
    const c = r.contract.data;
    let term = r.dates.next;
    let previous = c.id;
    for (let k = 1; term.start <= until; k++) {
      const escalations = r.dates.rolls + k;
      const lines = c.lines.map((line, i) => ({ ...line, quantity: renewalQuantity(line, r.lines[i], known, term.start), unit_price: microsText(escalate(parseAmount(line.unit_price), c.escalator, escalations)) }));
      const id = projectedId(c.id, k);
      const data: Contract = { ...c, id, start: term.start, end: term.end, auto_renew: false, renewal: undefined, previous, lines };
      contracts.set(id, { data, src: r.contract.src } satisfies Rec<Contract>);
      terms.push({ contract: c.id, renewal: k, start: term.start, end: term.end, escalations: c.escalator ? escalations : 0, lines: lines.map((l) => ({ license: l.license, tier: l.tier, quantity: l.quantity, unitPrice: String(l.unit_price) })) });
      previous = id;
      term = nextTerm(c, term);
    }
  }
  return { inventory: { ...inv, contracts }, terms };
}
