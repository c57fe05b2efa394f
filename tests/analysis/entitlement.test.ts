import { describe, expect, it } from 'vitest';
import { contractsByLicense, contractsInForce, entitlements, successorsOf } from '../../src/analysis/entitlement.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import { CONTRACT, files } from '../support/inventory.ts';

const load = async (fileMap: Record<string, string>) => (await loadInventory(memorySource(fileMap))).inventory;

const RENEWAL = CONTRACT.replace('id: figma-2026', 'id: figma-2027')
  .replace('start: 2026-01-01', 'start: 2027-01-01')
  .replace('end: 2026-12-31', 'end: 2027-12-31')
  .replace('quantity: 2', 'quantity: 5')
  .replace('lines:', 'previous: figma-2026\nlines:');

describe('entitlements', () => {
  it('sums the lines of the contracts in force per tier, unlimited as Infinity', async () => {
    const inv = await load(files());
    const ent = entitlements(inv, '2026-03-10').get('figma')!;
    expect([...ent.tiers]).toEqual([['full', 2], ['viewer', Infinity]]);
    expect(ent.contracts.map((c) => c.data.id)).toEqual(['figma-2026']);
    expect(entitlements(inv, '2025-12-31').has('figma')).toBe(false);
  });

  it('adds up two contracts in force for the same tier', async () => {
    const addOn = CONTRACT.replace('id: figma-2026', 'id: figma-addon').replace('quantity: 2', 'quantity: 3').replace('  - { license: figma, tier: viewer, quantity: unlimited, unit_price: "0" }\n', '');
    const inv = await load(files({ 'inventory/contracts/figma-addon.yaml': addOn }));
    expect(entitlements(inv, '2026-03-10').get('figma')!.tiers.get('full')).toBe(5);
  });

  it('stops counting a rolled contract once its successor has started (no double seats)', async () => {
    const inv = await load(files({ 'inventory/contracts/figma-2027.yaml': RENEWAL }));
    expect(successorsOf(inv).get('figma-2026')!.map((c) => c.data.id)).toEqual(['figma-2027']);
    // figma-2026 auto-renews, so on its own it would roll into 2027 beside figma-2027.
    const ent = entitlements(inv, '2027-03-10').get('figma')!;
    expect(ent.contracts.map((c) => c.data.id)).toEqual(['figma-2027']);
    expect(ent.tiers.get('full')).toBe(5);
    expect(contractsInForce(inv, '2026-12-31').map((c) => c.data.id)).toEqual(['figma-2026']);
    expect(contractsByLicense(inv, '2027-01-01').get('figma')!.map((c) => c.data.id)).toEqual(['figma-2027']);
  });
});
