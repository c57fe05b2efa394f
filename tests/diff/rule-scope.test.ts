// repeated (src/diff/rule-scope.ts): the people and devices that hold two or more seats of a list, found
// with a table of seat positions keyed by a hash of the text, are what counting them in Sets finds.
// Checked on generated lists: few holders (many repeats), many (hash collisions in a small table),
// seats with a person, a device, both or neither, and equal IDs held as distinct string objects.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relate, repeated } from '../../src/diff/rule-scope.ts';
import { emptyInventory } from '../../src/inventory/model.ts';
import type { SeatList } from '../../src/inventory/model.ts';
import type { Seat } from '../../src/inventory/schema/index.ts';

const list = (seats: Seat[]): SeatList => ({ license: 'l', file: 'inventory/assignments/l.yaml', map: undefined as never, seats, index: seats.map((_, i) => i) });

/** The plain count: a Set of those seen once, and of those seen again. */
function counted(seats: Seat[]): { people: string[]; devices: string[] } {
  const out = { people: new Set<string>(), devices: new Set<string>() };
  const once = { people: new Set<string>(), devices: new Set<string>() };
  for (const s of seats) {
    if (s.person !== undefined) (once.people.has(s.person) ? out.people : once.people).add(s.person);
    if (s.device !== undefined) (once.devices.has(s.device) ? out.devices : once.devices).add(s.device);
  }
  return { people: [...out.people].sort(), devices: [...out.devices].sort() };
}

// IDs rebuilt from parts: equal text, distinct string objects (as two files' parsers give them).
const id = (pool: number) => fc.nat(pool).map((n) => ['p', String(n)].join('.'));
const seats = (pool: number) => fc.array(fc.record({ person: id(pool), device: id(pool).map((d) => `m-${d}`), tier: fc.constant('full') }, { requiredKeys: ['tier'] }) as fc.Arbitrary<Seat>, { maxLength: 300 });

describe('repeated', () => {
  it('finds what counting in Sets finds', () => {
    fc.assert(
      fc.property(fc.oneof(seats(5), seats(200), seats(5000)), (s) => {
        const r = repeated(list(s));
        expect({ people: [...r.people].sort(), devices: [...r.devices].sort() }).toEqual(counted(s));
      }),
      { numRuns: 400, seed: 16 },
    );
  });

  it('of a new version of a list (relate) is what counting its seats finds, from the base version\'s', () => {
    // A version made by edits: seats removed, inserted, or written anew (another person, device or tier); the rest the base's very records.
    const edit = fc.record({ op: fc.constantFrom('remove', 'insert', 'rewrite'), at: fc.nat(), person: fc.option(id(8), { nil: undefined }), device: fc.option(id(8).map((d) => `m-${d}`), { nil: undefined }) });
    fc.assert(
      fc.property(fc.oneof(seats(8), seats(300)), fc.array(edit, { maxLength: 40 }), (base, edits) => {
        const head = [...base];
        for (const e of edits) {
          const at = head.length ? e.at % head.length : 0;
          const seat = { ...(e.person !== undefined ? { person: e.person } : {}), ...(e.device !== undefined ? { device: e.device } : {}), tier: 'full' } as Seat;
          if (e.op === 'remove') head.splice(at, 1);
          else if (e.op === 'insert') head.splice(at, 0, seat);
          else if (head.length) head[at] = seat;
        }
        const [before, after] = [emptyInventory(), emptyInventory()];
        before.assignments.set('l', list(base));
        after.assignments.set('l', list(head));
        relate(before, after);
        // The base's result first, as the diff asks for it (derived from it), then the head's.
        expect({ people: [...repeated(before.assignments.get('l')!).people].sort(), devices: [...repeated(before.assignments.get('l')!).devices].sort() }).toEqual(counted(base));
        const r = repeated(after.assignments.get('l')!);
        expect({ people: [...r.people].sort(), devices: [...r.devices].sort() }).toEqual(counted(head));
      }),
      { numRuns: 400, seed: 17 },
    );
  });

  it('is computed once per list of seats', () => {
    const s = [{ person: 'ada', tier: 'full' }, { person: 'ada', tier: 'view' }, { device: 'm1', tier: 'full' }] as Seat[];
    const l = list(s);
    expect([...repeated(l).people]).toEqual(['ada']);
    expect(repeated(l)).toBe(repeated({ ...l }));
    expect([...repeated(l).devices]).toEqual([]);
  });
});
