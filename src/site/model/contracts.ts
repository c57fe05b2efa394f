import { annualLineCost } from '../../analysis/cost.ts';
import { successorsOf } from '../../analysis/entitlement.ts';
import { termStatus } from '../../analysis/terms.ts';
import type { Inventory } from '../../inventory/model.ts';
import type { Contract } from '../../inventory/schema/index.ts';
import { distributionJson } from '../../renewals/format.ts';
import type { Renewal } from '../../renewals/plan.ts';
import type { IsoDate } from '../../util/dates.ts';
import { toDecimal } from '../../util/money.ts';
import { roundToMinor } from '../../analysis/money/allocate.ts';
import { dec, inOrgCurrency, orgCurrency, rateMissing } from './money.ts';
import type { ContractInfo } from './types.ts';

const noticeText = (n: Contract['notice']) => (!n ? null : 'days' in n ? `${n.days} days` : `${n.months} months`);

/** Every contract with its term and, from the renewal plan (`lac renewals`), its cancel-by date, status and decision. */
export function contractInfos(inv: Inventory, today: IsoDate, renewals: Renewal[]): ContractInfo[] {
  const successors = successorsOf(inv);
  const plan = new Map(renewals.map((r) => [r.id, r]));
  return [...inv.contracts.values()]
    .sort((a, b) => (a.data.id < b.data.id ? -1 : 1))
    .map(({ data: c, src }): ContractInfo => {
      const r = plan.get(c.id);
      const status = termStatus(c, today);
      const succ = (successors.get(c.id) ?? []).map((s) => s.data.id).sort()[0] ?? null;
      const lines = c.lines.map((l, i) => ({
        license: l.license, tier: l.tier, quantity: l.quantity, unitPrice: String(l.unit_price), period: l.price_period ?? 'year',
        annualCost: toDecimal(annualLineCost(l, c), c.currency),
        recommended: r?.lines[i]?.recommended ?? null,
        why: r?.lines[i]?.reasoning.join('; ') ?? '',
        distribution: r?.lines[i]?.distribution ? distributionJson(r.lines[i]!.distribution!) : null,
      }));
      // Each line rounded to the minor unit first, so that (in one currency) the lines add up to the contract.
      const annual = c.lines.reduce((s, l) => s + roundToMinor(inOrgCurrency(inv, annualLineCost(l, c), c), orgCurrency(inv)), 0n);
      return {
        id: c.id, vendor: c.vendor, title: c.title ?? null, owner: r?.owner?.id ?? c.owner ?? null, currency: c.currency,
        start: c.start, end: c.end ?? null, autoRenew: c.auto_renew ?? false, notice: noticeText(c.notice),
        billing: c.billing_period ?? null, po: c.po_number ?? null,
        order: c.order_number ?? null, signed: c.signed ?? null, signedBy: c.signed_by ?? null, notes: c.notes ?? null, renewalNotes: c.renewal?.notes ?? null,
        previous: c.previous ?? null, successor: succ,
        state: status.state, status: r?.dates.status ?? (c.end ? 'expired' : 'perpetual'),
        termStart: r?.dates.term.start ?? null, termEnd: r?.dates.term.end ?? null,
        cancelBy: r?.dates.cancelBy ?? null, decisionDue: r?.dates.decisionDue ?? null, renewal: r?.dates.renewal ?? null,
        decision: r?.dates.decision ?? c.renewal?.decision ?? 'undecided',
        annualCost: dec(inv, annual),
        costUnknown: rateMissing(inv, c.currency) ? { reason: `no exchange rate for ${c.currency} in org.yaml (exchange_rates)`, whole: true } : null,
        recommendedCost: r?.cost ? dec(inv, r.cost.recommended) : null,
        licenses: [...new Set(c.lines.map((l) => l.license))].sort(),
        lines,
        documents: c.documents ?? [],
        file: src.file,
      };
    });
}

/** Renewals whose cancel-by date is today or later and that still renew or end: the ones someone must decide on. */
export function upcomingCancelBy(renewals: Renewal[], today: IsoDate): string[] {
  return renewals.filter((r) => (r.dates.status === 'upcoming' || r.dates.status === 'notice-window') && r.dates.cancelBy >= today).map((r) => r.id);
}
