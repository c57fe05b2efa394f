import { describe, expect, it } from 'vitest';
import { LICENSE, files, ruleFindings } from '../support/inventory.ts';

const seats = (...lines: string[]) => `license: figma\nseats:\n${lines.map((l) => `  - ${l}\n`).join('')}`;
const device = LICENSE.replace('type: subscription', 'type: device');

describe('seat-holder', () => {
  it('finds seats with no holder, or with both a person and a device', async () => {
    const fileMap = files({
      'inventory/assignments/figma.yaml': seats('{ tier: full, since: 2026-01-05 }', '{ person: bob, device: mac-17, tier: viewer, since: 2026-01-05 }'),
    });
    expect(await ruleFindings('seat-holder', fileMap)).toEqual([
      'inventory/assignments/figma.yaml:3:5 error this figma full seat (since 2026-01-05) names neither a person nor a device',
      'inventory/assignments/figma.yaml:4:28 error this figma viewer seat (since 2026-01-05) names both person bob and device mac-17',
    ]);
  });

  it('wants devices on a device license', async () => {
    const fileMap = files({
      'inventory/licenses/figma.yaml': device,
      'inventory/assignments/figma.yaml': seats('{ device: build-01, tier: full, since: 2026-01-05 }', '{ person: bob, tier: full, since: 2026-01-05 }'),
    });
    expect(await ruleFindings('seat-holder', fileMap)).toEqual([
      'inventory/assignments/figma.yaml:4:15 error figma is a device license, but this figma full seat (since 2026-01-05) names person bob',
    ]);
  });

  it('wants people on other licenses, concurrent ones included', async () => {
    const fileMap = files({
      'inventory/licenses/figma.yaml': LICENSE.replace('type: subscription', 'type: concurrent'),
      'inventory/assignments/figma.yaml': seats('{ person: ada, tier: full, since: 2026-01-05 }', '{ device: build-01, tier: full, since: 2026-01-05 }'),
    });
    expect(await ruleFindings('seat-holder', fileMap)).toEqual([
      'inventory/assignments/figma.yaml:4:15 error figma is a concurrent license, held by people, but this figma full seat (since 2026-01-05) names device build-01',
    ]);
  });

  it('accepts people on a subscription and devices on a device license', async () => {
    expect(await ruleFindings('seat-holder', files())).toEqual([]);
    const fileMap = files({ 'inventory/licenses/figma.yaml': device, 'inventory/assignments/figma.yaml': seats('{ device: build-01, tier: full, since: 2026-01-05 }') });
    expect(await ruleFindings('seat-holder', fileMap)).toEqual([]);
  });
});
