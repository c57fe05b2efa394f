import { describe, expect, it } from 'vitest';
import { CONTRACT, files, ruleFindings } from '../support/inventory.ts';

const contract = (text: string) => files({ 'inventory/contracts/figma-2026.yaml': text });
const ROLLING = CONTRACT.replace('start: 2026-01-01', 'start: 2024-01-01').replace('end: 2026-12-31', 'end: 2024-12-31').replace('{ days: 30 }', '{ months: 2 }');

describe('cancel-by-passed', () => {
  it('points at the notice of a contract past its cancel-by date with no decision', async () => {
    expect(await ruleFindings('cancel-by-passed', files(), '2026-12-10')).toEqual([
      "inventory/contracts/figma-2026.yaml:8:9 error contract figma-2026: the cancel-by date 2026-12-02 passed 8 days ago (30 days' notice before it renews on 2027-01-01) and no renewal decision is recorded",
    ]);
    const months = contract(CONTRACT.replace('{ days: 30 }', '{ months: 3 }'));
    expect(await ruleFindings('cancel-by-passed', months, '2026-10-02')).toEqual([
      "inventory/contracts/figma-2026.yaml:8:9 error contract figma-2026: the cancel-by date 2026-10-01 passed 1 day ago (3 months' notice before it renews on 2027-01-01) and no renewal decision is recorded",
    ]);
  });

  it('reports a contract that rolled past its written end, even with a decision for that written term', async () => {
    const decided = contract(ROLLING.replace('decision: undecided', 'decision: renew'));
    expect(await ruleFindings('cancel-by-passed', decided, '2026-11-15')).toEqual([
      'inventory/contracts/figma-2026.yaml:8:9 error contract figma-2026 renewed by itself 2 times past its written end 2024-12-31; for the term 2026-01-01 to 2026-12-31 the cancel-by date 2026-11-01 passed 14 days ago (renews again on 2027-01-01) and no decision is recorded',
    ]);
  });

  it('is quiet on the cancel-by date itself, with a decision, with a successor, or without auto-renewal', async () => {
    expect(await ruleFindings('cancel-by-passed', files(), '2026-12-02')).toEqual([]);
    expect(await ruleFindings('cancel-by-passed', contract(CONTRACT.replace('decision: undecided', 'decision: renegotiate')), '2026-12-10')).toEqual([]);
    expect(await ruleFindings('cancel-by-passed', contract(CONTRACT.replace('auto_renew: true', 'auto_renew: false')), '2026-12-10')).toEqual([]);
    const successor = CONTRACT.replace('id: figma-2026', 'id: figma-2027').replace('start: 2026-01-01', 'start: 2027-01-01').replace('end: 2026-12-31', 'end: 2027-12-31').replace('lines:', 'previous: figma-2026\nlines:');
    expect(await ruleFindings('cancel-by-passed', files({ 'inventory/contracts/figma-2027.yaml': successor }), '2026-12-10')).toEqual([]);
  });
});
