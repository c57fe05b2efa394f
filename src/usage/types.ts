import type { Peak } from '../inventory/schema/index.ts';

/** One account as a vendor reports it, normalized. Identity matching later adds `person`. */
export interface UsageAccount {
  /** The vendor's stable identifier for the account: a login, an email or a user id. */
  account: string;
  email?: string;
  login?: string;
  name?: string;
  /** The vendor's tier or plan for this account, as the license's tier id where a mapping exists. */
  tier?: string;
  /** active: may use the product; suspended/deactivated: cannot; invited: never accepted; guest: not billable. */
  status?: 'active' | 'suspended' | 'deactivated' | 'invited' | 'guest';
  /** Last day (YYYY-MM-DD, org time zone) with activity; null when the vendor says "never". Absent when unknown. */
  last_active?: string | null;
  /** The day a cancelled seat ends (GitHub Copilot `pending_cancellation_date`): not in use, not reclaimable. */
  pending_cancellation?: string;
  /** Vendor usage signals that rightsizing can read (e.g. `edits_90d: 0`), numbers only. */
  signals?: Record<string, number>;
}

/** Peak concurrent use on one day (per tier where known), for concurrent/floating licenses. */
export type UsagePeak = Peak;

/** What a connector brings back from one pull. */
export interface PullResult {
  accounts: UsageAccount[];
  peaks?: UsagePeak[];
  /** Entitled units as the vendor counts them (e.g. Microsoft prepaid units), per tier. */
  vendor_entitled?: Record<string, number>;
  /** Non-fatal oddities worth a line in the pull's output (never secrets). */
  warnings: string[];
  /** The variable whose credential was used, where a source can use more than one: named in the output, never its value. */
  credential?: string;
}

/** Everything a connector may touch. Secrets only ever come from `env`. */
export interface ConnectorContext {
  /** The license's `usage.config` block, as written in the license file. */
  config: Record<string, unknown>;
  /** The license's `usage.features` (license-server feature → tier), for flexnet and rlm. */
  features?: Record<string, string>;
  env: Record<string, string | undefined>;
  /** The org's "today" as an ISO date, for reports that are asked for a date. */
  today: string;
  /** The org's time zone (org.yaml `timezone`): vendor instants become dates in it (shared/dates.ts `dayOf`). */
  timeZone?: string;
  /** Only activity on or after this date matters (from `lac pull --since`). */
  since?: string;
  fetch: typeof globalThis.fetch;
  /** Called with a running count of accounts read, for progress output. */
  progress?: (accountsRead: number) => void;
  signal?: AbortSignal;
  /** Upper bound on pages fetched, so a vendor bug cannot loop forever. */
  maxPages?: number;
}

export interface Connector {
  /** The value of `usage.source` in a license file. */
  id: string;
  /** Environment variables it reads, for the README and error messages. */
  env: string[];
  pull(ctx: ConnectorContext): Promise<PullResult>;
}

/** Thrown for a failure the user can act on (missing variable, 401, malformed page). */
export class ConnectorError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'ConnectorError';
    this.hint = hint;
  }
}
