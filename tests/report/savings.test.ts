import { afterEach, describe, expect, it } from 'vitest';
import { tierPrices } from '../../src/analysis/report/prices.ts';
import { fiscalYearStart, savingsRealised } from '../../src/analysis/savings.ts';
import { reclaimChanges, reclaimTrailers } from '../../src/report/realised.ts';
import { seatChanges } from '../../src/reclaim/seats-diff.ts';
import { toDecimal } from '../../src/util/money.ts';
import { tempRepo, type TestRepo } from '../support/git.ts';
import { FIGMA_SEATS, model, modelFiles, TODAY } from './model.ts';

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));

describe('savings realised', () => {
  it('starts the year at the fiscal year start', () => {
    expect(fiscalYearStart('2026-03-10')).toBe('2026-01-01');
    expect(fiscalYearStart('2026-03-10', '04-01')).toBe('2025-04-01');
    expect(fiscalYearStart('2026-04-01', '04-01')).toBe('2026-04-01');
  });

  it('reads trailers and seat changes', () => {
    expect(reclaimTrailers('Reclaim 2 seats\n\nLac-Reclaim: figma\nlac-reclaim: slack\nLac-Reclaim: figma\n')).toEqual(['figma', 'slack']);
    expect(reclaimTrailers('Mentions Lac-Reclaim: figma inline')).toEqual([]);
    const before = [{ holder: 'ada', tier: 'full' }, { holder: 'cy', tier: 'full' }, { holder: 'bob', tier: 'viewer' }];
    const after = [{ holder: 'ada', tier: 'viewer' }, { holder: 'bob', tier: 'viewer' }, { holder: 'new', tier: 'full' }];
    expect(seatChanges(before, after)).toEqual([{ holder: 'ada', tier: 'full', to: 'viewer' }, { holder: 'cy', tier: 'full' }]);
  });

  it('counts squash-merged and merged reclaim commits on the branch, prices downgrades by the difference, and ignores other commits', async () => {
    const repo = tempRepo();
    repos.push(repo);
    repo.commit(modelFiles(), { message: 'Inventory', date: '2025-12-01T09:00:00Z' });
    // Last fiscal year: not counted.
    repo.commit({ 'inventory/assignments/figma.yaml': FIGMA_SEATS.replace('  - { person: bob, tier: viewer, since: 2026-01-05 }\n', '') }, { message: 'Reclaim 1 figma seat\n\nLac-Reclaim: figma', date: '2025-12-20T09:00:00Z' });
    // A person's own removal, without the trailer: not a reclaim.
    repo.commit({ 'inventory/assignments/figma.yaml': FIGMA_SEATS.replace('  - { person: cy, tier: full, since: 2025-01-05 }\n', '') }, { message: 'Remove cy', date: '2026-01-10T09:00:00Z' });
    // A squash merge of a reclaim PR: dee removed, ada downgraded.
    repo.commit({ 'inventory/assignments/figma.yaml': FIGMA_SEATS.replace('  - { person: cy, tier: full, since: 2025-01-05 }\n', '').replace('  - { person: dee, tier: full, since: 2025-06-01 }\n', '').replace('ada, tier: full', 'ada, tier: viewer') }, { message: 'Reclaim 2 figma seats (#7)\n\n* Reclaim 2 figma seats\n\nLac-Reclaim: figma', date: '2026-02-02T09:00:00Z' });
    const changes = await reclaimChanges(repo.dir, '2026-01-01', 'Europe/Berlin');
    expect(changes!.map((c) => [c.date, c.license, c.holder, c.tier, c.to ?? '-'])).toEqual([
      ['2026-02-02', 'figma', 'ada', 'full', 'viewer'],
      ['2026-02-02', 'figma', 'dee', 'full', '-'],
    ]);
    const inv = await model();
    const s = savingsRealised(changes!, tierPrices(inv, TODAY), '2026-01-01');
    // Full seats cost 486.00 EUR; viewer seats are unlimited (no per-seat price): both changes save a full seat.
    expect([s.seats.value, toDecimal(s.annual.value, 'EUR')]).toEqual([2, '972.00']);
    expect(s.annual.from.map((f) => f.what)).toEqual([expect.stringMatching(/^commit [0-9a-f]{12} \(2026-02-02\): ada full → viewer$/), expect.stringMatching(/dee full removed$/)]);
  });

  it('is undefined outside a git repository', async () => {
    expect(await reclaimChanges('/', '2026-01-01', 'UTC')).toBeUndefined();
  });
});
