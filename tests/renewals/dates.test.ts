import { describe, expect, it } from 'vitest';
import { resolveToday } from '../../src/check/run.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import type { Contract } from '../../src/inventory/schema/index.ts';
import { nextTerm, renewalDates } from '../../src/renewals/dates.ts';
import { planRenewals } from '../../src/renewals/plan.ts';
import { files } from '../support/inventory.ts';

const contract = (over: Partial<Contract>): Contract => ({
  id: 'c',
  vendor: 'v',
  currency: 'EUR',
  start: '2026-01-01',
  end: '2026-12-31',
  auto_renew: true,
  lines: [{ license: 'l', tier: 't', quantity: 1, unit_price: '1' }],
  ...over,
});

const at = (c: Contract, today: string, hasSuccessor = false) => renewalDates(c, today, { decisionWindowDays: 45, hasSuccessor })!;
const pick = (c: Contract, today: string) => {
  const r = at(c, today);
  return { term: r.term, renewal: r.renewal, cancelBy: r.cancelBy, days: r.daysToCancelBy, next: r.next, rolls: r.rolls };
};

describe('renewal dates', () => {
  it('keeps month ends: a term begun on Jan 31 renews on Jan 31, a month of notice gives Dec 31', () => {
    expect(pick(contract({ start: '2026-01-31', end: '2027-01-30', notice: { months: 1 } }), '2026-12-01')).toEqual({
      term: { start: '2026-01-31', end: '2027-01-30' }, renewal: '2027-01-31', cancelBy: '2026-12-31', days: 30, next: { start: '2027-01-31', end: '2028-01-30' }, rolls: 0,
    });
    // Monthly terms from Jan 31 roll to Feb 28, Mar 31, Apr 30 (anchored on the start, not drifting to the 28th).
    expect(pick(contract({ start: '2026-01-31', end: '2026-02-27', notice: { days: 7 } }), '2026-04-15')).toEqual({
      term: { start: '2026-03-31', end: '2026-04-29' }, renewal: '2026-04-30', cancelBy: '2026-04-23', days: 8, next: { start: '2026-04-30', end: '2026-05-30' }, rolls: 2,
    });
  });

  it('counts notice in days across February and in calendar months', () => {
    const feb = { start: '2026-03-01', end: '2027-02-28' };
    expect(at(contract({ ...feb, notice: { days: 30 } }), '2027-01-15').cancelBy).toBe('2027-01-30');
    expect(at(contract({ ...feb, notice: { months: 1 } }), '2027-01-15').cancelBy).toBe('2027-02-01');
    expect(at(contract({ ...feb, notice: { months: 3 } }), '2026-10-01').cancelBy).toBe('2026-12-01');
    // No notice: the last day of the term; a zero notice too (the renewal day is already the next term).
    expect(at(contract({ ...feb }), '2027-01-15').cancelBy).toBe('2027-02-28');
    expect(at(contract({ ...feb, notice: { days: 0 } }), '2027-01-15').cancelBy).toBe('2027-02-28');
  });

  it('handles leap years: a term from Feb 29 ends Feb 28 and the next one ends on the leap day', () => {
    expect(pick(contract({ start: '2024-02-29', end: '2025-02-28', notice: { days: 60 } }), '2024-12-01')).toMatchObject({ renewal: '2025-03-01', cancelBy: '2024-12-31', next: { start: '2025-03-01', end: '2026-02-28' } });
    expect(nextTerm(contract({ start: '2027-03-01', end: '2028-02-29' }), { start: '2027-03-01', end: '2028-02-29' })).toEqual({ start: '2028-03-01', end: '2029-02-28' });
    expect(at(contract({ start: '2027-03-01', end: '2028-02-29', notice: { days: 29 } }), '2028-01-01').cancelBy).toBe('2028-02-01');
    // Rolled past its written end: the term in force is the one from the day after, and so is its cancel-by.
    expect(pick(contract({ start: '2028-02-29', end: '2029-02-28', notice: { days: 60 } }), '2029-06-01')).toMatchObject({ term: { start: '2029-03-01', end: '2030-02-28' }, cancelBy: '2029-12-31', rolls: 1 });
  });

  it('renews multi-year terms for the same length unless term_months says otherwise', () => {
    const three = contract({ start: '2025-07-01', end: '2028-06-30', notice: { days: 90 } });
    expect(pick(three, '2028-03-01')).toMatchObject({ renewal: '2028-07-01', cancelBy: '2028-04-02', days: 32, next: { start: '2028-07-01', end: '2031-06-30' } });
    expect(at({ ...three, term_months: 12 }, '2028-03-01').next).toEqual({ start: '2028-07-01', end: '2029-06-30' });
  });

  it('gives each status', () => {
    const c = contract({ notice: { days: 30 } }); // cancel by 2026-12-02, window 45 days
    expect(at(c, '2026-10-01').status).toBe('upcoming');
    expect(at(c, '2026-10-18').status).toBe('notice-window');
    expect(at(c, '2026-12-02')).toMatchObject({ status: 'notice-window', daysToCancelBy: 0 });
    expect(at(c, '2026-12-03')).toMatchObject({ status: 'past-cancel-by', daysToCancelBy: -1 });
    expect(at({ ...c, auto_renew: false }, '2027-01-01').status).toBe('expired');
    expect(at({ ...c, renewal: { decision: 'cancel' } }, '2026-12-10')).toMatchObject({ status: 'cancelled', decision: 'cancel' });
    expect(at(c, '2026-12-10', true).status).toBe('renewed');
    // A decision belongs to the written term; once the contract rolled on, the new term is undecided again.
    expect(at({ ...c, renewal: { decision: 'renew' } }, '2026-12-10').decision).toBe('renew');
    expect(at({ ...c, renewal: { decision: 'renew' } }, '2027-02-10')).toMatchObject({ decision: 'undecided', rolls: 1, cancelBy: '2027-12-02' });
  });

  it('takes "today" in the org time zone: 23:30 UTC on Nov 30 is already Dec 1 in Berlin', async () => {
    const contractText = `id: figma-2026\nvendor: figma\nowner: ada\ncurrency: USD\nstart: 2026-01-01\nend: 2026-12-31\nauto_renew: true\nnotice: { days: 32 }\nlines:\n  - { license: figma, tier: full, quantity: 2, unit_price: "540.00" }\n`;
    const now = new Date('2026-11-30T23:30:00Z');
    const status = async (tz: string) => {
      const { inventory } = await loadInventory(memorySource(files({ 'inventory/org.yaml': `name: T\ncurrency: EUR\ntimezone: ${tz}\nexchange_rates: { USD: "0.90" }\n`, 'inventory/contracts/figma-2026.yaml': contractText })));
      const today = resolveToday(inventory, undefined, now);
      return [today, planRenewals(inventory, today)[0]!.dates.status];
    };
    expect(await status('Europe/Berlin')).toEqual(['2026-12-01', 'past-cancel-by']);
    expect(await status('UTC')).toEqual(['2026-11-30', 'notice-window']);
    expect(await status('America/Los_Angeles')).toEqual(['2026-11-30', 'notice-window']);
  });
});
