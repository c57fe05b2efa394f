import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntList, lineRoom } from '../../src/util/int-list.ts';

describe('IntList', () => {
  it('holds what push and pushShifted gave, in order, across its growth', () => {
    const op = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }).map((v) => ({ v })), fc.record({ from: fc.array(fc.integer({ min: -1e6, max: 1e6 }), { maxLength: 700 }), cut: fc.nat(), add: fc.integer({ min: -1e3, max: 1e3 }) }));
    fc.assert(
      // Any room given at the start, from none to more than is pushed: the list grows past it alike.
      fc.property(fc.array(op, { maxLength: 60 }), fc.integer({ min: 0, max: 3000 }), (ops, room) => {
        const list = new IntList(room);
        const model: number[] = [];
        for (const o of ops) {
          if ('v' in o) {
            list.push(o.v);
            model.push(o.v);
          } else {
            const start = o.cut % (o.from.length + 1);
            list.pushShifted(o.from, start, o.from.length, o.add);
            model.push(...o.from.slice(start).map((x) => x + o.add));
          }
        }
        expect(list.length).toBe(model.length);
        expect([...list.view()]).toEqual(model);
      }),
      { numRuns: 200 },
    );
  });

  it('lineRoom guesses the lines of a file from its first 64 KB, a fifth over, for lines of one length', () => {
    const enc = new TextEncoder();
    for (const [line, count] of [['  - { person: ada.adams, tier: business, since: 2025-10-08 }', 85_000], ['x', 10], ['', 3]] as const) {
      const bytes = enc.encode(`${line}\n`.repeat(count));
      const room = lineRoom(bytes);
      expect(room).toBeGreaterThanOrEqual(count);
      expect(room).toBeLessThanOrEqual(Math.ceil(count * 1.25) + 20);
    }
    // No line break in the sample: room for about one line per 64 KB (a list grows past a wrong guess).
    expect(lineRoom(new Uint8Array(200_000).fill(97))).toBeLessThan(30);
    expect(lineRoom(new Uint8Array(0))).toBeGreaterThan(0);
  });
});
