import { describe, expect, it } from 'vitest';
import { reclaimPlan, type ReclaimPlan } from '../../src/analysis/reclaim/plan.ts';
import { formatPlan } from '../../src/reclaim/format.ts';
import { toDecimal } from '../../src/util/money.ts';
import { FIGMA_LICENSE, FIGMA_SEATS, FIGMA_USAGE, model, ORG_WITH, TODAY } from './fixtures.ts';

const rows = (plan: ReclaimPlan, license = 'figma') => {
  const p = plan.licenses.find((l) => l.license === license)!;
  return p.candidates.map((c) => [c.person, c.action === 'remove' ? c.tier : `${c.tier}>${c.to}`, c.reason, c.detail, toDecimal(c.annual, 'EUR'), toDecimal(c.monthly, 'EUR'), c.line]);
};
const kept = (plan: ReclaimPlan) => plan.licenses.find((l) => l.license === 'figma')!.kept.map((k) => `${k.person} ${k.tier}: ${k.why}`);

describe('reclaim plan', () => {
  it('proposes leavers and inactive seats with reasons, evidence and exact savings', async () => {
    const plan = reclaimPlan(await model(), TODAY);
    expect(rows(plan)).toEqual([
      ['cy', 'full', 'leaver', 'Cy Leaver left on 2026-01-31', '486.00', '40.50', 4],
      ['dee', 'full', 'inactive', 'no activity for 99 days (policy: 60)', '486.00', '40.50', 5],
    ]);
    const dee = plan.licenses[0]!.candidates[1]!;
    expect(dee.evidence).toEqual({ lastActive: '2025-12-01', daysInactive: 99, accountStatus: 'active' });
    expect(plan.licenses[0]!.graceUntil).toBe('2026-03-24');
    expect([toDecimal(plan.annual, 'EUR'), toDecimal(plan.monthly, 'EUR')]).toEqual(['972.00', '81.00']);
    // Slack has no usage snapshot: nothing is known to be unused.
    expect(rows(plan, 'slack')).toEqual([]);
  });

  it('proposes a downgrade when usage fits the cheaper tier', async () => {
    const usage = FIGMA_USAGE.replace('edits_90d: 12', 'edits_90d: 0');
    expect(rows(reclaimPlan(await model({ 'inventory/usage/figma.yaml': usage }), TODAY))[0]).toEqual(['ada', 'full>viewer', 'rightsize', 'usage fits viewer: edits_90d 0 ≤ 0', '486.00', '40.50', 3]);
    // A signal the vendor does not report never fits.
    const silent = FIGMA_USAGE.replace(', signals: { edits_90d: 12 }', '');
    expect(rows(reclaimPlan(await model({ 'inventory/usage/figma.yaml': silent }), TODAY)).map((r) => r[0])).toEqual(['cy', 'dee']);
  });

  it('never-used and no-account seats are candidates', async () => {
    const never = FIGMA_USAGE.replace('last_active: 2025-12-01', 'last_active: null');
    expect(rows(reclaimPlan(await model({ 'inventory/usage/figma.yaml': never }), TODAY))[1]!.slice(0, 4)).toEqual(['dee', 'full', 'never-used', 'never used in 282 days']);
    const gone = FIGMA_USAGE.split('\n').filter((l) => !l.includes('dee@')).join('\n');
    expect(rows(reclaimPlan(await model({ 'inventory/usage/figma.yaml': gone }), TODAY))[1]!.slice(0, 4)).toEqual(['dee', 'full', 'no-account', 'no account at the vendor']);
  });

  it('keeps exempt people and departments and recent assignments, and says why; leavers are never exempt', async () => {
    const exemptPerson = FIGMA_LICENSE + 'reclaim: { exempt_people: [dee, cy] }\n';
    let plan = reclaimPlan(await model({ 'inventory/licenses/figma.yaml': exemptPerson }), TODAY);
    expect(rows(plan).map((r) => r[0])).toEqual(['cy']);
    expect(kept(plan)).toEqual(['dee full: exempt from reclaim (person)']);

    plan = reclaimPlan(await model({ 'inventory/org.yaml': ORG_WITH('policies: { reclaim: { exempt_departments: [eng] } }') }), TODAY);
    expect(kept(plan)).toEqual(['dee full: exempt from reclaim (department eng)']);

    plan = reclaimPlan(await model({ 'inventory/assignments/figma.yaml': FIGMA_SEATS.replace('tier: full, since: 2025-06-01', 'tier: full, since: 2026-02-20') }), TODAY);
    expect(kept(plan)).toEqual(['dee full: assigned 18 days ago; the policy waits 30 days']);

    plan = reclaimPlan(await model({ 'inventory/licenses/figma.yaml': FIGMA_LICENSE + 'reclaim: { inactive_days: 120 }\n' }), TODAY);
    expect(rows(plan).map((r) => r[0])).toEqual(['cy']);

    plan = reclaimPlan(await model({ 'inventory/licenses/figma.yaml': FIGMA_LICENSE + 'reclaim: { enabled: false }\n' }), TODAY);
    expect(rows(plan)).toEqual([]);
  });

  it('does not propose seats people kept on the pull request', async () => {
    const plan = reclaimPlan(await model(), TODAY, { keep: new Map([['figma', new Set(['dee full'])]]) });
    expect(rows(plan).map((r) => r[0])).toEqual(['cy']);
    expect(kept(plan)).toEqual(['dee full: kept by a person on the reclaim pull request']);
  });

  it('prints the plan for --dry-run', async () => {
    expect(formatPlan(reclaimPlan(await model(), TODAY))).toMatchInlineSnapshot(`
      "figma: 2 seats, saving 81.00 EUR a month, 972.00 EUR a year; objections until 2026-03-24
        line                                person  change       last active  days  reason                                          saving a year
        inventory/assignments/figma.yaml:4  cy      remove full   2026-01-30    39  leaver: Cy Leaver left on 2026-01-31            486.00 EUR
        inventory/assignments/figma.yaml:5  dee     remove full   2025-12-01    99  inactive: no activity for 99 days (policy: 60)  486.00 EUR

      Total: 2 seats, saving 81.00 EUR a month, 972.00 EUR a year
      "
    `);
  });
});
