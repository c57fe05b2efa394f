import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntList } from '../../src/util/int-list.ts';

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
});
