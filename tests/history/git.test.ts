import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchedObjects, objectReader, pathVersions, readObjects } from '../../src/history/git.ts';
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

describe('batchedObjects', () => {
  it('reads the ids asked for in one tick with one git process however many, and rejects the missing ones', async () => {
    // GIT_TRACE names each git command as it starts: one cat-file for 4,503 ids (readObjects alone would start three).
    const trace = join(tmpdir(), `lac-git-trace-${process.pid}.log`);
    process.env.GIT_TRACE = trace;
    try {
      const read = batchedObjects(repo.dir);
      const missing = Array.from({ length: 4500 }, (_, i) => i.toString(16).padStart(40, 'e'));
      const asked = [...missing.slice(0, 2500), oids[0]!, ...missing.slice(2500), oids[1]!, oids[2]!, oids[0]!];
      const got = await Promise.all(asked.map((o) => read(o).then((b) => Buffer.from(b).toString('utf8'), (e: Error) => e.message)));
      expect(got.slice(-3)).toEqual([big, '', 'small\n']);
      expect(got[2500]).toBe('small\n');
      expect(got.filter((g) => g.includes('is missing'))).toHaveLength(4500);
      expect(readFileSync(trace, 'utf8').match(/trace: built-in: git .*cat-file --batch/g)).toHaveLength(1);
    } finally {
      delete process.env.GIT_TRACE;
      rmSync(trace, { force: true });
    }
  });
});

describe('pathVersions', () => {
  it('answers for every commit what rev-parse <commit>:./<path> answers: the blob, or nothing where the path is absent', async () => {
    const r = tempRepo();
    try {
      const at = (files: Record<string, string | null>, day: number) => r.commit(files, { message: `Day ${day}`, date: `2026-01-${String(day).padStart(2, '0')}T09:00:00Z` });
      const path = 'inventory/assignments/a b.yaml';
      const commits = [at({ 'other.txt': 'x\n' }, 1), at({ [path]: 'seats: []\n' }, 2), at({ [path]: 'seats: [\n' }, 3), at({ [path]: null }, 4), at({ [path]: 'seats: []\n' }, 5), at({ 'other.txt': 'y\n' }, 6)];
      const revParse = (c: string) => {
        try {
          return r.git(['rev-parse', '--verify', '--quiet', `${c}:./${path}`]).trim();
        } catch {
          return '';
        }
      };
      const asked = [...commits, commits[2]!, '0123456789012345678901234567890123456789'];
      const expected = asked.map(revParse);
      expect(await pathVersions(r.dir, asked, path)).toEqual(expected);
      // Not vacuous: present, changed, absent before it was added, after it was deleted and at a commit that does not exist.
      expect(expected.map((o) => o !== '')).toEqual([false, true, true, false, true, true, true, false]);
      expect(expected[1]).not.toBe(expected[2]);
      expect(expected[1]).toBe(expected[4]);
      expect(await pathVersions(r.dir, [], path)).toEqual([]);
      expect(await pathVersions(r.dir, commits.slice(0, 2), 'inventory/a\nb.yaml')).toEqual(['', '']);
    } finally {
      r.cleanup();
    }
  });
});
