// tierLeaves groups a tier's seats by the rows they are charged to and whether they are waste, and shares the cost
// out by seat count. It finds a seat's group by its payers object; rows equal by key are one group whatever object
// carries them (a resolver may make two).
import { describe, expect, it } from 'vitest';
import { tierLeaves } from '../../src/analysis/report/leaves.ts';
import type { Payer, PayerResolver, Payers } from '../../src/analysis/report/payers.ts';
import type { SeatView } from '../../src/analysis/report/seats.ts';

const payer = (key: string): Payer => ({ key, name: key, from: [] });
const payers = (d: string, c: string): Payers => ({ department: payer(d), costCentre: payer(c) });
const view = (person: string, use: SeatView['use']) => ({ seat: { person, tier: 'pro', since: '2026-01-01' }, use }) as unknown as SeatView;

describe('tierLeaves', () => {
  it('makes one leaf per department, cost centre and waste, whatever object carries the rows, and shares the cost by seats', () => {
    // Two objects for eng/cc-1 (p1's and p2's), one for sales/cc-2.
    const rows: Record<string, Payers> = { p1: payers('eng', 'cc-1'), p2: payers('eng', 'cc-1'), p3: payers('sales', 'cc-2') };
    const resolver: PayerResolver = { unassigned: payers('(unassigned)', '(unassigned)'), devices: payers('(devices)', '(devices)'), person: () => rows.p1!, seat: (s) => rows[s.person!]! };
    const seats = [view('p1', 'active'), view('p2', 'active'), view('p2', 'inactive'), view('p3', 'inactive'), view('p1', 'inactive'), view('p3', 'active')];
    const leaves = tierLeaves({ license: 'l', tier: 'pro', seats, unassigned: 2, counted: true, cost: 8_000_000n, costUnknown: null }, resolver, 'EUR');
    const shown = leaves.map((l) => [l.payers.department.key, l.payers.costCentre.key, l.wasted, l.held, l.cost]);
    expect(shown).toEqual([
      ['(unassigned)', '(unassigned)', true, 0, 2_000_000n],
      ['eng', 'cc-1', false, 2, 2_000_000n],
      ['eng', 'cc-1', true, 2, 2_000_000n],
      ['sales', 'cc-2', false, 1, 1_000_000n],
      ['sales', 'cc-2', true, 1, 1_000_000n],
    ]);
    // The leaf names the rows of the first seat that made it.
    expect(leaves[1]!.payers).toBe(rows.p1);
    // Not counted one by one: idle seats are not waste.
    const flat = tierLeaves({ license: 'l', tier: 'pro', seats, unassigned: 0, counted: false, cost: 6_000_000n, costUnknown: null }, resolver, 'EUR');
    expect(flat.map((l) => [l.payers.department.key, l.wasted, l.held])).toEqual([['eng', false, 4], ['sales', false, 2]]);
  });
});
