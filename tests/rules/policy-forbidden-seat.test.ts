import { describe, expect, it } from 'vitest';
import { PEOPLE, files, ruleFindings } from '../support/inventory.ts';

const POLICY = `id: contractors
name: Contractors never hold full seats
match: { employment_types: [contractor] }
forbid:
  - { license: figma, tier: full }
`;

describe('policy-forbidden-seat', () => {
  it('points at the tier of a seat a policy forbids its holder', async () => {
    const people = PEOPLE.replace('department: sales, status: active', 'department: sales, employment_type: contractor, status: active').replace('department: eng, status: active', 'department: eng, employment_type: Contractor, status: active');
    const seats = 'license: figma\nseats:\n  - { person: ada, tier: full, since: 2026-01-05 }\n  - { person: bob, tier: viewer, since: 2026-01-05 }\n';
    expect(await ruleFindings('policy-forbidden-seat', files({ 'inventory/people.yaml': people, 'inventory/assignments/figma.yaml': seats, 'inventory/policies/contractors.yaml': POLICY }))).toEqual([
      'inventory/assignments/figma.yaml:3:26 error Ada Lovelace (ada) holds a figma full seat that policy contractors forbids',
    ]);
  });

  it('forbids every tier when the forbid names none', async () => {
    const people = PEOPLE.replace('department: sales, status: active', 'department: sales, employment_type: contractor, status: active');
    const policy = POLICY.replace('{ license: figma, tier: full }', '{ license: figma }');
    expect(await ruleFindings('policy-forbidden-seat', files({ 'inventory/people.yaml': people, 'inventory/policies/contractors.yaml': policy }))).toEqual([
      'inventory/assignments/figma.yaml:4:26 error Bob Byte (bob) holds a figma viewer seat that policy contractors forbids',
    ]);
  });
});
