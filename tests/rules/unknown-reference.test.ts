import { describe, expect, it } from 'vitest';
import { CONTRACT, LICENSE, SEATS, files, ruleFindings } from '../support/inventory.ts';

describe('unknown-reference', () => {
  it('points at a misspelt vendor, owner and tier, with a suggestion', async () => {
    const fileMap = files({
      'inventory/licenses/figma.yaml': LICENSE.replace('vendor: figma', 'vendor: figmq'),
      'inventory/contracts/figma-2026.yaml': CONTRACT.replace('owner: ada', 'owner: adda'),
      'inventory/assignments/figma.yaml': SEATS.replace('tier: viewer', 'tier: veiwer'),
    });
    expect(await ruleFindings('unknown-reference', fileMap)).toEqual([
      'inventory/licenses/figma.yaml:3:9 error vendor "figmq" does not exist; did you mean "figma"?',
      'inventory/contracts/figma-2026.yaml:3:8 error person "adda" does not exist; did you mean "ada"?',
      'inventory/assignments/figma.yaml:4:26 error license "figma" has no tier "veiwer"; did you mean "viewer"?',
    ]);
  });

  it('points at a license-server feature mapped to a tier the license does not have', async () => {
    const license = `${LICENSE}usage:\n  source: flexnet\n  config: { path: usage/lmgrd.log }\n  features: { figma_design: full, figma_view: veiwer }\n`;
    expect(await ruleFindings('unknown-reference', files({ 'inventory/licenses/figma.yaml': license }))).toEqual([
      'inventory/licenses/figma.yaml:12:47 error license "figma" has no tier "veiwer"; did you mean "viewer"?',
    ]);
  });

  it('finds nothing in a consistent inventory', async () => {
    expect(await ruleFindings('unknown-reference', files())).toEqual([]);
  });
});
