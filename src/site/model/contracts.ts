import { annualLineCost } from '../../analysis/cost.ts';
import { successorsOf } from '../../analysis/entitlement.ts';
import { cancelBy, hasDecision, renewalDate, termStatus } from '../../analysis/terms.ts';
import type { Inventory } from '../../inventory/model.ts';
import type { Contract } from '../../inventory/schema/index.ts';
import type { IsoDate } from '../../util/dates.ts';
import { toDecimal } from '../../util/money.ts';
import { dec, inOrgCurrency } from './money.ts';
import type { ContractInfo } from './types.ts';

const noticeText = (n: Contract['notice']) => (!n ? null : 'days' in n ? `${n.days} days` : `${n.months} months`);

/** Every contract with its term, cancel-by date and decision on a day. */
export function contractInfos(inv: Inventory, today: IsoDate): ContractInfo[] {
  const successors = successorsOf(inv);
  return [...inv.contracts.values()]
    .sort((a, b) => (a.data.id < b.data.id ? -1 : 1))
    .map(({ data: c, src }): ContractInfo => {
      const status = termStatus(c, today);
      const succ = (successors.get(c.id) ?? []).map((s) => s.data.id).sort()[0] ?? null;
      const term = status.term;
      const lines = c.lines.map((l) => {
        const cost = annualLineCost(l, c);
        return { license: l.license, tier: l.tier, quantity: l.quantity, unitPrice: String(l.unit_price), period: l.price_period ?? 'year', annualCost: toDecimal(cost, c.currency) };
      });
      const annual = c.lines.reduce((s, l) => s + inOrgCurrency(inv, annualLineCost(l, c), c), 0n);
      return {
        id: c.id, vendor: c.vendor, title: c.title ?? null, owner: c.owner ?? null, currency: c.currency,
        start: c.start, end: c.end ?? null, autoRenew: c.auto_renew ?? false, notice: noticeText(c.notice),
        billing: c.billing_period ?? null, po: c.po_number ?? null, previous: c.previous ?? null, successor: succ,
        state: succ && status.state !== 'future' && status.state !== 'current' ? 'superseded' : status.state,
        termStart: term?.start ?? null, termEnd: term?.end ?? null,
        cancelBy: term ? cancelBy(term, c.notice) : null,
        renewal: term ? renewalDate(term) : null,
        decision: hasDecision(c, status) ? c.renewal!.decision : 'undecided',
        annualCost: dec(inv, annual),
        licenses: [...new Set(c.lines.map((l) => l.license))].sort(),
        lines,
        documents: c.documents ?? [],
        file: src.file,
      };
    });
}

/** Contracts whose cancel-by date is today or later and that still renew: the ones someone must decide on. */
export function upcomingCancelBy(contracts: ContractInfo[], today: IsoDate): ContractInfo[] {
  return contracts
    .filter((c) => c.cancelBy && c.cancelBy >= today && !c.successor && c.decision !== 'cancel' && c.state !== 'expired')
    .sort((a, b) => (a.cancelBy! < b.cancelBy! ? -1 : a.cancelBy! > b.cancelBy! ? 1 : a.id < b.id ? -1 : 1));
}
