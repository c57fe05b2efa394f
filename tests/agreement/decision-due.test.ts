// Agreement (issue 11): check's renewal-decision-due and `lac renewals` show the same decision date,
// cancel-by minus policies.renewal.decision_window_days, over synthetic organizations and many days.
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check/run.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import { planRenewals } from '../../src/renewals/plan.ts';
import { synthesize } from '../../src/synth/index.ts';
import { addDays } from '../../src/util/dates.ts';

describe('renewal decision dates agree', () => {
  it('every renewal-decision-due finding names the decision date `lac renewals` computes, and every undecided renewal past it is reported', async () => {
    let compared = 0;
    for (const seed of [1, 2]) {
      const files = Object.fromEntries(synthesize({ people: 120, seed }).files);
      for (let offset = -300; offset <= 300; offset += 60) {
        const today = addDays('2026-11-23', offset);
        const { findings, inventory } = await check(memorySource(files), { today });
        const renewals = new Map(planRenewals(inventory, today).map((r) => [r.contract.src.file, r]));
        const due = findings.filter((f) => f.rule === 'renewal-decision-due');
        for (const f of due) {
          const r = renewals.get(f.file)!;
          expect(f.message).toContain(`due on ${r.dates.decisionDue} (`);
          expect(r.dates.decisionDue).toBe(addDays(r.dates.cancelBy, -r.decisionWindowDays));
          expect(r.dates.daysToDecision).toBeLessThanOrEqual(0);
          compared++;
        }
        const open = [...renewals.values()].filter((r) => r.dates.status === 'notice-window' && r.dates.decision === 'undecided').map((r) => r.contract.src.file).sort();
        expect(open.every((file) => due.some((f) => f.file === file))).toBe(true);
      }
    }
    expect(compared).toBeGreaterThan(5);
  });
});
