import { describe, expect, it } from 'vitest';
import { LICENSE, files, ruleFindings } from '../support/inventory.ts';

const seats = (...lines: string[]) => `license: figma\nseats:\n${lines.map((l) => `  - ${l}\n`).join('')}`;

describe('duplicate-assignment', () => {
  it('points at the second seat of a person, any tier, naming the first line', async () => {
    const fileMap = files({
      'inventory/assignments/figma.yaml': seats(
        '{ person: ada, tier: full, since: 2026-01-05 }',
        '{ person: bob, tier: viewer, since: 2026-01-05 }',
        '{ person: ada, tier: viewer, since: 2026-02-01 }',
        '{ person: bob, tier: viewer, since: 2026-03-01 }',
      ),
    });
    expect(await ruleFindings('duplicate-assignment', fileMap)).toEqual([
      'inventory/assignments/figma.yaml:5:15 error Ada Lovelace (ada) holds a second figma seat (viewer since 2026-02-01); the first is on line 3 (full since 2026-01-05)',
      'inventory/assignments/figma.yaml:6:15 error Bob Byte (bob) holds a second figma seat (viewer since 2026-03-01); the first is on line 4 (viewer since 2026-01-05)',
    ]);
  });

  it('finds the same device twice on a device license', async () => {
    const fileMap = files({
      'inventory/licenses/figma.yaml': LICENSE.replace('type: subscription', 'type: device'),
      'inventory/assignments/figma.yaml': seats('{ device: build-01, tier: full, since: 2026-01-05 }', '{ device: build-02, tier: full, since: 2026-01-05 }', '{ device: build-01, tier: full, since: 2026-01-06 }'),
    });
    expect(await ruleFindings('duplicate-assignment', fileMap)).toEqual([
      'inventory/assignments/figma.yaml:5:15 error device build-01 holds a second figma seat (full since 2026-01-06); the first is on line 3 (full since 2026-01-05)',
    ]);
  });

  it('allows one seat per holder', async () => {
    expect(await ruleFindings('duplicate-assignment', files())).toEqual([]);
  });
});
