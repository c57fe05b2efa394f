// The site's domain data ("the whole data as JSON"): plain values, amounts as decimal strings in
// the org currency, dates as ISO dates.
import type { EvidencePack } from '../../analysis/evidence/index.ts';
import type { SiteCommit } from './commits.ts';
import type { Offboarding } from '../../analysis/offboarding/index.ts';
import type { DiscoveryView } from './discovery.ts';
import type { Finding } from '../../findings/finding.ts';
import type { HistoryEvent } from '../../history/history.ts';
import type { distributionJson } from '../../renewals/format.ts';
import type { PositionJson } from '../../report/position.ts';
import type { ForecastView } from '../../report/forecast/view.ts';

export interface Provenance {
  /** The commit the site was built from; null outside a git repository. */
  commit: string | null;
  commitDate: string | null;
  /** True when inventory/ had uncommitted changes (they are not in the site). */
  dirty: boolean;
  builtAt: string;
  version: string;
  /** The day figures are computed for. */
  today: string;
  /** Web address of the repository, when known (GITHUB_* variables or the origin remote). */
  repoUrl: string | null;
  /** Path of the license repository inside the git repository ("" or "licenses/"): file links need it. */
  prefix: string;
}

export interface OrgInfo {
  name: string;
  currency: string;
  timezone: string;
  fiscalYearStart: string;
}

export interface TierFigures {
  id: string;
  name: string;
  /** Seats bought; null when no contract in force names the tier; "unlimited" for site terms. */
  entitled: number | 'unlimited' | null;
  assigned: number;
  /** Seats with recent activity; null without a usage snapshot. */
  active: number | null;
  /** Seats without activity past the policy, without an account, or held by a leaver. */
  inactive: number;
  /** Seats whose use is not known, and why (the report's figure): never shown as idle or as 0. */
  unknown: number;
  unknownReason: string | null;
  /** Seats already cancelled at the vendor, ending soon: neither in use nor idle. */
  cancelling: number;
  /** Seats bought that nobody holds; null when seats are not counted one by one. */
  unassigned: number | null;
  /** Active seats per seat bought, in percent (the report's utilization). */
  utilization: number | null;
  annualCost: string;
  /** Why the cost cannot be computed (no price, no exchange rate): shown instead of the amounts, never as 0. */
  costUnknown: string | null;
  costPerActive: string | null;
  waste: string;
}

/** Why part of a summed amount cannot be computed (no price, no exchange rate): the amount is the known part; `whole`: nothing of it is known. */
export interface UnknownInfo {
  reason: string;
  whole: boolean;
}

export interface LicenseFigures {
  id: string;
  name: string;
  vendor: string;
  type: string;
  owner: string | null;
  retired: string | null;
  tiers: TierFigures[];
  /** Finite seats bought across tiers; null when none is counted. */
  entitled: number | null;
  /** Seats assigned in those counted tiers (the report's `countedAssigned`): what `entitled` is compared with. */
  countedAssigned: number;
  unlimited: boolean;
  assigned: number;
  active: number | null;
  inactive: number;
  unknown: number;
  /** Why use is unknown, per tier ("tier: reason"); null when it is known for every seat. */
  unknownReason: string | null;
  cancelling: number;
  /** Why some tier's cost is unknown ("tier: reason"); null when every cost is known. */
  costUnknown: string | null;
  /** The same for the annual cost and waste sums (the report's `totals.annualCost.unknown`). */
  annualCostUnknown: UnknownInfo | null;
  /** Assigned seats per seat bought, over the counted tiers (0..n); null when nothing is counted. */
  assignedShare: number | null;
  annualCost: string;
  waste: string;
  usageTaken: string | null;
  /** The usage snapshot file the active and idle figures come from (optional: site data written before issue 15 lacks it). */
  usageFile?: string | null;
  /** The records each tier's seats bought, annual cost and waste were computed from (the report's sources). */
  sources: { tier: string; figure: string; file: string; line: number | null; what: string }[];
}

export interface SeatRow {
  license: string;
  tier: string;
  person: string | null;
  device: string | null;
  since: string;
  /** Activity per the latest snapshot (active, inactive, never, no-account, unknown), or "left". */
  state: string;
  /** How the report counts it: active, inactive, cancelling or unknown. */
  use: string;
  /** The holder's leaver status (src/analysis/leaver.ts): left, leaving (on a day ahead), or null. */
  leaver: 'left' | 'leaving' | null;
  lastActive: string | null;
  file: string;
  line: number;
}

export interface ContractInfo {
  id: string;
  vendor: string;
  title: string | null;
  owner: string | null;
  currency: string;
  start: string;
  end: string | null;
  autoRenew: boolean;
  notice: string | null;
  billing: string | null;
  po: string | null;
  /** The vendor's order form or quote number. */
  order: string | null;
  signed: string | null;
  signedBy: string | null;
  /** The contract's notes and its renewal decision's notes, as written. */
  notes: string | null;
  renewalNotes: string | null;
  previous: string | null;
  successor: string | null;
  /** Where the term stands: future, current, rolled, expired, perpetual. */
  state: string;
  /** Where the renewal stands (src/renewals): upcoming, notice-window, past-cancel-by, expired, renewed, cancelled; perpetual when no term. */
  status: string;
  termStart: string | null;
  termEnd: string | null;
  cancelBy: string | null;
  /** The day the renewal decision is due (cancel-by minus the decision window), as `lac renewals` and check show it. */
  decisionDue: string | null;
  renewal: string | null;
  decision: string;
  annualCost: string;
  /** Why the annual cost in the org currency is unknown (no exchange rate for the contract's currency); null when it is known. */
  costUnknown: UnknownInfo | null;
  /** Annual cost at the quantities `lac renewals` recommends for the next term. */
  recommendedCost: string | null;
  licenses: string[];
  /** `why`: the steps of the recommendation; `distribution`: a concurrent tier's peak distribution it was sized by (as in `lac renewals --format json`). */
  lines: { license: string; tier: string; quantity: number | 'unlimited'; unitPrice: string; period: string; annualCost: string; recommended: number | 'unlimited' | null; why: string; distribution: ReturnType<typeof distributionJson> | null }[];
  documents: { title: string; url: string }[];
  file: string;
}

export interface PersonInfo {
  id: string;
  name: string;
  email: string;
  department: string | null;
  costCentre: string | null;
  status: string;
  start: string | null;
  end: string | null;
  /** Leaver status on the site's day: left, leaving (end date ahead), or null. */
  leaver: 'left' | 'leaving' | null;
  manager: string | null;
  title: string | null;
  seats: number;
}

export interface VendorInfo {
  id: string;
  name: string;
  website: string | null;
  accountId: string | null;
  contacts: { name: string; role: string | null; email: string | null }[];
  annualCost: string;
  /** Why part of the annual cost is unknown (the report's vendor row). */
  costUnknown: UnknownInfo | null;
}

/** What one department or cost centre pays (the report's chargeback). */
export interface ChargeRow {
  key: string;
  name: string;
  seats: number;
  annualCost: string;
  waste: string;
  /** Annual cost per license. */
  licenses: Record<string, string>;
  /** Annual cost per cost centre (department rows) or per department (cost-centre rows). */
  across: Record<string, string>;
  /** Why part of the annual cost and waste is unknown (the report's); per license and per `across` key for the cells that have an unknown part. */
  costUnknown: UnknownInfo | null;
  licensesUnknown: Record<string, UnknownInfo>;
  acrossUnknown: Record<string, UnknownInfo>;
}

/** A department's or cost centre's spend in a period (src/analysis/period). */
export interface PeriodRowInfo {
  key: string;
  name: string;
  seatDays: number;
  amount: string;
  licenses: Record<string, string>;
  across: Record<string, string>;
  /** Why part of the spend is unknown (a contract without an exchange rate), per row and per cell. */
  unknown: UnknownInfo | null;
  licensesUnknown: Record<string, UnknownInfo>;
  acrossUnknown: Record<string, UnknownInfo>;
}

/** A fiscal year's spend (`lac report --period YEAR`), with its months. */
export interface FiscalYearSpend {
  year: number;
  label: string;
  from: string;
  to: string;
  total: string;
  totalUnknown: UnknownInfo | null;
  /** Seat holders from git history, or from today's assignments only. */
  basis: 'history' | 'assignments';
  accrual: string;
  allocation: string;
  lines: { contract: string; line: number; vendor: string; license: string; tier: string; amount: string; unknown: UnknownInfo | null }[];
  licenses: { id: string; amount: string; unknown: UnknownInfo | null }[];
  vendors: { id: string; amount: string; unknown: UnknownInfo | null }[];
  departments: PeriodRowInfo[];
  costCentres: PeriodRowInfo[];
  /** Each month's total and its department and cost-centre amounts (key → amount). */
  months: { label: string; from: string; to: string; total: string; departments: Record<string, string>; costCentres: Record<string, string>; totalUnknown: UnknownInfo | null; departmentsUnknown: Record<string, UnknownInfo>; costCentresUnknown: Record<string, UnknownInfo> }[];
  problems: string[];
}

/** Savings realised by reclaim commits this fiscal year (the report's figure). */
export interface Savings {
  since: string | null;
  seats: number;
  total: string;
  items: { date: string; commit: string; license: string; holder: string; tier: string; to: string | null; annual: string }[];
}

/** The inventory as it stood on a day, from the commit in force then. */
export interface Snapshot {
  date: string;
  kind: 'month-end' | 'fiscal-year-end';
  commit: string;
  commitDate: string;
  licenses: LicenseFigures[];
  contracts: string[];
  /** Every seat held then; empty when there were more than SEAT_LIST_LIMIT (the counts stay). */
  seats: SeatRow[];
  seatCount: number;
  annualCost: string;
}

export interface SiteModel {
  provenance: Provenance;
  org: OrgInfo;
  licenses: LicenseFigures[];
  seats: SeatRow[];
  contracts: ContractInfo[];
  vendors: VendorInfo[];
  /** The effective license position (`lac position --format json`), as of `provenance.today` at the commit. */
  position: PositionJson;
  people: PersonInfo[];
  departments: { id: string; name: string; costCentre: string | null; head: string | null }[];
  /** `method`: how money is shared out and rounded, as the page states it. */
  chargeback: { departments: ChargeRow[]; costCentres: ChargeRow[]; method: string };
  savings: Savings;
  /** Spend per fiscal year, oldest first. */
  spend: FiscalYearSpend[];
  /** Contracts whose cancel-by date lies ahead and that still renew, soonest first. */
  upcoming: string[];
  findings: Finding[];
  events: HistoryEvent[];
  /** Author, committer, message and diff of each commit that changed the inventory (src/site/model/commits.ts). */
  commits?: Record<string, SiteCommit>;
  /** Leavers' seat removals and quarterly timeliness (src/analysis/offboarding); null without git history. */
  offboarding: Offboarding | null;
  /** Evidence packs per fiscal year and quarter with history (src/analysis/evidence); null without git history. */
  evidence: EvidencePack[] | null;
  /** Undeclared apps and spend outside contracts (src/analysis/discovery); null without discovery snapshots. */
  discovery: DiscoveryView | null;
  snapshots: Snapshot[];
  /** The next 12 months' spend, seat demand and headcount with the back-test: exactly `lac forecast --backtest --format json`. */
  forecast: ForecastView;
  /** Inventory files at the commit (for the source view when the repository has no web address). */
  files: string[];
}
