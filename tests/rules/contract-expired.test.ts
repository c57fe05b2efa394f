import { describe, expect, it } from 'vitest';
import { CONTRACT, LICENSE, files, ruleFindings } from '../support/inventory.ts';

const FIXED = CONTRACT.replace('auto_renew: true', 'auto_renew: false');
const next = (over: { id?: string; previous?: string } = {}) =>
  CONTRACT.replace('id: figma-2026', `id: ${over.id ?? 'figma-2027'}`)
    .replace('start: 2026-01-01', 'start: 2027-01-01')
    .replace('end: 2026-12-31', 'end: 2027-12-31')
    .replace('lines:', over.previous ? `previous: ${over.previous}\nlines:` : 'lines:');

describe('contract-expired', () => {
  it('points at the end of a contract that ended with nothing after it', async () => {
    expect(await ruleFindings('contract-expired', files({ 'inventory/contracts/figma-2026.yaml': FIXED }), '2027-01-05')).toEqual([
      'inventory/contracts/figma-2026.yaml:6:6 warning contract figma-2026 ended on 2026-12-31 (not auto-renewing) and no contract follows it for figma',
    ]);
    const cancelled = `title: Figma Organization 2026\n${CONTRACT.replace('decision: undecided', 'decision: cancel')}`;
    expect(await ruleFindings('contract-expired', files({ 'inventory/contracts/figma-2026.yaml': cancelled }), '2027-01-05')).toEqual([
      'inventory/contracts/figma-2026.yaml:7:6 warning contract figma-2026 (Figma Organization 2026) ended on 2026-12-31 (cancelled) and no contract follows it for figma',
    ]);
  });

  it('is quiet when a contract names it as previous (that one is judged on its own)', async () => {
    const fileMap = files({ 'inventory/contracts/figma-2026.yaml': FIXED, 'inventory/contracts/figma-2027.yaml': next({ previous: 'figma-2026' }).replace('auto_renew: true', 'auto_renew: false') });
    expect(await ruleFindings('contract-expired', fileMap, '2028-02-01')).toEqual([
      'inventory/contracts/figma-2027.yaml:6:6 warning contract figma-2027 ended on 2027-12-31 (not auto-renewing) and no contract follows it for figma',
    ]);
  });

  it('is quiet when another contract in force or starting later covers its licenses', async () => {
    const later = files({ 'inventory/contracts/figma-2026.yaml': FIXED, 'inventory/contracts/figma-2027b.yaml': next({ id: 'figma-2027b' }).replace('start: 2027-01-01', 'start: 2027-02-01') });
    expect(await ruleFindings('contract-expired', later, '2027-01-05')).toEqual([]);
    const inForce = files({ 'inventory/contracts/figma-2026.yaml': FIXED, 'inventory/contracts/figma-2027b.yaml': next({ id: 'figma-2027b' }) });
    expect(await ruleFindings('contract-expired', inForce, '2027-01-05')).toEqual([]);
  });

  it('is quiet for a retired license, a running contract and an auto-renewing one', async () => {
    const retired = files({ 'inventory/contracts/figma-2026.yaml': FIXED, 'inventory/licenses/figma.yaml': `${LICENSE}retired: 2026-12-31\n` });
    expect(await ruleFindings('contract-expired', retired, '2027-01-05')).toEqual([]);
    expect(await ruleFindings('contract-expired', files({ 'inventory/contracts/figma-2026.yaml': FIXED }), '2026-12-31')).toEqual([]);
    expect(await ruleFindings('contract-expired', files(), '2027-01-05')).toEqual([]);
  });
});
