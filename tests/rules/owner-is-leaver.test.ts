import { describe, expect, it } from 'vitest';
import { CONTRACT, LICENSE, PEOPLE, files, ruleFindings } from '../support/inventory.ts';

describe('owner-is-leaver', () => {
  it('points at the owner of a license and of a contract who has left', async () => {
    const fileMap = files({
      'inventory/licenses/figma.yaml': LICENSE.replace('owner: ada', 'owner: cy'),
      'inventory/contracts/figma-2026.yaml': CONTRACT.replace('owner: ada', 'owner: cy'),
    });
    expect(await ruleFindings('owner-is-leaver', fileMap)).toEqual([
      'inventory/licenses/figma.yaml:5:8 error the owner of license figma (Figma), Cy Leaver (cy), left on 2026-01-31',
      'inventory/contracts/figma-2026.yaml:3:8 error the owner of contract figma-2026, Cy Leaver (cy), left on 2026-01-31',
    ]);
  });

  it('takes a passed end date as leaving, and warns while a leaver has not left yet', async () => {
    const people = PEOPLE.replace('status: active, start: 2020-01-01', 'status: active, start: 2020-01-01, end: 2026-03-01').replace('status: active, start: 2021-06-01', 'status: leaver, start: 2021-06-01, end: 2026-04-30');
    const fileMap = files({ 'inventory/people.yaml': people, 'inventory/contracts/figma-2026.yaml': CONTRACT.replace('owner: ada', 'owner: bob') });
    expect(await ruleFindings('owner-is-leaver', fileMap)).toEqual([
      'inventory/licenses/figma.yaml:5:8 error the owner of license figma (Figma), Ada Lovelace (ada), left on 2026-03-01',
      'inventory/contracts/figma-2026.yaml:3:8 warning the owner of contract figma-2026, Bob Byte (bob), leaves on 2026-04-30',
    ]);
  });

  it('is quiet for owners who stay, and for an expired contract', async () => {
    expect(await ruleFindings('owner-is-leaver', files())).toEqual([]);
    const ended = CONTRACT.replace('owner: ada', 'owner: cy').replace('auto_renew: true', 'auto_renew: false');
    expect(await ruleFindings('owner-is-leaver', files({ 'inventory/contracts/figma-2026.yaml': ended }), '2027-02-01')).toEqual([]);
  });
});
