// Which licenses a change reaches: whose seat lines, usage snapshot and seat findings `lac diff`
// must read in both trees. Every other license's seats are the same bytes on both sides, judged
// against the same license, contracts, people and settings, so their findings are equal and cancel.
import { entitlements, type Entitlement } from '../analysis/entitlement.ts';
import type { TierPrice } from '../analysis/report/prices.ts';
import { classify } from '../inventory/layout.ts';
import type { Inventory } from '../inventory/model.ts';
import type { IsoDate } from '../util/dates.ts';
import type { Parsed } from './pair.ts';

const idOf = (path: string) => {
  const c = classify(path);
  return c.ok ? { kind: c.kind, id: c.expectedId } : undefined;
};

/** Licenses named by the lines of a contract file's data (any version, valid or not). */
function contractLines(parsed: Parsed | undefined): string[] {
  const lines = parsed?.file?.data.lines;
  return Array.isArray(lines) ? lines.flatMap((l) => (l && typeof (l as { license?: unknown }).license === 'string' ? [(l as { license: string }).license] : [])) : [];
}

const entitlementText = (entitled: Map<string, Entitlement>) => new Map([...entitled].map(([id, e]) => [id, JSON.stringify([[...e.tiers].sort(), e.contracts.map((c) => c.data.id)])]));

/** Licenses whose entitlements (tiers, quantities, contracts in force) differ: a contract's edit reaches its successors and predecessors too. */
function entitlementChanges([before, after]: [Map<string, Entitlement>, Map<string, Entitlement>]): string[] {
  const a = entitlementText(before);
  const b = entitlementText(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((id) => a.get(id) !== b.get(id));
}

/** Licenses with a tier paid per held seat at a list price (no contract line): the annual cost counts their seats. */
function countedForCost(prices: Prices): string[] {
  return [...prices].filter(([, tiers]) => [...tiers.values()].some((t) => t.contractCost === undefined && t.unitCost !== undefined)).map(([id]) => id);
}

/** tierPrices of one side (they read only the small files). */
export type Prices = Map<string, Map<string, TierPrice>>;

const licenseIds = (inv: Inventory) => [...inv.licenses.keys(), ...inv.invalid.license].sort().join('\n');

export interface ScopeInput {
  before: Inventory;
  after: Inventory;
  today: IsoDate;
  /** Changed paths, each with its two versions as read (undefined where absent). */
  changed: { path: string; base?: Parsed; head?: Parsed }[];
  /** Every path of both trees. */
  paths: readonly string[];
  /** Licenses the change's events name (their seat counts are shown). */
  touched: Iterable<string>;
  /** tierPrices of `before` and `after` on `today`. */
  prices: [Prices, Prices];
  /** entitlements of `before` and `after` on `today`, when the caller has them. */
  entitled?: [Map<string, Entitlement>, Map<string, Entitlement>];
}

/** Licenses reached: `all` whose seat files are read; `wide` those whose every seat may be judged anew (license, usage or contracts changed). */
export interface Reached {
  all: Set<string>;
  wide: Set<string>;
}

/** The licenses whose seats a change reaches, from the small files (licenses, contracts) already read. */
export function reachedLicenses({ before, after, today, changed, paths, touched, prices, entitled = [entitlements(before, today), entitlements(after, today)] }: ScopeInput): Reached {
  const all = new Set<string>(touched);
  const out = new Set<string>();
  const byContracts = new Set<string>();
  for (const { path, base, head } of changed) {
    const at = idOf(path);
    if (!at) continue;
    if (at.kind === 'assignments' && at.id) all.add(at.id);
    if ((at.kind === 'usage' || at.kind === 'license') && at.id) out.add(at.id);
    if (at.kind === 'contract') for (const id of [...contractLines(base), ...contractLines(head)]) byContracts.add(id);
  }
  for (const id of entitlementChanges(entitled)) byContracts.add(id);
  // Of the seat rules only inactive-seat reads contracts (a free tier is never reclaimed), and only with a usage snapshot.
  for (const id of byContracts) (paths.includes(`inventory/usage/${id}.yaml`) ? out : all).add(id);
  for (const [inv, sidePrices] of [[before, prices[0]], [after, prices[1]]] as const) {
    // Only counted: the seats themselves are judged as before.
    for (const id of countedForCost(sidePrices)) all.add(id);
    // References into a broken license file are reported with the files they come from.
    for (const key of inv.broken.keys()) if (key.startsWith('license:')) out.add(key.slice('license:'.length));
  }
  // A license added or removed changes the did-you-mean of every reference to a missing license.
  if (licenseIds(before) !== licenseIds(after)) {
    for (const path of paths) {
      const at = idOf(path);
      if (at?.id && (at.kind === 'assignments' || at.kind === 'usage') && !(before.licenses.has(at.id) && after.licenses.has(at.id))) out.add(at.id);
    }
  }
  for (const id of out) all.add(id);
  return { all, wide: out };
}
