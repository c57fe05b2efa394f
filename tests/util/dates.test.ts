import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayNumber, daysBetween, daysInMonth, fromDayNumber, isIsoDate, maxDate, minDate, monthsBetween, todayIn } from '../../src/util/dates.ts';

describe('addMonths', () => {
  it('clamps the day to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('knows leap years', () => {
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2028-02-29', 48)).toBe('2032-02-29');
    expect(addMonths('2100-01-31', 1)).toBe('2100-02-28');
    expect(addMonths('2000-01-31', 1)).toBe('2000-02-29');
  });

  it('crosses years both ways, over multi-year spans', () => {
    expect(addMonths('2025-07-01', 36)).toBe('2028-07-01');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2027-01-15', -2)).toBe('2026-11-15');
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
  });
});

describe('addDays and daysBetween', () => {
  it('step over month ends and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2027-01-01', '2028-01-01')).toBe(365);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
  });

  it('take years before 100 as written (Date.UTC would read 0026 as 1926)', () => {
    expect(addDays('0026-12-31', 1)).toBe('0027-01-01');
    expect(daysBetween('0004-02-28', '0004-03-01')).toBe(2);
    expect(daysInMonth(4, 2)).toBe(29);
    expect(isIsoDate('0004-02-29')).toBe(true);
    expect(isIsoDate('0001-02-29')).toBe(false);
  });
});

describe('monthsBetween', () => {
  it('counts whole months, a partial month as none', () => {
    expect(monthsBetween('2026-01-01', '2027-01-01')).toBe(12);
    expect(monthsBetween('2026-01-15', '2026-02-14')).toBe(0);
    expect(monthsBetween('2026-01-15', '2026-02-15')).toBe(1);
    expect(monthsBetween('2025-07-01', '2028-07-01')).toBe(36);
  });

  it('agrees with addMonths at month ends', () => {
    expect(monthsBetween('2026-01-31', '2026-02-28')).toBe(1);
    expect(monthsBetween('2026-01-31', '2026-02-27')).toBe(0);
    expect(monthsBetween('2026-01-31', '2026-03-01')).toBe(1);
    expect(monthsBetween('2028-01-31', '2028-02-29')).toBe(1);
    expect(monthsBetween('2028-02-29', '2029-02-28')).toBe(12);
    expect(monthsBetween('2028-02-29', '2029-03-01')).toBe(12);
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-4-30')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
  });
});

describe('todayIn', () => {
  it('takes the date in the given time zone', () => {
    const now = new Date('2026-12-31T23:30:00Z');
    expect(todayIn('UTC', now)).toBe('2026-12-31');
    expect(todayIn('Europe/Berlin', now)).toBe('2027-01-01');
    expect(todayIn('America/Los_Angeles', now)).toBe('2026-12-31');
  });
});

describe('minDate and maxDate', () => {
  it('compare ISO dates', () => {
    expect(minDate('2026-03-10', '2026-12-02')).toBe('2026-03-10');
    expect(maxDate('2026-03-10', '2026-12-02')).toBe('2026-12-02');
  });
});

describe('dayNumber, remembered', () => {
  it('gives the same day for a date asked again, across more dates than it keeps (it forgets and reads them again)', () => {
    const start = dayNumber('1900-01-01');
    // 120,000 days (about 328 years): more than the 100,000 dates kept, so the memory is cleared on the way.
    const dates = Array.from({ length: 120_000 }, (_, i) => fromDayNumber(start + i));
    for (let round = 0; round < 2; round++) dates.forEach((d, i) => expect(dayNumber(d)).toBe(start + i));
    expect(dayNumber('2024-02-29') - dayNumber('2024-02-28')).toBe(1);
    expect(() => dayNumber('2024-02-3')).toThrow('not an ISO date');
    expect(() => dayNumber('2024-02-3')).toThrow('not an ISO date');
  });
});
