import type { ConnectorOptions } from '../usage/shared/options.ts';
import type { DiscoverySourceImpl } from './types.ts';
import { entraDiscovery } from './sources/entra.ts';
import { expensesDiscovery } from './sources/expenses/index.ts';
import { googleDiscovery } from './sources/google.ts';
import { oktaDiscovery } from './sources/okta.ts';

/** One implementation per `discovery.sources[].source` value (schema/discovery.ts DISCOVERY_SOURCES). */
export function discoveryRegistry(options: ConnectorOptions = {}): ReadonlyMap<string, DiscoverySourceImpl> {
  return new Map([oktaDiscovery(options), googleDiscovery(options), entraDiscovery(options), expensesDiscovery()].map((s) => [s.kind, s]));
}
