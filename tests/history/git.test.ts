import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectReader, readObjects } from '../../src/history/git.ts';
import { tempRepo, type TestRepo } from '../support/git.ts';

let repo: TestRepo;
const big = Array.from({ length: 20_000 }, (_, i) => `  - { person: p${i}, tier: full, since: 2026-01-05 }\n`).join('');
let oids: string[];
beforeAll(() => {
  repo = tempRepo();
  repo.commit({ 'a.txt': 'small\n', 'big.yaml': big, 'empty.txt': '' }, { message: 'Files', date: '2026-01-02T09:00:00Z' });
  oids = ['a.txt', 'big.yaml', 'empty.txt'].map((p) => repo.git(['rev-parse', `HEAD:${p}`]).trim());
});
afterAll(() => repo.cleanup());

describe('reading objects', () => {
  it('reads blobs of any size through one long-running cat-file, in the order asked, and says which are missing', async () => {
    const reader = objectReader(repo.dir);
    try {
      const missing = '0123456789012345678901234567890123456789';
      const got = await Promise.all([oids[1]!, missing, oids[0]!, oids[2]!, oids[1]!].map((o) => reader.read(o)));
      expect(got.map((o) => o && [o.type, o.data.toString('utf8')])).toEqual([['blob', big], undefined, ['blob', 'small\n'], ['blob', ''], ['blob', big]]);
    } finally {
      reader.close();
    }
  });

  it('answers ids asked for in one turn (sent in one write) and in later turns, each in its order', async () => {
    const reader = objectReader(repo.dir);
    try {
      const first = [oids[0]!, oids[1]!].map((o) => reader.read(o));
      expect((await reader.read(oids[2]!))?.data.length).toBe(0);
      const later = [oids[1]!, oids[0]!].map((o) => reader.read(o));
      const got = await Promise.all([...first, ...later]);
      expect(got.map((o) => o?.data.toString('utf8'))).toEqual(['small\n', big, big, 'small\n']);
    } finally {
      reader.close();
    }
  });

  it('reads many objects with one cat-file per batch', async () => {
    const objects = await readObjects(repo.dir, [...oids, 'ffffffffffffffffffffffffffffffffffffffff']);
    expect([...objects.keys()]).toEqual(oids);
    expect(objects.get(oids[1]!)!.data.toString('utf8')).toBe(big);
  });

  it('reads more ids than several batches hold (batches read two at a time), each object once', async () => {
    // 4,500 ids that name no object, with the real ones among them: five batches of 2,000 or fewer.
    const missing = Array.from({ length: 4500 }, (_, i) => i.toString(16).padStart(40, 'f'));
    const asked = [...missing.slice(0, 2500), oids[0]!, ...missing.slice(2500), oids[1]!, oids[2]!];
    const objects = await readObjects(repo.dir, asked);
    expect([...objects.keys()].sort()).toEqual([...oids].sort());
    expect(objects.get(oids[0]!)!.data.toString('utf8')).toBe('small\n');
    expect(objects.get(oids[1]!)!.data.toString('utf8')).toBe(big);
  });
});
