import { readWorkingFile } from '../inventory/source.ts';
import type { Rec } from '../inventory/model.ts';
import type { License, Person, Usage } from '../inventory/schema/index.ts';
import { validateData, type Validators } from '../inventory/validate.ts';
import { confinedPath } from './import/confine.ts';
import { buildIdentityIndex, matchAccounts } from './match/identity.ts';
import { serializeSnapshot } from './snapshot/serialize.ts';
import { snapshotPath, writeAtomically } from './snapshot/write.ts';
import { ConnectorError, type Connector, type UsageAccount } from './types.ts';
import { redactDeep, redactorFor, type Redact } from '../secrets/redact.ts';
import { vendorText } from '../secrets/summary.ts';
import { WriteError } from '../util/fs/atomic-write.ts';

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
  /** The variable whose credential was used, where the source can use more than one. */
  credential?: string;
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

/** `path` and `paths` settings (file imports, license-server logs) are relative to the repository root and confined to it. */
async function resolveConfig(license: Rec<License>, root: string): Promise<Record<string, unknown>> {
  const config = license.data.usage?.config ?? {};
  const { path, paths } = config;
  const out: Record<string, unknown> = typeof path === 'string' ? { ...config, path: await confinedPath(root, license, path) } : { ...config };
  if (Array.isArray(paths)) out.paths = await Promise.all(paths.map((p, i) => (typeof p === 'string' ? confinedPath(root, license, p, i) : p)));
  return out;
}

const withoutTaken = (text: string) => text.replace(/^taken: .*$/m, '');

/**
 * The snapshot text with the pull's secrets redacted. A vendor that echoes credentials into
 * account fields must not get them into the repository; the common case costs one scan.
 */
function redactedSnapshot(usage: Usage, redact: Redact): { usage: Usage; text: string } {
  const text = serializeSnapshot(usage);
  if (redact(text) === text) return { usage, text };
  const clean = { ...usage, accounts: redactDeep(usage.accounts, redact) };
  return { usage: clean, text: serializeSnapshot(clean) };
}

/** The outcome's messages with the pull's secrets redacted. */
function redactOutcome(o: PullOutcome, redact: Redact): PullOutcome {
  return {
    ...o,
    ...(o.error !== undefined ? { error: redact(o.error) } : {}),
    ...(o.hint !== undefined ? { hint: redact(o.hint) } : {}),
    warnings: o.warnings.map(redact),
  };
}

/**
 * Pulls one license's usage and writes its snapshot (whole, or not at all). Never throws for
 * vendor trouble. Its messages and the snapshot have the pull's secrets redacted.
 */
export async function pullLicense(license: Rec<License>, connector: Connector, deps: PullDeps): Promise<PullOutcome> {
  const redact = redactorFor(deps.env);
  return redactOutcome(await pullUnredacted(license, connector, deps, redact), redact);
}

async function pullUnredacted(license: Rec<License>, connector: Connector, deps: PullDeps, redact: Redact): Promise<PullOutcome> {
  const id = license.data.id;
  const path = snapshotPath(id);
  const base: PullOutcome = { license: id, path, ok: false, accounts: 0, matched: 0, unmatched: [], ambiguous: [], changed: false, written: false, warnings: [] };
  let result;
  try {
    result = await connector.pull({
      config: await resolveConfig(license, deps.root),
      ...(license.data.usage?.features ? { features: license.data.usage.features } : {}),
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
    return { ...base, error: `${connector.id} failed: ${vendorText(String((e as Error).message), redact)}`, hint: 'the previous snapshot is kept; run again, or report this with --debug' };
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
  const { usage: safe, text } = redactedSnapshot(usage, redact);
  const problems = validateData(deps.validators, 'usage', safe);
  if (problems.length > 0) {
    return { ...base, error: `${connector.id} returned data that does not fit the snapshot schema: ${problems.slice(0, 3).map((p) => p.message).join('; ')}`, hint: 'the previous snapshot is kept; this is a connector bug, please report it' };
  }
  const previous = await readWorkingFile(deps.root, path).catch(() => undefined);
  const changed = previous === undefined || withoutTaken(previous) !== withoutTaken(text);
  if (changed && !deps.dryRun) {
    try {
      await writeAtomically(deps.root, path, text);
    } catch (e) {
      // The outcome line adds that the snapshot is unchanged.
      if (e instanceof WriteError) return { ...base, error: `cannot write ${path}: ${e.reason}`, hint: e.hint };
      throw e;
    }
  }
  return {
    ...base,
    ok: true,
    accounts: safe.accounts.length,
    matched: safe.accounts.length - match.unmatched.length,
    unmatched: match.unmatched.map((a) => a.account).sort(),
    ambiguous: match.ambiguous,
    changed,
    written: changed && !deps.dryRun,
    warnings: result.warnings,
    ...(result.credential ? { credential: result.credential } : {}),
  };
}
