import { describe, expect, it } from 'vitest';
import { CONTRACT, LICENSE, files, ruleFindings } from '../support/inventory.ts';

const FIXED = CONTRACT.replace('auto_renew: true', 'auto_renew: false');

describe('no-active-contract', () => {
  it('points at the license of an assignments file that no contract in force covers', async () => {
    const fileMap = files({ 'inventory/contracts/figma-2026.yaml': FIXED });
    expect(await ruleFindings('no-active-contract', fileMap, '2027-01-01')).toEqual([
      'inventory/assignments/figma.yaml:1:10 error 2 seats of figma assigned, but no contract in force on 2027-01-01 covers figma (figma-2026 ended on 2026-12-31)',
    ]);
    expect(await ruleFindings('no-active-contract', fileMap, '2025-12-31')).toEqual([
      'inventory/assignments/figma.yaml:1:10 error 2 seats of figma assigned, but no contract in force on 2025-12-31 covers figma (figma-2026 starts on 2026-01-01)',
    ]);
    expect(await ruleFindings('no-active-contract', files({ 'inventory/contracts/figma-2026.yaml': null }))).toEqual([
      'inventory/assignments/figma.yaml:1:10 error 2 seats of figma assigned, but no contract in force on 2026-03-10 covers figma (no contract names it)',
    ]);
  });

  it('counts a site license too: the right to use comes from a contract', async () => {
    const fileMap = files({ 'inventory/contracts/figma-2026.yaml': null, 'inventory/licenses/figma.yaml': LICENSE.replace('type: subscription', 'type: site') });
    expect(await ruleFindings('no-active-contract', fileMap)).toHaveLength(1);
  });

  it('is quiet under a contract in force, a rolled one, or a perpetual purchase without end', async () => {
    expect(await ruleFindings('no-active-contract', files())).toEqual([]);
    expect(await ruleFindings('no-active-contract', files(), '2028-06-01')).toEqual([]);
    const perpetual = FIXED.replace('end: 2026-12-31\n', '').replace('start: 2026-01-01', 'start: 2019-03-01');
    const fileMap = files({ 'inventory/contracts/figma-2026.yaml': perpetual, 'inventory/licenses/figma.yaml': LICENSE.replace('type: subscription', 'type: perpetual') });
    expect(await ruleFindings('no-active-contract', fileMap, '2031-01-01')).toEqual([]);
  });

  it('leaves a retired license to retired-license-has-seats', async () => {
    const fileMap = files({ 'inventory/contracts/figma-2026.yaml': null, 'inventory/licenses/figma.yaml': `${LICENSE}retired: 2026-02-01\n` });
    expect(await ruleFindings('no-active-contract', fileMap)).toEqual([]);
  });
});
