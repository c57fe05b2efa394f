// Agreement (issue 11): `lac check`'s inactive-seat reports exactly the seats `lac reclaim` proposes
// as inactive or never used, under the same reclaim policy, over many generated organizations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reclaimPlan } from '../../src/analysis/reclaim/plan.ts';
import { check } from '../../src/check/run.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import { org, render, TODAY, type GenOrg } from './arbitrary.ts';

async function both(o: GenOrg) {
  const { findings, inventory } = await check(memorySource(render(o)), { today: TODAY });
  const errors = findings.filter((f) => f.severity === 'error' && !['seat-held-by-leaver', 'owner-is-leaver', 'over-assigned'].includes(f.rule));
  const checked = findings.filter((f) => f.rule === 'inactive-seat').map((f) => `${f.file}:${f.line}`).sort();
  const plan = reclaimPlan(inventory, TODAY);
  const candidates = plan.licenses.flatMap((l) => l.candidates);
  const proposed = candidates.filter((c) => c.reason === 'inactive' || c.reason === 'never-used').map((c) => `${c.file}:${c.line}`).sort();
  return { errors, checked, proposed, candidates, kept: plan.licenses.flatMap((l) => l.kept) };
}

describe('check and reclaim agree', () => {
  it("check's inactive-seat set equals reclaim's inactive and never-used candidates", async () => {
    let warned = 0;
    await fc.assert(
      fc.asyncProperty(org, async (o) => {
        const r = await both(o);
        expect(r.errors).toEqual([]);
        expect(r.checked).toEqual(r.proposed);
        if (r.checked.length > 0) warned++;
        // The policy decides for both: nothing when disabled, never an exempt person, never a cancelled seat.
        if (!o.policy.enabled) expect(r.checked).toEqual([]);
        const exempt = new Set(o.policy.exempt_people.map((i) => `p${i}`));
        expect(r.candidates.filter((c) => c.reason !== 'leaver' && exempt.has(c.person))).toEqual([]);
        const cancelled = new Set(o.usage ? o.accounts.filter((a) => a.cancelling && a.status !== 'absent').map((a) => `p${a.person}`) : []);
        expect(r.candidates.filter((c) => c.reason !== 'leaver' && cancelled.has(c.person))).toEqual([]);
      }),
      { numRuns: 60, seed: 11 },
    );
    // The generator reaches the interesting cases: many organizations have idle seats to agree on.
    expect(warned).toBeGreaterThan(8);
  });

  it('an exempted person is neither warned about nor proposed, and is listed as kept (the hint check gives)', async () => {
    const idle: GenOrg = {
      people: [{ id: 'p0', department: 'eng', status: 'active', end: null }, { id: 'p1', department: 'sales', status: 'active', end: null }],
      policy: { enabled: true, inactive_days: 30, grace_days: 7, min_tenure_days: 0, exempt_people: [], exempt_departments: [] },
      fullQuantity: 2, fullPrice: '540.00', usage: true,
      seats: [{ person: 0, tier: 'full', held: 200 }, { person: 1, tier: 'full', held: 200 }],
      accounts: [{ person: 0, status: 'active', idle: 100, cancelling: false }, { person: 1, status: 'active', idle: 100, cancelling: true }],
    };
    const before = await both(idle);
    expect(before.checked).toEqual(['inventory/assignments/figma.yaml:3']);
    expect(before.kept).toEqual([{ person: 'p1', tier: 'full', why: 'already cancelled at the vendor; the seat ends on 2026-07-05' }]);
    const after = await both({ ...idle, policy: { ...idle.policy, exempt_people: [0] } });
    expect([after.checked, after.proposed]).toEqual([[], []]);
    expect(after.kept).toContainEqual({ person: 'p0', tier: 'full', why: 'exempt from reclaim (person)' });
  });
});
