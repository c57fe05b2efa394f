// lac diff's reader counts who holds two seats of each seat list it reads (diff/pair.ts, with an interner that
// counts; parse/record-twice.ts): rule-scope.ts `repeated` takes that count instead of walking the list again.
import { describe, expect, it } from 'vitest';
import { pairReader } from '../../src/diff/pair.ts';
import { countedTwice } from '../../src/inventory/parse/record-twice.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import { createValidators } from '../../src/inventory/validate.ts';

const PATH = 'inventory/assignments/figma.yaml';
const seats = (...people: string[]) => ['license: figma', 'seats:', ...people.map((p) => `  - { person: ${p}, tier: editor, since: 2026-01-05 }`), ''].join('\n');

describe("lac diff's reader (pair.ts)", () => {
  it('reads a changed seat file with who holds two seats counted; its head version is derived, not counted', async () => {
    const base = memorySource({ [PATH]: seats('ada', 'bob', 'ada') });
    const head = memorySource({ [PATH]: seats('ada', 'bob', 'cy') });
    const reader = pairReader({ base, head, changed: new Set([PATH]) }, createValidators());
    const before = await reader.read('base', PATH);
    expect(countedTwice(before.file!.data.seats as unknown[])).toEqual(['ada']);
    // The head reuses the base's records for its unchanged lines: rule-scope.ts derives its count from the base's.
    const after = await reader.read('head', PATH);
    expect(countedTwice(after.file!.data.seats as unknown[])).toBeUndefined();
  });
});
