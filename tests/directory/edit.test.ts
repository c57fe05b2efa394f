import { describe, expect, it } from 'vitest';
import { editPeople } from '../../src/directory/edit.ts';
import { planPeople } from '../../src/directory/plan.ts';
import type { Person } from '../../src/inventory/schema/index.ts';

const TEXT = `# yaml-language-server: $schema=../schemas/people.schema.json
# Kept by HR.
people:
  - { id: ada, name: Ada Lovelace, email: ada@test.example, department: eng, status: active, start: 2020-01-01 }  # founder
  - { id: bob, name: Bob Byte, email: bob@test.example, department: sales, title: "Sales, EMEA", status: active }

  - { id: zed, name: Zed Last, email: zed@test.example, status: active }
`;

const PEOPLE: Person[] = [
  { id: 'ada', name: 'Ada Lovelace', email: 'ada@test.example', department: 'eng', status: 'active', start: '2020-01-01' },
  { id: 'bob', name: 'Bob Byte', email: 'bob@test.example', department: 'sales', title: 'Sales, EMEA', status: 'active' },
  { id: 'zed', name: 'Zed Last', email: 'zed@test.example', status: 'active' },
];

describe('editPeople', () => {
  it('changes exactly the lines of the people who change and inserts joiners in ID order', () => {
    const plan = planPeople({
      people: PEOPLE,
      entries: [
        { directoryId: 'u-ada', email: 'ada@test.example', status: 'active', title: 'Founder: CEO' },
        { directoryId: 'u-bob', email: 'bob@test.example', status: 'leaver', end: '2026-02-28' },
        { directoryId: 'u-zed', email: 'zed@test.example', status: 'active' },
        { directoryId: 'u-cat', email: 'cat@test.example', name: 'Cat Nouveau', status: 'active', start: '2026-04-01' },
      ],
      departments: [],
      departmentNames: new Map(),
      today: '2026-03-10',
      minSourcePercent: 1,
    });
    const out = editPeople(TEXT, plan);
    const before = TEXT.split('\n');
    const after = out.split('\n');
    expect(after.filter((l) => !before.includes(l))).toEqual([
      '  - { id: ada, name: Ada Lovelace, email: ada@test.example, directory_id: u-ada, department: eng, title: "Founder: CEO", status: active, start: 2020-01-01 }  # founder',
      '  - { id: bob, name: Bob Byte, email: bob@test.example, directory_id: u-bob, department: sales, title: "Sales, EMEA", status: leaver, end: 2026-02-28 }',
      '  - { id: cat, name: Cat Nouveau, email: cat@test.example, directory_id: u-cat, status: active, start: 2026-04-01 }',
      '  - { id: zed, name: Zed Last, email: zed@test.example, directory_id: u-zed, status: active }',
    ]);
    // Comments, the blank line and the header are kept; the joiner sits between bob and zed.
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
    expect(after.indexOf('')).toBe(5);
    expect(after[6]).toContain('id: cat');
    expect(after.length).toBe(before.length + 1);
  });

  it('keeps a Windows file\'s line breaks', () => {
    const crlf = TEXT.replace(/\n/g, '\r\n');
    const change = { id: 'zed', name: 'Zed Last', kind: 'mover' as const, patch: { title: 'CTO' }, before: PEOPLE[2]! };
    const out = editPeople(crlf, { joiners: [], changes: [change] });
    expect(out).toBe(crlf.replace('zed@test.example, status: active }', 'zed@test.example, title: CTO, status: active }'));
  });
});
