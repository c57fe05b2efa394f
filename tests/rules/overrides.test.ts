import { describe, expect, it } from 'vitest';
import { ORG, PEOPLE, files, ruleFindings } from '../support/inventory.ts';

const withRules = (rules: string) => files({ 'inventory/org.yaml': `${ORG}rules:\n${rules}` });

describe('severity overrides in org.yaml `rules:`', () => {
  it('drops a rule that is off', async () => {
    expect(await ruleFindings('cancel-by-passed', files(), '2026-12-10')).toHaveLength(1);
    expect(await ruleFindings('cancel-by-passed', withRules('  cancel-by-passed: off\n'), '2026-12-10')).toEqual([]);
  });

  it('changes the severity of every finding of a rule', async () => {
    expect(await ruleFindings('cancel-by-passed', withRules('  cancel-by-passed: warning\n'), '2026-12-10')).toEqual([
      "inventory/contracts/figma-2026.yaml:8:9 warning contract figma-2026: the cancel-by date 2026-12-02 passed 8 days ago (30 days' notice before it renews on 2027-01-01) and no renewal decision is recorded",
    ]);
  });

  it('overrides the softer severity a rule gives some of its findings', async () => {
    const people = PEOPLE.replace('status: active, start: 2021-06-01', 'status: leaver, start: 2021-06-01, end: 2026-04-30');
    const fileMap = { ...withRules('  seat-held-by-leaver: notice\n'), 'inventory/people.yaml': people };
    expect(await ruleFindings('seat-held-by-leaver', fileMap)).toEqual([
      'inventory/assignments/figma.yaml:4:15 notice Bob Byte (bob) leaves on 2026-04-30 and still holds a figma viewer seat',
    ]);
  });

  it('leaves other rules alone', async () => {
    const fileMap = { ...withRules('  renewal-decision-due: off\n') };
    expect(await ruleFindings('cancel-by-passed', fileMap, '2026-12-10')).toHaveLength(1);
  });
});
