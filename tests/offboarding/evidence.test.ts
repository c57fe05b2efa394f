// Offboarding evidence (issue 13) from a real git history: per leaver and seat, the removal commit,
// PR and days; per fiscal quarter, the share of leavers whose seats all went within removal_days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offboarding, type Offboarding } from '../../src/analysis/offboarding/index.ts';
import { history } from '../../src/history/history.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { fsSource } from '../../src/inventory/source.ts';
import { ruleFindings } from '../support/inventory.ts';
import { buildOffboardingRepo, TODAY, type OffboardingRepo } from './fixture.ts';

async function evidence(r: OffboardingRepo, today = TODAY): Promise<Offboarding> {
  const { inventory } = await loadInventory(fsSource(r.repo.dir));
  const { events } = await history(r.repo.dir, { timeZone: 'Europe/Berlin', diskCache: false });
  return offboarding(inventory, events, today, 'Europe/Berlin');
}

const brief = (o: Offboarding) => o.leavers.map((l) => [l.person, l.end, l.quarter, l.verdict, l.allRemovedOn, l.worstDays?.value ?? null, l.seats.map((s) => `${s.license}/${s.tier} ${s.removal?.value.on ?? 'held'} ${s.days.value} ${s.status}${s.removal?.value.pr ? ` #${s.removal.value.pr}` : ''}`)]);
const quarters = (o: Offboarding) => o.quarters.map((q) => [q.quarter, q.from, q.to, q.leavers.value, q.onTime.value, q.noSeats.value, q.late.value, q.overdue.value, q.pending.value, q.share?.value ?? null]);

describe('offboarding evidence', () => {
  let r: OffboardingRepo;
  beforeAll(() => {
    r = buildOffboardingRepo(5);
  });
  afterAll(() => r.repo.cleanup());

  it('lists each leaver\'s seats with the removing commit, PR and days after the last day (org time zone)', async () => {
    const o = await evidence(r);
    expect(brief(o)).toEqual([
      ['hal', '2026-01-20', 'FY2026-Q1', 'on-time', '2026-01-18', -2, ['figma/viewer 2026-01-18 -2 removed-on-time #2']],
      ['bob', '2026-02-10', 'FY2026-Q1', 'on-time', '2026-02-13', 3, ['figma/viewer 2026-02-13 3 removed-on-time #4', 'miro/member 2026-02-13 3 removed-on-time #4']],
      ['fay', '2026-03-15', 'FY2026-Q1', 'no-seats', null, null, []],
      ['cy', '2026-03-31', 'FY2026-Q1', 'late', '2026-04-10', 10, ['figma/viewer 2026-04-10 10 removed-late']],
      ['dan', '2026-04-01', 'FY2026-Q2', 'overdue', null, 19, ['figma/viewer held 19 held-overdue']],
      ['eve', '2026-04-15', 'FY2026-Q2', 'pending', null, 5, ['miro/member held 5 held-within']],
    ]);
    expect(o.leaving).toEqual([{ person: 'gus', name: 'Gus Future', end: '2026-05-30' }]);
    expect(o.beforeHistory).toEqual([{ person: 'ivy', name: 'Ivy Before', end: '2025-06-30' }]);
    const bob = o.leavers.find((l) => l.person === 'bob')!;
    const by = { file: 'inventory/assignments/figma.yaml', what: `commit ${r.shas.bob.slice(0, 12)} (2026-02-13) PR #4: bob figma viewer seat removed` };
    const end = { file: 'inventory/people.yaml', line: 3, what: 'bob last day 2026-02-10' };
    expect(bob.seats[0]!.removal).toEqual({ value: { on: '2026-02-13', commit: r.shas.bob, pr: 4, author: 'Ada Lovelace' }, from: [by] });
    expect(bob.seats[0]!.days).toEqual({ value: 3, from: [by, end] });
    expect(bob.from).toEqual([end]);
    expect(o.leavers.find((l) => l.person === 'cy')!.seats[0]!.removal!.value).toMatchObject({ commit: r.shas.cy, pr: null });
    expect(o.leavers.find((l) => l.person === 'dan')!.seats[0]!.days.from).toContainEqual({ file: 'inventory/assignments/figma.yaml', line: 4, what: 'dan figma viewer seat still held' });
    expect(o.removalDays).toEqual({ value: 5, from: [{ file: 'inventory/org.yaml', line: 10, what: 'seats go within 5 days of the last day' }] });
  });

  it('counts per quarter of the end date: on time (no seats included), late, overdue, pending, and the share of the decided', async () => {
    expect(quarters(await evidence(r))).toEqual([
      ['FY2026-Q1', '2026-01-01', '2026-03-31', 4, 3, 1, 1, 0, 0, { onTime: 3, decided: 4, percent: 75 }],
      ['FY2026-Q2', '2026-04-01', '2026-06-30', 2, 0, 0, 0, 1, 1, { onTime: 0, decided: 1, percent: 0 }],
    ]);
  });

  it('a pending seat becomes overdue the day after its deadline; the future leaver counts once the last day has passed', async () => {
    const later = await evidence(r, '2026-05-31');
    expect(later.leavers.find((l) => l.person === 'eve')!.verdict).toBe('overdue');
    expect(later.leavers.find((l) => l.person === 'gus')).toMatchObject({ verdict: 'no-seats', quarter: 'FY2026-Q2' });
    expect(later.leaving).toEqual([]);
    expect(quarters(later)[1]).toEqual(['FY2026-Q2', '2026-04-01', '2026-06-30', 3, 1, 1, 0, 2, 0, { onTime: 1, decided: 3, percent: 33.3 }]);
  });

  it('agrees with leaver-removal-overdue: the rule flags exactly the held-overdue seats', async () => {
    for (const today of [TODAY, '2026-04-21', '2026-04-06']) {
      const o = await evidence(r, today);
      const held = o.leavers.flatMap((l) => l.seats.filter((s) => s.status === 'held-overdue').map((s) => s.days.from.find((f) => f.what.endsWith('still held'))!).map((f) => `${f.file}:${f.line}`));
      const files = Object.fromEntries(['org.yaml', 'people.yaml', 'assignments/figma.yaml', 'assignments/miro.yaml', 'licenses/figma.yaml', 'licenses/miro.yaml', 'vendors/figma.yaml', 'vendors/miro.yaml'].map((f) => [`inventory/${f}`, r.repo.git(['show', `HEAD:inventory/${f}`])]));
      const found = (await ruleFindings('leaver-removal-overdue', files, today)).map((f) => f.split(':').slice(0, 2).join(':'));
      expect(found).toEqual(held);
    }
  });
});

describe('offboarding evidence with a fiscal year from February', () => {
  let r: OffboardingRepo;
  beforeAll(() => {
    r = buildOffboardingRepo(5, '02-01');
  });
  afterAll(() => r.repo.cleanup());

  it('groups by fiscal quarter', async () => {
    expect(quarters(await evidence(r))).toEqual([
      ['FY2025-Q4', '2025-11-01', '2026-01-31', 1, 1, 0, 0, 0, 0, { onTime: 1, decided: 1, percent: 100 }],
      ['FY2026-Q1', '2026-02-01', '2026-04-30', 5, 2, 1, 1, 1, 1, { onTime: 2, decided: 4, percent: 50 }],
    ]);
  });
});

describe('offboarding evidence without a policy', () => {
  let r: OffboardingRepo;
  beforeAll(() => {
    r = buildOffboardingRepo(null);
  });
  afterAll(() => r.repo.cleanup());

  it('lists the days with no verdict and no share', async () => {
    const o = await evidence(r);
    expect(o.removalDays).toBeNull();
    expect(o.leavers.map((l) => `${l.person} ${l.verdict} ${l.worstDays?.value ?? null}`)).toEqual(['hal removed -2', 'bob removed 3', 'fay no-seats null', 'cy removed 10', 'dan held 19', 'eve held 5']);
    expect(quarters(o).map((q) => [q[0], q[3], q[9]])).toEqual([['FY2026-Q1', 4, null], ['FY2026-Q2', 2, null]]);
  });
});
