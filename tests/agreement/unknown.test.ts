// Unknown is not idle, and not 0 (issue 11): a figure that cannot be computed — no usage source, no
// price, no exchange rate — is shown as unknown with its reason by `lac report` and by the site.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/analysis/report/index.ts';
import { unknownReason } from '../../src/analysis/report/tiers.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import { formatReport } from '../../src/report/format.ts';
import { licenseFigures } from '../../src/site/model/figures.ts';
import { amount, idle, unknownCell, wholly } from '../../src/site/pages/context.ts';
import { files, LICENSE } from '../support/inventory.ts';

const GBP = 'id: figma-gbp\nvendor: figma\ncurrency: GBP\nstart: 2026-01-01\nend: 2026-12-31\nlines:\n  - { license: figma, tier: full, quantity: 2, unit_price: "400.00" }\n';
const inventory = files({
  'inventory/contracts/figma-2026.yaml': null,
  'inventory/contracts/figma-gbp.yaml': GBP,
  'inventory/licenses/figma.yaml': LICENSE.replace('  - { id: viewer, name: Viewer }\n', '  - { id: viewer, name: Viewer }\n  - { id: guest, name: Guest }\n'),
  'inventory/assignments/figma.yaml': 'license: figma\nseats:\n  - { person: ada, tier: full, since: 2026-01-05 }\n  - { person: bob, tier: guest, since: 2026-01-05 }\n',
});

describe('a figure that cannot be computed', () => {
  it('is unknown with its reason in lac report and in the site model, never idle 0 or 0.00', async () => {
    const { inventory: inv } = await loadInventory(memorySource(inventory));
    const text = formatReport(buildReport(inv, '2026-03-10'), 'text');
    expect(text).toContain('unknown: figma/full: 1 seat of unknown use: figma has no usage source\n');
    expect(text).toContain('unknown: figma/full: cost unknown: no exchange rate for GBP in org.yaml (exchange_rates)\n');
    expect(text).toContain('unknown: figma/guest: cost unknown: no price: no contract line in force names tier guest, and it has no list_price\n');
    expect(text).toMatch(/figma +full +2 +1 +— +0 +1 +0 +1 +— +unknown +unknown +unknown/);
    // The total leaves the unknown amounts out and says so: nothing of it is known here, so it is "unknown", not "0.00 + unknown".
    expect(text).toMatch(/\n {2}total +2 +2 +0 +0 +2 +0 +1 +unknown +unknown\n/);

    const site = licenseFigures(inv, '2026-03-10').licenses.find((l) => l.id === 'figma')!;
    const full = site.tiers.find((t) => t.id === 'full')!;
    expect(idle(full)).toEqual({ text: '1 unknown: figma has no usage source', value: null });
    // The amount cell stays empty (never 0.00), the "Cost unknown" cell beside it says why.
    expect(amount(full.annualCost, wholly(full.costUnknown))).toBe('');
    expect(unknownCell(wholly(full.costUnknown))).toBe('unknown: no exchange rate for GBP in org.yaml (exchange_rates)');
    expect(idle(site)).toEqual({ text: '2 unknown: full: figma has no usage source; guest: figma has no usage source', value: null });
    expect(site.costUnknown).toBe('full: no exchange rate for GBP in org.yaml (exchange_rates); guest: no price: no contract line in force names tier guest, and it has no list_price');
  });

  it('names why use is unknown: no usage source, no snapshot yet, a device, or no activity reported', () => {
    const license = { id: 'figma', name: 'Figma', vendor: 'figma', type: 'subscription', tiers: [{ id: 'full', name: 'Full' }] } as const;
    const seat = (person: string | undefined) => ({ seat: { tier: 'full', since: '2026-01-01', ...(person ? { person } : { device: 'host-1' }) }, use: 'unknown' }) as never;
    expect(unknownReason(license as never, undefined, [seat('ada')])).toBe('figma has no usage source');
    expect(unknownReason({ ...license, usage: { source: 'none' } } as never, undefined, [seat('ada')])).toBe('figma has no usage source');
    expect(unknownReason({ ...license, usage: { source: 'okta' } } as never, undefined, [seat('ada')])).toBe('no usage snapshot of figma yet (run `lac pull figma`)');
    const snapshot = { data: { source: 'okta' } } as never;
    expect(unknownReason(license as never, snapshot, [seat(undefined), seat('ada'), seat('bob')])).toBe('1 device seat: no activity reported; okta reports no activity for 2 holders');
    expect(unknownReason(license as never, snapshot, [{ ...(seat('ada') as object), use: 'active' } as never])).toBeNull();
  });
});
