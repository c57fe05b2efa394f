import { describe, expect, it } from 'vitest';
import { parse as yamlParse } from 'yaml';
import { parseFlowLines } from '../../src/inventory/parse/flow-lines.ts';
import { Interner } from '../../src/inventory/parse/intern.ts';
import { scanRecordBytes, scanRecordBytesLeniently } from '../../src/inventory/parse/record-bytes.ts';
import { synthesize } from '../../src/synth/index.ts';

const enc = new TextEncoder();
const bytesOf = (text: string) => enc.encode(text);

describe('scanRecordBytes', () => {
  it('reads every generated record file exactly as the text scanner does, with the same positions', () => {
    const org = synthesize({ people: 1500, seed: 4 });
    const interner = new Interner(16);
    let compared = 0;
    for (const [path, text] of org.files) {
      const key = path === 'inventory/people.yaml' ? 'people' : path.startsWith('inventory/assignments/') ? 'seats' : undefined;
      if (!key) continue;
      const fast = scanRecordBytes(bytesOf(text), key, interner);
      const slow = parseFlowLines(text, key);
      expect(fast, path).not.toBeNull();
      expect(fast!.data).toEqual(slow!.data);
      const list = fast!.data[key] as Record<string, unknown>[] | null;
      for (const i of [0, Math.floor((list?.length ?? 0) / 2)]) {
        for (const field of ['person', 'tier', 'since', 'name', 'aliases']) {
          for (const target of ['value', 'key'] as const) expect(fast!.map.locate([key, i, field], target)).toEqual(slow!.map.locate([key, i, field], target));
        }
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('reads a last line without a line break, and CRLF line ends, itself (no fallback to the text scanner)', () => {
    for (const text of ['license: t\nseats:\n  - { person: ada, tier: full }\n  - { person: bob, tier: view }', 'license: t\r\nseats:\r\n  - { person: ada, tier: full }\r\n  - { person: bob, tier: view }\r\n']) {
      const fast = scanRecordBytes(bytesOf(text), 'seats');
      expect(fast, JSON.stringify(text)).not.toBeNull();
      expect(fast!.data).toEqual(parseFlowLines(text, 'seats')!.data);
      expect(fast!.map.locate(['seats', 1, 'tier'])).toEqual({ line: 4, column: 26 });
    }
  });

  it('holds exactly the records of a file however many lines its first 64 KB promise (the list is made with room first)', () => {
    const seat = (i: number, pad: number) => `  - { person: p${i}, tier: ${'t'.repeat(pad)}, since: 2026-01-05 }\n`;
    // Long lines first, so the guess is far too small; then short lines, so it is too large; then a file with comments between.
    const files = [
      `license: t\nseats:\n${Array.from({ length: 800 }, (_, i) => seat(i, 150)).join('')}${Array.from({ length: 30_000 }, (_, i) => seat(800 + i, 1)).join('')}`,
      `license: t\nseats:\n${Array.from({ length: 3_000 }, (_, i) => seat(i, 1)).join('')}${'# a long comment line that is not a record at all, and takes room in the guess\n'.repeat(3_000)}`,
      `license: t\nseats:\n${Array.from({ length: 50 }, (_, i) => `${seat(i, 2)}# note\n\n`).join('')}`,
    ];
    for (const text of files) {
      const fast = scanRecordBytes(bytesOf(text), 'seats');
      const records = fast!.data.seats as Record<string, unknown>[];
      expect(records).toEqual(parseFlowLines(text, 'seats')!.data.seats);
      expect(records).toEqual((yamlParse(text) as { seats: unknown[] }).seats);
      // No empty slot left at the end: every index holds a record.
      expect(Object.keys(records)).toHaveLength(records.length);
      expect(fast!.map.locate(['seats', records.length - 1, 'person']).line).toBeGreaterThan(records.length);
    }
  });

  it('reads the usual seat line without reading its keys, and every near miss as the text scanner does', () => {
    const lines = [
      '{ person: ada, tier: full, since: 2026-01-05 }',
      '{ person: 123, tier: true, since: 2026-01-05 }',
      '{ person: zoë, tier: full, since: 2026-02-30 }',
      '{ person: a:b, tier: full, since: 2026-01-05 } # a comment',
      '{ person: ada , tier: full, since: 2026-01-05  }',
      '{ person: ada, tier: full, since: 2026-01-05, device: d1 }',
      '{ person: ada, tier: full, since: 2026-01-05, }',
      '{ person: ada, tier: full }',
      '{ person: "ada", tier: full, since: 2026-01-05 }',
      '{ person:  ada, tier: full, since: 2026-01-05 }',
      '{ person: ada, tier: [a, b], since: 2026-01-05 }',
      '{ person: ada, tier: { id: x }, since: 2026-01-05 }',
      '{person: ada, tier: full, since: 2026-01-05}',
      '{ person: ada, since: 2026-01-05, tier: full }',
      '{ tier: full, person: ada, since: 2026-01-05 }',
    ];
    const text = `license: t\nseats:\n${lines.map((l) => `  - ${l}`).join('\n')}\n`;
    const fast = scanRecordBytes(bytesOf(text), 'seats');
    expect(fast).not.toBeNull();
    const seats = fast!.data.seats as Record<string, unknown>[];
    const slow = parseFlowLines(text, 'seats')!.data.seats as Record<string, unknown>[];
    expect(seats).toEqual(slow);
    expect(seats).toEqual(yamlParse(text).seats);
    // The same keys in the same order (toEqual does not look at the order), and the same types.
    for (const [i, seat] of seats.entries()) expect(Object.keys(seat), lines[i]).toEqual(Object.keys(slow[i]!));
    expect(seats[1]).toEqual({ person: 123, tier: true, since: '2026-01-05' });
  });

  it('asks the acceptor about a usual seat line by its three values, and about any other line by its record', () => {
    const text = 'license: t\nseats:\n  - { person: ada, tier: full, since: 2026-01-05 }\n  - { person: bob, tier: view, since: 2026-01-06 }\n  - { person: cy, since: 2026-01-07, tier: full }\n';
    const calls: unknown[][] = [];
    const accept = Object.assign((record: unknown) => (calls.push(['record', record]), true), {
      seat: (person: unknown, tier: unknown, since: unknown) => (calls.push(['seat', person, tier, since]), person !== 'bob'),
    });
    const fast = scanRecordBytes(bytesOf(text), 'seats', new Interner(), accept)!;
    expect(calls).toEqual([
      ['seat', 'ada', 'full', '2026-01-05'],
      ['seat', 'bob', 'view', '2026-01-06'],
      ['record', { person: 'cy', since: '2026-01-07', tier: 'full' }],
    ]);
    expect(fast.unsure).toEqual([1]);
  });

  it('leaves a usual seat line with a value it refuses to the full parser in the lenient mode', () => {
    const text = 'license: t\nseats:\n  - { person: ada, tier: full, since: 2026-01-05 }\n  - { person: bob, tier: a: b, since: 2026-01-05 }\n  - { person: cy, tier: full, since: 2026-01-06 }\n';
    const lenient = scanRecordBytesLeniently(bytesOf(text), 'seats');
    expect(lenient).not.toBeNull();
    expect(lenient!.data.seats).toEqual([{ person: 'ada', tier: 'full', since: '2026-01-05' }, { person: 'cy', tier: 'full', since: '2026-01-06' }]);
    expect(lenient!.regions).toEqual([{ fromLine: 4, toLine: 4, fromByte: text.indexOf('  - { person: bob'), toByte: text.indexOf('\n  - { person: cy'), at: 1 }]);
  });

  it('interns a record\'s last value too, though a space follows it before the brace', () => {
    const text = 'license: t\nseats:\n  - { person: ada, tier: full, since: 2026-01-05 }\n  - { person: bob, tier: full, since: 2026-01-06 }\n  - { person: cy, since: 2026-01-05, tier: view  }\n';
    const interner = new Interner(16);
    const fast = scanRecordBytes(bytesOf(text), 'seats', interner)!;
    expect(fast.data.seats).toEqual(parseFlowLines(text, 'seats')!.data.seats);
    // The keys person, tier, since; ada, bob, cy; full, view; both dates: ten texts, each once
    // (2026-01-06 and view are only ever last in their record).
    expect(interner.size).toBe(10);
  });

  it('types plain scalars by their first byte exactly as resolvePlain does', () => {
    const values = ['a', 'null', 'Null', 'NULL', 'nul', 'nulls', 'true', 'True', 'TRUE', 'tru', 'false', 'FALSE', 'f', 'n', 'T', '~', '12', '-3', '+4', '1.5', '.5', '2.', '1e3',
      '2026-02-30', '2026-1-01', '20260-01-01', '1234567890123456', '.inf', '-.inf', '.nan', '0x1F', '0o7', 'v1.2.3', 'x:y', 'p@example.com', '_id', '/path', '-x', '+x', '.x', 'e5'];
    const text = `license: t\nseats:\n${values.map((v, i) => `  - { k${i}: ${v} }`).join('\n')}\n`;
    const fast = scanRecordBytes(bytesOf(text), 'seats');
    const slow = parseFlowLines(text, 'seats');
    // Both scanners hand odd numbers to the yaml package.
    if (slow === null) expect(fast).toBeNull();
    else expect(fast!.data).toEqual(slow.data);
    const safe = values.filter((v) => !['1234567890123456', '.inf', '-.inf', '.nan', '0x1F', '0o7'].includes(v));
    const text2 = `license: t\nseats:\n${safe.map((v, i) => `  - { k${i}: ${v} }`).join('\n')}\n`;
    expect(scanRecordBytes(bytesOf(text2), 'seats')!.data).toEqual(yamlParse(text2));
  });

  const cases = `license: figma   # the design tool

seats:
  # design team
  - { person: ada.lovelace, tier: full, since: 2025-03-01 }
  - {person: grace, tier: full, since: 2025-04-01}   # trailing comment
  - { person: "quoted, with comma", tier: viewer, since: 2025-03-02, note: "temp, until May" }
  - { person: zoë, tier: "ü", n: 12, f: 1.5, t: true, z: null, e: ~, d: 2026-02-30, list: [a, b, ], m: { x: 1 }, v: v1.2.3, s: x:y, h: a#b }
  - { person: trailing   , tier: a b c  }
`;

  it('agrees with the text scanner and the yaml package on scalars, quotes, nesting and comments', () => {
    const fast = scanRecordBytes(bytesOf(cases), 'seats');
    expect(fast).not.toBeNull();
    expect(fast!.data).toEqual(parseFlowLines(cases, 'seats')!.data);
    expect(fast!.data).toEqual(yamlParse(cases));
    expect(fast!.map.locate(['seats', 3, 'list'])).toEqual(parseFlowLines(cases, 'seats')!.map.locate(['seats', 3, 'list']));
  });

  it.each([
    ['a single-quoted string', "license: x\nseats:\n  - { person: 'o''brien' }\n"],
    ['a tab', 'license: x\nseats:\n  - {\tperson: a }\n'],
    ['a byte-order mark', '\ufefflicense: x\nseats:\n  - { person: a }\n'],
    ['a control character', 'license: x\nseats:\n  - { person: a\u0001b }\n'],
    ['an escape', 'license: x\nseats:\n  - { person: "a\\"b" }\n'],
    ['a block mapping item', 'license: x\nseats:\n  - person: a\n'],
    ['a hex number', 'license: x\nseats:\n  - { n: 0x1F }\n'],
    ['a duplicate key', 'license: x\nseats:\n  - { a: 1, a: 2 }\n'],
    ['a multi-line flow mapping', 'license: x\nseats:\n  - { person: a,\n      tier: b }\n'],
    ['an implicit nested key', 'license: x\nseats:\n  - { a: b: c }\n'],
  ])('hands %s back to the text scanner', (_name, text) => {
    expect(scanRecordBytes(bytesOf(text), 'seats')).toBeNull();
  });
});
