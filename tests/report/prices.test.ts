// tierPrices without its sources (what lac diff asks for: sums, not where they come from) gives every
// figure it gives with them, on the report's model and on generated organizations with several
// currencies, list prices and unlimited tiers.
import { describe, expect, it } from 'vitest';
import { pricesAlong, tierPrices, type PriceProblem } from '../../src/analysis/report/prices.ts';
import { contractsByLicense } from '../../src/analysis/entitlement.ts';
import type { Inventory } from '../../src/inventory/model.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import { synthesize } from '../../src/synth/index.ts';
import { model, TODAY } from './model.ts';

/** Every field but the sources, per license and tier. */
const figures = (prices: ReturnType<typeof tierPrices>) => [...prices].map(([id, tiers]) => [id, [...tiers.values()].map(({ sources: _, ...t }) => t)]);

describe('tierPrices without sources', () => {
  it('gives the same figures and problems, with no sources', async () => {
    const inventories = [await model()];
    for (const seed of [1, 2]) inventories.push((await loadInventory(memorySource(Object.fromEntries(synthesize({ people: 300, seed }).files)))).inventory);
    let counted = 0;
    for (const inv of inventories) {
      const [withProblems, withoutProblems]: PriceProblem[][] = [[], []];
      const full = tierPrices(inv, TODAY, withProblems);
      const bare = tierPrices(inv, TODAY, withoutProblems, { sources: false });
      expect(figures(bare)).toEqual(figures(full));
      expect(withoutProblems).toEqual(withProblems);
      for (const tiers of bare.values()) for (const t of tiers.values()) expect(t.sources).toEqual({ entitled: [], cost: [] });
      counted += [...full.values()].flatMap((t) => [...t.values()]).filter((t) => t.sources.cost.length > 0).length;
    }
    expect(counted).toBeGreaterThan(10);
  });
});

describe('pricesAlong (lac diff: the head priced along the base)', () => {
  /** `inv` with the same records, but a contract's data or org.yaml's replaced by a changed copy (as a change to that file gives). */
  const edited = (inv: Inventory, edit: { contract?: string; org?: boolean }): Inventory => {
    const contracts = new Map(inv.contracts);
    if (edit.contract) {
      const rec = contracts.get(edit.contract)!;
      contracts.set(edit.contract, { ...rec, data: { ...rec.data, lines: rec.data.lines.map((l) => ({ ...l, quantity: l.quantity === 'unlimited' ? l.quantity : l.quantity + 7, unit_price: '123.45' })) } });
    }
    const org = edit.org && inv.org ? { ...inv.org, data: { ...inv.org.data, exchange_rates: Object.fromEntries(Object.entries(inv.org.data.exchange_rates ?? {}).map(([c, r]) => [c, String(Number(r) * 2)])) } } : inv.org;
    return { ...inv, contracts, org };
  };

  it('gives what tierPrices gives without sources, reusing the tiers of every license whose org, license and contracts are the same data', async () => {
    const { inventory: before } = await loadInventory(memorySource(Object.fromEntries(synthesize({ people: 300, seed: 3 }).files)));
    const licensed = [...contractsByLicense(before, TODAY)].find(([, cs]) => cs.length === 1)!;
    const [license, [contract]] = licensed;
    const base = pricesAlong(before, contractsByLicense(before, TODAY));
    expect(figures(base.prices)).toEqual(figures(tierPrices(before, TODAY, [], { sources: false })));
    for (const edit of [{}, { contract: contract!.data.id }, { org: true }]) {
      const after = edited(before, edit);
      const head = pricesAlong(after, contractsByLicense(after, TODAY), base);
      expect(figures(head.prices), JSON.stringify(edit)).toEqual(figures(tierPrices(after, TODAY, [], { sources: false })));
      const reused = [...head.prices].filter(([id, tiers]) => base.prices.get(id) === tiers).map(([id]) => id);
      if (edit.org) expect(reused).toEqual([]);
      else if (edit.contract) {
        // The changed contract's licenses are priced again, and only they.
        const named = new Set(contract!.data.lines.map((l) => l.license));
        expect(named.has(license)).toBe(true);
        expect(reused.sort()).toEqual([...before.licenses.keys()].filter((id) => !named.has(id)).sort());
        expect(figures(new Map([[license, head.prices.get(license)!]]))).not.toEqual(figures(new Map([[license, base.prices.get(license)!]])));
      } else expect(reused.length).toBe(before.licenses.size);
    }
  });
});
