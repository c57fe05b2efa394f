import type { ChangeApproval } from '../../history/approval.ts';
import type { IsoDate } from '../../util/dates.ts';
import type { Period } from '../period/range.ts';

/** The four controls an auditor samples, in the order the packs list them. */
export const CONTROLS = ['access-removal', 'license-position', 'unreviewed-changes', 'renewal-decisions'] as const;
export type Control = (typeof CONTROLS)[number];

/** A commit on the main line that a row rests on, with its pull request and review record. */
export interface ChangeRef {
  commit: string;
  /** The day it landed, in the org time zone. */
  on: IsoDate;
  pr: number | null;
  author: string;
  /** Null: the review record was not looked up (no API access at build time). */
  approval: ChangeApproval | null;
}

/** (a) One seat of a leaver whose last day is in the period (a leaver without seats has one row, seat null). */
export interface AccessRow {
  person: string;
  name: string;
  end: IsoDate;
  seat: { license: string; tier: string } | null;
  /** The commit that removed the seat; null while it is held. */
  removal: ChangeRef | null;
  /** Days from the last day to the removal (or to today while held); null without a seat. */
  days: number | null;
  /** The seat's status and the leaver's verdict, as src/analysis/offboarding words them. */
  status: string;
  verdict: string;
  /** The assignments file (and line, while held) the seat is recorded in. */
  file: string;
  line: number | null;
}

/** (b) One license tier of the position on the period's last day (src/analysis/position.ts). */
export interface PositionRow {
  vendor: string;
  license: string;
  tier: string;
  entitled: number | 'unlimited' | null;
  deployed: number | null;
  /** entitled − deployed; negative a shortfall. */
  balance: number | null;
  /** The shortfall at the contract price, a decimal in the org currency; null when the price is unknown. */
  trueUp: string | null;
  /** The contract lines in force behind the entitlement, `file:line`. */
  contracts: { contract: string; file: string; line: number | null }[];
}

/** (c) A change on the main line that landed without an approving review. */
export interface ChangeRow extends ChangeRef {
  /** The inventory files it changed. */
  files: string[];
  /** What it changed, e.g. "seat.removed ×2, contract.changed". */
  summary: string;
}

/** (d) A renewal decision recorded in the period (renewal.decision set to renew, renegotiate or cancel). */
export interface RenewalRow {
  contract: string;
  file: string;
  decision: string;
  /** The decision before (undecided, or a different one). */
  previous: string | null;
  /** renewal.decided_by as of that commit; null: the file names nobody (the commit author is shown). */
  decidedBy: string | null;
  /** renewal.decided_on as of that commit. */
  decidedOn: string | null;
  change: ChangeRef;
}

/** The counts of control (c): every change in the period by review status. */
export interface ReviewCounts {
  changes: number;
  approved: number;
  notApproved: number;
  noPullRequest: number;
  /** No review record: not available (no API access at build time). */
  unavailable: number;
}

/** One period's evidence: the rows of each control. */
export interface EvidencePack {
  period: Period;
  /** The day the position is taken on: the period's last day, or today while the period runs. */
  asOf: IsoDate;
  /** The commit in force at the end of `asOf`; null when none had been made by then. */
  asOfCommit: string | null;
  currency: string;
  /** policies.offboarding.removal_days; null without a policy. */
  removalDays: number | null;
  access: AccessRow[];
  /** Null when no commit had been made by `asOf`. */
  position: PositionRow[] | null;
  unreviewed: ChangeRow[];
  reviews: ReviewCounts;
  renewals: RenewalRow[];
}
