// The pure parts of a request: the supply of one more seat (the report's figures) and the
// verdict's edges that the end-to-end tests do not reach.
import { describe, expect, it } from 'vitest';
import { checkRequest } from '../../src/request/check.ts';
import { parseRequestForm } from '../../src/request/form.ts';
import { seatSupply, supplyText } from '../../src/request/supply.ts';
import { model, PEOPLE, TODAY } from '../reclaim/fixtures.ts';
import { renderIssueForm } from './issue-form.ts';

const SITE = 'id: wiki\nname: Wiki\nvendor: figma\ntype: site\ntiers:\n  - { id: member, name: Member }\n';
const LISTED = 'id: miro\nname: Miro\nvendor: figma\ntype: subscription\ntiers:\n  - { id: full, name: Full, list_price: "96.00" }\n  - { id: guest, name: Guest }\n';

describe('seatSupply', () => {
  it('reads entitled, assigned and the price of one seat from the report figures', async () => {
    const inv = await model({ 'inventory/licenses/wiki.yaml': SITE, 'inventory/licenses/miro.yaml': LISTED });
    const cases = [['figma', 'full'], ['figma', 'viewer'], ['slack', 'standard'], ['wiki', 'member'], ['miro', 'full'], ['miro', 'guest']] as const;
    expect(cases.map(([l, t]) => supplyText(seatSupply(inv, TODAY, l, t)))).toEqual([
      'A free seat is available: 3 of 4 entitled seats are assigned.',
      'The contract in force entitles unlimited seats of this tier: no purchase is needed.',
      "No seat of this tier is free (3 assigned, 3 entitled): one more seat costs **120.00 EUR a year** at the contract's price.",
      'Seats of this license are not counted one by one: no purchase is needed.',
      "No seat of this tier is free (0 assigned, 0 entitled): one more seat costs **96.00 EUR a year** at the tier's list price (no contract in force prices it).",
      'No seat of this tier is free (0 assigned, 0 entitled), and no contract in force or list price gives its price: ask the license owner what one more seat costs.',
    ]);
    // After the contract ends nothing is entitled and nothing prices the tier: no seat is free, and no cost is made up.
    expect(seatSupply(inv, '2027-01-10', 'figma', 'full')).toEqual({ kind: 'short', entitled: 0, assigned: 3, pending: 0 });
  });
});

const form = (person: string, from?: string) => parseRequestForm(renderIssueForm([['Person', person], ['License', 'figma'], ['Tier', 'full'], ['Why', 'x'], ['Needed from', from]]));

describe('checkRequest', () => {
  it('starts a joiner\'s seat on their first day, and a later needed-from day on that day', async () => {
    const inv = await model({ 'inventory/people.yaml': `${PEOPLE}  - { id: jo, name: Jo Join, email: jo@test.example, status: active, start: 2026-04-01 }\n` });
    const since = (person: string, from?: string) => {
      const v = checkRequest(inv, form(person, from), TODAY);
      return v.ok ? v.seat.since : v.problems;
    };
    expect([since('jo'), since('jo', '2026-05-01'), since('eve', '2026-01-01'), since('EVE@TEST.EXAMPLE')]).toEqual(['2026-04-01', '2026-05-01', TODAY, TODAY]);
  });

  it('refuses a person on leave, and a person two people share an alias with', async () => {
    const people = PEOPLE.replace('{ id: eve, name: Eve Free, email: eve@test.example,', '{ id: eve, name: Eve Free, email: eve@test.example, aliases: [e@test.example],')
      .replace('status: active, start: 2023-01-01', 'status: on-leave, start: 2023-01-01')
      + '  - { id: eli, name: Eli Two, email: eli@test.example, aliases: [e@test.example], status: active }\n';
    const inv = await model({ 'inventory/people.yaml': people });
    expect(checkRequest(inv, form('eve'), TODAY)).toEqual({ ok: false, problems: ['Eve Free (`eve`) is on leave: ask again when they are back.'] });
    expect(checkRequest(inv, form('e@test.example'), TODAY)).toEqual({ ok: false, problems: ['`e@test.example` names more than one person in inventory/people.yaml: give their person ID.'] });
  });
});
