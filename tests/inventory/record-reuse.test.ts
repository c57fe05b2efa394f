import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Interner } from '../../src/inventory/parse/intern.ts';
import { scanRecordBytes } from '../../src/inventory/parse/record-bytes.ts';

const enc = new TextEncoder();
const seatLine = (n: number, tier: string) => `  - { person: p${n}, tier: ${tier}, since: 2026-01-0${(n % 9) + 1} }`;
const file = (lines: string[]) => enc.encode(`license: x\nseats:\n${lines.join('\n')}\n`);

describe('scanRecordBytes with an earlier version of the file', () => {
  it('reads a later version with comments, blank lines and CRLF line ends as a fresh scan does, runs of unchanged lines taken at once', () => {
    const line = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 0, max: 400 }).map((n) => seatLine(n, 'basic')) },
      { weight: 1, arbitrary: fc.constantFrom('  # a comment', '', '   ', '# top') },
    );
    const edit = fc.record({ op: fc.constantFrom('remove', 'add', 'retier', 'crlf', 'comment', 'trail'), at: fc.nat(), n: fc.integer({ min: 1000, max: 1100 }) });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 80 }), fc.array(edit, { maxLength: 12 }), fc.boolean(), (before, edits, crlf) => {
        const unique = [...new Set(before)].map((l) => (crlf && l.includes('p1') ? `${l}\r` : l));
        const after = [...unique];
        for (const e of edits) {
          const at = e.at % (after.length + 1);
          if (e.op === 'add') after.splice(at, 0, seatLine(e.n, 'basic'));
          else if (e.op === 'comment') after.splice(at, 0, '  # added');
          else if (at < after.length) {
            if (e.op === 'remove') after.splice(at, 1);
            else if (e.op === 'retier') after[at] = after[at]!.replace('basic', 'pro');
            else if (e.op === 'trail') {
              // A comment after a record: the line differs only where the earlier one had its line break.
              const cr = after[at]!.endsWith('\r') ? '\r' : '';
              if (after[at]!.startsWith('  - ')) after[at] = `${after[at]!.slice(0, after[at]!.length - cr.length)} # kept${cr}`;
            }
            else after[at] = after[at]!.endsWith('\r') ? after[at]!.slice(0, -1) : `${after[at]}\r`;
          }
        }
        const interner = new Interner(16);
        const base = scanRecordBytes(file(unique), 'seats', interner);
        const fresh = scanRecordBytes(file(after), 'seats', new Interner(16));
        if (!base || !fresh) return;
        // `accept` is asked about the records read afresh (it refuses some here); the reused ones are those not in `fresh` (validate-reused.ts).
        const asked: unknown[] = [];
        const refuse = (r: unknown) => (asked.push(r), !String((r as { person?: unknown }).person).endsWith('7'));
        const reused = scanRecordBytes(file(after), 'seats', interner, refuse, base.data)!;
        expect(reused.data).toEqual(fresh.data);
        const seats = (reused.data.seats ?? []) as object[];
        for (let i = 0; i < seats.length; i++) for (const key of ['person', 'since'] as const) expect(reused.map.locate(['seats', i, key])).toEqual(fresh.map.locate(['seats', i, key]));
        // The records not taken from the earlier version, and only those, are validated again (validate-reused.ts).
        const old = new Set((base.data.seats ?? []) as object[]);
        expect(reused.fresh).toEqual(seats.flatMap((s, i) => (old.has(s) ? [] : [i])));
        expect(asked).toEqual(seats.filter((s) => !old.has(s)));
        expect(reused.unsure).toEqual(seats.flatMap((s, i) => (!old.has(s) && !refuse(s) ? [i] : [])));
      }),
      { numRuns: 300 },
    );
  });


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
