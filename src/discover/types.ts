import type { Micros } from '../util/money.ts';
import type { ConnectorContext } from '../usage/types.ts';

/** One app as a source sees it on this run, before it is merged with the previous snapshot. */
export interface SeenApp {
  app: string;
  name: string;
  domain?: string;
  /** Distinct work accounts or employees. */
  users: number;
  allUsers?: boolean;
  firstSeen: string;
  lastSeen: string;
  /** In the org currency, over the 90 days up to today (expense sources only). */
  spend90d?: Micros;
  recurring?: boolean;
}

export interface DiscoveryResult {
  apps: SeenApp[];
  /** Grants or events by accounts outside the work domains: only their number is kept. */
  outsideWorkDomains?: number;
  warnings: string[];
}

/** What a discovery source may touch; secrets only from `env`, files only inside `root`. */
export interface DiscoveryContext extends Pick<ConnectorContext, 'config' | 'env' | 'today' | 'timeZone' | 'fetch' | 'signal' | 'maxPages'> {
  /** The repository root: expense exports are read from inside it. */
  root: string;
  workDomains: readonly string[];
  currency: string;
  rates: Record<string, string | number>;
}

export interface DiscoverySourceImpl {
  kind: 'okta' | 'google-workspace' | 'entra-id' | 'expenses';
  pull(ctx: DiscoveryContext): Promise<DiscoveryResult>;
}
