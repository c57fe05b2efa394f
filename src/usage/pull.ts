import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { Rec } from '../inventory/model.ts';
import type { License, Person, Usage } from '../inventory/schema/index.ts';
import { validateData, type Validators } from '../inventory/validate.ts';
import { buildIdentityIndex, matchAccounts } from './match/identity.ts';
import { serializeSnapshot } from './snapshot/serialize.ts';
import { snapshotPath, writeAtomically } from './snapshot/write.ts';
import { ConnectorError, type Connector, type UsageAccount } from './types.ts';

export interface PullDeps {
  root: string;
  people: Iterable<Person>;
  env: Record<string, string | undefined>;
  fetch: typeof globalThis.fetch;
  today: string;
  /** The org's time zone, for vendor instants. */
  timeZone?: string;
  now: Date;
  since?: string;
  dryRun: boolean;
  validators: Validators;
  progress?: (license: string, accountsRead: number) => void;
}

export interface PullOutcome {
  license: string;
  path: string;
  ok: boolean;
  error?: string;
  hint?: string;
  accounts: number;
  matched: number;
  unmatched: string[];
  ambiguous: { account: string; people: string[] }[];
  /** False when the new snapshot says the same as the old one (only `taken` would change): nothing is written. */
  changed: boolean;
  written: boolean;
  warnings: string[];
}

/** Maps vendor plan names to tier IDs with the license's `usage.tiers` table. */
function mapTier(account: UsageAccount, tiers: Record<string, string> | undefined): UsageAccount {
  if (!tiers || account.tier === undefined) return account;
  const mapped = tiers[account.tier];
  return mapped ? { ...account, tier: mapped } : account;
}

/** Relative `path` settings (csv/json imports) are relative to the repository root. */
function resolveConfig(config: Record<string, unknown>, root: string): Record<string, unknown> {
  const path = config.path;
  return typeof path === 'string' && !isAbsolute(path) ? { ...config, path: join(root, path) } : config;
}

const withoutTaken = (text: string) => text.replace(/^taken: .*$/m, '');

/** Pulls one license's usage and writes its snapshot (whole, or not at all). Never throws for vendor trouble. */
export async function pullLicense(license: Rec<License>, connector: Connector, deps: PullDeps): Promise<PullOutcome> {
  const id = license.data.id;
  const path = snapshotPath(id);
  const base: PullOutcome = { license: id, path, ok: false, accounts: 0, matched: 0, unmatched: [], ambiguous: [], changed: false, written: false, warnings: [] };
  let result;
  try {
    result = await connector.pull({
      config: resolveConfig(license.data.usage?.config ?? {}, deps.root),
      env: deps.env,
      today: deps.today,
      ...(deps.timeZone ? { timeZone: deps.timeZone } : {}),
      ...(deps.since ? { since: deps.since } : {}),
      fetch: deps.fetch,
      progress: (n) => deps.progress?.(id, n),
      maxPages: 10_000,
    });
  } catch (e) {
    if (e instanceof ConnectorError) return { ...base, error: e.message, ...(e.hint ? { hint: e.hint } : {}) };
    return { ...base, error: `${connector.id} failed: ${(e as Error).message}`, hint: 'the previous snapshot is kept; run again, or report this with --debug' };
  }
  const mapped = result.accounts.map((a) => mapTier(a, license.data.usage?.tiers));
  const match = matchAccounts(mapped, buildIdentityIndex(deps.people));
  const usage: Usage = {
    license: id,
    source: connector.id,
    taken: deps.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    accounts: match.accounts as Usage['accounts'],
    ...(result.peaks?.length ? { peaks: result.peaks } : {}),
    ...(result.vendor_entitled ? { vendor_entitled: result.vendor_entitled } : {}),
  };
  const problems = validateData(deps.validators, 'usage', usage);
  if (problems.length > 0) {
    return { ...base, error: `${connector.id} returned data that does not fit the snapshot schema: ${problems.slice(0, 3).map((p) => p.message).join('; ')}`, hint: 'the previous snapshot is kept; this is a connector bug, please report it' };
  }
  const text = serializeSnapshot(usage);
  const previous = await readFile(join(deps.root, path), 'utf8').catch(() => undefined);
  const changed = previous === undefined || withoutTaken(previous) !== withoutTaken(text);
  if (changed && !deps.dryRun) await writeAtomically(deps.root, path, text);
  return {
    ...base,
    ok: true,
    accounts: usage.accounts.length,
    matched: usage.accounts.length - match.unmatched.length,
    unmatched: match.unmatched.map((a) => a.account).sort(),
    ambiguous: match.ambiguous,
    changed,
    written: changed && !deps.dryRun,
    warnings: result.warnings,
  };
}
