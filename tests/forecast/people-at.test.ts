// The forecast's headcount reads people.yaml at each month end; each version is read with the next one's data, so the
// people a month did not change are the same records (at 100,000 people, a scan of the bytes instead of a copy).
import { describe, expect, it } from 'vitest';
import { inventoryParser } from '../../src/history/blobs.ts';
import { peopleAt } from '../../src/report/forecast/history.ts';
import { buildFixture } from '../history/fixture.ts';

describe('peopleAt with the next version of people.yaml', () => {
  it('equals a read on its own, and shares the records of the lines that did not change', async () => {
    const f = buildFixture();
    try {
      const root = f.repo.dir;
      const parse = inventoryParser();
      const head = await peopleAt(root, f.shas.usage, parse);
      const alone = await peopleAt(root, f.shas.dee, parse);
      const reused = await peopleAt(root, f.shas.dee, parse, head.data);
      expect(reused.people).toEqual(alone.people);
      const at = (r: typeof head, id: string) => r.people.find((p) => p.id === id);
      // Bob left between the two: his line changed; Ada's did not.
      expect(at(reused, 'ada')).toBe(at(head, 'ada'));
      expect(at(reused, 'bob')).not.toBe(at(head, 'bob'));
      expect(at(reused, 'bob')!.status).toBe('active');
      expect(at(alone, 'ada')).not.toBe(at(head, 'ada'));
      // Before the first commit: no file, no people.
      expect(await peopleAt(root, `${f.shas.initial}^`, parse, head.data)).toEqual({ people: [] });
    } finally {
      f.repo.cleanup();
    }
  });
});
