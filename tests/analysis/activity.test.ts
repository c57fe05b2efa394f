// The one definition of a seat's state (src/analysis/activity.ts), issue 11: never used, idle,
// suspended, deprovisioned, cancelled at the vendor and unknown are distinct, and count apart.
import { describe, expect, it } from 'vitest';
import { accountState, useOf } from '../../src/analysis/activity.ts';
import { buildReport } from '../../src/analysis/report/index.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import { files } from '../support/inventory.ts';

const TODAY = '2026-03-10';
const state = (account: Record<string, unknown>, since = '2025-01-01') => accountState({ account: 'x', ...account }, since, 60, TODAY).state;

describe('seat states', () => {
  it('tells every vendor state apart', () => {
    expect(state({ last_active: '2026-03-01' })).toBe('active');
    expect(state({ last_active: '2025-12-01' })).toBe('inactive');
    expect(state({ last_active: null })).toBe('never');
    expect(state({ last_active: null }, '2026-03-01')).toBe('active');
    expect(state({})).toBe('unknown');
    expect(state({ status: 'suspended', last_active: '2026-03-01' })).toBe('suspended');
    expect(state({ status: 'deactivated' })).toBe('deactivated');
    expect(state({ last_active: null, pending_cancellation: '2026-04-01' })).toBe('cancelling');
    expect(['active', 'inactive', 'never', 'suspended', 'deactivated', 'cancelling', 'unknown', 'no-account'].map((s) => useOf(s as never, false)))
      .toEqual(['active', 'inactive', 'inactive', 'inactive', 'inactive', 'cancelling', 'unknown', 'inactive']);
  });

  it('a seat cancelled at the vendor is neither idle nor waste in the report', async () => {
    const usage = 'license: figma\nsource: github-copilot\ntaken: 2026-03-09T06:00:00Z\naccounts:\n  - { account: ada-l, person: ada, status: active, last_active: null, pending_cancellation: 2026-04-01 }\n';
    const { inventory } = await loadInventory(memorySource(files({ 'inventory/usage/figma.yaml': usage, 'inventory/assignments/figma.yaml': 'license: figma\nseats:\n  - { person: ada, tier: full, since: 2025-01-05 }\n' })));
    const full = buildReport(inventory, TODAY).licenses[0]!.tiers.find((t) => t.tier === 'full')!;
    expect([full.assigned.value, full.active.value, full.inactive.value, full.cancelling.value, full.unknown.value]).toEqual([1, 0, 0, 1, 0]);
    // The other seat bought sits unassigned: that is the only waste.
    expect(full.waste.value).toBe(full.annualCost.value / 2n);
  });
});
