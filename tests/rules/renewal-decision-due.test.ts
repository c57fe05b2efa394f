import { describe, expect, it } from 'vitest';
import { CONTRACT, ORG, files, ruleFindings } from '../support/inventory.ts';

const contract = (text: string) => files({ 'inventory/contracts/figma-2026.yaml': text });

describe('renewal-decision-due', () => {
  // org.schema and the example org.yaml: the decision is due decision_window_days before cancel-by; the message counts to that day (issue 11).
  it('warns from the decision date, 90 days before the cancel-by date of an auto-renewing contract, counting to the decision date', async () => {
    expect(await ruleFindings('renewal-decision-due', files(), '2026-10-01')).toEqual([
      "inventory/contracts/figma-2026.yaml:9:22 warning contract figma-2026 renews by itself on 2027-01-01 unless cancelled by 2026-12-02 (30 days' notice): decision due on 2026-09-03 (overdue by 28 days, 90 days before cancel-by), none recorded",
    ]);
    expect(await ruleFindings('renewal-decision-due', files(), '2026-09-03')).toHaveLength(1);
    expect(await ruleFindings('renewal-decision-due', files(), '2026-09-02')).toEqual([]);
    expect(await ruleFindings('renewal-decision-due', files(), '2026-12-02')).toEqual([
      "inventory/contracts/figma-2026.yaml:9:22 warning contract figma-2026 renews by itself on 2027-01-01 unless cancelled by 2026-12-02 (30 days' notice): decision due on 2026-09-03 (overdue by 90 days, 90 days before cancel-by), none recorded",
    ]);
    expect(await ruleFindings('renewal-decision-due', files(), '2026-09-03')).toEqual([
      "inventory/contracts/figma-2026.yaml:9:22 warning contract figma-2026 renews by itself on 2027-01-01 unless cancelled by 2026-12-02 (30 days' notice): decision due on 2026-09-03 (today, 90 days before cancel-by), none recorded",
    ]);
    // After the cancel-by date, cancel-by-passed takes over.
    expect(await ruleFindings('renewal-decision-due', files(), '2026-12-03')).toEqual([]);
  });

  it('takes the window from policies.renewal.decision_window_days', async () => {
    const org = files({ 'inventory/org.yaml': `${ORG}policies:\n  renewal: { decision_window_days: 30 }\n` });
    expect(await ruleFindings('renewal-decision-due', org, '2026-11-01')).toEqual([]);
    expect(await ruleFindings('renewal-decision-due', org, '2026-11-02')).toEqual([
      "inventory/contracts/figma-2026.yaml:9:22 warning contract figma-2026 renews by itself on 2027-01-01 unless cancelled by 2026-12-02 (30 days' notice): decision due on 2026-11-02 (today, 30 days before cancel-by), none recorded",
    ]);
  });

  it('warns before the end minus notice of a contract that does not renew, until it ends', async () => {
    const fixed = contract(CONTRACT.replace('auto_renew: true', 'auto_renew: false').replace('renewal: { decision: undecided }\n', ''));
    expect(await ruleFindings('renewal-decision-due', fixed, '2026-12-10')).toEqual([
      "inventory/contracts/figma-2026.yaml:6:6 warning contract figma-2026 ends on 2026-12-31 and does not renew by itself; its notice date is 2026-12-02 (30 days' notice): decision whether to renew due on 2026-09-03 (overdue by 98 days, 90 days before cancel-by), none recorded",
    ]);
    expect(await ruleFindings('renewal-decision-due', fixed, '2027-01-01')).toEqual([]);
  });

  it('names a contract that rolled past its written end', async () => {
    const rolling = contract(CONTRACT.replace('start: 2026-01-01', 'start: 2024-01-01').replace('end: 2026-12-31', 'end: 2024-12-31').replace('decision: undecided', 'decision: renew'));
    expect(await ruleFindings('renewal-decision-due', rolling, '2026-11-01')).toEqual([
      "inventory/contracts/figma-2026.yaml:9:22 warning contract figma-2026, which already renewed by itself past its written end 2024-12-31, renews by itself on 2027-01-01 unless cancelled by 2026-12-02 (30 days' notice): decision due on 2026-09-03 (overdue by 59 days, 90 days before cancel-by), none recorded",
    ]);
  });

  it('is quiet with a decision recorded, or with a successor', async () => {
    expect(await ruleFindings('renewal-decision-due', contract(CONTRACT.replace('decision: undecided', 'decision: cancel')), '2026-10-01')).toEqual([]);
    const successor = CONTRACT.replace('id: figma-2026', 'id: figma-2027').replace('start: 2026-01-01', 'start: 2027-01-01').replace('end: 2026-12-31', 'end: 2027-12-31').replace('lines:', 'previous: figma-2026\nlines:');
    expect(await ruleFindings('renewal-decision-due', files({ 'inventory/contracts/figma-2027.yaml': successor }), '2026-10-01')).toEqual([]);
  });
});
