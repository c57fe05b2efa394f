import { describe, expect, it } from 'vitest';
import { LICENSE, files, ruleFindings } from '../support/inventory.ts';

const ownerless = LICENSE.replace('owner: ada\n', '');

describe('license-without-owner', () => {
  it('points at the id of a license with no owner', async () => {
    expect(await ruleFindings('license-without-owner', files({ 'inventory/licenses/figma.yaml': ownerless }))).toEqual([
      'inventory/licenses/figma.yaml:1:5 warning license figma (Figma) has no owner',
    ]);
  });

  it('is quiet for an owned license and for a retired one', async () => {
    expect(await ruleFindings('license-without-owner', files())).toEqual([]);
    expect(await ruleFindings('license-without-owner', files({ 'inventory/licenses/figma.yaml': `${ownerless}retired: 2026-01-01\n` }))).toEqual([]);
  });
});
