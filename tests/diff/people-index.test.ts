import { describe, expect, it } from 'vitest';
import { indexPeople, sparsePeople, withManagers } from '../../src/diff/people-index.ts';
import { readInventoryFile } from '../../src/inventory/read-file.ts';
import { createValidators } from '../../src/inventory/validate.ts';

const PATH = 'inventory/people.yaml';
const TEXT = [
  '# the directory',
  'people:',
  '  - { id: ada, name: Ada Lovelace, email: ada@example.com, status: active, start: 2020-01-01 }',
  '  - { id: bob, name: "Bob O\'Byte, Jr.", email: bob@example.com, manager: ada, status: leaver, start: 2021-01-01, end: 2026-01-31 }',
  '',
  '  - { id: cy, name: Cy, email: cy@example.com, aliases: [cy@old.example, cyy], manager: bob, status: active }',
  '  - { id: dee, name: Dee, email: dee@example.com, status: on-leave }',
  '',
].join('\n');
const bytes = (text: string) => new TextEncoder().encode(text);

describe('people.yaml index for lac diff', () => {
  const validators = createValidators();

  it('reads only the kept people, on their own lines, with the records and positions of the whole file', () => {
    const index = indexPeople(bytes(TEXT))!;
    expect(index.ids).toEqual(['ada', 'bob', 'cy', 'dee']);
    const keep = withManagers(index, ['cy']);
    expect([...keep].sort()).toEqual(['ada', 'bob', 'cy']);
    const whole = readInventoryFile(PATH, bytes(TEXT), validators).file!;
    const part = readInventoryFile(PATH, sparsePeople(index, keep)!, validators).file!;
    const people = (f: typeof whole) => (f.data.people as { id: string }[]).flatMap((p, i) => (p ? [{ p, at: f.map.locate(['people', i, 'status']) }] : []));
    expect(people(part)).toEqual(people(whole).filter(({ p }) => keep.has(p.id)));
    expect(sparsePeople(index, [])).toBeUndefined();
  });

  it('declines a file a YAML reader could read otherwise, so that it is read whole', () => {
    const line = (record: string) => indexPeople(bytes(`people:\n  - { id: ada, name: Ada, email: a@example.com, status: active }\n  - ${record}\n`));
    expect(line('{ id: bob, name: Bob, status: active }')).toBeDefined();
    for (const bad of [
      '{ id: bob, name: Bob, name: Robert, status: active }', // a duplicate key breaks the whole file
      '{ id: bob, name: "Bob, status: active }', // an unterminated quote
      '{ id: bob, name: Bob # a comment, status: active }',
      '{ id: bob, name: &anchor Bob, status: active }',
      '{ id: bob, name: \'Bob\', status: active }',
      '{ id: bob, name: Bob, title: a: b, status: active }',
      '{ id: bob, tags: [a, [b]], status: active }',
      '{ id: bob, name: Bob, status: active } trailing',
      '{ id: bob, name: "B\\"ob", status: active }',
    ]) {
      expect(line(bad), bad).toBeUndefined();
    }
    expect(indexPeople(bytes('people:\n  - id: ada\n    name: Ada\n'))).toBeUndefined(); // block style
    expect(indexPeople(bytes('version: 2\npeople:\n  - { id: ada }\n'))).toBeUndefined(); // another top-level key
  });
});
