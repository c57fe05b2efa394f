// The site's domain data ("the whole data as JSON"): plain values, amounts as decimal strings in
// the org currency, dates as ISO dates.
import type { Finding } from '../../findings/finding.ts';
import type { HistoryEvent } from '../../history/history.ts';

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
  inactive: number | null;
  /** Annual cost of one seat (org currency), when seats cost one by one. */
  unitCost: string | null;
  annualCost: string;
  waste: string;
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
  unlimited: boolean;
  assigned: number;
  active: number | null;
  /** assigned / entitled over the counted tiers, 0..n; null when nothing is counted. */
  utilization: number | null;
  annualCost: string;
  waste: string;
  usageTaken: string | null;
}

export interface SeatRow {
  license: string;
  tier: string;
  person: string | null;
  device: string | null;
  since: string;
  state: string;
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
  previous: string | null;
  successor: string | null;
  state: string;
  termStart: string | null;
  termEnd: string | null;
  cancelBy: string | null;
  renewal: string | null;
  decision: string;
  annualCost: string;
  licenses: string[];
  lines: { license: string; tier: string; quantity: number | 'unlimited'; unitPrice: string; period: string; annualCost: string }[];
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
}

export interface ChargeRow {
  costCentre: string;
  department: string | null;
  license: string;
  tier: string;
  seats: number;
  annualCost: string;
}

export interface Savings {
  /** Total realised in the last 12 months. */
  total: string;
  items: { date: string; contract: string; previous: string | null; kind: 'renewed-smaller' | 'cancelled'; amount: string }[];
}

/** The inventory as it stood on a day, from the commit in force then. */
export interface Snapshot {
  date: string;
  kind: 'month-end' | 'fiscal-year-end';
  commit: string;
  commitDate: string;
  licenses: LicenseFigures[];
  contracts: string[];
  seats: SeatRow[];
  annualCost: string;
}

export interface SiteModel {
  provenance: Provenance;
  org: OrgInfo;
  licenses: LicenseFigures[];
  seats: SeatRow[];
  contracts: ContractInfo[];
  vendors: VendorInfo[];
  people: PersonInfo[];
  departments: { id: string; name: string; costCentre: string | null; head: string | null }[];
  chargeback: ChargeRow[];
  savings: Savings;
  findings: Finding[];
  events: HistoryEvent[];
  snapshots: Snapshot[];
  /** Inventory files at the commit (for the source view when the repository has no web address). */
  files: string[];
}
