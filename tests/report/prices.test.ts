// tierPrices without its sources (what lac diff asks for: sums, not where they come from) gives every
// figure it gives with them, on the report's model and on generated organizations with several
// currencies, list prices and unlimited tiers.
import { describe, expect, it } from 'vitest';
import { tierPrices, type PriceProblem } from '../../src/analysis/report/prices.ts';
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
