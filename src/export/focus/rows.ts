// One FOCUS 1.2 row per charge (contract line × calendar month × department and cost centre),
// from src/analysis/period/charges.ts. Choices the specification leaves to the data's maker:
// - Costs are in the contract's currency (BillingCurrency: what the vendor invoices in); the
//   same charge in the org currency, as `lac report --period` counts it, is x_LacReportCost.
// - Spend is accrued (src/analysis/period/accrual.ts), not invoiced: a charge period is a
//   calendar month (cut to the period asked for) and its billing period is that whole month,
//   whatever the contract's billing_period; lac knows no invoice, so InvoiceId is left out.
//   BilledCost = EffectiveCost = ContractedCost: the price agreed, with nothing to amortize.
// - ChargeCategory "Usage" for usage-based licenses, else "Purchase"; ConsumedQuantity is
//   therefore null on purchases, as the specification requires.
// - PricingQuantity is seat-days (PricingUnit "Seat-Days"): the days the group held the line's
//   seats (seats nobody held go to the "(unassigned)" group), so rows add up across groups.
import type { Inventory } from '../../inventory/model.ts';
import type { Charge } from '../../analysis/period/charges.ts';
import { addDays, addMonths } from '../../util/dates.ts';
import { toDecimal } from '../../util/money.ts';
import { serviceCategory } from './service.ts';

/** A FOCUS cell: decimals as exact strings, null for an empty cell. */
export type Cell = string | null;
export type FocusRow = Record<string, Cell>;

/** The columns, in the order written: the specification's, then lac's own (x_). */
export const FOCUS_COLUMNS = [
  'BilledCost', 'BillingAccountId', 'BillingAccountName', 'BillingCurrency', 'BillingPeriodEnd', 'BillingPeriodStart',
  'ChargeCategory', 'ChargeClass', 'ChargeDescription', 'ChargeFrequency', 'ChargePeriodEnd', 'ChargePeriodStart',
  'ConsumedQuantity', 'ConsumedUnit', 'ContractedCost', 'EffectiveCost', 'InvoiceIssuerName', 'ListCost',
  'PricingCategory', 'PricingQuantity', 'PricingUnit', 'ProviderName', 'PublisherName',
  'ServiceCategory', 'ServiceName', 'ServiceSubcategory', 'SkuId', 'SkuPriceId', 'Tags',
  'x_LacContractId', 'x_LacContractLine', 'x_LacLicenseId', 'x_LacTier', 'x_LacVendorId', 'x_LacDepartment', 'x_LacCostCentre',
  'x_LacSeats', 'x_LacUnitPrice', 'x_LacPricePeriod', 'x_LacReportCost', 'x_LacReportCurrency', 'x_LacSourceFile', 'x_LacSourceLine', 'x_LacCommit',
] as const;

/** A day as the FOCUS date/time of its start (UTC). */
const instant = (day: string): string => `${day}T00:00:00Z`;

/** The FOCUS row of one charge; `commit` is the commit the inventory was read at, when known. */
export function focusRow(inv: Inventory, c: Charge, reportCurrency: string, commit: string | null): FocusRow {
  const { spend, data: line, contract } = c.line;
  const license = inv.licenses.get(spend.license)?.data;
  const tier = license?.tiers.find((t) => t.id === spend.tier);
  const vendor = inv.vendors.get(spend.vendor)?.data;
  const vendorName = vendor?.name ?? spend.vendor;
  const usage = license?.type === 'usage-based';
  const period = line.price_period ?? 'year';
  const cur = contract.currency;
  const money = (m: bigint) => toDecimal(m, cur);
  const month = `${c.period.from.slice(0, 7)}-01`;
  const service = serviceCategory(spend.vendor);
  const quantity = String(c.seatDays);
  return {
    BilledCost: money(c.billed),
    BillingAccountId: vendor?.account_id ?? contract.id,
    BillingAccountName: contract.title ?? contract.id,
    BillingCurrency: cur,
    BillingPeriodEnd: instant(addMonths(month, 1)),
    BillingPeriodStart: instant(month),
    ChargeCategory: usage ? 'Usage' : 'Purchase',
    ChargeClass: null,
    ChargeDescription: `${license?.name ?? spend.license} ${tier?.name ?? spend.tier}: ${line.quantity} × ${line.unit_price} ${cur} per ${period}`,
    ChargeFrequency: usage ? 'Usage-Based' : period === 'one-time' ? 'One-Time' : 'Recurring',
    ChargePeriodEnd: instant(addDays(c.period.to, 1)),
    ChargePeriodStart: instant(c.period.from),
    ConsumedQuantity: usage ? quantity : null,
    ConsumedUnit: usage ? 'Seat-Days' : null,
    ContractedCost: money(c.billed),
    EffectiveCost: money(c.billed),
    InvoiceIssuerName: vendorName,
    ListCost: money(c.list),
    PricingCategory: 'Standard',
    PricingQuantity: quantity,
    PricingUnit: 'Seat-Days',
    ProviderName: vendorName,
    PublisherName: vendorName,
    ServiceCategory: service.category,
    ServiceName: license?.name ?? spend.license,
    ServiceSubcategory: service.subcategory,
    SkuId: `${spend.license}/${spend.tier}`,
    SkuPriceId: `${spend.license}/${spend.tier}@${contract.id}#${spend.line}`,
    Tags: JSON.stringify({ 'lac:department': c.payers.department.key, 'lac:cost-centre': c.payers.costCentre.key }),
    x_LacContractId: contract.id,
    x_LacContractLine: String(spend.line),
    x_LacLicenseId: spend.license,
    x_LacTier: spend.tier,
    x_LacVendorId: spend.vendor,
    x_LacDepartment: c.payers.department.key,
    x_LacCostCentre: c.payers.costCentre.key,
    x_LacSeats: String(line.quantity),
    x_LacUnitPrice: String(line.unit_price),
    x_LacPricePeriod: period,
    x_LacReportCost: c.report === null ? null : toDecimal(c.report, reportCurrency),
    x_LacReportCurrency: reportCurrency,
    x_LacSourceFile: spend.source.file,
    x_LacSourceLine: spend.source.line === undefined ? null : String(spend.source.line),
    x_LacCommit: commit,
  };
}
