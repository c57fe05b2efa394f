import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readRecordLine, scalar, writeRecordLine } from '../../src/directory/line.ts';

describe('people.yaml record lines', () => {
  it('writes any text so that YAML reads the same text back, plain where it can', () => {
    expect(scalar('Ada Lovelace')).toBe('Ada Lovelace');
    expect(scalar('Engineering Manager, Cloud')).toBe('"Engineering Manager, Cloud"');
    expect(scalar('true')).toBe('"true"');
    expect(scalar('2026-03-10')).toBe('2026-03-10');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        const line = writeRecordLine({ prefix: '  - ', record: {}, suffix: '' }, { id: 'x', title: text });
        expect((parse(`people:\n${line}\n`) as { people: Record<string, unknown>[] }).people[0]!.title).toBe(text);
        expect(readRecordLine(line)?.record.title).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
