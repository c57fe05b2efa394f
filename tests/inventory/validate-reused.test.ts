import fc from 'fast-check';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { Interner } from '../../src/inventory/parse/intern.ts';
import { readInventoryFile } from '../../src/inventory/read-file.ts';
import { KIND_INFO, KINDS } from '../../src/inventory/schema/index.ts';
import { createValidators, type Validators } from '../../src/inventory/validate.ts';

const enc = new TextEncoder();
const PATH = 'inventory/assignments/x.yaml';
const GOOD = (n: number) => `  - { person: p${n}, tier: basic, since: 2026-01-0${(n % 9) + 1} }`;
// Each breaks the seat schema in another way: a bad ID, an unknown key, a missing key, a bad date.
const BAD = [(n: number) => `  - { person: P ${n}, tier: basic, since: 2026-01-01 }`, (n: number) => `  - { person: p${n}, tier: basic, since: 2026-01-01, colour: red }`, (n: number) => `  - { person: p${n}, since: 2026-01-01 }`, (n: number) => `  - { person: p${n}, tier: basic, since: 2026-13-01 }`];
const file = (lines: string[]) => enc.encode(`license: x\nseats:\n${lines.join('\n')}\n`);

/** Validators whose assignments check records how many seats each call saw (no cheap acceptor: every seat goes to ajv). */
function counting(): { validators: Validators; seen: number[] } {
  const real = createValidators({ fast: false });
  const seen: number[] = [];
  const inner = real.assignments.validate;
  const wrapped = ((data: { seats: unknown[] }) => {
    seen.push(data.seats.length);
    const ok = inner(data);
    wrapped.errors = inner.errors;
    return ok;
  }) as ValidateFunction;
  return { validators: { ...real, assignments: { ...real.assignments, validate: wrapped } }, seen };
}

describe('the schema check of a file that reuses an earlier version\'s records', () => {
  it('gives the findings of a whole check (lines and messages), on generated edits with valid and invalid lines', () => {
    const line = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: -12, max: BAD.length - 1 })).map(([n, b]) => (b < 0 ? GOOD(n) : BAD[b]!(n)));
    const edit = fc.record({ at: fc.nat(), remove: fc.boolean(), line });
    const validators = createValidators();
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(edit, { maxLength: 8 }), (before, edits) => {
        const after = [...before];
        for (const e of edits) {
          const at = e.at % (after.length + 1);
          if (e.remove && at < after.length) after.splice(at, 1);
          else after.splice(at, 0, e.line);
        }
        const interner = new Interner(16);
        const base = readInventoryFile(PATH, file(before), validators, interner);
        const reusing = readInventoryFile(PATH, file(after), validators, interner, base.file?.data);
        const whole = readInventoryFile(PATH, file(after), validators, new Interner(16));
        expect(reusing.findings).toEqual(whole.findings);
        expect(reusing.file?.problems).toEqual(whole.file?.problems);
      }),
    );
  });

  it('checks only the new records when the earlier version was valid, and the whole file when it was not', () => {
    const before = Array.from({ length: 20 }, (_, i) => GOOD(i));
    const { validators, seen } = counting();
    const interner = new Interner(16);
    const base = readInventoryFile(PATH, file(before), validators, interner);
    readInventoryFile(PATH, file([...before.slice(0, 10), GOOD(30), ...before.slice(10)]), validators, interner, base.file?.data);
    expect(seen).toEqual([20, 1]);
    const broken = readInventoryFile(PATH, file([BAD[0]!(1), ...before]), validators, interner);
    expect(broken.findings).toHaveLength(1);
    seen.length = 0;
    readInventoryFile(PATH, file([BAD[0]!(1), ...before, GOOD(31)]), validators, interner, broken.file?.data);
    expect(seen).toEqual([22]);
  });

  it('relies on record lists whose schema says nothing about the list as a whole', () => {
    for (const kind of KINDS) {
      const key = KIND_INFO[kind].recordsKey;
      if (!key) continue;
      const list = (KIND_INFO[kind].schema as { properties: Record<string, Record<string, unknown>> }).properties[key]!;
      expect(list.type, kind).toBe('array');
      for (const word of ['maxItems', 'uniqueItems', 'contains', 'maxContains', 'minContains', 'unevaluatedItems', 'prefixItems']) expect(list[word], `${kind}: ${word}`).toBeUndefined();
    }
  });
});
