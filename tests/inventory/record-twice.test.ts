import { describe, expect, it } from 'vitest';
import { Interner } from '../../src/inventory/parse/intern.ts';
import { scanRecordBytes, scanRecordBytesLeniently } from '../../src/inventory/parse/record-bytes.ts';
import { countedTwice } from '../../src/inventory/parse/record-twice.ts';
import { synthesize } from '../../src/synth/index.ts';

const enc = new TextEncoder();
const file = (...lines: string[]) => enc.encode(['license: t', 'seats:', ...lines.map((l) => `  - ${l}`), ''].join('\n'));

/** Person IDs on two or more records, counted the plain way. */
function heldTwice(records: Record<string, unknown>[]): string[] {
  const seen = new Map<unknown, number>();
  for (const r of records) seen.set(r.person, (seen.get(r.person) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([p]) => p as string);
}

const seatsOf = (parsed: ReturnType<typeof scanRecordBytes>) => parsed!.data.seats as Record<string, unknown>[];
/** An interner that counts (lac diff's, diff/pair.ts). */
const counting = (capacity?: number) => new Interner(capacity, true);

describe('person IDs held twice, counted as the byte scanner reads a seat list (record-twice.ts)', () => {
  it('counts them across usual seat lines and lines with more keys, once per ID however many lines hold it', () => {
    const parsed = scanRecordBytes(
      file(
        '{ person: ada, tier: full, since: 2026-01-05 }',
        '{ person: bob, tier: full, since: 2026-01-05, note: temp }',
        '{ person: ada, tier: view, since: 2026-02-01 }',
        '{ tier: full, person: cy, note: "a, b" }',
        '{ person: cy, tier: view, since: 2026-03-01 }',
        '{ person: ada, tier: full, since: 2026-03-02 }',
        '{ person: dee, tier: full, since: 2026-01-05 }',
      ),
      'seats',
      counting(),
    );
    const seats = seatsOf(parsed);
    expect([...countedTwice(seats)!].sort()).toEqual(['ada', 'cy']);
    expect([...countedTwice(seats)!].sort()).toEqual(heldTwice(seats).sort());
  });

  it('counts each list apart, with one interner for all of them (as a load shares it)', () => {
    const interner = counting(16);
    const a = scanRecordBytes(file('{ person: ada, tier: full }', '{ person: bob, tier: full }'), 'seats', interner);
    const b = scanRecordBytes(file('{ person: bob, tier: full }', '{ person: ada, tier: full }', '{ person: bob, tier: view }'), 'seats', interner);
    expect(countedTwice(seatsOf(a))).toEqual([]);
    expect(countedTwice(seatsOf(b))).toEqual(['bob']);
  });

  it('matches the plain count on every generated seat file, while the interner grows under it', () => {
    const org = synthesize({ people: 1500, seed: 7 });
    // A small table: it grows (and moves every slot) while the lists are read.
    const interner = counting(16);
    let counted = 0;
    for (const [path, text] of org.files) {
      if (!path.startsWith('inventory/assignments/')) continue;
      const parsed = scanRecordBytes(enc.encode(text), 'seats', interner);
      const seats = seatsOf(parsed) ?? [];
      const found = countedTwice(seats);
      if (seats.some((s) => s.device !== undefined)) continue;
      expect(found, path).toBeDefined();
      expect([...found!].sort(), path).toEqual(heldTwice(seats).sort());
      counted++;
    }
    expect(counted).toBeGreaterThan(10);
    // The generator writes no one twice into a list: one made so, read after all the others.
    const doubled = scanRecordBytes(file('{ person: ada.adams, tier: full }', '{ person: ada.adams, tier: full }'), 'seats', interner);
    expect(countedTwice(seatsOf(doubled))).toEqual(['ada.adams']);
  });

  it('does not count a list it cannot count exactly (a device, a seat without a person, a quoted or typed ID, a reused or lenient read), nor with an interner that does not count', () => {
    const uncounted = [
      file('{ person: ada, tier: full }', '{ device: LAPTOP-1, tier: full }'),
      file('{ person: ada, tier: full }', '{ tier: full }'),
      file('{ person: "ada", tier: full }', '{ person: ada, tier: full }'),
      file('{ person: 42, tier: full }', '{ person: ada, tier: full }'),
      file('{ person: ada, tier: full, device: X }'),
    ];
    for (const bytes of uncounted) {
      const parsed = scanRecordBytes(bytes, 'seats', counting());
      expect(parsed).not.toBeNull();
      expect(countedTwice(seatsOf(parsed)), new TextDecoder().decode(bytes)).toBeUndefined();
    }
    // A later version reuses the earlier one's records: lac diff derives its count from the earlier one's.
    const interner = counting();
    const before = scanRecordBytes(file('{ person: ada, tier: full }', '{ person: bob, tier: full }'), 'seats', interner);
    const after = scanRecordBytes(file('{ person: ada, tier: full }', '{ person: ada, tier: view }'), 'seats', interner, undefined, before!.data);
    expect(countedTwice(seatsOf(before))).toEqual([]);
    expect(countedTwice(seatsOf(after))).toBeUndefined();
    const lenient = scanRecordBytesLeniently(file('{ person: ada, tier: full }', "{ person: 'ada', tier: full }"), 'seats', counting());
    expect(countedTwice(lenient!.data.seats as unknown[])).toBeUndefined();
    // An interner that does not count (a whole load's, history's): nothing is counted or remembered.
    const uncountedLoad = scanRecordBytes(file('{ person: ada, tier: full }', '{ person: ada, tier: view }'), 'seats', new Interner());
    expect(countedTwice(seatsOf(uncountedLoad))).toBeUndefined();
  });
});
