import { describe, expect, it } from 'vitest';
import { buildIdentityIndex, matchAccounts } from '../../src/usage/match/identity.ts';
import type { Person } from '../../src/inventory/schema/index.ts';

const people: Person[] = [
  { id: 'ada', name: 'Ada', email: 'Ada.Lovelace@Test.example', github: 'Ada-L', aliases: ['ada@old.example', 'alovelace'], status: 'active' },
  { id: 'bob', name: 'Bob', email: 'bob@test.example', status: 'active' },
  { id: 'cy', name: 'Cy', email: 'cy@test.example', aliases: ['shared@test.example'], status: 'active' },
  { id: 'di', name: 'Di', email: 'di@test.example', aliases: ['shared@test.example'], status: 'active' },
];

describe('identity matching', () => {
  const index = buildIdentityIndex(people);

  it('matches by email, alias and GitHub login, ignoring case and surrounding space', () => {
    const r = matchAccounts(
      [
        { account: 'ada.lovelace@test.example' },
        { account: 'u123', email: ' ADA@OLD.EXAMPLE ' },
        { account: 'ada-l' },
        { account: 'x', login: 'ALOVELACE' },
        { account: 'BOB@test.example' },
      ],
      index,
    );
    expect(r.accounts.map((a) => a.person)).toEqual(['ada', 'ada', 'ada', 'ada', 'bob']);
    expect(r.unmatched).toEqual([]);
  });

  it('keeps and reports what matches nobody, and never guesses between two people', () => {
    const r = matchAccounts([{ account: 'ghost@else.example' }, { account: 'shared@test.example' }], index);
    expect(r.accounts).toEqual([{ account: 'ghost@else.example' }, { account: 'shared@test.example' }]);
    expect(r.unmatched.map((a) => a.account)).toEqual(['ghost@else.example', 'shared@test.example']);
    expect(r.ambiguous).toEqual([{ account: 'shared@test.example', people: ['cy', 'di'] }]);
  });
});
