import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/analysis/report/index.ts';
import { entitlements } from '../../src/analysis/entitlement.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import { planRenewals } from '../../src/renewals/plan.ts';
import { toDecimal } from '../../src/util/money.ts';
import { LICENSE, files, ruleFindings } from '../support/inventory.ts';

// A perpetual product: two seats bought once, and a yearly support contract for those two seats.
const inventory = files({
  'inventory/licenses/figma.yaml': `${LICENSE.replace('type: subscription', 'type: perpetual')}maintenance: { start: 2026-01-01, end: 2026-12-31, contract: figma-support-2026 }\n`,
  'inventory/contracts/figma-2026.yaml': 'id: figma-2026\nvendor: figma\ncurrency: EUR\nstart: 2024-01-01\nlines:\n  - { license: figma, tier: full, quantity: 2, unit_price: "1000", price_period: one-time }\n  - { license: figma, tier: viewer, quantity: unlimited, unit_price: "0" }\n',
  'inventory/contracts/figma-support-2026.yaml': 'id: figma-support-2026\nvendor: figma\ncurrency: EUR\nstart: 2026-01-01\nend: 2026-12-31\nlines:\n  - { license: figma, tier: full, quantity: 2, unit_price: "200", maintenance: true }\n',
});

describe('a maintenance line', () => {
  it('costs money but entitles no seats', async () => {
    const { inventory: inv, findings } = await loadInventory(memorySource(inventory));
    expect(findings).toEqual([]);
    expect(entitlements(inv, '2026-03-10').get('figma')!.tiers.get('full')).toBe(2);
    const full = buildReport(inv, '2026-03-10').licenses.find((l) => l.id === 'figma')!.tiers.find((t) => t.tier === 'full')!;
    expect([full.entitled.value, toDecimal(full.annualCost.value, 'EUR')]).toEqual([2, '400.00']);
  });

  it('does not make room for more seats than were bought', async () => {
    const three = { ...inventory, 'inventory/assignments/figma.yaml': `${inventory['inventory/assignments/figma.yaml']}  - { person: bob, tier: full, since: 2026-01-05 }\n  - { person: cy, tier: full, since: 2026-01-05 }\n` };
    expect((await ruleFindings('over-assigned', three))[0]).toContain('figma full: 3 seats assigned, 2 entitled by figma-2026, figma-support-2026; 1 over');
  });

  it('renews for the covered perpetual seats still in use, never 0 while they are (issue 11)', async () => {
    const support = async (fileMap: Record<string, string>) => {
      const { inventory: inv } = await loadInventory(memorySource(fileMap));
      return planRenewals(inv, '2026-10-20').find((r) => r.id === 'figma-support-2026')!.lines[0]!;
    };
    // One of the two covered seats is held (no snapshot: the seats assigned count as in use).
    const one = await support(inventory);
    expect([one.current, one.recommended]).toEqual([2, 1]);
    expect(one.reasoning).toContain('support for the 2 perpetual seats bought under other contracts; 1 of them in use: 1 seat');
    expect(one.recommendedCost).toBe(200_000_000n);
    // Both held: both renewed, and no headroom above the seats that were bought.
    const both = await support({ ...inventory, 'inventory/assignments/figma.yaml': `${inventory['inventory/assignments/figma.yaml']}  - { person: bob, tier: full, since: 2026-01-05 }\n` });
    expect(both.recommended).toBe(2);
  });
});
