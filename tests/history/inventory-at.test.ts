// The point-in-time views read the inventory at a commit; at the commit they are built from they use the one loaded already.
import { describe, expect, it } from 'vitest';
import { evidencePacks, periodsWithHistory } from '../../src/report/evidence/run.ts';
import { history } from '../../src/history/history.ts';
import { inventoriesAt, inventoryAt } from '../../src/inventory/at-commit.ts';
import { gitSource } from '../../src/inventory/git-source.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { isPointInTime, type Inventory } from '../../src/inventory/model.ts';
import { seatViews } from '../../src/analysis/report/seats.ts';
import { snapshotDates, snapshots } from '../../src/site/model/snapshots.ts';
import { buildFixture } from './fixture.ts';

const records = <T>(m: Map<string, { data: T }>) => [...m].map(([k, r]) => [k, r.data]);
/** What an inventory holds, without the source maps (functions, one per read). */
const dataOf = (inv: Inventory) => ({
  org: inv.org?.data, people: records(inv.people), vendors: records(inv.vendors), licenses: records(inv.licenses), contracts: records(inv.contracts),
  usage: records(inv.usage), policies: records(inv.policies), discovered: records(inv.discovered),
  assignments: [...inv.assignments].map(([k, l]) => [k, l.file, l.seats, l.index]), invalid: inv.invalid, broken: inv.broken, files: inv.files,
});

describe('the inventory at a commit', () => {
  it('is the known inventory at its commit, a fresh read at any other, and the snapshots and evidence packs are those of fresh reads', async () => {
    const f = buildFixture();
    try {
      const root = f.repo.dir;
      const head = f.shas.usage;
      const { inventory } = await loadInventory(gitSource(root, head));
      const known = { commit: head, inventory };
      expect(await inventoryAt(root, head, known)).toBe(inventory);
      const older = await inventoryAt(root, f.shas.dee, known);
      expect(older).not.toBe(inventory);
      expect([...older.people.keys()]).toEqual([...(await loadInventory(gitSource(root, f.shas.dee))).inventory.people.keys()]);
      expect(older.people.has('dee')).toBe(true);
      // people.yaml changed since (Bob left): read with HEAD's version, the records of its unchanged lines are HEAD's
      // objects, the changed one is its own, and the whole equals a read on its own.
      expect(dataOf(older)).toEqual(dataOf((await loadInventory(gitSource(root, f.shas.dee))).inventory));
      expect(older.people.get('ada')!.data).toBe(inventory.people.get('ada')!.data);
      expect(older.people.get('bob')!.data).not.toBe(inventory.people.get('bob')!.data);
      expect(older.people.get('bob')!.data.status).toBe('active');
      // Read for a past day: its seat views are made per reader and not kept; HEAD's are kept.
      expect(isPointInTime(older)).toBe(true);
      expect(isPointInTime(inventory)).toBe(false);
      const figma = inventory.licenses.get('figma')!.data;
      expect(seatViews(older, figma, '2026-01-31')).not.toBe(seatViews(older, figma, '2026-01-31'));
      expect(seatViews(older, figma, '2026-01-31')).toEqual(seatViews(older, figma, '2026-01-31'));
      expect(seatViews(inventory, figma, '2026-01-31')).toBe(seatViews(inventory, figma, '2026-01-31'));
      // Kept: the same commit again is the same object, without a read; the known one is never read.
      const reader = inventoriesAt(root, known);
      const first = await reader(f.shas.dee);
      expect(await reader(f.shas.dee)).toBe(first);
      expect(await reader(head)).toBe(inventory);
      expect(await reader(f.shas.dee)).not.toBe(first);
      expect([...(await reader(f.shas.dee)).people.keys()]).toEqual([...first.people.keys()]);

      // Read from HEAD's, an older commit shares the files that did not change since (their records are the same
      // objects) and parses those that did; it equals the inventory read on its own.
      const leaver = await inventoryAt(root, f.shas.leaver, known);
      const alone = (await loadInventory(gitSource(root, f.shas.leaver))).inventory;
      // (Compared by their data and the positions they give: a record's source map is a function of its own read.)
      expect(dataOf(leaver)).toEqual(dataOf(alone));
      expect(leaver.licenses.get('figma')!.src.map.locate(['name'])).toEqual(alone.licenses.get('figma')!.src.map.locate(['name']));
      expect(leaver.people.get('bob')!.src.map.locate(['people', 1, 'status'])).toEqual(alone.people.get('bob')!.src.map.locate(['people', 1, 'status']));
      expect(leaver.licenses.get('figma')!.data).toBe(inventory.licenses.get('figma')!.data); // unchanged since: shared
      expect(leaver.assignments.get('figma')!.seats).toEqual(alone.assignments.get('figma')!.seats);
      expect(leaver.usage.size).toBe(0); // added later, at HEAD
      // The usage snapshot changed at HEAD only; the seats file is the same at leaver and HEAD or not: either way right.
      const headSeats = inventory.assignments.get('figma')!.seats;
      expect(leaver.assignments.get('figma')!.seats[0] === headSeats[0]).toBe(JSON.stringify(alone.assignments.get('figma')!.seats) === JSON.stringify(headSeats));

      const today = '2027-01-15';
      const days = snapshotDates(today, '01-01', '2026-01-02');
      const reused = await snapshots(root, head, days, 'UTC', known);
      expect(reused).toEqual(await snapshots(root, head, days, 'UTC'));
      // Month ends after the last commit stand on HEAD: read from the known inventory.
      expect(reused.filter((s) => s.commit === head).length).toBeGreaterThan(0);
      expect(reused.some((s) => s.commit !== head)).toBe(true);

      const { events } = await history(root, { ref: head, timeZone: 'UTC' });
      const input = { root, head, inventory, events, today, timeZone: 'UTC' };
      const fresh = { ...input, head: `${head}^{commit}` };
      expect(await evidencePacks(input, periodsWithHistory(input))).toEqual(await evidencePacks(fresh, periodsWithHistory(fresh)));
    } finally {
      f.repo.cleanup();
    }
  });
});
