import { describe, expect, it } from 'vitest';
import { DirectoryShrank, planPeople, type PlanInput } from '../../src/directory/plan.ts';
import type { DirectoryEntry } from '../../src/directory/types.ts';
import type { Person } from '../../src/inventory/schema/index.ts';

const PEOPLE: Person[] = [
  { id: 'ada', name: 'Ada Lovelace', email: 'ada@test.example', department: 'eng', status: 'active', start: '2020-01-01' },
  { id: 'bob', name: 'Bob Byte', email: 'bob@test.example', directory_id: 'u-bob', department: 'sales', title: 'Account Executive', status: 'active' },
  { id: 'cy', name: 'Cy Leaver', email: 'cy@test.example', status: 'leaver', end: '2026-01-31' },
  { id: 'dee', name: 'Dee Contractor', email: 'dee@agency.example', status: 'active' },
];

const entry = (e: Partial<DirectoryEntry> & Pick<DirectoryEntry, 'directoryId' | 'email'>): DirectoryEntry => ({ status: 'active', ...e });

function input(entries: DirectoryEntry[], extra: Partial<PlanInput> = {}): PlanInput {
  return {
    people: PEOPLE,
    entries,
    departments: [{ id: 'eng', name: 'Engineering', cost_centre: 'CC-100' }, { id: 'sales', name: 'Sales', cost_centre: 'CC-200' }],
    departmentNames: new Map([['Software Engineering', 'eng']]),
    today: '2026-03-10',
    minSourcePercent: 1,
    ...extra,
  };
}

describe('planPeople', () => {
  it('adds joiners, moves movers, marks leavers with their end date and lists people the source does not know', () => {
    const plan = planPeople(input([
      entry({ directoryId: 'u-ada', email: 'ada@test.example', department: 'Software Engineering', title: 'Staff Engineer', costCentre: 'CC-100', employmentType: 'Employee' }),
      entry({ directoryId: 'u-bob', email: 'bob@test.example', status: 'leaver', end: '2026-03-01' }),
      entry({ directoryId: 'u-eve', email: 'eve.nouveau@test.example', name: 'Eve Nouveau', department: 'sales', manager: 'u-bob', start: '2026-04-01' }),
      entry({ directoryId: 'u-cy', email: 'cy@test.example', status: 'leaver' }),
    ]));
    expect(plan.joiners).toEqual([{ id: 'eve.nouveau', name: 'Eve Nouveau', email: 'eve.nouveau@test.example', directory_id: 'u-eve', department: 'sales', manager: 'bob', status: 'active', start: '2026-04-01' }]);
    expect(plan.changes.map((c) => [c.id, c.kind, c.patch])).toEqual([
      // The cost centre equals the department's default, so no override is written.
      ['ada', 'mover', { title: 'Staff Engineer', employment_type: 'employee', directory_id: 'u-ada' }],
      ['bob', 'leaver', { status: 'leaver', end: '2026-03-01' }],
      ['cy', 'update', { directory_id: 'u-cy' }],
    ]);
    expect(plan.unknown).toEqual(['dee']);
    expect(plan.conflicts).toEqual([]);
  });

  it('keeps a future end date as "leaving on": still active', () => {
    const plan = planPeople(input([entry({ directoryId: 'u-bob', email: 'bob@test.example', status: 'leaver', end: '2026-04-30' })]));
    expect(plan.changes).toMatchObject([{ id: 'bob', kind: 'leaving', patch: { end: '2026-04-30' } }]);
    expect(plan.changes[0]!.patch.status).toBeUndefined();
  });

  it('matches by directory ID first, never renames an ID, and keeps the old address as an alias', () => {
    const plan = planPeople(input([entry({ directoryId: 'u-bob', email: 'robert.byte@test.example', name: 'Robert Byte' })]));
    expect(plan.joiners).toEqual([]);
    expect(plan.changes).toMatchObject([{ id: 'bob', patch: { email: 'robert.byte@test.example', aliases: ['bob@test.example'] } }]);
    expect(Object.keys(plan.changes[0]!.patch)).not.toContain('id');
  });

  it('matches an alias when the ID is not known yet', () => {
    const people = [...PEOPLE.slice(0, 3), { ...PEOPLE[3]!, aliases: ['dee.old@test.example'] }];
    const plan = planPeople(input([entry({ directoryId: 'u-dee', email: 'dee.old@test.example' })], { people }));
    expect(plan.joiners).toEqual([]);
    expect(plan.changes[0]).toMatchObject({ id: 'dee', patch: { directory_id: 'u-dee', email: 'dee.old@test.example', aliases: ['dee@agency.example'] } });
  });

  it('reports two entries that claim one email and applies neither', () => {
    const plan = planPeople(input([
      entry({ directoryId: 'u-1', email: 'ada@test.example', title: 'One', where: 'hr.csv:2' }),
      entry({ directoryId: 'u-2', email: 'ada@test.example', title: 'Two', where: 'hr.csv:3' }),
      entry({ directoryId: 'u-bob', email: 'bob@test.example' }),
    ]));
    expect(plan.conflicts).toEqual(['ada@test.example is claimed by 2 directory entries (u-1 at hr.csv:2, u-2 at hr.csv:3); none applied']);
    expect(plan.changes.map((c) => c.id)).not.toContain('ada');
    expect(plan.joiners).toEqual([]);
  });

  it('stops instead of proposing mass leavers when the source returns far fewer people than people.yaml holds', () => {
    expect(() => planPeople(input([entry({ directoryId: 'u-bob', email: 'bob@test.example' })], { minSourcePercent: 80 }))).toThrow(DirectoryShrank);
    expect(() => planPeople(input([entry({ directoryId: 'u-bob', email: 'bob@test.example' })], { minSourcePercent: 80 }))).toThrow('returned 1 active people, but people.yaml has 3 (less than 80%)');
  });

  it('gives a joiner an ID no line of people.yaml holds, invalid lines included', () => {
    const plan = planPeople(input([entry({ directoryId: 'u-ada2', email: 'ada@new.example', name: 'Ada Two' })], { reservedIds: ['ada.2'] }));
    expect(plan.joiners.map((j) => j.id)).toEqual(['ada.3']);
  });

  it('keeps the end date of someone people.yaml already has as a leaver', () => {
    const plan = planPeople(input([entry({ directoryId: 'u-cy', email: 'cy@test.example', status: 'leaver', end: '2026-02-14' }), entry({ directoryId: 'u-bob', email: 'bob@test.example' })]));
    expect(plan.changes).toEqual([expect.objectContaining({ id: 'cy', patch: { directory_id: 'u-cy' } })]);
  });

  it('holds back both entries when two claim one person through its email and an alias', () => {
    const people = [...PEOPLE.slice(0, 3), { ...PEOPLE[3]!, aliases: ['dee.old@test.example'] }];
    const plan = planPeople(input([entry({ directoryId: 'u-dee', email: 'dee@agency.example', title: 'A' }), entry({ directoryId: 'u-x', email: 'dee.old@test.example', title: 'B' })], { people }));
    expect(plan.conflicts).toEqual(['dee is claimed by directory entries u-dee and u-x; neither applied']);
    expect(plan.changes).toEqual([]);
    expect(plan.joiners).toEqual([]);
  });

  it('trusts the directory ID over an address another entry claims', () => {
    const people = [...PEOPLE.slice(0, 3), { ...PEOPLE[3]!, directory_id: 'u-dee', aliases: ['dee.old@test.example'] }];
    const plan = planPeople(input([entry({ directoryId: 'u-dee', email: 'dee@agency.example', title: 'A' }), entry({ directoryId: 'u-x', email: 'dee.old@test.example', title: 'B' })], { people }));
    expect(plan.conflicts).toEqual(['dee.old@test.example (directory ID u-x) matches dee by email, but dee has directory ID u-dee; not applied']);
    expect(plan.changes.map((c) => [c.id, c.patch])).toEqual([['dee', { title: 'A' }]]);
  });

  it('keeps someone on leave when an identity provider shows an active account; an HR status ends the leave', () => {
    const people = [...PEOPLE.slice(0, 3), { ...PEOPLE[3]!, status: 'on-leave' as const }];
    const idp = planPeople(input([entry({ directoryId: 'u-dee', email: 'dee@agency.example' })], { people }));
    expect(idp.changes.map((c) => c.patch)).toEqual([{ directory_id: 'u-dee' }]);
    const hr = planPeople(input([entry({ directoryId: 'u-dee', email: 'dee@agency.example', knowsLeave: true })], { people }));
    expect(hr.changes.map((c) => c.patch)).toEqual([{ status: 'active', directory_id: 'u-dee' }]);
  });
});
