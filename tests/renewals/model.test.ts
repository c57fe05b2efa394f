import { describe, expect, it } from 'vitest';
import type { Contract, License, Usage } from '../../src/inventory/schema/index.ts';
import { keepTicks } from '../../src/renewals/issue-body.ts';
import { reminders } from '../../src/renewals/issues.ts';
import { proposeNextTerm } from '../../src/renewals/next-term.ts';
import type { Renewal } from '../../src/renewals/plan.ts';
import { recommendLine, toPacks, withHeadroom } from '../../src/renewals/recommend.ts';
import { inUse, tierOf, tierUsage } from '../../src/renewals/usage.ts';
import { parseAmount } from '../../src/util/money.ts';

const license = (over: Partial<License> = {}): License => ({ id: 'l', name: 'L', vendor: 'v', type: 'subscription', tiers: [{ id: 'full', name: 'Full' }, { id: 'view', name: 'View' }], ...over });
const contract = (over: Partial<Contract> = {}): Contract => ({ id: 'c', vendor: 'v', currency: 'USD', start: '2026-01-01', end: '2026-12-31', lines: [{ license: 'l', tier: 'full', quantity: 10, unit_price: '10.00', price_period: 'month' }], ...over });
const usage = (taken: string, accounts: Usage['accounts'], peaks?: Usage['peaks']): Usage => ({ license: 'l', source: 'csv', taken, accounts, ...(peaks ? { peaks } : {}) });
const ORG = { name: 'O', currency: 'EUR', timezone: 'UTC', exchange_rates: { USD: '0.90' } };

describe('seats in use', () => {
  it('counts enabled accounts active within the threshold; no activity data counts, never used does not', () => {
    expect(inUse({ account: 'a', last_active: '2026-01-01' }, '2026-03-01', 59)).toBe(true);
    expect(inUse({ account: 'a', last_active: '2026-01-01' }, '2026-03-02', 59)).toBe(false);
    expect(inUse({ account: 'a' }, '2026-03-01', 60)).toBe(true);
    expect(inUse({ account: 'a', last_active: null }, '2026-03-01', 60)).toBe(false);
    expect(inUse({ account: 'a', status: 'suspended', last_active: '2026-03-01' }, '2026-03-01', 60)).toBe(false);
  });

  it('places an account in its reported tier, the vendor plan mapped, the holder\'s seat, or the only tier', () => {
    const l = license({ usage: { source: 'csv', tiers: { 'Pro Plan': 'full' } } });
    const seats = new Map([['ada', 'view']]);
    expect(tierOf({ account: 'a', tier: 'full', person: 'ada' }, l, seats)).toBe('full');
    expect(tierOf({ account: 'a', tier: 'Pro Plan' }, l, seats)).toBe('full');
    expect(tierOf({ account: 'a', tier: 'Enterprise', person: 'ada' }, l, seats)).toBe('view');
    expect(tierOf({ account: 'a' }, l, seats)).toBeUndefined();
    expect(tierOf({ account: 'a' }, license({ tiers: [{ id: 'one', name: 'One' }] }), seats)).toBe('one');
  });

  it('takes the peak over the window from every version, and daily peaks of concurrent licenses', () => {
    const acct = (n: number) => Array.from({ length: n }, (_, i) => ({ account: `u${i}`, tier: 'full', last_active: '2026-06-01' }));
    const base = { license: license(), seats: undefined, inactiveDays: 60, windowDays: 90, today: '2026-06-30' };
    const u = tierUsage({ ...base, history: [{ day: '2026-03-01', usage: usage('2026-03-01T00:00:00Z', acct(50)) }, { day: '2026-05-01', usage: usage('2026-05-01T00:00:00Z', acct(7)) }], current: { day: '2026-06-01', usage: usage('2026-06-01T00:00:00Z', acct(5)) } });
    expect(u.get('full')).toEqual({ basis: 'history', peak: 7, peakOn: '2026-05-01', snapshots: 2, from: '2026-05-01', to: '2026-06-01' });
    const floating = license({ type: 'concurrent', tiers: [{ id: 'float', name: 'Floating' }] });
    const peaks = [{ date: '2026-05-02', in_use: 4 }, { date: '2026-05-03', in_use: 9 }];
    expect(tierUsage({ ...base, license: floating, history: [], current: { day: '2026-06-01', usage: usage('2026-06-01T00:00:00Z', acct(2), peaks) } }).get('float')).toMatchObject({ basis: 'snapshot', peak: 9, peakOn: '2026-05-03' });
    // Several floating tiers: the peaks carry no tier, so each tier counts its active users, at most the peak.
    const two = license({ type: 'concurrent' });
    const mixed = [...acct(12), { account: 'v1', tier: 'view', last_active: '2026-06-01' }];
    const both = tierUsage({ ...base, license: two, history: [], current: { day: '2026-06-01', usage: usage('2026-06-01T00:00:00Z', mixed, peaks) } });
    expect([both.get('full')?.peak, both.get('view')?.peak]).toEqual([9, 1]);
    // Peaks per tier (a license server): each tier its own peak, whatever the accounts say.
    const tiered = [{ date: '2026-05-02', tier: 'full', in_use: 4 }, { date: '2026-05-03', tier: 'full', in_use: 3 }, { date: '2026-05-03', tier: 'view', in_use: 6 }];
    const each = tierUsage({ ...base, license: two, history: [], current: { day: '2026-06-01', usage: usage('2026-06-01T00:00:00Z', mixed, tiered) } });
    expect([each.get('full')?.peak, each.get('full')?.peakOn, each.get('view')?.peak]).toEqual([4, '2026-05-02', 6]);
  });
});

describe('recommended quantity', () => {
  it('adds headroom and rounds up to whole seats and packs', () => {
    expect([withHeadroom(10, 10), withHeadroom(11, 10), withHeadroom(0, 10), withHeadroom(7, 0)]).toEqual([11, 13, 0, 7]);
    expect([toPacks(11, 5), toPacks(10, 5), toPacks(0, 5), toPacks(3, 1)]).toEqual([15, 10, 0, 3]);
  });

  it('subtracts seats bought under other contracts, and prices the result exactly in the org currency', () => {
    const c = contract();
    const rec = recommendLine({ contract: c, line: c.lines[0]!, license: license(), usage: { basis: 'history', peak: 20, snapshots: 3, from: '2026-04-01', to: '2026-06-01', peakOn: '2026-05-01' }, elsewhere: 5, headroomPercent: 15, org: ORG });
    expect(rec.recommended).toBe(18); // 20 + 15% = 23, minus 5 elsewhere
    expect(rec.reasoning).toEqual([
      'peak of 20 seats in use over 3 usage snapshots from 2026-04-01 to 2026-06-01, highest on 2026-05-01',
      '+ 15% headroom: 23 seats',
      '- 5 seats bought under other contracts in force: 18 seats',
      '8 more than today\'s 10',
    ]);
    // 10.00 USD a month × 12 × 0.90 = 108.00 EUR a seat and year.
    expect([rec.currentCost, rec.recommendedCost]).toEqual([parseAmount('1080'), parseAmount('1944')]);
  });

  it('keeps site and unlimited lines as bought, and reports a missing exchange rate as no cost', () => {
    const c = contract({ lines: [{ license: 'l', tier: 'full', quantity: 1, unit_price: '5000' }] });
    const site = recommendLine({ contract: c, line: c.lines[0]!, license: license({ type: 'site' }), usage: undefined, elsewhere: 0, headroomPercent: 10, org: ORG });
    expect([site.recommended, site.reasoning]).toEqual([1, ['site license: the quantity is not sized by seats in use; kept as bought']]);
    const noRate = recommendLine({ contract: c, line: c.lines[0]!, license: license(), usage: undefined, elsewhere: 0, headroomPercent: 10, org: { ...ORG, exchange_rates: {} } });
    expect(noRate.currentCost).toBeUndefined();
  });
});

describe('reminder thresholds', () => {
  const r = (days: number) => ({ dates: { daysToCancelBy: days }, reminderDays: [90, 60, 30, 14, 7] }) as unknown as Renewal;
  it('is due at the nearest threshold reached, once; thresholds skipped while lac did not run are not caught up', () => {
    expect(reminders(r(85), {}, true)).toEqual({ reached: [90], due: undefined });
    expect(reminders(r(59), { reminded: [90] }, false)).toEqual({ reached: [90, 60], due: 60 });
    expect(reminders(r(58), { reminded: [90, 60] }, false)).toEqual({ reached: [90, 60], due: undefined });
    expect(reminders(r(10), { reminded: [90, 60] }, false)).toEqual({ reached: [90, 60, 30, 14], due: 14 });
    expect(reminders(r(0), { reminded: [90, 60, 30, 14] }, false)).toEqual({ reached: [90, 60, 30, 14, 7], due: 7 });
    expect(reminders(r(-1), { reminded: [90, 60, 30, 14] }, false).due).toBeUndefined();
  });
});

describe('issue body', () => {
  it('keeps ticked boxes by their text', () => {
    expect(keepTicks('- [x] Decide\n- [ ] Record', '- [ ] Decide\n- [ ] Record\n- [ ] New')).toBe('- [x] Decide\n- [ ] Record\n- [ ] New');
    expect(keepTicks(undefined, '- [ ] Decide')).toBe('- [ ] Decide');
  });
});

describe('next term in the contract file', () => {
  const text = 'id: c\nstart: 2024-01-01 # first order\nend: 2024-12-31\nlines:\n  - license: l\n    tier: full\n    quantity: 10 # agreed with sales\n';
  const renewal = (rolls: number) => ({ id: 'c', dates: { rolls, term: { start: '2026-01-01', end: '2026-12-31' }, next: { start: '2025-01-01', end: '2025-12-31' } }, lines: [{ license: 'l', tier: 'full', current: 10, recommended: 12 }] }) as unknown as Renewal;
  it('writes the next term, or the term in force when the contract rolled on unrecorded; block style and comments survive', () => {
    expect(proposeNextTerm(text, renewal(0))).toBe('id: c\nstart: 2025-01-01 # first order\nend: 2025-12-31\nlines:\n  - license: l\n    tier: full\n    quantity: 12 # agreed with sales\nrenewal:\n  decision: undecided # for a person: renew, renegotiate or cancel\n');
    expect(proposeNextTerm(text, renewal(2))).toContain('start: 2026-01-01 # first order\nend: 2026-12-31\n');
    expect(proposeNextTerm('id: other\n', renewal(0))).toBeUndefined();
  });

  it('leaves flow maps, folded notes and quoting as written; removes the old decision\'s who and when', () => {
    const flow = `id: c\nstart: "2024-01-01"\nend: '2024-12-31'\nlines:\n  - { license: l, tier: full, quantity: 10, unit_price: "1.00" }\nrenewal: { decision: renew, decided_by: ada, decided_on: 2024-10-01, notes: "kept" }\nnotes: >\n  A long note that a person\n  folded by hand.\n`;
    expect(proposeNextTerm(flow, renewal(0))).toBe(`id: c\nstart: "2025-01-01"\nend: '2025-12-31'\nlines:\n  - { license: l, tier: full, quantity: 12, unit_price: "1.00" }\nrenewal: { decision: undecided, notes: "kept" }\nnotes: >\n  A long note that a person\n  folded by hand.\n`);
    const block = 'id: c\nstart: 2024-01-01\nend: 2024-12-31\nrenewal:\n  decision: renew # agreed\n  decided_by: ada\n  decided_on: 2024-10-01\n  notes: |\n    two\n    lines\nlines:\n  - { license: l, tier: full, quantity: 10 }\n';
    expect(proposeNextTerm(block, renewal(0))).toBe('id: c\nstart: 2025-01-01\nend: 2025-12-31\nrenewal:\n  decision: undecided # agreed\n  notes: |\n    two\n    lines\nlines:\n  - { license: l, tier: full, quantity: 12 }\n');
  });
});
