import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Interner } from '../../src/inventory/parse/intern.ts';
import { scanRecordBytes } from '../../src/inventory/parse/record-bytes.ts';

const enc = new TextEncoder();
const seatLine = (n: number, tier: string) => `  - { person: p${n}, tier: ${tier}, since: 2026-01-0${(n % 9) + 1} }`;
const file = (lines: string[]) => enc.encode(`license: x\nseats:\n${lines.join('\n')}\n`);

describe('scanRecordBytes with an earlier version of the file', () => {
  it('gives what a fresh scan gives, positions included, and shares the records of unchanged lines (lac diff reads both versions of a changed file)', () => {
    const edit = fc.oneof(
      fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('add' as const), at: fc.nat(), n: fc.integer({ min: 1000, max: 1100 }) }),
      fc.record({ op: fc.constant('retier' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.array(edit, { maxLength: 25 }), (size, edits) => {
        const before = Array.from({ length: size }, (_, i) => seatLine(i, 'basic'));
        const after = [...before];
        for (const e of edits) {
          const at = e.at % (after.length + 1);
          if (e.op === 'add') after.splice(at, 0, seatLine(e.n, 'basic'));
          else if (at < after.length) {
            if (e.op === 'remove') after.splice(at, 1);
            else after[at] = after[at]!.replace('basic', 'pro');
          }
        }
        const interner = new Interner(16);
        const base = scanRecordBytes(file(before), 'seats', interner)!;
        const reused = scanRecordBytes(file(after), 'seats', interner, undefined, base.data)!;
        const fresh = scanRecordBytes(file(after), 'seats', new Interner(16))!;
        expect(reused.data).toEqual(fresh.data);
        const seats = (reused.data.seats ?? []) as object[];
        seats.forEach((_, i) => expect(reused.map.locate(['seats', i, 'tier'])).toEqual(fresh.map.locate(['seats', i, 'tier'])));
        // Records of lines the edit did not touch are the earlier version's objects.
        const old = new Set((base.data.seats ?? []) as object[]);
        if (edits.length === 0) expect(seats.every((s) => old.has(s))).toBe(true);
        const shared = seats.filter((s) => old.has(s));
        expect(shared.every((s) => before.includes(seatLine(Number(String((s as { person: string }).person).slice(1)), (s as { tier: string }).tier)))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
