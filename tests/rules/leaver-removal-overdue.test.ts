import { describe, expect, it } from 'vitest';
import { ORG, PEOPLE, files, ruleFindings } from '../support/inventory.ts';

const seats = 'license: figma\nseats:\n  - { person: ada, tier: full, since: 2026-01-05 }\n  - { person: cy, tier: viewer, since: 2025-01-05 }\n  - { person: bob, tier: viewer, since: 2026-01-05 }\n';

describe('leaver-removal-overdue', () => {
  it('points at a leaver\'s seat still held more than removal_days after the end date', async () => {
    const people = PEOPLE.replace('status: active, start: 2021-06-01', 'status: leaver, start: 2021-06-01, end: 2026-03-05');
    const org = `${ORG}policies:\n  offboarding: { removal_days: 3 }\n`;
    expect(await ruleFindings('leaver-removal-overdue', files({ 'inventory/org.yaml': org, 'inventory/people.yaml': people, 'inventory/assignments/figma.yaml': seats }), '2026-03-09')).toEqual([
      'inventory/assignments/figma.yaml:4:15 error Cy Leaver (cy) left on 2026-01-31; the figma viewer seat was due to go by 2026-02-03 and is still held',
      'inventory/assignments/figma.yaml:5:15 error Bob Byte (bob) left on 2026-03-05; the figma viewer seat was due to go by 2026-03-08 and is still held',
    ]);
    expect(await ruleFindings('leaver-removal-overdue', files({ 'inventory/org.yaml': org, 'inventory/people.yaml': people, 'inventory/assignments/figma.yaml': seats }), '2026-03-08')).toHaveLength(1);
  });

  it('is off when org.yaml states no removal deadline (seat-held-by-leaver reports those seats)', async () => {
    expect(await ruleFindings('leaver-removal-overdue', files({ 'inventory/assignments/figma.yaml': seats }), '2026-03-09')).toEqual([]);
  });
});
