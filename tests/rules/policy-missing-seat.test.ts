import { describe, expect, it } from 'vitest';
import { PEOPLE, files, ruleFindings } from '../support/inventory.ts';

const POLICY = `id: eng-tools
name: Engineers get a full Figma seat
match: { departments: [eng] }
grant:
  - { license: figma, tier: full }
`;

describe('policy-missing-seat', () => {
  it('points at the person a policy says should hold a seat and does not; leavers and people not started yet are left out', async () => {
    const people = `${PEOPLE}  - { id: dan, name: Dan Neu, email: dan@test.example, department: eng, status: active, start: 2026-02-01 }\n  - { id: eve, name: Eve Later, email: eve@test.example, department: eng, status: active, start: 2026-04-01 }\n`;
    const fileMap = files({ 'inventory/people.yaml': people, 'inventory/policies/eng-tools.yaml': POLICY });
    expect(await ruleFindings('policy-missing-seat', fileMap)).toEqual([
      'inventory/people.yaml:5:5 warning Dan Neu (dan) should hold a figma full seat under policy eng-tools, and does not',
    ]);
  });

  it('says nothing without policies, or for an exception', async () => {
    expect(await ruleFindings('policy-missing-seat', files())).toEqual([]);
    const people = `${PEOPLE}  - { id: dan, name: Dan Neu, email: dan@test.example, department: eng, status: active }\n`;
    expect(await ruleFindings('policy-missing-seat', files({ 'inventory/people.yaml': people, 'inventory/policies/eng-tools.yaml': `${POLICY}except: [dan]\n` }))).toEqual([]);
  });
});
