// The cheap acceptor of one-line records (src/inventory/record-check.ts) leaves ajv only the
// records it is unsure of; the findings must be exactly those of ajv over the whole file
// (createValidators({ fast: false }), the code before). Generated files: seats and people lines
// with values drawn from valid and broken ones (bad IDs, dates, types, unknown and missing keys).
import { fullFormats } from 'ajv-formats/dist/formats.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Interner } from '../../src/inventory/parse/index.ts';
import { readInventoryFile } from '../../src/inventory/read-file.ts';
import { plainDate, plainId } from '../../src/inventory/record-check.ts';
import { ID_PATTERN } from '../../src/inventory/schema/index.ts';
import { createValidators, validateData } from '../../src/inventory/validate.ts';

const fast = createValidators();
const slow = createValidators({ fast: false });
const bytes = (text: string) => new TextEncoder().encode(text);

/** Findings of one file through both validators (each with its own interner, as each load has). */
function both(path: string, text: string) {
  const f = readInventoryFile(path, bytes(text), fast, new Interner());
  const s = readInventoryFile(path, bytes(text), slow, new Interner());
  // The records checked by the byte scanner as it makes them (above), and by a walk over the data.
  const walked = s.file && [validateData(fast, s.file.kind, s.file.data), validateData(slow, s.file.kind, s.file.data)];
  return { fast: f.findings, slow: s.findings, problems: [f.file?.problems, s.file?.problems], walked };
}

/** Values for a key: mostly valid ones, so that whole records pass, and sometimes a broken one. */
const pool = (valid: string[], broken: string[]) => fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom(...broken) });
const ids = pool(['ada.lovelace', 'p1', 'grace-hopper', 'a_b-c.d9'], ['Bad', 'con', 'nul.x', 'x.lock', 'a..b', '"quoted-id"', '12', 'true', 'null', '"é"', 'a'.repeat(65), '[a, b]', '{ x: 1 }']);
const dates = pool(['2025-03-01', '2024-02-29'], ['2023-02-29', '2025-13-01', '2025-3-1', '"2025-03-01"', '20250301', 'null', '2025-03-01T00:00:00Z']);
const texts = pool(['"on leave cover"', 'exemption', `"${'é'.repeat(150)}"`, `"${'\u{1F600}'.repeat(100)}"`], ['""', `"${'n'.repeat(201)}"`, `"${'\u{1F600}'.repeat(101)}"`, '5', '[x]']);

/** A flow-mapping line of some of `keys` (each present 3 times in 4), rarely an unknown key. */
function line(keys: Record<string, fc.Arbitrary<string>>) {
  const entry = (key: string, v: fc.Arbitrary<string>, present: number, absent: number) =>
    fc.oneof({ weight: present, arbitrary: v.map((x) => `${key}: ${x}`) }, { weight: absent, arbitrary: fc.constant(undefined) });
  const entries = [...Object.entries(keys).map(([k, v]) => entry(k, v, 3, 1)), entry('tierr', ids, 1, 15), entry('extra', texts, 1, 15)];
  return fc.tuple(...entries).map((parts) => `  - { ${parts.filter((p) => p !== undefined).join(', ')} }`);
}

const seatLine = line({ person: ids, device: pool(['host-1', 'Host.A'], ['-bad', 'h'.repeat(70)]), tier: ids, since: dates, note: texts });
const personLine = line({ id: ids, name: texts, email: pool(['ada@example.com'], ['not-an-email', '"a@b"', '5']), status: pool(['active', 'leaver', 'on-leave'], ['retired']), start: dates, end: dates, manager: ids, github: pool(['octocat'], ['-bad-', 'a--b']) });

describe('record acceptor', () => {
  it('accepts ordinary seat and person lines without ajv', () => {
    expect(fast.assignments.records!.accept({ person: 'ada.lovelace', tier: 'pro', since: '2025-03-01' })).toBe(true);
    expect(fast.people.records!.accept({ id: 'ada', name: 'Ada', email: 'ada@example.com', status: 'active', start: '2020-01-01' })).toBe(true);
    expect(fast.assignments.records!.accept({ person: 'Ada', tier: 'pro', since: '2025-03-01' })).toBe(false);
    expect(slow.assignments.records).toBeUndefined();
  });

  it('gives the findings of ajv over the whole file on generated assignments files', () => {
    fc.assert(
      fc.property(fc.array(seatLine, { maxLength: 12 }), fc.constantFrom('figma', 'Figma', 'other'), (lines, license) => {
        const r = both('inventory/assignments/figma.yaml', `license: ${license}\nseats:\n${lines.join('\n')}\n`);
        expect(r.fast).toEqual(r.slow);
        expect(r.problems[0]).toEqual(r.problems[1]);
        expect(r.walked?.[0]).toEqual(r.walked?.[1]);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the findings of ajv over the whole file on generated people files', () => {
    fc.assert(
      fc.property(fc.array(personLine, { maxLength: 12 }), fc.boolean(), (lines, extraTop) => {
        const r = both('inventory/people.yaml', `${extraTop ? 'owner: x\n' : ''}people:\n${lines.join('\n')}\n`);
        expect(r.fast).toEqual(r.slow);
        expect(r.problems[0]).toEqual(r.problems[1]);
        expect(r.walked?.[0]).toEqual(r.walked?.[1]);
      }),
      { numRuns: 400 },
    );
  });

  it('answers for the usual seat line from its three values exactly as for the record (the byte scanner\'s fast path)', () => {
    const accept = fast.assignments.records!.accept;
    expect(accept.seat).toBeDefined();
    const people = ['ada.lovelace', 'p1', 'Ada', 'con', 'x.lock', 'a..b', 'a'.repeat(65), 12, true, null, ''];
    const tiers = ['pro', 'e5', 'Pro', 'a b', 5, null];
    const dates = ['2025-03-01', '2024-02-29', '2023-02-29', '2025-13-01', '2025-3-1', 20250301, null];
    let accepted = 0;
    for (const person of people) {
      for (const tier of tiers) {
        for (const since of dates) {
          const whole = accept({ person, tier, since });
          expect(accept.seat!(person, tier, since), JSON.stringify({ person, tier, since })).toBe(whole);
          if (whole) accepted++;
        }
      }
    }
    // Both answers occur: the check can tell a wrong shortcut.
    expect(accepted).toBeGreaterThan(5);
    // A schema that requires a key the line has not: no shortcut.
    expect(fast.people.records!.accept.seat).toBeUndefined();
  });

  it('finds the broken seat among many valid ones, at its line', () => {
    const seats = Array.from({ length: 50 }, (_, i) => `  - { person: p${i}, tier: pro, since: 2025-03-01 }`);
    seats[37] = '  - { person: P37, tier: pro, since: 2025-02-30, colour: red }';
    const r = both('inventory/assignments/figma.yaml', `license: figma\nseats:\n${seats.join('\n')}\n`);
    expect(r.fast).toEqual(r.slow);
    expect(r.fast.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([
      expect.stringMatching(/^40:\d+ unknown-key unknown key "colour" in seats\[37\]/),
      expect.stringMatching(/^40:\d+ schema seats\[37\]\.person is "P37"/),
      expect.stringMatching(/^40:\d+ schema seats\[37\]\.since is "2025-02-30"/),
    ]);
  });
});

describe('plain IDs and dates', () => {
  const id = new RegExp(ID_PATTERN, 'u');
  const date = (fullFormats.date as { validate: (s: string) => boolean }).validate;
  const text = (alphabet: string, maxLength: number) => fc.array(fc.constantFrom(...alphabet), { maxLength }).map((cs) => cs.join(''));

  it('are IDs for ID_PATTERN too, and most IDs are plain', () => {
    const candidates = fc.oneof(text('abcnolkux19._-A ', 12), fc.constantFrom('con', 'con.x', 'cons', 'com1', 'x.lock', 'a.lockx', 'lpt', 'nul-1', 'p'.repeat(64), 'p'.repeat(65)));
    fc.assert(fc.property(candidates, (s) => !plainId(s) || id.test(s)), { numRuns: 5000 });
    expect(['ada.lovelace', 'p12345', 'a_b-c.d9', 'figma', 'pro'].every(plainId)).toBe(true);
    expect(['con', 'Ada', 'a..b', '-a', 'a.lock', ''].some(plainId)).toBe(false);
  });

  it('are dates for ajv-formats too', () => {
    fc.assert(fc.property(fc.oneof(text('0123456789-', 11), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))), (s) => !plainDate(s) || date(s)), { numRuns: 5000 });
    expect(plainDate('2025-03-01') && !plainDate('2025-02-29') && !plainDate('2025-13-01')).toBe(true);
  });
});
