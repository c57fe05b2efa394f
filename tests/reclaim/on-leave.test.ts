import { describe, expect, it } from 'vitest';
import { reclaimPlan } from '../../src/analysis/reclaim/plan.ts';
import { PEOPLE, FIGMA_USAGE, model, TODAY } from './fixtures.ts';

describe('reclaim and people on leave', () => {
  it('keeps the idle seat of someone on leave and says why, but still proposes a downgrade that fits', async () => {
    const onLeave = PEOPLE.replace('dee@test.example, department: eng, cost_centre: CC-999, status: active', 'dee@test.example, department: eng, cost_centre: CC-999, status: on-leave');
    const plan = reclaimPlan(await model({ 'inventory/people.yaml': onLeave }), TODAY).licenses.find((l) => l.license === 'figma')!;
    expect(plan.candidates.map((c) => c.person)).toEqual(['cy']);
    expect(plan.kept.map((k) => `${k.person}: ${k.why}`)).toContain('dee: on leave: idle until they return');
    const lightUser = FIGMA_USAGE.replace('last_active: 2025-12-01', 'last_active: 2026-03-08, signals: { edits_90d: 0 }');
    const downgrade = reclaimPlan(await model({ 'inventory/people.yaml': onLeave, 'inventory/usage/figma.yaml': lightUser }), TODAY).licenses.find((l) => l.license === 'figma')!;
    expect(downgrade.candidates.map((c) => `${c.person} ${c.action}`)).toEqual(['cy remove', 'dee downgrade']);
  });
});
