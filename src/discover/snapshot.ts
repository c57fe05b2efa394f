import { scalar } from '../usage/snapshot/serialize.ts';
import { parseAmount, toDecimal } from '../util/money.ts';
import type { Discovered, DiscoveredApp } from '../inventory/schema/index.ts';
import type { DiscoveryResult } from './types.ts';

/** Where a source's snapshot lives, relative to the repository root. */
export const discoveredPath = (source: string) => `inventory/discovered/${source}.yaml`;

const APP_KEYS = ['app', 'name', 'domain', 'users', 'all_users', 'first_seen', 'last_seen', 'spend_90d', 'recurring'] as const;

function appLine(a: DiscoveredApp): string {
  // Amounts stay quoted: a plain 540.00 would read back as the number 540.
  const parts = APP_KEYS.filter((k) => a[k] !== undefined).map((k) => `${k}: ${k === 'spend_90d' ? JSON.stringify(String(a[k])) : scalar(a[k])}`);
  return `  - { ${parts.join(', ')} }`;
}

/** The snapshot's exact text: header, then one sorted line per app, so the same data gives the same bytes. */
export function serializeDiscovered(d: Discovered): string {
  const lines = [
    '# yaml-language-server: $schema=../../schemas/discovered.schema.json',
    '# Written by `lac discover`; declare an app in vendors/ or licenses/, or ignore it in org.yaml.',
    `source: ${d.source}`,
    `kind: ${d.kind}`,
    `as_of: ${d.as_of}`,
  ];
  if (d.currency !== undefined) lines.push(`currency: ${d.currency}`);
  if (d.outside_work_domains !== undefined) lines.push(`outside_work_domains: ${d.outside_work_domains}`);
  lines.push(d.apps.length ? 'apps:' : 'apps: []');
  for (const a of [...d.apps].sort((x, y) => (x.app < y.app ? -1 : x.app > y.app ? 1 : 0))) lines.push(appLine(a));
  return `${lines.join('\n')}\n`;
}

/**
 * The new snapshot from a run and the previous one: an app keeps the first day any run saw it;
 * apps with one ID (two spellings of a merchant) are summed into one line.
 */
export function mergeSnapshot(source: string, kind: Discovered['kind'], today: string, currency: string, result: DiscoveryResult, previous: Discovered | undefined): Discovered {
  const before = new Map((previous?.apps ?? []).map((a) => [a.app, a]));
  const byId = new Map<string, DiscoveredApp>();
  for (const s of result.apps) {
    const prev = byId.get(s.app) ?? before.get(s.app);
    const first = prev && prev.first_seen < s.firstSeen ? prev.first_seen : s.firstSeen;
    const again = byId.get(s.app);
    const spend = s.spend90d === undefined ? undefined : toDecimal(s.spend90d + (again?.spend_90d !== undefined ? parseAmount(again.spend_90d) : 0n), currency);
    byId.set(s.app, {
      app: s.app,
      name: again?.name ?? s.name,
      ...((again?.domain ?? s.domain) ? { domain: again?.domain ?? s.domain } : {}),
      users: (again?.users ?? 0) + s.users,
      ...(s.allUsers || again?.all_users ? { all_users: true } : {}),
      first_seen: first,
      last_seen: again && again.last_seen > s.lastSeen ? again.last_seen : s.lastSeen,
      ...(spend !== undefined ? { spend_90d: spend } : {}),
      ...(s.recurring || again?.recurring ? { recurring: true } : {}),
    });
  }
  return {
    source,
    kind,
    as_of: today,
    ...(kind === 'expenses' ? { currency } : {}),
    ...(result.outsideWorkDomains !== undefined ? { outside_work_domains: result.outsideWorkDomains } : {}),
    apps: [...byId.values()],
  };
}
