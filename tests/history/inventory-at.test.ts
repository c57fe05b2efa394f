// The point-in-time views read the inventory at a commit; at the commit they are built from they use the one loaded already.
import { describe, expect, it } from 'vitest';
import { evidencePacks, periodsWithHistory } from '../../src/report/evidence/run.ts';
import { history } from '../../src/history/history.ts';
import { inventoriesAt, inventoryAt } from '../../src/inventory/at-commit.ts';
import { gitSource } from '../../src/inventory/git-source.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { snapshotDates, snapshots } from '../../src/site/model/snapshots.ts';
import { buildFixture } from './fixture.ts';

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
      // Kept: the same commit again is the same object, without a read; the known one is never read.
      const reader = inventoriesAt(root, known);
      const first = await reader(f.shas.dee);
      expect(await reader(f.shas.dee)).toBe(first);
      expect(await reader(head)).toBe(inventory);
      expect(await reader(f.shas.dee)).not.toBe(first);
      expect([...(await reader(f.shas.dee)).people.keys()]).toEqual([...first.people.keys()]);

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
