// Leaver status is one verdict (src/analysis/leaver.ts), issue 11: someone leaving on a day ahead is
// "leaving" everywhere — check's warning, the site's overview, people and person pages, reclaim —
// and "left" only once the day has passed.
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reclaimPlan } from '../../src/analysis/reclaim/plan.ts';
import { buildSiteInput } from '../../src/site/input.ts';
import { siteFromInput } from '../../src/site/site-data.ts';
import { tempRepo } from '../support/cli.ts';
import { check } from '../../src/check/run.ts';
import { fsSource } from '../../src/inventory/source.ts';
import { files, PEOPLE } from '../support/inventory.ts';

const leaving = PEOPLE.replace('status: active, start: 2021-06-01 }', 'status: leaver, start: 2021-06-01, end: 2026-04-30 }');

describe('a leaver whose leaving day is ahead', () => {
  it('is leaving on the site, in check and in reclaim until the day has passed, then left', async () => {
    const dir = tempRepo(files({ 'inventory/people.yaml': leaving }));
    try {
      const before = siteFromInput(await buildSiteInput({ root: dir, today: '2026-03-10', env: {} }));
      expect(before.tables['leavers-holding-seats']!.rows).toEqual([[{ text: 'Bob Byte', href: '/people/bob/', id: 'bob', email: 'bob@test.example' }, 'leaves on 2026-04-30', { text: 'Figma', href: '/licenses/figma/', id: 'figma' }, 'viewer', '2026-01-05']]);
      const bob = before.pages.find((p) => p.route === '/people/bob/')!.sections.find((s) => s.type === 'facts');
      expect(bob && bob.type === 'facts' && bob.items.find((i) => i.value === '2026-04-30')?.label).toBe('Leaves on');
      const warned = (await check(fsSource(dir), { today: '2026-03-10' })).findings.filter((f) => f.rule === 'seat-held-by-leaver');
      expect(warned.map((f) => [f.severity, f.message])).toEqual([['warning', 'Bob Byte (bob) leaves on 2026-04-30 and still holds a figma viewer seat']]);

      const after = siteFromInput(await buildSiteInput({ root: dir, today: '2026-05-02', env: {} }));
      expect(after.tables['leavers-holding-seats']!.rows[0]![1]).toBe('left on 2026-04-30');
      const { inventory, findings } = await check(fsSource(dir), { today: '2026-05-02' });
      expect(findings.filter((f) => f.rule === 'seat-held-by-leaver').map((f) => f.severity)).toEqual(['error']);
      expect(reclaimPlan(inventory, '2026-05-02').licenses[0]!.candidates.map((c) => [c.person, c.reason])).toEqual([['bob', 'leaver']]);
      expect(reclaimPlan(inventory, '2026-03-10').licenses[0]!.candidates).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
