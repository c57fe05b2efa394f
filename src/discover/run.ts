import { UserError } from '../cli/errors.ts';
import { resolveToday } from '../check/run.ts';
import { loadInventory } from '../inventory/load.ts';
import type { Inventory } from '../inventory/model.ts';
import type { DiscoverySource } from '../inventory/schema/index.ts';
import { fsSource, readWorkingFile } from '../inventory/source.ts';
import { writeAtomically } from '../usage/snapshot/write.ts';
import { ConnectorError } from '../usage/types.ts';
import { suggestion } from '../util/suggest.ts';
import { overlaySource } from './overlay.ts';
import { discoveredPath, mergeSnapshot, serializeDiscovered } from './snapshot.ts';
import type { DiscoverySourceImpl } from './types.ts';

export interface DiscoverRun {
  root: string;
  /** --today; default: today in the org time zone. */
  today?: string;
  only?: string;
  dryRun: boolean;
  env: Record<string, string | undefined>;
  fetch: typeof globalThis.fetch;
  sources: ReadonlyMap<string, DiscoverySourceImpl>;
}

export interface SourceOutcome {
  id: string;
  path: string;
  /** Whether the snapshot's bytes differ from the file on disk (written unless a dry run). */
  changed: boolean;
  apps: number;
  outsideWorkDomains: number | undefined;
  warnings: string[];
}

/** The sources to run: every one in org.yaml, or the one `--source` names. */
function chosen(inv: Inventory, only: string | undefined): DiscoverySource[] {
  const sources = inv.org?.data.discovery?.sources;
  // Without a discovery block there is nothing to read; only naming a source is a mistake.
  if (!sources && only === undefined) return [];
  if (!sources) throw new UserError('org.yaml has no discovery: block, so lac discover has no source to read', 'add `discovery: { sources: [{ id: okta, source: okta, config: { base_url: https://example.okta.com } }] }` to inventory/org.yaml');
  const twice = sources.map((s) => s.id).find((id, i, ids) => ids.indexOf(id) !== i);
  if (twice !== undefined) throw new UserError(`inventory/org.yaml: discovery source id "${twice}" is used twice; each source writes inventory/discovered/<id>.yaml`, 'give each source its own id');
  if (only === undefined) return sources;
  const one = sources.find((s) => s.id === only);
  if (!one) throw new UserError(`--source ${only} is not a discovery source in org.yaml${suggestion(only, sources.map((s) => s.id))}`, `the sources are ${sources.map((s) => s.id).join(', ')}`);
  return [one];
}

/**
 * `lac discover`: reads each discovery source, merges with the previous snapshot and writes
 * inventory/discovered/<id>.yaml when its bytes change (never on a dry run). Returns the outcomes
 * and the inventory as it is (or would be) afterwards, for the rule and the issues.
 */
export async function runDiscovery(run: DiscoverRun): Promise<{ outcomes: SourceOutcome[]; inventory: Inventory; today: string }> {
  const base = fsSource(run.root);
  const { inventory } = await loadInventory(base);
  const today = resolveToday(inventory, run.today);
  const org = inventory.org?.data;
  const outcomes: SourceOutcome[] = [];
  const texts = new Map<string, string>();
  for (const s of chosen(inventory, run.only)) {
    const impl = run.sources.get(s.source);
    if (!impl) throw new UserError(`discovery source ${s.id}: "${s.source}" is not implemented`);
    const currency = org?.currency ?? 'EUR';
    let result;
    try {
      result = await impl.pull({
        config: s.config ?? {},
        env: run.env,
        today,
        ...(org?.timezone ? { timeZone: org.timezone } : {}),
        fetch: run.fetch,
        root: run.root,
        workDomains: org?.discovery?.work_domains ?? [],
        currency,
        rates: org?.exchange_rates ?? {},
      });
    } catch (e) {
      if (e instanceof ConnectorError) throw new UserError(`discovery source ${s.id}: ${e.message}`, e.hint ?? 'check its config in org.yaml and the environment variables it reads');
      throw e;
    }
    const path = discoveredPath(s.id);
    const text = serializeDiscovered(mergeSnapshot(s.id, s.source, today, currency, result, inventory.discovered.get(s.id)?.data));
    const before = await readWorkingFile(run.root, path).catch(() => undefined);
    if (text !== before && !run.dryRun) await writeAtomically(run.root, path, text);
    texts.set(path, text);
    outcomes.push({ id: s.id, path, changed: text !== before, apps: result.apps.length, outsideWorkDomains: result.outsideWorkDomains, warnings: result.warnings });
  }
  const after = await loadInventory(run.dryRun ? overlaySource(base, texts) : base);
  return { outcomes, inventory: after.inventory, today };
}
