import { describe, expect, it } from 'vitest';
import { parse as yamlParse, stringify } from 'yaml';
import { parseFlowLines } from '../../src/inventory/parse/flow-lines.ts';
import { parseYamlDocument } from '../../src/inventory/parse/yaml-document.ts';

const sample = `# yaml-language-server: $schema=../../schemas/assignments.schema.json
license: figma   # the design tool

seats:
  # design team
  - { person: ada.lovelace, tier: full, since: 2025-03-01 }
  - { person: 'o''brien', tier: viewer, since: 2025-03-02, note: "temp, until May" }
  - {person: grace, tier: full, since: 2025-04-01}   # trailing comment
`;

describe('parseFlowLines', () => {
  it('gives exactly what the yaml package gives for one-line records', () => {
    const fast = parseFlowLines(sample, 'seats');
    expect(fast).not.toBeNull();
    expect(fast!.data).toEqual(yamlParse(sample));
  });

  it('locates record fields at the same line and column as the full parser', () => {
    const fast = parseFlowLines(sample, 'seats')!;
    const full = parseYamlDocument(sample);
    for (const path of [['license'], ['seats', 0, 'tier'], ['seats', 1, 'note'], ['seats', 2, 'since'], ['seats', 1]] as const) {
      expect(fast.map.locate(path), path.join('.')).toEqual(full.map.locate(path));
    }
    expect(fast.map.locate(['seats', 2, 'tier'], 'key')).toEqual({ line: 8, column: 21 });
  });

  it.each([
    ['a block mapping item', 'license: x\nseats:\n  - person: a\n    tier: b\n'],
    ['an anchor', 'license: x\nseats:\n  - &a { person: a }\n'],
    ['an escape in a double-quoted string', 'license: x\nseats:\n  - { person: "a\\"b" }\n'],
    ['a duplicate key in a record', 'license: x\nseats:\n  - { person: a, person: b }\n'],
    ['a hex number', 'license: x\nseats:\n  - { n: 0x1F }\n'],
    ['a second document', 'license: x\nseats: []\n---\nlicense: y\n'],
    ['a tab', 'license: x\nseats:\n\t- { person: a }\n'],
    ['mixed item indentation', 'license: x\nseats:\n  - { a: 1 }\n    - { a: 2 }\n'],
    ['a multi-line flow mapping', 'license: x\nseats:\n  - { person: a,\n      tier: b }\n'],
    ['an implicit nested key', 'license: x\nseats:\n  - { a: b: c }\n'],
  ])('falls back to the full parser on %s', (_name, text) => {
    expect(parseFlowLines(text, 'seats')).toBeNull();
  });

  it('agrees with the yaml package on scalars of every core-schema type', () => {
    const values = ['a', 'true', 'False', 'null', '~', '12', '-3', '+4', '1.5', '.5', '2.', '1e3', '2026-02-30', 'v1.2.3', 'a b', "it's", 'x:y', 'p@example.com'];
    const lines = values.map((v, i) => `  - { k${i}: ${v}, q${i}: '${v.replace(/'/g, "''")}' }`).join('\n');
    const text = `license: t\nseats:\n${lines}\n`;
    const fast = parseFlowLines(text, 'seats');
    expect(fast).not.toBeNull();
    expect(fast!.data).toEqual(yamlParse(text));
  });

  it('round-trips records written by the yaml package in flow style', () => {
    const seats = Array.from({ length: 200 }, (_, i) => ({ person: `p${i}`, tier: i % 3 ? 'full' : 'viewer', since: `2025-0${(i % 9) + 1}-1${i % 10}`, ...(i % 7 === 0 ? { note: `n ${i}` } : {}) }));
    const body = seats.map((s) => `  - ${stringify(s, { flow: true }).trim()}`).join('\n');
    const text = `license: big\nseats:\n${body}\n`;
    expect(parseFlowLines(text, 'seats')!.data).toEqual(yamlParse(text));
  });

  it('reads an empty list and a list key with no items as the yaml package does', () => {
    expect(parseFlowLines('license: a\nseats: []\n', 'seats')!.data).toEqual({ license: 'a', seats: [] });
    expect(parseFlowLines('license: a\nseats:\n', 'seats')!.data).toEqual(yamlParse('license: a\nseats:\n'));
  });
});
