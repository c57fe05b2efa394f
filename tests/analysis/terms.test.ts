import { describe, expect, it } from 'vitest';
import { cancelBy, hasDecision, inForce, renewalDate, termMonths, termStatus } from '../../src/analysis/terms.ts';
import type { Contract } from '../../src/inventory/schema/index.ts';

const contract = (over: Partial<Contract>): Contract => ({
  id: 'c',
  vendor: 'v',
  currency: 'EUR',
  start: '2026-01-01',
  end: '2026-12-31',
  lines: [{ license: 'l', tier: 't', quantity: 1, unit_price: '1' }],
  ...over,
});

describe('termMonths', () => {
  it('takes the written term, or term_months when given', () => {
    expect(termMonths(contract({}))).toBe(12);
    expect(termMonths(contract({ start: '2025-07-01', end: '2028-06-30' }))).toBe(36);
    expect(termMonths(contract({ start: '2025-07-01', end: '2028-06-30', term_months: 12 }))).toBe(12);
    expect(termMonths(contract({ end: undefined }))).toBeUndefined();
  });

  it('reads terms that start at a month end or on a leap day', () => {
    expect(termMonths(contract({ start: '2026-01-31', end: '2027-01-30' }))).toBe(12);
    expect(termMonths(contract({ start: '2026-01-31', end: '2026-02-27' }))).toBe(1);
    expect(termMonths(contract({ start: '2028-02-29', end: '2029-02-28' }))).toBe(12);
  });

  it('rounds a term that is not whole months to the nearest month', () => {
    // A prorated first term, and a term written a day short: both renew for a year.
    expect(termMonths(contract({ start: '2026-01-15', end: '2026-12-31' }))).toBe(12);
    expect(termMonths(contract({ start: '2026-02-01', end: '2027-01-30' }))).toBe(12);
    // Ten days over a year is still a year; a fortnight and a half short of two months is one month.
    expect(termMonths(contract({ start: '2026-01-01', end: '2027-01-10' }))).toBe(12);
    expect(termMonths(contract({ start: '2026-01-01', end: '2026-02-14' }))).toBe(1);
  });
});

describe('termStatus', () => {
  it('is future before the start, current from start to end inclusive', () => {
    const c = contract({});
    expect(termStatus(c, '2025-12-31')).toEqual({ state: 'future', term: { start: '2026-01-01', end: '2026-12-31' }, rolls: 0 });
    expect(termStatus(c, '2026-01-01').state).toBe('current');
    expect(termStatus(c, '2026-12-31').state).toBe('current');
    expect(termStatus(c, '2027-01-01')).toEqual({ state: 'expired', term: { start: '2026-01-01', end: '2026-12-31' }, rolls: 0 });
  });

  it('rolls an auto-renewing contract term by term past its written end', () => {
    const c = contract({ start: '2024-01-01', end: '2024-12-31', auto_renew: true });
    expect(termStatus(c, '2025-01-01')).toEqual({ state: 'rolled', term: { start: '2025-01-01', end: '2025-12-31' }, rolls: 1 });
    expect(termStatus(c, '2026-03-10')).toEqual({ state: 'rolled', term: { start: '2026-01-01', end: '2026-12-31' }, rolls: 2 });
    expect(termStatus(c, '2026-12-31').rolls).toBe(2);
    expect(termStatus(c, '2027-01-01').rolls).toBe(3);
  });

  it('does not roll a cancelled contract', () => {
    const c = contract({ auto_renew: true, renewal: { decision: 'cancel', decided_on: '2026-10-01' } });
    expect(termStatus(c, '2026-12-31').state).toBe('current');
    expect(termStatus(c, '2027-01-01')).toEqual({ state: 'expired', term: { start: '2026-01-01', end: '2026-12-31' }, rolls: 0 });
  });

  it('rolls a 36-month term by 36 months, or by term_months when given', () => {
    const three = contract({ start: '2023-07-01', end: '2026-06-30', auto_renew: true });
    expect(termStatus(three, '2026-07-01')).toEqual({ state: 'rolled', term: { start: '2026-07-01', end: '2029-06-30' }, rolls: 1 });
    const yearly = { ...three, term_months: 12 };
    expect(termStatus(yearly, '2027-08-01')).toEqual({ state: 'rolled', term: { start: '2027-07-01', end: '2028-06-30' }, rolls: 2 });
  });

  it('keeps month-end anniversaries when rolling (Jan 31, Feb 28, Mar 31)', () => {
    const monthly = contract({ start: '2026-01-31', end: '2026-02-27', auto_renew: true });
    expect(termStatus(monthly, '2026-03-29')).toEqual({ state: 'rolled', term: { start: '2026-02-28', end: '2026-03-30' }, rolls: 1 });
    expect(termStatus(monthly, '2026-03-31')).toEqual({ state: 'rolled', term: { start: '2026-03-31', end: '2026-04-29' }, rolls: 2 });
  });

  it('keeps a leap-day anniversary when rolling', () => {
    const leap = contract({ start: '2028-02-29', end: '2029-02-27', auto_renew: true });
    expect(termStatus(leap, '2032-02-28')).toEqual({ state: 'rolled', term: { start: '2031-02-28', end: '2032-02-28' }, rolls: 3 });
    expect(termStatus(leap, '2032-02-29')).toEqual({ state: 'rolled', term: { start: '2032-02-29', end: '2033-02-27' }, rolls: 4 });
    // Written to the day before the first of March: the renewals begin on March 1.
    const march = contract({ start: '2028-02-29', end: '2029-02-28', auto_renew: true });
    expect(termStatus(march, '2029-03-01')).toEqual({ state: 'rolled', term: { start: '2029-03-01', end: '2030-02-28' }, rolls: 1 });
  });

  it('keeps a perpetual purchase without end in force for good', () => {
    const p = contract({ start: '2020-05-01', end: undefined, billing_period: 'one-time' });
    expect(termStatus(p, '2020-04-30')).toEqual({ state: 'future', term: undefined, rolls: 0 });
    expect(termStatus(p, '2040-01-01')).toEqual({ state: 'perpetual', term: undefined, rolls: 0 });
    expect(inForce(p, '2040-01-01')).toBe(true);
    expect(inForce(p, '2020-04-30')).toBe(false);
  });
});

describe('inForce', () => {
  it('is true for current and rolled terms only', () => {
    expect(inForce(contract({}), '2026-06-01')).toBe(true);
    expect(inForce(contract({}), '2027-01-01')).toBe(false);
    expect(inForce(contract({ auto_renew: true }), '2027-01-01')).toBe(true);
    expect(inForce(contract({}), '2025-12-31')).toBe(false);
  });
});

describe('cancelBy', () => {
  const term = { start: '2026-01-01', end: '2026-12-31' };

  it('subtracts a notice in days from the renewal date', () => {
    expect(renewalDate(term)).toBe('2027-01-01');
    expect(cancelBy(term, { days: 30 })).toBe('2026-12-02');
    expect(cancelBy(term, { days: 90 })).toBe('2026-10-03');
  });

  it('subtracts a notice in months, clamped at month ends', () => {
    expect(cancelBy(term, { months: 3 })).toBe('2026-10-01');
    expect(cancelBy({ start: '2025-06-01', end: '2026-05-30' }, { months: 3 })).toBe('2026-02-28');
    expect(cancelBy({ start: '2025-03-01', end: '2028-02-29' }, { months: 1 })).toBe('2028-02-01');
  });

  it('is the last day of the term without notice, or with a notice of zero', () => {
    expect(cancelBy(term, undefined)).toBe('2026-12-31');
    expect(cancelBy(term, { days: 0 })).toBe('2026-12-31');
    expect(cancelBy(term, { months: 0 })).toBe('2026-12-31');
    expect(cancelBy(term, { days: 1 })).toBe('2026-12-31');
  });

  it('applies to the rolled term in force', () => {
    const c = contract({ start: '2024-01-01', end: '2024-12-31', auto_renew: true, notice: { months: 2 } });
    const status = termStatus(c, '2026-03-10');
    expect(cancelBy(status.term!, c.notice)).toBe('2026-11-01');
  });
});

describe('hasDecision', () => {
  it('counts a decision other than undecided, for the written term only', () => {
    const renew = contract({ auto_renew: true, renewal: { decision: 'renew' } });
    expect(hasDecision(renew, termStatus(renew, '2026-06-01'))).toBe(true);
    expect(hasDecision(renew, termStatus(renew, '2027-06-01'))).toBe(false);
    const undecided = contract({ auto_renew: true, renewal: { decision: 'undecided' } });
    expect(hasDecision(undecided, termStatus(undecided, '2026-06-01'))).toBe(false);
    expect(hasDecision(contract({}), termStatus(contract({}), '2026-06-01'))).toBe(false);
  });
});
