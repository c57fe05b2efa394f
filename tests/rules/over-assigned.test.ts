import { describe, expect, it } from 'vitest';
import { LICENSE, files, ruleFindings } from '../support/inventory.ts';

const seats = (...lines: string[]) => `license: figma\nseats:\n${lines.map((l) => `  - ${l}\n`).join('')}`;
const threeFull = seats('{ person: ada, tier: full, since: 2026-01-05 }', '{ person: bob, tier: full, since: 2026-01-05 }', '{ person: cy, tier: full, since: 2026-01-05 }');

describe('over-assigned', () => {
  it('points at the first seat beyond the entitlement', async () => {
    expect(await ruleFindings('over-assigned', files({ 'inventory/assignments/figma.yaml': threeFull }))).toEqual([
      'inventory/assignments/figma.yaml:5:5 error figma full: 3 seats assigned, 2 entitled by figma-2026; 1 over (from this seat on)',
    ]);
  });

  it('does not count seats of a site license, nor seats within the entitlement', async () => {
    const site = LICENSE.replace('type: subscription', 'type: site');
    expect(await ruleFindings('over-assigned', files({ 'inventory/assignments/figma.yaml': threeFull, 'inventory/licenses/figma.yaml': site }))).toEqual([]);
    expect(await ruleFindings('over-assigned', files())).toEqual([]);
  });
});
